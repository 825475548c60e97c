/**
 * Runs a program: argument arrays only, never a shell string, so no value is ever re-parsed by
 * a shell. Output is streamed to the log line by line (through the runner, which scrubs
 * secrets) and kept for the caller; a timeout or an abort signal stops the whole process tree;
 * a failure is a UserError that quotes the command (credentials masked) and the last lines of
 * its error output, as google-github-actions/deploy-cloudrun reports a failed gcloud.
 *
 * Why node:child_process and not @actions/exec: @actions/exec echoes `[command]…` straight to
 * process.stdout (past our secret scrubber), has no timeout, no AbortSignal and no process-group
 * kill (an `npx` or `sh -c` wrapper would leave its children running), and its errors carry
 * neither the command's stderr nor a hint. One spawn in its own process group is less code than
 * adapting it.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { cancellation } from './clock.ts';
import { UserError } from './errors.ts';
import { formatDuration } from './input-types.ts';
import { maskUrl } from './secrets.ts';

export interface ExecOptions {
  cwd?: string;
  /** The child's whole environment (nothing is inherited that is not here). */
  env?: NodeJS.ProcessEnv;
  /** Kills the process tree after this many ms. */
  timeout?: number;
  /** Kills the process tree when aborted (the run's cancellation). */
  signal?: AbortSignal;
  /** Receives each output line (stdout and stderr); the runner's `info` scrubs secrets. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Receives raw stdout bytes (for output too large to keep, such as a dump to hash). */
  onStdout?: (chunk: Buffer) => void;
  /** Keep stdout and stderr in the result (default true; at most `maxKeep` bytes each). */
  keep?: boolean;
  maxKeep?: number;
  /** Exit codes that are not failures (default [0]); 'any' returns every exit. */
  okExitCodes?: readonly number[] | 'any';
  /** What the command is, for errors: "The migration", "pg_dump". Default: the program's name. */
  label?: string;
  /** Masks secrets in the command line and output quoted in errors. */
  scrub?: (text: string) => string;
  /** How many stderr lines an error quotes (default 20). */
  tailLines?: number;
  /** Written to stdin, then closed; stdin is closed (not a TTY) by default so nothing prompts. */
  input?: string;
  /** Grace between SIGTERM and SIGKILL, in ms (default 5000). */
  killGrace?: number;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** The command as shown in logs and errors, credentials masked. */
  display: string;
}

export class ExecError extends UserError {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  /** The last lines of error output (or of stdout when stderr was empty), scrubbed. */
  readonly tail: string;

  constructor(init: {
    message: string;
    hint?: string;
    exitCode: number | null;
    signal: NodeJS.Signals | null;
    timedOut: boolean;
    stdout: string;
    stderr: string;
    tail: string;
  }) {
    super(init.message, init.hint === undefined ? {} : { hint: init.hint });
    this.name = 'ExecError';
    this.exitCode = init.exitCode;
    this.signal = init.signal;
    this.timedOut = init.timedOut;
    this.stdout = init.stdout;
    this.stderr = init.stderr;
    this.tail = init.tail;
  }
}

