import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../../packages/core/src/errors.ts';
import { HttpClient, HttpError, retryAfterMs } from '../../../packages/core/src/http.ts';
import { fakeClock } from '../../support/fake-clock.ts';

/** A fetch that answers from a script, one entry per attempt. */
function scripted(answers: Array<Response | Error>): { fetch: typeof fetch; calls: number } {
  const state = {
    calls: 0,
    fetch: (async () => {
      const next = answers[Math.min(state.calls, answers.length - 1)];
      state.calls++;
      if (next instanceof Error) throw next;
      return (next as Response).clone();
    }) as typeof fetch,
  };
  return state;
}

const networkError = (): Error =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });

describe('the HTTP client with scripted answers', () => {
  it('retries 5xx, 408, 429 and network errors, then returns the success', async () => {
    const s = scripted([
      new Response('', { status: 503 }),
      new Response('', { status: 408 }),
      networkError(),
      new Response('', { status: 429 }),
      new Response('{"ok":true}'),
    ]);
    const clock = fakeClock();
    const client = new HttpClient({ fetch: s.fetch, clock, random: () => 1 });
    const response = await client.request('https://api.test/x');
    expect(response.json()).toEqual({ ok: true });
    expect(response.attempts).toBe(5);
    expect(s.calls).toBe(5);
  });

  it('backs off exponentially with full jitter up to the cap', async () => {
    const s = scripted([new Response('', { status: 500 })]);
    const clock = fakeClock();
    const client = new HttpClient({
      fetch: s.fetch,
      clock,
      random: () => 0.5,
      retries: 6,
      backoffBase: 100,
      backoffCap: 1000,
      deadline: 60_000,
    });
    await expect(client.request('https://api.test/x')).rejects.toThrow(HttpError);
    expect(clock.sleeps).toEqual([50, 100, 200, 400, 500, 500]);
  });

  it('waits at least the Retry-After the server asked for', async () => {
    const s = scripted([new Response('slow down', { status: 429, headers: { 'retry-after': '7' } }), new Response('ok')]);
    const clock = fakeClock();
    const client = new HttpClient({ fetch: s.fetch, clock, random: () => 0 });
    await client.request('https://api.test/x');
    expect(clock.sleeps).toEqual([7000]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Mon, 23 Nov 2026 10:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });

  it('never retries other 4xx and quotes the status and body excerpt', async () => {
    const s = scripted([new Response('{"error":{"code":"forbidden","message":"Not authorized"}}', { status: 403 })]);
    const client = new HttpClient({ fetch: s.fetch, clock: fakeClock(), service: 'Vercel' });
    const error = await client.request('https://api.test/v13/deployments/d1', { method: 'PATCH' }).catch((e: unknown) => e);
    expect(s.calls).toBe(1);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe(
      'Vercel PATCH https://api.test/v13/deployments/d1 answered 403: {"error":{"code":"forbidden","message":"Not authorized"}}',
    );
    expect((error as HttpError).hint).toContain('scope');
  });

  it('gives up with the last status and the attempt count when retries run out', async () => {
    const s = scripted([new Response('upstream down', { status: 502 })]);
    const client = new HttpClient({ fetch: s.fetch, clock: fakeClock(), retries: 2, random: () => 0 });
    await expect(client.request('https://api.test/x')).rejects.toThrow('answered 502: upstream down (after 3 attempts)');
  });

  it('stops when the next wait would pass the deadline instead of sleeping past it', async () => {
    const s = scripted([new Response('', { status: 429, headers: { 'retry-after': '120' } })]);
    const clock = fakeClock();
    const client = new HttpClient({ fetch: s.fetch, clock, deadline: 30_000 });
    await expect(client.request('https://api.test/x')).rejects.toThrow('would pass the deadline');
    expect(clock.sleeps).toEqual([]);
  });

  it('redacts credentials in the URL of an error', async () => {
    const s = scripted([networkError()]);
    const client = new HttpClient({ fetch: s.fetch, clock: fakeClock(), retries: 0 });
    await expect(client.request('https://user:pw@api.test/x?token=abc')).rejects.toThrow(
      'HTTP GET https://api.test/x?token=*** failed: ECONNRESET (read ECONNRESET)',
    );
  });

  it('returns the final non-2xx answer as a Response through its fetch view', async () => {
    const s = scripted([new Response('no_service', { status: 404 })]);
    const client = new HttpClient({ fetch: s.fetch, clock: fakeClock() });
    const response = await client.fetch('https://hooks.test/x', { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('no_service');
  });

  it('sends form and binary bodies given to its fetch view, and sends them again on a retry', async () => {
    const seen: string[] = [];
    const fetchSpy = (async (_url: string, init?: RequestInit) => {
      const body = init?.body;
      const text = typeof body === 'string' ? body : new TextDecoder().decode(body as Uint8Array);
      seen.push(`${new Headers(init?.headers).get('content-type')} ${text}`);
      return new Response('', { status: seen.length === 1 ? 503 : 200 });
    }) as typeof fetch;
    const client = new HttpClient({ fetch: fetchSpy, clock: fakeClock(), retryUnsafe: true });
    await client.fetch('https://hooks.test/x', { method: 'POST', body: new URLSearchParams({ payload: '{"a":1}' }) });
    expect(seen).toEqual([
      'application/x-www-form-urlencoded;charset=UTF-8 payload=%7B%22a%22%3A1%7D',
      'application/x-www-form-urlencoded;charset=UTF-8 payload=%7B%22a%22%3A1%7D',
    ]);
  });

  it('does not retry an error that is not a network failure', async () => {
    let calls = 0;
    const broken = (async () => {
      calls++;
      throw new TypeError('x is not a function');
    }) as typeof fetch;
    await expect(new HttpClient({ fetch: broken, clock: fakeClock() }).request('https://api.test/x')).rejects.toThrow(
      'x is not a function',
    );
    expect(calls).toBe(1);
  });

  it('stops at once with a cancellation when its signal aborts', async () => {
    const controller = new AbortController();
    const s = scripted([new Response('', { status: 503 })]);
    const clock = fakeClock();
    clock.sleep = async () => {
      controller.abort(new CancelledError('cancelled by test'));
      throw new CancelledError('cancelled by test');
    };
    const client = new HttpClient({ fetch: s.fetch, clock, signal: controller.signal });
    await expect(client.request('https://api.test/x')).rejects.toThrow('cancelled by test');
  });
});

describe('the HTTP client over real sockets', () => {
  let server: Server;
  let base: string;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === '/hang-once' && hits === 1) return; // never answers the first time
      if (req.url === '/reset-once' && hits === 1) {
        req.socket.destroy();
        return;
      }
      res.end('fine');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('cuts a hanging request at the per-attempt timeout and retries it', async () => {
    hits = 0;
    const client = new HttpClient({ timeout: 300, backoffBase: 10 });
    const response = await client.request(`${base}/hang-once`);
    expect(response.text).toBe('fine');
    expect(response.attempts).toBe(2);
  });

  it('cuts an attempt at the deadline when less time is left than the attempt timeout', async () => {
    hits = 0;
    const client = new HttpClient({ timeout: 10_000, deadline: 400.5, retries: 0 });
    await expect(client.request(`${base}/hang-once`)).rejects.toThrow('failed: timed out');
  });

  it('retries a connection reset', async () => {
    hits = 0;
    const client = new HttpClient({ backoffBase: 10 });
    expect((await client.request(`${base}/reset-once`)).attempts).toBe(2);
  });

  it('reports a refused connection after its retries', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const client = new HttpClient({ retries: 1, backoffBase: 10 });
    await expect(client.request(`http://127.0.0.1:${port}/x`)).rejects.toThrow(/ECONNREFUSED.*\(after 2 attempts\)/);
  });
});
