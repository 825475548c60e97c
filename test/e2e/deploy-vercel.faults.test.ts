/**
 * deploy-vercel in the harness's fault matrix and input fuzz, with a canary as its token: faults
 * on Vercel's REST calls (the first request meets them) and on the file uploads @vercel/client
 * makes; every run ends in a real deployment or a clean failure, never a leak.
 */
import { describe } from 'vitest';
import { AppFleet } from '../../packages/sandbox/src/fleet.ts';
import { startVercelEmulator } from '../../packages/sandbox/src/vercel/index.ts';
import { describeFaultMatrix } from '../harness/fault-matrix.ts';
import { describeInputFuzz } from '../harness/fuzz.ts';
import { removeDir } from '../support/temp-dir.ts';
import { appTree } from '../unit/vercel/world.ts';

async function world(canary: string) {
  const fleet = new AppFleet();
  const vercel = await startVercelEmulator({ fleet });
  const seed = () => {
    vercel.emulator.reset();
    vercel.emulator.control('timing', { buildMs: 50, queuedMs: 5, aliasMs: 5, aliasJobMs: 5 });
    vercel.emulator.seed({ tokens: [canary], projects: [{ id: 'prj_web', name: 'web' }] });
  };
  seed();
  // Made before any test runs (the harness starts the world in a beforeAll): removed on close.
  const tree = appTree('1.0.0');
  return {
    vercel,
    seed,
    tree,
    ready: () => [...vercel.emulator.deployments.values()].some((d) => d.readyState === 'READY'),
    close: async () => {
      await vercel.close();
      await fleet.close();
      removeDir(tree);
    },
  };
}

for (const [where, path] of [
  ['on the REST calls', undefined],
  ['on the file uploads', '/v2/files'],
] as const) {
  describe(where, () =>
    describeFaultMatrix({
      action: 'deploy-vercel',
      async start(canary) {
        const w = await world(canary);
        return {
          inputs: {
            token: canary,
            'api-url': w.vercel.url,
            'project-id': 'web',
            path: w.tree,
            production: 'true',
            env: `SECRET=${canary}`,
            timeout: '45s',
          },
          target: w.vercel,
          ...(path ? { path } : {}),
          // A reported success is a READY deployment that production serves.
          succeeded: (run) =>
            w.ready() && w.vercel.emulator.projects.get('prj_web')?.productionDeploymentId === run.outputs['deployment-id'],
          reset: w.seed,
          close: w.close,
        };
      },
      // A hang lasts the harness's 30 s before the socket drops; every other transient fault is retried.
      recovers: ['5xx', '429', 'reset'],
      timeoutMs: 90_000,
    }),
  );
}

describeInputFuzz({
  action: 'deploy-vercel',
  async start(canary) {
    const w = await world(canary);
    return {
      valid: {
        token: canary,
        'api-url': w.vercel.url,
        'project-id': 'web',
        path: w.tree,
        production: 'true',
        promote: 'true',
        alias: 'www.shop.example',
        env: `SECRET=${canary}`,
        'build-env': 'NODE_ENV=production',
        meta: 'team=web',
        wait: 'true',
        'pr-comment': 'false',
        'github-deployment': 'false',
      },
      secrets: [canary],
      close: w.close,
    };
  },
  // A wait bounded for the test's time; its parsing is unit-tested with the core input types.
  fixed: { timeout: '20s' },
  iterations: 16,
});
