/** The apply phase (or the downgrade, for `direction: down`), then the status again to verify it. */
import type { ActionContext } from '@deploy-suite/core/run';
import type { Checked } from './check.ts';
import type { Plan } from './plan.ts';
import type { Outcome } from './report.ts';
import type { StatusReport } from './status.ts';
import type { Tools } from './tools.ts';
import { verifyDown, verifyUp } from './verify.ts';

export async function applyAndVerify(
  plan: Plan,
  checked: Checked,
  tools: Tools,
  ctx: ActionContext,
  outcome: Outcome,
  before: StatusReport | undefined,
): Promise<void> {
  const { runner } = ctx;
  const steps = [plan.commands.apply, ...plan.commands.more];
  const argvs = [checked.apply, ...checked.more];
  outcome.phase = plan.down ? 'the downgrade' : 'the migration';
  for (const [i, argv] of argvs.entries()) {
    const shown = steps[i]?.argv.join(' ') ?? '';
    await runner.group(`${plan.down ? 'Down' : 'Apply'}: ${shown}`, () =>
      tools.run(argv, plan.down ? 'The downgrade' : 'The migration'),
    );
  }
  outcome.phase = 'the check after it';
  const after = await runner.group(
    plan.down ? 'Status again: where the database is now' : 'Status again: nothing may be pending',
    () => tools.status(checked.status),
  );
  if (plan.down) {
    verifyDown(plan, before, after, outcome);
    runner.info(
      outcome.reverted.length > 0
        ? `Took back ${outcome.reverted.length}: ${outcome.reverted.join(', ')}`
        : 'The downgrade command succeeded.',
    );
  } else {
    verifyUp(before, after, outcome);
    runner.info(
      outcome.applied.length > 0
        ? `Applied ${outcome.applied.length}: ${outcome.applied.join(', ')}`
        : 'The migration command succeeded.',
    );
  }
  outcome.phase = undefined;
}
