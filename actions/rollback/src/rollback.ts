/**
 * rollback: check who asks and why → the provider's rollback (railway.ts, vercel.ts), which
 * settles every target before changing anything, then waits and verifies → outputs, summary,
 * and a loud failure when any restored release is not verified.
 */
import { InputError, UserError } from '@deploy-suite/core/errors';
import type { ActionContext, ActionResult } from '@deploy-suite/core/run';
import { excerpt, quote } from '@deploy-suite/core/untrusted';
import type { RollbackInputs } from './manifest.ts';
import type { ServiceRollback } from './result.ts';
import { writeRollbackSummary } from './summary.ts';

/** A manual run must say why: the reason goes to the summary, the outputs and the notification. */
export function requireReason(inputs: Pick<RollbackInputs, 'reason'>, eventName: string): void {
  if (eventName === 'workflow_dispatch' && (inputs.reason ?? '').trim() === '')
    throw new InputError([
      {
        input: 'reason',
        shown: 'is required when the run was started by hand (workflow_dispatch)',
        expected: 'expected a few words on why production goes back',
      },
    ]);
}

export async function rollback(inputs: RollbackInputs, ctx: ActionContext): Promise<ActionResult> {
  const { runner } = ctx;
  requireReason(inputs, ctx.github.eventName);
  const reason = inputs.reason?.trim() || undefined;
  if (reason) {
    runner.setOutput('reason', reason);
    runner.info(`Reason: ${quote(reason, runner.secrets)} (asked by ${ctx.github.actor || 'unknown'})`);
  }

  let rows: ServiceRollback[];
  if (inputs.provider === 'railway') {
    const { rollbackRailway } = await import('./railway.ts');
    rows = await rollbackRailway(inputs, ctx);
  } else {
    const { rollbackVercel } = await import('./vercel.ts');
    rows = await rollbackVercel(inputs, ctx);
  }

  const first = rows[0];
  runner.setOutput('rolled-back-from', first?.from ?? '');
  runner.setOutput('rolled-back-to', first?.to ?? '');
  runner.setOutput('url', first?.url ?? '');
  runner.setOutput(
    'deployments',
    JSON.stringify(
      rows.map((r) => ({
        service: r.service,
        serviceId: r.serviceId,
        from: r.from ?? null,
        to: r.to,
        deploymentId: r.deploymentId ?? null,
        status: r.status,
        verified: r.verified,
        url: r.url ?? null,
      })),
    ),
  );
  writeRollbackSummary(runner, {
    provider: inputs.provider,
    environment: inputs.environment ?? (inputs.provider === 'vercel' ? 'production' : ''),
    reason: reason === undefined ? undefined : excerpt(reason, runner.secrets, 500),
    actor: ctx.github.actor,
    // A failure quotes provider answers (statuses, ids, what a wait saw last): outside text, capped.
    rows: rows.map((r) => ({ ...r, failure: r.failure === undefined ? undefined : excerpt(r.failure, runner.secrets, 500) })),
    waited: inputs.wait,
  });

  const failed = rows.filter((r) => r.failure !== undefined || (inputs.wait && !r.verified));
  if (failed.length > 0) throw failureError(failed, rows.length);
  for (const r of rows)
    runner.info(
      `${r.service}: ${inputs.wait ? 'rolled back' : 'rollback requested'} from ${r.from ?? 'nothing'} to ${r.to}${r.url ? ` (${r.url})` : ''}.`,
    );
  return { status: inputs.wait ? 'success' : 'requested' };
}

function failureError(failed: ServiceRollback[], total: number): UserError {
  const parts = failed.map((r) => {
    const tail =
      r.tail.length > 0 ? `\nLast ${r.tail.length} log lines of ${r.service}:\n${r.tail.map((l) => `  ${l}`).join('\n')}` : '';
    return `${r.service}: ${r.failure ?? 'the restored release could not be verified.'}${tail}`;
  });
  const head =
    total > 1 ? `${failed.length} of ${total} rollbacks are not verified: ${failed.map((r) => r.service).join(', ')}.\n` : '';
  return new UserError(`Rollback NOT verified. ${head}${parts.join('\n')}`, {
    hint: 'The previous release is not confirmed live: look at the provider now, and roll back by hand if needed.',
  });
}
