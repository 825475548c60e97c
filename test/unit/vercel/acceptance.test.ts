/**
 * Issue 9's Vercel acceptance: @vercel/client's createDeployment, through our wrapper, against the
 * emulator: hashing, upload of the missing files, build, READY; a second deploy of the same tree
 * uploads nothing; deploy → the app serves v2; rollback → v1.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_VERCEL_TOKEN } from '../../../packages/sandbox/src/vercel/index.ts';
import { deploy, waitForProduction } from '../../../packages/vercel/src/deploy.ts';
import type { VercelProject } from '../../../packages/vercel/src/types.ts';
import { appTree, startWorld, type VercelWorld } from './world.ts';

describe('deploying to Vercel with @vercel/client against the emulator', () => {
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

  const production = (path: string, lines: string[] = []) =>
    deploy({
      api: world.api(),
      token: DEFAULT_VERCEL_TOKEN,
      path,
      project,
      production: true,
      promote: true,
      prebuilt: false,
      timeout: 60_000,
      wait: true,
      pollInterval: 100,
      onProgress: (line) => lines.push(line),
    });

  it('hashes the tree, uploads the files the API reports missing, builds, and ends READY', async () => {
    const lines: string[] = [];
    const result = await production(appTree('1.0.0'), lines);
    expect(result.deployment).toMatchObject({ readyState: 'READY', aliasAssigned: true, target: 'production' });
    expect(result).toMatchObject({ files: 4, uploadedFiles: 4 });
    expect(lines[0]).toMatch(/^Hashed 4 files/);
    expect(lines).toContain(`Deployment ${result.deployment.id}: READY`);
    const state = world.vercel.emulator.state() as { uploads: { count: number }; deployments: Array<{ files: string[] }> };
    expect(state.uploads.count).toBe(4);
    expect(state.deployments[0]?.files).toEqual(['package.json', 'public/logo.txt', 'sandbox.json', 'src/index.js']);
  });

  it('uploads nothing when the same tree is deployed again', async () => {
    const tree = appTree('1.0.0');
    await production(tree);
    const before = world.vercel.emulator.uploadedBytes();
    const again = await production(tree);
    expect(again.uploadedFiles).toBe(0);
    expect(again.uploadedBytes).toBe(0);
    expect(world.vercel.emulator.uploadedBytes()).toBe(before);
    expect(again.deployment.readyState).toBe('READY');
  });

  it('makes the production app serve v2 after a deploy, and v1 again after a rollback', async () => {
    const v1 = await production(appTree('1.0.0'));
    const app = await world.fleet.app('vercel:prj_web');
    const served = async () => ((await (await fetch(`${app.url}/health`)).json()) as { version: string }).version;
    expect(await served()).toBe('1.0.0');

    await production(appTree('2.0.0'));
    expect(await served()).toBe('2.0.0');

    const api = world.api();
    await api.rollback('prj_web', v1.deployment.id);
    const after = await waitForProduction(api, 'prj_web', v1.deployment.id, { timeout: 10_000, interval: 100 });
    expect(after.productionDeploymentId).toBe(v1.deployment.id);
    expect(await served()).toBe('1.0.0');
  });
});
