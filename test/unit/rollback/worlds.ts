/**
 * Sandbox worlds for the rollback tests: the Railway and Vercel emulators with a canary token,
 * and releases deployed through the emulators' own APIs (the Railway client's `up` and the
 * Vercel deploy wrapper), so a test can deploy v1, v2… and then roll back with the bundle.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HttpClient } from '../../../packages/core/src/http.ts';
import { RailwayClient } from '../../../packages/railway/src/client.ts';
import { packTree } from '../../../packages/railway/src/tarball.ts';
import { watchDeployment } from '../../../packages/railway/src/wait.ts';
import { AppFleet } from '../../../packages/sandbox/src/fleet.ts';
import { type RailwaySandbox, startRailwayEmulator } from '../../../packages/sandbox/src/railway/index.ts';
import { startVercelEmulator, type VercelSandbox } from '../../../packages/sandbox/src/vercel/index.ts';
import { VercelApi } from '../../../packages/vercel/src/api.ts';
import { deploy } from '../../../packages/vercel/src/deploy.ts';

/**
 * Writes a tree into a temp folder for `use`, and removes it once `use` settles: a deploy is
 * often made in a beforeAll, where no test would remove it.
 */
async function withTree<T>(files: Record<string, string>, use: (root: string) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'rollback-tree-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return await use(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const http = () => new HttpClient({ service: 'test', retries: 2, backoffBase: 10, backoffCap: 50 });

export interface RailwayWorld {
  rw: RailwaySandbox;
  fleet: AppFleet;
  /** A project token of the production environment that is also the run's canary. */
  token: string;
  client: RailwayClient;
  /** Deploys a tree whose sandbox.json says `version` to a service; resolves to the deployment id once it is SUCCESS. */
  deploy(service: string, version: string): Promise<string>;
  /** The version the service's app serves now. */
  served(service: string): Promise<string>;
  deploymentCount(): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startRailwayWorld(token: string): Promise<RailwayWorld> {
  const fleet = new AppFleet();
  const rw = await startRailwayEmulator({ fleet });
  const client = new RailwayClient({ http: http(), apiUrl: rw.url, credential: { kind: 'project', token } });
  const reset = () => {
    rw.emulator.reset();
    rw.server.faults.clear();
    rw.emulator.control('timing', { step: 20 });
    rw.emulator.world.addProjectToken(rw.projectId, rw.environmentId, token);
  };
  reset();
  return {
    rw,
    fleet,
    token,
    client,
    async deploy(service, version) {
      const { deploymentId } = await client.up({
        projectId: rw.projectId,
        environmentId: rw.environmentId,
        serviceId: rw.services[service] ?? '',
        tarball: (await withTree({ 'sandbox.json': JSON.stringify({ version, buildSeconds: 0.05 }) }, packTree)).bytes,
      });
      const result = await watchDeployment({ client, deploymentId, timeout: 30_000, pollInitial: 50, logs: false });
      if (result.status !== 'SUCCESS') throw new Error(`deploy of ${service} ${version} ended ${result.status}`);
      return deploymentId;
    },
    async served(service) {
      const app = await fleet.app(`railway:${rw.services[service]}:${rw.environmentId}`);
      return app.emulator.servedVersion();
    },
    deploymentCount: () => rw.emulator.world.deployments.size,
    reset,
    close: async () => {
      await rw.close();
      await fleet.close();
    },
  };
}

export interface VercelWorld {
  vercel: VercelSandbox;
  fleet: AppFleet;
  token: string;
  api: VercelApi;
  /** Deploys a production release of `version` to a project; resolves to its id once READY and live. */
  deploy(project: string, version: string): Promise<string>;
  served(projectId: string): Promise<string>;
  production(project: string): Promise<string | undefined>;
  reset(): void;
  close(): Promise<void>;
}

export async function startVercelWorld(token: string): Promise<VercelWorld> {
  const fleet = new AppFleet();
  const vercel = await startVercelEmulator({ fleet });
  const api = new VercelApi({ http: http(), token, apiUrl: vercel.url, teamId: 'team_acme' });
  const reset = () => {
    vercel.emulator.reset();
    vercel.faults.clear();
    vercel.emulator.control('timing', { buildMs: 30, queuedMs: 10, aliasMs: 10, aliasJobMs: 30 });
    vercel.emulator.seed({
      tokens: [token],
      teams: [{ id: 'team_acme', tokens: [token] }],
      projects: [
        { id: 'prj_web', name: 'web', teamId: 'team_acme', domains: ['shop.example.com'] },
        { id: 'prj_docs', name: 'docs', teamId: 'team_acme' },
      ],
    });
  };
  reset();
  return {
    vercel,
    fleet,
    token,
    api,
    async deploy(project, version) {
      const files = { 'sandbox.json': JSON.stringify({ version }), 'index.html': `<h1>${version}</h1>` };
      const result = await withTree(files, async (path) =>
        deploy({
          api,
          token,
          path,
          project: await api.getProject(project),
          production: true,
          promote: true,
          prebuilt: false,
          timeout: 30_000,
          wait: true,
          pollInterval: 50,
        }),
      );
      if (result.deployment.readyState !== 'READY')
        throw new Error(`deploy of ${project} ${version} ended ${result.deployment.readyState}`);
      return result.deployment.id;
    },
    async served(projectId) {
      return (await fleet.app(`vercel:${projectId}`)).emulator.servedVersion();
    },
    // Read from the emulator's state, not its API, so a test can look while faults are injected.
    production: async (project) =>
      [...vercel.emulator.projects.values()].find((p) => p.id === project || p.name === project)?.productionDeploymentId,
    reset,
    close: async () => {
      await vercel.close();
      await fleet.close();
    },
  };
}
