/**
 * The types a scalar input can have. Each is a parser from the raw string to the typed value,
 * plus the expected form in words: that sentence is the error for a bad value and the catalog's
 * description of the input, so the two cannot disagree.
 *
 * These are small typed parsers rather than zod schemas on purpose: every action parses its
 * inputs at start, and zod's module evaluation alone costs 0.5-0.7x a bare `node -e 0` (measured
 * with the bundles here). zod validates the structured documents (check files, API answers),
 * which load with the action bodies; `fromZod` turns such a schema into an input type.
 */

import { formatBytes, parseBytes } from './bytes.ts';
import { formatDuration, parseDuration } from './duration.ts';
import { numberedLines, splitLines, splitWords } from './lines.ts';
import { describeControlCharacter } from './urls.ts';

// Kept for the modules that still import them from here; new code imports duration.ts.
export { formatDuration, parseDuration } from './duration.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

export interface InputType<T> {
  /** The expected form, as a user reads it: "a duration such as 90s, 5m, 1h or plain seconds". */
  readonly form: string;
  parse(raw: string): Parsed<T>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (expected: string): { ok: false; expected: string } => ({ ok: false, expected });

function type<T>(form: string, parse: (raw: string) => Parsed<T>): InputType<T> {
  return { form, parse };
}

/** An input type from any schema with zod's `safeParse` shape (kept structural: no zod import here). */
export function fromSchema<T>(
  form: string,
  schema: {
    safeParse(
      raw: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: Array<{ message: string; path: PropertyKey[] }> } };
  },
): InputType<T> {
  return type(form, (raw) => {
    const result = schema.safeParse(raw);
    if (result.success) return ok(result.data);
    const issue = result.error.issues[0];
    const at = issue && issue.path.length > 0 ? ` (at ${issue.path.map(String).join('.')})` : '';
    return bad(issue ? `${form}${at}: ${issue.message}` : form);
  });
}

export function text(form = 'text'): InputType<string> {
  return type(form, (raw) => ok(raw));
}

export function pattern(re: RegExp, form: string): InputType<string> {
  return type(form, (raw) => (re.test(raw) ? ok(raw) : bad(form)));
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T): InputType<T[number]> {
  const form = `one of ${values.map((v) => `'${v}'`).join(', ')}`;
  return type(form, (raw) => {
    const value = raw.toLowerCase();
    return (values as readonly string[]).includes(value) ? ok(value as T[number]) : bad(form);
  });
}

/** Strict booleans, as the YAML 1.2 core schema spells them (the runner's own rule). */
export function boolean(): InputType<boolean> {
  const form = "'true' or 'false'";
  return type(form, (raw) => {
    if (['true', 'True', 'TRUE'].includes(raw)) return ok(true);
    if (['false', 'False', 'FALSE'].includes(raw)) return ok(false);
    return bad(form);
  });
}

export function integer(options: { min?: number; max?: number } = {}): InputType<number> {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
  const range =
    options.min !== undefined && options.max !== undefined
      ? ` from ${min} to ${max}`
      : options.min !== undefined
        ? ` of at least ${min}`
        : '';
  const form = `a whole number${range}`;
  return type(form, (raw) => {
    if (!/^[+-]?\d+$/.test(raw)) return bad(form);
    const value = Number(raw);
    return value < min || value > max || !Number.isSafeInteger(value) ? bad(form) : ok(value);
  });
}

/** A duration in milliseconds. */
export function duration(options: { min?: number; max?: number } = {}): InputType<number> {
  const { min = 0, max = 24 * 3_600_000 } = options;
  const form = `a duration such as 90s, 5m, 1h or plain seconds, from ${formatDuration(min)} to ${formatDuration(max)}`;
  return type(form, (raw) => {
    const ms = parseDuration(raw);
    return ms === undefined || ms < min || ms > max ? bad(form) : ok(ms);
  });
}

export function url(options: { protocols?: readonly string[]; form?: string } = {}): InputType<string> {
  const protocols = options.protocols ?? ['http:', 'https:'];
  const form = options.form ?? `an absolute ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL`;
  return type(form, (raw) => {
    // The URL parser drops line breaks and tabs: a two-line value would request a URL nobody wrote.
    const control = describeControlCharacter(raw);
    if (control) return bad(`${form}, on one line; this value holds ${control}`);
    if (!URL.canParse(raw)) return bad(form);
    const parsed = new URL(raw);
    return protocols.includes(parsed.protocol) && parsed.hostname !== '' ? ok(raw) : bad(form);
  });
}

/** URLs, one a line: never split on commas, which a URL may hold (`?checks=db,cache`). */
export function urls(options: { protocols?: readonly string[] } = {}): InputType<string[]> {
  const item = url(options);
  const form = `URLs, one a line, each ${item.form}`;
  return type(form, (raw) => {
    const values: string[] = [];
    for (const entry of splitLines(raw)) {
      const parsed = item.parse(entry);
      if (!parsed.ok) return bad(`${form}; ${JSON.stringify(entry)} is not`);
      values.push(parsed.value);
    }
    return values.length > 0 ? ok(values) : bad(form);
  });
}

/** A list of words (names, statuses, ids): one a line or comma-separated; blank items dropped. */
export function list<T = string>(item?: InputType<T>): InputType<T[]> {
  const form = `a list, one item a line or comma-separated${item ? `, each ${item.form}` : ''}`;
  return type(form, (raw) => {
    const values: T[] = [];
    for (const entry of splitWords(raw)) {
      if (!item) {
        values.push(entry as T);
        continue;
      }
      const parsed = item.parse(entry);
      if (!parsed.ok) return bad(`${form}; item ${JSON.stringify(entry)} is not ${item.form}`);
      values.push(parsed.value);
    }
    return ok(values);
  });
}

/** A size in bytes: `1MiB`, `512KiB`, `10MB` or plain bytes. */
export function bytes(options: { min?: number; max?: number } = {}): InputType<number> {
  const { min = 0, max = 1024 ** 3 } = options;
  const form = `a size such as 512KiB, 1MiB, 10MB or plain bytes, from ${formatBytes(min)} to ${formatBytes(max)}`;
  return type(form, (raw) => {
    const value = parseBytes(raw);
    return value === undefined || value < min || value > max ? bad(form) : ok(value);
  });
}

export type KeyValues = Array<[key: string, value: string]>;

/** `KEY=VALUE`, one pair a line; blank lines and `#` comments are skipped; values may hold `=`. */
export function keyValues(): InputType<KeyValues> {
  const form = 'KEY=VALUE pairs, one a line (keys are letters, digits, _ . -)';
  return type(form, (raw) => {
    const pairs: KeyValues = [];
    for (const { line, text: trimmed } of numberedLines(raw)) {
      if (trimmed.startsWith('#')) continue;
      const eq = trimmed.indexOf('=');
      const key = eq > 0 ? trimmed.slice(0, eq).trim() : '';
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) return bad(`${form}; line ${line} is not`);
      pairs.push([key, trimmed.slice(eq + 1).trim()]);
    }
    return ok(pairs);
  });
}

/** A date-time: ISO 8601 or Unix epoch seconds; returns epoch milliseconds. */
export function timestamp(): InputType<number> {
  const form = 'an ISO 8601 date-time or Unix epoch seconds';
  return type(form, (raw) => {
    if (/^\d{9,11}(\.\d+)?$/.test(raw)) return ok(Math.round(Number(raw) * 1000));
    const ms = /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : Number.NaN;
    return Number.isNaN(ms) ? bad(form) : ok(ms);
  });
}
