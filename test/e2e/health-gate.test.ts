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

  it('passes within 3 s and one interval when a starting app becomes healthy after 3 s', async () => {
    app.emulator.start({ refuseFor: 1000, startingFor: 3000 });
    const run = await gate({ url: `${app.url}/health` });
    expect(outcomeProblems(run)).toEqual([]);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.healthy).toBe('true');
    expect(Number(run.outputs.elapsed)).toBeGreaterThanOrEqual(2900);
    expect(Number(run.outputs.elapsed)).toBeLessThan(3000 + 5000 + SLACK_MS);
    expect(run.stdout).toMatch(/ECONNREFUSED/);
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
    app.emulator.release('3f7c2a9', { oldVersionFor: 2000 });
    const run = await gate({ url: `${app.url}/version`, 'expect-version': '3f7c2a9', interval: '1s' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('version 1.0.0 is serving, expected 3f7c2a9');
    expect(Number(run.outputs.elapsed)).toBeGreaterThanOrEqual(1900);
    expect(Number(run.outputs.elapsed)).toBeLessThan(2000 + 1000 + SLACK_MS);
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
    const without = await runBundle('health-gate', { inputs: { url: `${app.url}/health`, timeout: '1s', interval: '300ms' } });
    expect(without.errors[0]).toContain('status 401');
  });

  it('waits for every URL when given several', async () => {
    app.emulator.configure({ services: { celery: 'unhealthy' } });
    setTimeout(() => app.emulator.configure({ services: {} }), 1500);
    const run = await gate({
      url: `${app.url}/health\n${app.url}/api/health/detailed/`,
      'expect-json': '$.status != unhealthy\n$.version exists',
      timeout: '10s',
      interval: '500ms',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(Number(run.outputs.elapsed)).toBeGreaterThanOrEqual(1400);
  });

  it('checks body, latency and status inputs, reporting the failed assertion in each attempt line', async () => {
    app.emulator.configure({ latencyMs: 150 });
    const run = await gate({ url: `${app.url}/health`, 'max-latency': '50ms', timeout: '1s', interval: '300ms' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/FAIL \(latency \d+ms over the 50ms limit\)/);
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
