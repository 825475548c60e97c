/** The outputs that describe a deployment, set as soon as it exists so a failed step still names it. */
import type { ActionContext } from '@deploy-suite/core/run';
import type { VercelDeployment } from '@deploy-suite/vercel/types';

export function setDeploymentOutputs(ctx: Pick<ActionContext, 'runner'>, d: VercelDeployment): void {
  ctx.runner.setOutput('deployment-id', d.id);
  ctx.runner.setOutput('url', `https://${d.url}`);
  if (d.inspectorUrl) ctx.runner.setOutput('inspector-url', d.inspectorUrl);
  ctx.runner.setOutput('ready-state', d.readyState);
}
