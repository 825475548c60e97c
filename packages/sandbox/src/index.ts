/**
 * The sandbox: every emulator started on 127.0.0.1 with a random port. Tests, the demo and the
 * bench start one, point the actions' URL inputs at it, and close it.
 */
import { type AppEmulator, startApp } from './app.ts';
import { type SandboxServer, startServer } from './server.ts';
import { SlackEmulator } from './slack.ts';

export interface Sandbox {
  slack: SandboxServer<SlackEmulator> & { webhookUrl: string };
  /** The sample app the pipeline deploys and checks; its `url` is the release's URL. */
  app: SandboxServer<AppEmulator>;
  close(): Promise<void>;
}

export async function startSandbox(): Promise<Sandbox> {
  const slackServer = await startServer(new SlackEmulator());
  const webhookUrl = `${slackServer.url}${slackServer.emulator.createWebhook()}`;
  const slack = Object.assign(slackServer, { webhookUrl });
  const app = await startApp();
  return {
    slack,
    app,
    close: async () => {
      await Promise.all([slack.close(), app.close()]);
    },
  };
}
