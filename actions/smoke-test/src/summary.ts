/** The smoke test's job summary: the count, then one row per check with its failed assertion. */
import { code, Summary } from '@deploy-suite/core/report';
import type { SecretRegistry } from '@deploy-suite/core/secrets';
import type { CheckResult } from './run-checks.ts';

const ICON = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped' } as const;

export function renderSmokeSummary(
  results: readonly CheckResult[],
  reportFile: string,
  elapsed: number,
  secrets: Pick<SecretRegistry, 'scrub'> = { scrub: (text) => text },
): Summary {
  // Scrubbed here, before the summary escapes them: an escaped secret would no longer match.
  const scrub = (text: string): string => secrets.scrub(text);
  const passed = results.filter((r) => r.outcome === 'passed').length;
  const failed = results.filter((r) => r.outcome === 'failed').length;
  const skipped = results.length - passed - failed;
  const summary = new Summary().heading(`Smoke test: ${failed === 0 && skipped === 0 ? 'passed ✅' : 'failed ❌'}`, 3);
  summary.paragraph(
    `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} in ${(elapsed / 1000).toFixed(1)}s. JUnit report:`,
    code(reportFile),
  );
  summary.table(
    ['check', 'status', 'answer', 'latency', 'failed assertion'],
    results.map((r) => [
      scrub(r.check.name),
      ICON[r.outcome],
      r.status ?? '—',
      r.latency === undefined ? '—' : `${Math.round(r.latency)}ms`,
      scrub(r.outcome === 'skipped' ? (r.skipped ?? '') : r.failures.map((f) => `${f.assertion}: ${f.message}`).join('; ')),
    ]),
  );
  return summary;
}
