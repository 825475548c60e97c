/** rollback's inputs: the `to` forms, the provider-specific rules, and the reason a manual run needs. */
import { describe, expect, it } from 'vitest';
import { manifest } from '../../../actions/rollback/src/manifest.ts';
import { requireReason } from '../../../actions/rollback/src/rollback.ts';
import { rollbackTo } from '../../../actions/rollback/src/targets.ts';
import { InputError } from '../../../packages/core/src/errors.ts';
import { inputVariable, parseInputs } from '../../../packages/core/src/inputs.ts';
import { SecretRegistry } from '../../../packages/core/src/secrets.ts';

function parse(inputs: Record<string, string>) {
  const env = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v]));
  return parseInputs({
    specs: manifest.inputs,
    env,
    runner: { setSecret: () => {}, secrets: new SecretRegistry() },
    check: manifest.check,
  });
}

function problems(inputs: Record<string, string>): string[] {
  try {
    parse(inputs);
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.problems.map((p) => `${p.input}: ${p.shown}: ${p.expected}`);
  }
}

describe('the to input', () => {
  const to = rollbackTo();
  it('takes one deployment id, or service=id lines', () => {
    expect(to.parse('dpl_abc123')).toEqual({ ok: true, value: { kind: 'one', id: 'dpl_abc123' } });
    expect(to.parse('api=1f2e\n\n# the worker too\nworker = 9a8b\n')).toEqual({
      ok: true,
      value: {
        kind: 'per-service',
        pairs: [
          ['api', '1f2e'],
          ['worker', '9a8b'],
        ],
      },
    });
  });

  it('refuses two bare ids, a service named twice and ids with spaces', () => {
    expect(to.parse('a\nb')).toMatchObject({ ok: false, expected: expect.stringMatching(/line 1 is not/) });
    expect(to.parse('api=1\napi=2')).toMatchObject({ ok: false, expected: expect.stringMatching(/"api" is given twice/) });
    expect(to.parse('not an id')).toMatchObject({ ok: false });
  });
});

describe('the provider-specific inputs', () => {
  it('accepts a Railway rollback of one service with defaults', () => {
    expect(parse({ provider: 'railway', services: 'api', wait: 'true', timeout: '15m', 'request-timeout': '30s' })).toMatchObject(
      {
        provider: 'railway',
        services: ['api'],
        wait: true,
        timeout: 900_000,
      },
    );
  });

  it('takes the services from service=id lines when services is left out', () => {
    expect(problems({ provider: 'railway', to: 'api=1\nweb=2' })).toEqual([]);
  });

  it('refuses a Railway rollback with no service, a team, one id for several services, or a `to` for an unlisted service', () => {
    expect(problems({ provider: 'railway' })).toEqual([expect.stringMatching(/^services: is required with provider: railway/)]);
    expect(problems({ provider: 'railway', services: 'api', 'team-id': 'team_x' })).toEqual([
      expect.stringMatching(/^team-id: .*only with provider: vercel/),
    ]);
    expect(problems({ provider: 'railway', services: 'api,web', to: 'dpl1' })).toEqual([
      expect.stringMatching(/^to: .*one `service=id` line per service/),
    ]);
    expect(problems({ provider: 'railway', services: 'api', to: 'web=1' })).toEqual([
      expect.stringMatching(/^to: names service "web": expected only services listed in services \(api\)/),
    ]);
  });

  it('refuses a Vercel rollback without token or project, with services, per-service lines, or a non-production environment', () => {
    expect(problems({ provider: 'vercel', services: 'web', to: 'web=dpl_1', environment: 'staging' })).toEqual([
      expect.stringMatching(/^services: /),
      expect.stringMatching(/^to: got service=id lines/),
      expect.stringMatching(/^project-id: is required with provider: vercel/),
      expect.stringMatching(/^token: is required with provider: vercel/),
      expect.stringMatching(/^environment: got "staging"/),
    ]);
  });
});

describe('the reason', () => {
  it('is required on a manual run and optional otherwise', () => {
    expect(() => requireReason({ reason: undefined }, 'workflow_dispatch')).toThrow(
      /Input 'reason' is required when the run was started by hand/,
    );
    expect(() => requireReason({ reason: '  ' }, 'workflow_dispatch')).toThrow(InputError);
    expect(() => requireReason({ reason: 'gate failed' }, 'workflow_dispatch')).not.toThrow();
    expect(() => requireReason({ reason: undefined }, 'push')).not.toThrow();
  });
});
