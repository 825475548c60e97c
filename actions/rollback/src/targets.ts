/**
 * The `to` input: one deployment id, or one per service as `service=id` lines (Railway, several
 * services). Parsed before anything happens, so a malformed line is an input error naming it.
 */
import type { InputType, Parsed } from '@deploy-suite/core/input-types';

export type RollbackTo = { kind: 'one'; id: string } | { kind: 'per-service'; pairs: Array<[service: string, id: string]> };

const ID = /^[A-Za-z0-9_.:/-]{1,200}$/;
const SERVICE = /^[^\s=]{1,128}$/;

const FORM = 'a deployment id, or one `service=deployment-id` line per service';

export function rollbackTo(): InputType<RollbackTo> {
  return {
    form: FORM,
    parse(raw: string): Parsed<RollbackTo> {
      const lines = raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
      if (lines.length === 1 && !lines[0]?.includes('=')) {
        const id = lines[0] ?? '';
        return ID.test(id) ? { ok: true, value: { kind: 'one', id } } : { ok: false, expected: FORM };
      }
      const pairs: Array<[string, string]> = [];
      for (const [index, line] of lines.entries()) {
        const eq = line.indexOf('=');
        const service = eq > 0 ? line.slice(0, eq).trim() : '';
        const id = line.slice(eq + 1).trim();
        if (!SERVICE.test(service) || !ID.test(id)) return { ok: false, expected: `${FORM}; line ${index + 1} is not` };
        if (pairs.some(([s]) => s === service))
          return { ok: false, expected: `${FORM}; service ${JSON.stringify(service)} is given twice` };
        pairs.push([service, id]);
      }
      return pairs.length === 0 ? { ok: false, expected: FORM } : { ok: true, value: { kind: 'per-service', pairs } };
    },
  };
}
