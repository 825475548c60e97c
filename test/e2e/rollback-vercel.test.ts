/** rollback's Vercel acceptance: dist/rollback/index.js run as the runner runs it, against the Vercel emulator. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { type BundleRun, cleanFailureProblems, type RunBundleOptions, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { startVercelWorld, type VercelWorld } from '../unit/rollback/worlds.ts';

const token = makeCanary('vercel-token');
let world: VercelWorld;

beforeAll(async () => {
  world = await startVercelWorld(token);
});
afterAll(async () => world?.close());
beforeEach(() => world.reset());

const rollback = (inputs: Record<string, string>, options: RunBundleOptions = {}) =>
  runBundle('rollback', {
    inputs: {
      provider: 'vercel',
      token,
      'api-url': world.vercel.url,
      'team-id': 'team_acme',
      'project-id': 'web',
      timeout: '30s',
      ...inputs,
    },
    secrets: [token],
    timeoutMs: 60_000,
    ...options,
  });

const ok = (run: BundleRun) => {
  expect(run.exitCode, run.stdout).toBe(0);
  expect(run.leaks).toEqual([]);
};

const rollbackRequests = () => world.vercel.emulator.requests.filter((r) => r.path.includes('/rollback/')).length;

describe('rollback on Vercel', () => {
  it('goes back from v2 to v1 without `to`: production serves v1, the outputs name v2 → v1, and it is verified', async () => {
    const v1 = await world.deploy('web', '1.0.0');
    const v2 = await world.deploy('web', '2.0.0');
    expect(await world.served('prj_web')).toBe('2.0.0');

    const run = await rollback({ reason: 'checkout is broken' });
    ok(run);
    expect(await world.production('web')).toBe(v1);
    expect(await world.served('prj_web')).toBe('1.0.0');
    expect(run.outputs).toMatchObject({
      'rolled-back-from': v2,
      'rolled-back-to': v1,
      status: 'success',
      reason: 'checkout is broken',
      url: 'https://shop.example.com',
    });
    expect(JSON.parse(run.outputs.deployments ?? '[]')).toEqual([
      {
        service: 'web',
        serviceId: 'prj_web',
        from: v2,
        to: v1,
        deploymentId: v1,
        status: 'READY',
        verified: true,
        url: 'https://shop.example.com',
      },
    ]);
    expect(world.vercel.emulator.requests.some((r) => r.path === `/v9/projects/prj_web/rollback/${v1}`)).toBe(true);
    expect(run.summary).toContain('Rolled back: Vercel production');
  });

  it('goes back to an explicit older deployment: v1 after v3', async () => {
    const v1 = await world.deploy('web', '1.0.0');
    await world.deploy('web', '2.0.0');
    const v3 = await world.deploy('web', '3.0.0');
    const run = await rollback({ to: v1 });
    ok(run);
    expect(await world.served('prj_web')).toBe('1.0.0');
    expect(run.outputs).toMatchObject({ 'rolled-back-from': v3, 'rolled-back-to': v1 });
  });

  it('refuses a `to` of another project and changes nothing', async () => {
    await world.deploy('web', '1.0.0');
    const v2 = await world.deploy('web', '2.0.0');
    const docs = await world.deploy('docs', '1.0.0');
    await world.deploy('docs', '2.0.0');
    const run = await rollback({ to: docs });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('Nothing was rolled back');
    expect(run.errors[0]).toContain(`Deployment ${docs} belongs to another project`);
    expect(rollbackRequests()).toBe(0);
    expect(await world.production('web')).toBe(v2);
    expect(await world.served('prj_web')).toBe('2.0.0');
  });

  it('refuses when only one release was ever deployed, and changes nothing', async () => {
    const v1 = await world.deploy('web', '1.0.0');
    const run = await rollback({});
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/No earlier good release of web/);
    expect(rollbackRequests()).toBe(0);
    expect(await world.production('web')).toBe(v1);
  });

  it('refuses a `to` that production already serves', async () => {
    await world.deploy('web', '1.0.0');
    const v2 = await world.deploy('web', '2.0.0');
    const run = await rollback({ to: v2 });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain(`Deployment ${v2} is already what production of web serves`);
    expect(rollbackRequests()).toBe(0);
  });

  it('fails loudly, not verified, when production never points at the target before the deadline', async () => {
    const v1 = await world.deploy('web', '1.0.0');
    const v2 = await world.deploy('web', '2.0.0');
    // The switch job takes longer than the step may wait.
    world.vercel.emulator.control('timing', { aliasJobMs: 60_000 });
    const run = await rollback({ to: v1, timeout: '10s' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('Rollback NOT verified');
    expect(run.errors[0]).toMatch(new RegExp(`Timed out after .* waiting for production of project prj_web to serve ${v1}`));
    expect(JSON.parse(run.outputs.deployments ?? '[]')[0]).toMatchObject({ status: 'TIMEOUT', verified: false });
    expect(run.summary).toContain('Rollback failed');
    expect(await world.production('web')).toBe(v2);
  });

  it('refuses Railway-only inputs and a non-production environment before any request', async () => {
    const run = await rollback({ services: 'api', environment: 'staging' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/Input 'services' .*only with provider: railway/);
    expect(run.errors[0]).toMatch(/Input 'environment' got "staging"/);
    expect(world.vercel.emulator.requests).toEqual([]);
  });
});
