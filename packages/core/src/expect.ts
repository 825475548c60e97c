/**
 * What an HTTP answer is expected to be, shared by health-gate and smoke-test (and the verify
 * steps of deploys and rollback): a status, headers, a body substring or /regex/, JSON
 * assertions, the served version and a latency limit, checked into failures a person can act
 * on. Outside text in a failure (a served version, a header value, a body excerpt) is scrubbed,
 * capped and JSON-quoted, so it can neither start a log line nor hide a secret.
 */
import { formatDuration } from './duration.ts';
import { tryParseJsonExact } from './json.ts';
import { checkJsonAssertion, type JsonAssertion } from './json-assertions.ts';
import { type JsonPath, queryJsonPath } from './jsonpath.ts';
import type { SecretRegistry } from './secrets.ts';
import { type StatusSpec, statusMatches } from './status-spec.ts';
import type { TextMatcher } from './text-matcher.ts';
import { excerpt, quote } from './untrusted.ts';

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

/** How much of a body a failure quotes, and of a header value or served version. */
const BODY_EXCERPT = 120;
const VALUE_EXCERPT = 80;

const noSecrets: Pick<SecretRegistry, 'scrub'> = { scrub: (text) => text };

/** The served version: the JSON body at `path`, or the whole body when it is short plain text. */
export function servedVersion(answer: Pick<Answer, 'text'>, path: JsonPath): string | undefined {
  const parsed = tryParseJsonExact(answer.text);
  if (!parsed.ok) {
    const text = answer.text.trim();
    return text !== '' && text.length <= 100 && !/[\s<>{}]/.test(text) ? text : undefined;
  }
  const found = queryJsonPath(path, parsed.value)[0]?.value;
  return typeof found === 'string' || typeof found === 'number' || typeof found === 'bigint' ? String(found) : undefined;
}

function bodyExcerpt(text: string, secrets: Pick<SecretRegistry, 'scrub'>): string {
  return JSON.stringify(excerpt(text, secrets, BODY_EXCERPT));
}

/** Every failed expectation of an answer, in a fixed order: status first, latency last. */
export function checkAnswer(expect: Expectations, answer: Answer, secrets: Pick<SecretRegistry, 'scrub'> = noSecrets): Failure[] {
  const failures: Failure[] = [];
  if (expect.status && !statusMatches(expect.status, answer.status))
    failures.push({ assertion: 'status', message: `status ${answer.status}, expected ${expect.status.text}` });
  for (const [name, matcher] of expect.headers ?? []) {
    const value = answer.headers.get(name);
    if (value === null) failures.push({ assertion: 'header', message: `header ${name} is missing` });
    else if (!matcher.test(value))
      failures.push({
        assertion: 'header',
        message: `header ${name} is ${quote(value, secrets, VALUE_EXCERPT)}, expected ${matcher.source}`,
      });
  }
  for (const matcher of expect.body ?? []) {
    if (!matcher.test(answer.text))
      failures.push({
        assertion: 'body',
        message: `body ${matcher.regex ? 'does not match' : 'does not contain'} ${matcher.source}${answer.text ? ` (got: ${bodyExcerpt(answer.text, secrets)})` : ' (empty)'}`,
      });
  }
  if (expect.json && expect.json.length > 0) {
    const parsed = tryParseJsonExact(answer.text);
    if (!parsed.ok)
      failures.push({
        assertion: 'json',
        message: `the body is not JSON (got: ${answer.text.trim() ? bodyExcerpt(answer.text, secrets) : 'nothing'})`,
      });
    else {
      for (const assertion of expect.json) {
        const reason = checkJsonAssertion(assertion, parsed.value, secrets);
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
            : `version ${quote(served, secrets, VALUE_EXCERPT)} is serving, expected ${expect.version.expected}`,
      });
  }
  if (expect.maxLatency !== undefined && answer.latency > expect.maxLatency)
    failures.push({
      assertion: 'max-latency',
      message: `latency ${formatDuration(answer.latency)} over the ${formatDuration(expect.maxLatency)} limit`,
    });
  return failures;
}
