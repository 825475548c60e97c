/**
 * The sandbox's public hostnames. A Vercel deployment is reached at names such as
 * `web-abc123.vercel.app` and the project's domains (`shop.example.com`), over HTTPS; the
 * templates check exactly those URLs. The edge makes them answer locally: an HTTPS forward proxy
 * on 127.0.0.1 that terminates TLS with a throwaway certificate and forwards each request to the
 * sample app behind the name (the deployment's own app, or the project's production app). Steps
 * reach it as runners behind a proxy do: `HTTPS_PROXY`, `NO_PROXY` for the emulators on
 * 127.0.0.1, and `NODE_EXTRA_CA_CERTS` so Node trusts the certificate. Nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/src/index.ts';

/** The names the certificate covers: Vercel's, and the example domains the tests and demo seed. */
const NAMES = ['*.vercel.app', 'example.com', '*.example.com', 'shop.example', '*.shop.example'];

export interface Edge {
  /** The proxy (`HTTPS_PROXY`). */
  url: string;
  /** What a step needs to go through the edge: HTTPS_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS. */
  env: Record<string, string>;
  /** Every request the edge forwarded: `host path → status`. */
  seen: string[];
  close(): Promise<void>;
}

function certificate(dir: string): { key: Buffer; cert: Buffer; certFile: string } {
  const keyFile = join(dir, 'edge.key');
  const certFile = join(dir, 'edge.crt');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=deploy-suite sandbox edge',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-addext',
        `subjectAltName=${NAMES.map((n) => `DNS:${n}`).join(',')}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    throw new Error(
      `the sandbox edge needs openssl to make its certificate (bash .ci/apt-install.sh): ${(error as Error).message}`,
    );
  }
  return { key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
}

/** The sample app serving a public hostname now, or why none does. */
async function appFor(sandbox: Sandbox, host: string): Promise<{ url: string } | { missing: string }> {
  const vercel = sandbox.vercel.emulator;
  const deployment = [...vercel.deployments.values()].find((d) => d.url === host);
  if (deployment) {
    const key = `vercel-deployment:${deployment.id}`;
    if (!sandbox.fleet.liveRelease(key)) return { missing: `deployment ${deployment.id} is ${deployment.readyState}` };
    return { url: (await sandbox.fleet.app(key)).url };
  }
  const project = [...vercel.projects.values()].find((p) => p.domains.includes(host) || `${p.name}.vercel.app` === host);
  if (project) {
    const key = `vercel:${project.id}`;
    if (!sandbox.fleet.liveRelease(key)) return { missing: `project ${project.name} has no production deployment` };
    return { url: (await sandbox.fleet.app(key)).url };
  }
  return { missing: `no deployment or domain is ${host}` };
}

export async function startEdge(sandbox: Sandbox): Promise<Edge> {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-edge-'));
  const { key, cert, certFile } = certificate(dir);
  const seen: string[] = [];

  const forward = (req: IncomingMessage, res: ServerResponse, host: string, path: string): void => {
    void appFor(sandbox, host).then((target) => {
      if ('missing' in target) {
        seen.push(`${host}${path} → 404`);
        res.writeHead(404, { 'content-type': 'text/plain', 'x-vercel-error': 'DEPLOYMENT_NOT_FOUND' });
        res.end(`The deployment could not be found: ${target.missing}.\n`);
        return;
      }
      const upstream = request(`${target.url}${path}`, { method: req.method, headers: { ...req.headers, host } }, (answer) => {
        seen.push(`${host}${path} → ${answer.statusCode}`);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
  };

  // Every CONNECT tunnel leads to one HTTPS server on 127.0.0.1 holding the certificate; it reads
  // the name from the Host header, as a real edge does.
  const inner = createHttpsServer({ key, cert }, (req, res) =>
    forward(req, res, (req.headers.host ?? '').replace(/:443$/, ''), req.url ?? '/'),
  );
  await new Promise<void>((resolve) => inner.listen(0, '127.0.0.1', resolve));
  const innerPort = (inner.address() as AddressInfo).port;
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((req, res) => {
    // A plain http:// request through the proxy names its absolute URL.
    const target = URL.canParse(req.url ?? '') ? new URL(req.url ?? '') : undefined;
    if (!target) {
      res.writeHead(400).end('the sandbox edge is a proxy: send absolute URLs or CONNECT\n');
      return;
    }
    forward(req, res, target.hostname, `${target.pathname}${target.search}`);
  });
  proxy.on('connect', (_req: IncomingMessage, client: Socket, head: Buffer) => {
    const upstream = connect(innerPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    env: { HTTPS_PROXY: url, NO_PROXY: '127.0.0.1,localhost', NODE_EXTRA_CA_CERTS: certFile },
    seen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      inner.closeAllConnections();
      await new Promise<void>((resolve) => inner.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
