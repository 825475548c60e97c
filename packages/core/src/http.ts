/**
 * The one HTTP client every network call goes through: a timeout for each attempt, a deadline
 * for the whole request, retries with exponential backoff and full jitter on network errors,
 * 408, 429 and 5xx (honouring `Retry-After`), never on other 4xx and never a non-idempotent
 * request unless asked; errors that carry the method, a redacted URL, the status and a scrubbed
 * excerpt of the body.
 *
 * Redirects are followed here, not by fetch (`redirect: 'manual'`): a bounded chain, 303 (and
 * 301/302 of a POST) turned into a GET as fetch does, every hop recorded, and credential headers
 * (`isCredentialHeader`: Authorization, cookies, API keys, bypass tokens) dropped on any hop to
 * another origin, where fetch would drop only `Authorization`. A caller may also take the 3xx as
 * the answer (`redirect: 'manual'`) or refuse it (`redirect: 'error'`, as @slack/webhook asks).
 *
 * A body is read streamed up to a cap (1 MiB unless raised) and decoded by its declared charset.
 * Credentials in a URL are sent as Basic auth. `HTTPS_PROXY`/`NO_PROXY` are honoured (proxy.ts).
 *
 * It sends with Node's built-in fetch, which is undici: the npm undici package would add 1.6 MB
 * to every bundle and triple its cold start, so it is loaded only when a proxy is configured.
 * `fetch` is injectable, and `client.fetch` is a fetch-compatible view of the client for
 * libraries that take one (@slack/webhook), so their requests get the same rules.
 */

import { type Clock, cancellation, systemClock } from './clock.ts';
import { formatDuration } from './duration.ts';
import { CancelledError, UserError } from './errors.ts';
import { BodyTooLargeError, DEFAULT_MAX_BODY, decodeBody, discard, readCapped } from './http-body.ts';
import { type Dispatcher, proxyDispatcher } from './proxy.ts';
import type { Logger } from './runner.ts';
import { isCredentialHeader, maskUrl, type SecretRegistry } from './secrets.ts';
import { excerpt } from './untrusted.ts';
import { describeControlCharacter, splitUrlCredentials } from './urls.ts';

export type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export type RedirectMode = 'follow' | 'manual' | 'error';

export interface HttpClientOptions {
  fetch?: FetchFn;
  /** Per attempt, in ms (connect, headers and body). */
  timeout?: number;
  /** For the whole request, retries included, in ms. */
  deadline?: number;
  /** How many times a failed attempt is tried again. */
  retries?: number;
  /** Retry POST and PATCH too (the service makes them safe to repeat, as Slack's webhooks). */
  retryUnsafe?: boolean;
  /** Backoff: the first ceiling and the largest, in ms. */
  backoffBase?: number;
  backoffCap?: number;
  clock?: Clock;
  random?: () => number;
  logger?: Pick<Logger, 'debug' | 'info'>;
  userAgent?: string;
  headers?: Record<string, string>;
  /** Cancels every request of this client (the run's SIGTERM). */
  signal?: AbortSignal;
  /** Names the service in errors: "Slack", "Railway API". */
  service?: string;
  /** Scrubs body excerpts in errors before they are folded and cut (the run's secret registry). */
  secrets?: Pick<SecretRegistry, 'scrub'>;
  /** How a URL is shown in errors and logs; default: credentials masked. Slack shows the host only. */
  describeUrl?: (url: string) => string;
  /** The most of a body read, in bytes (default 1 MiB). */
  maxBody?: number;
  /** The most redirects followed for one request (default 10). */
  maxRedirects?: number;
  /** Where proxy variables are read (default: the process's). */
  env?: NodeJS.ProcessEnv;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  json?: unknown;
  timeout?: number;
  deadline?: number;
  retries?: number;
  /** Retry this request even when its method is not idempotent. */
  retryUnsafe?: boolean;
  signal?: AbortSignal;
  /** Accept any status instead of throwing on a non-2xx final answer. */
  anyStatus?: boolean;
  /** Follow redirects (default), answer with the 3xx itself, or fail on one. */
  redirect?: RedirectMode;
  /** The most of the body read, in bytes. */
  maxBody?: number;
}

/** One hop of a redirect chain. */
export interface Redirect {
  status: number;
  from: string;
  to: string;
  /** Credential headers left out on this hop because it went to another origin. */
  dropped: string[];
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
  text: string;
  attempts: number;
  /** The URL that answered, after redirects. */
  url: string;
  redirects: Redirect[];
  json<T = unknown>(): T;
}

const noSecrets: Pick<SecretRegistry, 'scrub'> = { scrub: (text) => text };

