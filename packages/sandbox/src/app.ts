/**
 * The sample app: the service a pipeline deploys and then checks. It serves its version and the
 * health documents of the seed scenarios (Express `/health`, the Django detailed document at
 * `/api/health/detailed/`, Laravel's `/up`, a frontend `/`, an API `/api/v1` with a few
 * resources for chained smoke checks), and takes on the states a release goes through:
 * - starting: connection refused (it is not listening), then 503, then up;
 * - healthy, unhealthy, flapping (health answers alternate), slow (latency added to every answer),
 *   one service degraded in the detailed document;
 * - a release whose old version keeps serving for a while before the new one takes over.
 * Tests set these through the control endpoint (`POST /__sandbox/configure|release|start`) or,
 * for the deploy emulators of later issues, through `release()`, `configure()` and `start()`.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Emulator, Reply, SandboxRequest } from './server.ts';
import { type SandboxServer, startServer } from './server.ts';

export type AppHealth = 'healthy' | 'unhealthy' | 'flapping';
export type ServiceStatus = 'healthy' | 'degraded' | 'unhealthy';
export const SERVICES = ['database', 'redis', 'celery', 'storage'] as const;

export interface AppSettings {
  health: AppHealth;
  /** Added to every answer (a slow release). */
  latencyMs: number;
  /** Services of the detailed document that are not healthy, e.g. `{ redis: 'degraded' }`. */
  services: Partial<Record<string, ServiceStatus>>;
  /** Deployment protection, as Vercel's: every request needs `x-vercel-protection-bypass: <this>`. */
  protection?: string | undefined;
}

export interface StartOptions {
  /** Not listening at all (connection refused) for this long, in ms. */
  refuseFor?: number;
  /** Then answering 503 until this long after the call, in ms. */
  startingFor?: number;
}

export interface ReleaseOptions {
  /** The old version keeps serving for this long (ms) before the new one takes over. */
  oldVersionFor?: number;
}

export interface AppRequest {
  at: number;
  method: string;
  path: string;
  status: number;
  version: string;
  /** When the answer was sent (latency included). */
  doneAt: number;
}

const DEFAULT_VERSION = '1.0.0';
const MAX_LOG = 20_000;

