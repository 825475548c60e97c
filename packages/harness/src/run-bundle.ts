/**
 * Runs a bundle exactly as the runner does: a child process on Node 24, `INPUT_*` variables
 * from the manifest's defaults plus the test's inputs, fresh GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * GITHUB_ENV, GITHUB_STATE and GITHUB_PATH files, the usual GITHUB_* context and an event file.
 * Returns the exit code, parsed outputs, the summary, annotations, and any secret that leaked.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionNamed } from '../../../scripts/actions.ts';
import { inputVariable } from '../../core/src/inputs.ts';
import { parseKeyValueFile } from '../../core/src/runner.ts';
import { findLeaks } from './canary.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Node 24, as GitHub runs `using: node24`: this process's node when it is 24, else the npm package's. */
export function node24(): string {
  if (process.versions.node.startsWith('24.')) return process.execPath;
  return join(ROOT, 'node_modules', 'node', 'bin', 'node');
}

export interface Annotation {
  kind: 'error' | 'warning' | 'notice' | 'debug';
  message: string;
  properties: Record<string, string>;
}

export interface BundleRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  exportedEnv: Record<string, string>;
  state: Record<string, string>;
  annotations: Annotation[];
  /** The `::error::` messages, unescaped. */
  errors: string[];
  warnings: string[];
  /**
   * Secrets (from `secrets`) found, in any form (raw, whitespace folded, HTML-escaped, URL-encoded,
   * JSON-escaped, base64), anywhere a user could read them: the log, the summary, outputs, env,
   * state and path files, and every file the step wrote (JUnit reports, files named by outputs).
   */
  leaks: string[];
  durationMs: number;
  timedOut: boolean;
}

export interface RunBundleOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Values that must never appear in stdout, stderr, the summary, outputs, env files or written files. */
  secrets?: string[];
  event?: object;
  cwd?: string;
  timeoutMs?: number;
  /** Sees each stdout line as it comes; may signal the child (cancellation tests). */
  onLine?: (line: string, child: ChildProcess) => void;
  /** Read bundles from another folder (the dist check's fresh build). */
  distDir?: string;
  debug?: boolean;
}

function unescapeCommand(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

export function parseAnnotations(stdout: string): Annotation[] {
  const found: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice|debug)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeCommand(pair.slice(eq + 1));
    }
    found.push({ kind: match[1] as Annotation['kind'], message: unescapeCommand(match[3] ?? ''), properties });
  }
  return found;
}

/** A JavaScript stack frame, raw or escaped into a workflow command. */
export function hasStackTrace(text: string): boolean {
  return /(^|\n|%0A)\s*at .+(:\d+:\d+\)?|\(node:)/.test(text) || /\bnode:internal\b/.test(text);
}

/** Text files a step may have written under a folder (reports, logs), bounded in count and size. */
function writtenFiles(root: string, found: Record<string, string>, budget = { files: 200 }): void {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (budget.files <= 0 || entry === 'node_modules' || entry === '.git') continue;
    const path = join(root, entry);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) writtenFiles(path, found, budget);
    else if (stat?.isFile() && stat.size <= 2 * 1024 * 1024) {
      budget.files--;
      found[path] = readIfExists(path);
    }
  }
}

