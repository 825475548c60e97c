/**
 * The seed scenarios as the pipeline tests check them and the demo prints them: the workflow
 * templates of .github/workflows run by the template runner (GitHub's parser and evaluator, our
 * committed bundles as the steps) against one sandbox world: the Railway, Vercel, GitHub and Slack
 * emulators, the edge that answers for the deployments' public hostnames, and a throwaway
 * PostgreSQL cluster where a scenario migrates.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { type RunTemplateOptions, runTemplate, type StepRun, type TemplateRun } from '../../../test/templates/runner.ts';
import { SANDBOX_REPOSITORY, type Sandbox, startSandbox } from '../../sandbox/src/index.ts';
import { type Edge, startEdge } from './edge.ts';
import type { PgCluster } from './postgres.ts';
import { startPostgres } from './postgres.ts';

/** The Vercel project of the seeds' frontend, and the production domain the edge answers for. */
export const FRONTEND = { team: 'team_acme', projectId: 'prj_web', name: 'web', domain: 'shop.example.com' } as const;
export const FRONTEND_URL = `https://${FRONTEND.domain}`;

export interface World {
  sandbox: Sandbox;
  edge: Edge;
  /** Present when the scenario asked for a database. */
  pg: PgCluster | undefined;
  /** The database role's password: a secret no step may print. */
  password: string;
  onStep?: (job: string, step: StepRun) => void;
  close(): Promise<void>;
}

export interface WorldOptions {
  postgres?: boolean;
  onStep?: (job: string, step: StepRun) => void;
}

/** The sandbox with the seeds' projects, quick emulated builds, and (when asked) PostgreSQL with a `shop` database. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const sandbox = await startSandbox();
  let edge: Edge | undefined;
  let pg: PgCluster | undefined;
  try {
    edge = await startEdge(sandbox);
    sandbox.railway.emulator.control('timing', { step: 40 });
    sandbox.vercel.emulator.control('timing', { buildMs: 200, queuedMs: 20, aliasMs: 20, aliasJobMs: 50 });
    sandbox.vercel.emulator.seed({
      teams: [{ id: FRONTEND.team }],
      projects: [{ id: FRONTEND.projectId, name: FRONTEND.name, teamId: FRONTEND.team, domains: [FRONTEND.domain] }],
    });
    sandbox.slack.emulator.control('rate-limit', { perSecond: 100, burst: 100 });
    const password = `pw-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    if (options.postgres) {
      pg = await startPostgres();
      pg.createDatabase('shop', { user: 'shop', password });
    }
    const started = edge;
    return {
      sandbox,
      edge,
      pg,
      password,
      onStep: options.onStep,
      close: async () => {
        await pg?.stop();
        await started.close();
        await sandbox.close();
      },
    };
  } catch (error) {
    await pg?.stop();
    await edge?.close();
    await sandbox.close();
    throw error;
  }
}

/** A repository checkout: files by path. */
export type Repository = Record<string, string>;