/** Quotes a command line for display the way a POSIX shell would read it back. */
export function formatCommand(file: string, args: readonly string[], scrub: (text: string) => string = (t) => t): string {
  return (
    [file, ...args]
      // Scrub first: maskUrl re-serialises a URL (case, percent-encoding), which would hide a secret from the scrubber.
      .map((part) => maskUrl(scrub(part)))
      .map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`))
      .join(' ')
  );
}

/** Finds a program the way spawn will: a path as given (relative to cwd), else each PATH entry. */
export function findExecutable(file: string, options: { cwd?: string; path?: string } = {}): string | undefined {
  const isFile = (candidate: string): boolean => {
    try {
      if (!statSync(candidate).isFile()) return false;
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (file.includes('/')) {
    const full = isAbsolute(file) ? file : resolve(options.cwd ?? process.cwd(), file);
    return isFile(full) ? full : undefined;
  }
  for (const dir of (options.path ?? process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(isAbsolute(dir) ? dir : resolve(options.cwd ?? process.cwd(), dir), file);
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

function lastLines(text: string, count: number): string {
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  return lines.slice(-count).join('\n');
}

/** Splits a byte stream into lines, holding the unfinished one until more arrives or the end. */
function lineSplitter(emit: (line: string) => void): { push(chunk: string): void; end(): void } {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) emit(line);
    },
    end() {
      if (pending !== '') emit(pending);
      pending = '';
    },
  };
}

/** Sends a signal to the child's whole process group (it leads one: `detached`). */
function killTree(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

export async function exec(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const scrub = options.scrub ?? ((t: string) => t);
  const display = formatCommand(file, args, scrub);
  const label = options.label ?? file.split('/').pop() ?? file;
  const keep = options.keep ?? true;
  const maxKeep = options.maxKeep ?? 16 * 1024 * 1024;
  const tailCount = options.tailLines ?? 20;
  if (options.signal?.aborted) throw cancellation(options.signal);

  const started = performance.now();
  // Its own process group, so a timeout or cancel stops the wrappers' children too (npx → node).
  const child = spawn(file, [...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  if (options.input !== undefined) child.stdin?.end(options.input);

  let stdout = '';
  let stderr = '';
  const outLines = lineSplitter((line) => options.onLine?.(line, 'stdout'));
  const errLines = lineSplitter((line) => options.onLine?.(line, 'stderr'));
  child.stdout?.on('data', (chunk: Buffer) => {
    options.onStdout?.(chunk);
    if (!keep && !options.onLine) return;
    const text = chunk.toString('utf8');
    if (keep && stdout.length < maxKeep) stdout += text;
    outLines.push(text);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (stderr.length < maxKeep) stderr += text;
    errLines.push(text);
  });

  let timedOut = false;
  let aborted = false;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (): void => {
    killTree(child.pid, 'SIGTERM');
    killTimer ??= setTimeout(() => killTree(child.pid, 'SIGKILL'), options.killGrace ?? 5000);
  };
  const timer =
    options.timeout === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          stop();
        }, options.timeout);
  const onAbort = (): void => {
    aborted = true;
    stop();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: NodeJS.ErrnoException }>(
    (done) => {
      child.once('error', (error: NodeJS.ErrnoException) => done({ code: null, signal: null, error }));
      child.once('close', (code, signal) => done({ code, signal }));
    },
  );
  clearTimeout(timer);
  clearTimeout(killTimer);
  options.signal?.removeEventListener('abort', onAbort);
  outLines.end();
  errLines.end();
  // A timeout or cancel stopped the leader; make sure nothing of its group outlives us.
  if (timedOut || aborted) killTree(child.pid, 'SIGKILL');
  const durationMs = performance.now() - started;

  if (outcome.error) {
    const code = outcome.error.code;
    if (code === 'ENOENT') {
      throw new UserError(`${label}: the program '${file}' was not found${file.includes('/') ? '' : ' on PATH'}.`, {
        hint: `Install it in an earlier step, or check the working directory (${options.cwd ?? process.cwd()}).`,
        cause: outcome.error,
      });
    }
    if (code === 'EACCES') {
      throw new UserError(`${label}: '${file}' is not executable.`, { hint: 'Make it executable (chmod +x).' });
    }
    throw new UserError(`${label}: could not start ${display}: ${outcome.error.message}`, { cause: outcome.error });
  }
  if (aborted && options.signal) throw cancellation(options.signal);

  const exitCode = outcome.code ?? 128;
  const ok = options.okExitCodes === 'any' || (options.okExitCodes ?? [0]).includes(exitCode);
  if (!timedOut && ok && outcome.signal === null) return { exitCode, stdout, stderr, durationMs, display };

  const tail = scrub(lastLines(stderr.trim() !== '' ? stderr : stdout, tailCount));
  const how = timedOut
    ? `did not finish within ${formatDuration(options.timeout ?? 0)} and was stopped`
    : outcome.signal
      ? `was killed by ${outcome.signal}`
      : `failed with exit code ${exitCode}`;
  throw new ExecError({
    message: `${label} ${how}: ${display}${tail ? `\n${tail}` : ''}`,
    exitCode: outcome.code,
    signal: outcome.signal,
    timedOut,
    stdout,
    stderr,
    tail,
  });
}
