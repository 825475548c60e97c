/**
 * Where the Railway rollback happens: the credential, the project, the environment and the
 * services, all settled before anything changes. A wrong token, an unknown service or an
 * environment the project token cannot reach fails here.
 */
import { UserError } from '@deploy-suite/core/errors';
import type { ActionContext } from '@deploy-suite/core/run';
import type { ProjectInfo, RailwayClient } from '@deploy-suite/railway/client';
import { chooseToken, connect, type Session } from '@deploy-suite/railway/credentials';
import { findNamed } from '@deploy-suite/railway/lookup';
import type { RollbackInputs } from './manifest.ts';
import type { Named } from './railway-plan.ts';

export interface RailwayTarget {
  client: RailwayClient;
  session: Session;
  project: ProjectInfo;
  environment: Named;
  /** Each service with the `to` it was given, if any. */
  services: Array<{ service: Named; to: string | undefined }>;
}

export async function resolveRailwayTarget(inputs: RollbackInputs, ctx: ActionContext): Promise<RailwayTarget> {
  const choice = chooseToken(inputs.token, ctx.env);
  ctx.runner.setSecret(choice.token);
  const http = ctx.http({ service: 'Railway API', timeout: inputs.requestTimeout, deadline: inputs.requestTimeout * 4 });
  const { client, session } = await connect({
    http,
    apiUrl: inputs.apiUrl ?? 'https://backboard.railway.com',
    choice,
    secrets: ctx.runner.secrets,
  });

  let projectId = inputs.projectId;
  if (session.kind === 'project') {
    if (projectId && projectId !== session.projectId)
      throw new UserError(
        `Input 'project-id' got ${JSON.stringify(projectId)}, but the project token belongs to project ${JSON.stringify(session.projectName)} (${session.projectId}).`,
        { hint: 'Leave project-id out with a project token, or use a token of that project.' },
      );
    projectId = session.projectId;
  }
  if (!projectId)
    throw new UserError(`Input 'project-id' is required with an account or workspace token (from ${choice.source}).`, {
      hint: 'Set project-id (Project settings → General), or use a project token, which names its project.',
    });

  const project = await client.project(projectId);
  const environment = findNamed(
    'environment',
    inputs.environment ?? (session.kind === 'project' ? session.environmentId : 'production'),
    project,
    'environment',
  );
  if (session.kind === 'project' && environment.id !== session.environmentId)
    throw new UserError(
      `Input 'environment' got ${JSON.stringify(inputs.environment)}, but the project token is for environment ${JSON.stringify(session.environmentName)}.`,
      { hint: 'A project token works in its own environment only: use that environment, or a token created for this one.' },
    );

  const pairs = inputs.to?.kind === 'per-service' ? inputs.to.pairs : [];
  const wanted = inputs.services ?? pairs.map(([service]) => service);
  const services: RailwayTarget['services'] = [];
  for (const name of wanted) {
    const service = findNamed('service', name, project, 'services');
    if (services.some((s) => s.service.id === service.id)) continue;
    const to = inputs.to?.kind === 'one' ? inputs.to.id : pairs.find(([s]) => s === name)?.[1];
    services.push({ service, to });
  }
  return { client, session, project, environment, services };
}