export function writeRepository(files: Repository): string {
  const root = mkdtempSync(join(tmpdir(), 'seed-repository-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The seeds' app trees: what the emulated build reads (`sandbox.json`) and a little source. */
export function appTree(version: string, runtime: 'ok' | 'unhealthy' | 'crash' = 'ok', extra: object = {}): Repository {
  return {
    'sandbox.json': `${JSON.stringify({ version, runtime, buildSeconds: 0.3, ...extra })}\n`,
    'server.js': `// version ${version}\n`,
  };
}

export interface PipelineRun {
  run: TemplateRun;
  /** Every step in the order it ran, with its job (`backend/deploy` for a nested template's job). */
  steps: Array<{ job: string; step: StepRun }>;
}

/** Runs a template with actions/checkout giving `repository`, every step going through the edge. */
export async function runPipeline(
  world: World,
  template: string,
  repository: Repository,
  options: Pick<RunTemplateOptions, 'inputs' | 'secrets' | 'github' | 'vars' | 'env'>,
): Promise<PipelineRun> {
  const checkout = writeRepository(repository);
  const steps: PipelineRun['steps'] = [];
  // The checkout is only the source actions/checkout copies from: it goes when the run ends.
  const run = await runTemplate(template, {
    ...options,
    github: {
      repository: SANDBOX_REPOSITORY,
      api_url: world.sandbox.github.url,
      token: world.sandbox.github.token,
      ...options.github,
    },
    env: { ...world.edge.env, ...options.env },
    stepTimeoutMs: 120_000,
    actions: {
      'actions/checkout': async (step) => {
        // A checkout is a git work tree: validate's secret scan reads the tracked files.
        cpSync(checkout, step.workspace, { recursive: true });
        execFileSync('git', ['init', '-q'], { cwd: step.workspace });
        execFileSync('git', ['add', '-A'], { cwd: step.workspace });
        return { ok: true };
      },
    },
    onStep: (job, step) => {
      steps.push({ job, step });
      world.onStep?.(job, step);
    },
  }).finally(() => rmSync(checkout, { recursive: true, force: true }));
  return { run, steps };
}

/** A fixture folder as repository files under `prefix` (e.g. the Django project under `backend/`). */
export function fixtureFiles(dir: string, prefix: string, skip: (path: string) => boolean = () => false): Repository {
  const files: Repository = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (!skip(path)) files[`${prefix}${path}`] = readFileSync(join(dir, path), 'utf8');
  }
  return files;
}

/** The full-stack seed's repository: an Express-style API (`api/`) and a Next.js-style frontend (`web/`). */
export function fullStackRepository(version: string, apiRuntime: 'ok' | 'unhealthy' = 'ok'): Repository {
  const repository: Repository = {};
  for (const [path, content] of Object.entries(appTree(version, apiRuntime))) repository[`api/${path}`] = content;
  for (const [path, content] of Object.entries(appTree(version))) repository[`web/${path}`] = content;
  return repository;
}

/** Seed 1: the API on Railway, then the frontend on Vercel (staged, gated, promoted), then smoke tests across both. */
export function fullStackRelease(world: World, version: string, apiRuntime: 'ok' | 'unhealthy' = 'ok'): Promise<PipelineRun> {
  const { sandbox } = world;
  return runPipeline(world, '.github/workflows/fullstack.yml', fullStackRepository(version, apiRuntime), {
    inputs: {
      'backend-services': 'api',
      'backend-path': 'api',
      'railway-api-url': sandbox.railway.url,
      'expect-version': version,
      'health-timeout': '8s',
      'health-interval': '500ms',
      'frontend-project-id': FRONTEND.projectId,
      'frontend-team-id': FRONTEND.team,
      'frontend-path': 'web',
      'vercel-api-url': sandbox.vercel.url,
      'frontend-url': FRONTEND_URL,
      'frontend-health-path': '/health',
      'api-smoke-checks': [
        '- { name: API health, url: /health, expect: { status: 200 } }',
        '- { name: API v1, url: /api/v1, expect: { status: 200 } }',
      ].join('\n'),
    },
    secrets: {
      RAILWAY_TOKEN: sandbox.railway.projectToken,
      VERCEL_TOKEN: sandbox.vercel.token,
      SLACK_WEBHOOK_URL: sandbox.slack.webhookUrl,
    },
    github: { event: { repository: { default_branch: 'main' }, head_commit: { id: version, message: `Release ${version}` } } },
  });
}

/** What the world serves now: the API's Railway service and the frontend's production domain. */
export async function served(world: World, service = 'api'): Promise<{ api: string; frontend: string | undefined }> {
  const { sandbox } = world;
  const api = await sandbox.fleet.app(`railway:${sandbox.railway.services[service]}:${sandbox.railway.environmentId}`);
  const frontendLive = sandbox.fleet.liveRelease(`vercel:${FRONTEND.projectId}`);
  return { api: api.emulator.servedVersion(), frontend: frontendLive?.version };
}

/** The failed steps of a run and their errors, one a line: the message of a failed expectation. */
export function failures(pipeline: PipelineRun): string {
  return pipeline.steps
    .filter(({ step }) => step.outcome === 'failure')
    .map(({ job, step }) => `${job} › ${step.id}: ${(step.errors ?? []).join(' | ') || (step.stdout ?? '').slice(-400)}`)
    .join('\n');
}
