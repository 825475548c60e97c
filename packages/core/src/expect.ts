/**
 * What an HTTP answer is expected to be, shared by health-gate and smoke-test (and the verify
 * steps of deploys and rollback): status codes and ranges, a body substring or /regex/, JSON
 * assertions over JSONPath, and a latency limit. Each expectation parses once (a bad one is an
 * input error before any request) and checks an answer into a reason a person can act on:
 * "$.services.redis is "degraded", expected "healthy"".
 *
 * Light on purpose: manifests import the input types below at start, so nothing heavy here.
 */
import type { InputType, Parsed } from './input-types.ts';
import { formatDuration } from './input-types.ts';
import { type JsonPath, JsonPathError, parseJsonPath, parseJsonPathPrefix, queryJsonPath } from './jsonpath.ts';

export class ExpectationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpectationError';
  }
}

// ---- status codes -------------------------------------------------------------------------------

export interface StatusSpec {
  /** As written, normalized: "200-399", "200, 204", "2xx". */
  text: string;
  ranges: Array<[low: number, high: number]>;
}

export const STATUS_FORM = 'status codes or ranges such as 200, 200-299, 2xx, comma-separated (100 to 599)';

export function parseStatusSpec(raw: string | number | readonly (string | number)[]): StatusSpec {
  const parts = (Array.isArray(raw) ? raw.map(String) : String(raw).split(/[\s,]+/)).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new ExpectationError(`expected ${STATUS_FORM}`);
  const ranges: Array<[number, number]> = [];
  for (const part of parts) {
    let range: [number, number] | undefined;
    const single = /^(\d{3})$/.exec(part);
    const span = /^(\d{3})\s*-\s*(\d{3})$/.exec(part);
    const klass = /^([1-5])xx$/i.exec(part);
    if (single) range = [Number(single[1]), Number(single[1])];
    else if (span) range = [Number(span[1]), Number(span[2])];
    else if (klass) range = [Number(klass[1]) * 100, Number(klass[1]) * 100 + 99];
    if (!range || range[0] < 100 || range[1] > 599 || range[0] > range[1])
      throw new ExpectationError(`'${part}' is not a status code or range; expected ${STATUS_FORM}`);
    ranges.push(range);
  }
  return { text: parts.join(', '), ranges };
}

export function statusMatches(spec: StatusSpec, status: number): boolean {
  return spec.ranges.some(([low, high]) => status >= low && status <= high);
}

// ---- body text ------------------------------------------------------------------------------------

export interface TextMatcher {
  /** As written: `ok` or `/"status":\s*"ok"/i`. */
  source: string;
  regex: RegExp | undefined;
  test(text: string): boolean;
}

/** `/re/flags`: only JavaScript's flag letters after the last slash, so `/api/health` stays text. */
const REGEX_LITERAL = /^\/(.+)\/([dgimsuvy]*)$/s;

/** Compiles `/re/flags` (g and y are dropped: they make `test` stateful); undefined when not one. */
export function parseRegexLiteral(raw: string): RegExp | undefined {
  const literal = REGEX_LITERAL.exec(raw.trim());
  if (!literal) return undefined;
  const flags = (literal[2] ?? '').replace(/[gy]/g, '');
  try {
    return new RegExp(literal[1] ?? '', flags);
  } catch (error) {
    throw new ExpectationError(`${raw.trim()} is not a valid regular expression (${(error as Error).message})`);
  }
}

/** A substring, or a regular expression when written `/like this/` (flags i, m, s, u allowed). */
export function parseTextMatcher(raw: string): TextMatcher {
  const source = raw.trim();
  const regex = parseRegexLiteral(source);
  return { source, regex, test: (text) => (regex ? regex.test(text) : text.includes(source)) };
}

// ---- JSON assertions ------------------------------------------------------------------------------

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

function operandValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
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
  if (['<', '<=', '>', '>='].includes(operator) && typeof expected !== 'number')
    throw new ExpectationError(`'${source}': ${operator} compares with a number`);
  return { source, path: parsed.path, operator, operand, expected, regex };
}

/** Lines of assertions; blank lines and `#` comments are skipped. */
export function parseJsonAssertions(text: string | readonly string[]): JsonAssertion[] {
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : text;
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map(parseJsonAssertion);
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
    (typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean') &&
    String(actual) === (typeof assertion.expected === 'string' ? assertion.expected : assertion.operand)
  );
}

export function showValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function holds(actual: unknown, a: JsonAssertion): boolean {
  switch (a.operator) {
    case '==':
      return equalsOperand(actual, a);
    case '!=':
      return !equalsOperand(actual, a);
    case '=~':
      return a.regex?.test(typeof actual === 'string' ? actual : JSON.stringify(actual)) ?? false;
    case 'exists':
      return true;
    default: {
      const n = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : NaN;
      const limit = a.expected as number;
      if (Number.isNaN(n)) return false;
      return a.operator === '<' ? n < limit : a.operator === '<=' ? n <= limit : a.operator === '>' ? n > limit : n >= limit;
    }
  }
}

/**
 * Checks one assertion against a parsed document; undefined when it holds. With a wildcard every
 * selected node must satisfy it (`$.services.* == healthy`: each service), and the reason names
 * the first node that does not.
 */
export function checkJsonAssertion(a: JsonAssertion, document: unknown): string | undefined {
  const matches = queryJsonPath(a.path, document);
  if (matches.length === 0) return `${a.source}: ${a.path.source} is not in the document`;
  if (a.operator === 'exists') return undefined;
  const wrong = matches.filter((m) => !holds(m.value, a));
  if (wrong.length === 0) return undefined;
  const [first] = wrong as [(typeof wrong)[0]];
  const more =
    wrong.length > 1
      ? ` (and ${wrong.length - 1} more: ${wrong
          .slice(1, 4)
          .map((m) => m.path)
          .join(', ')})`
      : '';
  const want = a.operator === '==' ? `expected ${a.operand}` : `expected ${a.operator} ${a.operand}`;
  return `${a.source}: ${first.path} is ${showValue(first.value)}, ${want}${more}`;
}

// ---- headers ----------------------------------------------------------------------------------------

export type HeaderPairs = Array<[name: string, value: string]>;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export const HEADERS_FORM = 'HTTP headers, one `Name: value` a line';

/** `Name: value` (or `Name=value`) lines; blank lines and `#` comments skipped. */
export function parseHeaderLines(raw: string): HeaderPairs | string {
  const pairs: HeaderPairs = [];
  for (const [index, line] of raw.split(/\r?\n/).entries()) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const colon = trimmed.indexOf(':');
    const eq = trimmed.indexOf('=');
    const at = colon > 0 && (eq < 0 || colon < eq) ? colon : eq;
    const name = at > 0 ? trimmed.slice(0, at).trim() : '';
    if (!TOKEN.test(name)) return `line ${index + 1} is not \`Name: value\``;
    pairs.push([name, trimmed.slice(at + 1).trim()]);
  }
  return pairs;
}

// ---- input types ----------------------------------------------------------------------------------

function inputType<T>(form: string, parse: (raw: string) => T): InputType<T> {
  return {
    form,
    parse: (raw): Parsed<T> => {
      try {
        return { ok: true, value: parse(raw) };
      } catch (error) {
        if (error instanceof ExpectationError) return { ok: false, expected: `${form}; ${error.message}` };
        throw error;
      }
    },
  };
}

export const statusInput = (): InputType<StatusSpec> => inputType(STATUS_FORM, parseStatusSpec);
export const textMatcherInput = (): InputType<TextMatcher> =>
  inputType('a substring, or a /regular expression/ (flags i, m, s, u)', parseTextMatcher);
