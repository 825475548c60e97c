/**
 * The migrate bundle against a real PostgreSQL 15, with the custom runner in
 * test/fixtures/migrate/custom. The database password is a canary: it must never be readable.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { PG_BIN, type PgCluster, startPostgres } from '../../packages/harness/src/postgres.ts';
import { type BundleRun, cleanFailureProblems, ROOT, runBundle } from '../../packages/harness/src/run-bundle.ts';

const FIXTURE = join(ROOT, 'test/fixtures/migrate/custom');
const password = makeCanary('pgpass');
let pg: PgCluster;
let backups: string;
let dbCount = 0;

/** A fresh database owned by a fresh role whose password is the canary. */
function freshDatabase(): { name: string; url: string } {
  const name = `app${++dbCount}`;
  pg.createDatabase(name, { user: name, password });
  return { name, url: pg.url(name, name, password) };
}

function migrate(url: string, dir: string, more: Record<string, string> = {}): Promise<BundleRun> {
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
    timeoutMs: 90_000,
  });
}

beforeAll(async () => {
  pg = await startPostgres();
  backups = mkdtempSync(join(tmpdir(), 'migrate-backups-'));
});

afterAll(async () => {
  await pg?.stop();
  if (backups) rmSync(backups, { recursive: true, force: true });
});

describe('migrate with a custom runner', () => {
  it('applies two migrations, leaves nothing pending and keeps a backup that restores', async () => {
    const db = freshDatabase();
    pg.psql(db.name, "create table settings (k text primary key, v text); insert into settings values ('a', '1')", db.url);
    const before = pg.fingerprint(db.name);

    const run = await migrate(db.url, 'migrations-ok');
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.leaks).toEqual([]);
    expect(run.outputs.applied?.split('\n')).toEqual(['001_create_users', '002_add_email']);
    expect(run.outputs.pending).toBe('');
    expect(run.outputs.restored).toBe('false');
    expect(run.outputs.status).toBe('success');
    expect(pg.psql(db.name, 'select count(*) from users where email is not null')).toBe('50');
    expect(run.summary).toContain('Database migrations');
    expect(`${run.summary}${run.warnings.join('\n')}`).not.toContain('are gone');

    const file = run.outputs['backup-file'] ?? '';
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The backup is the database as it was before: restore it elsewhere and compare.
    pg.createDatabase(`${db.name}_copy`);
    const restore = spawnSync(join(PG_BIN, 'pg_restore'), ['-d', pg.url(`${db.name}_copy`), '--no-owner', file], {
      encoding: 'utf8',
    });
    expect(restore.status, restore.stderr).toBe(0);
    expect(pg.fingerprint(`${db.name}_copy`).tables).toEqual(before.tables);
  });

  it('succeeds at once with no backup when nothing is pending', async () => {
    const db = freshDatabase();
    expect((await migrate(db.url, 'migrations-ok')).exitCode).toBe(0);
    const run = await migrate(db.url, 'migrations-ok');
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['backup-file']).toBe('');
    expect(run.outputs.applied).toBe('');
    expect(run.stdout).toContain('up to date');
  });

  it('restores data and schema exactly after a migration that fails half way', async () => {
    const db = freshDatabase();
    expect((await migrate(db.url, 'migrations-ok')).exitCode).toBe(0);
    const before = pg.fingerprint(db.name);

    const run = await migrate(db.url, 'migrations-fail');
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.leaks).toEqual([]);
    expect(run.outputs.restored).toBe('true');
    expect(run.errors[0]).toContain('relation "table_that_does_not_exist" does not exist');
    expect(run.errors[0]).toContain('restored from the backup');
    const after = pg.fingerprint(db.name);
    expect(after.tables).toEqual(before.tables);
    expect(after.schema).toEqual(before.schema);
    expect(run.outputs.pending).toBe('003_half_way');
    // What the restore cost a live app is said, with the window, in a warning and the summary.
    const lost =
      /rows a live app wrote between \d{4}-\d\d-\d\dT[\d:]+Z \(the backup\) and \d{4}-\d\d-\d\dT[\d:]+Z \(the restore\), [^,]+, are gone/;
    expect(run.warnings.join('\n')).toMatch(lost);
    expect(run.summary).toMatch(lost);
  });

  it('fails on a lock timeout instead of hanging behind an open transaction, with the data intact', async () => {
    const db = freshDatabase();
    expect((await migrate(db.url, 'migrations-ok')).exitCode).toBe(0);
    const before = pg.fingerprint(db.name);
    // A long read, as a busy app holds: ACCESS SHARE on users, which ALTER TABLE must wait for.
    const reader = await pg.hold(db.name, 'select count(*) from users');
    try {
      // The step's own timeout is long: only the lock timeout can end the wait this early.
      const run = await migrate(db.url, 'migrations-lock', { 'lock-timeout': '2s', timeout: '10m' });
      expect(cleanFailureProblems(run)).toEqual([]);
      expect(run.errors[0]).toContain('lock timeout');
      expect(run.leaks).toEqual([]);
    } finally {
      await reader.release();
    }
    const after = pg.fingerprint(db.name);
    expect(after.tables).toEqual(before.tables);
    expect(after.schema).toEqual(before.schema);
  });

  it('shows what would be applied in a dry run and applies nothing', async () => {
    const db = freshDatabase();
    const run = await migrate(db.url, 'migrations-ok', { 'dry-run': 'true' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.pending?.split('\n')).toEqual(['001_create_users', '002_add_email']);
    expect(run.outputs.applied).toBe('');
    expect(run.outputs['backup-file']).toBe('');
    expect(pg.psql(db.name, "select to_regclass('public.users') is null")).toBe('t');
  });
});

