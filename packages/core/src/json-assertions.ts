/**
 * JSON assertions over JSONPath: `$.services.* == healthy`, `$.build =~ /^v2\./`,
 * `$.metrics.error_rate < 0.05`, `$.checks[0].name exists`. Each parses once (a bad one is an
 * input error before any request) and checks a document into a reason a person can act on:
 * `$.services.redis is "degraded", expected healthy`. Integers beyond 2^53 compare exactly.
 */
import { ExpectationError } from './expectation-error.ts';
import { stringifyJson, tryParseJsonExact } from './json.ts';
import { type JsonPath, JsonPathError, parseJsonPathPrefix, queryJsonPath } from './jsonpath.ts';
import { numberedLines } from './lines.ts';
import type { SecretRegistry } from './secrets.ts';
import { parseRegexLiteral } from './text-matcher.ts';
import { truncate } from './untrusted.ts';

export type JsonOperator = '==' | '!=' | '=~' | '<' | '<=' | '>' | '>=' | 'exists';

export interface JsonAssertion {
  source: string;
  path: JsonPath;
  operator: JsonOperator;
  /** The right-hand side as written (after the operator). */
  operand: string;
  /** The operand as JSON when it is JSON (`"ok"`, `200`, `true`), else the bare text. */
  expected: unknown;
  regex: RegExp | undefined;
}

export const JSON_ASSERTION_FORM =
  'one assertion a line: a JSONPath, then == VALUE, != VALUE, =~ /regex/, < <= > >= NUMBER, or exists; e.g. $.services.* == healthy';

/** How much of a JSON value a failure message shows. */
const SHOWN_VALUE = 80;

const noSecrets: Pick<SecretRegistry, 'scrub'> = { scrub: (text) => text };

function operandValue(text: string): unknown {
  const parsed = tryParseJsonExact(text);
  return parsed.ok ? parsed.value : text;
}

export function parseJsonAssertion(line: string): JsonAssertion {
  const source = line.trim();
  let parsed: ReturnType<typeof parseJsonPathPrefix>;
  try {
    parsed = parseJsonPathPrefix(source);
  } catch (error) {
    if (error instanceof JsonPathError) throw new ExpectationError(`'${source}': ${error.message}`);
    throw error;
  }
  const rest = source.slice(parsed.end).trim();
  if (rest === 'exists')
    return { source, path: parsed.path, operator: 'exists', operand: '', expected: undefined, regex: undefined };
  const op = /^(==|!=|=~|<=|>=|<|>)\s*(.*)$/s.exec(rest);
  if (!op) throw new ExpectationError(`'${source}': after the path, expected ==, !=, =~, <, <=, >, >= or exists`);
  const operator = op[1] as JsonOperator;
  const operand = (op[2] ?? '').trim();
  if (operand === '') throw new ExpectationError(`'${source}': ${operator} needs a value`);
  if (/^[=~]/.test(operand)) throw new ExpectationError(`'${source}': '${operator}${operand[0]}' is not an operator`);
  let regex: RegExp | undefined;
  if (operator === '=~') {
    regex = parseRegexLiteral(operand);
    if (!regex) throw new ExpectationError(`'${source}': =~ takes a /regex/`);
  }
  const expected = operandValue(operand);
  if (['<', '<=', '>', '>='].includes(operator) && typeof expected !== 'number' && typeof expected !== 'bigint')
    throw new ExpectationError(`'${source}': ${operator} compares with a number`);
  return { source, path: parsed.path, operator, operand, expected, regex };
}

/** Lines of assertions; blank lines and `#` comments are skipped. */
export function parseJsonAssertions(text: string | readonly string[]): JsonAssertion[] {
  const lines = typeof text === 'string' ? numberedLines(text).map((l) => l.text) : text.map((l) => l.trim());
  return lines.filter((l) => l !== '' && !l.startsWith('#')).map(parseJsonAssertion);
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length && ka.every((k) => isDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** `$.code == 200` holds for 200 and "200"; `$.ok == true` for true and "true". */
function equalsOperand(actual: unknown, assertion: JsonAssertion): boolean {
  if (isDeepEqual(actual, assertion.expected)) return true;
  return (
    (typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'bigint' || typeof actual === 'boolean') &&
    String(actual) === (typeof assertion.expected === 'string' ? assertion.expected : assertion.operand)
  );
}

/** A JSON value for a failure message: scrubbed, then capped. */
export function showValue(value: unknown, secrets: Pick<SecretRegistry, 'scrub'> = noSecrets): string {
  return truncate(secrets.scrub(value === undefined ? 'undefined' : stringifyJson(value)), SHOWN_VALUE);
}

function numeric(value: unknown): number | bigint | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  const n = Number(value);
  return Number.isNaN(n) ? undefined : n;
}

function holds(actual: unknown, a: JsonAssertion): boolean {
  switch (a.operator) {
    case '==':
      return equalsOperand(actual, a);
    case '!=':
      return !equalsOperand(actual, a);
    case '=~':
      return a.regex?.test(typeof actual === 'string' ? actual : stringifyJson(actual)) ?? false;
    case 'exists':
      return true;
    default: {
      const n = numeric(actual);
      const limit = a.expected as number | bigint;
      if (n === undefined) return false;
      return a.operator === '<' ? n < limit : a.operator === '<=' ? n <= limit : a.operator === '>' ? n > limit : n >= limit;
    }
  }
}

/**
 * Checks one assertion against a parsed document; undefined when it holds. With a wildcard every
 * selected node must satisfy it (`$.services.* == healthy`: each service), and the reason names
 * the first node that does not.
 */
export function checkJsonAssertion(
  a: JsonAssertion,
  document: unknown,
  secrets: Pick<SecretRegistry, 'scrub'> = noSecrets,
): string | undefined {
  const matches = queryJsonPath(a.path, document);
  if (matches.length === 0) return `${a.source}: ${a.path.source} is not in the document`;
  if (a.operator === 'exists') return undefined;
  const wrong = matches.filter((m) => !holds(m.value, a));
  if (wrong.length === 0) return undefined;
  const [first] = wrong as [(typeof wrong)[0]];
  const more =
    wrong.length > 1
      ? ` (and ${wrong.length - 1} more: ${truncate(
          wrong
            .slice(1, 4)
            .map((m) => secrets.scrub(m.path))
            .join(', '),
          SHOWN_VALUE * 2,
        )})`
      : '';
  const want = a.operator === '==' ? `expected ${a.operand}` : `expected ${a.operator} ${a.operand}`;
  return `${a.source}: ${truncate(secrets.scrub(first.path), SHOWN_VALUE)} is ${showValue(first.value, secrets)}, ${want}${more}`;
}
