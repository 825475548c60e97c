/**
 * Vercel: settle the target (refusing, with nothing changed, when there is nothing earlier, when
 * it is already live, or when it is another project's) → instant rollback (v9, v1 when v9 is
 * unknown) → read the project until production points at the target → verify, and report.
 */
import { DeadlineError, UserError } from '@deploy-suite/core/errors';
import { HttpError } from '@deploy-suite/core/http';
import type { ActionContext } from '@deploy-suite/core/run';
import { quote } from '@deploy-suite/core/untrusted';
import { VercelApi } from '@deploy-suite/vercel/api';
import { waitForProduction } from '@deploy-suite/vercel/deploy';
import type { VercelDeployment, VercelProject } from '@deploy-suite/vercel/types';
import type { RollbackInputs } from './manifest.ts';
import type { ServiceRollback } from './result.ts';
import { checkRequested, choosePrevious, type VercelPlan } from './vercel-plan.ts';

async function readDeployment(api: VercelApi, ref: string): Promise<VercelDeployment | null> {
  try {
    return await api.getDeployment(ref);
  } catch (error) {
    if (error instanceof HttpError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

async function plan(api: VercelApi, project: VercelProject, to: string | undefined): Promise<VercelPlan> {
  if (to !== undefined) return checkRequested(project, to, await readDeployment(api, to));
  const live = project.productionDeploymentId ? await api.getDeployment(project.productionDeploymentId) : undefined;
  const candidates: VercelDeployment[] = [];
  if (live) {
    const previous = await api.findDeployment(
      { projectId: project.id, target: 'production', state: 'READY', limit: 20, until: live.createdAt },
      (d) => d.id !== live.id && d.createdAt < live.createdAt && d.readyState === 'READY',
    );
    if (previous) candidates.push(previous);
  }
  return choosePrevious(project, live, candidates);
}

/** The production URL: a domain of the project's own, else the first alias, else the deployment's. */
function productionUrl(d: VercelDeployment): string {
  const host = d.alias.find((a) => !a.endsWith('.vercel.app')) ?? d.alias[0] ?? d.url;
  return `https://${host}`;
}

export async function rollbackVercel(inputs: RollbackInputs, ctx: ActionContext): Promise<ServiceRollback[]> {
  const { runner, clock } = ctx;
  const started = clock.now();
  const token = inputs.token ?? '';
  const http = ctx.http({ service: 'Vercel API', timeout: inputs.requestTimeout, deadline: inputs.requestTimeout * 4 });
  const api = new VercelApi({ http, token, teamId: inputs.teamId, apiUrl: inputs.apiUrl ?? 'https://api.vercel.com' });
  const ref = inputs.to?.kind === 'one' ? inputs.to.id.replace(/^https:\/\//, '').replace(/\/$/, '') : undefined;

  const project = await runner.group('Find the Vercel project', async () => {
    const found = await api.getProject(inputs.projectId ?? '');
    runner.info(
      `Project ${quote(found.name, runner.secrets)} (${found.id}); production serves ${found.productionDeploymentId ?? 'nothing yet'}.`,
    );
    return found;
  });
  const chosen = await runner.group('Choose the release to go back to', async () => {
    const p = await plan(api, project, ref);
    if (!p.ok)
      throw new UserError(`Nothing was rolled back. ${p.refusal}`, {
        hint: 'Pass `to` with an earlier READY production deployment of this project (a deploy step sets it as previous-deployment-id).',
      });
    runner.info(`Production: ${project.productionDeploymentId ?? 'nothing'} → back to ${p.target.id} (https://${p.target.url})`);
    return p.target;
  });

  const row: ServiceRollback = {
    service: project.name,
    serviceId: project.id,
    from: project.productionDeploymentId,
    to: chosen.id,
    deploymentId: chosen.id,
    status: 'REQUESTED',
    verified: false,
    url: undefined,
    failure: undefined,
    tail: [],
    durationMs: 0,
  };
  let requested = false;
  ctx.onCancel(() => {
    if (requested)
      runner.warning(
        `The rollback of ${project.name} to ${chosen.id} was requested before the cancel and is not undone; Vercel finishes it.`,
      );
  });

  await runner.group(`Roll production of ${project.name} back to ${chosen.id}`, async () => {
    try {
      await api.rollback(project.id, chosen.id);
    } catch (error) {
      // A retried request whose first attempt went through: Vercel says the switch is already made or under way.
      if (!(error instanceof HttpError && error.status === 409) || !(await switching(api, project.id, chosen.id))) throw error;
    }
    requested = true;
    runner.info(`Instant rollback requested; production served ${project.productionDeploymentId ?? 'nothing'} until now.`);
    if (!inputs.wait) return;
    try {
      await waitForProduction(api, project.id, chosen.id, {
        timeout: Math.max(1000, inputs.timeout - (clock.now() - started)),
        signal: ctx.signal,
        clock,
        onProgress: (line) => runner.info(line),
      });
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      row.status = 'TIMEOUT';
      row.failure = error.message;
    }
  });
  row.durationMs = clock.now() - started;
  if (!inputs.wait || row.failure) return [row];

  // Verify: read the project again; production must be the target.
  const after = await api.getProject(project.id);
  const live = await api.getDeployment(chosen.id);
  row.status = live.readyState;
  row.url = productionUrl(live);
  if (after.productionDeploymentId !== chosen.id) {
    row.failure = `production of ${project.name} serves ${after.productionDeploymentId ?? 'nothing'}, not ${chosen.id}.`;
    return [row];
  }
  row.verified = true;
  runner.info(`Production of ${quote(project.name, runner.secrets)} serves ${chosen.id} again.`);
  return [row];
}

async function switching(api: VercelApi, projectId: string, deploymentId: string): Promise<boolean> {
  const project = await api.getProject(projectId);
  return project.productionDeploymentId === deploymentId || project.lastAliasRequest?.toDeploymentId === deploymentId;
}
