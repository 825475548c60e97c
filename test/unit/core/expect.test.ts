import { describe, expect, it } from 'vitest';
import { type Answer, checkAnswer, servedVersion } from '../../../packages/core/src/expect.ts';
import { headersInput, jsonAssertionsInput, statusInput } from '../../../packages/core/src/expect-inputs.ts';
import { ExpectationError } from '../../../packages/core/src/expectation-error.ts';
import { parseHeaderLines } from '../../../packages/core/src/headers.ts';
import { parseJsonExact } from '../../../packages/core/src/json.ts';
import { checkJsonAssertion, parseJsonAssertion } from '../../../packages/core/src/json-assertions.ts';
import { parseJsonPath } from '../../../packages/core/src/jsonpath.ts';
import { percentile } from '../../../packages/core/src/stats.ts';
import { parseStatusSpec, statusMatches } from '../../../packages/core/src/status-spec.ts';
import { parseTextMatcher } from '../../../packages/core/src/text-matcher.ts';

const answer = (over: Partial<Answer> = {}): Answer => ({
  status: 200,
  headers: new Headers({ 'content-type': 'application/json' }),
  text: JSON.stringify({ status: 'healthy', version: 'abc123', services: { db: 'healthy', redis: 'degraded' }, n: 3 }),
  latency: 12,
  ...over,
});

describe('status expectations', () => {
  it('accept codes, ranges and classes, like Kubernetes probes by default 200-399', () => {
    const spec = parseStatusSpec('200-399');
    expect(statusMatches(spec, 200)).toBe(true);
    expect(statusMatches(spec, 302)).toBe(true);
    expect(statusMatches(spec, 404)).toBe(false);
    expect(parseStatusSpec('2xx, 404').ranges).toEqual([
      [200, 299],
      [404, 404],
    ]);
    expect(parseStatusSpec([200, '204']).text).toBe('200, 204');
  });

  it('reject anything that is not a status from 100 to 599', () => {
    for (const bad of ['600', '299-200', 'abc', '', '6xx', '20']) expect(() => parseStatusSpec(bad)).toThrow(ExpectationError);
    const parsed = statusInput().parse('ok');
    expect(parsed.ok).toBe(false);
  });
});

describe('body matchers', () => {
  it('match a substring, or a /regex/ with flags', () => {
    expect(parseTextMatcher('healthy').test('all healthy')).toBe(true);
    expect(parseTextMatcher('/HEALTHY/i').test('all healthy')).toBe(true);
    expect(parseTextMatcher('/^ok$/').test('not ok')).toBe(false);
  });

  it('keep paths like /api/health as text rather than a regex with flags', () => {
    const matcher = parseTextMatcher('/api/health');
    expect(matcher.regex).toBeUndefined();
    expect(matcher.test('see /api/health')).toBe(true);
  });

  it('reject an invalid regular expression with the reason', () => {
    expect(() => parseTextMatcher('/([/')).toThrow(/not a valid regular expression/);
  });
});

