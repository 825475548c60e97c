/**
 * The sandbox: one consistent world of emulators on 127.0.0.1 with random ports. Tests, the
 * demo, the bench and `npm run sandbox` start one, point the actions' URL inputs at it, and
 * close it. The deploy emulators share one fleet of sample apps, so a deployment that goes live
 * on Railway or Vercel is what the health gate and smoke tests then reach.
 */
import { type AppEmulator, startApp } from './app.ts';
import { AppFleet } from './fleet.ts';
import { type GitHubEmulator, startGitHubEmulator } from './github/emulator.ts';
import { type RailwaySandbox, startRailwayEmulator } from './railway/index.ts';
import type { SandboxServer } from './server.ts';
import { startServer } from './server.ts';
import { SlackEmulator } from './slack.ts';
import { DEFAULT_VERCEL_TOKEN, startVercelEmulator, type VercelSandbox } from './vercel/index.ts';

/** The repository the world's workflow runs in (the harness's `GITHUB_REPOSITORY`). */
export const SANDBOX_REPOSITORY = 'acme/shop';

export interface Sandbox {
  slack: SandboxServer<SlackEmulator> & { webhookUrl: string };
  /** The sample app the pipeline deploys and checks; its `url` is the release's URL. */
  app: SandboxServer<AppEmulator>;
  /** GitHub's REST API: `url` is the `GITHUB_API_URL`, `token` the run's `GITHUB_TOKEN`. */
  github: SandboxServer<GitHubEmulator> & { token: string; repository: string };
  /** Railway's API with its seeded project `shop` (environments, services, tokens). */
  railway: RailwaySandbox;
  /** Vercel's API; `token` is accepted, projects are seeded per test (`vercel.emulator.seed`). */
  vercel: VercelSandbox & { token: string };
  /** The apps the deploy emulators make serve each release, one per service or project. */
  fleet: AppFleet;
  close(): Promise<void>;
}

export async function startSandbox(): Promise<Sandbox> {
  const fleet = new AppFleet();
  const started: Array<{ close(): Promise<void> }> = [];
  try {
    const slackServer = await startServer(new SlackEmulator());
    started.push(slackServer);
    const slack = Object.assign(slackServer, { webhookUrl: `${slackServer.url}${slackServer.emulator.createWebhook()}` });
    const app = await startApp();
    started.push(app);
    const githubServer = await startGitHubEmulator();
    started.push(githubServer);
    const github = Object.assign(githubServer, { token: githubServer.emulator.token, repository: SANDBOX_REPOSITORY });
    const railway = await startRailwayEmulator({ fleet });
    started.push(railway);
    const vercel = Object.assign(await startVercelEmulator({ fleet }), { token: DEFAULT_VERCEL_TOKEN });
    started.push(vercel);
    return {
      slack,
      app,
      github,
      railway,
      vercel,
      fleet,
      close: async () => {
        await Promise.all([...started.map((s) => s.close()), fleet.close()]);
      },
    };
  } catch (error) {
    await Promise.allSettled([...started.map((s) => s.close()), fleet.close()]);
    throw error;
  }
}