export class HttpError extends UserError {
  readonly method: string;
  readonly url: string;
  readonly status: number | undefined;
  readonly bodyExcerpt: string | undefined;
  /** Why no usable answer came back (refused, reset, timed out), when it was not a status. */
  readonly reason: string | undefined;
  readonly attempts: number;
  /** Trying again cannot help: the request itself cannot be sent, or the answer is refused by rule. */
  readonly permanent: boolean;

  constructor(init: {
    service: string;
    method: string;
    url: string;
    status?: number;
    body?: string;
    reason?: string;
    attempts: number;
    hint?: string;
    secrets?: Pick<SecretRegistry, 'scrub'>;
    describeUrl?: (url: string) => string;
    permanent?: boolean;
  }) {
    const shownUrl = (init.describeUrl ?? maskUrl)(init.url);
    const where = `${init.method} ${shownUrl}`;
    const bodyExcerpt = init.body === undefined ? undefined : excerpt(init.body, init.secrets ?? noSecrets);
    const what =
      init.status !== undefined
        ? `answered ${init.status}${bodyExcerpt ? `: ${bodyExcerpt}` : ''}${init.reason ? ` (${init.reason})` : ''}`
        : `failed: ${init.reason ?? 'network error'}`;
    const tries = init.attempts > 1 ? ` (after ${init.attempts} attempts)` : '';
    super(`${init.service} ${where} ${what}${tries}`, { hint: init.hint ?? hintFor(init.status) });
    this.name = 'HttpError';
    this.method = init.method;
    this.url = shownUrl;
    this.status = init.status;
    this.bodyExcerpt = bodyExcerpt;
    this.reason = init.reason;
    this.attempts = init.attempts;
    this.permanent = init.permanent ?? false;
  }
}

function hintFor(status: number | undefined): string | undefined {
  if (status === 401) return 'The token was refused: check that the secret is set and has not expired.';
  if (status === 403) return 'The token lacks access to this resource: check its scope and team.';
  if (status === 404) return 'Check the ids and URL: the resource does not exist or the token cannot see it.';
  if (status === 429) return 'The service is rate limiting: retry later or lower the request rate.';
  if (status !== undefined && status >= 500) return 'The service is failing; it was retried. Try again later.';
  return undefined;
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Methods a server must be able to receive twice with the effect of once (RFC 9110 9.2.2). */
export function isIdempotent(method: string): boolean {
  return ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'].includes(method.toUpperCase());
}

export function isRedirectStatus(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status);
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * fetch's own failures: its "fetch failed" TypeError (with the socket error as cause), a
 * timeout, or an error carrying a socket code. Anything else thrown from fetch is a bug and is
 * not retried.
 */
function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  if (error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated')) return true;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code);
}

function networkReason(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as { code?: string }).code;
      return code ? `${code} (${cause.message})` : cause.message;
    }
    return error.message;
  }
  return String(error);
}

/** A header name fetch accepts: an RFC 9110 token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A header value fetch accepts: Latin-1 without control characters other than tab. */
const HEADER_VALUE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;

/** Why a header cannot be sent, or undefined. Values are never quoted: they may be secrets. */
export function headerProblem(name: string, value: string): string | undefined {
  if (!TOKEN.test(name)) return `header name ${JSON.stringify(name)} is not a valid HTTP header name`;
  if (/[\r\n]/.test(value)) return `header ${name} holds a line break, which HTTP cannot send`;
  if (!HEADER_VALUE.test(value))
    return `header ${name} holds a character HTTP cannot send (only Latin-1 text is allowed; percent-encode others)`;
  return undefined;
}

/** Strips what fetch would send along on a redirect that becomes a GET. */
function withoutBodyHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !/^content-(type|length|encoding|language|location)$/i.test(name)),
  );
}

export class HttpClient {
  private readonly options: Required<
    Omit<HttpClientOptions, 'signal' | 'logger' | 'headers' | 'userAgent' | 'describeUrl' | 'secrets'>
  > &
    Pick<HttpClientOptions, 'signal' | 'logger' | 'headers' | 'userAgent'> & {
      describeUrl: (url: string) => string;
      secrets: Pick<SecretRegistry, 'scrub'>;
    };
  private dispatcher: Promise<Dispatcher | undefined> | undefined;

  constructor(options: HttpClientOptions = {}) {
    this.options = {
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeout: options.timeout ?? 30_000,
      deadline: options.deadline ?? 120_000,
      retries: options.retries ?? 5,
      retryUnsafe: options.retryUnsafe ?? false,
      backoffBase: options.backoffBase ?? 500,
      backoffCap: options.backoffCap ?? 10_000,
      clock: options.clock ?? systemClock,
      random: options.random ?? Math.random,
      service: options.service ?? 'HTTP',
      maxBody: options.maxBody ?? DEFAULT_MAX_BODY,
      maxRedirects: options.maxRedirects ?? 10,
      env: options.env ?? process.env,
      describeUrl: options.describeUrl ?? maskUrl,
      secrets: options.secrets ?? noSecrets,
      logger: options.logger,
      headers: options.headers,
      userAgent: options.userAgent,
      signal: options.signal,
    };
  }

