/** deploy-railway's acceptance, through dist/deploy-railway/index.js run as the runner runs it, against the Railway emulator. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import {
  cleanFailureProblems,
  DEFAULT_CONTEXT,
  type RunBundleOptions,
  runBundle,
} from '../../packages/harness/src/run-bundle.ts';
import { type RailwaySandbox, startRailwayEmulator } from '../../packages/sandbox/src/railway/index.ts';

let rw: RailwaySandbox;
const trees: string[] = [];
beforeAll(async () => {
  rw = await startRailwayEmulator();
});
afterAll(async () => {
  await rw.close();
  for (const t of trees) rmSync(t, { recursive: true, force: true });
});
beforeEach(() => {
  rw.emulator.reset();
  rw.emulator.control('timing', { step: 30 });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'deploy-railway-'));
  trees.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const app = (sandbox: object): Record<string, string> => ({
  'sandbox.json': JSON.stringify(sandbox),
  'package.json': '{"name":"api"}',
  'src/server.js': 'console.log("hi")',
});

function deploy(
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; secrets?: string[]; onLine?: RunBundleOptions['onLine'] } = {},
) {
  return runBundle('deploy-railway', {
    inputs: { 'api-url': rw.url, token: rw.projectToken, services: 'api', ...inputs },
    secrets: [rw.projectToken, rw.accountToken, ...(options.secrets ?? [])],
    timeoutMs: 60_000,
    ...(options.env ? { env: options.env } : {}),
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
}

const served = async (url: string): Promise<string> =>
  ((await (await fetch(`${url}/health`)).json()) as { version: string }).version;
const deployments = () => [...rw.emulator.world.deployments.values()];

describe('deploy-railway', () => {
  it('with no inputs exits 1 with one error naming services', async () => {
    const run = await runBundle('deploy-railway');
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/^Input 'services' is required/);
  });

  it('uploads a tree, waits for SUCCESS, sets the outputs, and the app serves the new version', async () => {
    const root = tree(app({ version: '2.0.0' }));
    const run = await deploy({ path: root });
    expect(run.exitCode, run.stdout).toBe(0);
    const [d] = deployments();
    expect(d?.status).toBe('SUCCESS');
    expect(run.outputs['deployment-id']).toBe(d?.id);
    expect(run.outputs.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.outputs['previous-deployment-id']).toBe('');
    expect(run.outputs.status).toBe('success');
    expect(JSON.parse(run.outputs.deployments ?? '[]')).toEqual([
      {
        service: 'api',
        serviceId: rw.services.api,
        deploymentId: d?.id,
        previousDeploymentId: null,
        status: 'SUCCESS',
        url: run.outputs.url,
      },
    ]);
    expect(await served(run.outputs.url ?? '')).toBe('2.0.0');
    // Build log lines inside a stop-commands block of the service's group.
    const block = /::stop-commands::([0-9a-f-]{36})\n([\s\S]*?)\n::\1::/.exec(run.stdout);
    expect(block?.[2]).toContain('Build finished: version 2.0.0');
    expect(run.stdout.indexOf('::group::Logs of api')).toBeLessThan(run.stdout.indexOf('Build finished: version 2.0.0'));
    expect(rw.emulator.world.uploads.get(d?.id ?? '')?.files).toEqual(['package.json', 'sandbox.json', 'src/server.js']);
    expect(run.summary).toContain('<td>api</td>');
    expect(run.leaks).toEqual([]);
  });

  it('keeps build log lines from running workflow commands', async () => {
    const run = await deploy({ path: tree(app({ version: '1.0.0\n::error::injected by the build\n::add-mask::x' })) });
    expect(run.exitCode, run.stdout).toBe(0);
    const blocks = [...run.stdout.matchAll(/::stop-commands::([0-9a-f-]{36})\n([\s\S]*?)\n::\1::/g)].map((m) => m[2] ?? '');
    const inside = blocks.join('\n');
    expect(inside).toContain('\n::error::injected by the build');
    // Outside the blocks, the only lines that look like commands are our own.
    const outside = blocks.reduce((text, block) => text.replace(block, ''), run.stdout);
    expect(outside).not.toContain('injected by the build');
  });

  it('records the live deployment as previous-deployment-id', async () => {
    await deploy({ path: tree(app({ version: '1.0.0' })) });
    const [v1] = deployments();
    const run = await deploy({ path: tree(app({ version: '2.0.0' })) });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['previous-deployment-id']).toBe(v1?.id);
    expect(v1?.status).toBe('REMOVED');
  });

  it('deploys four services in parallel; one failed build fails the step, named with its last log lines, the others reported', async () => {
    const root = tree(app({ version: '4.0.0', services: { worker: { build: 'fail', reason: 'celery: cannot import tasks' } } }));
    const run = await deploy({ path: root, services: 'api,web,worker,beat' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(
      /^1 of 4 Railway deployments failed: worker\.\nworker \(deployment .*\) ended FAILED after .*\.\nLast \d+ log lines of worker:\n/,
    );
    expect(run.errors[0]).toContain('Build failed: celery: cannot import tasks');
    const reported = JSON.parse(run.outputs.deployments ?? '[]') as Array<{
      service: string;
      status: string;
      url: string | null;
    }>;
    expect(reported.map((r) => [r.service, r.status])).toEqual([
      ['api', 'SUCCESS'],
      ['web', 'SUCCESS'],
      ['worker', 'FAILED'],
      ['beat', 'SUCCESS'],
    ]);
    for (const r of reported) if (r.service !== 'worker') expect(await served(r.url ?? '')).toBe('4.0.0');
    for (const name of ['api', 'web', 'worker', 'beat']) expect(run.summary).toContain(`<td>${name}</td>`);
    expect(run.summary).toContain('Last ');
    expect(run.summary).toContain('Build failed: celery: cannot import tasks');
    // Several services: each one's logs in a group of its own, prefixed with its name.
    expect(run.stdout).toContain('::group::Logs of worker');
    expect(run.stdout).toContain('[worker] Build failed: celery: cannot import tasks');
    // One upload a service, all from the one tarball.
    expect(rw.emulator.requests.uploads).toBe(4);
  });

  it('fails a crash after start as CRASHED', async () => {
    const run = await deploy({ path: tree(app({ version: '5.0.0', runtime: 'crash' })) });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/^api \(deployment .*\) ended CRASHED/);
    expect(run.errors[0]).toContain('Error: the app exited with code 1 while starting version 5.0.0');
    expect(JSON.parse(run.outputs.deployments ?? '[]')[0].status).toBe('CRASHED');
  });

  it('ends the wait at once when the deployment becomes REMOVED', async () => {
    const run = await deploy(
      { path: tree(app({ buildSeconds: 600 })), timeout: '5m' },
      {
        onLine: (line) => {
          const id = /^api: deployment (\S+) started$/.exec(line)?.[1];
          if (id) setTimeout(() => rw.emulator.control('status', { deploymentId: id, status: 'REMOVED' }), 300);
        },
      },
    );
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/ended REMOVED: nothing of it is live/);
    expect(run.durationMs).toBeLessThan(60_000);
  });

  it('falls back to polling when the socket drops mid-build, and stays within the request budget', async () => {
    rw.emulator.control('sockets', { dropOnBuilding: true, refuseAfterDrop: true });
    rw.emulator.control('budget', { perHour: 40 });
    // Slow steps, so the build starts after the step's socket is up: the drop is mid-build.
    rw.emulator.control('timing', { step: 1500 });
    const run = await deploy({ path: tree(app({ version: '6.0.0', buildSeconds: 2 })) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('The subscription socket was lost: polled for the rest of the wait.');
    expect(rw.emulator.requests.socketsDropped).toBeGreaterThan(0);
    expect(rw.emulator.requests.rateLimited).toBe(0);
    expect(rw.emulator.requests.total).toBeLessThanOrEqual(20);
    expect(await served(run.outputs.url ?? '')).toBe('6.0.0');
  });

  it('stops at a wrong token with one clear error, before any upload', async () => {
    const run = await deploy({ token: 'wrong-token', 'project-id': rw.projectId, path: tree(app({})) });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/^Railway rejected the token \("Not Authorized"\)\./);
    expect(rw.emulator.requests.uploads).toBe(0);
    expect(deployments()).toEqual([]);
  });

  it('refuses RAILWAY_TOKEN and RAILWAY_API_TOKEN set together', async () => {
    const run = await deploy(
      { token: '', path: tree(app({})) },
      { env: { RAILWAY_TOKEN: rw.projectToken, RAILWAY_API_TOKEN: rw.accountToken } },
    );
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/^Both RAILWAY_TOKEN \(a project token\) and RAILWAY_API_TOKEN \(an account token\) are set/);
    expect(rw.emulator.requests.total).toBe(0);
  });

  it('deploys with an account token from RAILWAY_API_TOKEN and a project id', async () => {
    const run = await deploy(
      { token: '', 'project-id': rw.projectId, environment: 'staging', path: tree(app({ version: '7.0.0' })) },
      { env: { RAILWAY_API_TOKEN: rw.accountToken } },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(deployments()[0]?.environmentId).toBe(rw.environments.staging);
  });

  it("names the project's services when one is unknown", async () => {
    const run = await deploy({ services: 'api\nbackend', path: tree(app({})) });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('no service "backend" in project "shop"; its services are: api (');
    expect(run.errors[0]).toContain('beat (');
    expect(rw.emulator.requests.uploads).toBe(0);
  });

  it('sets the variables once per service before the deploy, without deploys of their own, and never prints them', async () => {
    const canary = makeCanary('secret-value');
    const run = await deploy(
      { services: 'api,worker', path: tree(app({ version: '8.0.0' })), variables: `SECRET_KEY=${canary}\nRELEASE=8.0.0` },
      { secrets: [canary] },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.leaks).toEqual([]);
    // The release number is no credential: masking it would hide every later "8.0.0" in the job.
    expect(run.stdout).toContain('variables: Masked 1 of 2 variables; readable: RELEASE.');
    expect(run.stdout).not.toContain('::add-mask::8.0.0');
    const { upserts } = rw.emulator.world;
    expect(upserts.map((u) => [u.serviceId, u.keys, u.skipDeploys])).toEqual([
      [rw.services.api, ['SECRET_KEY', 'RELEASE'], true],
      [rw.services.worker, ['SECRET_KEY', 'RELEASE'], true],
    ]);
    const firstDeploy = Math.min(...deployments().map((d) => Date.parse(d.createdAt)));
    expect(Math.max(...upserts.map((u) => u.at))).toBeLessThanOrEqual(firstDeploy);
    expect(deployments()).toHaveLength(2);
    expect(rw.emulator.world.variablesOf(rw.projectId, rw.environmentId, rw.services.api).SECRET_KEY).toBe(canary);
  });

  it('deploys an image: sets the service source, then deploys it', async () => {
    const run = await deploy({ source: 'image', image: 'ghcr.io/acme/api:9.1.0' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(rw.emulator.world.services.get(rw.services.api ?? '')?.image).toBe('ghcr.io/acme/api:9.1.0');
    expect(await served(run.outputs.url ?? '')).toBe('9.1.0');
  });

  it("deploys the workflow's commit by default with source: commit", async () => {
    const run = await deploy({ source: 'commit' });
    expect(run.exitCode, run.stdout).toBe(0);
    const [d] = deployments();
    expect(d?.meta).toEqual({ commitHash: DEFAULT_CONTEXT.GITHUB_SHA });
    expect(await served(run.outputs.url ?? '')).toBe(DEFAULT_CONTEXT.GITHUB_SHA?.slice(0, 7));
  });

  it('with wait: false starts the deployment, sets the outputs and leaves at once', async () => {
    const run = await deploy({ path: tree(app({ buildSeconds: 600 })), wait: 'false' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('started');
    expect(run.outputs['deployment-id']).toBe(deployments()[0]?.id);
    expect(JSON.parse(run.outputs.deployments ?? '[]')[0].status).toBe('STARTED');
    expect(deployments()[0]?.status).not.toBe('SUCCESS');
  });

  it('fails at the timeout with what it saw last', async () => {
    const run = await deploy({ path: tree(app({ buildSeconds: 600 })), timeout: '10s' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(
      /^api \(deployment \S+\) did not finish within 10s; last status: BUILDING\.\nLast 1 log lines of api:\n {2}Building version/,
    );
    expect(JSON.parse(run.outputs.deployments ?? '[]')[0].status).toBe('TIMEOUT');
  });

  it('redeploys the live deployment', async () => {
    await deploy({ path: tree(app({ version: '10.0.0' })) });
    const [live] = deployments();
    const run = await deploy({ source: 'redeploy' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['previous-deployment-id']).toBe(live?.id);
    expect(run.outputs['deployment-id']).not.toBe(live?.id);
    expect(await served(run.outputs.url ?? '')).toBe('10.0.0');
  });

  it('cancels the deployments it started when the run is cancelled', async () => {
    let signalled = false;
    const run = await deploy(
      { services: 'api,web', path: tree(app({ buildSeconds: 600 })) },
      {
        onLine: (line, child) => {
          if (!signalled && /^(web|api): BUILDING$/.test(line)) {
            signalled = true;
            child.kill('SIGTERM');
          }
        },
      },
    );
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('cancelled');
    expect(deployments().map((d) => d.status)).toEqual(['REMOVED', 'REMOVED']);
    expect(run.stdout).toMatch(/Cancelled deployment \S+ of (api|web)\./);
  });
});
