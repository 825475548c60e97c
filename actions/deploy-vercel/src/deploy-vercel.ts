/**
 * deploy-vercel: find the project and what production serves now, deploy the tree through
 * @vercel/client (wrapped with our deadline, cancel and 429 handling), wait for READY with its
 * aliases, assign the requested aliases, and report. A production deploy with `promote: false` is
 * staged: built with production settings, production domains untouched. `promote-deployment`
 * promotes an existing deployment instead (promote.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { UserError } from '@deploy-suite/core/errors';
import { HttpClient } from '@deploy-suite/core/http';
import { formatDuration } from '@deploy-suite/core/input-types';
import type { ActionContext, ActionResult } from '@deploy-suite/core/run';
import { excerpt, quote, UntrustedStream, untrustedBlock } from '@deploy-suite/core/untrusted';
import { maskVariables } from '@deploy-suite/core/variable-masking';
import { VercelApi } from '@deploy-suite/vercel/api';
import { DeploymentFailedError, deploy, waitForProduction } from '@deploy-suite/vercel/deploy';
import type { VercelDeployment, VercelProject } from '@deploy-suite/vercel/types';
import { type GitHubReporter, gitHubReporter } from './github.ts';
import type { DeployVercelInputs } from './manifest.ts';
import { gitMetadataOf, metaOf } from './metadata.ts';
import { setDeploymentOutputs } from './outputs.ts';
import { promoteExisting } from './promote.ts';
import { type DeploySummary, writeDeploySummary } from './summary.ts';

/** How many lines of a failed build reach the log, the error and the summary. */
export const FAILED_BUILD_LINES = 30;

export function apiFor(inputs: DeployVercelInputs, http: HttpClient): VercelApi {
  return new VercelApi({ http, token: inputs.token, teamId: inputs.teamId, apiUrl: inputs.apiUrl });
}

function treePath(inputs: DeployVercelInputs, ctx: ActionContext): string {
  const workspace = ctx.env.GITHUB_WORKSPACE ?? process.cwd();
  const path = isAbsolute(inputs.path) ? inputs.path : resolve(workspace, inputs.path);
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new UserError(`Input 'path' got ${JSON.stringify(inputs.path)}: expected a folder; ${path} is not one.`, {
      hint: 'Check out the repository (actions/checkout) before this step, and give the folder relative to the workspace.',
    });
  if (inputs.prebuilt && !existsSync(join(path, '.vercel', 'output', 'config.json')))
    throw new UserError(
      `Input 'prebuilt' is true but ${join(path, '.vercel', 'output', 'config.json')} does not exist: expected the output of \`vercel build\`.`,
      { hint: 'Run `vercel build` (or `vercel build --prod` for production) in an earlier step, in the same folder.' },
    );
  return path;
}

export async function deployVercel(inputs: DeployVercelInputs, ctx: ActionContext): Promise<ActionResult> {
  const { runner, clock } = ctx;
  // Masks are job-wide: only values that may be credentials are masked (variable-masking.ts).
  const variables = [...(inputs.env ?? []), ...(inputs.buildEnv ?? [])];
  if (variables.length > 0) runner.info(`env and build-env: ${maskVariables(runner, variables).line}.`);
  const started = clock.now();
  const http = ctx.http({ service: 'Vercel API', timeout: 30_000, deadline: Math.min(inputs.timeout, 120_000) });
  const api = apiFor(inputs, http);

  const project = await runner.group('Find the Vercel project', async () => {
    const found = await api.getProject(inputs.projectId);
    runner.info(
      `Project ${quote(found.name, runner.secrets)} (${found.id}); production serves ${found.productionDeploymentId ?? 'nothing yet'}.`,
    );
    return found;
  });

  if (inputs.promoteDeployment !== undefined) return promoteExisting(inputs, ctx, api, project);
  return deployTree(inputs, ctx, api, project, started);
}