describe('JSON assertions', () => {
  const doc = JSON.parse(answer().text) as unknown;
  const check = (line: string) => checkJsonAssertion(parseJsonAssertion(line), doc);

  it('compare with ==, !=, =~ and numbers, JSON or bare values', () => {
    expect(check('$.status == healthy')).toBeUndefined();
    expect(check('$.status == "healthy"')).toBeUndefined();
    expect(check('$.version != 1.0.0')).toBeUndefined();
    expect(check('$.version =~ /^abc/')).toBeUndefined();
    expect(check('$.n >= 3')).toBeUndefined();
    expect(check('$.n < 3')).toMatch(/\$\.n is 3, expected < 3/);
    expect(check('$.n == "3"')).toBeUndefined();
  });

  it('hold a wildcard assertion only when every node satisfies it, naming the first that does not', () => {
    expect(check('$.services.* == healthy')).toBe('$.services.* == healthy: $.services.redis is "degraded", expected healthy');
  });

  it('fail when the path selects nothing, and pass exists when it does', () => {
    expect(check('$.missing exists')).toMatch(/\$\.missing is not in the document/);
    expect(check('$.services.db exists')).toBeUndefined();
  });

  it('reject malformed assertions when parsed, before any request', () => {
    expect(() => parseJsonAssertion('status == ok')).toThrow(/starts with \$/);
    expect(() => parseJsonAssertion('$.a = b')).toThrow(/expected ==/);
    expect(() => parseJsonAssertion('$.a === b')).toThrow(/not an operator/);
    expect(() => parseJsonAssertion('$.a =~ abc')).toThrow(/takes a \/regex\//);
    expect(() => parseJsonAssertion('$.a < many')).toThrow(/number/);
    expect(jsonAssertionsInput().parse('$.a == 1\n\n# note\n$.b exists')).toMatchObject({ ok: true });
  });
});

describe('checking an answer', () => {
  it('lists every failed expectation, status first and latency last', () => {
    const failures = checkAnswer(
      {
        status: parseStatusSpec('200'),
        body: [parseTextMatcher('nope')],
        json: [parseJsonAssertion('$.services.* == healthy')],
        version: { expected: 'def456', path: parseJsonPath('$.version') },
        maxLatency: 5,
      },
      answer({ status: 500 }),
    );
    expect(failures.map((f) => f.assertion)).toEqual(['status', 'body', 'json', 'version', 'max-latency']);
    expect(failures[3]?.message).toBe('version "abc123" is serving, expected def456');
  });

  it('reports a body that is not JSON when JSON assertions are expected', () => {
    const failures = checkAnswer({ json: [parseJsonAssertion('$.a exists')] }, answer({ text: '<html>' }));
    expect(failures).toEqual([{ assertion: 'json', message: 'the body is not JSON (got: "<html>")' }]);
  });

  it('reads the served version from JSON, or from a short plain-text body', () => {
    const path = parseJsonPath('$.version');
    expect(servedVersion(answer(), path)).toBe('abc123');
    expect(servedVersion({ text: 'abc123\n' }, path)).toBe('abc123');
    expect(servedVersion({ text: '<html>v</html>' }, path)).toBeUndefined();
  });

  it('checks response headers by substring or regex', () => {
    const failures = checkAnswer(
      {
        headers: [
          ['content-type', parseTextMatcher('/json/')],
          ['x-missing', parseTextMatcher('a')],
        ],
      },
      answer(),
    );
    expect(failures).toEqual([{ assertion: 'header', message: 'header x-missing is missing' }]);
  });
});

describe('header lines', () => {
  it('accept Name: value and Name=value, values keeping their colons', () => {
    expect(parseHeaderLines('Authorization: Bearer a:b\nx-token=abc\n# c\n')).toEqual([
      ['Authorization', 'Bearer a:b'],
      ['x-token', 'abc'],
    ]);
  });

  it('name the line that is not a header', () => {
    expect(parseHeaderLines('good: 1\nnot a header')).toBe('line 2 is not `Name: value`');
    expect(headersInput().parse(': x')).toMatchObject({ ok: false });
  });
});

describe('latency percentiles', () => {
  it('use the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });
});

describe('numbers, ranges and forms in expectations', () => {
  it('compares integers beyond 2^53 exactly', () => {
    const document = parseJsonExact('{"id": 12345678901234567890}');
    expect(checkJsonAssertion(parseJsonAssertion('$.id == 12345678901234567999'), document)).toBe(
      '$.id == 12345678901234567999: $.id is 12345678901234567890, expected 12345678901234567999',
    );
    expect(checkJsonAssertion(parseJsonAssertion('$.id == 12345678901234567890'), document)).toBeUndefined();
    expect(checkJsonAssertion(parseJsonAssertion('$.id > 12345678901234567889'), document)).toBeUndefined();
    expect(checkJsonAssertion(parseJsonAssertion('$.id < 12345678901234567890'), document)).toContain('expected <');
  });

  it('checks a big id in an answer against the raw number text, not a rounded one', () => {
    const failures = checkAnswer(
      { json: [parseJsonAssertion('$.id == 12345678901234567999')] },
      answer({ text: '{"id":12345678901234567890}' }),
    );
    expect(failures).toHaveLength(1);
  });

  it('accepts a range written with spaces around the dash', () => {
    expect(parseStatusSpec('200 - 299')).toEqual({ text: '200-299', ranges: [[200, 299]] });
    expect(parseStatusSpec('200 - 299, 304').ranges).toEqual([
      [200, 299],
      [304, 304],
    ]);
  });

  it('names the expected status form once in an input error', () => {
    const result = statusInput().parse('abc');
    expect(result.ok).toBe(false);
    const expected = result.ok ? '' : result.expected;
    expect(expected.split('status codes or ranges such as').length - 1).toBe(1);
    expect(expected).toContain("'abc' is not a status code or range");
  });
});
