/**
 * Railway: settle every service's target (refusing, with nothing changed, when one has nothing
 * to go back to) → `deploymentRollback(target)` for each service in parallel → find the
 * deployment each call created (the mutation answers only a Boolean) → wait for it like a
 * deploy (subscription, logs, verdict; polling when the socket drops) → verify that it reached
 * SUCCESS, is the live deployment, and came from the target.
 */
import { DeadlineError, errorMessage, UserError } from '@deploy-suite/core/errors';
import { HttpError } from '@deploy-suite/core/http';
import { poll } from '@deploy-suite/core/poll';
import type { ActionContext } from '@deploy-suite/core/run';
import { excerpt, quote } from '@deploy-suite/core/untrusted';
import type { DeploymentInfo, RailwayClient } from '@deploy-suite/railway/client';
import { classifyStatus, urlOfDomain } from '@deploy-suite/railway/status';
import type { Subscriptions } from '@deploy-suite/railway/subscriptions';
import { ServiceLog } from './logs.ts';
import type { RollbackInputs } from './manifest.ts';
import { provenance, references } from './provenance.ts';
import { type Plan, planService } from './railway-plan.ts';
import { type RailwayTarget, resolveRailwayTarget } from './railway-target.ts';
import { type ServiceRollback, safeStatus } from './result.ts';

const LISTED = 50;

interface Planned {
  service: { id: string; name: string };
  live: DeploymentInfo | undefined;
  target: DeploymentInfo;
  before: Set<string>;
}

async function planAll(ctx: ActionContext, t: RailwayTarget): Promise<Planned[]> {
  const { client, environment, project } = t;
  const serviceNames = new Map(project.services.map((s) => [s.id, s.name]));
  const plans = await Promise.all(
    t.services.map(async ({ service, to }) => {
      const deployments = await client.deployments({ serviceId: service.id, environmentId: environment.id, first: LISTED });
      const requested = to === undefined ? undefined : await readDeployment(client, to);
      const plan: Plan = planService({
        projectId: project.id,
        environment,
        service,
        deployments,
        serviceNames,
        ...(to === undefined ? {} : { requestedId: to, requested }),
      });
      return { service, plan, before: new Set(deployments.map((d) => d.id)) };
    }),
  );
  const refusals = plans.flatMap((p) => (p.plan.ok ? [] : [p.plan.refusal]));
  if (refusals.length > 0)
    throw new UserError(`Nothing was rolled back. ${refusals.join(' ')}`, {
      hint: 'Pass `to` with a deployment of this service that went live before (a deploy step sets it as previous-deployment-id).',
    });
  return plans.map(({ service, plan, before }) => {
    if (!plan.ok) throw new Error('unreachable: refusals were handled above');
    ctx.runner.info(
      `${service.name}: live ${plan.live?.id ?? 'nothing'} → back to ${plan.target.id} (created ${plan.target.createdAt})`,
    );
    return { service, live: plan.live, target: plan.target, before };
  });
}

/** The `to` deployment, or null when Railway does not show it to this token. */
async function readDeployment(client: RailwayClient, id: string): Promise<DeploymentInfo | null> {
  try {
    return await client.deployment(id);
  } catch (error) {
    // "Not Authorized" or "not found": both mean this token's project and environment do not hold it.
    if (error instanceof UserError) return null;
    throw error;
  }
}

/** The deployment a rollback created: new since the listing, preferring one that names the target. */
async function findCreated(
  client: RailwayClient,
  environmentId: string,
  p: Planned,
  ctx: ActionContext,
  timeout: number,
): Promise<DeploymentInfo> {
  const { value } = await poll<DeploymentInfo>({
    what: `the deployment Railway creates for the rollback of ${p.service.name}`,
    timeout,
    interval: 5_000,
    initialInterval: 300,
    signal: ctx.signal,
    clock: ctx.clock,
    hint: 'Railway accepted the rollback but no new deployment appeared; look at the service on Railway.',
    check: async () => {
      const listed = await client.deployments({ serviceId: p.service.id, environmentId, first: 10 });
      const fresh = listed.filter((d) => !p.before.has(d.id));
      const chosen = fresh.find((d) => references(d.meta, p.target.id)) ?? fresh[0];
      return chosen ? { done: true, value: chosen } : { done: false, state: 'no new deployment yet' };
    },
  });
  return value;
}

export async function rollbackRailway(inputs: RollbackInputs, ctx: ActionContext): Promise<ServiceRollback[]> {
  const { runner, clock } = ctx;
  const started = clock.now();
  const left = () => Math.max(1000, inputs.timeout - (clock.now() - started));
  const t = await runner.group('Connect to Railway', async () => {
    const found = await resolveRailwayTarget(inputs, ctx);
    runner.info(
      `Project ${found.project.name} (${found.project.id}), environment ${found.environment.name}, ${found.session.kind} token; services: ${found.services.map((s) => s.service.name).join(', ')}`,
    );
    return found;
  });
  const planned = await runner.group('Choose the release to go back to', () => planAll(ctx, t));
  const { client } = t;

  const requested: Planned[] = [];
  ctx.onCancel(() => {
    for (const p of requested)
      runner.warning(
        `${p.service.name}: the rollback to ${p.target.id} was requested before the cancel and is not undone; it goes on on Railway.`,
      );
  });

  const several = planned.length > 1;
  const subscriptions: Subscriptions | undefined = inputs.wait
    ? await (async () => {
        const { Subscriptions } = await import('@deploy-suite/railway/subscriptions');
        return Subscriptions.open(client).catch(() => undefined);
      })()
    : undefined;
  try {
    const rows = await runner.group(`Roll back ${planned.map((p) => p.service.name).join(', ')}`, () =>
      Promise.all(planned.map((p) => request(ctx, t, p, requested, left))),
    );
    if (!inputs.wait) return rows.map(({ row }) => row);
    const waitStarted = clock.now();
    const logs = planned.map((p) => new ServiceLog(runner, p.service.name, !several));
    await runner.group('Wait for the restored releases', () =>
      Promise.all(
        rows.map(async ({ row, created }, i) => {
          const p = planned[i];
          const log = logs[i];
          if (!created || !p || !log) return;
          await waitAndVerify(ctx, t, p, created, row, subscriptions, log, left());
          row.durationMs += clock.now() - waitStarted;
        }),
      ),
    );
    for (const log of logs) log.showKept();
    return rows.map(({ row }) => row);
  } finally {
    await subscriptions?.dispose();
    runner.info(`Railway API: ${client.requests} HTTP requests.`);
  }
}

