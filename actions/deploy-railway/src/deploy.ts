/**
 * deploy-railway: settle the target (token, project, environment, services) → record what is
 * live → set the variables once → start one deployment per service, in parallel → wait for each
 * verdict over the subscription (polling when the socket drops) with the logs in the step log →
 * outputs and summary. Cancelling the run cancels the deployments this step started.
 */
import { statSync } from 'node:fs';
import { DeadlineError, errorMessage, InputError, UserError } from '@deploy-suite/core/errors';
import { formatDuration } from '@deploy-suite/core/input-types';
import type { ActionContext, ActionResult } from '@deploy-suite/core/run';
import { excerpt } from '@deploy-suite/core/untrusted';
import { maskVariables } from '@deploy-suite/core/variable-masking';
import type { DeploymentInfo, RailwayClient } from '@deploy-suite/railway/client';
import { classifyStatus, urlOfDomain } from '@deploy-suite/railway/status';
import type { Subscriptions } from '@deploy-suite/railway/subscriptions';
import { ServiceLog } from './logs.ts';
import type { DeployRailwayInputs } from './manifest.ts';
import { type ServiceResult, writeSummary } from './summary.ts';
import { resolveTarget, type Target } from './target.ts';

interface Started {
  service: { id: string; name: string };
  deploymentId: string;
  previous: DeploymentInfo | undefined;
  logsUrl: string;
  domain: string | undefined;
  startedAt: number;
}

/** Railway statuses are an enum; anything else from the wire is shown as unknown. */
function safeStatus(status: string): string {
  return /^[A-Z_]{1,32}$/.test(status) ? status : 'UNKNOWN';
}

function logsLink(target: Target, serviceId: string, deploymentId: string): string {
  return `https://railway.com/project/${target.project.id}/service/${serviceId}?id=${deploymentId}&environmentId=${target.environment.id}`;
}

async function startDeployments(inputs: DeployRailwayInputs, ctx: ActionContext, target: Target): Promise<Started[]> {
  const { client, environment, project, services } = target;
  const { runner } = ctx;

  const previous = await runner.group('Record the live deployments', async () => {
    const live = await Promise.all(services.map((s) => client.liveDeployment(s.id, environment.id)));
    for (const [i, s] of services.entries())
      runner.info(`${s.name}: ${live[i] ? `live deployment ${live[i]?.id}` : 'nothing live'}`);
    return live;
  });
  if (inputs.source === 'redeploy') {
    const missing = services.filter((_, i) => previous[i] === undefined).map((s) => s.name);
    if (missing.length > 0) {
      throw new UserError(`Nothing to redeploy: no live deployment of ${missing.join(', ')} in ${environment.name}.`, {
        hint: "Deploy with source 'upload', 'commit' or 'image' first.",
      });
    }
  }

  const variables = inputs.variables ?? [];
  if (variables.length > 0) {
    // Masked by the core rule: a mask is job-wide, so `RELEASE=8.0.0` stays readable.
    const masking = maskVariables(runner, variables);
    await runner.group('Set the variables', async () => {
      runner.info(`variables: ${masking.line}.`);
      const values = Object.fromEntries(variables);
      for (const s of services) {
        // skipDeploys: the deploy below is the one deploy; the variables must not start their own.
        await client.upsertVariables({
          projectId: project.id,
          environmentId: environment.id,
          serviceId: s.id,
          variables: values,
          skipDeploys: true,
        });
        runner.info(`${s.name}: set ${Object.keys(values).join(', ')}`);
      }
    });
  }

  const tarball =
    inputs.source === 'upload'
      ? await runner.group(`Pack ${inputs.path} as railway up does`, async () => {
          const { packTree } = await import('@deploy-suite/railway/tarball');
          const packed = await packTree(inputs.path);
          runner.info(
            `${packed.files} files in ${packed.directories} directories, ${(packed.bytes.length / 1024).toFixed(1)} KiB gzipped`,
          );
          return packed;
        })
      : undefined;

  const started: Started[] = [];
  ctx.onCancel(async () => {
    // The run's own HTTP client is aborted by now: the cancel requests need one of their own.
    const canceller = client.withHttp(
      ctx.http({ service: 'Railway API', signal: undefined, timeout: 10_000, deadline: 20_000, secrets: runner.secrets }),
    );
    for (const s of started) {
      try {
        await canceller.cancel(s.deploymentId);
        runner.info(`Cancelled deployment ${s.deploymentId} of ${s.service.name}.`);
      } catch (error) {
        runner.warning(`Could not cancel deployment ${s.deploymentId} of ${s.service.name}: ${errorMessage(error)}`);
      }
    }
  });

  await runner.group(`Deploy ${services.map((s) => s.name).join(', ')} (${inputs.source})`, async () => {
    await Promise.all(
      services.map(async (service, i) => {
        let deploymentId: string;
        let logsUrl = '';
        let domain: string | undefined;
        switch (inputs.source) {
          case 'upload': {
            const up = await client.up({
              projectId: project.id,
              environmentId: environment.id,
              serviceId: service.id,
              tarball: tarball?.bytes ?? new Uint8Array(),
              timeout: Math.max(inputs.requestTimeout * 4, 60_000),
              ...(inputs.message ? { message: inputs.message } : {}),
            });
            deploymentId = up.deploymentId;
            logsUrl = up.logsUrl;
            domain = up.deploymentDomain || undefined;
            break;
          }
          case 'commit':
            deploymentId = await client.deployServiceInstance(
              environment.id,
              service.id,
              inputs.commit ?? (ctx.github.sha || undefined),
            );
            break;
          case 'image':
            await client.setImage(service.id, environment.id, inputs.image ?? '');
            deploymentId = await client.deployServiceInstance(environment.id, service.id);
            break;
          case 'redeploy':
            deploymentId = await client.redeploy(previous[i]?.id ?? '');
            break;
        }
        started.push({
          service,
          deploymentId,
          previous: previous[i],
          logsUrl: logsUrl || logsLink(target, service.id, deploymentId),
          domain,
          startedAt: ctx.clock.now(),
        });
        runner.info(`${service.name}: deployment ${deploymentId} started`);
      }),
    );
  });
  // In the order the services were given, not the order their uploads finished.
  return services.map((s) => started.find((x) => x.service.id === s.id)).filter((x): x is Started => x !== undefined);
}

