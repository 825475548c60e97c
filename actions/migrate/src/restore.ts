/**
 * Puts the database back as the backup has it, all or nothing: one transaction takes every
 * table's lock first (under lock_timeout, so a session in the way fails it at once instead of
 * stalling), drops what the failed migration created, and runs the backup's SQL; it commits
 * only when all of it went through. Objects this role does not own and could not have changed
 * are left alone. When the transaction does not commit, the database is exactly as the failed
 * migration left it, and the report says so and, for a lock, which session holds it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '@deploy-suite/core/errors';
import { UntrustedStream } from '@deploy-suite/core/untrusted';
import { type Blocker, describeBlocker, lockHolders, watchBlockers } from './blockers.ts';
import { dropStatements, type LiveObject, leaveAlone, parseTocIds } from './objects.ts';
import { backupToc, liveObjects, type PgContext, pgEnv, psqlArgs, run } from './postgres.ts';
import { restoreInOneTransaction } from './restore-pipeline.ts';

export interface RestoreReport {
  /** The transaction committed: the database is the backup again. */
  restored: boolean;
  /** What the database is now, in words for the error message. */
  state: string;
  dropped: LiveObject[];
  /** Objects owned by another role, left as they are. */
  leftAlone: LiveObject[];
  /** Why the restore did not commit. */
  failure: string | undefined;
  blockers: Blocker[];
  stopped: 'cancelled' | 'timeout' | undefined;
}

export const AS_FAILED =
  'the restore was rolled back as a whole: the database is exactly as the failed migration left it (nothing of the restore applied)';
export const RESTORED = 'the database is exactly as the backup has it';

/** `LOCK TABLE a, b IN ACCESS EXCLUSIVE MODE`: every table the restore will drop, taken first (names come quoted). */
function lockStatement(live: readonly LiveObject[]): string {
  const tables = live.filter((o) => o.catalog === 'pg_class' && (o.kind === 'r' || o.kind === 'p') && o.owned);
  return tables.length > 0 ? `LOCK TABLE ${tables.map((t) => t.name).join(', ')} IN ACCESS EXCLUSIVE MODE;\n` : '';
}

/**
 * After psql was stopped: did the COMMIT reach the server first? A backend whose client was just
 * killed reports its transaction 'in progress' until it notices the closed socket and aborts it,
 * so an answer of 'in progress' is asked again for a few seconds before it is reported.
 */
async function transactionStatus(ctx: PgContext, xid: string): Promise<string | undefined> {
  if (!/^\d+$/.test(xid)) return undefined;
  let status: string | undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const { stdout } = await run(ctx, ctx.tools.psql, psqlArgs(ctx, `select txid_status(${xid})`), {
        timeout: 15_000,
        label: 'psql (transaction status)',
      });
      status = stdout.trim();
    } catch {
      return status;
    }
    if (status !== 'in progress') return status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return status;
}

export async function restoreAtomically(
  ctx: PgContext,
  file: string,
  options: { timeout: number; lockTimeout: number; stop: AbortSignal },
): Promise<RestoreReport> {
  const [toc, live] = await Promise.all([backupToc(ctx, file, options.timeout), liveObjects(ctx, options.timeout)]);
  const inBackup = parseTocIds(toc);
  const created = live.filter((o) => !inBackup.has(`${o.catalog}:${o.oid}`));
  const dropped = created.filter((o) => o.owned);
  const { toc: list, skipped } = leaveAlone(toc, live);
  const leftAlone = [...skipped, ...created.filter((o) => !o.owned)];
  if (leftAlone.length > 0) {
    ctx.log(
      `Left alone (owned by another role, which this role cannot have changed): ${leftAlone.map((o) => `${o.catalog.replace('pg_', '')} ${o.name} (owner ${o.owner})`).join(', ')}.`,
    );
  }
  if (dropped.length > 0) {
    ctx.log(`Dropping ${dropped.length} object(s) the failed migration created: ${dropped.map((o) => o.name).join(', ')}`);
  }

  const temp = mkdtempSync(join(tmpdir(), 'migrate-restore-'));
  const appName = `deploy-suite-migrate-restore-${process.pid}`;
  const watcher = new AbortController();
  const seen = watchBlockers(ctx, appName, watcher.signal);
  try {
    const restoreArgs = ['--clean', '--if-exists', '--no-owner'];
    if (skipped.length > 0) {
      const listFile = join(temp, 'restore.list');
      writeFileSync(listFile, list, { mode: 0o600 });
      restoreArgs.push('-L', listFile);
    }
    const lockTimeout = options.lockTimeout > 0 ? `-c lock_timeout=${options.lockTimeout}` : '';
    const env = pgEnv(ctx, { PGAPPNAME: appName, PGOPTIONS: lockTimeout });
    const prelude = `${lockStatement(live)}${dropStatements(dropped)
      .map((s) => `${s};\n`)
      .join('')}`;
    ctx.log(`Restoring ${file} in one transaction (pg_restore -f - into psql; COMMIT only when all of it went through).`);
    // psql's and pg_restore's messages quote names from the database: outside text, shown inert.
    const output = new UntrustedStream({ info: ctx.log });
    const result = await restoreInOneTransaction({
      pgRestore: ctx.tools.pgRestore,
      restoreArgs,
      file,
      psql: ctx.tools.psql,
      psqlArgs: ['-X', '-w', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', ctx.db.conninfo],
      env,
      prelude,
      timeout: options.timeout,
      stop: options.stop,
      onLine: (line) => output.line(ctx.scrub(line)),
    });
    output.close();
    watcher.abort();
    let restored = result.committed;
    let state = restored ? RESTORED : AS_FAILED;
    if (!restored && result.stopped && result.xid) {
      // Stopped around the COMMIT: the server knows which side of it the transaction ended on.
      const status = await transactionStatus(ctx, result.xid);
      if (status === 'committed') {
        restored = true;
        state = RESTORED;
      } else if (status !== 'aborted') {
        state = `the restore's transaction ${result.xid} ended ${status ?? 'in an unknown state'}: it is applied whole or not at all, never in part`;
      }
    }
    let blockers: Blocker[] = [];
    if (result.lockTimeout) {
      blockers = await seen;
      if (blockers.length === 0) blockers = await lockHolders(ctx, appName).catch(() => []);
    }
    return {
      restored,
      state,
      dropped: restored ? dropped : [],
      leftAlone,
      failure: restored ? undefined : result.failure,
      blockers,
      stopped: result.stopped,
    };
  } catch (error) {
    return {
      restored: false,
      state: AS_FAILED,
      dropped: [],
      leftAlone,
      failure: errorMessage(error),
      blockers: [],
      stopped: undefined,
    };
  } finally {
    watcher.abort();
    rmSync(temp, { recursive: true, force: true });
  }
}

/** One sentence per blocking session, for the error. */
export function describeBlockers(blockers: readonly Blocker[]): string {
  return blockers.map(describeBlocker).join('; ');
}
