/** deploy-railway in the fault matrix and the input fuzz test, against the Railway emulator. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRailwayEmulator } from '../../packages/sandbox/src/railway/index.ts';
import { describeFaultMatrix } from '../harness/fault-matrix.ts';
import { describeInputFuzz } from '../harness/fuzz.ts';

function fixtureTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'deploy-railway-faults-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'sandbox.json'), '{"version":"2.0.0"}');
  writeFileSync(join(root, 'src', 'server.js'), 'console.log(1)');
  return root;
}

/** A world whose project token is the canary, so a leak of the token shows. */
async function railwayWithCanary(canary: string) {
  const rw = await startRailwayEmulator();
  rw.emulator.world.addProjectToken(rw.projectId, rw.environmentId, canary);
  rw.emulator.control('timing', { step: 20 });
  return rw;
}

describeFaultMatrix({
  action: 'deploy-railway',
  timeoutMs: 60_000,
  async start(canary) {
    const rw = await railwayWithCanary(canary);
    const path = fixtureTree();
    return {
      inputs: { 'api-url': rw.url, token: canary, services: 'api', path, 'request-timeout': '2s', timeout: '30s' },
      target: rw.server,
      succeeded: (run) => {
        const d = rw.emulator.world.deployments.get(run.outputs['deployment-id'] ?? '');
        return d?.status === 'SUCCESS';
      },
      reset: () => {
        rw.emulator.reset();
        rw.emulator.world.addProjectToken(rw.projectId, rw.environmentId, canary);
        rw.emulator.control('timing', { step: 20 });
      },
      close: async () => {
        await rw.close();
        rmSync(path, { recursive: true, force: true });
      },
    };
  },
});

describeInputFuzz({
  action: 'deploy-railway',
  async start(canary) {
    const rw = await railwayWithCanary(canary);
    const path = fixtureTree();
    return {
      valid: {
        'api-url': rw.url,
        token: canary,
        services: 'api,web',
        path,
        environment: 'production',
        variables: `RELEASE=1\nSECRET_KEY=${canary}-v`,
        'project-id': rw.projectId,
        source: 'upload',
        message: 'fuzz',
      },
      secrets: [canary],
      close: async () => {
        await rw.close();
        rmSync(path, { recursive: true, force: true });
      },
    };
  },
  fixed: { timeout: '30s', 'request-timeout': '2s' },
});
