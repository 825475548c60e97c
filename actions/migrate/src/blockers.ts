/**
 * Who is in the way of the restore: while it runs, a second session watches its backend with
 * `pg_blocking_pids` and remembers each session that blocks it (pid, application_name, when its
 * query started, its state), so a lock timeout can name the session to end. Should the watcher
 * miss it (a short lock_timeout on a slow machine), the sessions still holding locks on this
 * database's tables are named instead.
 */
import { type PgContext, psqlArgs, run } from './postgres.ts';

export interface Blocker {
  pid: string;
  applicationName: string;
  queryStart: string;
  state: string;
  query: string;
}

const MARK = 'blocker|';

const FIELDS = `'${MARK}' || b.pid || '|' || coalesce(b.application_name, '') || '|' || coalesce(b.query_start::text, '') || '|' || coalesce(b.state, '') || '|' || coalesce(replace(left(b.query, 120), E'\\n', ' '), '')`;

function parseBlockers(text: string): Blocker[] {
  const found = new Map<string, Blocker>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(MARK)) continue;
    const [pid = '', applicationName = '', queryStart = '', state = '', ...query] = line.slice(MARK.length).split('|');
    found.set(pid, { pid, applicationName, queryStart, state, query: query.join('|') });
  }
  return [...found.values()];
}

/** Watches the backend named `appName` until `stop`; resolves to every session seen blocking it. */
export async function watchBlockers(ctx: PgContext, appName: string, stop: AbortSignal): Promise<Blocker[]> {
  const sql = `select ${FIELDS} from pg_stat_activity w cross join lateral unnest(pg_blocking_pids(w.pid)) as bp(pid) join pg_stat_activity b on b.pid = bp.pid where w.application_name = '${appName.replace(/'/g, "''")}'`;
  let output = '';
  try {
    await run(ctx, ctx.tools.psql, ['-X', '-w', '-q', '-A', '-t', '-d', ctx.db.conninfo], {
      input: `${sql}\n\\watch 0.5\n`,
      signal: stop,
      keep: false,
      onLine: (line) => {
        if (line.startsWith(MARK)) output += `${line}\n`;
      },
      label: 'psql (watching for locks)',
    });
  } catch {
    // Stopped when the restore ended, or could not connect: what it saw is all there is.
  }
  return parseBlockers(output);
}

/** Sessions other than ours holding a lock on a table of this database. */
export async function lockHolders(ctx: PgContext, ownAppName: string): Promise<Blocker[]> {
  const sql = `select distinct ${FIELDS} from pg_locks l join pg_stat_activity b on b.pid = l.pid join pg_class c on c.oid = l.relation
    where l.granted and l.locktype = 'relation' and l.database = (select oid from pg_database where datname = current_database())
    and b.pid <> pg_backend_pid() and coalesce(b.application_name, '') <> '${ownAppName.replace(/'/g, "''")}'
    and c.relnamespace not in (select oid from pg_namespace where nspname in ('pg_catalog', 'information_schema'))`;
  const { stdout } = await run(ctx, ctx.tools.psql, psqlArgs(ctx, sql), { timeout: 15_000, label: 'psql (lock holders)' });
  return parseBlockers(stdout);
}

export function describeBlocker(b: Blocker): string {
  const parts = [`backend ${b.pid}`];
  parts.push(b.applicationName ? `application_name '${b.applicationName}'` : 'no application_name');
  parts.push(b.queryStart ? `query started ${b.queryStart}` : 'query start hidden (needs pg_read_all_stats)');
  if (b.state) parts.push(b.state);
  return parts.join(', ');
}