  /** Shows a URL as this client's errors and logs do. */
  describe(url: string): string {
    return this.options.describeUrl(url);
  }

  async request(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const o = this.options;
    const method = (options.method ?? 'GET').toUpperCase();
    const timeout = options.timeout ?? o.timeout;
    const retriesAllowed = isIdempotent(method) || (options.retryUnsafe ?? o.retryUnsafe);
    const retries = options.retries ?? o.retries;
    const redirectMode = options.redirect ?? 'follow';
    const maxBody = options.maxBody ?? o.maxBody;
    const start = o.clock.now();
    const deadlineAt = start + (options.deadline ?? o.deadline);
    const signals = [o.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
    const outer = signals.length > 0 ? AbortSignal.any(signals) : undefined;
    const headers: Record<string, string> = { ...o.headers, ...options.headers };
    if (o.userAgent && !Object.keys(headers).some((h) => h.toLowerCase() === 'user-agent')) headers['user-agent'] = o.userAgent;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    }

    const fail = (init: {
      status?: number;
      body?: string;
      reason?: string;
      attempts: number;
      url?: string;
      permanent?: boolean;
    }): HttpError =>
      new HttpError({
        service: o.service,
        method,
        secrets: o.secrets,
        describeUrl: o.describeUrl,
        ...init,
        url: init.url ?? url,
      });

    // Checked before anything is sent: trying again cannot fix these.
    const control = describeControlCharacter(url);
    if (control) throw fail({ reason: `the URL holds ${control}`, attempts: 0, permanent: true });
    const credentials = splitUrlCredentials(url);
    if (!URL.canParse(credentials.url)) throw fail({ reason: 'not a valid URL', attempts: 0, permanent: true });
    if (credentials.authorization && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'))
      headers.authorization = credentials.authorization;
    for (const [name, value] of Object.entries(headers)) {
      const problem = headerProblem(name, value);
      if (problem) throw fail({ reason: problem, attempts: 0, permanent: true });
    }
    this.dispatcher ??= proxyDispatcher(o.env);
    const dispatcher = await this.dispatcher;

    for (let attempt = 1; ; attempt++) {
      if (outer?.aborted) throw cancellation(outer);
      const remaining = deadlineAt - o.clock.now();
      const attemptSignal = AbortSignal.any([
        // Whole milliseconds: AbortSignal.timeout refuses fractions, and clock times have them.
        AbortSignal.timeout(Math.max(1, Math.ceil(Math.min(timeout, remaining)))),
        ...(outer ? [outer] : []),
      ]);
      let retryReason: string;
      let waitAtLeast = 0;
      let lastFailure: HttpError;
      let current = credentials.url;
      let currentMethod = method;
      let currentBody = body;
      let currentHeaders = headers;
      const redirects: Redirect[] = [];
      try {
        let response: Response;
        for (;;) {
          const init: RequestInit = {
            method: currentMethod,
            headers: currentHeaders,
            body: currentBody,
            signal: attemptSignal,
            redirect: 'manual',
          };
          if (dispatcher) init.dispatcher = dispatcher;
          response = await o.fetch(current, init);
          const location = response.headers.get('location');
          if (!isRedirectStatus(response.status) || location === null || redirectMode === 'manual') break;
          await discard(response);
          const next = URL.canParse(location, current) ? new URL(location, current).toString() : undefined;
          if (next === undefined || !/^https?:$/.test(new URL(next).protocol))
            throw fail({
              status: response.status,
              reason: 'redirect to an invalid URL',
              attempts: attempt,
              url: current,
              permanent: true,
            });
          if (redirectMode === 'error')
            throw fail({
              status: response.status,
              reason: `a redirect to ${o.describeUrl(next)}, and redirects are refused for this request`,
              attempts: attempt,
              url: current,
              permanent: true,
            });
          if (redirects.length >= o.maxRedirects)
            throw fail({ reason: `more than ${o.maxRedirects} redirects`, attempts: attempt, url: current, permanent: true });
          const crossOrigin = new URL(next).origin !== new URL(current).origin;
          const dropped = crossOrigin ? Object.keys(currentHeaders).filter(isCredentialHeader) : [];
          if (dropped.length > 0)
            currentHeaders = Object.fromEntries(Object.entries(currentHeaders).filter(([name]) => !isCredentialHeader(name)));
          // As fetch: 303 becomes a GET (HEAD stays HEAD), and so do 301 and 302 after a POST.
          const toGet =
            (response.status === 303 && currentMethod !== 'GET' && currentMethod !== 'HEAD') ||
            ([301, 302].includes(response.status) && currentMethod === 'POST');
          if (toGet) {
            currentMethod = 'GET';
            currentBody = undefined;
            currentHeaders = withoutBodyHeaders(currentHeaders);
          }
          redirects.push({ status: response.status, from: current, to: next, dropped });
          o.logger?.debug(
            `${o.service} ${currentMethod} ${o.describeUrl(current)}: ${response.status} → ${o.describeUrl(next)}${
              dropped.length > 0 ? ` (another origin: ${dropped.join(', ')} not sent)` : ''
            }`,
          );
          current = next;
        }
        const finalUrl = current;
        let bytes: Uint8Array;
        try {
          bytes = await readCapped(response, maxBody);
        } catch (error) {
          if (error instanceof BodyTooLargeError)
            throw fail({ status: response.status, reason: error.message, attempts: attempt, url: finalUrl, permanent: true });
          throw error;
        }
        const text = decodeBody(bytes, response.headers.get('content-type'));
        const answer = (attempts: number, failure: () => HttpError): HttpResponse => ({
          status: response.status,
          headers: response.headers,
          body: bytes,
          text,
          attempts,
          url: finalUrl,
          redirects,
          json: <T>() => parseJson<T>(text, failure),
        });
        const notJson = (): HttpError =>
          fail({ status: response.status, body: text, reason: 'not JSON', attempts: attempt, url: finalUrl });
        if (!isRetryableStatus(response.status)) {
          if (response.status >= 400 && !options.anyStatus)
            throw fail({ status: response.status, body: text, attempts: attempt, url: finalUrl });
          return answer(attempt, notJson);
        }
        retryReason = `status ${response.status}`;
        waitAtLeast = retryAfterMs(response.headers, Date.now()) ?? 0;
        lastFailure = fail({ status: response.status, body: text, attempts: attempt, url: finalUrl });
        // A 429 was refused, not processed: it is safe to send again whatever the method.
        const mayRetry = retriesAllowed || response.status === 429;
        if (options.anyStatus && (!mayRetry || attempt > retries || waitAtLeast > deadlineAt - o.clock.now()))
          return answer(attempt, () => lastFailure);
        if (!mayRetry) throw lastFailure;
      } catch (error) {
        if (error instanceof HttpError) throw error;
        if (outer?.aborted) throw cancellation(outer);
        if (error instanceof CancelledError || !isNetworkError(error)) throw error;
        retryReason = networkReason(error);
        lastFailure = fail({ reason: retryReason, attempts: attempt, url: current });
        // A refused connection never reached the server; other failures may have.
        if (!retriesAllowed && !/ECONNREFUSED/.test(retryReason)) throw lastFailure;
      }

      const left = deadlineAt - o.clock.now();
      if (attempt > retries) throw lastFailure;
      if (left <= 0)
        throw fail({
          reason: `deadline of ${formatDuration(deadlineAt - start)} passed; last: ${retryReason}`,
          attempts: attempt,
        });
      const ceiling = Math.min(o.backoffCap, o.backoffBase * 2 ** (attempt - 1));
      const delay = Math.max(waitAtLeast, o.random() * ceiling);
      if (delay > left) {
        throw fail({
          reason: `${retryReason}; the next try (in ${formatDuration(delay)}) would pass the deadline`,
          attempts: attempt,
        });
      }
      o.logger?.debug(
        `${o.service} ${method} ${o.describeUrl(url)}: ${retryReason}; retry ${attempt}/${retries} in ${formatDuration(delay)}`,
      );
      await o.clock.sleep(delay, outer);
    }
  }

  /**
   * A fetch-compatible view of the client for libraries that take a fetch function: the same
   * retries, deadline, body cap and redirect rules (`redirect: 'error'` and `'manual'` are
   * honoured), and the final answer, whatever its status, as a Response.
   */
  readonly fetch: FetchFn = async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = await bodyBytes(init.body);
    if (init.body instanceof URLSearchParams) headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
    const response = await this.request(url, {
      method: init.method ?? 'GET',
      headers,
      ...(body === undefined ? {} : { body }),
      ...(init.signal ? { signal: init.signal } : {}),
      ...(init.redirect ? { redirect: init.redirect } : {}),
      anyStatus: true,
    });
    const nullBody = [101, 204, 205, 304].includes(response.status);
    return new Response(nullBody ? null : response.body, { status: response.status, headers: response.headers });
  };
}

/** A fetch body as bytes we can send again on a retry; streams cannot be replayed, so they are refused. */
async function bodyBytes(body: RequestInit['body']): Promise<string | Uint8Array | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  throw new TypeError('HttpClient.fetch: a streamed body cannot be retried; pass a string or bytes');
}

function parseJson<T>(text: string, error: () => Error): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw error();
  }
}
