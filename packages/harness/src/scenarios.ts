/**
 * The pipeline as far as it is built, as scenarios both the demo (which prints them) and the
 * pipeline tests (which check them) run: the committed bundles, run as the runner runs them,
 * against the sandbox and a throwaway PostgreSQL cluster.
 *
 * deploy-railway, deploy-vercel and rollback are not built yet: the release step moves the sample
 * app to the new version the way a deployment will.
 */
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/src/index.ts';
import type { PgCluster } from './postgres.ts';
import { type BundleRun, ROOT, runBundle } from './run-bundle.ts';

export const NEW_VERSION = '3f7c2a9d1e8b4c6f0a5d2e9b7c1f4a8e6d3b0c2a';
const MIGRATIONS = join(ROOT, 'test/fixtures/migrate/custom');

export interface Reporter {
  step(action: string, title: string): void;
  done(action: string, run: BundleRun): void;
  note(text: string): void;
}

export const silent: Reporter = { step: () => undefined, done: () => undefined, note: () => undefined };

export interface World {
  sandbox: Sandbox;
  /** Absent where PostgreSQL is not installed: the migrate steps are then skipped. */
  pg: PgCluster | undefined;
  /** The database role's password: a secret no step may print. */
  password: string;
  report: Reporter;
}

async function step(
  world: World,
  action: string,
  title: string,
  inputs: Record<string, string>,
  secrets: string[],
): Promise<BundleRun> {
  world.report.step(action, title);
  const run = await runBundle(action, { inputs, secrets: [...secrets, world.password], timeoutMs: 120_000 });
  world.report.done(action, run);
  if (run.leaks.length > 0) throw new Error(`a secret leaked from ${action}`);
  return run;
}

function migrateInputs(world: World, pg: PgCluster, migrations: string): Record<string, string> {
  return {
    tool: 'custom',
    command: './migrate.sh up',
    'status-command': './migrate.sh status',
    'working-directory': MIGRATIONS,
    'database-url': pg.url('shop', 'shop', world.password),
    env: `MIGRATIONS_DIR=${migrations}`,
    'lock-timeout': '5s',
  };
}

export interface GoodRelease {
  migrate: BundleRun | undefined;
  gate: BundleRun;
  smoke: BundleRun;
  notify: BundleRun;
}

/** migrate (backup, apply) → release → health-gate waits out the old version → smoke-test → Slack. */
export async function goodRelease(world: World): Promise<GoodRelease> {
  const { sandbox, pg } = world;
  const webhook = sandbox.slack.webhookUrl;
  const startedAt = String(Math.floor(Date.now() / 1000));
  const migrate = pg
    ? await step(
        world,
        'migrate',
        'back up, apply two migrations, check nothing is pending',
        migrateInputs(world, pg, 'migrations-ok'),
        [],
      )
    : undefined;

  world.report.note(`release: the app gets version ${NEW_VERSION.slice(0, 7)}; the old one keeps answering for 3 s`);
  sandbox.app.emulator.release(NEW_VERSION, { oldVersionFor: 3000 });

  const gate = await step(
    world,
    'health-gate',
    'wait until the new version serves and every service is healthy',
    {
      url: `${sandbox.app.url}/api/health/detailed/`,
      'expect-version': NEW_VERSION,
      'expect-json': '$.services.* == healthy',
      timeout: '1m',
      interval: '2s',
    },
    [],
  );
  const smoke = await step(
    world,
    'smoke-test',
    "the seed's checks, each within 200 ms",
    {
      'base-url': sandbox.app.url,
      checks: [
        '- { name: API health, url: /health, expect: { status: 200, max-latency: 200ms } }',
        '- { name: Frontend, url: /, expect: { status: 200, max-latency: 200ms } }',
        '- { name: API v1, url: /api/v1, expect: { status: 200, max-latency: 200ms } }',
      ].join('\n'),
    },
    [],
  );
  const notify = await step(
    world,
    'notify',
    'tell Slack',
    {
      'webhook-url': webhook,
      status: gate.exitCode === 0 && smoke.exitCode === 0 ? 'success' : 'failure',
      environment: 'production',
      url: sandbox.app.url,
      'started-at': startedAt,
      fields: `Gate=${gate.outputs.attempts} checks in ${gate.outputs.elapsed} ms\nSmoke=${smoke.outputs.passed} passed`,
    },
    [webhook],
  );
  return { migrate, gate, smoke, notify };
}

export interface BadMigration {
  migrate: BundleRun;
  unchanged: boolean;
  notify: BundleRun;
}

/** A migration fails half way: the backup is restored, Slack hears why (after one 429). */
export async function badMigration(world: World, pg: PgCluster): Promise<BadMigration> {
  const webhook = world.sandbox.slack.webhookUrl;
  const before = pg.fingerprint('shop');
  const migrate = await step(
    world,
    'migrate',
    'creates a table, rewrites data, then errors: the backup is restored',
    migrateInputs(world, pg, 'migrations-fail'),
    [],
  );
  const unchanged = JSON.stringify(pg.fingerprint('shop')) === JSON.stringify(before);
  world.report.note(
    `the database after the restore ${unchanged ? 'equals' : 'DIFFERS FROM'} the database before the step (rows and schema)`,
  );
  world.sandbox.slack.inject({ kind: '429', retryAfter: 1 });
  const notify = await step(
    world,
    'notify',
    'tell Slack why (Slack rate limits once: retried after Retry-After)',
    {
      'webhook-url': webhook,
      status: 'failure',
      environment: 'production',
      reason: (migrate.errors[0] ?? 'migration failed').split('\n')[0] ?? '',
      mention: 'here',
    },
    [webhook],
  );
  return { migrate, unchanged, notify };
}
