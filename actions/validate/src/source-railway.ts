/**
 * `railway`: the live variables of each named service in the environment, as `railway run`
 * gives them to a command (the project's shared variables and the service's own, rendered),
 * through the Railway client. One source a service, so a variable missing on one service is
 * reported for that service only. The client connects once, on the first read.
 */
import type { ActionContext } from '@deploy-suite/core/run';
import { chooseToken, connect } from '@deploy-suite/railway/credentials';
import { readServiceVariables } from '@deploy-suite/railway/variables';
import type { VariableSource } from './sources.ts';

export interface RailwaySourceOptions {
  token: string | undefined;
  apiUrl: string;
  projectId: string | undefined;
  /** The Railway environment (name or id); default: the project token's, else production. */
  environment: string | undefined;
  services: readonly string[];
}

export function railwaySources(
  options: RailwaySourceOptions,
  ctx: Pick<ActionContext, 'env' | 'runner' | 'http'>,
): VariableSource[] {
  let connection: ReturnType<typeof connect> | undefined;
  const connected = () => {
    if (!connection) {
      const choice = chooseToken(options.token, ctx.env);
      ctx.runner.setSecret(choice.token);
      const http = ctx.http({ service: 'Railway API', timeout: 30_000, deadline: 120_000 });
      connection = connect({ http, apiUrl: options.apiUrl, choice, secrets: ctx.runner.secrets });
    }
    return connection;
  };
  return options.services.map((service) => ({
    name: `railway:${service}`,
    service,
    async read() {
      const { client, session } = await connected();
      const found = await readServiceVariables({
        client,
        session,
        service,
        ...(options.projectId ? { project: options.projectId } : {}),
        ...(options.environment ? { environment: options.environment } : {}),
      });
      return { values: new Map(Object.entries(found.variables)) };
    },
  }));
}
