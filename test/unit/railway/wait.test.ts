/**
 * Waiting on a deployment: over the subscription while the socket lives, by polling when it
 * drops, and at a cost in requests that stays inside Railway's hourly limit.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeadlineError } from '../../../packages/core/src/errors.ts';
import { Subscriptions } from '../../../packages/railway/src/subscriptions.ts';
import { packTree } from '../../../packages/railway/src/tarball.ts';
import { watchDeployment } from '../../../packages/railway/src/wait.ts';
import { type RailwaySandbox, startRailwayEmulator } from '../../../packages/sandbox/src/railway/index.ts';
import { fakeClock } from '../../support/fake-clock.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { clientFor } from './helpers.ts';

let rw: RailwaySandbox;
beforeAll(async () => {
  rw = await startRailwayEmulator();
});
afterAll(async () => rw.close());
beforeEach(() => {
  rw.emulator.reset();
  rw.emulator.control('timing', { step: 30 });
});

async function upload(sandbox: object, service = 'api'): Promise<string> {
  const root = tempDir('rw-wait-');
  writeFileSync(join(root, 'sandbox.json'), JSON.stringify(sandbox));
  const client = clientFor(rw);
  const { deploymentId } = await client.up({
    projectId: rw.projectId,
    environmentId: rw.environmentId,
    serviceId: rw.services[service] ?? '',
    tarball: (await packTree(root)).bytes,
  });
  return deploymentId;
}

describe('watchDeployment', () => {
  it('follows a build to SUCCESS over the subscription, with its build log lines and few requests', async () => {
    const client = clientFor(rw);
    const subscriptions = await Subscriptions.open(client);
    const id = await upload({ version: '2.0.0', buildSeconds: 0.5 });
    const statuses: string[] = [];
    const result = await watchDeployment({
      client,
      deploymentId: id,
      timeout: 30_000,
      subscriptions,
      onStatus: (s) => statuses.push(s),
    });
    await subscriptions?.dispose();
    expect(result).toMatchObject({ status: 'SUCCESS', verdict: 'success', fellBack: false });
    expect(statuses).toContain('BUILDING');
    expect(result.lines.map((l) => l.line.message)).toContain('Build finished: version 2.0.0');
    // The wait itself: no status polls while the socket worked; one request for the last log lines.
    expect(result.checks).toBe(0);
    expect(client.requests).toBe(1);
  });

  it('does not count the socket closing after the end (its own unsubscribe) as a fall-back', async () => {
    const client = clientFor(rw);
    // graphql-ws closes a lazy socket normally once the last subscription is gone; here that
    // close lands while the last log lines are still being fetched, as it does over a slower network.
    let closedAfterEnd!: () => void;
    const closed = new Promise<void>((resolve) => {
      closedAfterEnd = resolve;
    });
    const states: string[] = [];
    const subscriptions = await Subscriptions.open(client, {
      onState: (state, detail) => {
        states.push(detail ? `${state} ${detail}` : state);
        if (state === 'closed') closedAfterEnd();
      },
    });
    const logs = client.logs.bind(client);
    client.logs = async (...args) => {
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      return logs(...args);
    };
    const id = await upload({ version: '2.0.1', buildSeconds: 0.3 });
    const result = await watchDeployment({ client, deploymentId: id, timeout: 30_000, subscriptions });
    await subscriptions?.dispose();
    expect(states).toEqual(['connecting', 'open', 'closed socket closed (1000 Normal Closure)']);
    expect(result).toMatchObject({ status: 'SUCCESS', checks: 0, fellBack: false });
    expect(rw.emulator.requests).toMatchObject({ sockets: 1, socketsDropped: 0 });
  });

  it('does not count a server ending the status subscription right after the final status as a fall-back', async () => {
    const client = clientFor(rw);
    const id = await upload({ version: '2.0.2', buildSeconds: 0.3 });
    // A server that says SUCCESS, then completes the subscription (which the client reports as an error).
    const ending = {
      state: 'open',
      subscribe: (query: string, _variables: unknown, handlers: { next(data: unknown): void; error(reason: string): void }) => {
        if (query.includes('deploymentLogs') || query.includes('buildLogs')) return () => {};
        setTimeout(() => {
          handlers.next({ deployment: { status: 'SUCCESS' } });
          handlers.error('the server ended the subscription');
        }, 50);
        return () => {};
      },
    } as unknown as Subscriptions;
    const result = await watchDeployment({ client, deploymentId: id, timeout: 30_000, subscriptions: ending });
    expect(result).toMatchObject({ status: 'SUCCESS', checks: 0, fellBack: false });
  });

  it('falls back to polling when the socket drops mid-build and cannot come back, and still sees the end', async () => {
    rw.emulator.control('sockets', { dropOnBuilding: true, refuseAfterDrop: true });
    const client = clientFor(rw);
    const subscriptions = await Subscriptions.open(client, { retryAttempts: 2, retryDelay: () => 50 });
    const id = await upload({ version: '2.1.0', buildSeconds: 1 });
    const result = await watchDeployment({ client, deploymentId: id, timeout: 30_000, subscriptions, pollInitial: 200 });
    await subscriptions?.dispose();
    expect(result).toMatchObject({ status: 'SUCCESS', verdict: 'success', fellBack: true });
    expect(result.checks).toBeGreaterThan(0);
    expect(rw.emulator.requests.socketsDropped).toBeGreaterThan(0);
    expect(result.lines.map((l) => l.line.message)).toContain('Build finished: version 2.1.0');
  });

  it('reconnects a socket dropped mid-build, resubscribes, and sees the end over the subscription', async () => {
    rw.emulator.control('sockets', { dropOnBuilding: true, refuseAfterDrop: false });
    rw.emulator.control('timing', { step: 300 });
    const client = clientFor(rw);
    const subscriptions = await Subscriptions.open(client, { retryDelay: () => 50 });
    const id = await upload({ version: '2.2.0', buildSeconds: 1 });
    const result = await watchDeployment({ client, deploymentId: id, timeout: 30_000, subscriptions, pollInitial: 5_000 });
    await subscriptions?.dispose();
    expect(result.status).toBe('SUCCESS');
    expect(rw.emulator.requests.socketsDropped).toBeGreaterThan(0);
    expect(subscriptions?.connections).toBeGreaterThanOrEqual(2);
    expect(result.fellBack).toBe(false);
    expect(result.lines.map((l) => l.line.message)).toContain('Build finished: version 2.2.0');
  });

  it('ends at once on REMOVED', async () => {
    const client = clientFor(rw);
    const subscriptions = await Subscriptions.open(client);
    const id = await upload({ buildSeconds: 60 });
    setTimeout(() => rw.emulator.control('status', { deploymentId: id, status: 'REMOVED' }), 300);
    const result = await watchDeployment({ client, deploymentId: id, timeout: 60_000, subscriptions });
    await subscriptions?.dispose();
    expect(result).toMatchObject({ status: 'REMOVED', verdict: 'gone' });
  });

  describe('a 20-minute build, on a clock that runs ahead', () => {
    const TWENTY_MINUTES = 20 * 60_000;

    it('costs about one request a minute while the socket is up', async () => {
      const client = clientFor(rw);
      const subscriptions = await Subscriptions.open(client);
      const id = await upload({ buildSeconds: 1200 });
      const before = rw.emulator.requests.total;
      const wait = watchDeployment({
        client,
        deploymentId: id,
        timeout: TWENTY_MINUTES,
        subscriptions,
        clock: fakeClock(),
        logs: false,
      });
      await expect(wait).rejects.toBeInstanceOf(DeadlineError);
      await subscriptions?.dispose();
      const cost = rw.emulator.requests.total - before;
      expect(cost).toBeGreaterThanOrEqual(15);
      expect(cost).toBeLessThanOrEqual(25);
    });

    it('costs a few dozen requests when it has to poll, not hundreds', async () => {
      const client = clientFor(rw);
      const id = await upload({ buildSeconds: 1200 });
      const before = rw.emulator.requests.total;
      const wait = watchDeployment({ client, deploymentId: id, timeout: TWENTY_MINUTES, clock: fakeClock(), logs: false });
      await expect(wait).rejects.toThrow(/Timed out after 20m waiting for deployment .* last status: BUILDING/);
      const cost = rw.emulator.requests.total - before;
      expect(cost).toBeGreaterThan(24);
      expect(cost).toBeLessThanOrEqual(60);
    });
  });
});
