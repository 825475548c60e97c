/**
 * `promote-deployment`: point production at an existing, verified deployment (no build), wait
 * until production serves it, and record what served before, for rollback. The deployment must
 * be a READY production deployment of this project (a staged one, or an earlier one).
 */
import { UserError } from '@deploy-suite/core/errors';
import { formatDuration } from '@deploy-suite/core/input-types';
import { code, link, Summary } from '@deploy-suite/core/report';
import type { ActionContext, ActionResult } from '@deploy-suite/core/run';
import { quote } from '@deploy-suite/core/untrusted';
import type { VercelApi } from '@deploy-suite/vercel/api';
import { waitForProduction } from '@deploy-suite/vercel/deploy';
import type { VercelProject } from '@deploy-suite/vercel/types';
import type { DeployVercelInputs } from './manifest.ts';
import { setDeploymentOutputs } from './outputs.ts';

export async function promoteExisting(
  inputs: DeployVercelInputs,
  ctx: ActionContext,
  api: VercelApi,
  project: VercelProject,
): Promise<ActionResult> {
  const { runner, clock } = ctx;
  const started = clock.now();
  const ref = (inputs.promoteDeployment ?? '').replace(/^https:\/\//, '').replace(/\/$/, '');
  const target = await api.getDeployment(ref);
  if (target.projectId !== undefined && target.projectId !== project.id)
    throw new UserError(`Deployment ${target.id} belongs to another project, not ${project.name} (${project.id}).`, {
      hint: 'Pass the deployment-id output of the deploy step of this project.',
    });
  if (target.readyState !== 'READY')
    throw new UserError(`Deployment ${target.id} is ${target.readyState}: only a READY deployment can be promoted.`);
  if (target.target !== 'production')
    throw new UserError(
      `Deployment ${target.id} is a preview deployment: promote a production one (production: true, promote: false).`,
    );

  const previous = project.productionDeploymentId;
  if (previous) runner.setOutput('previous-deployment-id', previous);
  if (previous === target.id) {
    runner.info(`Production of ${quote(project.name, runner.secrets)} already serves ${target.id}; nothing to promote.`);
  } else {
    await runner.group(`Promote ${target.id} to production`, async () => {
      await api.promote(project.id, target.id);
      runner.info(`Promotion requested; production served ${previous ?? 'nothing'} until now.`);
      await waitForProduction(api, project.id, target.id, {
        timeout: inputs.timeout,
        signal: ctx.signal,
        clock,
        onProgress: (line) => runner.info(line),
      });
      runner.info(`Production of ${quote(project.name, runner.secrets)} serves ${target.id}.`);
    });
  }

  // Verified: the project says production is this deployment; read the deployment again for its domains.
  const live = await api.getDeployment(target.id);
  setDeploymentOutputs(ctx, live);
  runner.setOutput('aliases', JSON.stringify(live.alias));
  new Summary()
    .heading('Vercel promotion', 3)
    .table(
      ['', ''],
      [
        ['Project', project.name],
        ['Promoted', live.inspectorUrl ? link(live.id, live.inspectorUrl) : code(live.id)],
        ['Deployment URL', link(`https://${live.url}`, `https://${live.url}`)],
        ['Previous production', previous ? code(previous) : 'none'],
        ['Domains', live.alias.join(', ') || 'none'],
        ['Took', formatDuration(clock.now() - started)],
      ],
    )
    .write(runner);
  return { status: 'success' };
}
