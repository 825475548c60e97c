/**
 * A service's variables, as `railway run` gives them to a command: the project's shared
 * variables and the service's own, rendered, for one environment. The service and environment
 * may be named by name or id; `project` may be left out with a project token.
 */
import { UserError } from '@deploy-suite/core/errors';
import type { HttpClient } from '@deploy-suite/core/http';
import type { SecretRegistry } from '@deploy-suite/core/secrets';
import type { RailwayClient } from './client.ts';
import { chooseToken, connect, type Session } from './credentials.ts';
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
  /** The input names errors refer to (default `environment` and `service`). */
  inputNames?: { environment: string; service: string };
}): Promise<ServiceVariables> {
  const { client } = init;
  const names = init.inputNames ?? { environment: 'environment', service: 'service' };
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
    names.environment,
  );
  const service = findNamed('service', init.service, project, names.service);
  const variables = await client.variables(project.id, environment.id, service.id);
  return { projectId: project.id, environmentId: environment.id, serviceId: service.id, variables };
}

/**
 * The whole `railway run` lookup from a token: the token given (or RAILWAY_TOKEN /
 * RAILWAY_API_TOKEN from `env`), detected, then the service's variables. The caller masks the
 * values (`runner.setSecret`) before showing anything.
 */
export async function readServiceVariablesWithToken(init: {
  http: HttpClient;
  token?: string;
  env?: NodeJS.ProcessEnv;
  apiUrl?: string;
  project?: string;
  environment?: string;
  service: string;
  secrets?: Pick<SecretRegistry, 'scrub'>;
}): Promise<ServiceVariables> {
  const choice = chooseToken(init.token, init.env ?? {});
  const { client, session } = await connect({
    http: init.http,
    choice,
    ...(init.apiUrl ? { apiUrl: init.apiUrl } : {}),
    ...(init.secrets ? { secrets: init.secrets } : {}),
  });
  return readServiceVariables({
    client,
    session,
    service: init.service,
    ...(init.project ? { project: init.project } : {}),
    ...(init.environment ? { environment: init.environment } : {}),
  });
}
