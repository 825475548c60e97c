import { describe, expect, it } from 'vitest';
import { judge } from '../../../actions/health-gate/src/judge.ts';
import { renderGateSummary } from '../../../actions/health-gate/src/summary.ts';
import { parseJsonAssertion } from '../../../packages/core/src/json-assertions.ts';
import { parseJsonPath } from '../../../packages/core/src/jsonpath.ts';
import { parseStatusSpec } from '../../../packages/core/src/status-spec.ts';
import { parseTextMatcher } from '../../../packages/core/src/text-matcher.ts';

const where = { poll: 1, url: 'https://app.test/health', at: 0 };
const expect200 = { status: parseStatusSpec('200-399'), json: [parseJsonAssertion('$.status == ok')] };
const answered = (status: number, body: object | string) => ({
  ok: true as const,
  answer: {
    status,
    headers: new Headers(),
    text: typeof body === 'string' ? body : JSON.stringify(body),
    latency: 5,
    url: where.url,
    redirects: [],
  },
});

describe('judging an attempt', () => {
  it('passes an answer that meets every expectation', () => {
    expect(judge(expect200, answered(200, { status: 'ok' }), where)).toMatchObject({ passed: true, hard: false, status: 200 });
  });

  it('counts a refused connection and 502-504 answers as soft: the release is still coming up', () => {
    expect(
      judge(expect200, { ok: false, reason: 'ECONNREFUSED', latency: 1, permanent: false, status: undefined }, where),
    ).toMatchObject({
      passed: false,
      hard: false,
    });
    for (const status of [502, 503, 504, 429]) expect(judge(expect200, answered(status, 'down'), where).hard).toBe(false);
  });

  it('counts a wrong answer as hard: a 500, a 404 or a failed JSON assertion', () => {
    expect(judge(expect200, answered(500, { status: 'ok' }), where).hard).toBe(true);
    expect(judge(expect200, answered(404, 'nope'), where).hard).toBe(true);
    expect(judge(expect200, answered(200, { status: 'degraded' }), where)).toMatchObject({
      hard: true,
      failure: '$.status == ok: $.status is "degraded", expected ok',
    });
  });

  it('counts the old version still serving and a slow answer as soft', () => {
    const version = { version: { expected: 'new', path: parseJsonPath('$.version') }, maxLatency: 1 };
    expect(judge(version, answered(200, { version: 'old' }), where)).toMatchObject({ passed: false, hard: false });
  });
});

describe('the gate summary', () => {
  it('shows the verdict, the latency figures and the last attempts, escaped', () => {
    const attempts = Array.from({ length: 45 }, (_, i) => ({
      ...where,
      poll: i + 1,
      at: i * 100,
      status: 503,
      latency: 5,
      passed: false,
      failure: 'status 503, expected <200>',
      hard: false,
      redirects: [],
    }));
    const html = renderGateSummary({
      urls: [where.url],
      healthy: false,
      elapsed: 4500,
      polls: 45,
      attempts,
      latencies: attempts.map((a) => a.latency),
      verdict: 'Not healthy after 5s (45 polls): status 503',
    }).toString();
    expect(html).toContain('Health gate: not healthy');
    expect(html).toContain('5 earlier attempts are not shown.');
    expect(html).toContain('status 503, expected &lt;200&gt;');
    expect(html).toContain('Latency p50 5ms, p95 5ms.');
  });

  it('quotes a served version that tries to inject workflow commands, so it cannot start a log line', () => {
    const versionOf = { version: { expected: 'new', path: parseJsonPath('$.version') } };
    const injected = 'old\n::stop-commands::x\n::set-output name=healthy::true';
    const attempt = judge(versionOf, answered(200, { version: injected }), where);
    expect(attempt.failure).toBe('version "old\\n::stop-commands::x\\n::set-output name=healthy::true" is serving, expected new');
    expect(attempt.failure).not.toContain('\n');
  });

  it('scrubs a secret from the quoted body before cutting it, so no prefix of it shows', () => {
    const secret = `S3CRET-${'x'.repeat(200)}`;
    const secrets = { scrub: (text: string) => text.split(secret).join('***') };
    const body = `${'a'.repeat(100)} ${secret}`;
    const attempt = judge({ body: [parseTextMatcher('READY')] }, answered(200, body), where, secrets);
    expect(attempt.failure).toContain('***');
    expect(attempt.failure).not.toContain('S3CRET');
  });
});
