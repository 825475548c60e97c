/**
 * `npm run sandbox`: starts the whole sandbox world on 127.0.0.1 and prints its URLs, tokens
 * and what runs an action by hand the way the runner does: the `GITHUB_*` context and runner
 * files as `export` lines to paste once, then per action a ready-to-paste
 * `env INPUT_… node dist/<name>/index.js`. Input variables keep their hyphens
 * (`INPUT_WEBHOOK-URL`), which no shell can `export`: that is why they go through `env`. Stays up until Ctrl-C (or SIGTERM), then closes everything.
 *
 * `--json` prints the same description as one JSON line instead, for scripts and tests.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputVariable } from '../packages/core/src/inputs.ts';
import { type Sandbox, startSandbox } from '../packages/sandbox/src/index.ts';
import { actionNamed } from './actions.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface SandboxDescription {
  services: Array<{ name: string; url: string; note: string }>;
  tokens: Record<string, string>;
  /** The runner's context for a hand run: `GITHUB_*` variables and the files a step writes. */
  context: Record<string, string>;
  /** Per action, the inputs that point it at this world. */
  inputs: Record<string, Record<string, string>>;
}

/** The runner files a step writes, in a fresh folder; returns the `GITHUB_*` variables naming them. */
export function runnerFiles(dir: string): Record<string, string> {
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify({ head_commit: { message: 'Try the suite by hand' } }));
  mkdirSync(join(dir, 'workspace'), { recursive: true });
  mkdirSync(join(dir, 'runner-temp'), { recursive: true });
  return { ...files, GITHUB_WORKSPACE: join(dir, 'workspace'), RUNNER_TEMP: join(dir, 'runner-temp') };
}

/** A small site to deploy by hand: its `sandbox.json` says which version the release serves. */
function sampleSite(dir: string): string {
  const site = join(dir, 'site');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'sandbox.json'), JSON.stringify({ version: '1.0.0', build: 'ok', runtime: 'ok' }, null, 2));
  writeFileSync(join(site, 'index.html'), '<h1>Hello from the sandbox</h1>\n');
  return site;
}

/** Everything a person needs to point the actions at this world. Seeds a Vercel project `web`. */
export function describeSandbox(sandbox: Sandbox, runDir: string): SandboxDescription {
  const { slack, app, github, railway, vercel } = sandbox;
  const [web] = vercel.emulator.seed({ projects: [{ name: 'web' }] }).projects;
  const site = sampleSite(runDir);
  const environments = Object.entries(railway.environments)
    .map(([name, id]) => `${name}=${id}`)
    .join(' ');
  const services = [
    { name: 'Slack webhook', url: slack.webhookUrl, note: 'incoming webhook (notify: webhook-url)' },
    { name: 'Sample app', url: app.url, note: 'GET /health, /version, /up, /api/health/detailed/, /api/v1' },
    { name: 'GitHub API', url: github.url, note: `GITHUB_API_URL, repository ${github.repository}` },
    {
      name: 'Railway API',
      url: railway.url,
      note: `GraphQL at ${railway.graphqlUrl}; project ${railway.projectId}; environments ${environments}; services ${Object.keys(railway.services).join(', ')}`,
    },
    { name: 'Vercel API', url: vercel.url, note: `project web (${web?.id ?? 'not seeded'})` },
  ];
  const projectTokens = Object.fromEntries(
    Object.entries(railway.projectTokens).map(([environment, token]) => [`RAILWAY_PROJECT_TOKEN (${environment})`, token]),
  );
  return {
    services,
    tokens: { GITHUB_TOKEN: github.token, RAILWAY_TOKEN: railway.accountToken, ...projectTokens, VERCEL_TOKEN: vercel.token },
    context: {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: github.repository,
      GITHUB_SHA: '3f7c2a9d1e8b4c6f0a5d2e9b7c1f4a8e6d3b0c2a',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_RUN_ID: '1',
      GITHUB_ACTOR: 'octocat',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: github.token,
      ...runnerFiles(runDir),
    },
    inputs: {
      'health-gate': { url: `${app.url}/health`, timeout: '30s' },
      'smoke-test': {
        'base-url': app.url,
        checks: '- name: health\n  url: /health\n  expect:\n    status: 200\n- name: home\n  url: /\n',
      },
      notify: { 'webhook-url': slack.webhookUrl, status: 'success', environment: 'sandbox', url: app.url },
      'deploy-railway': {
        token: railway.projectTokens.production ?? railway.projectToken,
        'api-url': railway.url,
        services: 'api',
        path: site,
        timeout: '2m',
      },
      'deploy-vercel': {
        token: vercel.token,
        'api-url': vercel.url,
        'project-id': web?.id ?? 'web',
        path: site,
        production: 'true',
      },
    },
  };
}

/** A shell word: single-quoted unless it is plainly safe. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The runner's context as `export` lines, pasted once into a shell (these names have no hyphens). */
export function exportBlock(description: SandboxDescription): string {
  return Object.entries(description.context)
    .map(([name, value]) => `export ${name}=${shellWord(value)}`)
    .join('\n');
}

/** `env INPUT_…=value … node dist/<action>/index.js`, one input a line. */
export function envCommand(action: string, description: SandboxDescription, node: string): string {
  actionNamed(action);
  const lines = Object.entries(description.inputs[action] ?? {}).map(
    ([input, value]) => `  ${shellWord(`${inputVariable(input)}=${value}`)} \\`,
  );
  return ['env \\', ...lines, `  ${shellWord(node)} ${shellWord(join(ROOT, 'dist', action, 'index.js'))}`].join('\n');
}

function printHuman(description: SandboxDescription): void {
  const width = Math.max(...description.services.map((s) => s.name.length));
  console.log('Deploy suite sandbox: every emulator on 127.0.0.1, up until Ctrl-C.\n');
  for (const s of description.services) console.log(`  ${s.name.padEnd(width)}  ${s.url}\n  ${' '.repeat(width)}  ${s.note}`);
  console.log('\nTokens:');
  for (const [name, value] of Object.entries(description.tokens)) console.log(`  ${name}=${value}`);
  console.log(
    '\nEvery emulator shows its state at GET <url>/__sandbox/state and takes faults at POST <url>/__sandbox/faults\n' +
      '(e.g. {"kind":"5xx","count":2}); the GitHub one takes POST /__sandbox/permissions {"deployments":"read"}.',
  );
  console.log("\nRun an action by hand (bundles from `npm run bundle`). First, once in your shell, the runner's context");
  console.log(`(outputs and the summary land in ${dirname(description.context.GITHUB_OUTPUT ?? '')}):\n`);
  console.log(exportBlock(description));
  console.log('\nThen any of:');
  for (const action of Object.keys(description.inputs)) {
    console.log(`\n# ${action}`);
    console.log(envCommand(action, description, process.execPath));
  }
  console.log('\nReady.');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runDir = mkdtempSync(join(tmpdir(), 'deploy-suite-sandbox-'));
  const sandbox = await startSandbox();
  const description = describeSandbox(sandbox, runDir);
  if (process.argv.includes('--json')) console.log(JSON.stringify(description));
  else printHuman(description);

  // A closed pipe (`npm run sandbox | head`) must not turn the goodbye line into a crash.
  process.stdout.on('error', () => {});
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing the sandbox.`);
    await sandbox.close();
    rmSync(runDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
