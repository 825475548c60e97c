/**
 * What the status says after the tool ran, held against what it said before: up leaves nothing
 * pending and names what it applied; down names what it took back and, where the tool reports
 * its revision, checks it reached `to`. Anything else is a failure, and the database goes back.
 */
import { UserError } from '@deploy-suite/core/errors';
import type { Plan } from './plan.ts';
import type { Outcome } from './report.ts';
import type { StatusReport } from './status.ts';

export function verifyUp(before: StatusReport | undefined, after: StatusReport | undefined, outcome: Outcome): void {
  if (!after?.ok) return;
  if (after.pending === undefined || after.pending.length > 0) {
    throw new UserError(
      `The migration command succeeded but ${after.pending ? `${after.pending.length} migration(s) are still pending: ${after.pending.join(', ')}` : `the status is still unknown (${after.why})`}.`,
    );
  }
  outcome.pending = [];
  if (before?.ok && before.pending) outcome.applied = before.pending;
  else if (after.applied) {
    // The first run of a tool with no migrations table yet: what it lists now, less what it listed before.
    const earlier = new Set(before?.ok ? (before.applied ?? []) : []);
    outcome.applied = after.applied.filter((name) => !earlier.has(name));
  }
}

export function verifyDown(
  plan: Plan,
  before: StatusReport | undefined,
  after: StatusReport | undefined,
  outcome: Outcome,
): void {
  if (!after?.ok || after.pending === undefined) return;
  const earlier = new Set(before?.ok ? (before.pending ?? []) : []);
  outcome.reverted = after.pending.filter((name) => !earlier.has(name));
  outcome.pending = after.pending;
  const to = plan.inputs.to?.trim();
  if (plan.inputs.tool === 'alembic' && to && !/^[-+]\d+$/.test(to) && !plan.inputs.command) {
    const current = (after.current ?? []).join(' ') || 'base';
    if (current !== to) throw new UserError(`The downgrade command succeeded but the database is at ${current}, not ${to}.`);
  }
}
