import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../../actions/migrate/src/command-line.ts';
import { buildPgOptions, parseDatabase, shouldBackup, toolEnv } from '../../../actions/migrate/src/database.ts';
import { dropStatements, leaveAlone, parseTocIds } from '../../../actions/migrate/src/objects.ts';
import { PRESETS, planCommands } from '../../../actions/migrate/src/presets.ts';

describe('preset command lines', () => {
  it('are the tools’ own commands', () => {
    expect(PRESETS.prisma.apply?.argv).toEqual(['prisma', 'migrate', 'deploy']);
    expect(PRESETS.alembic.apply?.argv).toEqual(['alembic', 'upgrade', 'head']);
    expect(PRESETS.django.apply?.argv).toEqual(['python3', 'manage.py', 'migrate', '--noinput']);
    expect(PRESETS.laravel.apply?.argv).toEqual(['php', 'artisan', 'migrate', '--force']);
    expect(PRESETS.knex.apply?.argv).toEqual(['knex', 'migrate:latest']);
    expect(PRESETS.typeorm.apply?.argv).toEqual(['typeorm', 'migration:run', '-d', 'data-source.js']);
  });

  it('plan alembic’s offline dry run from the current revision', () => {
    expect(PRESETS.alembic.dryRun?.({ ok: true, pending: ['b2'], current: ['a1'] })?.argv).toEqual([
      'alembic',
      'upgrade',
      'a1:head',
      '--sql',
    ]);
  });

  it('give way to the step’s own commands, and drop the preset’s dry run with them', () => {
    const plan = planCommands(PRESETS.django, { command: ['make', 'migrate'] });
    expect(plan.apply.argv).toEqual(['make', 'migrate']);
    expect(plan.status?.argv).toEqual(['python3', 'manage.py', 'showmigrations', '--plan']);
    expect(plan.dryRun).toBeUndefined();
  });
});

describe('command lines', () => {
  it('split into arguments as a shell would, quotes included', () => {
    expect(splitCommandLine(`npx knex migrate:latest --env "prod env" 'a b' c\\ d`)).toEqual({
      ok: true,
      value: ['npx', 'knex', 'migrate:latest', '--env', 'prod env', 'a b', 'c d'],
    });
  });
  it('refuse what only a shell would do', () => {
    for (const bad of ['a | b', 'a && b', 'a; b', 'a > f', 'echo $HOME', 'echo `id`', '"unclosed', 'a\nb']) {
      expect(splitCommandLine(bad).ok, bad).toBe(false);
    }
  });
});

describe('PGOPTIONS', () => {
  it('adds the timeouts after what is already there', () => {
    expect(buildPgOptions('-c search_path=app', { lockTimeout: 2000, statementTimeout: 60000 })).toBe(
      '-c search_path=app -c lock_timeout=2000 -c statement_timeout=60000',
    );
  });
  it('leaves a zero timeout out', () => {
    expect(buildPgOptions(undefined, { lockTimeout: 0 })).toBe('');
  });
});

describe('the backup decision', () => {
  it('backs up PostgreSQL on auto, and nothing else', () => {
    expect(shouldBackup('auto', 'postgres://u:p@h/db')).toBe(true);
    expect(shouldBackup('auto', 'postgresql://u:p@h/db')).toBe(true);
    expect(shouldBackup('auto', 'mysql://u:p@h/db')).toBe(false);
    expect(shouldBackup('auto', undefined)).toBe(false);
    expect(shouldBackup('false', 'postgres://u:p@h/db')).toBe(false);
  });
});

describe('the tools’ environment', () => {
  const db = parseDatabase('postgres://app:s%40cret@db.internal:6543/shop?sslmode=require');
  it('keeps the password out of the connection string our client programs get', () => {
    expect(db.conninfo).toBe("host='db.internal' port='6543' dbname='shop' user='app' sslmode='require'");
    expect(db.password).toBe('s@cret');
  });
  it('gives alembic a postgresql:// URL and libpq variables', () => {
    const env = toolEnv('alembic', db, '-c lock_timeout=2000');
    expect(env.DATABASE_URL).toMatch(/^postgresql:\/\//);
    expect(env).toMatchObject({ PGHOST: 'db.internal', PGPORT: '6543', PGUSER: 'app', PGDATABASE: 'shop', PGSSLMODE: 'require' });
    expect(env.PGOPTIONS).toBe('-c lock_timeout=2000');
  });
  it('gives Laravel its DB_* variables', () => {
    expect(toolEnv('laravel', db, '')).toMatchObject({ DB_CONNECTION: 'pgsql', DB_HOST: 'db.internal', DB_PASSWORD: 's@cret' });
  });
  it('puts the timeouts in Prisma’s URL, spaces as %20', () => {
    expect(toolEnv('prisma', db, '-c lock_timeout=2000').DATABASE_URL).toContain('options=-c%20lock_timeout%3D2000');
  });
});

describe('objects created since the backup', () => {
  it('are named by catalog and OID from the backup’s table of contents', () => {
    const ids = parseTocIds(
      ';\n; Archive created at …\n216; 1259 16395 TABLE public users app\n3366; 0 16395 TABLE DATA public users app\n',
    );
    expect([...ids]).toEqual(['pg_class:16395']);
  });
  it('are dropped dependents first', () => {
    const statements = dropStatements([
      { catalog: 'pg_namespace', oid: 1, kind: '', name: 'audit', on: '', owned: true, owner: 'app' },
      { catalog: 'pg_class', oid: 2, kind: 'r', name: 'public.log', on: '', owned: true, owner: 'app' },
      { catalog: 'pg_class', oid: 3, kind: 'v', name: 'public.log_view', on: '', owned: true, owner: 'app' },
      { catalog: 'pg_constraint', oid: 4, kind: 'f', name: 'fk', on: 'public.users', owned: true, owner: 'app' },
    ]);
    expect(statements).toEqual([
      'ALTER TABLE IF EXISTS public.users DROP CONSTRAINT IF EXISTS fk',
      'DROP VIEW IF EXISTS public.log_view CASCADE',
      'DROP TABLE IF EXISTS public.log CASCADE',
      'DROP SCHEMA IF EXISTS audit CASCADE',
    ]);
  });
  it('leave alone an extension another role owns, with its comment, and keep the rest', () => {
    const toc = [
      ';',
      '2; 3079 16385 EXTENSION - citext ',
      '4218; 0 0 COMMENT - EXTENSION citext ',
      '216; 1259 16395 TABLE public users app',
      '3366; 0 16395 TABLE DATA public users app',
      '4219; 0 0 COMMENT public TABLE users app',
    ].join('\n');
    const live = [
      { catalog: 'pg_extension', oid: 16385, kind: '', name: 'citext', on: '', owned: false, owner: 'postgres' },
      { catalog: 'pg_class', oid: 16395, kind: 'r', name: 'public.users', on: '', owned: true, owner: 'app' },
    ];
    const { toc: kept, skipped } = leaveAlone(toc, live);
    expect(kept.split('\n')).toEqual([
      ';',
      '216; 1259 16395 TABLE public users app',
      '3366; 0 16395 TABLE DATA public users app',
      '4219; 0 0 COMMENT public TABLE users app',
    ]);
    expect(skipped.map((o) => o.name)).toEqual(['citext']);
  });
});
