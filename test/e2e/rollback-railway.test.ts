/** rollback's Railway acceptance: dist/rollback/index.js run as the runner runs it, against the Railway emulator. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { type BundleRun, cleanFailureProblems, type RunBundleOptions, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { type RailwayWorld, startRailwayWorld } from '../unit/rollback/worlds.ts';

const token = makeCanary('railway-token');
let world: RailwayWorld;

beforeAll(async () => {
  world = await startRailwayWorld(token);
});
afterAll(async () => world?.close());
beforeEach(() => world.reset());

const rollback = (inputs: Record<string, string>, options: RunBundleOptions = {}) =>
  runBundle('rollback', {
    inputs: { provider: 'railway', token, 'api-url': world.rw.url, timeout: '40s', ...inputs },
    secrets: [token],
    timeoutMs: 60_000,
    ...options,
  });

const ok = (run: BundleRun) => {
  expect(run.exitCode, run.stdout).toBe(0);
  expect(run.leaks).toEqual([]);
};

const rows = (run: BundleRun) => JSON.parse(run.outputs.deployments ?? '[]') as Array<Record<string, unknown>>;

describe('rollback on Railway', () => {
  it('goes back from v2 to v1 without `to`: the app serves v1, the outputs name v2 → v1, and the release is verified', async () => {
    const v1 = await world.deploy('api', '1.0.0');
    const v2 = await world.deploy('api', '2.0.0');
    expect(await world.served('api')).toBe('2.0.0');

    const run = await rollback({ services: 'api', reason: 'the health gate failed' });
    ok(run);
    expect(await world.served('api')).toBe('1.0.0');
    expect(run.outputs).toMatchObject({
      'rolled-back-from': v2,
      'rolled-back-to': v1,
      status: 'success',
      reason: 'the health gate failed',
    });
    const [row] = rows(run);
    expect(row).toMatchObject({ service: 'api', from: v2, to: v1, status: 'SUCCESS', verified: true });
    const created = world.rw.emulator.world.deployments.get(String(row?.deploymentId));
    expect(created?.source).toBe('rollback');
    expect(created?.status).toBe('SUCCESS');
    expect(run.outputs.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.stdout).toContain(`Rolling back to deployment ${v1}`);
    expect(run.stdout).toMatch(/::stop-commands::/);
    expect(run.summary).toContain('Rolled back: Railway');
    expect(run.summary).toContain('the health gate failed');
    expect(run.summary).toContain('octocat');
  });

  it('goes back to an explicit older deployment: v1 after v3', async () => {
    const v1 = await world.deploy('api', '1.0.0');
    await world.deploy('api', '2.0.0');
    const v3 = await world.deploy('api', '3.0.0');
    const run = await rollback({ services: 'api', to: v1 });
    ok(run);
    expect(await world.served('api')).toBe('1.0.0');
    expect(run.outputs).toMatchObject({ 'rolled-back-from': v3, 'rolled-back-to': v1 });
  });

  it('rolls several services back in parallel, each to its own `to`', async () => {
    const api1 = await world.deploy('api', '1.0.0');
    const web1 = await world.deploy('web', '1.0.0');
    await world.deploy('api', '2.0.0');
    await world.deploy('web', '2.0.0');
    const run = await rollback({ services: 'api\nweb', to: `api=${api1}\nweb=${web1}` });
    ok(run);
    expect(await world.served('api')).toBe('1.0.0');
    expect(await world.served('web')).toBe('1.0.0');
    expect(rows(run).map((r) => [r.service, r.to, r.verified])).toEqual([
      ['api', api1, true],
      ['web', web1, true],
    ]);
  });

  it('with wait: false, requests the rollback, names the new deployment and verifies nothing; the reason is escaped in the summary', async () => {
    const v1 = await world.deploy('api', '1.0.0');
    await world.deploy('api', '2.0.0');
    const run = await rollback({ services: 'api', wait: 'false', reason: '<img src=x onerror=alert(1)> broke' });
    ok(run);
    expect(run.outputs).toMatchObject({ status: 'requested', 'rolled-back-to': v1 });
    const [row] = rows(run);
    expect(row).toMatchObject({ status: 'REQUESTED', verified: false });
    expect(world.rw.emulator.world.deployments.get(String(row?.deploymentId))?.source).toBe('rollback');
    expect(run.summary).toContain('Rollback requested');
    expect(run.summary).toContain('&lt;img src=x onerror=alert(1)&gt; broke');
    expect(run.summary).not.toContain('<img');
  });

  it('still verifies the restored release when the socket is refused, by polling', async () => {
    await world.deploy('api', '1.0.0');
    await world.deploy('api', '2.0.0');
    world.rw.emulator.control('sockets', { refuse: true });
    const run = await rollback({ services: 'api' });
    ok(run);
    expect(rows(run)[0]).toMatchObject({ status: 'SUCCESS', verified: true });
    expect(await world.served('api')).toBe('1.0.0');
  });

  it('refuses a `to` of another service and changes nothing', async () => {
    await world.deploy('api', '1.0.0');
    await world.deploy('api', '2.0.0');
    const web1 = await world.deploy('web', '1.0.0');
    await world.deploy('web', '2.0.0');
    const before = world.deploymentCount();
    const run = await rollback({ services: 'api', to: web1 });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('Nothing was rolled back');
    expect(run.errors[0]).toContain(`deployment ${web1} belongs to service web, not api`);
    expect(world.deploymentCount()).toBe(before);
    expect(world.rw.emulator.requests.byField.deploymentRollback ?? 0).toBe(0);
    expect(await world.served('api')).toBe('2.0.0');
  });

  it('refuses when only one release was ever deployed, and changes nothing', async () => {
    await world.deploy('api', '1.0.0');
    const before = world.deploymentCount();
    const run = await rollback({ services: 'api' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/only one release was ever deployed/);
    expect(world.deploymentCount()).toBe(before);
    expect(await world.served('api')).toBe('1.0.0');
  });

  it('refuses a `to` that is already live, and changes nothing', async () => {
    await world.deploy('api', '1.0.0');
    const v2 = await world.deploy('api', '2.0.0');
    const before = world.deploymentCount();
    const run = await rollback({ services: 'api', to: v2 });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain(`deployment ${v2} is already live`);
    expect(world.deploymentCount()).toBe(before);
  });

  it('fails loudly when the restored release crashes on start: not verified, the logs quoted', async () => {
    const v1 = await world.deploy('api', '1.0.0');
    await world.deploy('api', '2.0.0');
    // The old release no longer starts (say the schema moved on): its rollback deployment crashes.
    const old = world.rw.emulator.world.deployments.get(v1);
    if (old) old.plan = { ...old.plan, runtime: 'crash' };
    const run = await rollback({ services: 'api', reason: 'bad release' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('Rollback NOT verified');
    expect(run.errors[0]).toContain('CRASHED');
    expect(run.errors[0]).toContain('the app exited with code 1');
    expect(rows(run)[0]).toMatchObject({ status: 'CRASHED', verified: false });
    expect(run.summary).toContain('Rollback failed');
    expect(await world.served('api')).toBe('2.0.0');
  });

  it('asks for a reason on a manual run, before any request', async () => {
    const run = await rollback({ services: 'api' }, { env: { GITHUB_EVENT_NAME: 'workflow_dispatch' } });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/Input 'reason' is required when the run was started by hand/);
    expect(world.rw.emulator.requests.total).toBe(0);
  });

  it('checks the provider-specific inputs first', async () => {
    const run = await rollback({ 'team-id': 'team_acme', services: 'api,web', to: 'dpl-1' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/Input 'team-id' .*only with provider: vercel/);
    expect(run.errors[0]).toMatch(/Input 'to' got "dpl-1": expected one `service=id` line per service/);
    expect(world.rw.emulator.requests.total).toBe(0);
  });

  it('stops waiting on SIGTERM and says the rollback already requested goes on', async () => {
    await world.deploy('api', '1.0.0');
    await world.deploy('api', '2.0.0');
    world.rw.emulator.control('hold', { hold: true });
    let signalled = false;
    const run = await rollback(
      { services: 'api' },
      {
        onLine: (line, child) => {
          if (!signalled && /rollback deployment \S+ started/.test(line)) {
            signalled = true;
            child.kill('SIGTERM');
          }
        },
      },
    );
    world.rw.emulator.control('hold', { hold: false });
    expect(signalled).toBe(true);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('cancelled');
    expect(run.warnings.join('\n')).toMatch(/was requested before the cancel and is not undone/);
  });
});
