/**
 * A hostile server on 127.0.0.1, and the bundles that make requests, so every bundle can be run
 * against every hostile answer:
 * - a served version that tries to inject workflow commands;
 * - a redirect to another origin (another port), which records what arrived there;
 * - credentials in the URL (`http://admin:<secret>@host/auth`), checked as Basic auth;
 * - a 600 MB body, generated while it is read (never stored), counting what was sent;
 * - an echo of the request's headers, for a 32 KiB secret;
 * - a header whose value is not Latin-1 (raw UTF-8 bytes on the wire).
 *
 * A bundle joins the suites with one entry in HOSTILE_TARGETS: how to point it at a URL, and how
 * to tell that it claimed success.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { BundleRun } from '../../packages/harness/src/run-bundle.ts';

/** The healthy document every target accepts as a success. */
export const HEALTHY = { status: 'ok', version: 'new' };
export const INJECTED_VERSION = 'old\n::stop-commands::x\n::set-output name=healthy::true';
export const HUGE_BYTES = 600 * 1024 * 1024;
export const NON_LATIN1 = 'José 🚀';

export interface Landed {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HostileServer {
  url: string;
  /** Another origin (another port): where `/redirect` sends the client. */
  otherUrl: string;
  /** What reached the other origin. */
  landed: Landed[];
  /** Bytes of the 600 MB body written before the client stopped reading. */
  streamed(): number;
  reset(): void;
  close(): Promise<void>;
}

/** A 32 KiB secret, mixed with characters that escape differently in URLs, JSON and HTML. */
export function bigSecret(label = 'big'): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let out = `${label}-`;
  for (let i = 0; out.length < 32 * 1024; i++) out += alphabet[(i * 7919) % alphabet.length];
  return out;
}

function answer(res: ServerResponse, method: string, status: number, body: object): void {
  // A POST is a webhook delivery (notify): Slack's plain `ok` is its success, anything else is not.
  if (method === 'POST' && status === 200 && body === HEALTHY) {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function listen(server: Server, sockets: Set<Socket>): Promise<string> {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startHostileServer(options: { password: string }): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const landed: Landed[] = [];
  let streamed = 0;
  // Big headers are part of the attack: a 32 KiB credential must reach the handler.
  const maxHeaderSize = 256 * 1024;

  const other = createServer({ maxHeaderSize }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      landed.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      answer(res, req.method ?? 'GET', 200, HEALTHY);
    });
  });
  const otherUrl = await listen(other, sockets);

  const main = createServer({ maxHeaderSize }, (req, res) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    req.resume();
    if (path.startsWith('/inject')) {
      answer(res, method, 200, { status: 'ok', version: INJECTED_VERSION });
    } else if (path.startsWith('/redirect')) {
      res.writeHead(307, { location: `${otherUrl}/landing` }).end();
    } else if (path.startsWith('/auth')) {
      const expected = `Basic ${Buffer.from(`admin:${options.password}`).toString('base64')}`;
      if (req.headers.authorization === expected) answer(res, method, 200, HEALTHY);
      else answer(res, method, 401, { error: `unauthorized: ${String(req.headers.authorization)}` });
    } else if (path.startsWith('/huge')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let left = HUGE_BYTES;
      const pump = (): void => {
        while (left > 0) {
          left -= chunk.length;
          streamed += chunk.length;
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
    } else if (path.startsWith('/echo')) {
      // Echoes every header back, as a careless error page does: a secret among them must not show.
      answer(res, method, 400, { error: 'bad request', youSent: req.headers, path: req.url });
    } else if (path.startsWith('/non-latin1')) {
      // Raw UTF-8 bytes in a header value: written as Latin-1 characters, they go out unchanged.
      res.setHeader('x-name', Buffer.from(NON_LATIN1, 'utf8').toString('latin1'));
      answer(res, method, 200, HEALTHY);
    } else answer(res, method, 404, { error: 'no such path' });
  });
  const url = await listen(main, sockets);

  return {
    url,
    otherUrl,
    landed,
    streamed: () => streamed,
    reset: () => {
      landed.length = 0;
      streamed = 0;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([new Promise((r) => main.close(r)), new Promise((r) => other.close(r))]);
    },
  };
}

