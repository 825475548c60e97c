/**
 * The presets against a real PostgreSQL 15: Alembic and Django for real (Debian's
 * python3-alembic, alembic, python3-django, python3-psycopg2), Prisma for real (the repo's
 * prisma devDependency, its WebAssembly schema engine through @prisma/adapter-pg: no engine
 * download), Knex, TypeORM and Laravel through stand-ins that print what those tools print and
 * exit as they do (test/fixtures/migrate/standins/standin.sh): PHP, Knex and TypeORM are not
 * test dependencies.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { type PgCluster, startPostgres } from '../../packages/harness/src/postgres.ts';
import { ROOT, runBundle } from '../../packages/harness/src/run-bundle.ts';

const FIXTURES = join(ROOT, 'test/fixtures/migrate');
const password = makeCanary('pgpass');
let pg: PgCluster;
let temp: string;
let count = 0;

function freshDatabase(): { name: string; url: string } {
  const name = `tool${++count}`;
  pg.createDatabase(name, { user: name, password });
  return { name, url: pg.url(name, name, password) };
}

/**
 * The Debian packages these tests run for real: a missing one fails the file with one line that
 * says what to install, not a Python traceback per test.
 */
const DEBIAN_PYTHON: Array<[pkg: string, module: string]> = [
  ['python3-django', 'django'],
  ['python3-alembic', 'alembic'],
  ['python3-psycopg2', 'psycopg2'],
];

function missingDebianPackages(): string[] {
  const missing = DEBIAN_PYTHON.filter(
    ([, module]) => spawnSync('/usr/bin/python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status !== 0,
  ).map(([pkg]) => pkg);
  if (spawnSync('sh', ['-c', 'command -v alembic'], { stdio: 'ignore', env: { PATH: '/usr/bin:/bin' } }).status !== 0)
    missing.push('alembic');
  return missing;
}

beforeAll(async () => {
  const missing = missingDebianPackages();
  if (missing.length > 0) {
    throw new Error(
      `Missing Debian package(s) ${missing.join(', ')}: run \`bash .ci/apt-install.sh\` (or \`sudo apt-get install -y ${missing.join(' ')}\`).`,
    );
  }
  pg = await startPostgres();
  temp = mkdtempSync(join(tmpdir(), 'migrate-tools-'));
  // Debian's python3 first: the python3 on this machine's PATH may be a build that cannot see
  // Debian's packages.
  mkdirSync(join(temp, 'bin'));
  symlinkSync('/usr/bin/python3', join(temp, 'bin', 'python3'));
});

afterAll(async () => {
  await pg?.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

const pythonEnv = (): Record<string, string> => ({
  PATH: `${join(temp, 'bin')}:/usr/bin:${process.env.PATH ?? ''}`,
  PYTHONDONTWRITEBYTECODE: '1',
});

describe('migrate presets with the real tools', { timeout: 300_000 }, () => {
  it('runs alembic upgrade head and reads alembic history', async () => {
    const db = freshDatabase();
    const inputs = {
      tool: 'alembic',
      'working-directory': join(FIXTURES, 'alembic'),
      'database-url': db.url,
      'backup-dir': join(temp, 'backups'),
    };
    const dry = await runBundle('migrate', {
      inputs: { ...inputs, 'dry-run': 'true' },
      env: pythonEnv(),
      secrets: [password],
      timeoutMs: 180_000,
    });
    expect(dry.exitCode, dry.stdout).toBe(0);
    expect(dry.outputs.pending?.split('\n')).toEqual(['a1', 'b2']);
    expect(dry.stdout).toContain('CREATE TABLE items');

    const run = await runBundle('migrate', { inputs, env: pythonEnv(), secrets: [password], timeoutMs: 180_000 });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.applied?.split('\n')).toEqual(['a1', 'b2']);
    expect(run.outputs['backup-file']).not.toBe('');
    expect(pg.psql(db.name, 'select version_num from alembic_version')).toBe('b2');
    expect(pg.psql(db.name, 'select sum(price_cents) from items')).toBe('0');
    expect(run.leaks).toEqual([]);

    const again = await runBundle('migrate', { inputs, env: pythonEnv(), secrets: [password], timeoutMs: 180_000 });
    expect(again.exitCode).toBe(0);
    expect(again.outputs['backup-file']).toBe('');
  });

  it('runs Django migrate and reads showmigrations --plan', async () => {
    const db = freshDatabase();
    const inputs = {
      tool: 'django',
      'working-directory': join(FIXTURES, 'django'),
      'database-url': db.url,
      'backup-dir': join(temp, 'backups'),
    };
    const run = await runBundle('migrate', { inputs, env: pythonEnv(), secrets: [password], timeoutMs: 180_000 });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.applied?.split('\n')).toEqual(['shop.0001_initial', 'shop.0002_price']);
    expect(run.outputs.pending).toBe('');
    expect(pg.psql(db.name, "select count(*) from django_migrations where app = 'shop'")).toBe('2');
    expect(run.leaks).toEqual([]);
  });

  it('runs prisma migrate deploy and reads prisma migrate status', async () => {
    const db = freshDatabase();
    // Run in place: prisma.config.ts imports @prisma/adapter-pg and the preset finds prisma in
    // the repo's node_modules/.bin. CHECKPOINT_DISABLE: no update check.
    const inputs = {
      tool: 'prisma',
      'working-directory': join(FIXTURES, 'prisma'),
      'database-url': db.url,
      'backup-dir': join(temp, 'backups'),
      'lock-timeout': '3s',
    };
    const env = { CHECKPOINT_DISABLE: '1' };
    const dry = await runBundle('migrate', {
      inputs: { ...inputs, 'dry-run': 'true' },
      env,
      secrets: [password],
      timeoutMs: 180_000,
    });
    expect(dry.exitCode, dry.stdout).toBe(0);
    expect(dry.outputs.pending?.split('\n')).toEqual(['20240101000000_create_items', '20240102000000_add_price']);
    expect(pg.psql(db.name, "select to_regclass('public.items') is null")).toBe('t');

    const run = await runBundle('migrate', { inputs, env, secrets: [password], timeoutMs: 180_000 });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.applied?.split('\n')).toEqual(['20240101000000_create_items', '20240102000000_add_price']);
    expect(run.outputs.pending).toBe('');
    expect(run.stdout).toContain('using driver adapter "@prisma/adapter-pg"');
    expect(pg.psql(db.name, 'select count(*) from _prisma_migrations where finished_at is not null')).toBe('2');
    expect(pg.psql(db.name, 'select sum(price_cents) from items')).toBe('');
    // lock-timeout reached Prisma's connection (options= in DATABASE_URL, read by node-postgres).
    expect(pg.psql(db.name, 'select lock_timeout from applied_with')).toBe('3s');
    expect(run.leaks).toEqual([]);

    const again = await runBundle('migrate', { inputs, env, secrets: [password], timeoutMs: 180_000 });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.applied).toBe('');
    expect(again.outputs['backup-file']).toBe('');
  });
});