function readIfExists(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export const DEFAULT_CONTEXT: Record<string, string> = {
  GITHUB_ACTIONS: 'true',
  CI: 'true',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_REPOSITORY_OWNER: 'acme',
  GITHUB_SHA: '3f7c2a9d1e8b4c6f0a5d2e9b7c1f4a8e6d3b0c2a',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_ACTOR: 'octocat',
  GITHUB_TRIGGERING_ACTOR: 'octocat',
  GITHUB_WORKFLOW: 'Deploy',
  GITHUB_JOB: 'deploy',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
};

export const DEFAULT_EVENT = {
  head_commit: { id: DEFAULT_CONTEXT.GITHUB_SHA, message: 'Ship the new checkout\n\nWith "quotes", {braces} and <!channel>.' },
};

export async function runBundle(name: string, options: RunBundleOptions = {}): Promise<BundleRun> {
  const manifest = actionNamed(name);
  // Checked before the temp folder exists, so a wrong input name leaves nothing behind.
  const inputs: Record<string, string> = {};
  for (const [input, spec] of Object.entries(manifest.inputs)) inputs[inputVariable(input)] = spec.default ?? '';
  for (const [input, value] of Object.entries(options.inputs ?? {})) {
    if (!(input in manifest.inputs)) throw new Error(`${name} has no input '${input}'`);
    inputs[inputVariable(input)] = value;
  }

  const temp = mkdtempSync(join(tmpdir(), `run-${name}-`));
  const files = {
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    GITHUB_ENV: join(temp, 'env'),
    GITHUB_STATE: join(temp, 'state'),
    GITHUB_PATH: join(temp, 'path'),
    GITHUB_EVENT_PATH: join(temp, 'event.json'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.event ?? DEFAULT_EVENT));
  const workspace = options.cwd ?? join(temp, 'workspace');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(join(temp, 'runner-temp'), { recursive: true });

  // Only what a runner gives a step: no inherited INPUT_*, no test-runner variables.
  const base: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR', 'USER']) {
    const value = process.env[key];
    if (value !== undefined) base[key] = value;
  }
  const env: Record<string, string> = {
    ...base,
    ...DEFAULT_CONTEXT,
    ...files,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(temp, 'runner-temp'),
    ...(options.debug ? { RUNNER_DEBUG: '1' } : {}),
    ...inputs,
    ...options.env,
  };

  const started = performance.now();
  const entry = join(options.distDir ?? join(ROOT, 'dist'), name, 'index.js');
  const child = spawn(node24(), [entry], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) options.onLine?.(line, child);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 60_000);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('close', (code, sig) => done([code, sig])),
  );
  clearTimeout(timer);

  const outputsText = readIfExists(files.GITHUB_OUTPUT);
  const summary = readIfExists(files.GITHUB_STEP_SUMMARY);
  const envText = readIfExists(files.GITHUB_ENV);
  const stateText = readIfExists(files.GITHUB_STATE);
  const outputs = parseKeyValueFile(outputsText);
  const written: Record<string, string> = {};
  if (options.secrets?.length) {
    writtenFiles(workspace, written);
    writtenFiles(join(temp, 'runner-temp'), written);
    // Files the step names in its outputs (a JUnit report, a backup) wherever they are.
    for (const value of Object.values(outputs)) {
      if (value.startsWith('/') && !value.includes('\n') && existsSync(value) && statSync(value).isFile()) {
        if (statSync(value).size <= 2 * 1024 * 1024) written[value] = readIfExists(value);
      }
    }
  }
  const pathText = readIfExists(files.GITHUB_PATH);
  rmSync(temp, { recursive: true, force: true });

  const annotations = parseAnnotations(stdout);
  // `::add-mask::` lines carry the secret to the runner, which never shows them: not a leak.
  const visibleStdout = stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  const leaks = findLeaks(
    {
      stdout: visibleStdout,
      stderr,
      summary,
      outputs: outputsText,
      'env file': envText,
      'state file': stateText,
      'path file': pathText,
      ...written,
    },
    options.secrets ?? [],
  );

  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs,
    summary,
    exportedEnv: parseKeyValueFile(envText),
    state: parseKeyValueFile(stateText),
    annotations,
    errors: annotations.filter((a) => a.kind === 'error').map((a) => a.message),
    warnings: annotations.filter((a) => a.kind === 'warning').map((a) => a.message),
    leaks,
    durationMs: performance.now() - started,
    timedOut,
  };
}

/** A clean failure: exit 1, exactly one `::error::`, no stack trace, a status output. */
export function cleanFailureProblems(run: BundleRun): string[] {
  const problems: string[] = [];
  if (run.timedOut) problems.push('the bundle was killed at the test timeout');
  if (run.exitCode !== 1) problems.push(`exit code ${run.exitCode}, expected 1`);
  if (run.errors.length !== 1)
    problems.push(`${run.errors.length} ::error:: lines, expected exactly 1: ${JSON.stringify(run.errors)}`);
  if (hasStackTrace(run.stdout) || hasStackTrace(run.stderr)) problems.push('a stack trace was printed');
  if (run.errors.some((e) => e.startsWith('Internal error'))) problems.push(`an internal error: ${run.errors.join(' | ')}`);
  if (!run.outputs.status) problems.push('no status output');
  else if (run.outputs.status !== 'failure' && run.outputs.status !== 'cancelled')
    problems.push(`status output '${run.outputs.status}' on a failure`);
  return problems;
}

/**
 * What is wrong with a failure's one error message: it must name a declared input (`Input 'x' …`,
 * every input it names declared), or else say what failed and why in words, with no sign of a
 * message built from nothing (`undefined`, `[object Object]`).
 */
export function errorMessageProblems(message: string, inputs: readonly string[]): string[] {
  const problems: string[] = [];
  const named = [...message.matchAll(/Input '([^']*)'/g)].map((m) => m[1] ?? '');
  for (const name of named) if (!inputs.includes(name)) problems.push(`names an input the action does not have: '${name}'`);
  // The values an error quotes (`got "NaN"`, `item "NaN"`, `'NaN': …`) are data, not the message's own words.
  const words = message.replace(/\b(got|item) "(?:[^"\\]|\\.)*"/g, '$1 ""').replace(/'[^'\n]*'/g, "''");
  if (/\bundefined\b|\[object Object\]|\bNaN\b/.test(words)) problems.push(`a message built from nothing: ${message}`);
  const first = message.split('\n')[0] ?? '';
  if (named.length === 0 && first.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length < 4)
    problems.push(`names neither an input nor a cause: ${JSON.stringify(first)}`);
  return problems;
}

/** Exit 0 with no error, or a clean failure; never a crash, a stack trace or a leak. */
export function outcomeProblems(run: BundleRun): string[] {
  const problems: string[] = [];
  if (run.leaks.length > 0) problems.push(`secret leaked: ${run.leaks.join('; ')}`);
  if (run.exitCode === 0) {
    if (run.errors.length > 0) problems.push(`exit 0 with ::error:: ${JSON.stringify(run.errors)}`);
    if (hasStackTrace(run.stdout) || hasStackTrace(run.stderr)) problems.push('a stack trace was printed');
    if (!run.outputs.status) problems.push('no status output');
    return problems;
  }
  return [...problems, ...cleanFailureProblems(run)];
}
