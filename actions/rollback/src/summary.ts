/** The job summary of a rollback: why, who asked, and each service's from → to, status and verification. */
import { formatDuration } from '@deploy-suite/core/input-types';
import { type Content, code, link, Summary } from '@deploy-suite/core/report';
import type { Runner } from '@deploy-suite/core/runner';
import type { ServiceRollback } from './result.ts';

export interface RollbackSummary {
  provider: 'railway' | 'vercel';
  environment: string;
  /** Already excerpted. */
  reason: string | undefined;
  actor: string;
  rows: ServiceRollback[];
  waited: boolean;
}

function verdict(r: ServiceRollback, waited: boolean): string {
  if (r.verified) return 'verified';
  if (r.failure) return 'failed';
  return waited ? 'not verified' : 'requested (not waited for)';
}

export function writeRollbackSummary(runner: Pick<Runner, 'appendSummary'>, s: RollbackSummary): void {
  const failed = s.rows.some((r) => r.failure !== undefined);
  const title = failed ? 'Rollback failed' : s.waited ? 'Rolled back' : 'Rollback requested';
  const rows: Content[][] = s.rows.map((r) => [
    r.service,
    r.from ? code(r.from) : 'nothing',
    code(r.to),
    r.deploymentId && r.deploymentId !== r.to ? code(r.deploymentId) : '',
    r.status,
    verdict(r, s.waited),
    r.url ? link(r.url, r.url) : '',
    formatDuration(r.durationMs),
  ]);
  const summary = new Summary()
    .heading(`${title}: ${s.provider === 'railway' ? 'Railway' : 'Vercel'} ${s.environment}`, 3)
    .paragraph('Reason:', s.reason ?? 'none given', '— asked by', s.actor || 'unknown')
    .table(
      [s.provider === 'railway' ? 'Service' : 'Project', 'From', 'To', 'New deployment', 'Status', 'Check', 'URL', 'Took'],
      rows,
    );
  for (const r of s.rows) {
    if (r.failure) summary.paragraph(`${r.service}:`, r.failure);
    if (r.tail.length > 0)
      summary.details(`Logs of ${r.service} (last ${r.tail.length} lines)`, new Summary().codeBlock(r.tail.join('\n')));
  }
  if (!s.waited) summary.paragraph('wait: false — the restored release was not waited for, and nothing was verified.');
  summary.write(runner);
}
