/**
 * JSON with exact integers. `JSON.parse` turns 12345678901234567890 into 12345678901234567000,
 * so an assertion `$.id == 12345678901234567999` would pass against an id it does not equal.
 * Integers beyond 2^53 are read from their source text as BigInt instead (JSON.parse hands the
 * reviver the raw text), and written back exactly.
 */

interface ReviverContext {
  source?: string;
}

type Reviver = (this: unknown, key: string, value: unknown, context?: ReviverContext) => unknown;

const exactIntegers: Reviver = (_key, value, context) =>
  typeof value === 'number' && !Number.isSafeInteger(value) && /^-?\d+$/.test(context?.source ?? '')
    ? BigInt(context?.source ?? '0')
    : value;

/** Parses JSON keeping integers beyond 2^53 exact (as BigInt); throws SyntaxError like JSON.parse. */
export function parseJsonExact(text: string): unknown {
  return JSON.parse(text, exactIntegers as (this: unknown, key: string, value: unknown) => unknown);
}

/** `parseJsonExact`, or undefined with `ok: false` when the text is not JSON. */
export function tryParseJsonExact(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseJsonExact(text) };
  } catch {
    return { ok: false };
  }
}

const rawJson = (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON;

/** JSON.stringify that writes BigInt values as the exact integers they are. */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? rawJson(v.toString()) : v)) ?? 'undefined';
}