function json(status: number, body: object, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

function html(status: number, body: string): Reply {
  return { status, body, headers: { 'content-type': 'text/html; charset=utf-8' } };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class AppEmulator implements Emulator {
  readonly name = 'app';
  settings: AppSettings = { health: 'healthy', latencyMs: 0, services: {} };
  requests: AppRequest[] = [];
  private version = DEFAULT_VERSION;
  private pending: { version: string; at: number } | undefined;
  private startingUntil = 0;
  private refusingUntil = 0;
  private healthAnswers = 0;
  private startedAt = Date.now();
  private items = new Map<string, { id: string; name: string }>();
  private tokens = new Set<string>();
  private server: Server | undefined;
  private port = 0;
  private sockets = new Set<Socket>();
  private relisten: NodeJS.Timeout | undefined;
  private disposed = false;

  attach(server: Server): void {
    this.server = server;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /** The version answering now (a pending release takes over at its time). */
  servedVersion(now = Date.now()): string {
    if (this.pending && now >= this.pending.at) {
      this.version = this.pending.version;
      this.pending = undefined;
    }
    return this.version;
  }

  /** Deploys a version: it serves at once, or after the old one has served `oldVersionFor` ms. */
  release(version: string, options: ReleaseOptions = {}): void {
    const at = Date.now() + (options.oldVersionFor ?? 0);
    this.servedVersion();
    if (at <= Date.now()) {
      this.version = version;
      this.pending = undefined;
    } else this.pending = { version, at };
  }

  configure(settings: Partial<AppSettings>): AppSettings {
    this.settings = { ...this.settings, ...settings, services: { ...(settings.services ?? this.settings.services) } };
    this.healthAnswers = 0;
    return this.settings;
  }

  /** A (re)start: refused connections, then 503, then the configured behaviour. */
  start(options: StartOptions = {}): void {
    const now = Date.now();
    const refuseFor = Math.max(0, options.refuseFor ?? 0);
    this.refusingUntil = now + refuseFor;
    this.startingUntil = now + Math.max(refuseFor, options.startingFor ?? 0);
    this.startedAt = now;
    if (refuseFor > 0) this.stopListening(refuseFor);
  }

  /** When the app answers healthy again (for benchmarks of detection latency), epoch ms. */
  upAt(): number {
    return this.startingUntil;
  }

  private stopListening(ms: number): void {
    const server = this.server;
    if (!server || this.disposed) return;
    if (server.listening) {
      this.port = (server.address() as AddressInfo).port;
      server.close();
    }
    for (const socket of this.sockets) socket.destroy();
    clearTimeout(this.relisten);
    this.relisten = setTimeout(() => this.listenAgain(), ms);
  }

  private listenAgain(): void {
    this.relisten = undefined;
    if (this.disposed || !this.server || this.server.listening) return;
    this.server.listen(this.port, '127.0.0.1');
  }

  /** Stops the restart timer; the server is closing. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.relisten);
  }

  reset(): void {
    this.settings = { health: 'healthy', latencyMs: 0, services: {} };
    this.version = DEFAULT_VERSION;
    this.pending = undefined;
    this.startingUntil = 0;
    this.refusingUntil = 0;
    this.healthAnswers = 0;
    this.requests = [];
    this.items.clear();
    this.tokens.clear();
    if (this.relisten) {
      clearTimeout(this.relisten);
      this.listenAgain();
    }
  }

  state(): unknown {
    return {
      version: this.servedVersion(),
      pending: this.pending,
      settings: this.settings,
      startingUntil: this.startingUntil,
      refusingUntil: this.refusingUntil,
      requests: this.requests.length,
      recent: this.requests.slice(-20),
    };
  }

  control(action: string, body: unknown): unknown {
    const b = (body ?? {}) as Record<string, unknown>;
    if (action === 'configure') return { settings: this.configure(b as Partial<AppSettings>) };
    if (action === 'release') {
      this.release(String(b.version), { oldVersionFor: Number(b.oldVersionFor ?? 0) });
      return { version: this.servedVersion(), pending: this.pending };
    }
    if (action === 'start') {
      this.start(b as StartOptions);
      return { startingUntil: this.startingUntil };
    }
    throw new Error(`unknown app control '${action}'`);
  }

  /** Health answers alternate when flapping: good, bad, good… */
  private healthy(): boolean {
    if (this.settings.health === 'flapping') return this.healthAnswers++ % 2 === 0;
    return this.settings.health === 'healthy';
  }

  async handle(req: SandboxRequest): Promise<Reply> {
    const at = Date.now();
    if (this.settings.latencyMs > 0) await sleep(this.settings.latencyMs);
    const version = this.servedVersion();
    const bypass = req.headers['x-vercel-protection-bypass'];
    const reply =
      this.settings.protection && bypass !== this.settings.protection
        ? html(401, '<!DOCTYPE html><html><body>Authentication Required</body></html>')
        : at < this.startingUntil
          ? json(503, { status: 'starting', version })
          : this.route(req, version);
    this.requests.push({ at, method: req.method, path: req.path, status: reply.status, version, doneAt: Date.now() });
    if (this.requests.length > MAX_LOG) this.requests.splice(0, this.requests.length - MAX_LOG);
    return reply;
  }

  private route(req: SandboxRequest, version: string): Reply {
    const { method, path } = req;
    const now = new Date().toISOString();
    if (path === '/version') return json(200, { version });
    if (path === '/health' || path === '/healthz') {
      return this.healthy()
        ? json(200, { status: 'ok', version, timestamp: now })
        : json(503, { status: 'unhealthy', version, timestamp: now });
    }
    if (path === '/api/health/detailed') return { status: 301, headers: { location: '/api/health/detailed/' } };
    if (path === '/api/health/detailed/') return this.detailed(version, now);
    if (path === '/up') {
      return this.healthy()
        ? html(200, '<!DOCTYPE html><html><head><title>Sample</title></head><body>Application up</body></html>')
        : html(500, '<!DOCTYPE html><html><body>Server Error</body></html>');
    }
    if (this.settings.health === 'unhealthy') return json(500, { error: 'internal server error' });
    if (path === '/' && method === 'GET')
      return html(
        200,
        `<!DOCTYPE html><html><head><title>Sample shop</title><meta name="version" content="${version}"></head><body><h1>Sample shop</h1></body></html>`,
      );
    if (path === '/api/v1' || path === '/api/v1/')
      return json(200, { name: 'sample-api', version, endpoints: ['/items', '/login', '/me'] });
    return this.api(req);
  }

  private detailed(version: string, timestamp: string): Reply {
    const up = this.healthy();
    const services: Record<string, ServiceStatus> = {};
    for (const s of SERVICES) services[s] = up ? (this.settings.services[s] ?? 'healthy') : 'unhealthy';
    for (const [s, status] of Object.entries(this.settings.services)) if (up && status) services[s] = status;
    const statuses = Object.values(services);
    const status = statuses.every((s) => s === 'healthy') ? 'healthy' : statuses.includes('unhealthy') ? 'unhealthy' : 'degraded';
    return json(status === 'unhealthy' ? 503 : 200, {
      status,
      timestamp,
      version,
      services,
      metrics: {
        uptime_seconds: Math.round((Date.now() - this.startedAt) / 1000),
        requests_total: this.requests.length,
        response_time_ms: this.settings.latencyMs,
        memory_mb: 128,
      },
    });
  }

  /** A few resources so smoke checks can chain: create then read, log in then use the token. */
  private api(req: SandboxRequest): Reply {
    const { method, path } = req;
    let body: Record<string, unknown> = {};
    try {
      if (req.body.length > 0) body = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return json(400, { error: 'body is not JSON' });
    }
    if (path === '/api/v1/items' && method === 'POST') {
      const id = randomBytes(4).toString('hex');
      const item = { id, name: String(body.name ?? 'item') };
      this.items.set(id, item);
      return json(201, item, { location: `/api/v1/items/${id}` });
    }
    const item = /^\/api\/v1\/items\/([^/]+)$/.exec(path);
    if (item && method === 'GET') {
      const found = this.items.get(decodeURIComponent(item[1] ?? ''));
      return found ? json(200, found) : json(404, { error: 'no such item' });
    }
    if (path === '/api/v1/login' && method === 'POST') {
      const token = `tok_${randomBytes(8).toString('hex')}`;
      this.tokens.add(token);
      return json(200, { token, user: String(body.user ?? 'demo') });
    }
    if (path === '/api/v1/me' && method === 'GET') {
      const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
      return auth && this.tokens.has(auth[1] ?? '') ? json(200, { user: 'demo' }) : json(401, { error: 'unauthorized' });
    }
    return json(404, { error: `no route ${method} ${path}` });
  }
}

/** Starts the sample app; closing also stops its restart timer. */
export async function startApp(): Promise<SandboxServer<AppEmulator>> {
  const server = await startServer(new AppEmulator());
  const close = server.close;
  return {
    ...server,
    close: async () => {
      server.emulator.dispose();
      await close();
    },
  };
}
