/**
 * After a failed migration: put the database back. With a backup, compare first (a failed
 * migration that rolled itself back needs nothing), then restore all or nothing inside a
 * critical section (a second cancel signal rolls the restore back instead of killing it half
 * way), then verify. Without one, run the rollback command. Returns one sentence on what it
 * did; throws one error saying what state the database is in and where the backup is.
 */
import { errorMessage, UserError } from '@deploy-suite/core/errors';
import type { ActionContext } from '@deploy-suite/core/run';
import type { Checked } from './check.ts';
import { lostWritesWarning } from './lost-writes.ts';
import type { Plan } from './plan.ts';
import { sameAsBackup } from './postgres.ts';
import type { Outcome } from './report.ts';
import { describeBlockers, restoreAtomically } from './restore.ts';
import type { Tools } from './tools.ts';

const byHand = (file: string): string =>
  `pg_restore --clean --if-exists --no-owner --single-transaction -d "$DATABASE_URL" ${file}`;

export async function undoFailure(
  plan: Plan,
  checked: Checked,
  outcome: Outcome,
  tools: Tools,
  ctx: ActionContext,
  cause: unknown,
): Promise<string> {
  const { runner } = ctx;
  const { inputs } = plan;
  if (ctx.signal.aborted) runner.warning('Cancelled during the migration: putting the database back before stopping.');
  if (!inputs.restoreOnFailure) {
    return `restore-on-failure is off: the database was left as the failed migration left it${outcome.backupFile ? `; the backup is at ${outcome.backupFile}` : ''}.`;
  }
  const pg = checked.pg;
  if (outcome.backupFile && pg) {
    const file = outcome.backupFile;
    outcome.phase = 'the restore';
    return runner.group('Restore the backup', () =>
      ctx.critical('the restore', async (urgent) => {
        // Restoring costs the app's writes since the backup: only when there is something to undo.
        const unchanged = await sameAsBackup(pg, file, inputs.timeout, urgent).catch(() => false);
        if (unchanged) {
          runner.info('The failed migration left the database exactly as the backup has it: nothing to restore.');
          return 'The database was left unchanged (checked against the backup).';
        }
        const report = await restoreAtomically(pg, file, {
          timeout: inputs.timeout,
          lockTimeout: inputs.lockTimeout,
          stop: urgent,
        });
        if (!report.restored) {
          const blockers = report.blockers.length > 0 ? `\nBlocked by: ${describeBlockers(report.blockers)}.` : '';
          const why = pg.scrub(report.failure ?? 'unknown');
          throw new UserError(
            `${errorMessage(cause)}\nThe restore did not complete (${why}): ${report.state}. The backup is kept at ${file}.${blockers}`,
            {
              hint:
                report.blockers.length > 0
                  ? `End the blocking session (select pg_terminate_backend(${report.blockers[0]?.pid})), then restore by hand: ${byHand(file)}`
                  : `Restore it by hand: ${byHand(file)}`,
            },
          );
        }
        outcome.restored = true;
        outcome.restoredAt = ctx.clock.now();
        runner.warning(lostWritesWarning(outcome));
        runner.info(
          `Restored ${file} in one transaction${report.dropped.length ? `, after dropping ${report.dropped.length} new object(s)` : ''}.`,
        );
        if (await sameAsBackup(pg, file, inputs.timeout, urgent).catch(() => false))
          runner.info('Verified: the database matches the backup.');
        else runner.warning('After the restore the database differs from the backup: the app may have written to it since.');
        return `The database was restored from the backup ${file}: ${report.state}.`;
      }),
    );
  }
  if (checked.rollback) {
    const argv = checked.rollback;
    outcome.phase = 'the rollback';
    return runner.group(`Roll back: ${plan.commands.rollback?.argv.join(' ')}`, async () => {
      try {
        await tools.run(argv, 'The rollback', true, undefined);
        outcome.restored = true;
        return 'The rollback command ran.';
      } catch (rollbackError) {
        throw new UserError(`${errorMessage(cause)}\nThe rollback failed too: ${errorMessage(rollbackError)}`);
      }
    });
  }
  return 'There was no backup and no rollback-command: check the database by hand.';
}
