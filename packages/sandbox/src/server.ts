/**
 * The frame every emulator runs in: an HTTP server on 127.0.0.1 and a random port, a control
 * endpoint under /__sandbox/ to read state, configure and inject faults, and the faults
 * themselves. Loopback only; a hang is bounded; closing the server ends every open request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type Fault, FaultQueue, parseFault } from './faults.ts';

export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The raw request, for emulators that upgrade (WebSocket) or stream. */
  raw: IncomingMessage;
}

export interface Reply {
  status: number;
  body?: string | Buffer | object;
  headers?: Record<string, string>;
}

export interface Emulator {
  readonly name: string;
  handle(req: SandboxRequest): Promise<Reply> | Reply;
  state(): unknown;
  reset(): void;
  /** `POST /__sandbox/<action>`: emulator-specific control (configure, create, set state). */
  control?(action: string, body: unknown): unknown;
  /** The provider's shape for an error answer (used for injected 5xx, 429 and 401). */
  errorReply?(status: number): Reply;
  /** Called with the server, for emulators that attach a WebSocket server. */
  attach?(server: Server): void;
}

export interface SandboxServer<E extends Emulator = Emulator> {
  readonly url: string;
  readonly port: number;
  readonly emulator: E;
  readonly faults: FaultQueue;
  inject(fault: Fault): void;
  close(): Promise<void>;
}

const MAX_BODY = 100 * 1024 * 1024;

function send(res: ServerResponse, reply: Reply): void {
  const headers = { ...reply.headers };
  let body: string | Buffer | undefined;
  if (reply.body === undefined) body = undefined;
  else if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) body = reply.body;
  else {
    body = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status, headers);
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function defaultError(status: number): Reply {
  return { status, body: { error: { code: `sandbox_${status}`, message: `injected ${status}` } } };
}

export async function startServer<E extends Emulator>(emulator: E, options: { port?: number } = {}): Promise<SandboxServer<E>> {
  const faults = new FaultQueue();
  const sockets = new Set<Socket>();
  const hangs = new Set<NodeJS.Timeout>();

  const applyFault = (fault: Fault, res: ServerResponse, req: IncomingMessage): void => {
    const shaped = (status: number): Reply => emulator.errorReply?.(status) ?? defaultError(status);
    switch (fault.kind) {
      case '5xx':
        send(res, shaped(fault.status ?? 503));
        return;
      case '401':
        send(res, shaped(401));
        return;
      case '429': {
        const reply = shaped(429);
        send(res, { ...reply, headers: { ...reply.headers, 'retry-after': String(fault.retryAfter ?? 1) } });
        return;
      }
      case 'malformed':
        send(res, { status: 200, body: '{"ok": tru<html>', headers: { 'content-type': 'application/json' } });
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang': {
        const timer = setTimeout(() => {
          hangs.delete(timer);
          req.socket.destroy();
        }, fault.hangMs ?? 120_000);
        hangs.add(timer);
        req.socket.once('close', () => {
          clearTimeout(timer);
          hangs.delete(timer);
        });
        return;
      }
    }
  };

  const control = async (action: string, method: string, body: Buffer): Promise<Reply> => {
    const json = body.length > 0 ? (JSON.parse(body.toString('utf8')) as unknown) : {};
    if (action === 'state' && method === 'GET')
      return { status: 200, body: { state: emulator.state(), faults: faults.pending(), served: faults.served } };
    if (action === 'faults' && method === 'POST') {
      const list = Array.isArray(json) ? json : [json];
      for (const f of list) faults.add(parseFault(f));
      return { status: 200, body: { faults: faults.pending() } };
    }
    if (action === 'faults' && method === 'DELETE') {
      faults.clear();
      return { status: 200, body: { faults: [] } };
    }
    if (action === 'reset' && method === 'POST') {
      faults.clear();
      emulator.reset();
      return { status: 200, body: { reset: true } };
    }
    if (method === 'POST' && emulator.control) return { status: 200, body: (emulator.control(action, json) ?? {}) as object };
    return { status: 404, body: { error: `no control action '${action}'` } };
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      const body = await readBody(req);
      if (url.pathname.startsWith('/__sandbox/')) {
        send(res, await control(url.pathname.slice('/__sandbox/'.length), method, body));
        return;
      }
      const fault = faults.take(method, url.pathname);
      if (fault) {
        applyFault(fault, res, req);
        return;
      }
      send(
        res,
        await emulator.handle({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body, raw: req }),
      );
    } catch (error) {
      if (!res.headersSent) send(res, { status: 500, body: { error: { code: 'sandbox_error', message: String(error) } } });
      else res.destroy();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  emulator.attach?.(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    emulator,
    faults,
    inject: (fault) => faults.add(parseFault(fault)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of hangs) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
