/**
 * Seed 4, an alembic service on Railway, through .github/workflows/railway.yml: `alembic upgrade
 * head` with a pg_dump backup; the release fails its gate, so the rollback takes the service back
 * and runs `alembic downgrade` to the revision the database had before the run.
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

beforeAll(async () => {
  world = await startWorld({ postgres: true });
  world.pg?.createDatabase('items', { user: 'items', password: world.password });
  // Debian's python3 and alembic (python3-alembic) on the runner's PATH.
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

/** The service at a release: the alembic project with the revisions given, and what its build does. */
function repository(version: string, revisions: string[], runtime = 'ok'): Repository {
  const alembic = fixtureFiles(join(ROOT, 'test/fixtures/migrate/alembic'), '', (path) => {
    const revision = /^migrations\/versions\/(\w+?)_/.exec(path)?.[1];
    return revision !== undefined && !revisions.includes(revision);
  });
  return { ...alembic, 'sandbox.json': JSON.stringify({ version, runtime, buildSeconds: 0.2 }) };
}

const release = (files: Repository, version: string) =>
  runPipeline(world, '.github/workflows/railway.yml', files, {
    inputs: {
      services: 'worker',
      'railway-api-url': world.sandbox.railway.url,
      'migrate-tool': 'alembic',
      'rollback-database': true,
      'expect-version': version,
      'health-timeout': '5s',
      'health-interval': '500ms',
    },
    secrets: {
      RAILWAY_TOKEN: world.sandbox.railway.projectToken,
      DATABASE_URL: world.pg?.url('items', 'items', world.password) ?? '',
      SLACK_WEBHOOK_URL: world.sandbox.slack.webhookUrl,
    },
    env,
  });

const served = async () => {
  const { sandbox } = world;
  return (
    await sandbox.fleet.app(`railway:${sandbox.railway.services.worker}:${sandbox.railway.environmentId}`)
  ).emulator.servedVersion();
};

describe('the alembic pipeline', () => {
  it('upgrades to head, and when the release fails its gate downgrades back to the revision before the run', async () => {
    const first = await release(repository('1.0.0', ['a1']), '1.0.0');
    expect(first.run.conclusion, failures(first)).toBe('success');
    expect(world.pg?.psql('items', 'select version_num from alembic_version')).toBe('a1');
    const before = world.pg?.fingerprint('items');

    const bad = await release(repository('2.0.0', ['a1', 'b2'], 'unhealthy'), '2.0.0');
    expect(bad.run.conclusion).toBe('failure');
    expect(bad.run.jobs.deploy?.steps.find((s) => s.id === 'migrate')?.outputs).toMatchObject({
      applied: 'b2',
      'revision-before': 'a1',
    });
    const downgrade = bad.run.jobs.rollback?.steps.find((s) => s.id === 'downgrade');
    expect(downgrade?.conclusion, downgrade?.stdout?.slice(-800)).toBe('success');
    expect(downgrade?.inputs).toMatchObject({ direction: 'down', to: 'a1' });

    // The world afterwards: v1 serves, the schema and rows are as before the run, Slack was told.
    expect(await served()).toBe('1.0.0');
    expect(world.pg?.psql('items', 'select version_num from alembic_version')).toBe('a1');
    expect(world.pg?.fingerprint('items')).toEqual(before);
    expect(JSON.stringify(world.sandbox.slack.emulator.messages.at(-1)?.payload)).toContain(
      'Rolled back acme/shop in production',
    );
  });
});
