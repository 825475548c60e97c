/**
 * The database URL, turned into what each consumer reads: libpq's `PG*` variables, `PGOPTIONS`
 * for the timeouts, the variables each tool expects, and a password-free connection string for
 * our own pg_dump / pg_restore / psql (the password goes through `PGPASSWORD`, never an
 * argument, so it is not in the process list or in a quoted command).
 */
import { conninfo, type DatabaseUrl, describeDatabaseUrl, isPostgresUrl, parseDatabaseUrl } from './database-url.ts';
import type { Tool } from './manifest.ts';

export interface Database extends DatabaseUrl {
  /** libpq keyword/value connection string without the password, for our own psql/pg_dump/pg_restore. */
  conninfo: string;
}

/** The database-url input, already checked by the manifest's parser. */
export function parseDatabase(url: string): Database {
  const parsed = parseDatabaseUrl(url);
  if (!parsed.ok) throw new Error(`database-url passed the input check but not the parser: ${parsed.expected}`);
  return { ...parsed.value, conninfo: conninfo(parsed.value) };
}

export const describeDatabase = describeDatabaseUrl;

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
  const sslmode = db.libpq.sslmode;
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
    // Appended as given (no re-serialising: the rest of the URL stays byte for byte the user's).
    const options = `options=${encodeURIComponent(pgOptions)}`;
    const hash = db.url.indexOf('#');
    const [base, fragment] = hash >= 0 ? [db.url.slice(0, hash), db.url.slice(hash)] : [db.url, ''];
    env.DATABASE_URL = `${base}${base.includes('?') ? '&' : '?'}${options}${fragment}`;
  }
  if (tool === 'laravel') {
    const connection = db.postgres ? 'pgsql' : db.scheme;
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
