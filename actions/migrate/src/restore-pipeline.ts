/**
 * The restore as one transaction: `pg_restore -f -` turns the backup into SQL, which streams
 * into one psql session after our own `BEGIN` and the drops of what the failed migration
 * created; `COMMIT` is written only once pg_restore has finished cleanly. So any failure — an
 * error in the SQL (ON_ERROR_STOP), a lock timeout, pg_restore dying, a timeout, a cancel, or
 * this process being killed (psql then reads end-of-input with the transaction still open) —
 * rolls everything back and leaves the database exactly as the failed migration left it.
 *
 * Why not `psql --single-transaction`: psql sends its COMMIT at the end of its input, and a
 * pipe that ends early (pg_restore killed, this process killed) is an end of input too, which
 * would commit half a restore. Why not core's exec(): it takes stdin as one string, and a
 * restore streams gigabytes from one process into another with back-pressure.
 */
import { spawn } from 'node:child_process';

export interface PipelineOptions {
  pgRestore: string;
  /** pg_restore's arguments before the backup file (`--clean`, `-L list`…); `-f -` is added. */
  restoreArgs: string[];
  file: string;
  psql: string;
  psqlArgs: string[];
  env: NodeJS.ProcessEnv;
  /** SQL run inside the transaction before the restore (the drops). */
  prelude: string;
  timeout: number;
  /** Stops the restore now: the transaction rolls back. */
  stop: AbortSignal;
  onLine: (line: string) => void;
}

export interface PipelineResult {
  /** pg_restore and psql both finished and the COMMIT went through. */
  committed: boolean;
  /** The transaction's id, to ask the server what became of it when psql was stopped. */
  xid: string | undefined;
  /** Why it did not commit: psql's or pg_restore's last error lines, or what stopped it. */
  failure: string | undefined;
  /** Whether a lock timeout ended it (psql reported `canceling statement due to lock timeout`). */
  lockTimeout: boolean;
  /** Whether `stop` or the timeout ended it. */
  stopped: 'cancelled' | 'timeout' | undefined;
}

const XID_MARK = 'deploy-suite-restore-xid:';

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export async function restoreInOneTransaction(options: PipelineOptions): Promise<PipelineResult> {
  // Each in its own process group: the runner's signals reach us, and we decide what they stop.
  const psql = spawn(options.psql, options.psqlArgs, {
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const restore = spawn(options.pgRestore, [...options.restoreArgs, '-f', '-', options.file], {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });

  // Listened for from the start: a child that is gone before anyone waits must still count.
  const closed = (child: typeof psql | typeof restore): Promise<number | null> =>
    new Promise((resolve) => {
      child.once('error', () => resolve(null));
      child.once('close', (code) => resolve(code));
    });
  const psqlClosed = closed(psql);
  const restoreClosed = closed(restore);

  let xid: string | undefined;
  const psqlErrors: string[] = [];
  const restoreErrors: string[] = [];
  const keep = (list: string[], line: string): void => {
    if (line.trim() === '') return;
    list.push(line);
    if (list.length > 20) list.shift();
  };
  const lines = (stream: NodeJS.ReadableStream | null, each: (line: string) => void): void => {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split(/\r?\n/);
      pending = parts.pop() ?? '';
      for (const part of parts) each(part);
    });
    stream?.on('end', () => {
      if (pending !== '') each(pending);
    });
  };
  lines(psql.stdout, (line) => {
    if (line.startsWith(XID_MARK)) xid = line.slice(XID_MARK.length).trim();
  });
  lines(psql.stderr, (line) => {
    keep(psqlErrors, line);
    options.onLine(line);
  });
  lines(restore.stderr, (line) => {
    keep(restoreErrors, line);
    options.onLine(line);
  });

  // psql may stop reading (an error, ON_ERROR_STOP): its stdin then breaks; that is reported below.
  psql.stdin.on('error', () => undefined);
  psql.stdin.write(`BEGIN;\nSELECT '${XID_MARK}' || txid_current();\n${options.prelude}`);
  restore.stdout.pipe(psql.stdin, { end: false });

  let stopped: PipelineResult['stopped'];
  const stopAll = (why: 'cancelled' | 'timeout'): void => {
    stopped ??= why;
    restore.stdout.unpipe(psql.stdin);
    // Unpiped output must still be read, or the stream never ends and 'close' never comes.
    restore.stdout.resume();
    // Closing the session without COMMIT is what rolls the transaction back.
    killGroup(restore.pid, 'SIGTERM');
    killGroup(psql.pid, 'SIGTERM');
  };
  const timer = setTimeout(() => stopAll('timeout'), options.timeout);
  const onStop = (): void => stopAll('cancelled');
  if (options.stop.aborted) onStop();
  else options.stop.addEventListener('abort', onStop, { once: true });

  const restoreExit = await restoreClosed;
  if (restoreExit === 0 && stopped === undefined) psql.stdin.end('COMMIT;\n');
  else {
    // pg_restore failed: never commit what it wrote so far.
    restore.stdout.unpipe(psql.stdin);
    restore.stdout.resume();
    psql.stdin.end();
    killGroup(psql.pid, 'SIGTERM');
  }
  const psqlExit = await psqlClosed;
  clearTimeout(timer);
  options.stop.removeEventListener('abort', onStop);

  const committed = restoreExit === 0 && psqlExit === 0 && stopped === undefined;
  const lockTimeout = psqlErrors.some((l) => /canceling statement due to lock timeout/i.test(l));
  let failure: string | undefined;
  if (!committed) {
    if (stopped === 'timeout') failure = 'it did not finish in time and was stopped';
    else if (stopped === 'cancelled') failure = 'the step was cancelled';
    else if (psqlExit !== 0 && psqlErrors.length > 0) failure = psqlErrors.slice(-6).join('\n');
    else if (restoreExit !== 0) failure = `pg_restore failed (exit ${restoreExit}): ${restoreErrors.slice(-6).join('\n')}`;
    else failure = `psql exited with ${psqlExit}`;
  }
  return { committed, xid, failure, lockTimeout, stopped };
}
