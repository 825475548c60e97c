/** What a run did, and how it is told: the outputs (real values, no secret) and the summary. */
import type { ActionContext } from '@deploy-suite/core/run';
import { describeDatabase } from './database.ts';
import type { Plan } from './plan.ts';
import { writeSummary } from './summary.ts';

export interface Outcome {
  direction: 'up' | 'down';
  applied: string[];
  /** What a down run took back. */
  reverted: string[];
  pending: string[] | undefined;
  /** Where the database was before this run, in the tool's terms: what `to` takes to go back there. */
  revisionBefore: string;
  backupFile: string;
  backupBytes: number | undefined;
  /** When pg_dump started: the backup is the database as it was then (epoch ms). */
  backupAt: number | undefined;
  /** When a restore from the backup committed (epoch ms): the app's writes since backupAt are gone. */
  restoredAt: number | undefined;
  restored: boolean;
  dryRun: boolean;
  /** Set for every failure, whatever the phase. */
  failure: string | undefined;
  /** The phase that failed or was cancelled. */
  phase: string | undefined;
  cancelled: boolean;
  durationMs: number;
}

export function newOutcome(plan: Plan): Outcome {
  return {
    direction: plan.down ? 'down' : 'up',
    applied: [],
    reverted: [],
    pending: undefined,
    revisionBefore: '',
    backupFile: '',
    backupBytes: undefined,
    backupAt: undefined,
    restoredAt: undefined,
    restored: false,
    dryRun: plan.inputs.dryRun,
    failure: undefined,
    phase: undefined,
    cancelled: false,
    durationMs: 0,
  };
}

export function publish(plan: Plan | undefined, outcome: Outcome, ctx: ActionContext, tool: string): void {
  const { runner } = ctx;
  runner.setOutput('applied', outcome.applied.join('\n'));
  runner.setOutput('reverted', outcome.reverted.join('\n'));
  runner.setOutput('pending', (outcome.pending ?? []).join('\n'));
  runner.setOutput('revision-before', outcome.revisionBefore);
  runner.setOutput('backup-file', outcome.backupFile);
  runner.setOutput('restored', outcome.restored);
  const from = plan?.railway ? ` (${plan.railway.variable} of the Railway service ${plan.railway.service})` : '';
  writeSummary(runner, { tool, database: plan?.db ? `${describeDatabase(plan.db)}${from}` : undefined, outcome });
}
