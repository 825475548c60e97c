/**
 * The sample apps of one sandbox world: one app per Railway service and per Vercel project,
 * started on first use. A deployment that goes live calls `goLive`, so the app serves that
 * deployment's version and runtime behaviour; a rollback calls it with the target's plan.
 */
import { type AppEmulator, startApp } from './app.ts';
import type { RuntimeBehaviour } from './build.ts';
import type { SandboxServer } from './server.ts';

export interface LiveRelease {
  version: string;
  runtime: RuntimeBehaviour;
  /** The deployment serving, as its provider names it. */
  deploymentId: string;
}

export class AppFleet {
  private readonly apps = new Map<string, Promise<SandboxServer<AppEmulator>>>();
  private readonly live = new Map<string, LiveRelease>();

  /** The app behind a key such as `railway:<serviceId>:<environmentId>` or `vercel:<projectId>`. */
  app(key: string): Promise<SandboxServer<AppEmulator>> {
    let app = this.apps.get(key);
    if (!app) {
      app = startApp();
      this.apps.set(key, app);
    }
    return app;
  }

  /** Makes the app behind `key` serve a release: its version and its runtime behaviour. */
  async goLive(key: string, release: LiveRelease): Promise<SandboxServer<AppEmulator>> {
    const app = await this.app(key);
    this.live.set(key, release);
    app.emulator.release(release.version);
    app.emulator.configure({
      health: release.runtime === 'unhealthy' ? 'unhealthy' : 'healthy',
      latencyMs: release.runtime === 'slow' ? 1500 : 0,
    });
    return app;
  }

  liveRelease(key: string): LiveRelease | undefined {
    return this.live.get(key);
  }

  async close(): Promise<void> {
    const apps = await Promise.all(this.apps.values());
    this.apps.clear();
    this.live.clear();
    await Promise.all(apps.map((a) => a.close()));
  }
}
