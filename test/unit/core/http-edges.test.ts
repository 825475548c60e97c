/**
 * The network edges of the HTTP client, over real loopback sockets: redirects it follows itself
 * (and what it drops on the way), the body cap, charsets, credentials in a URL, requests that
 * cannot be sent, idempotency and proxies.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, HttpError } from '../../../packages/core/src/http.ts';
import { SecretRegistry } from '../../../packages/core/src/secrets.ts';
import { startLoopbackProxy } from '../../support/loopback-proxy.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

async function listen(handler: (req: Seen, res: import('node:http').ServerResponse) => void): Promise<{
  server: Server;
  url: string;
  seen: Seen[];
}> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(entry);
      handler(entry, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('the HTTP client at the network edges', () => {
  let main: Awaited<ReturnType<typeof listen>>;
  let other: Awaited<ReturnType<typeof listen>>;
  let streamedBytes = 0;

  beforeAll(async () => {
    other = await listen((_req, res) => res.end('landed'));
    main = await listen((req, res) => {
      const path = req.url;
      if (path === '/to-other-302') res.writeHead(302, { location: `${other.url}/landing` }).end();
      else if (path === '/to-other-307') res.writeHead(307, { location: `${other.url}/landing` }).end();
      else if (path === '/same-origin') res.writeHead(301, { location: '/final' }).end();
      else if (path === '/see-other') res.writeHead(303, { location: '/final' }).end();
      else if (path === '/loop') res.writeHead(302, { location: '/loop' }).end();
      else if (path === '/final') res.end(`final ${req.method}`);
      else if (path === '/latin1') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' });
        res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      } else if (path === '/huge') {
        // 600 MB offered, generated as it is read: the client must stop long before.
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        let left = 600 * 1024 * 1024;
        const pump = (): void => {
          while (left > 0) {
            left -= chunk.length;
            streamedBytes += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        res.on('close', () => {
          left = 0;
        });
        pump();
      } else if (path === '/auth') {
        res.writeHead(req.headers.authorization === `Basic ${Buffer.from('admin:p@ss word').toString('base64')}` ? 200 : 401);
        res.end(String(req.headers.authorization));
      } else if (path === '/echo-error') {
        res.writeHead(400).end(`bad request for token ${req.headers['x-api-key']}\n\n  with   spaces`);
      } else if (path === '/fail-post') res.writeHead(503).end('busy');
      else res.end('ok');
    });
  });
  afterAll(async () => {
    main.server.closeAllConnections();
    other.server.closeAllConnections();
    await Promise.all([new Promise((r) => main.server.close(r)), new Promise((r) => other.server.close(r))]);
  });

  const client = (options: ConstructorParameters<typeof HttpClient>[0] = {}) =>
    new HttpClient({ retries: 0, env: {}, ...options });

  it('drops every credential header on a redirect to another origin, for 302 and 307 alike', async () => {
    for (const hop of ['/to-other-302', '/to-other-307']) {
      other.seen.length = 0;
      const response = await client().request(`${main.url}${hop}`, {
        headers: {
          authorization: 'Bearer a-token',
          'x-vercel-protection-bypass': 'bypass-secret',
          'X-Api-Key': 'key-secret',
          cookie: 'session=1',
          'x-env': 'staging',
        },
      });
      expect(response.text).toBe('landed');
      const arrived = other.seen[0]?.headers ?? {};
      expect(arrived.authorization).toBeUndefined();
      expect(arrived['x-vercel-protection-bypass']).toBeUndefined();
      expect(arrived['x-api-key']).toBeUndefined();
      expect(arrived.cookie).toBeUndefined();
      expect(arrived['x-env']).toBe('staging');
      expect(response.redirects).toEqual([
        {
          status: hop.endsWith('302') ? 302 : 307,
          from: `${main.url}${hop}`,
          to: `${other.url}/landing`,
          dropped: ['authorization', 'x-vercel-protection-bypass', 'X-Api-Key', 'cookie'],
        },
      ]);
    }
  });

  it('keeps credential headers on a redirect within the same origin and records the chain', async () => {
    main.seen.length = 0;
    const response = await client().request(`${main.url}/same-origin`, { headers: { 'x-api-key': 'k' } });
    expect(response.text).toBe('final GET');
    expect(response.url).toBe(`${main.url}/final`);
    expect(main.seen.at(-1)?.headers['x-api-key']).toBe('k');
  });

  it('turns a 303 after a POST into a GET without the body, as fetch does', async () => {
    main.seen.length = 0;
    const response = await client({ retryUnsafe: true }).request(`${main.url}/see-other`, { method: 'POST', json: { a: 1 } });
    expect(response.text).toBe('final GET');
    expect(main.seen.at(-1)).toMatchObject({ method: 'GET', body: '' });
    expect(main.seen.at(-1)?.headers['content-type']).toBeUndefined();
  });

  it('answers with the 3xx and its Location when asked not to follow', async () => {
    const response = await client().request(`${main.url}/to-other-302`, { redirect: 'manual', anyStatus: true });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${other.url}/landing`);
    expect(response.redirects).toEqual([]);
  });

  it("refuses a redirect when the caller asks redirect: 'error', sending nothing to the other origin", async () => {
    other.seen.length = 0;
    const error = await client({ retryUnsafe: true })
      .fetch(`${main.url}/to-other-307`, { method: 'POST', body: '{"text":"hi"}', redirect: 'error' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toContain('redirects are refused');
    expect(other.seen).toEqual([]);
  });

  it('stops a redirect loop after a bounded number of hops', async () => {
    await expect(client({ maxRedirects: 3 }).request(`${main.url}/loop`)).rejects.toThrow('more than 3 redirects');
  });

  it('fails an attempt whose body passes the cap while streaming, without reading the rest', async () => {
    streamedBytes = 0;
    const error = await client({ maxBody: 1024 * 1024 })
      .request(`${main.url}/huge`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toContain('body larger than 1 MiB');
    // Socket buffers hold a little more than the cap; 600 MB were offered.
    expect(streamedBytes).toBeLessThan(64 * 1024 * 1024);
  });

  it('decodes a body by its declared charset', async () => {
    expect((await client().request(`${main.url}/latin1`)).text).toBe('café');
  });

  it('sends credentials in a URL as Basic auth, decoded from percent-encoding', async () => {
    const url = new URL(`${main.url}/auth`);
    url.username = 'admin';
    url.password = 'p@ss word';
    const response = await client().request(url.toString());
    expect(response.status).toBe(200);
  });

  it('refuses a URL with a control character and a header it cannot send, without sending anything', async () => {
    main.seen.length = 0;
    await expect(client().request(`${main.url}/ok\nX`)).rejects.toThrow('the URL holds a line break');
    await expect(client().request(`${main.url}/ok`, { headers: { 'x-name': 'José 🚀' } })).rejects.toThrow(
      'header x-name holds a character HTTP cannot send',
    );
    await expect(client().request(`${main.url}/ok`, { headers: { 'x-id': 'a\nb' } })).rejects.toThrow('line break');
    expect(main.seen).toEqual([]);
  });

  it('does not retry a POST on a 5xx unless asked, and retries it when asked', async () => {
    main.seen.length = 0;
    await expect(
      client({ retries: 2, backoffBase: 1 }).request(`${main.url}/fail-post`, { method: 'POST', body: 'x' }),
    ).rejects.toThrow('answered 503');
    expect(main.seen).toHaveLength(1);
    main.seen.length = 0;
    await expect(
      client({ retries: 2, backoffBase: 1 }).request(`${main.url}/fail-post`, { method: 'POST', body: 'x', retryUnsafe: true }),
    ).rejects.toThrow('after 3 attempts');
    expect(main.seen).toHaveLength(3);
  });

  it('scrubs secrets from the body excerpt of an error before folding its whitespace', async () => {
    const secrets = new SecretRegistry();
    secrets.add('Canary  two  spaces');
    const error = await client({ secrets })
      .request(`${main.url}/echo-error`, { headers: { 'x-api-key': 'Canary  two  spaces' } })
      .then(
        () => new HttpError({ service: 'test', method: 'GET', url: main.url, reason: 'no error', attempts: 1 }),
        (e: unknown) => e as HttpError,
      );
    expect(error.message).toBe(`HTTP GET ${main.url}/echo-error answered 400: bad request for token *** with spaces`);
    expect(error.message).not.toContain('Canary two spaces');
  });

  it('sends through HTTP_PROXY, and straight to the host for a NO_PROXY match', async () => {
    const proxy = await startLoopbackProxy();
    try {
      const env = { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost' };
      const response = await client({ env }).request(`${main.url}/ok`);
      expect(response.text).toBe('ok');
      expect(proxy.seen).toEqual([`CONNECT ${new URL(main.url).host}`]);
      const port = new URL(main.url).port;
      const direct = await client({ env }).request(`http://localhost:${port}/ok`);
      expect(direct.text).toBe('ok');
      expect(proxy.seen).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('reads lower-case proxy variables too', async () => {
    const proxy = await startLoopbackProxy();
    try {
      await client({ env: { http_proxy: proxy.url } }).request(`${main.url}/ok`);
      expect(proxy.seen).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});
