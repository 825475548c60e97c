/** The gate's job summary: the verdict, latency figures and the table of attempts. */
import { formatDuration } from '@deploy-suite/core/duration';
import { code, Summary } from '@deploy-suite/core/report';
import type { Runner } from '@deploy-suite/core/runner';
import { maskUrl } from '@deploy-suite/core/secrets';
import { percentile } from '@deploy-suite/core/stats';
import type { Attempt } from './judge.ts';

/** A long wait makes hundreds of attempts; the last ones tell the story. */
const MAX_ROWS = 40;

export interface GateReport {
  urls: string[];
  healthy: boolean;
  elapsed: number;
  polls: number;
  attempts: Attempt[];
  latencies: number[];
  verdict: string | undefined;
}

export function renderGateSummary(report: GateReport): Summary {
  const summary = new Summary().heading(`Health gate: ${report.healthy ? 'healthy ✅' : 'not healthy ❌'}`, 3);
  const p50 = percentile(report.latencies, 50);
  const p95 = percentile(report.latencies, 95);
  summary.paragraph(
    report.healthy
      ? `Passed after ${formatDuration(report.elapsed)} and ${report.polls} poll${report.polls === 1 ? '' : 's'}.`
      : (report.verdict ?? 'Not healthy.'),
    p50 === undefined ? '' : `Latency p50 ${Math.round(p50)}ms, p95 ${Math.round(p95 ?? p50)}ms.`,
  );
  summary.list(report.urls.map((u) => code(maskUrl(u))));
  const shown = report.attempts.slice(-MAX_ROWS);
  if (shown.length < report.attempts.length)
    summary.paragraph(`${report.attempts.length - shown.length} earlier attempts are not shown.`);
  summary.table(
    ['poll', 'at', ...(report.urls.length > 1 ? ['URL'] : []), 'status', 'latency', 'result'],
    shown.map((a) => [
      a.poll,
      `+${formatDuration(a.at)}`,
      ...(report.urls.length > 1 ? [maskUrl(a.url)] : []),
      a.status ?? '—',
      `${Math.round(a.latency)}ms`,
      a.passed ? 'pass' : (a.failure ?? 'fail'),
    ]),
  );
  return summary;
}

export function writeGateSummary(runner: Pick<Runner, 'appendSummary'>, report: GateReport): void {
  renderGateSummary(report).write(runner);
}
