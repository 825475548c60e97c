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

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses `90s`, `5m`, `1h`, `1m30s`, `250ms` or plain seconds into milliseconds. */
export function parseDuration(raw: string): number | undefined {
  const value = raw.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(value)) return undefined;
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 1000);
  }
  return Math.round(total);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  if (minutes < 60) return rest ? `${minutes}m${rest}s` : `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes - hours * 60;
  return restMinutes ? `${hours}h${restMinutes}m` : `${hours}h`;
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
    if (!URL.canParse(raw)) return bad(form);
    const parsed = new URL(raw);
    return protocols.includes(parsed.protocol) && parsed.hostname !== '' ? ok(raw) : bad(form);
  });
}

/** Splits a list given one item a line or comma-separated; blank items are dropped. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function list<T = string>(item?: InputType<T>): InputType<T[]> {
  const form = `a list, one item a line or comma-separated${item ? `, each ${item.form}` : ''}`;
  return type(form, (raw) => {
    const values: T[] = [];
    for (const entry of splitList(raw)) {
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

export type KeyValues = Array<[key: string, value: string]>;

/** `KEY=VALUE`, one pair a line; blank lines and `#` comments are skipped; values may hold `=`. */
export function keyValues(): InputType<KeyValues> {
  const form = 'KEY=VALUE pairs, one a line (keys are letters, digits, _ . -)';
  return type(form, (raw) => {
    const pairs: KeyValues = [];
    for (const [index, line] of raw.split(/\r?\n/).entries()) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const eq = trimmed.indexOf('=');
      const key = eq > 0 ? trimmed.slice(0, eq).trim() : '';
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) return bad(`${form}; line ${index + 1} is not`);
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