export interface HostileTarget {
  /** The suite's name for it: the action, and the provider when the action has several. */
  name: string;
  action: string;
  /**
   * Inputs that make the bundle request `url` (with `headers` when it takes request headers, and
   * `token` as its API token when it takes one).
   */
  inputs(url: string, headers: Record<string, string>, token: string): Record<string, string>;
  /** Whether the bundle can send request headers of the user's choice. */
  takesHeaders: boolean;
  /** Whether the bundle sends an API token of its own (the secret a redirect or an echo must not expose). */
  takesToken: boolean;
  /**
   * Whether the server's healthy document is a success for it (a health check, a webhook); an API
   * client finds no API answer in it and must fail.
   */
  acceptsHealthy: boolean;
  /** The run says the job was done: the gate passed, the checks passed, Slack took the message. */
  claimedSuccess(run: BundleRun): boolean;
  /**
   * Files the bundle needs in its working directory (validate's schema), by relative path: the
   * suite writes them to a temporary folder and runs the bundle there.
   */
  files?: Record<string, string>;
}

const headerLines = (headers: Record<string, string>): string =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');

/** Exit 0, or a success status: what every action reports when it did its job. */
const succeeded = (run: BundleRun): boolean => run.exitCode === 0 || run.outputs.status === 'success';

/** validate's schema for the suite: one variable every service needs in every environment. */
const VALIDATE_SCHEMA = 'variables:\n  DATABASE_URL:\n    min-length: 1\n';

/** validate passed: exit 0, or an `errors` count of 0 (every variable found where the server was hostile). */
const validateClaimedSuccess = (run: BundleRun): boolean => succeeded(run) || run.outputs.errors === '0';

