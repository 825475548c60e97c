/**
 * Starts the Railway emulator on 127.0.0.1 with a seeded world: project `shop` with the
 * environments `production` and `staging` and the seed scenario's four services (`api`, `web`,
 * `worker`, `beat`), an account token, a project token per environment, and the `api` service's
 * database variables (`DATABASE_URL` on the private network, `DATABASE_PUBLIC_URL` reachable).
 */
import { AppFleet } from '../fleet.ts';
import { type SandboxServer, startServer } from '../server.ts';
import { GRAPHQL_PATH, RailwayEmulator, type Seeded, type SeedInput } from './emulator.ts';

export { GRAPHQL_PATH, RailwayEmulator, type RequestCounter, type Seeded, type SeedInput } from './emulator.ts';

export const DEFAULT_SEED: SeedInput = {
  project: 'shop',
  environments: ['production', 'staging'],
  services: ['api', 'web', 'worker', 'beat'],
  variables: {
    api: {
      production: {
        DATABASE_URL: 'postgresql://postgres:sandbox-db-password@postgres.railway.internal:5432/railway',
        DATABASE_PUBLIC_URL: 'postgresql://postgres:sandbox-db-password@127.0.0.1:5432/railway',
        DJANGO_SETTINGS_MODULE: 'shop.settings',
      },
    },
  },
};

export interface RailwaySandbox extends Seeded {
  server: SandboxServer<RailwayEmulator>;
  emulator: RailwayEmulator;
  /** The API base (`api-url` input): GraphQL at `${url}/graphql/v2`. */
  url: string;
  graphqlUrl: string;
  fleet: AppFleet;
  /** The production environment's id and project token. */
  environmentId: string;
  projectToken: string;
  close(): Promise<void>;
}

export async function startRailwayEmulator(
  options: { fleet?: AppFleet; seed?: SeedInput; port?: number } = {},
): Promise<RailwaySandbox> {
  const ownFleet = options.fleet === undefined;
  const fleet = options.fleet ?? new AppFleet();
  const emulator = new RailwayEmulator({ fleet });
  const seeded = emulator.seed(options.seed ?? DEFAULT_SEED);
  const server = await startServer(emulator, options.port === undefined ? {} : { port: options.port });
  const firstEnvironment = Object.keys(seeded.environments)[0] ?? 'production';
  return {
    ...seeded,
    server,
    emulator,
    url: server.url,
    graphqlUrl: `${server.url}${GRAPHQL_PATH}`,
    fleet,
    environmentId: seeded.environments[firstEnvironment] ?? '',
    projectToken: seeded.projectTokens[firstEnvironment] ?? '',
    close: async () => {
      emulator.close();
      await server.close();
      if (ownFleet) await fleet.close();
    },
  };
}