/**
 * `deploymentRollback`, which is not retried after a 5xx or a dropped connection (a second call
 * could start a second deployment). Such a failure may still have reached Railway: when a new
 * deployment of the service that names the target appears, the rollback did happen.
 */
async function requestRollback(ctx: ActionContext, t: RailwayTarget, p: Planned): Promise<boolean> {
  try {
    return await t.client.rollback(p.target.id);
  } catch (error) {
    if (!(error instanceof HttpError) || ctx.signal.aborted) throw error;
    const listed = await t.client.deployments({ serviceId: p.service.id, environmentId: t.environment.id, first: 10 });
    if (!listed.some((d) => !p.before.has(d.id) && references(d.meta, p.target.id))) throw error;
    ctx.runner.info(
      `${p.service.name}: the rollback request failed (${quote(error.message, ctx.runner.secrets)}), but Railway started the rollback.`,
    );
    return true;
  }
}

/** Requests one service's rollback and finds the deployment it created. */
async function request(
  ctx: ActionContext,
  t: RailwayTarget,
  p: Planned,
  requested: Planned[],
  left: () => number,
): Promise<{ row: ServiceRollback; created: DeploymentInfo | undefined }> {
  const row: ServiceRollback = {
    service: p.service.name,
    serviceId: p.service.id,
    from: p.live?.id,
    to: p.target.id,
    deploymentId: undefined,
    status: 'REQUESTED',
    verified: false,
    url: undefined,
    failure: undefined,
    tail: [],
    durationMs: 0,
  };
  const since = ctx.clock.now();
  const accepted = await requestRollback(ctx, t, p);
  if (!accepted) {
    row.status = 'REFUSED';
    row.failure = `Railway refused to roll back to ${p.target.id} (deploymentRollback answered false).`;
    return { row, created: undefined };
  }
  requested.push(p);
  const created = await findCreated(t.client, t.environment.id, p, ctx, Math.min(left(), 120_000));
  row.deploymentId = created.id;
  row.durationMs = ctx.clock.now() - since;
  ctx.runner.info(`${p.service.name}: rollback deployment ${created.id} started`);
  return { row, created };
}

async function waitAndVerify(
  ctx: ActionContext,
  t: RailwayTarget,
  p: Planned,
  created: DeploymentInfo,
  row: ServiceRollback,
  subscriptions: Subscriptions | undefined,
  log: ServiceLog,
  timeout: number,
): Promise<void> {
  const { runner } = ctx;
  const { watchDeployment } = await import('@deploy-suite/railway/wait');
  let status: string;
  try {
    const result = await watchDeployment({
      client: t.client,
      deploymentId: created.id,
      timeout,
      subscriptions,
      signal: ctx.signal,
      clock: ctx.clock,
      logs: true,
      what: `rollback deployment ${created.id} of ${p.service.name}`,
      onStatus: (s) => runner.info(`${p.service.name}: ${safeStatus(s)}`),
      onLog: (kind, line) => log.add(kind, line.message),
    });
    status = result.status;
  } catch (error) {
    if (!(error instanceof DeadlineError)) throw error;
    row.status = 'TIMEOUT';
    row.failure = error.message;
    return;
  } finally {
    log.finish();
  }
  row.status = safeStatus(status);
  const tail = () => log.tail().map((line) => excerpt(line, runner.secrets, 500));
  if (classifyStatus(status) !== 'success') {
    row.failure =
      classifyStatus(status) === 'gone'
        ? `rollback deployment ${created.id} ended ${row.status}: nothing of it is live (cancelled, replaced or skipped on Railway).`
        : `rollback deployment ${created.id} ended ${row.status}: the restored release did not start.`;
    row.tail = tail();
    return;
  }

  // Verify: the new deployment is what serves now, and it is the target's release.
  const [now, live] = await Promise.all([
    t.client.deployment(created.id),
    t.client.liveDeployment(p.service.id, t.environment.id),
  ]);
  const origin = provenance(now, p.target);
  if (live?.id !== created.id) {
    row.failure = `rollback deployment ${created.id} reached ${row.status}, but the live deployment is ${live?.id ?? 'none'}.`;
    return;
  }
  if (origin === 'contradicted') {
    row.failure = `rollback deployment ${created.id} is live, but it was not built from ${p.target.id} (another commit or image).`;
    return;
  }
  if (origin === 'unknown')
    runner.warning(
      `${p.service.name}: Railway did not record which deployment ${created.id} restores; it is live and was created by this rollback.`,
    );
  row.verified = true;
  try {
    const domain = await t.client.domain(t.project.id, t.environment.id, p.service.id);
    row.url = domain ? urlOfDomain(domain) : undefined;
  } catch (error) {
    runner.warning(`${p.service.name}: could not read the public domain: ${errorMessage(error)}`);
  }
}
