/**
 * A service's variables, as `railway run` gives them to a command: the project's shared
 * variables and the service's own, rendered, for one environment. The service and environment
 * may be named by name or id; `project` may be left out with a project token.
 */
import { UserError } from '@deploy-suite/core/errors';
import type { RailwayClient } from './client.ts';
import { connect, type Session } from './credentials.ts';
import { findNamed } from './lookup.ts';

export { connect };

export interface ServiceVariables {
  projectId: string;
  environmentId: string;
  serviceId: string;
  variables: Record<string, string>;
}

export async function readServiceVariables(init: {
  client: RailwayClient;
  /** What the token is scoped to (from `connect`); read with one request when left out. */
  session?: Session;
  project?: string;
  environment?: string;
  service: string;
}): Promise<ServiceVariables> {
  const { client } = init;
  const session: Session =
    init.session ??
    (client.credential.kind === 'project' ? { kind: 'project', ...(await client.projectToken()) } : { kind: 'account' });
  const projectId = init.project ?? (session.kind === 'project' ? session.projectId : undefined);
  if (!projectId) {
    throw new UserError('A Railway project id is needed with an account or workspace token.', {
      hint: 'Set the project id, or use a project token, which names its project.',
    });
  }
  const project = await client.project(projectId);
  const environment = findNamed(
    'environment',
    init.environment ?? (session.kind === 'project' ? session.environmentId : 'production'),
    project,
    'environment',
  );
  const service = findNamed('service', init.service, project, 'service');
  const variables = await client.variables(project.id, environment.id, service.id);
  return { projectId: project.id, environmentId: environment.id, serviceId: service.id, variables };
}