describe('migrate presets with stand-ins that mimic the tools', { timeout: 300_000 }, () => {
  for (const tool of ['knex', 'typeorm', 'laravel'] as const) {
    it(`applies with the ${tool} preset, then finds nothing pending`, async () => {
      const project = join(temp, `project-${tool}`);
      cpSync(join(FIXTURES, 'standins', 'project'), project, { recursive: true });
      const program = tool === 'laravel' ? 'php' : tool;
      const binDir = tool === 'laravel' ? join(project, 'bin') : join(project, 'node_modules', '.bin');
      mkdirSync(binDir, { recursive: true });
      symlinkSync(join(FIXTURES, 'standins', 'standin.sh'), join(binDir, program));
      const env = tool === 'laravel' ? { PATH: `${binDir}:${process.env.PATH ?? ''}` } : undefined;
      const db = freshDatabase();
      const inputs = { tool, 'working-directory': project, 'database-url': db.url, 'backup-dir': join(temp, 'backups') };

      const run = await runBundle('migrate', { inputs, ...(env ? { env } : {}), secrets: [password], timeoutMs: 180_000 });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.pending).toBe('');
      // Laravel's first run has no migrations table to list what is pending: applied comes from the status after.
      expect(run.outputs.applied?.split('\n')).toEqual(['20240101000000_create_orders', '20240102000000_add_status']);
      expect(pg.psql(db.name, 'select count(*) from orders')).toBe('2');
      expect(run.leaks).toEqual([]);

      const again = await runBundle('migrate', { inputs, ...(env ? { env } : {}), secrets: [password], timeoutMs: 180_000 });
      expect(again.exitCode, again.stdout).toBe(0);
      expect(again.outputs['backup-file']).toBe('');
    });
  }
});

