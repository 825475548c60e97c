/**
 * The database URL and the environment read from a Railway service, as the seeds' `railway run
 * python manage.py migrate` gets them: the service's variables (shared and its own, rendered)
 * for one environment, through the Railway client, with no CLI. Every value is masked before
 * anything can print it. Loaded only when `railway-service` is set.
 */
import { InputError, UserError } from '@deploy-suite/core/errors';
import type { ActionContext } from '@deploy-suite/core/run';
import { maskVariables } from '@deploy-suite/core/variable-masking';
import { chooseToken, connect } from '@deploy-suite/railway/credentials';
import { readServiceVariables } from '@deploy-suite/railway/variables';
import { parseDatabaseUrl } from './database-url.ts';
import type { MigrateInputs } from './manifest.ts';

export interface RailwayDatabase {
  /** The URL the migration uses. */
  url: string;
  /** Which variable it came from: `DATABASE_URL` or `DATABASE_PUBLIC_URL`. */
  variable: string;
  service: string;
  /** Every variable of the service, for the commands' environment. */
  variables: Record<string, string>;
}

/** The variables looked for, in order of preference (a reachable `DATABASE_URL` first). */
export const DATABASE_VARIABLES = ['DATABASE_URL', 'DATABASE_PUBLIC_URL'] as const;

/** The hosts of a URL's authority (`user:pw@h1:5432,h2/db` → h1, h2), without parsing the rest. */
function hostsOf(url: string): string[] {
  const rest = /^[a-z][a-z0-9+.-]*:\/\/(.*)$/is.exec(url)?.[1] ?? '';
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  const hostPart = authority.slice(authority.lastIndexOf('@') + 1);
  return hostPart.split(',').map((h) => h.replace(/:\d*$/, '').replace(/^\[|\]$/g, ''));
}

/** Whether a URL points at Railway's private network, which a GitHub runner cannot reach. */
export function isRailwayInternal(url: string): boolean {
  return hostsOf(url).some((h) => /\.railway\.internal$/i.test(h));
}

/**
 * Which variable holds the database to migrate: `DATABASE_URL` when the runner can reach it,
 * else `DATABASE_PUBLIC_URL` (Railway's TCP proxy). Throws a clear error when neither works.
 */
export function chooseDatabaseVariable(variables: Record<string, string>, service: string): { variable: string; url: string } {
  const privateUrl = variables.DATABASE_URL?.trim();
  const publicUrl = variables.DATABASE_PUBLIC_URL?.trim();
  if (privateUrl && !isRailwayInternal(privateUrl)) return { variable: 'DATABASE_URL', url: privateUrl };
  if (publicUrl) return { variable: 'DATABASE_PUBLIC_URL', url: publicUrl };
  if (privateUrl) {
    const host = hostsOf(privateUrl).find((h) => /\.railway\.internal$/i.test(h));
    throw new UserError(
      `The Railway service '${service}' has DATABASE_URL on Railway's private network (${host}), which GitHub runners cannot reach, and no DATABASE_PUBLIC_URL.`,
      {
        hint: "Turn on the database's public networking (TCP proxy) in Railway, then add DATABASE_PUBLIC_URL=${{Postgres.DATABASE_PUBLIC_URL}} to the service's variables.",
      },
    );
  }
  throw new UserError(
    `The Railway service '${service}' has no database variable: looked for ${DATABASE_VARIABLES.join(' and ')}.`,
    {
      hint: 'Name the service that holds the database reference (the app service, e.g. api), or pass database-url instead.',
    },
  );
}

export async function readRailwayDatabase(inputs: MigrateInputs, ctx: ActionContext): Promise<RailwayDatabase> {
  const { runner } = ctx;
  const service = inputs.railwayService ?? '';
  if (!inputs.railwayToken && !ctx.env.RAILWAY_TOKEN?.trim() && !ctx.env.RAILWAY_API_TOKEN?.trim()) {
    throw new InputError([
      {
        input: 'railway-token',
        shown: 'is required with railway-service',
        expected:
          'expected a Railway project token (or an account or workspace token with railway-project-id), from a secret; or RAILWAY_TOKEN in the environment',
      },
    ]);
  }
  const choice = chooseToken(inputs.railwayToken, ctx.env);
  runner.setSecret(choice.token);
  const http = ctx.http({ service: 'Railway API', timeout: 30_000, deadline: 120_000 });
  const { client, session } = await connect({ http, apiUrl: inputs.railwayApiUrl, choice, secrets: runner.secrets });
  const found = await readServiceVariables({
    client,
    session,
    service,
    inputNames: { environment: 'railway-environment', service: 'railway-service' },
    ...(inputs.railwayProjectId ? { project: inputs.railwayProjectId } : {}),
    ...(inputs.railwayEnvironment ? { environment: inputs.railwayEnvironment } : {}),
  });
  // Masked before anything else happens with them, but only those that may be credentials:
  // masks are job-wide, and Railway's own variables (service name, environment, port) are words.
  const masking = maskVariables(runner, Object.entries(found.variables));
  runner.info(`Railway service '${service}': ${masking.line}.`);
  const { variable, url } = chooseDatabaseVariable(found.variables, service);
  const parsed = parseDatabaseUrl(url);
  if (!parsed.ok) {
    throw new UserError(
      `The Railway variable ${variable} of service '${service}' is not a database URL migrate can read: ${parsed.expected}.`,
    );
  }
  runner.info(
    `Railway service '${service}': ${masking.total} variable(s), given to the commands as \`railway run\` does. Database: ${variable} (host ${parsed.value.host}).`,
  );
  if (variable === 'DATABASE_PUBLIC_URL' && found.variables.DATABASE_URL)
    runner.info("DATABASE_URL is on Railway's private network, which runners cannot reach: DATABASE_PUBLIC_URL is used instead.");
  return { url, variable, service, variables: found.variables };
}
