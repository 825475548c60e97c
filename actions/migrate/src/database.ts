/**
 * The database URL, turned into what each consumer reads: libpq's `PG*` variables, `PGOPTIONS`
 * for the timeouts, the variables each tool expects, and a password-free connection string for
 * our own pg_dump / pg_restore / psql (the password goes through `PGPASSWORD`, never an
 * argument, so it is not in the process list or in a quoted command).
 */
import { isPostgresUrl, type Tool } from './manifest.ts';

export interface Database {
  url: string;
  postgres: boolean;
  host: string;
  port: string;
  user: string;
  password: string;
  name: string;
  /** The URL without its password, for `--dbname` (libpq reads the rest, sslmode included). */
  conninfo: string;
}

export function parseDatabase(url: string): Database {
  const parsed = new URL(url);
  const withoutPassword = new URL(url);
  withoutPassword.password = '';
  return {
    url,
    postgres: isPostgresUrl(url),
    host: decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, ''),
    port: parsed.port || (isPostgresUrl(url) ? '5432' : ''),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    name: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    conninfo: withoutPassword.toString(),
  };
}

/** The database as a user may see it: `postgres://app:***@db.internal:5432/shop`. */
export function describeDatabase(db: Database): string {
  return `${db.user ? `${db.user}@` : ''}${db.host}${db.port ? `:${db.port}` : ''}/${db.name}`;
}

/** `-c lock_timeout=2000 -c statement_timeout=…` after whatever PGOPTIONS already held (the last one wins). */
export function buildPgOptions(
  existing: string | undefined,
  timeouts: { lockTimeout: number; statementTimeout?: number },
): string {
  const parts = existing?.trim() ? [existing.trim()] : [];
  if (timeouts.lockTimeout > 0) parts.push(`-c lock_timeout=${timeouts.lockTimeout}`);
  if (timeouts.statementTimeout !== undefined && timeouts.statementTimeout > 0)
    parts.push(`-c statement_timeout=${timeouts.statementTimeout}`);
  return parts.join(' ');
}

/** Whether to take a backup: `auto` means "when the database is PostgreSQL". */
export function shouldBackup(setting: 'auto' | 'true' | 'false', databaseUrl: string | undefined): boolean {
  if (setting === 'false') return false;
  return isPostgresUrl(databaseUrl);
}

/** libpq's variables: psql, pg_dump, psycopg2, PHP's pdo_pgsql and node-postgres read them. */
export function libpqEnv(db: Database): Record<string, string> {
  const env: Record<string, string> = {
    PGHOST: db.host,
    PGPORT: db.port,
    PGDATABASE: db.name,
  };
  if (db.user) env.PGUSER = db.user;
  if (db.password) env.PGPASSWORD = db.password;
  const sslmode = new URL(db.url).searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/**
 * What the migration commands get, for the tool at hand. Later layers win: the runner's
 * environment, then (a later issue) a Railway service's variables as `railway run` injects them,
 * then these, then the step's `env`.
 */
export function toolEnv(tool: Tool, db: Database | undefined, pgOptions: string): Record<string, string> {
  const env: Record<string, string> = {};
  if (pgOptions) env.PGOPTIONS = pgOptions;
  if (!db) return env;
  env.DATABASE_URL = db.url;
  if (db.postgres) Object.assign(env, libpqEnv(db));
  if (tool === 'alembic' && db.postgres) {
    // SQLAlchemy 1.4+ refuses the `postgres://` scheme Heroku and Railway hand out.
    env.DATABASE_URL = db.url.replace(/^postgres:\/\//i, 'postgresql://');
  }
  if (tool === 'prisma' && db.postgres && pgOptions) {
    // Prisma's engine does not read PGOPTIONS; it takes the same options from the URL.
    const url = new URL(db.url);
    url.searchParams.set('options', pgOptions);
    // URLSearchParams writes spaces as '+', which libpq-style parsers keep as a plus: use %20.
    url.search = url.search.replace(/\+/g, '%20');
    env.DATABASE_URL = url.toString();
  }
  if (tool === 'laravel') {
    const connection = db.postgres ? 'pgsql' : new URL(db.url).protocol.replace(':', '');
    Object.assign(env, {
      DB_CONNECTION: connection,
      DB_URL: db.url,
      DB_HOST: db.host,
      DB_PORT: db.port,
      DB_DATABASE: db.name,
      DB_USERNAME: db.user,
      DB_PASSWORD: db.password,
    });
  }
  return env;
}