/** Runs a tool directly, as a developer would, to put a database at a given revision. */
function tool(argv: string[], cwd: string, url: string): void {
  const [file = '', ...args] = argv;
  const result = spawnSync(file, args, {
    cwd,
    env: { ...process.env, ...pythonEnv(), DATABASE_URL: url.replace(/^postgres:/, 'postgresql:') },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
}

describe('direction: down with the real tools', { timeout: 300_000 }, () => {
  it('alembic: up to head, then down to revision-before gives back the schema and rows from before the up run', async () => {
    const db = freshDatabase();
    const dir = join(FIXTURES, 'alembic');
    tool(['alembic', 'upgrade', 'a1'], dir, db.url);
    pg.psql(db.name, "insert into items (name) values ('cup')", db.url);
    const before = pg.fingerprint(db.name);
    const inputs = { tool: 'alembic', 'working-directory': dir, 'database-url': db.url, 'backup-dir': join(temp, 'backups') };

    const up = await runBundle('migrate', { inputs, env: pythonEnv(), secrets: [password], timeoutMs: 180_000 });
    expect(up.exitCode, up.stdout).toBe(0);
    expect(up.outputs['revision-before']).toBe('a1');
    expect(up.outputs.applied).toBe('b2');

    const down = await runBundle('migrate', {
      inputs: { ...inputs, direction: 'down', to: up.outputs['revision-before'] ?? '' },
      env: pythonEnv(),
      secrets: [password],
      timeoutMs: 180_000,
    });
    expect(down.exitCode, down.stdout).toBe(0);
    expect(down.outputs.reverted).toBe('b2');
    expect(down.outputs['backup-file']).not.toBe('');
    expect(pg.fingerprint(db.name)).toEqual(before);
    expect(down.leaks).toEqual([]);
  });

  it('alembic: a downgrade that fails half way is restored from its backup', async () => {
    const db = freshDatabase();
    const dir = join(FIXTURES, 'alembic-faildown');
    const inputs = { tool: 'alembic', 'working-directory': dir, 'database-url': db.url, 'backup-dir': join(temp, 'backups') };
    const up = await runBundle('migrate', { inputs, env: pythonEnv(), secrets: [password], timeoutMs: 180_000 });
    expect(up.exitCode, up.stdout).toBe(0);
    expect(up.outputs['revision-before']).toBe('base');
    const atHead = pg.fingerprint(db.name);

    // c3's downgrade commits, then b2's fails: the database is left between the two.
    const down = await runBundle('migrate', {
      inputs: { ...inputs, direction: 'down', to: 'a1' },
      env: pythonEnv(),
      secrets: [password],
      timeoutMs: 180_000,
    });
    expect(down.exitCode).toBe(1);
    expect(down.errors[0]).toContain('downgrade of b2 fails');
    expect(down.outputs.restored).toBe('true');
    expect(pg.fingerprint(db.name)).toEqual(atHead);
    expect(down.leaks).toEqual([]);
  });

  it('django: up to head, then down to revision-before gives back the schema and rows from before the up run', async () => {
    const db = freshDatabase();
    const dir = join(FIXTURES, 'django');
    tool(['python3', 'manage.py', 'migrate', 'shop', '0001'], dir, db.url);
    pg.psql(db.name, "insert into shop_product (name) values ('kettle')", db.url);
    const before = pg.fingerprint(db.name);
    const inputs = { tool: 'django', 'working-directory': dir, 'database-url': db.url, 'backup-dir': join(temp, 'backups') };

    const up = await runBundle('migrate', { inputs, env: pythonEnv(), secrets: [password], timeoutMs: 180_000 });
    expect(up.exitCode, up.stdout).toBe(0);
    expect(up.outputs['revision-before']).toBe('shop.0001_initial');

    const down = await runBundle('migrate', {
      inputs: { ...inputs, direction: 'down', to: up.outputs['revision-before'] ?? '' },
      env: pythonEnv(),
      secrets: [password],
      timeoutMs: 180_000,
    });
    expect(down.exitCode, down.stdout).toBe(0);
    expect(down.outputs.reverted).toBe('shop.0002_price');
    expect(pg.fingerprint(db.name)).toEqual(before);
  });

  it('prisma: refuses, pointing to the backup', async () => {
    const run = await runBundle('migrate', {
      inputs: { tool: 'prisma', 'working-directory': join(FIXTURES, 'prisma'), direction: 'down' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors[0]).toContain('Prisma has no down migrations');
    expect(run.errors[0]).toContain('backup-file');
  });
});