async function deployTree(
  inputs: DeployVercelInputs,
  ctx: ActionContext,
  api: VercelApi,
  project: VercelProject,
  started: number,
): Promise<ActionResult> {
  const { runner, clock } = ctx;
  const path = treePath(inputs, ctx);
  const staged = inputs.production && !inputs.promote;
  const previous = inputs.production ? project.productionDeploymentId : undefined;
  if (previous) runner.setOutput('previous-deployment-id', previous);
  const github: GitHubReporter = await gitHubReporter(inputs, ctx);

  // Cancelling must still reach Vercel after the run's signal has aborted every other request.
  const cancelApi = apiFor(inputs, new HttpClient({ service: 'Vercel API', timeout: 10_000, deadline: 20_000, retries: 2 }));
  const target = inputs.production ? (staged ? 'production (staged: domains not assigned)' : 'production') : 'preview';
  let created: VercelDeployment | undefined;
  const progress = new UntrustedStream(runner);

  const outcome = await runner.group(`Deploy ${inputs.prebuilt ? 'the prebuilt output' : inputs.path} to ${target}`, async () => {
    try {
      return await deploy({
        api,
        cancelApi,
        token: inputs.token,
        path,
        project,
        production: inputs.production,
        promote: inputs.promote,
        prebuilt: inputs.prebuilt,
        archive: inputs.archive,
        env: Object.fromEntries(inputs.env ?? []),
        buildEnv: Object.fromEntries(inputs.buildEnv ?? []),
        meta: metaOf(ctx.github, inputs.meta, ctx.env.GITHUB_HEAD_REF),
        gitMetadata: gitMetadataOf(ctx.github, ctx.env.GITHUB_HEAD_REF),
        timeout: Math.max(0, inputs.timeout - (clock.now() - started)),
        wait: inputs.wait,
        signal: ctx.signal,
        clock,
        userAgent: 'deploy-suite-deploy-vercel',
        onProgress: (line) => progress.line(line),
        onCreated: (d) => {
          created = d;
          setDeploymentOutputs(ctx, d);
          void github.started(d);
        },
      });
    } catch (error) {
      progress.close();
      if (error instanceof DeploymentFailedError) return error;
      if (created) {
        // The state it was left in (CANCELED after our deadline or a cancelled run), as Vercel says.
        const last = await cancelApi.getDeployment(created.id).catch(() => created);
        runner.setOutput('ready-state', last?.readyState ?? 'unknown');
        await github.finished(last ?? created, last?.readyState === 'CANCELED' ? 'inactive' : 'failure');
      }
      throw error;
    } finally {
      progress.close();
    }
  });

  if (outcome instanceof DeploymentFailedError) return reportFailure(inputs, ctx, outcome, github, previous, started);

  const deployment = outcome.deployment;
  const aliases = [...deployment.alias];
  if (inputs.alias && inputs.alias.length > 0 && deployment.readyState === 'READY') {
    await runner.group('Assign aliases', async () => {
      for (const alias of inputs.alias ?? []) {
        const assigned = await api.assignAlias(deployment.id, alias);
        runner.info(
          `${assigned.alias} → ${deployment.id}${assigned.oldDeploymentId ? ` (was ${assigned.oldDeploymentId})` : ''}`,
        );
        if (!aliases.includes(assigned.alias)) aliases.push(assigned.alias);
      }
    });
  }

  if (inputs.production && !staged && inputs.wait) {
    await runner.group('Check that production serves it', async () => {
      const live = await waitForProduction(api, project.id, deployment.id, {
        timeout: Math.max(1000, inputs.timeout - (clock.now() - started)),
        signal: ctx.signal,
        clock,
      });
      runner.info(`Production of ${live.name} serves ${deployment.id}.`);
    });
  }

  setDeploymentOutputs(ctx, deployment);
  runner.setOutput('aliases', JSON.stringify(aliases));
  if (staged)
    runner.info(
      `Staged: production still serves ${previous ?? 'nothing'}; check https://${deployment.url}, then promote it with promote-deployment: ${deployment.id}.`,
    );
  if (deployment.readyState === 'READY') await github.finished(deployment, 'success');

  const summary: DeploySummary = {
    deployment,
    target,
    project,
    previous,
    aliases,
    uploadedFiles: outcome.uploadedFiles,
    uploadedBytes: outcome.uploadedBytes,
    files: outcome.files,
    totalBytes: outcome.totalBytes,
    elapsed: clock.now() - started,
    staged,
    logs: undefined,
    failure: undefined,
    github: github.notes(),
  };
  writeDeploySummary(runner, summary);
  runner.info(
    `Deployment ${deployment.id} is ${deployment.readyState} at https://${deployment.url} (${formatDuration(clock.now() - started)}).`,
  );
  return { status: deployment.readyState === 'READY' ? 'success' : deployment.readyState.toLowerCase() };
}

async function reportFailure(
  inputs: DeployVercelInputs,
  ctx: ActionContext,
  error: DeploymentFailedError,
  github: GitHubReporter,
  previous: string | undefined,
  started: number,
): Promise<never> {
  const { runner } = ctx;
  const d = error.deployment;
  const logs = error.logs.slice(-FAILED_BUILD_LINES);
  setDeploymentOutputs(ctx, d);
  if (logs.length > 0) {
    await runner.group(`Build output (last ${logs.length} lines)`, async () => untrustedBlock(runner, logs));
  }
  await github.finished(d, d.readyState === 'CANCELED' ? 'inactive' : 'failure');
  const reason = d.errorMessage ?? d.errorCode ?? d.readyState;
  writeDeploySummary(runner, {
    deployment: d,
    target: inputs.production ? 'production' : 'preview',
    project: undefined,
    previous,
    aliases: [],
    uploadedFiles: 0,
    uploadedBytes: 0,
    files: 0,
    totalBytes: 0,
    elapsed: ctx.clock.now() - started,
    staged: inputs.production && !inputs.promote,
    logs: logs.map((line) => excerpt(line, runner.secrets, 500)),
    failure: excerpt(reason, runner.secrets),
    github: github.notes(),
  });
  const tail = logs.slice(-5).join(' | ');
  throw new UserError(
    `Vercel deployment ${d.id} ended ${d.readyState}: ${quote(reason, runner.secrets)}.` +
      (tail ? ` Last build lines: ${quote(excerpt(tail, runner.secrets, 600), runner.secrets, 620)}` : ''),
    { hint: error.hint ?? `The whole build log: ${d.inspectorUrl ?? 'the Vercel dashboard'}.` },
  );
}
