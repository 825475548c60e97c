/**
 * migrate: check → status → backup → apply (or downgrade) → status again → summary; on failure,
 * put the database back (restore the backup all or nothing, or run the rollback command) and
 * fail with the tool's error. Everything that can be checked is checked before the first
 * change. Each phase lives in its own module; this file only orders them.
 */
import { CancelledError, errorMessage, UserError } from '@deploy-suite/core/errors';
import type { ActionContext, ActionResult } from '@deploy-suite/core/run';
import { applyAndVerify } from './apply.ts';
import { takeBackup } from './backup-phase.ts';
import { check } from './check.ts';
import type { MigrateInputs } from './manifest.ts';
import { makePlan, type Plan, workingDirectory } from './plan.ts';
import { newOutcome, type Outcome, publish } from './report.ts';
import type { StatusReport } from './status.ts';
import { Tools } from './tools.ts';
import { undoFailure } from './undo.ts';

export type { Outcome } from './report.ts';

export async function migrate(inputs: MigrateInputs, ctx: ActionContext): Promise<ActionResult> {
  const started = ctx.clock.now();
  let railway: import('./railway-source.ts').RailwayDatabase | undefined;
  if (inputs.railwayService !== undefined) {
    workingDirectory(inputs, ctx);
    // The Railway client loads only for a run that reads from Railway.
    const { readRailwayDatabase } = await import('./railway-source.ts');
    railway = await ctx.runner.group(`Read the database from the Railway service '${inputs.railwayService}'`, () =>
      readRailwayDatabase(inputs, ctx),
    );
  }
  const plan = makePlan(inputs, ctx, railway);
  const outcome = newOutcome(plan);
  const tools = new Tools(plan, ctx);
  try {
    return await run(plan, outcome, tools, ctx);
  } catch (error) {
    outcome.failure ??= errorMessage(error);
    outcome.cancelled = ctx.signal.aborted;
    throw error;
  } finally {
    outcome.durationMs = ctx.clock.now() - started;
    publish(plan, outcome, ctx, inputs.tool);
  }
}

async function run(plan: Plan, outcome: Outcome, tools: Tools, ctx: ActionContext): Promise<ActionResult> {
  const { runner } = ctx;
  const { inputs } = plan;
  outcome.phase = 'the check';
  const checked = await runner.group('Check the tools and the database', () => check(plan, tools, ctx));

  outcome.phase = 'the status';
  const before = await runner.group('Status: what is pending', () => tools.status(checked.status));
  if (before?.ok) outcome.revisionBefore = plan.preset.revision?.(before) ?? '';
  if (!plan.down && reportPending(before, outcome, ctx)) return { status: 'success' };

  if (inputs.dryRun) {
    outcome.phase = 'the dry run';
    const planCommand = before && plan.commands.dryRun ? plan.commands.dryRun(before) : undefined;
    if (planCommand) {
      const argv = tools.resolve(planCommand, 'dry-run');
      await runner.group(`Dry run: ${planCommand.argv.join(' ')}`, () => tools.run(argv, 'The dry run'));
    } else {
      runner.info(`Dry run: ${inputs.tool} has no plan mode here; the pending list above is what would be applied.`);
    }
    outcome.phase = undefined;
    return { status: 'success' };
  }

  if (plan.doBackup && checked.pg) {
    outcome.phase = 'the backup';
    const pg = checked.pg;
    await runner.group('Back up the database (pg_dump -Fc)', () => takeBackup(plan, pg, ctx, outcome));
  }

  try {
    await applyAndVerify(plan, checked, tools, ctx, outcome, before);
    return { status: 'success' };
  } catch (error) {
    outcome.failure = errorMessage(error);
    const failedPhase = outcome.phase;
    let undo: string;
    try {
      undo = await undoFailure(plan, checked, outcome, tools, ctx, error);
    } catch (undoError) {
      if (ctx.signal.aborted) throw new CancelledError(`${errorMessage(ctx.signal.reason)}\n${errorMessage(undoError)}`);
      throw undoError;
    }
    outcome.phase = failedPhase;
    if (ctx.signal.aborted) throw new CancelledError(`${errorMessage(ctx.signal.reason)}\n${errorMessage(error)}\n${undo}`);
    throw new UserError(`${errorMessage(error)}\n${undo}`, {
      hint: outcome.restored
        ? 'The database is back as it was before this step. Fix the migration and run again.'
        : outcome.backupFile
          ? `The backup taken before the migration is kept at ${outcome.backupFile}.`
          : 'Check the database state before running again.',
    });
  }
}

/** Logs what is pending; true when nothing is (the run is done: nothing to back up or apply). */
function reportPending(before: StatusReport | undefined, outcome: Outcome, ctx: ActionContext): boolean {
  const { runner } = ctx;
  if (before?.ok && before.pending !== undefined) {
    outcome.pending = before.pending;
    runner.info(
      before.pending.length === 0 ? 'Nothing is pending.' : `Pending (${before.pending.length}): ${before.pending.join(', ')}`,
    );
    if (before.pending.length === 0) {
      runner.info('The database is up to date: nothing to back up or apply.');
      outcome.phase = undefined;
      return true;
    }
  } else if (before?.ok) {
    runner.info(`Pending: unknown, ${before.why}.`);
  } else {
    runner.info('No status command: what is pending is unknown, so the migration runs.');
  }
  return false;
}