/** Every bundle that makes requests. A deploy action joins with one more entry. */
export const HOSTILE_TARGETS: readonly HostileTarget[] = [
  {
    name: 'health-gate',
    action: 'health-gate',
    takesHeaders: true,
    takesToken: false,
    acceptsHealthy: true,
    inputs: (url, headers) => ({
      url,
      'expect-json': '$.status == ok',
      'expect-version': 'new',
      headers: headerLines(headers),
      timeout: '3s',
      interval: '500ms',
      'request-timeout': '2s',
    }),
    claimedSuccess: (run) => run.exitCode === 0 || run.outputs.healthy === 'true',
  },
  {
    name: 'smoke-test',
    action: 'smoke-test',
    takesHeaders: true,
    takesToken: false,
    acceptsHealthy: true,
    inputs: (url, headers) => {
      // The origin (with any credentials) as base-url, the path as the check's url.
      const base = new URL(url);
      const path = `${base.pathname}${base.search}`;
      base.pathname = '/';
      base.search = '';
      return {
        'base-url': base.toString(),
        checks: `- name: Hostile\n  url: ${JSON.stringify(path)}\n  expect: { json: ["$.status == ok", "$.version == new"] }`,
        headers: headerLines(headers),
        retries: '0',
        timeout: '20s',
        'request-timeout': '5s',
      };
    },
    claimedSuccess: (run) => run.exitCode === 0 || run.outputs.passed === '1',
  },
  {
    name: 'notify',
    action: 'notify',
    takesHeaders: false,
    takesToken: false,
    acceptsHealthy: true,
    inputs: (url) => ({ 'webhook-url': url, status: 'failure', text: 'hostile', timeout: '8s', 'request-timeout': '4s' }),
    claimedSuccess: (run) => run.outputs.sent === 'true',
  },
  // The API clients: the URL is their API origin, so every call (`/graphql/v2`, `/v9/projects/…`)
  // lands under the case's path prefix. Short timeouts end each run in seconds.
  {
    name: 'deploy-railway',
    action: 'deploy-railway',
    takesHeaders: false,
    takesToken: true,
    acceptsHealthy: false,
    inputs: (url, _headers, token) => ({
      token,
      'api-url': url,
      services: 'api',
      // A redeploy uploads nothing: the requests are the API's alone.
      source: 'redeploy',
      logs: 'false',
      timeout: '10s',
      'request-timeout': '2s',
    }),
    claimedSuccess: (run) => succeeded(run) || (run.outputs['deployment-id'] ?? '') !== '',
  },
  {
    name: 'deploy-vercel',
    action: 'deploy-vercel',
    takesHeaders: false,
    takesToken: true,
    acceptsHealthy: false,
    inputs: (url, _headers, token) => ({
      token,
      'api-url': url,
      'project-id': 'hostile',
      'pr-comment': 'false',
      timeout: '10s',
    }),
    claimedSuccess: (run) => succeeded(run) || run.outputs['ready-state'] === 'READY',
  },
  {
    name: 'rollback (railway)',
    action: 'rollback',
    takesHeaders: false,
    takesToken: true,
    acceptsHealthy: false,
    inputs: (url, _headers, token) => ({
      provider: 'railway',
      token,
      'api-url': url,
      services: 'api',
      reason: 'hostile',
      timeout: '10s',
      'request-timeout': '2s',
    }),
    claimedSuccess: (run) => succeeded(run) || (run.outputs['rolled-back-to'] ?? '') !== '',
  },
  {
    name: 'rollback (vercel)',
    action: 'rollback',
    takesHeaders: false,
    takesToken: true,
    acceptsHealthy: false,
    inputs: (url, _headers, token) => ({
      provider: 'vercel',
      token,
      'api-url': url,
      'project-id': 'hostile',
      reason: 'hostile',
      timeout: '10s',
      'request-timeout': '2s',
    }),
    claimedSuccess: (run) => succeeded(run) || (run.outputs['rolled-back-to'] ?? '') !== '',
  },
  {
    name: 'migrate (railway)',
    action: 'migrate',
    takesHeaders: false,
    takesToken: true,
    acceptsHealthy: false,
    inputs: (url, _headers, token) => ({
      tool: 'custom',
      command: 'echo migrated',
      'railway-token': token,
      'railway-service': 'api',
      'railway-api-url': url,
      backup: 'false',
      timeout: '10s',
    }),
    claimedSuccess: succeeded,
  },
  // validate reads the platforms only through its sources: one required variable, read from the
  // API alone. An answer validate cannot read must fail the run, never pass it with 0 errors.
  {
    name: 'validate (railway)',
    action: 'validate',
    takesHeaders: false,
    takesToken: true,
    acceptsHealthy: false,
    files: { '.github/deploy-env.yml': VALIDATE_SCHEMA },
    inputs: (url, _headers, token) => ({
      sources: 'railway',
      'railway-token': token,
      'railway-api-url': url,
      services: 'api',
      environment: 'production',
      'scan-secrets': 'false',
    }),
    claimedSuccess: validateClaimedSuccess,
  },
  {
    name: 'validate (vercel)',
    action: 'validate',
    takesHeaders: false,
    takesToken: true,
    acceptsHealthy: false,
    files: { '.github/deploy-env.yml': VALIDATE_SCHEMA },
    inputs: (url, _headers, token) => ({
      sources: 'vercel',
      'vercel-token': token,
      'vercel-api-url': url,
      'vercel-project': 'hostile',
      environment: 'production',
      'scan-secrets': 'false',
    }),
    claimedSuccess: validateClaimedSuccess,
  },
];

/** Lines the runner would execute that the bundle did not write itself. */
export function injectedCommands(stdout: string): string[] {
  return stdout.split(/\r?\n/).filter((line) => /^::(stop-commands::x|set-output)/.test(line));
}
