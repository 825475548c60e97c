/**
 * Runs a reusable workflow (`on: workflow_call`) the way GitHub would, for tests: GitHub's
 * parser loads it, GitHub's evaluator computes every `if:`, `with:`, `env:` and output, jobs run
 * in `needs` order (one at a time), each step that uses one of our actions runs its bundle, and
 * `run:` steps run through bash. Anything it cannot run as GitHub would (a matrix, a container,
 * an action it has no handler for, an unknown input) is a TemplateError, never a silent skip.
 *
 *     const run = await runTemplate('.github/workflows/railway.yml', {
 *       inputs: { environment: 'production' }, secrets: { SLACK_WEBHOOK_URL: sandbox.slack.webhookUrl } });
 *     run.conclusion; run.outputs; run.jobs.deploy.steps.find((s) => s.id === 'gate')?.outputs;
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { WorkflowJob } from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { DEFAULT_CONTEXT, DEFAULT_EVENT, ROOT } from '../../packages/harness/src/run-bundle.ts';
import { asString, type Contexts, evaluateStrings, evaluateToken, isTrue, type Status, TemplateError } from './expressions.ts';
import { type ExternalAction, runAction, runScript, type StepContext, type StepOutcome } from './steps.ts';
import { type LoadedWorkflow, loadWorkflow } from './workflow.ts';

export { TemplateError } from './expressions.ts';
export type { ExternalAction } from './steps.ts';

export type Result = 'success' | 'failure' | 'skipped';

export interface StepRun extends Partial<StepOutcome> {
  id: string;
  name: string | undefined;
  uses: string | undefined;
  /** `with:` as evaluated (action steps). */
  inputs: Record<string, string>;
  outcome: Result;
  conclusion: Result;
  outputs: Record<string, string>;
}

export interface JobRun {
  id: string;
  result: Result;
  outputs: Record<string, string>;
  steps: StepRun[];
  /** `environment:` as evaluated after the steps (name and url). */
  environment: { name: string; url: string } | undefined;
  /** A job that called a nested template: that run. */
  called?: TemplateRun;
}

export interface TemplateRun {
  conclusion: 'success' | 'failure';
  outputs: Record<string, string>;
  jobs: Record<string, JobRun>;
  /** Jobs in the order they ran. */
  order: string[];
}

export interface RunTemplateOptions {
  inputs?: Record<string, string | number | boolean>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** Fields of the `github` context (and the matching GITHUB_* variables): `event_name`, `ref`, `event`… */
  github?: Record<string, unknown>;
  /** Variables every step gets (the runner's), below the workflow's own `env:`. */
  env?: Record<string, string>;
  /** Handlers for actions that are not ours, by `owner/repo[/path]` without the ref. */
  actions?: Record<string, ExternalAction>;
  /** The repository `$/` resolves in. Default: this project. */
  repositoryRoot?: string;
  /** The job's working directory. Default: a fresh folder per run, removed when the run ends. */
  workspace?: string;
  /** Per step, unless it sets `timeout-minutes`. Default 120 s. */
  stepTimeoutMs?: number;
  onStep?: (job: string, step: StepRun) => void;
}

const GITHUB_VARIABLES: Record<string, string> = {
  repository: 'GITHUB_REPOSITORY',
  repository_owner: 'GITHUB_REPOSITORY_OWNER',
  sha: 'GITHUB_SHA',
  ref: 'GITHUB_REF',
  ref_name: 'GITHUB_REF_NAME',
  run_id: 'GITHUB_RUN_ID',
  run_number: 'GITHUB_RUN_NUMBER',
  run_attempt: 'GITHUB_RUN_ATTEMPT',
  actor: 'GITHUB_ACTOR',
  triggering_actor: 'GITHUB_TRIGGERING_ACTOR',
  workflow: 'GITHUB_WORKFLOW',
  event_name: 'GITHUB_EVENT_NAME',
  server_url: 'GITHUB_SERVER_URL',
  api_url: 'GITHUB_API_URL',
};

function githubContext(overrides: Record<string, unknown>): Record<string, unknown> {
  const base: Record<string, unknown> = { event: DEFAULT_EVENT };
  for (const [field, variable] of Object.entries(GITHUB_VARIABLES)) base[field] = DEFAULT_CONTEXT[variable];
  return { ...base, ...overrides };
}

