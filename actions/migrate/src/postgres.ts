/**
 * PostgreSQL's own client programs, run for the backup and the restore: psql to check the
 * connection and drop what a failed migration created, pg_dump for the backup and to compare
 * the database with it, pg_restore to put it back. The password reaches them through
 * PGPASSWORD; the connection string they are given has none.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@deploy-suite/core/errors';
import { type ExecOptions, exec, findExecutable } from '@deploy-suite/core/exec';
import { type Database, describeDatabase, libpqEnv } from './database.ts';
import type { LiveObject } from './objects.ts';

export interface PgTools {
  psql: string;
  pgDump: string;
  pgRestore: string;
}

export interface PgContext {
  db: Database;
  tools: PgTools;
  /** PATH, HOME and the like: what the client programs need besides libpq's variables. */
  baseEnv: NodeJS.ProcessEnv;
  scrub: (text: string) => string;
  log: (line: string) => void;
}

const NEEDED = { psql: 'psql', pgDump: 'pg_dump', pgRestore: 'pg_restore' } as const;

/** Each client on PATH, else the newest in Debian's /usr/lib/postgresql/N/bin; missing names listed. */
export function findPgTools(path: string | undefined): { tools?: PgTools; missing: string[] } {
  const found: Partial<PgTools> = {};
  const missing: string[] = [];
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const [key, name] of Object.entries(NEEDED) as Array<[keyof PgTools, string]>) {
    const onPath = findExecutable(name, { path });
    const fallback = versions.map((v) => join(debian, v, 'bin', name)).find((p) => existsSync(p));
    const chosen = onPath ?? fallback;
    if (chosen) found[key] = chosen;
    else missing.push(name);
  }
  return missing.length === 0 ? { tools: found as PgTools, missing } : { missing };
}

export function pgEnv(ctx: PgContext, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: ctx.baseEnv.PATH ?? '',
    HOME: ctx.baseEnv.HOME ?? '/tmp',
    LANG: 'C.UTF-8',
    PGAPPNAME: 'deploy-suite-migrate',
    PGCONNECT_TIMEOUT: '15',
    ...libpqEnv(ctx.db),
    ...extra,
  };
}

export function run(ctx: PgContext, file: string, args: string[], options: ExecOptions = {}) {
  return exec(file, args, { env: pgEnv(ctx), scrub: ctx.scrub, ...options });
}

/** psql with no .psqlrc, no password prompt, unaligned tuples only, stopping at the first error. */
export function psqlArgs(ctx: PgContext, sql: string): string[] {
  return ['-X', '-w', '-A', '-t', '-q', '-v', 'ON_ERROR_STOP=1', '-d', ctx.db.conninfo, '-c', sql];
}

/** One clear sentence for a failed connection, from libpq's message. */
export function connectionProblem(stderr: string, where: string, user: string): UserError {
  const text = stderr.replace(/\s+/g, ' ');
  if (/password authentication failed|authentication failed for user/i.test(text)) {
    return new UserError(`The database at ${where} refused the password for user '${user}'.`, {
      hint: 'Check the database-url secret: the password may have been rotated.',
    });
  }
  if (/no password supplied|password is required/i.test(text)) {
    return new UserError(`The database at ${where} asks for a password and database-url has none.`, {
      hint: 'Put the password in the URL: postgres://user:password@host:5432/db',
    });
  }
  if (/database "[^"]*" does not exist/i.test(text)) {
    return new UserError(`The database ${where} does not exist.`, {
      hint: 'Check the database name at the end of database-url, or create it first.',
    });
  }
  if (/role "[^"]*" does not exist/i.test(text)) {
    return new UserError(`The user '${user}' does not exist on the database server at ${where}.`, {
      hint: 'Check the user in database-url.',
    });
  }
  if (/no pg_hba\.conf entry|SSL/i.test(text)) {
    return new UserError(`The database at ${where} does not accept this connection: ${text.trim().slice(0, 300)}`, {
      hint: 'The server may require SSL (add ?sslmode=require to database-url) or not allow this runner to connect.',
    });
  }
  if (/could not translate host name|Name or service not known|nodename nor servname/i.test(text)) {
    return new UserError(`The database host in ${where} could not be resolved.`, {
      hint: 'Check the host in database-url; private hostnames (*.railway.internal) are not reachable from GitHub runners.',
    });
  }
  if (/Connection refused|timeout expired|timed out|Network is unreachable|No route to host|could not connect/i.test(text)) {
    return new UserError(`The database at ${where} is unreachable: ${text.trim().slice(0, 300)}`, {
      hint: 'Check the host and port in database-url, and that the database accepts connections from the runner.',
    });
  }
  return new UserError(`Could not connect to the database at ${where}: ${text.trim().slice(0, 300)}`);
}

/** Connects once and reads the server's major version: the checks that must pass before any change. */
export async function checkConnection(ctx: PgContext, timeout: number, signal?: AbortSignal): Promise<number> {
  try {
    const { stdout } = await run(ctx, ctx.tools.psql, psqlArgs(ctx, 'show server_version_num'), {
      timeout,
      signal,
      label: 'psql',
    });
    return Math.floor(Number(stdout.trim()) / 10000);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    if (typeof stderr === 'string') throw connectionProblem(ctx.scrub(stderr), describeDatabase(ctx.db), ctx.db.user);
    throw error;
  }
}

