/**
 * migrate with the database read from a Railway service, as `railway run` gives it: the bundle
 * against the Railway emulator, whose `api` service's DATABASE_PUBLIC_URL points (through the
 * seed control) at a real PostgreSQL cluster. Every Railway value is a secret, and a canary.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { type PgCluster, startPostgres } from '../../packages/harness/src/postgres.ts';
import { type BundleRun, cleanFailureProblems, ROOT, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { type RailwaySandbox, type Seeded, startRailwayEmulator } from '../../packages/sandbox/src/railway/index.ts';

const FIXTURE = join(ROOT, 'test/fixtures/migrate/custom');
const password = makeCanary('pgpass');
const secretKey = makeCanary('secret-key');
let pg: PgCluster;
let railway: RailwaySandbox;
let seeded: Seeded;
let temp: string;
let url: string;

async function control(action: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${railway.url}/__sandbox/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function graphqlRequests(): Promise<number> {
  return ((await control('requests', {})) as { graphql: number }).graphql;
}

function migrate(inputs: Record<string, string>): Promise<BundleRun> {
  return runBundle('migrate', {
    inputs: {
      tool: 'custom',
      command: './migrate.sh up',
      'status-command': './migrate.sh status',
      'working-directory': FIXTURE,
      'backup-dir': join(temp, 'backups'),
      'railway-token': seeded.projectTokens.production ?? '',
      'railway-api-url': railway.url,
      ...inputs,
    },
    secrets: [password, secretKey, seeded.projectTokens.production ?? ''],
    timeoutMs: 90_000,
  });
}

beforeAll(async () => {
  pg = await startPostgres();
  pg.createDatabase('railway', { user: 'railway', password });
  url = pg.url('railway', 'railway', password);
  railway = await startRailwayEmulator();
  temp = mkdtempSync(join(tmpdir(), 'migrate-railway-'));
  // A project as Railway renders it for the app: the private URL the app uses, the public one
  // a runner can reach (here the test's cluster), and the app's other settings.
  seeded = (await control('seed', {
    project: 'shop',
    environments: ['production'],
    services: ['api', 'worker', 'web'],
    variables: {
      api: {
        production: {
          DATABASE_URL: `postgresql://railway:${encodeURIComponent(password)}@postgres.railway.internal:5432/railway`,
          DATABASE_PUBLIC_URL: url,
          APP_MARKER: 'from-railway',
          SECRET_KEY: secretKey,
        },
      },
      worker: {
        production: {
          DATABASE_URL: `postgresql://railway:${encodeURIComponent(password)}@postgres.railway.internal:5432/railway`,
        },
      },
    },
  })) as Seeded;
});

afterAll(async () => {
  await railway?.close();
  await pg?.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('migrate with the database of a Railway service', () => {
  it('reads the public URL of the api service, migrates, and gives the tool the service’s variables masked', async () => {
    const seen = join(temp, 'app-marker');
    const run = await migrate({
      'railway-service': 'api',
      env: `MIGRATIONS_DIR=migrations-railway\nENV_SEEN_FILE=${seen}`,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.applied).toBe('001_read_railway_env');
    expect(pg.psql('railway', "select to_regclass('public.railway_users') is not null")).toBe('t');
    // Another Railway variable reached the tool's environment, as `railway run` gives it.
    expect(readFileSync(seen, 'utf8')).toBe('from-railway');
    expect(run.stdout).toContain('Database: DATABASE_PUBLIC_URL (host 127.0.0.1)');
    expect(run.stdout).toContain('settings: SECRET_KEY=***');
    expect(run.outputs['backup-file']).not.toBe('');
    expect(run.summary).toContain('DATABASE_PUBLIC_URL of the Railway service api');
    // A success restores nothing, so no writes are lost and none is announced.
    expect(`${run.summary}${run.warnings.join('\n')}`).not.toContain('are gone');
    expect(run.leaks).toEqual([]);
  });

  it('refuses a service whose only database URL is on Railway’s private network, with the fix', async () => {
    const run = await migrate({ 'railway-service': 'worker', env: 'MIGRATIONS_DIR=migrations-ok' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain(
      "The Railway service 'worker' has DATABASE_URL on Railway's private network (postgres.railway.internal)",
    );
    expect(run.stdout).toContain('DATABASE_PUBLIC_URL=${{Postgres.DATABASE_PUBLIC_URL}}');
    expect(pg.psql('railway', "select to_regclass('public.users') is null")).toBe('t');
    expect(run.leaks).toEqual([]);
  });

  it('names the variables it looked for when the service has no database', async () => {
    const run = await migrate({ 'railway-service': 'web' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain(
      "The Railway service 'web' has no database variable: looked for DATABASE_URL and DATABASE_PUBLIC_URL.",
    );
  });

  it('lists the project’s services for an unknown one', async () => {
    const run = await migrate({ 'railway-service': 'backend' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/Input 'railway-service': no service "backend".*api \(.*worker \(.*web \(/);
  });

  it('says Railway rejected a wrong token', async () => {
    const run = await migrate({
      'railway-service': 'api',
      'railway-token': makeCanary('wrong-token'),
      'railway-project-id': seeded.projectId,
    });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('Railway rejected the token');
  });

  it('refuses database-url with railway-token as one input error, before asking Railway anything', async () => {
    const before = await graphqlRequests();
    const run = await migrate({ 'railway-service': 'api', 'database-url': url });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain("Input 'database-url' is given with railway-service");
    expect(await graphqlRequests()).toBe(before);
    expect(run.leaks).toEqual([]);
  });
});
