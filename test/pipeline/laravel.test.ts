/**
 * Seed 3, Laravel on Railway, through .github/workflows/railway.yml: `php artisan migrate --force`
 * (a stand-in that prints what artisan prints and really applies SQL to PostgreSQL) with a backup;
 * a migration that fails half way restores the backup and stops the deploy.
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

let world: World;
let env: Record<string, string>;
let binParent: string | undefined;
const STANDINS = join(ROOT, 'test/fixtures/migrate/standins');

beforeAll(async () => {
  world = await startWorld({ postgres: true });
  world.pg?.createDatabase('laravel', { user: 'laravel', password: world.password });
  // The runner image "has PHP": php on its PATH is the stand-in.
  binParent = mkdtempSync(join(tmpdir(), 'runner-bin-'));
  const bin = join(binParent, 'bin');
  mkdirSync(bin);
  symlinkSync(join(STANDINS, 'standin.sh'), join(bin, 'php'));
  env = { PATH: `${bin}:${process.env.PATH ?? ''}` };
});
afterAll(async () => {
  await world?.close();
  if (binParent) rmSync(binParent, { recursive: true, force: true });
});

function repository(version: string, extra: Repository = {}): Repository {
  return {
    ...fixtureFiles(join(STANDINS, 'project'), ''),
    ...extra,
    'sandbox.json': JSON.stringify({ version, buildSeconds: 0.2 }),
  };
}

const release = (files: Repository) =>
  runPipeline(world, '.github/workflows/railway.yml', files, {
    inputs: {
      services: 'api',
      'railway-api-url': world.sandbox.railway.url,
      'migrate-tool': 'laravel',
      'health-path': '/up',
      'health-timeout': '6s',
      'health-interval': '500ms',
      'smoke-checks': '- { name: Home, url: /, expect: { status: 200, max-latency: 200ms } }',
    },
    secrets: {
      RAILWAY_TOKEN: world.sandbox.railway.projectToken,
      DATABASE_URL: world.pg?.url('laravel', 'laravel', world.password) ?? '',
      SLACK_WEBHOOK_URL: world.sandbox.slack.webhookUrl,
    },
    env,
  });

const served = async () => {
  const { sandbox } = world;
  return (
    await sandbox.fleet.app(`railway:${sandbox.railway.services.api}:${sandbox.railway.environmentId}`)
  ).emulator.servedVersion();
};

describe('the Laravel pipeline', () => {
  it('a migration that fails half way restores the backup, stops the deploy, and Slack hears why', async () => {
    const first = await release(repository('1.0.0'));
    expect(first.run.conclusion, failures(first)).toBe('success');
    expect(await served()).toBe('1.0.0');
    expect(world.pg?.psql('laravel', 'select count(*) from orders')).toBe('2');
    const before = world.pg?.fingerprint('laravel');
    const deploymentsBefore = world.sandbox.railway.emulator.world.deployments.size;

    const broken = await release(
      repository('2.0.0', {
        // The first new migration commits; the second fails: the database is left half migrated.
        'migrations/20240103000000_add_total.sql': 'alter table orders add column total integer;\nupdate orders set total = 1;\n',
        'migrations/20240104000000_backfill.sql': 'update orders set total = 1 / 0;\n',
      }),
    );
    expect(broken.run.conclusion).toBe('failure');
    const deploy = broken.run.jobs.deploy;
    expect(deploy?.steps.map((s) => [s.id.startsWith('__') ? 'checkout' : s.id, s.conclusion])).toEqual([
      ['checkout', 'success'],
      ['migrate', 'failure'],
      ['railway', 'skipped'],
      ['gate', 'skipped'],
      ['smoke', 'skipped'],
    ]);
    const migrate = deploy?.steps.find((s) => s.id === 'migrate');
    expect(migrate?.outputs.restored, migrate?.stdout?.slice(-1500)).toBe('true');
    expect(broken.run.jobs.rollback?.result).toBe('skipped');

    // The world afterwards: the database exactly as before, nothing deployed, v1 still serving.
    expect(world.pg?.fingerprint('laravel')).toEqual(before);
    expect(world.sandbox.railway.emulator.world.deployments.size).toBe(deploymentsBefore);
    expect(await served()).toBe('1.0.0');
    const last = JSON.stringify(world.sandbox.slack.emulator.messages.at(-1)?.payload);
    expect(last).toContain('failed');
    expect(last).not.toContain('Rolled back');
  });
});
