/** The backup phase: a private directory, a timestamped file, `pg_dump -Fc` into it. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage, UserError } from '@deploy-suite/core/errors';
import { formatDuration } from '@deploy-suite/core/input-types';
import type { ActionContext } from '@deploy-suite/core/run';
import { dumpDatabase } from './backup.ts';
import type { Plan } from './plan.ts';
import type { PgContext } from './postgres.ts';
import type { Outcome } from './report.ts';
import { formatBytes } from './summary.ts';

function timestampForFile(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export async function takeBackup(plan: Plan, pg: PgContext, ctx: ActionContext, outcome: Outcome): Promise<void> {
  const { runner } = ctx;
  try {
    mkdirSync(plan.backupDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UserError(`Cannot create the backup directory ${plan.backupDir}: ${errorMessage(error)}`, {
      hint: 'Set backup-dir to a writable folder.',
    });
  }
  const name = (pg.db.name || 'database').replace(/[^\w.-]+/g, '_');
  const file = join(plan.backupDir, `${name}-${timestampForFile(ctx.clock.now())}.dump`);
  const started = ctx.clock.now();
  const bytes = await dumpDatabase(pg, file, {
    lockTimeout: plan.inputs.lockTimeout,
    timeout: plan.inputs.timeout,
    signal: ctx.signal,
  });
  outcome.backupFile = file;
  outcome.backupBytes = bytes;
  outcome.backupAt = started;
  runner.info(`Backed up to ${file} (${formatBytes(bytes)}) in ${formatDuration(ctx.clock.now() - started)}.`);
}
