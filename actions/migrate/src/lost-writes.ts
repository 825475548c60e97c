/**
 * What a restore costs: the backup is the database as it was when pg_dump started, so whatever
 * a live app wrote between then and the restore is gone. Said plainly, with the window, so the
 * team can look for those writes (orders, sign-ups) in the app's logs.
 */
import { formatDuration } from '@deploy-suite/core/input-types';
import type { Outcome } from './report.ts';

const clockTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** The sentence for a run whose restore committed, else undefined. */
export function lostWritesWarning(outcome: Pick<Outcome, 'backupAt' | 'restoredAt'>): string {
  const { backupAt, restoredAt } = outcome;
  const window =
    backupAt !== undefined && restoredAt !== undefined
      ? ` between ${clockTime(backupAt)} (the backup) and ${clockTime(restoredAt)} (the restore), ${formatDuration(Math.max(0, restoredAt - backupAt))}`
      : ' between the backup and the restore';
  return `The restore put the database back as it was at the backup: rows a live app wrote${window}, are gone. Put the app in maintenance mode around migrations (see the catalog) so nothing writes in that window.`;
}
