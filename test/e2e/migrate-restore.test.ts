/**
 * The restore is all or nothing, on a real PostgreSQL 15: a migration commits changes to an
 * existing table and then fails, and the restore meets what production throws at it — an
 * extension another role owns, a session holding a lock on the changed table, the runner's
 * SIGINT then SIGTERM in the middle of it. Each run must end with the database equal to the
 * backup or equal to what the failed migration left, never a mix, and say which.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { type PgCluster, startPostgres } from '../../packages/harness/src/postgres.ts';
import { type BundleRun, ROOT, type RunBundleOptions, runBundle } from '../../packages/harness/src/run-bundle.ts';

const FIXTURE = join(ROOT, 'test/fixtures/migrate/custom');
const password = makeCanary('pgpass');
let pg: PgCluster;
let backups: string;
let count = 0;

beforeAll(async () => {
  pg = await startPostgres();
  backups = mkdtempSync(join(tmpdir(), 'migrate-restore-'));
});

afterAll(async () => {
  await pg?.stop();
  if (backups) rmSync(backups, { recursive: true, force: true });
});

function migrate(
  url: string,
  dir: string,
  more: Record<string, string> = {},
  options: RunBundleOptions = {},
): Promise<BundleRun> {
  return runBundle('migrate', {
    inputs: {
      tool: 'custom',
      command: './migrate.sh up',
      'status-command': './migrate.sh status',
      'working-directory': FIXTURE,
      'database-url': url,
      'backup-dir': backups,
      env: `MIGRATIONS_DIR=${dir}`,
      ...more,
    },
    secrets: [password],
    timeoutMs: 180_000,
    ...options,
  });
}

/**
 * A database at migration 002 (users with emails) and its twin owned by the same role, given
 * the same `setup`. The twin runs the failing migration with no restore: what "as the failed
 * migration left it" looks like.
 */
async function databaseAndFailedTwin(setup: (name: string, url: string) => void = () => {}) {
  const name = `app${++count}`;
  pg.createDatabase(name, { user: name, password });
  const twin = `${name}_twin`;
  pg.psql('postgres', `CREATE DATABASE "${twin}" OWNER "${name}"`);
  const url = pg.url(name, name, password);
  const twinUrl = pg.url(twin, name, password);
  for (const [db, u] of [
    [name, url],
    [twin, twinUrl],
  ] as const) {
    const ok = await migrate(u, 'migrations-ok');
    expect(ok.exitCode, ok.stdout).toBe(0);
    setup(db, u);
  }
  const failed = await migrate(twinUrl, 'migrations-partial', { 'restore-on-failure': 'false' });
  expect(failed.exitCode).toBe(1);
  return { name, url, before: pg.fingerprint(name), asFailed: pg.fingerprint(twin) };
}

describe('an all-or-nothing restore after a migration that committed half its changes', { timeout: 400_000 }, () => {
  it('leaves alone an extension another role owns, restores the rest and says so', async () => {
    const db = await databaseAndFailedTwin((name, url) => {
      pg.psql(name, 'create extension citext'); // as the superuser, as a managed database's admin does
      pg.psql(name, "create table tags (name citext primary key); insert into tags values ('Blue'), ('green')", url);
    });
    expect(db.asFailed).not.toEqual(db.before);

    const run = await migrate(db.url, 'migrations-partial');
    expect(run.exitCode).toBe(1);
    expect(run.outputs.restored).toBe('true');
    expect(run.outputs.status).toBe('failure');
    expect(run.stdout).toMatch(/Left alone \(owned by another role[^\n]*extension citext \(owner postgres\)/);
    expect(run.errors[0]).toContain('the database is exactly as the backup has it');
    expect(pg.fingerprint(db.name)).toEqual(db.before);
    expect(run.leaks).toEqual([]);
  });

  it('gives up at once when a session holds a lock on the changed table, rolls back whole and names the session', async () => {
    const db = await databaseAndFailedTwin();
    // An app's long report: ACCESS SHARE on users does not stop the migration's UPDATE, but does
    // stop the restore's DROP TABLE.
    const reader = await pg.hold(db.name, 'select count(*) from users', { applicationName: 'nightly-report', url: db.url });
    let run: BundleRun;
    try {
      run = await migrate(db.url, 'migrations-partial', { 'lock-timeout': '3s' });
      expect(pg.fingerprint(db.name)).toEqual(db.asFailed);
    } finally {
      await reader.release();
    }
    expect(run.exitCode).toBe(1);
    expect(run.outputs.restored).toBe('false');
    expect(run.outputs.status).toBe('failure');
    expect(run.outputs['backup-file']).not.toBe('');
    const error = run.errors[0] ?? '';
    expect(error).toContain('relation "table_that_does_not_exist" does not exist');
    expect(error).toContain('lock timeout');
    expect(error).toContain('exactly as the failed migration left it');
    expect(error).toContain(`The backup is kept at ${run.outputs['backup-file']}`);
    expect(error).toMatch(/Blocked by: backend \d+, application_name 'nightly-report', query started \d{4}-/);
    expect(run.leaks).toEqual([]);
  });

  it('on SIGINT then SIGTERM two seconds apart during the restore, ends whole one way or the other and writes its outputs', async () => {
    // Enough rows that the restore is still running when the second signal comes.
    const db = await databaseAndFailedTwin((name, url) =>
      pg.psql(
        name,
        'create table events as select g as id, md5(g::text) || md5((g * 7)::text) as payload from generate_series(1, 1000000) g; alter table events add primary key (id)',
        url,
      ),
    );
    let signalled = false;
    const run = await migrate(
      db.url,
      'migrations-partial',
      {},
      {
        onLine: (line, child) => {
          if (signalled || !line.includes('in one transaction (pg_restore -f - into psql')) return;
          signalled = true;
          child.kill('SIGINT');
          setTimeout(() => child.kill('SIGTERM'), 2000);
        },
      },
    );
    expect(signalled, run.stdout.slice(-3000)).toBe(true);
    expect(run.exitCode, `${run.stdout.slice(-3000)}\n${run.stderr}`).toBe(1);
    expect(run.outputs.status).toBe('cancelled');
    expect(run.outputs['backup-file']).not.toBe('');
    const after = pg.fingerprint(db.name);
    const error = run.errors.join('\n');
    if (run.outputs.restored === 'true') {
      expect(after).toEqual(db.before);
      expect(error).toContain('the database is exactly as the backup has it');
    } else {
      expect(run.outputs.restored).toBe('false');
      expect(after).toEqual(db.asFailed);
      expect(error).toContain('exactly as the failed migration left it');
    }
    expect(run.stdout).toContain('waiting for the restore to finish or roll back');
    expect(run.leaks).toEqual([]);
  });
});
