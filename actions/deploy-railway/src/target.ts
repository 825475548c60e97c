/**
 * Where the deploy goes: the credential, the project, the environment and the services, all
 * settled before anything changes on Railway. A wrong token, an unknown service or an
 * environment the project token cannot reach fails here, before any upload.
 */
import { UserError } from '@deploy-suite/core/errors';
import type { ActionContext } from '@deploy-suite/core/run';
import type { Named, RailwayClient } from '@deploy-suite/railway/client';
import { chooseToken, connect, type Session } from '@deploy-suite/railway/credentials';
import { findNamed } from '@deploy-suite/railway/lookup';
import type { DeployRailwayInputs } from './manifest.ts';

export interface Target {
  client: RailwayClient;
  session: Session;
  project: Named;
  environment: Named;
  services: Named[];
}

export async function resolveTarget(inputs: DeployRailwayInputs, ctx: ActionContext): Promise<Target> {
  const { runner } = ctx;
  const choice = chooseToken(inputs.token, ctx.env);
  runner.setSecret(choice.token);
  const http = ctx.http({
    service: 'Railway API',
    timeout: inputs.requestTimeout,
    deadline: inputs.requestTimeout * 4,
    secrets: runner.secrets,
  });
  const { client, session } = await connect({ http, apiUrl: inputs.apiUrl, choice, secrets: runner.secrets });

  let projectId = inputs.projectId;
  if (session.kind === 'project') {
    if (projectId && projectId !== session.projectId) {
      throw new UserError(
        `Input 'project-id' got ${JSON.stringify(projectId)}, but the project token belongs to project ${JSON.stringify(session.projectName)} (${session.projectId}).`,
        { hint: 'Leave project-id out with a project token, or use a token of that project.' },
      );
    }
    projectId = session.projectId;
  }
  if (!projectId) {
    throw new UserError(`Input 'project-id' is required with an account or workspace token (from ${choice.source}).`, {
      hint: 'Set project-id (Project settings → General), or use a project token, which names its project.',
    });
  }

  const project = await client.project(projectId);
  const environment = findNamed(
    'environment',
    inputs.environment ?? (session.kind === 'project' ? session.environmentId : 'production'),
    project,
    'environment',
  );
  if (session.kind === 'project' && environment.id !== session.environmentId) {
    throw new UserError(
      `Input 'environment' got ${JSON.stringify(inputs.environment)}, but the project token is for environment ${JSON.stringify(session.environmentName)}.`,
      { hint: 'A project token works in its own environment only: use that environment, or a token created for this one.' },
    );
  }
  const services: Named[] = [];
  for (const wanted of inputs.services) {
    const service = findNamed('service', wanted, project, 'services');
    if (!services.some((s) => s.id === service.id)) services.push(service);
  }
  return { client, session, project, environment, services };
}
