import { describe, expect, it } from 'vitest';
import type { Check } from '../../../actions/smoke-test/src/checks.ts';
import { renderJunit, xmlEscape } from '../../../actions/smoke-test/src/junit.ts';
import type { CheckResult } from '../../../actions/smoke-test/src/run-checks.ts';

const check = (name: string) => ({ name }) as Check;
const result = (over: Partial<CheckResult>): CheckResult => ({
  check: check('API health'),
  outcome: 'passed',
  attempts: 1,
  method: 'GET',
  url: 'https://x.test/health',
  status: 200,
  latency: 12,
  failures: [],
  skipped: undefined,
  startedAt: 0,
  duration: 12,
  ...over,
});

describe('JUnit report', () => {
  it('renders one testcase per check with failures typed by the failed assertion', () => {
    const xml = renderJunit(
      [
        result({}),
        result({
          check: check('Slow <API> & "co"'),
          outcome: 'failed',
          latency: 350,
          duration: 351,
          failures: [{ assertion: 'max-latency', message: 'latency 350ms over the 200ms limit' }],
        }),
        result({ check: check('Uses it'), outcome: 'skipped', skipped: 'fail-fast', status: undefined }),
      ],
      { elapsed: 1234, timestamp: new Date('2026-01-02T03:04:05.678Z') },
    );
    expect(xml).toContain('<testsuites name="smoke-test" tests="3" failures="1" errors="0" skipped="1" time="1.234">');
    expect(xml).toContain('timestamp="2026-01-02T03:04:05"');
    expect(xml).toContain('<testcase name="API health" classname="smoke-test" time="0.012"></testcase>');
    expect(xml).toContain('<testcase name="Slow &lt;API&gt; &amp; &quot;co&quot;" classname="smoke-test" time="0.351">');
    expect(xml).toContain(
      '<failure message="latency 350ms over the 200ms limit" type="max-latency">GET https://x.test/health → 200 in 350ms',
    );
    expect(xml).toContain('<skipped message="fail-fast"/>');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape("a<b>&'\u0001")).toBe('a&lt;b&gt;&amp;&apos;\uFFFD');
  });
});