export const jsonAssertionsInput = (): InputType<JsonAssertion[]> => inputType(JSON_ASSERTION_FORM, parseJsonAssertions);
export const jsonPathInput = (): InputType<JsonPath> =>
  inputType("a JSONPath such as $.version or $['build']['sha']", (raw) => {
    try {
      return parseJsonPath(raw);
    } catch (error) {
      if (error instanceof JsonPathError) throw new ExpectationError(error.message);
      throw error;
    }
  });
export const headersInput = (): InputType<HeaderPairs> =>
  inputType(HEADERS_FORM, (raw) => {
    const parsed = parseHeaderLines(raw);
    if (typeof parsed === 'string') throw new ExpectationError(parsed);
    return parsed;
  });

// ---- checking an answer ---------------------------------------------------------------------------

export type AssertionKind = 'status' | 'header' | 'body' | 'json' | 'version' | 'max-latency';

export interface Failure {
  assertion: AssertionKind;
  message: string;
}

export interface Expectations {
  status?: StatusSpec;
  headers?: Array<[name: string, matcher: TextMatcher]>;
  body?: TextMatcher[];
  json?: JsonAssertion[];
  version?: { expected: string; path: JsonPath };
  maxLatency?: number;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  latency: number;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}

/** The served version: the JSON body at `path`, or the whole body when it is short plain text. */
export function servedVersion(answer: Pick<Answer, 'text'>, path: JsonPath): string | undefined {
  let document: unknown;
  try {
    document = JSON.parse(answer.text);
  } catch {
    const text = answer.text.trim();
    return text !== '' && text.length <= 100 && !/[\s<>{}]/.test(text) ? text : undefined;
  }
  const found = queryJsonPath(path, document)[0]?.value;
  return typeof found === 'string' || typeof found === 'number' ? String(found) : undefined;
}

/** Every failed expectation of an answer, in a fixed order: status first, latency last. */
export function checkAnswer(expect: Expectations, answer: Answer): Failure[] {
  const failures: Failure[] = [];
  if (expect.status && !statusMatches(expect.status, answer.status))
    failures.push({ assertion: 'status', message: `status ${answer.status}, expected ${expect.status.text}` });
  for (const [name, matcher] of expect.headers ?? []) {
    const value = answer.headers.get(name);
    if (value === null) failures.push({ assertion: 'header', message: `header ${name} is missing` });
    else if (!matcher.test(value))
      failures.push({ assertion: 'header', message: `header ${name} is ${showValue(value)}, expected ${matcher.source}` });
  }
  for (const matcher of expect.body ?? []) {
    if (!matcher.test(answer.text))
      failures.push({
        assertion: 'body',
        message: `body ${matcher.regex ? 'does not match' : 'does not contain'} ${matcher.source}${answer.text ? ` (got: ${excerpt(answer.text)})` : ' (empty)'}`,
      });
  }
  if (expect.json && expect.json.length > 0) {
    let document: unknown;
    let parsed = true;
    try {
      document = JSON.parse(answer.text);
    } catch {
      parsed = false;
      failures.push({ assertion: 'json', message: `the body is not JSON (got: ${excerpt(answer.text) || 'nothing'})` });
    }
    if (parsed) {
      for (const assertion of expect.json) {
        const reason = checkJsonAssertion(assertion, document);
        if (reason) failures.push({ assertion: 'json', message: reason });
      }
    }
  }
  if (expect.version) {
    const served = servedVersion(answer, expect.version.path);
    if (served !== expect.version.expected)
      failures.push({
        assertion: 'version',
        message:
          served === undefined
            ? `no version at ${expect.version.path.source}, expected ${expect.version.expected}`
            : `version ${served} is serving, expected ${expect.version.expected}`,
      });
  }
  if (expect.maxLatency !== undefined && answer.latency > expect.maxLatency)
    failures.push({
      assertion: 'max-latency',
      message: `latency ${formatDuration(answer.latency)} over the ${formatDuration(expect.maxLatency)} limit`,
    });
  return failures;
}
