/**
 * health-gate's bundle, run as the runner runs it, against the sandbox's sample app.
 * Timing bounds are generous (precise speed is the bench's job).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { cleanFailureProblems, outcomeProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { type AppEmulator, startApp } from '../../packages/sandbox/src/app.ts';
import type { SandboxServer } from '../../packages/sandbox/src/server.ts';

const SLACK_MS = 1500;

describe('health-gate against the sample app', () => {
  let app: SandboxServer<AppEmulator>;
  const canary = makeCanary('bypass');
  const gate = (inputs: Record<string, string>) =>
    runBundle('health-gate', { inputs: { headers: `x-vercel-protection-bypass: ${canary}`, ...inputs }, secrets: [canary] });

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(() => {
    app.emulator.reset();
    app.emulator.configure({ protection: canary });
  });

  it('passes within one interval of a starting app becoming healthy, after refused and 503 polls', async () => {
    // Wide enough windows that a loaded machine's slow bundle start-up still meets each phase.
    app.emulator.start({ refuseFor: 2500, startingFor: 4500 });
    const run = await gate({ url: `${app.url}/health` });
    expect(outcomeProblems(run)).toEqual([]);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.healthy).toBe('true');
    // The wait itself is proven by the refused and 503 polls below; the bundle's start-up counts
    // against the app's clock, so a lower bound on elapsed would measure the machine's load.
    expect(Number(run.outputs.elapsed)).toBeLessThan(4500 + 5000 + SLACK_MS);
    expect(run.stdout, run.stdout).toMatch(/ECONNREFUSED/);
    expect(run.stdout).toMatch(/503 in \d+ms FAIL \(status 503, expected 200-399\)/);
    expect(run.outputs['status-code']).toBe('200');
    expect(Number(run.outputs.attempts)).toBeGreaterThan(2);
  });

  it('fails at its timeout with the last reason when the app never becomes healthy', async () => {
    app.emulator.configure({ health: 'unhealthy' });
    const run = await gate({ url: `${app.url}/health`, timeout: '2s', interval: '400ms' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/^Not healthy after 2s \(\d+ polls\): status 503, expected 200-399/);
    expect(run.outputs.healthy).toBe('false');
    expect(run.outputs.failure).toBe('status 503, expected 200-399');
    expect(Number(run.outputs.elapsed)).toBeGreaterThanOrEqual(2000);
    expect(Number(run.outputs.elapsed)).toBeLessThan(2000 + SLACK_MS);
    expect(run.summary).toContain('not healthy');
    expect(run.leaks).toEqual([]);
  });

  it('waits while the old version still serves, then passes once the new version serves', async () => {
    app.emulator.release('3f7c2a9', { oldVersionFor: 4000 });
    const run = await gate({ url: `${app.url}/version`, 'expect-version': '3f7c2a9', interval: '1s' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('version "1.0.0" is serving, expected 3f7c2a9');
    expect(Number(run.outputs.elapsed)).toBeLessThan(4000 + 1000 + SLACK_MS);
  });

  it('fails naming the service when one service of the detailed document is degraded', async () => {
    app.emulator.configure({ services: { redis: 'degraded' } });
    const run = await gate({
      url: `${app.url}/api/health/detailed/`,
      'expect-json': '$.services.* == healthy',
      timeout: '1500ms',
      interval: '300ms',
    });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('$.services.redis is "degraded", expected healthy');
    expect(run.outputs.failure).toContain('$.services.redis');
    expect(run.summary).toContain('$.services.redis is &quot;degraded&quot;');
  });

  it('does not pass a flapping app on a lucky answer when success-threshold is 3', async () => {
    app.emulator.configure({ health: 'flapping' });
    const run = await gate({ url: `${app.url}/health`, 'success-threshold': '3', timeout: '2s', interval: '200ms' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.stdout).toMatch(/200 in \d+ms pass/);
    expect(run.outputs.healthy).toBe('false');
    expect(run.errors[0]).toMatch(/Not healthy after 2s/);
  });

  it('passes a flapping app on its first good answer when success-threshold is 1, which is why the threshold exists', async () => {
    app.emulator.configure({ health: 'flapping' });
    const run = await gate({ url: `${app.url}/health`, timeout: '2s', interval: '200ms' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.attempts).toBe('1');
  });

  it('ends the wait early after failure-threshold hard failures in a row', async () => {
    app.emulator.configure({ health: 'unhealthy' });
    const run = await gate({ url: `${app.url}/up`, 'failure-threshold': '3', timeout: '1m', interval: '200ms' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/3 hard failures in a row \(failure-threshold 3\); last: status 500/);
    expect(Number(run.outputs.elapsed)).toBeLessThan(10_000);
  });

  it('sends the headers (a protection bypass) and never shows their values', async () => {
    const run = await gate({ url: `${app.url}/health`, 'expect-body': 'ok' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.leaks).toEqual([]);
    const without = await runBundle('health-gate', { inputs: { url: `${app.url}/health`, timeout: '4s', interval: '300ms' } });
    expect(without.errors[0]).toContain('status 401');
  });

  it('waits for every URL when given several', async () => {
    app.emulator.configure({ services: { celery: 'unhealthy' } });
    setTimeout(() => app.emulator.configure({ services: {} }), 3000);
    const run = await gate({
      url: `${app.url}/health\n${app.url}/api/health/detailed/`,
      'expect-json': '$.status != unhealthy\n$.version exists',
      timeout: '10s',
      interval: '500ms',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/FAIL \(.*\$\.status is "unhealthy"/);
  });

  it('checks body, latency and status inputs, reporting the failed assertion in each attempt line', async () => {
    app.emulator.configure({ latencyMs: 150 });
    const run = await gate({ url: `${app.url}/health`, 'max-latency': '50ms', timeout: '3s', interval: '300ms' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout, run.stdout).toMatch(/FAIL \(latency \d+ms over the 50ms limit\)/);
    expect(Number(run.outputs['latency-p50'])).toBeGreaterThanOrEqual(150);
  });

  it('rejects bad inputs in one error before sending any request', async () => {
    const started = Date.now();
    const run = await gate({ url: 'not a url', 'expect-status': '600', 'expect-json': '$.a = b' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/^3 inputs are invalid/);
    expect(run.errors[0]).toContain("Input 'url'");
    expect(run.errors[0]).toContain("Input 'expect-status'");
    expect(run.errors[0]).toContain("Input 'expect-json'");
    expect(app.emulator.requests.filter((r) => r.at >= started)).toEqual([]);
  });
});

describe('health-gate at the network edges', () => {
  let app: SandboxServer<AppEmulator>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(() => app.emulator.reset());

  it('reports the last real answer when the last poll times out on the deadline', async () => {
    app.emulator.configure({ latencyMs: 0 });
    // Each answer is a 200 without READY; the answers get slow, so the last poll is cut by the deadline.
    const run = await runBundle('health-gate', {
      inputs: {
        url: `${app.url}/health`,
        'expect-body': 'READY',
        timeout: '3s',
        interval: '500ms',
        'request-timeout': '10s',
      },
      onLine: (line) => {
        if (line.startsWith('#2 ')) app.emulator.configure({ latencyMs: 20_000 });
      },
      timeoutMs: 60_000,
    });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.outputs['status-code']).toBe('200');
    expect(run.outputs.failure).toMatch(/^body does not contain READY/);
    expect(run.errors[0]).toContain('body does not contain READY');
  });

  it('does not follow a redirect when follow-redirects is false, so the 3xx can be the expected answer', async () => {
    const run = await runBundle('health-gate', {
      inputs: { url: `${app.url}/api/health/detailed`, 'follow-redirects': 'false', 'expect-status': '301', timeout: '5s' },
    });
    expect(outcomeProblems(run)).toEqual([]);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['status-code']).toBe('301');
  });

  it('follows the redirect by default and logs the chain', async () => {
    const run = await runBundle('health-gate', { inputs: { url: `${app.url}/api/health/detailed`, timeout: '5s' } });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`200 \\(via 301 → ${app.url}/api/health/detailed/\\) in \\d+ms pass`));
  });

  it('accepts a URL with commas in its query and an expect-status range written with spaces', async () => {
    const run = await runBundle('health-gate', {
      inputs: { url: `${app.url}/health?checks=db,cache`, 'expect-status': '200 - 299', timeout: '5s' },
    });
    expect(run.exitCode, run.stdout).toBe(0);
  });

  it('refuses a URL holding a control character before sending anything', async () => {
    const run = await runBundle('health-gate', { inputs: { url: `${app.url}/hea\tlth`, timeout: '5s' } });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain("Input 'url'");
    expect(app.emulator.requests).toEqual([]);
  });
});
