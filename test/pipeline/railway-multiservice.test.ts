/**
 * Seed 2, multi-service Railway, through .github/workflows/railway.yml and rollback.yml: four
 * services deployed together, Django migrations against a real PostgreSQL, a gate on the
 * detailed health document; one release's API is unhealthy → every service and the database go
 * back; then a manual rollback run with a reason.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../packages/harness/src/run-bundle.ts';
import {
  failures,
  fixtureFiles,
  type Repository,
  runPipeline,
  startWorld,
  type World,
} from '../../packages/harness/src/scenarios.ts';

const SERVICES = ['api', 'web', 'worker', 'beat'];
let world: World;
let env: Record<string, string>;
let binParent: string | undefined;

beforeAll(async () => {
  world = await startWorld({ postgres: true });
  // Debian's python3 (where python3-django is installed) first on the runner's PATH.
  binParent = mkdtempSync(join(tmpdir(), 'runner-bin-'));
  const bin = join(binParent, 'bin');
  mkdirSync(bin);
  symlinkSync('/usr/bin/python3', join(bin, 'python3'));
  env = { PATH: `${bin}:/usr/bin:${process.env.PATH ?? ''}`, PYTHONDONTWRITEBYTECODE: '1' };
});
afterAll(async () => {
  await world?.close();
  if (binParent) rmSync(binParent, { recursive: true, force: true });
});

/** The repository at a release: the Django project with the migrations up to `migrations`, and what each service's build does. */
function repository(version: string, migrations: string[], services: object = {}): Repository {
  const django = fixtureFiles(join(ROOT, 'test/fixtures/migrate/django'), 'backend/', (path) => {
    const migration = /^shop\/migrations\/(\d{4}_\w+)\.py$/.exec(path)?.[1];
    return migration !== undefined && !migrations.includes(migration);
  });
  return { ...django, 'sandbox.json': JSON.stringify({ version, buildSeconds: 0.2, services }) };
}

const release = (files: Repository, version: string) =>
  runPipeline(world, '.github/workflows/railway.yml', files, {
    inputs: {
      services: SERVICES.join('\n'),
      'railway-api-url': world.sandbox.railway.url,
      'migrate-tool': 'django',
      'migrate-directory': 'backend',
      'rollback-database': true,
      'health-path': '/api/health/detailed/',
      'health-expect-json': '$.services.* == healthy',
      'expect-version': version,
      'health-timeout': '6s',
      'health-interval': '500ms',
    },
    secrets: {
      RAILWAY_TOKEN: world.sandbox.railway.projectToken,
      DATABASE_URL: world.pg?.url('shop', 'shop', world.password) ?? '',
      SLACK_WEBHOOK_URL: world.sandbox.slack.webhookUrl,
    },
    env,
  });

async function servedVersions(): Promise<Record<string, string>> {
  const { sandbox } = world;
  const out: Record<string, string> = {};
  for (const service of SERVICES) {
    const app = await sandbox.fleet.app(`railway:${sandbox.railway.services[service]}:${sandbox.railway.environmentId}`);
    out[service] = app.emulator.servedVersion();
  }
  return out;
}

const appliedMigrations = () => world.pg?.psql('shop', "select name from django_migrations where app = 'shop' order by name");

describe('the multi-service Railway pipeline', () => {
  it('deploys four services with Django migrations; when the API is unhealthy, every service and the database go back', async () => {
    const first = await release(repository('1.0.0', ['0001_initial']), '1.0.0');
    expect(first.run.conclusion, failures(first)).toBe('success');
    expect(await servedVersions()).toEqual({ api: '1.0.0', web: '1.0.0', worker: '1.0.0', beat: '1.0.0' });
    expect(appliedMigrations()).toBe('0001_initial');

    const bad = await release(repository('2.0.0', ['0001_initial', '0002_price'], { api: { runtime: 'unhealthy' } }), '2.0.0');
    expect(bad.run.conclusion).toBe('failure');
    const deploy = bad.run.jobs.deploy;
    expect(deploy?.steps.find((s) => s.id === 'migrate')?.outputs).toMatchObject({
      applied: 'shop.0002_price',
      'revision-before': 'shop.0001_initial',
    });
    expect(JSON.parse(deploy?.outputs.deployments ?? '[]')).toHaveLength(4);
    expect(deploy?.steps.find((s) => s.id === 'gate')?.conclusion).toBe('failure');

    const rollback = bad.run.jobs.rollback;
    expect(rollback?.result).toBe('success');
    expect(rollback?.steps.map((s) => [s.id.startsWith('__') ? 'checkout' : s.id, s.conclusion])).toEqual([
      ['rollback', 'success'],
      ['checkout', 'success'],
      ['downgrade', 'success'],
      ['gate', 'success'],
    ]);
    // The world afterwards: every service serves v1, the database is back at 0001, Slack was told.
    expect(await servedVersions()).toEqual({ api: '1.0.0', web: '1.0.0', worker: '1.0.0', beat: '1.0.0' });
    expect(appliedMigrations()).toBe('0001_initial');
    expect(world.pg?.psql('shop', "select count(*) from information_schema.columns where column_name = 'price'")).toBe('0');
    expect(rollback?.environment?.name).toBe('production');
    const last = JSON.stringify(world.sandbox.slack.emulator.messages.at(-1)?.payload);
    expect(last).toContain('Rolled back acme/shop in production');
  });

  it('rolls the API back by hand through rollback.yml, with the reason in Slack', async () => {
    const good = await release(repository('3.0.0', ['0001_initial']), '3.0.0');
    expect(good.run.conclusion, failures(good)).toBe('success');
    expect((await servedVersions()).api).toBe('3.0.0');

    const manual = await runPipeline(
      world,
      '.github/workflows/rollback.yml',
      {},
      {
        inputs: { environment: 'production', provider: 'railway', services: 'api', reason: 'checkout returns 500 since 14:02' },
        secrets: { RAILWAY_TOKEN: world.sandbox.railway.projectToken, SLACK_WEBHOOK_URL: world.sandbox.slack.webhookUrl },
        vars: { RAILWAY_API_URL: world.sandbox.railway.url },
        github: { event_name: 'workflow_dispatch' },
        env,
      },
    );
    expect(manual.run.conclusion, failures(manual)).toBe('success');
    expect((await servedVersions()).api).toBe('1.0.0');
    expect((await servedVersions()).web).toBe('3.0.0');
    const last = JSON.stringify(world.sandbox.slack.emulator.messages.at(-1)?.payload);
    expect(last).toContain('checkout returns 500 since 14:02');
  });
});