function githubEnvironment(github: Record<string, unknown>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [field, variable] of Object.entries(GITHUB_VARIABLES))
    if (github[field] !== undefined) env[variable] = String(github[field]);
  return env;
}

function callInputs(workflow: LoadedWorkflow, given: RunTemplateOptions['inputs'], contexts: Contexts): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const name of Object.keys(given ?? {}))
    if (!(name in workflow.inputs)) throw new TemplateError(`${workflow.path} has no input '${name}'`);
  for (const [name, spec] of Object.entries(workflow.inputs)) {
    let value: unknown = given?.[name];
    if (value === undefined) {
      if (spec.required) throw new TemplateError(`${workflow.path}: input '${name}' is required`);
      const fallback = spec.default;
      value =
        fallback === undefined
          ? undefined
          : typeof fallback === 'object'
            ? evaluateToken(fallback, contexts, ALWAYS, `input ${name}`)
            : fallback;
    }
    if (value === undefined) value = spec.type === 'boolean' ? false : spec.type === 'number' ? 0 : '';
    if (spec.type === 'boolean' && typeof value !== 'boolean') {
      if (value !== 'true' && value !== 'false')
        throw new TemplateError(`input '${name}' is a boolean; got ${JSON.stringify(value)}`);
      value = value === 'true';
    }
    if (spec.type === 'number' && typeof value !== 'number') {
      if (!Number.isFinite(Number(value)) || value === '')
        throw new TemplateError(`input '${name}' is a number; got ${JSON.stringify(value)}`);
      value = Number(value);
    }
    inputs[name] = value;
  }
  return inputs;
}

function callSecrets(workflow: LoadedWorkflow, given: Record<string, string>): Record<string, string> {
  for (const name of Object.keys(given))
    if (!(name in workflow.secrets)) throw new TemplateError(`${workflow.path}: secret '${name}' is not defined in the workflow`);
  for (const [name, spec] of Object.entries(workflow.secrets))
    if (spec.required && !given[name]) throw new TemplateError(`${workflow.path}: secret '${name}' is required`);
  return { ...given };
}

const ALWAYS: Status = { success: true, failure: false, cancelled: false };

/** Jobs in an order where every job comes after its needs. */
function needsOrder(jobs: WorkflowJob[]): WorkflowJob[] {
  const done = new Set<string>();
  const order: WorkflowJob[] = [];
  let left = [...jobs];
  while (left.length > 0) {
    const ready = left.filter((j) => (j.needs ?? []).every((n) => done.has(n.value)));
    if (ready.length === 0) throw new TemplateError(`jobs ${left.map((j) => j.id.value).join(', ')} wait on each other`);
    for (const job of ready) {
      order.push(job);
      done.add(job.id.value);
    }
    left = left.filter((j) => !ready.includes(j));
  }
  return order;
}

function rawString(step: MappingToken, key: string, contexts: Contexts, status: Status, where: string): string | undefined {
  const token = step.find(key);
  return token === undefined ? undefined : asString(evaluateToken(token, contexts, status, `${where}.${key}`), `${where}.${key}`);
}

