/** The job summary: what was applied, what is pending, the backup, and what happened on failure. */
import { formatDuration } from '@deploy-suite/core/input-types';
import { code, Summary } from '@deploy-suite/core/report';
import type { Runner } from '@deploy-suite/core/runner';
import { lostWritesWarning } from './lost-writes.ts';
import type { Outcome } from './report.ts';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function writeSummary(runner: Runner, run: { tool: string; database: string | undefined; outcome: Outcome }): void {
  const { outcome } = run;
  const failedWhere = outcome.phase ? ` during ${outcome.phase}` : '';
  const verdict = outcome.failure
    ? `${outcome.cancelled ? 'cancelled' : 'failed'}${failedWhere}${outcome.restored ? '; the database was put back' : ''}`
    : outcome.dryRun
      ? 'dry run: nothing applied'
      : outcome.direction === 'down'
        ? outcome.reverted.length > 0
          ? `reverted ${outcome.reverted.length}`
          : 'down: done'
        : outcome.applied.length > 0
          ? `applied ${outcome.applied.length}`
          : outcome.pending?.length === 0
            ? 'up to date'
            : 'done';
  const rows: Array<[string, string | ReturnType<typeof code>]> = [
    ['Tool', run.tool],
    ['Database', run.database ?? '(the tool’s own settings)'],
    ['Result', verdict],
    outcome.direction === 'down'
      ? ['Reverted', outcome.reverted.length > 0 ? outcome.reverted.join(', ') : 'none']
      : ['Applied', outcome.applied.length > 0 ? outcome.applied.join(', ') : 'none'],
    ['Pending', outcome.pending === undefined ? 'unknown' : outcome.pending.length > 0 ? outcome.pending.join(', ') : 'none'],
    [
      'Backup',
      outcome.backupFile
        ? code(`${outcome.backupFile}${outcome.backupBytes !== undefined ? ` (${formatBytes(outcome.backupBytes)})` : ''}`)
        : 'none',
    ],
    ['Revision before', outcome.revisionBefore ? code(outcome.revisionBefore) : 'unknown'],
    ['Restored', outcome.restored ? 'yes' : 'no'],
    ['Duration', formatDuration(outcome.durationMs)],
  ];
  const summary = new Summary().heading('Database migrations', 3).table(['', ''], rows);
  if (outcome.restoredAt !== undefined) summary.paragraph(`⚠️ ${lostWritesWarning(outcome)}`);
  if (outcome.failure) summary.details('Error', outcome.failure);
  summary.write(runner);
}