export async function clientMajor(ctx: PgContext, binary: string): Promise<number> {
  const { stdout } = await run(ctx, binary, ['--version'], { timeout: 15_000 });
  return Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1] ?? 0);
}

/** sha256 of a plain SQL stream, without pg_dump's per-run random `\restrict` key lines. */
function dumpHasher(): { push(chunk: Buffer): void; digest(): string } {
  const hash = createHash('sha256');
  let pending = '';
  const line = (l: string): void => {
    if (!/^\\(un)?restrict /.test(l)) hash.update(`${l}\n`);
  };
  return {
    push(chunk) {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const l of lines) line(l);
    },
    digest() {
      if (pending !== '') line(pending);
      return hash.digest('hex');
    },
  };
}

/**
 * Whether the database is exactly what the backup holds, schema and data: the live database
 * dumped as SQL against the backup turned back into SQL (pg_dump writes both the same way).
 */
export async function sameAsBackup(ctx: PgContext, file: string, timeout: number, signal?: AbortSignal): Promise<boolean> {
  const live = dumpHasher();
  const saved = dumpHasher();
  await Promise.all([
    run(ctx, ctx.tools.pgDump, ['-Fp', '-w', '-d', ctx.db.conninfo], {
      timeout,
      signal,
      keep: false,
      onStdout: (c) => live.push(c),
      label: 'pg_dump (comparing with the backup)',
    }),
    run(ctx, ctx.tools.pgRestore, ['-f', '-', file], {
      timeout,
      signal,
      keep: false,
      onStdout: (c) => saved.push(c),
      label: 'pg_restore (reading the backup)',
    }),
  ]);
  return live.digest() === saved.digest();
}

const LIVE_OBJECTS_SQL = `
with ext as (select objid, classid from pg_depend where deptype in ('e', 'i')),
sys as (select oid from pg_namespace where nspname in ('pg_catalog', 'information_schema', 'pg_toast') or nspname like 'pg\\_temp\\_%' or nspname like 'pg\\_toast\\_temp\\_%')
select 'pg_class', c.oid, c.relkind::text, format('%I.%I', n.nspname, c.relname), '', pg_has_role(c.relowner, 'MEMBER'), pg_get_userbyid(c.relowner) from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r','p','v','m','S','f') and c.relnamespace not in (select oid from sys)
  and not exists (select 1 from ext where ext.objid = c.oid and ext.classid = 'pg_class'::regclass)
union all
select 'pg_proc', p.oid, p.prokind::text, format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), '', pg_has_role(p.proowner, 'MEMBER'), pg_get_userbyid(p.proowner) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where p.pronamespace not in (select oid from sys)
  and not exists (select 1 from ext where ext.objid = p.oid and ext.classid = 'pg_proc'::regclass)
union all
select 'pg_type', t.oid, t.typtype::text, format('%I.%I', n.nspname, t.typname), '', pg_has_role(t.typowner, 'MEMBER'), pg_get_userbyid(t.typowner) from pg_type t join pg_namespace n on n.oid = t.typnamespace
  where (t.typtype in ('e','d','r') or (t.typtype = 'c' and exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c')))
  and t.typnamespace not in (select oid from sys)
  and not exists (select 1 from ext where ext.objid = t.oid and ext.classid = 'pg_type'::regclass)
union all
select 'pg_constraint', k.oid, k.contype::text, format('%I', k.conname), format('%I.%I', n.nspname, c.relname), pg_has_role(c.relowner, 'MEMBER'), pg_get_userbyid(c.relowner) from pg_constraint k
  join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
  where k.contype = 'f' and c.relnamespace not in (select oid from sys)
union all
select 'pg_namespace', n.oid, '', format('%I', n.nspname), '', pg_has_role(n.nspowner, 'MEMBER'), pg_get_userbyid(n.nspowner) from pg_namespace n
  where n.oid not in (select oid from sys) and n.nspname <> 'public'
  and not exists (select 1 from ext where ext.objid = n.oid and ext.classid = 'pg_namespace'::regclass)
union all
select 'pg_extension', e.oid, '', format('%I', e.extname), '', pg_has_role(e.extowner, 'MEMBER'), pg_get_userbyid(e.extowner) from pg_extension e where e.extname <> 'plpgsql'`;

export async function liveObjects(ctx: PgContext, timeout: number): Promise<LiveObject[]> {
  const { stdout } = await run(ctx, ctx.tools.psql, [...psqlArgs(ctx, LIVE_OBJECTS_SQL), '-F', '\t'], {
    timeout,
    label: 'psql (listing objects)',
  });
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [catalog = '', oid = '', kind = '', name = '', on = '', owned = 't', owner = ''] = l.split('\t');
      return { catalog, oid: Number(oid), kind, name, on, owned: owned === 't', owner };
    });
}

/** The backup's table of contents, as `pg_restore -l` prints it. */
export async function backupToc(ctx: PgContext, file: string, timeout: number): Promise<string> {
  const { stdout } = await run(ctx, ctx.tools.pgRestore, ['-l', file], { timeout, label: 'pg_restore -l' });
  return stdout;
}