export async function runTemplate(path: string, options: RunTemplateOptions = {}): Promise<TemplateRun> {
  if (options.workspace === undefined) {
    // Nobody else knows this folder, so nobody else would remove it: it goes with the run, failed or not.
    const workspace = mkdtempSync(join(tmpdir(), 'template-workspace-'));
    try {
      return await runTemplate(path, { ...options, workspace });
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  }
  const repositoryRoot = resolve(ROOT, options.repositoryRoot ?? '.');
  const workflow = await loadWorkflow(resolve(repositoryRoot, path));
  const github = githubContext(options.github ?? {});
  const vars = options.vars ?? {};
  const secrets = callSecrets(workflow, options.secrets ?? {});
  const inputs = callInputs(workflow, options.inputs, { github, vars });
  const workspace = options.workspace;
  mkdirSync(workspace, { recursive: true });
  const top = { github, inputs, vars, secrets };
  const workflowEnv = evaluateStrings(workflow.template.env, top, ALWAYS, 'env');
  const runnerEnv = { ...githubEnvironment(github), ...options.env };

  const jobs: Record<string, JobRun> = {};
  const order: string[] = [];
  for (const job of needsOrder(workflow.template.jobs)) {
    const id = job.id.value;
    const needs = Object.fromEntries(
      (job.needs ?? []).map((n) => {
        const need = jobs[n.value];
        return [n.value, { result: need?.result, outputs: need?.outputs ?? {} }];
      }),
    );
    const needResults = Object.values(needs).map((n) => n.result);
    const status: Status = {
      success: needResults.every((r) => r === 'success'),
      failure: needResults.includes('failure'),
      cancelled: false,
    };
    order.push(id);
    if (!isTrue(job.if.expression, { ...top, needs }, status, `jobs.${id}.if`)) {
      jobs[id] = { id, result: 'skipped', outputs: {}, steps: [], environment: undefined };
      continue;
    }
    if (job.type === 'reusableWorkflowJob') {
      jobs[id] = await runCalledWorkflow(job, { ...top, needs }, options, repositoryRoot, workspace);
      continue;
    }
    for (const unsupported of ['strategy', 'container', 'services'] as const)
      if (job[unsupported] !== undefined)
        throw new TemplateError(`jobs.${id}: ${unsupported} is not supported by the template runner`);
    jobs[id] = await runJob(workflow, job, {
      contexts: { ...top, needs, env: workflowEnv },
      env: { ...runnerEnv, ...workflowEnv },
      options,
      workspace,
      secrets: Object.values(secrets).filter((s) => s !== ''),
    });
  }

  const jobsContext = Object.fromEntries(Object.entries(jobs).map(([id, j]) => [id, { result: j.result, outputs: j.outputs }]));
  const outputs: Record<string, string> = {};
  for (const [name, token] of Object.entries(workflow.outputs))
    outputs[name] = asString(evaluateToken(token, { ...top, jobs: jobsContext }, ALWAYS, `outputs.${name}`), `outputs.${name}`);
  const failed = Object.values(jobs).some((j) => j.result === 'failure');
  return { conclusion: failed ? 'failure' : 'success', outputs, jobs, order };
}

async function runCalledWorkflow(
  job: WorkflowJob & { type: 'reusableWorkflowJob' },
  contexts: Contexts,
  options: RunTemplateOptions,
  repositoryRoot: string,
  workspace: string,
): Promise<JobRun> {
  const id = job.id.value;
  const ref = job.ref.value;
  if (!ref.startsWith('$/') || ref.includes('@'))
    throw new TemplateError(
      `jobs.${id}: uses: ${ref}: the runner calls only this repository's templates, as $/.github/workflows/<file> (no @ref)`,
    );
  const given = evaluateToken(job['input-values'] ?? emptyMapping(), contexts, ALWAYS, `jobs.${id}.with`) as Record<
    string,
    string | number | boolean
  >;
  const secretValues = job['inherit-secrets']
    ? (contexts.secrets as Record<string, string>)
    : (evaluateStrings(job['secret-values'], contexts, ALWAYS, `jobs.${id}.secrets`) as Record<string, string>);
  const called = await runTemplate(ref.slice(2), {
    ...options,
    repositoryRoot,
    workspace,
    inputs: given ?? {},
    secrets: secretValues,
    onStep: (inner, step) => options.onStep?.(`${id}/${inner}`, step),
  });
  return { id, result: called.conclusion, outputs: called.outputs, steps: [], environment: undefined, called };
}

function emptyMapping(): TemplateToken {
  return { templateTokenType: 7 } as TemplateToken;
}

async function runJob(
  workflow: LoadedWorkflow,
  job: WorkflowJob & { type: 'job' },
  run: { contexts: Contexts; env: Record<string, string>; options: RunTemplateOptions; workspace: string; secrets: string[] },
): Promise<JobRun> {
  const id = job.id.value;
  const jobEnv = evaluateStrings(job.env, run.contexts, ALWAYS, `jobs.${id}.env`);
  const raw = workflow.rawSteps(id);
  const steps: StepRun[] = [];
  const stepsContext: Record<string, { outputs: Record<string, string>; outcome: Result; conclusion: Result }> = {};
  let exported: Record<string, string> = {};
  let jobStatus: 'success' | 'failure' = 'success';

  for (const [index, step] of job.steps.entries()) {
    const where = `jobs.${id}.steps[${index}]${step.id.startsWith('__') ? '' : ` (${step.id})`}`;
    const rawStep = raw[index];
    if (!rawStep || !('run' in step || 'uses' in step))
      throw new TemplateError(`${where}: only run: and uses: steps are supported`);
    const env = { ...(run.contexts.env as Record<string, string>), ...jobEnv, ...exported };
    const status: Status = { success: jobStatus === 'success', failure: jobStatus === 'failure', cancelled: false };
    const contexts: Contexts = {
      ...run.contexts,
      env,
      steps: stepsContext,
      job: { status: jobStatus },
      runner: { os: 'Linux', arch: 'X64' },
    };
    const name =
      step.name === undefined ? undefined : asString(evaluateToken(step.name, contexts, status, `${where}.name`), 'name');
    const uses = 'uses' in step ? step.uses.value : undefined;
    const record = (outcome: Result, conclusion: Result, extra: Partial<StepRun> = {}): void => {
      const done: StepRun = { id: step.id, name, uses, inputs: {}, outcome, conclusion, outputs: {}, ...extra };
      steps.push(done);
      stepsContext[step.id] = { outputs: done.outputs, outcome, conclusion };
      run.options.onStep?.(id, done);
    };

    if (!isTrue(step.if.expression, contexts, status, `${where}.if`)) {
      record('skipped', 'skipped');
      continue;
    }
    const stepEnv = evaluateStrings(step.env, contexts, status, `${where}.env`);
    const minutes = rawString(rawStep, 'timeout-minutes', contexts, status, where);
    const ctx: StepContext = {
      env: { ...run.env, GITHUB_JOB: id, ...jobEnv, ...exported, ...stepEnv },
      event: (run.contexts.github as { event?: object }).event ?? {},
      workspace: run.workspace,
      timeoutMs: minutes === undefined ? (run.options.stepTimeoutMs ?? 120_000) : Number(minutes) * 60_000,
      secrets: run.secrets,
      actions: run.options.actions ?? {},
    };
    let outcome: StepOutcome;
    let inputs: Record<string, string> = {};
    if (uses !== undefined) {
      inputs = evaluateStrings(rawStep.find('with'), { ...contexts, env: { ...env, ...stepEnv } }, status, `${where}.with`);
      outcome = await runAction(uses, inputs, ctx);
    } else if ('run' in step) {
      const script = asString(evaluateToken(step.run, contexts, status, `${where}.run`), `${where}.run`);
      outcome = await runScript(
        script,
        {
          shell: rawString(rawStep, 'shell', contexts, status, where),
          workingDirectory: rawString(rawStep, 'working-directory', contexts, status, where),
        },
        ctx,
      );
    } else {
      throw new TemplateError(`${where}: only run: and uses: steps are supported`);
    }
    exported = { ...exported, ...outcome.exportedEnv };
    const continueOnError = step['continue-on-error'];
    const tolerated =
      continueOnError === true ||
      (typeof continueOnError === 'object' &&
        evaluateToken(continueOnError, contexts, status, `${where}.continue-on-error`) === true);
    const result: Result = outcome.ok ? 'success' : 'failure';
    record(result, result === 'failure' && tolerated ? 'success' : result, { ...outcome, inputs });
    if (result === 'failure' && !tolerated) jobStatus = 'failure';
  }

  const after: Contexts = {
    ...run.contexts,
    env: { ...(run.contexts.env as Record<string, string>), ...jobEnv },
    steps: stepsContext,
    job: { status: jobStatus },
  };
  const outputs = evaluateStrings(job.outputs, after, ALWAYS, `jobs.${id}.outputs`);
  let environment: JobRun['environment'];
  if (job.environment !== undefined) {
    const value = evaluateToken(job.environment, after, ALWAYS, `jobs.${id}.environment`);
    environment =
      typeof value === 'string'
        ? { name: value, url: '' }
        : {
            name: asString((value as Record<string, unknown>).name, 'environment.name'),
            url: asString((value as Record<string, unknown>).url, 'environment.url'),
          };
  }
  return { id, result: jobStatus, outputs, steps, environment };
}
