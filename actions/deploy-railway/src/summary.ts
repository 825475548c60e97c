/** The job summary: one row per service, and the last log lines of each one that failed. */
import { formatDuration } from '@deploy-suite/core/input-types';
import { code, link, Summary } from '@deploy-suite/core/report';
import type { Runner } from '@deploy-suite/core/runner';
import type { DeploymentInfo } from '@deploy-suite/railway/client';
import type { Target } from './target.ts';

export interface ServiceResult {
  service: { id: string; name: string };
  deploymentId: string;
  previous: DeploymentInfo | undefined;
  logsUrl: string;
  status: string;
  url: string;
  durationMs: number | undefined;
  /** The last log lines, already scrubbed and capped (for failures). */
  tail: string[];
  reason?: string;
  fellBack?: boolean;
}

const ICON: Record<string, string> = { SUCCESS: '✅', SLEEPING: '✅', STARTED: '🚀' };

export function writeSummary(runner: Runner, init: { target: Target; source: string; results: ServiceResult[] }): void {
  const { target, results } = init;
  const summary = new Summary().heading(`Railway: ${target.project.name} / ${target.environment.name}`, 3).table(
    ['service', 'deployment', 'status', 'duration', 'URL', 'logs'],
    results.map((r) => [
      r.service.name,
      code(r.deploymentId),
      `${ICON[r.status] ?? '❌'} ${r.status}`,
      r.durationMs === undefined ? '' : formatDuration(r.durationMs),
      r.url ? link(r.url, r.url) : '',
      link('logs', r.logsUrl),
    ]),
  );
  for (const r of results) {
    if (r.tail.length === 0) continue;
    summary.details(`Last ${r.tail.length} log lines of ${r.service.name}`, new Summary().codeBlock(r.tail.join('\n')));
  }
  summary.paragraph(
    `Source: ${init.source}. Previous deployments (for rollback): ${results.map((r) => `${r.service.name} ${r.previous?.id ?? 'none'}`).join(', ')}.`,
  );
  summary.write(runner);
}
