import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError, DeadlineError } from '../../../packages/core/src/errors.ts';
import { DEFAULT_VERCEL_TOKEN } from '../../../packages/sandbox/src/vercel/index.ts';
import { DeploymentFailedError, type DeployRequest, deploy, waitForProduction } from '../../../packages/vercel/src/deploy.ts';
import type { VercelProject } from '../../../packages/vercel/src/types.ts';
import { appTree, startWorld, type VercelWorld, writeTree } from './world.ts';

describe('the Vercel deploy wrapper', () => {
  let world: VercelWorld;
  let project: VercelProject;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => world.close());
  beforeEach(async () => {
    world.vercel.emulator.reset();
    world.vercel.faults.clear();
    world.vercel.emulator.control('timing', { buildMs: 60, queuedMs: 10, aliasMs: 10, aliasJobMs: 10 });
    world.vercel.emulator.seed({ projects: [{ id: 'prj_web', name: 'web' }] });
    project = await world.api().getProject('web');
  });

  const request = (path: string, extra: Partial<DeployRequest> = {}): DeployRequest => ({
    api: world.api(),
    token: DEFAULT_VERCEL_TOKEN,
    path,
    project,
    production: false,
    promote: true,
    prebuilt: false,
    timeout: 60_000,
    wait: true,
    pollInterval: 100,
    ...extra,
  });
  const deploymentState = (id: string) =>
    (world.vercel.emulator.state() as { deployments: Array<{ id: string; readyState: string }> }).deployments.find(
      (d) => d.id === id,
    )?.readyState;

  it('waits out a 429 on a file upload for its Retry-After and uploads each file once', async () => {
    world.vercel.inject({ kind: '429', path: '/v2/files', retryAfter: 1 });
    const debug: string[] = [];
    const api = world.api({ logger: { debug: (l) => debug.push(l), info: () => {} } });
    const result = await deploy(request(appTree('1.0.0'), { api }));
    expect(result.deployment.readyState).toBe('READY');
    expect(debug.some((l) => /POST .*\/v2\/files: status 429; retry 1\/\d+ in 1s/.test(l))).toBe(true);
    expect(world.vercel.faults.served).toEqual([{ kind: '429', method: 'POST', path: '/v2/files' }]);
    const stored = world.vercel.emulator.uploads.filter((u) => u.stored);
    expect(stored).toHaveLength(4);
    expect(new Set(stored.map((u) => u.sha)).size).toBe(4);
  });

  it.each([
    ['a 503 on a file upload', { kind: '5xx', path: '/v2/files' }],
    ['a reset connection on a file upload', { kind: 'reset', path: '/v2/files' }],
    ['a malformed answer to a file upload (the file never stored)', { kind: 'malformed', path: '/v2/files' }],
    ['a 502 on the deployment creation', { kind: '5xx', status: 502, path: '/v13/deployments', method: 'POST' }],
    ['a reset connection on the deployment creation', { kind: 'reset', path: '/v13/deployments', method: 'POST' }],
  ] as const)('recovers from %s and deploys', async (_, fault) => {
    world.vercel.inject(fault);
    const result = await deploy(request(appTree('1.0.0'), { rateLimitRetries: 3 }));
    expect(result.deployment.readyState).toBe('READY');
    expect(result.attempts).toBeGreaterThanOrEqual(2);
    expect(world.vercel.faults.served).toHaveLength(1);
  });

  it('does not start over after a refusal that is not transient', async () => {
    world.vercel.inject({ kind: '401', path: '/v2/files' });
    await expect(deploy(request(appTree('1.0.0')))).rejects.toThrow(/POST .*\/v2\/files answered 403/);
    expect(world.vercel.faults.served).toHaveLength(1);
  });

  it('fails with the API’s words when it keeps rate limiting past the retries', async () => {
    world.vercel.inject({ kind: '429', path: '/v2/files', retryAfter: 0, count: 50 });
    await expect(deploy(request(appTree('1.0.0'), { rateLimitRetries: 1 }))).rejects.toThrow(/rate_limited/);
  });

  it('ends at its deadline when the build hangs in BUILDING, and cancels the deployment', async () => {
    world.vercel.emulator.control('hold', {});
    let createdId = '';
    const error = await deploy(request(appTree('1.0.0'), { timeout: 1500, onCreated: (d) => (createdId = d.id) })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeadlineError);
    expect((error as Error).message).toMatch(/within 1\.5s|1500|waiting for deployment/);
    expect((error as Error).message).toContain(`${createdId} was canceled`);
    expect(deploymentState(createdId)).toBe('CANCELED');
  });

  it('cancels the deployment it started when the run is cancelled', async () => {
    world.vercel.emulator.control('hold', {});
    const controller = new AbortController();
    let createdId = '';
    const run = deploy(
      request(appTree('1.0.0'), {
        signal: controller.signal,
        onCreated: (d) => {
          createdId = d.id;
          setTimeout(() => controller.abort(new CancelledError('SIGTERM')), 200);
        },
      }),
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(deploymentState(createdId)).toBe('CANCELED');
  });

  it('reports a failed build with the last lines of its log', async () => {
    const tree = writeTree({ 'sandbox.json': '{"build":"fail","reason":"tsc found 3 errors"}', 'index.js': '1' });
    const error = await deploy(request(tree)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeploymentFailedError);
    const failed = error as DeploymentFailedError;
    expect(failed.deployment.readyState).toBe('ERROR');
    expect(failed.message).toContain('Build failed: tsc found 3 errors');
    expect(failed.logs.at(-1)).toBe('Build failed: tsc found 3 errors');
    expect(failed.logs.length).toBeLessThanOrEqual(30);
  });

  it('deploys a prebuilt .vercel/output tree, sending only the output', async () => {
    const tree = writeTree({
      'src/app.ts': 'not sent',
      '.vercel/output/config.json': '{"version":3}',
      '.vercel/output/static/index.html': '<h1>hi</h1>',
      '.vercel/output/static/sandbox.json': '{"version":"3.1.0"}',
    });
    const result = await deploy(request(tree, { prebuilt: true, production: true }));
    expect(result.deployment.readyState).toBe('READY');
    const state = world.vercel.emulator.state() as { deployments: Array<{ files: string[]; version: string }> };
    expect(state.deployments[0]?.files.every((f) => f.startsWith('.vercel/output/'))).toBe(true);
    expect(state.deployments[0]?.version).toBe('3.1.0');
    expect((await world.fleet.app('vercel:prj_web')).emulator.servedVersion()).toBe('3.1.0');
  });

  it('deploys a tree sent as one tgz archive', async () => {
    const result = await deploy(request(appTree('4.0.0'), { archive: 'tgz', production: true }));
    expect(result.deployment.readyState).toBe('READY');
    // The parts go up in the pass that packed them: one pass, one upload each.
    expect(result.attempts).toBe(1);
    expect(result.uploadedFiles).toBe(world.vercel.emulator.uploads.length);
    const state = world.vercel.emulator.state() as { deployments: Array<{ files: string[]; version: string }> };
    expect(state.deployments[0]?.version).toBe('4.0.0');
    expect(state.deployments[0]?.files).toContain('src/index.js');
  });

  it('stages a production deployment without moving production, until it is promoted', async () => {
    const api = world.api();
    await deploy(request(appTree('1.0.0'), { production: true }));
    const staged = await deploy(request(appTree('2.0.0'), { production: true, promote: false }));
    const app = await world.fleet.app('vercel:prj_web');
    expect(app.emulator.servedVersion()).toBe('1.0.0');
    expect((await world.fleet.app(`vercel-deployment:${staged.deployment.id}`)).emulator.servedVersion()).toBe('2.0.0');
    await api.promote('prj_web', staged.deployment.id);
    await waitForProduction(api, 'prj_web', staged.deployment.id, { timeout: 10_000, interval: 100 });
    expect(app.emulator.servedVersion()).toBe('2.0.0');
  });

  it('sends target, meta, git metadata and env to the API', async () => {
    await deploy(
      request(appTree('1.0.0'), {
        production: true,
        meta: { githubCommitSha: 'abc123' },
        gitMetadata: { commitSha: 'abc123', commitRef: 'main', commitMessage: 'Ship it' },
        env: { API_URL: 'https://api.example.com' },
        buildEnv: { NODE_ENV: 'production' },
      }),
    );
    const d = world.vercel.emulator.deployments.values().next().value;
    expect(d).toMatchObject({
      target: 'production',
      meta: { githubCommitSha: 'abc123' },
      gitMetadata: { commitSha: 'abc123', commitRef: 'main', commitMessage: 'Ship it' },
      env: ['API_URL'],
      buildEnv: ['NODE_ENV'],
    });
  });

  it('returns as soon as the deployment exists when asked not to wait', async () => {
    world.vercel.emulator.control('hold', {});
    const result = await deploy(request(appTree('1.0.0'), { wait: false }));
    expect(['QUEUED', 'BUILDING']).toContain(result.deployment.readyState);
  });

  it('never loads @vercel/client until a deploy starts', async () => {
    let loaded = 0;
    const loadClient = async () => {
      loaded++;
      return (await import('@vercel/client')).createDeployment as never;
    };
    const pending = request(appTree('1.0.0'), { loadClient });
    expect(loaded).toBe(0);
    await deploy(pending);
    expect(loaded).toBe(1);
  });
});
