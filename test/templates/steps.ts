/**
 * How one step runs once its `if:`, `with:` and `env:` are evaluated:
 * - `uses: $/actions/<name>`: the suite's own action, its bundle run as the runner runs it
 *   (packages/harness/src/run-bundle.ts): `INPUT_*` from `with:`, the step's environment, the runner files;
 * - `uses:` of another action: only through a handler the test supplies (what `actions/checkout`
 *   means here is the test's decision), else a loud failure;
 * - `run:`: the script through bash as GitHub runs it (`shell: bash` is
 *   `bash --noprofile --norc -eo pipefail {0}`, no shell is `bash -e {0}`, `sh` is `sh -e {0}`),
 *   argument arrays only, with the step's environment and fresh GITHUB_OUTPUT/GITHUB_ENV files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exec } from '../../packages/core/src/exec.ts';
import { parseKeyValueFile } from '../../packages/core/src/runner.ts';
import { type BundleRun, parseAnnotations, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { actionNamed } from '../../scripts/actions.ts';
import { TemplateError } from './expressions.ts';

export interface StepOutcome {
  ok: boolean;
  outputs: Record<string, string>;
  /** Variables the step wrote to GITHUB_ENV, for the steps after it. */
  exportedEnv: Record<string, string>;
  stdout: string;
  stderr: string;
  errors: string[];
  /** The bundle's whole run, for a step that ran one of our actions. */
  bundle?: BundleRun;
}

export interface ExternalStep {
  uses: string;
  inputs: Record<string, string>;
  env: Record<string, string>;
  workspace: string;
}

/** What a test says an action that is not ours does here (e.g. `actions/checkout` copies a fixture). */
export type ExternalAction = (step: ExternalStep) => Promise<{ ok: boolean; outputs?: Record<string, string> }>;

export interface StepContext {
  env: Record<string, string>;
  /** The event payload (`github.event`), written to GITHUB_EVENT_PATH. */
  event: object;
  workspace: string;
  timeoutMs: number;
  /** Secret values: a bundle that prints one fails the run. */
  secrets: string[];
  actions: Record<string, ExternalAction>;
}

/** The suite's action a `uses:` names, or undefined when it names someone else's. */
export function ownAction(uses: string): string | undefined {
  if (uses.startsWith('./')) {
    throw new TemplateError(
      `uses: ${uses} resolves against the caller's checkout, not this repository; a template uses $/actions/<name>`,
    );
  }
  if (!uses.startsWith('$/')) return undefined;
  if (uses.includes('@'))
    throw new TemplateError(`uses: ${uses}: a $/ reference runs the template's own commit and takes no @ref`);
  const match = /^\$\/actions\/([a-z0-9-]+)$/.exec(uses);
  if (!match?.[1]) throw new TemplateError(`uses: ${uses} is not $/actions/<name>`);
  return match[1];
}

export async function runAction(uses: string, inputs: Record<string, string>, ctx: StepContext): Promise<StepOutcome> {
  const name = ownAction(uses);
  if (name === undefined) {
    const key = uses.replace(/@[^@]*$/, '');
    const handler = ctx.actions[key];
    if (!handler)
      throw new TemplateError(
        `cannot run uses: ${uses}: not one of the suite's actions, and the test gave no handler for ${key}`,
      );
    const result = await handler({ uses, inputs, env: ctx.env, workspace: ctx.workspace });
    return { ok: result.ok, outputs: result.outputs ?? {}, exportedEnv: {}, stdout: '', stderr: '', errors: [] };
  }
  const manifest = actionNamed(name);
  const unknown = Object.keys(inputs).filter((input) => !(input in manifest.inputs));
  if (unknown.length > 0) throw new TemplateError(`uses: ${uses} has no input ${unknown.map((u) => `'${u}'`).join(', ')}`);
  const run = await runBundle(name, {
    inputs,
    env: ctx.env,
    event: ctx.event,
    secrets: ctx.secrets,
    cwd: ctx.workspace,
    timeoutMs: ctx.timeoutMs,
  });
  if (run.leaks.length > 0) throw new TemplateError(`uses: ${uses} printed a secret (${run.leaks.length} value(s))`);
  if (run.timedOut) throw new TemplateError(`uses: ${uses} did not finish within ${ctx.timeoutMs} ms`);
  return {
    ok: run.exitCode === 0,
    outputs: run.outputs,
    exportedEnv: run.exportedEnv,
    stdout: run.stdout,
    stderr: run.stderr,
    errors: run.errors,
    bundle: run,
  };
}

function shellCommand(shell: string | undefined, script: string): [string, string[]] {
  if (shell === undefined) return ['bash', ['-e', script]];
  if (shell === 'bash') return ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', script]];
  if (shell === 'sh') return ['sh', ['-e', script]];
  throw new TemplateError(`shell: ${shell} is not supported here (bash or sh)`);
}

export async function runScript(
  script: string,
  options: { shell: string | undefined; workingDirectory: string | undefined },
  ctx: StepContext,
): Promise<StepOutcome> {
  const temp = mkdtempSync(join(tmpdir(), 'template-run-'));
  const files = {
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_ENV: join(temp, 'env'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    GITHUB_PATH: join(temp, 'path'),
    GITHUB_EVENT_PATH: join(temp, 'event.json'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(ctx.event));
  const scriptFile = join(temp, 'script.sh');
  writeFileSync(scriptFile, script);
  const base: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR', 'USER'])
    if (process.env[key] !== undefined) base[key] = process.env[key];
  try {
    const [file, args] = shellCommand(options.shell, scriptFile);
    const result = await exec(file, args, {
      cwd: options.workingDirectory ? resolve(ctx.workspace, options.workingDirectory) : ctx.workspace,
      env: { ...base, ...ctx.env, ...files, GITHUB_WORKSPACE: ctx.workspace },
      timeout: ctx.timeoutMs,
      okExitCodes: 'any',
      label: 'run step',
    });
    const leaked = ctx.secrets.filter((secret) => `${result.stdout}${result.stderr}`.includes(secret));
    if (leaked.length > 0) throw new TemplateError(`a run: step printed a secret (${leaked.length} value(s))`);
    return {
      ok: result.exitCode === 0,
      outputs: parseKeyValueFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      exportedEnv: parseKeyValueFile(readFileSync(files.GITHUB_ENV, 'utf8')),
      stdout: result.stdout,
      stderr: result.stderr,
      errors: parseAnnotations(result.stdout)
        .filter((a) => a.kind === 'error')
        .map((a) => a.message),
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
