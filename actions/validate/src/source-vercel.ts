/**
 * `vercel`: the project's environment variables for the target the environment maps to
 * (`production`, `development`, else `preview`), through the Vercel client. Vercel lists a
 * variable's name and targets but keeps its value encrypted, so this source gives presence only:
 * a missing variable is found; value rules are checked on the sources that give values.
 */
import { UserError } from '@deploy-suite/core/errors';
import type { ActionContext } from '@deploy-suite/core/run';
import { VercelApi } from '@deploy-suite/vercel/api';
import type { VariableSource } from './sources.ts';

export interface VercelSourceOptions {
  token: string | undefined;
  project: string;
  teamId: string | undefined;
  apiUrl: string;
  environment: string | undefined;
}

export function vercelTarget(environment: string | undefined): 'production' | 'preview' | 'development' {
  return environment === 'production' || environment === 'development' ? environment : 'preview';
}

export function vercelSource(options: VercelSourceOptions, ctx: Pick<ActionContext, 'env' | 'runner' | 'http'>): VariableSource {
  const target = vercelTarget(options.environment);
  return {
    name: `vercel:${options.project} (${target})`,
    service: options.project,
    async read() {
      const token = options.token ?? ctx.env.VERCEL_TOKEN?.trim();
      if (!token) {
        throw new UserError("No Vercel token: set the 'vercel-token' input.", {
          hint: 'Pass it from a secret: vercel-token: ${{ secrets.VERCEL_TOKEN }}',
        });
      }
      ctx.runner.setSecret(token);
      const http = ctx.http({ service: 'Vercel API', timeout: 30_000, deadline: 120_000 });
      const api = new VercelApi({ http, token, teamId: options.teamId, apiUrl: options.apiUrl });
      // The project first: the client refuses an answer without its id, where an env list without
      // `envs` (a proxy's page, a redirect to another site) would read as "no variables set".
      await api.getProject(options.project);
      const variables = await api.listEnv(options.project);
      const present = new Set(variables.filter((v) => v.target.includes(target)).map((v) => v.key));
      return { values: new Map(), present };
    },
  };
}