async function waitFor(
  inputs: DeployRailwayInputs,
  ctx: ActionContext,
  client: RailwayClient,
  subscriptions: Subscriptions | undefined,
  s: Started,
  log: ServiceLog,
): Promise<{ status: string; reason?: string; fellBack: boolean }> {
  const { watchDeployment } = await import('@deploy-suite/railway/wait');
  log.start();
  try {
    const result = await watchDeployment({
      client,
      deploymentId: s.deploymentId,
      timeout: Math.max(1000, inputs.timeout - (ctx.clock.now() - s.startedAt)),
      subscriptions,
      signal: ctx.signal,
      clock: ctx.clock,
      logs: true,
      what: `deployment ${s.deploymentId} of ${s.service.name}`,
      onStatus: (status) => ctx.runner.info(`${s.service.name}: ${safeStatus(status)}`),
      onLog: (kind, line) => log.add(kind, line),
    });
    return { status: result.status, fellBack: result.fellBack };
  } catch (error) {
    if (error instanceof DeadlineError) {
      const last = safeStatus(error.lastState ?? 'UNKNOWN');
      return {
        status: 'TIMEOUT',
        reason: `did not finish within ${formatDuration(inputs.timeout)}; last status: ${last}`,
        fellBack: false,
      };
    }
    throw error;
  } finally {
    log.finish();
  }
}

/** The tree to upload must exist: an input error, before anything reaches Railway. */
function checkPath(inputs: DeployRailwayInputs): void {
  if (inputs.source !== 'upload') return;
  let directory = false;
  try {
    directory = statSync(inputs.path).isDirectory();
  } catch {
    directory = false;
  }
  if (!directory) {
    throw new InputError([
      {
        input: 'path',
        shown: `got ${JSON.stringify(inputs.path.slice(0, 80))}`,
        expected: 'expected an existing directory (relative to the workspace) to upload',
      },
    ]);
  }
}

