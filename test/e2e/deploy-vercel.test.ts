/** deploy-vercel's acceptance: dist/deploy-vercel/index.js run as the runner runs it, against the Vercel emulator. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { type BundleRun, cleanFailureProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { AppFleet } from '../../packages/sandbox/src/fleet.ts';
import { startVercelEmulator, type VercelSandbox } from '../../packages/sandbox/src/vercel/index.ts';
import { appTree, writeTree } from '../unit/vercel/world.ts';

let vercel: VercelSandbox;
let fleet: AppFleet;
const token = makeCanary('vercel-token');
const envSecret = makeCanary('db-password');

beforeAll(async () => {
  fleet = new AppFleet();
  vercel = await startVercelEmulator({ fleet });
});
afterAll(async () => {
  await vercel.close();
  await fleet.close();
});
beforeEach(() => {
  vercel.emulator.reset();
  vercel.faults.clear();
  vercel.emulator.control('timing', { buildMs: 100, queuedMs: 10, aliasMs: 10, aliasJobMs: 10 });
  vercel.emulator.seed({
    tokens: [token],
    teams: [{ id: 'team_acme', tokens: [token] }],
    projects: [{ id: 'prj_web', name: 'web', teamId: 'team_acme', domains: ['shop.example.com'] }],
  });
});

const deployVercel = (inputs: Record<string, string>, options: Parameters<typeof runBundle>[1] = {}) =>
  runBundle('deploy-vercel', {
    inputs: { token, 'api-url': vercel.url, 'team-id': 'team_acme', 'project-id': 'web', ...inputs },
    secrets: [token, envSecret],
    timeoutMs: 60_000,
    ...options,
  });

const production = () => fleet.app('vercel:prj_web');
const served = async () => (await production()).emulator.servedVersion();
const deploymentState = (id: string) => vercel.emulator.deployments.get(id)?.readyState;
const ok = (run: BundleRun) => {
  expect(run.exitCode, run.stdout).toBe(0);
  expect(run.leaks).toEqual([]);
};

describe('deploy-vercel', () => {
  it('with no inputs exits 1 with one error naming token and project-id, before any request', async () => {
    const run = await runBundle('deploy-vercel');
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/Input 'token' is required/);
    expect(run.errors[0]).toMatch(/Input 'project-id' is required/);
  });

  it('deploys a preview, with git metadata from the run, and sets every output', async () => {
    const run = await deployVercel({ path: appTree('1.0.0'), env: `DATABASE_PASSWORD=${envSecret}` });
    ok(run);
    const id = run.outputs['deployment-id'] ?? '';
    expect(run.outputs).toMatchObject({ 'ready-state': 'READY', status: 'success' });
    expect(run.outputs.url).toMatch(/^https:\/\/web-[a-z0-9]+\.vercel\.app$/);
    expect(run.outputs['inspector-url']).toContain(id.replace(/^dpl_/, ''));
    expect(JSON.parse(run.outputs.aliases ?? '')).toEqual([]);
    expect(run.outputs['previous-deployment-id']).toBeUndefined();
    const d = vercel.emulator.deployments.get(id);
    expect(d).toMatchObject({ target: null, env: ['DATABASE_PASSWORD'] });
    expect(d?.gitMetadata).toMatchObject({ commitSha: '3f7c2a9d1e8b4c6f0a5d2e9b7c1f4a8e6d3b0c2a', commitRef: 'main' });
    expect(d?.meta).toMatchObject({ githubCommitSha: '3f7c2a9d1e8b4c6f0a5d2e9b7c1f4a8e6d3b0c2a', githubRepo: 'shop' });
    expect(run.stdout).toMatch(/Hashed 4 files/);
    expect(run.summary).toContain('Vercel deployment: READY');
  });

  it('deploys to production with two aliases, records the previous production deployment, and the app serves it', async () => {
    const first = await deployVercel({ path: appTree('1.0.0'), production: 'true' });
    ok(first);
    expect(await served()).toBe('1.0.0');
    const run = await deployVercel({ path: appTree('2.0.0'), production: 'true', alias: 'www.shop.example\nbeta.shop.example' });
    ok(run);
    expect(run.outputs['previous-deployment-id']).toBe(first.outputs['deployment-id']);
    expect(JSON.parse(run.outputs.aliases ?? '')).toEqual([
      'web.vercel.app',
      'shop.example.com',
      'www.shop.example',
      'beta.shop.example',
    ]);
    expect(await served()).toBe('2.0.0');
    expect(vercel.emulator.projects.get('prj_web')?.productionDeploymentId).toBe(run.outputs['deployment-id']);
  });

  it('fails a broken build with its last log lines in the error and the summary', async () => {
    const tree = writeTree({ 'sandbox.json': '{"build":"fail","reason":"Type error in src/cart.ts"}', 'index.js': '1' });
    const run = await deployVercel({ path: tree });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/ended ERROR/);
    expect(run.errors[0]).toContain('Build failed: Type error in src/cart.ts');
    expect(run.outputs['ready-state']).toBe('ERROR');
    expect(run.summary).toContain('Build output (last');
    expect(run.summary).toContain('Cannot find module');
    // The build's lines reach the log only inside a stop-commands block.
    expect(run.stdout).toMatch(/::stop-commands::[0-9a-f-]+\n(?:.*\n)*?.*Build failed: Type error/);
  });

  it('waits out a 429 with Retry-After on a file upload and succeeds', async () => {
    vercel.inject({ kind: '429', path: '/v2/files', retryAfter: 1 });
    const run = await deployVercel({ path: appTree('1.0.0') });
    ok(run);
    expect(vercel.faults.served).toEqual([{ kind: '429', method: 'POST', path: '/v2/files' }]);
    const debug = run.annotations.filter((a) => a.kind === 'debug').map((a) => a.message);
    expect(debug.some((m) => /^Vercel API POST \S*\/v2\/files\S*: status 429; retry 1\/\d+ in 1s/.test(m))).toBe(true);
  });

  it('fails at its deadline when the build hangs in BUILDING, and cancels the deployment', async () => {
    vercel.emulator.control('hold', {});
    const run = await deployVercel({ path: appTree('1.0.0'), timeout: '3s' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/Timed out after|within 3s/);
    const id = run.outputs['deployment-id'] ?? '';
    expect(id).toMatch(/^dpl_/);
    expect(deploymentState(id)).toBe('CANCELED');
    expect(run.outputs['ready-state']).toBe('CANCELED');
  });

  it('cancels the deployment it started when the run is cancelled (SIGTERM)', async () => {
    vercel.emulator.control('hold', {});
    let signalled = false;
    const run = await deployVercel(
      { path: appTree('1.0.0') },
      {
        onLine: (line, child) => {
          if (!signalled && line.includes(': BUILDING')) {
            signalled = true;
            child.kill('SIGTERM');
          }
        },
      },
    );
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('cancelled');
    expect(deploymentState(run.outputs['deployment-id'] ?? '')).toBe('CANCELED');
  });

  it('deploys a prebuilt .vercel/output tree', async () => {
    const tree = writeTree({
      'src/app.ts': 'not sent',
      '.vercel/output/config.json': '{"version":3}',
      '.vercel/output/static/index.html': '<h1>shop</h1>',
      '.vercel/output/static/sandbox.json': '{"version":"5.0.0"}',
    });
    const run = await deployVercel({ path: tree, prebuilt: 'true', production: 'true' });
    ok(run);
    expect(await served()).toBe('5.0.0');
    const d = vercel.emulator.deployments.get(run.outputs['deployment-id'] ?? '');
    expect([...(d?.tree.keys() ?? [])].every((f) => f.startsWith('.vercel/output/'))).toBe(true);
  });

  it('refuses prebuilt without a .vercel/output folder, naming the input', async () => {
    const run = await deployVercel({ path: appTree('1.0.0'), prebuilt: 'true' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/Input 'prebuilt' is true but .*config\.json does not exist/);
    expect(vercel.emulator.deployments.size).toBe(0);
  });

  it('refuses a token Vercel does not know with one clear error', async () => {
    const run = await runBundle('deploy-vercel', {
      inputs: { token: 'not-a-real-token', 'api-url': vercel.url, 'project-id': 'web', path: appTree('1.0.0') },
      secrets: ['not-a-real-token'],
    });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/answered 403/);
    expect(run.leaks).toEqual([]);
  });
});

describe('deploy-vercel staged production and promote', () => {
  const gate = async (deploymentId: string) => {
    const app = await fleet.app(`vercel-deployment:${deploymentId}`);
    return runBundle('health-gate', { inputs: { url: `${app.url}/health`, timeout: '5s', interval: '1s' } });
  };

  it('stages v2 while v1 serves, passes a gate on the deployment URL, then promotes it', async () => {
    const v1 = await deployVercel({ path: appTree('1.0.0'), production: 'true' });
    ok(v1);
    const staged = await deployVercel({ path: appTree('2.0.0'), production: 'true', promote: 'false' });
    ok(staged);
    const v2 = staged.outputs['deployment-id'] ?? '';
    expect(await served()).toBe('1.0.0');
    expect(staged.outputs['previous-deployment-id']).toBe(v1.outputs['deployment-id']);
    expect(staged.summary).toContain('x-vercel-protection-bypass');

    const checked = await gate(v2);
    expect(checked.exitCode, checked.stdout).toBe(0);

    const promoted = await deployVercel({ 'promote-deployment': v2 });
    ok(promoted);
    expect(promoted.outputs).toMatchObject({ 'deployment-id': v2, 'previous-deployment-id': v1.outputs['deployment-id'] });
    expect(JSON.parse(promoted.outputs.aliases ?? '')).toContain('shop.example.com');
    expect(await served()).toBe('2.0.0');
  });

  it('never promotes a staged v3 whose gate fails: production keeps v2 and nothing is rolled back', async () => {
    const v2 = await deployVercel({ path: appTree('2.0.0'), production: 'true' });
    ok(v2);
    const tree = writeTree({ 'sandbox.json': '{"version":"3.0.0","runtime":"unhealthy"}', 'index.js': '3' });
    const staged = await deployVercel({ path: tree, production: 'true', promote: 'false' });
    ok(staged);
    const checked = await gate(staged.outputs['deployment-id'] ?? '');
    expect(checked.exitCode).toBe(1);
    expect(await served()).toBe('2.0.0');
    const project = vercel.emulator.projects.get('prj_web');
    expect(project?.productionDeploymentId).toBe(v2.outputs['deployment-id']);
    expect(project?.lastAliasRequest).toBeUndefined();
  });

  it('refuses to promote a preview deployment', async () => {
    const preview = await deployVercel({ path: appTree('1.0.0') });
    ok(preview);
    const run = await deployVercel({ 'promote-deployment': preview.outputs['deployment-id'] ?? '' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/is a preview deployment/);
  });
});