describe('migrate refuses before any change', () => {
  it('names a wrong password without printing it', async () => {
    const db = freshDatabase();
    const wrong = makeCanary('wrongpass');
    const run = await runBundle('migrate', {
      inputs: {
        tool: 'custom',
        command: './migrate.sh up',
        'working-directory': FIXTURE,
        'database-url': pg.url(db.name, db.name, wrong),
      },
      secrets: [password, wrong],
    });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('refused the password');
    expect(run.leaks).toEqual([]);
  });

  it('says an unreachable database is unreachable', async () => {
    const run = await runBundle('migrate', {
      inputs: {
        tool: 'custom',
        command: './migrate.sh up',
        'working-directory': FIXTURE,
        'database-url': `postgres://app:${password}@127.0.0.1:1/app`,
      },
      secrets: [password],
    });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('unreachable');
    expect(run.leaks).toEqual([]);
  });

  it('names a missing tool program', async () => {
    const db = freshDatabase();
    const run = await runBundle('migrate', {
      inputs: { tool: 'alembic', 'working-directory': join(ROOT, 'test/fixtures/migrate/alembic'), 'database-url': db.url },
      env: { PATH: '/nonexistent' },
      secrets: [password],
    });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain("'alembic' was not found");
    expect(pg.psql(db.name, "select count(*) from pg_tables where schemaname = 'public'")).toBe('0');
  });

  it('asks for a command when the tool is custom', async () => {
    const run = await runBundle('migrate', { inputs: { tool: 'custom' } });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain("Input 'command'");
  });
});

/**
 * The runner's command parser, as far as these tests need it: a line is a command when it
 * starts with `::name` after leading spaces, or holds `##[` anywhere; `::stop-commands::TOKEN`
 * turns that off until `::TOKEN::`.
 */
function commandsTheRunnerWouldRun(stdout: string): string[] {
  const commands: string[] = [];
  let stopToken: string | undefined;
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      stopToken = stop[1];
      continue;
    }
    if (/^::[a-z-]+/i.test(line) || line.includes('##[')) commands.push(line);
  }
  return commands;
}

describe('migrate shows tool output as data', { timeout: 300_000 }, () => {
  it('streams a tool’s workflow commands inside a stop-commands block, so none of them runs', async () => {
    const db = freshDatabase();
    const run = await migrate(db.url, 'migrations-hostile');
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('::set-output name=applied::pwned');
    const commands = commandsTheRunnerWouldRun(run.stdout);
    expect(commands.filter((c) => /pwned|evil|injected|visible/.test(c))).toEqual([]);
    expect(run.outputs.applied).toBe('001_hostile');
  });

  it('never shows the database password, even JSON-escaped by a Python tool', async () => {
    const secret = 'Zq7@:/%#?\u00fc\u20ac!x';
    const name = `app${++dbCount}`;
    pg.createDatabase(name, { user: name, password: secret });
    const url = pg.url(name, name, secret);
    const run = await runBundle('migrate', {
      inputs: {
        tool: 'custom',
        command: './migrate.sh up',
        'status-command': './migrate.sh status',
        'working-directory': FIXTURE,
        'database-url': url,
        'backup-dir': backups,
        env: 'MIGRATIONS_DIR=migrations-json-password',
      },
      env: { PATH: `/usr/bin:${process.env.PATH ?? ''}` },
      secrets: [secret],
      timeoutMs: 90_000,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('settings: {"password": ');
    const escaped = JSON.stringify(secret)
      .slice(1, -1)
      .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(escaped).toBe('Zq7@:/%#?\\u00fc\\u20ac!x');
    expect(run.stdout).not.toContain(escaped);
    expect(run.leaks).toEqual([]);
  });

  it('reads a failure before the apply phase as a failure in the summary', async () => {
    const run = await runBundle('migrate', {
      inputs: {
        tool: 'custom',
        command: './migrate.sh up',
        'working-directory': FIXTURE,
        'database-url': `postgres://app:${password}@127.0.0.1:1/app`,
      },
      secrets: [password],
    });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.summary).toMatch(/Result[^\n]*failed during the check/);
    expect(run.summary).not.toMatch(/Result[^\n]*done/);
  });
});

describe('migrate leaves no half backup behind', { timeout: 300_000 }, () => {
  it('removes the partial file when pg_dump fails, and reports a failure during the backup', async () => {
    const db = freshDatabase();
    expect((await migrate(db.url, 'migrations-ok')).exitCode).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'migrate-partial-'));
    // A session holding ACCESS EXCLUSIVE on users: pg_dump cannot take its lock within lock-timeout.
    const blocker = await pg.hold(db.name, 'lock table users in access exclusive mode');
    try {
      const run = await migrate(db.url, 'migrations-fail', { 'lock-timeout': '2s', 'backup-dir': dir });
      expect(cleanFailureProblems(run)).toEqual([]);
      expect(run.errors[0]).toContain('The backup (pg_dump) failed');
      expect(run.outputs['backup-file']).toBe('');
      expect(readdirSync(dir)).toEqual([]);
      expect(run.summary).toMatch(/Result[^\n]*failed during the backup/);
    } finally {
      await blocker.release();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(pg.psql(db.name, "select count(*) from schema_migrations where name = '003_half_way'")).toBe('0');
  });
});