export async function deployRailway(inputs: DeployRailwayInputs, ctx: ActionContext): Promise<ActionResult> {
  const { runner } = ctx;
  checkPath(inputs);
  const target = await runner.group('Connect to Railway', async () => {
    const t = await resolveTarget(inputs, ctx);
    runner.info(
      `Project ${t.project.name} (${t.project.id}), environment ${t.environment.name}, ${t.session.kind} token; services: ${t.services.map((s) => s.name).join(', ')}`,
    );
    return t;
  });
  const { client } = target;
  const started = await startDeployments(inputs, ctx, target);

  const several = started.length > 1;
  const results: ServiceResult[] = [];
  if (!inputs.wait) {
    for (const s of started)
      results.push({ ...s, status: 'STARTED', url: await urlOf(client, target, s), durationMs: undefined, tail: [] });
  } else {
    const { Subscriptions } = await import('@deploy-suite/railway/subscriptions');
    const subscriptions = await Subscriptions.open(client).catch(() => undefined);
    if (!subscriptions) runner.info('No WebSocket available: waiting by polling.');
    try {
      const outcomes = await Promise.all(
        started.map(async (s) => {
          const log = new ServiceLog({ runner, service: s.service.name, live: !several, show: inputs.logs, several });
          const outcome = await waitFor(inputs, ctx, client, subscriptions, s, log);
          const verdict = outcome.status === 'TIMEOUT' ? 'failure' : classifyStatus(outcome.status);
          return {
            ...s,
            status: safeStatus(outcome.status),
            url: verdict === 'success' ? await urlOf(client, target, s) : '',
            durationMs: ctx.clock.now() - s.startedAt,
            tail: verdict === 'success' ? [] : log.tail().map((line) => excerpt(line, runner.secrets, 500)),
            ...(outcome.reason ? { reason: outcome.reason } : {}),
            fellBack: outcome.fellBack,
          };
        }),
      );
      results.push(...outcomes);
    } finally {
      await subscriptions?.dispose();
    }
    if (results.some((r) => r.fellBack)) runner.info('The subscription socket was lost: polled for the rest of the wait.');
  }
  runner.info(`Railway API: ${client.requests} HTTP requests.`);

  const first = results[0];
  runner.setOutput('deployment-id', first?.deploymentId ?? '');
  runner.setOutput('url', first?.url ?? '');
  runner.setOutput('previous-deployment-id', first?.previous?.id ?? '');
  runner.setOutput(
    'deployments',
    JSON.stringify(
      results.map((r) => ({
        service: r.service.name,
        serviceId: r.service.id,
        deploymentId: r.deploymentId,
        previousDeploymentId: r.previous?.id ?? null,
        status: r.status,
        url: r.url || null,
      })),
    ),
  );
  writeSummary(runner, { target, source: inputs.source, results });

  const failed = results.filter((r) => r.status !== 'STARTED' && classifyStatus(r.status) !== 'success');
  if (failed.length > 0) throw failureError(failed, results.length);
  return { status: inputs.wait ? 'success' : 'started' };
}

async function urlOf(client: RailwayClient, target: Target, s: Started): Promise<string> {
  const domain = s.domain ?? (await client.domain(target.project.id, target.environment.id, s.service.id));
  return domain ? urlOfDomain(domain) : '';
}

function failureError(failed: ServiceResult[], total: number): UserError {
  const parts = failed.map((r) => {
    const why =
      r.status === 'TIMEOUT'
        ? (r.reason ?? 'timed out')
        : classifyStatus(r.status) === 'gone'
          ? `ended ${r.status}: nothing of it is live (cancelled, replaced or skipped on Railway)`
          : `ended ${r.status}`;
    const tail =
      r.tail.length > 0
        ? `\nLast ${r.tail.length} log lines of ${r.service.name}:\n${r.tail.map((l) => `  ${l}`).join('\n')}`
        : '';
    const after = r.durationMs !== undefined && r.status !== 'TIMEOUT' ? ` after ${formatDuration(r.durationMs)}` : '';
    return `${r.service.name} (deployment ${r.deploymentId}) ${why}${after}.${tail}`;
  });
  const head =
    total > 1
      ? `${failed.length} of ${total} Railway deployments failed: ${failed.map((r) => r.service.name).join(', ')}.\n`
      : '';
  return new UserError(`${head}${parts.join('\n')}`, {
    hint: failed.some((r) => r.status === 'TIMEOUT')
      ? 'Raise timeout if builds take longer; the deployment may still finish on Railway.'
      : 'See the build logs above or on Railway (the summary links them).',
  });
}
