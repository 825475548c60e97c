import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AppEmulator, startApp } from '../../../packages/sandbox/src/app.ts';
import type { SandboxServer } from '../../../packages/sandbox/src/server.ts';

describe('the sample app', () => {
  let app: SandboxServer<AppEmulator>;
  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${app.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(() => app.emulator.reset());

  it('serves its version, the simple and detailed health documents, /up, / and /api/v1', async () => {
    expect((await get('/version')).json()).toEqual({ version: '1.0.0' });
    expect((await get('/health')).json()).toMatchObject({ status: 'ok', version: '1.0.0' });
    const detailed = (await get('/api/health/detailed/')).json();
    expect(Object.keys(detailed)).toEqual(['status', 'timestamp', 'version', 'services', 'metrics']);
    expect(detailed.services).toEqual({ database: 'healthy', redis: 'healthy', celery: 'healthy', storage: 'healthy' });
    expect((await get('/up')).text).toContain('Application up');
    expect((await get('/')).text).toContain('<title>Sample shop</title>');
    expect((await get('/api/v1')).json()).toMatchObject({ name: 'sample-api' });
  });

  it('refuses connections while starting, then answers 503, then is up', async () => {
    app.emulator.start({ refuseFor: 300, startingFor: 700 });
    await expect(get('/health')).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 400));
    expect((await get('/health')).status).toBe(503);
    await new Promise((r) => setTimeout(r, 400));
    expect((await get('/health')).status).toBe(200);
  });

  it('alternates health answers when flapping', async () => {
    app.emulator.configure({ health: 'flapping' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get('/health')).status);
    expect(statuses).toEqual([200, 503, 200, 503]);
  });

  it('reports one degraded service in the detailed document while the simple health stays ok', async () => {
    app.emulator.configure({ services: { redis: 'degraded' } });
    const detailed = await get('/api/health/detailed/');
    expect(detailed.status).toBe(200);
    expect(detailed.json()).toMatchObject({ status: 'degraded', services: { redis: 'degraded', database: 'healthy' } });
    expect((await get('/health')).status).toBe(200);
  });

  it('keeps the old version serving for a while after a release', async () => {
    app.emulator.release('2.0.0', { oldVersionFor: 300 });
    expect((await get('/version')).json()).toEqual({ version: '1.0.0' });
    await new Promise((r) => setTimeout(r, 350));
    expect((await get('/version')).json()).toEqual({ version: '2.0.0' });
  });

  it('adds latency when slow, and is set through the control endpoint too', async () => {
    await fetch(`${app.url}/__sandbox/configure`, { method: 'POST', body: JSON.stringify({ latencyMs: 120 }) });
    const started = performance.now();
    await get('/api/v1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('asks for the protection bypass header when protected', async () => {
    app.emulator.configure({ protection: 'bypass-secret' });
    expect((await get('/health')).status).toBe(401);
    expect((await get('/health', { headers: { 'x-vercel-protection-bypass': 'bypass-secret' } })).status).toBe(200);
  });
});
