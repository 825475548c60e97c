/**
 * The one HTTP client every network call goes through: a timeout for each attempt, a deadline
 * for the whole request, retries with exponential backoff and full jitter on network errors,
 * 408, 429 and 5xx (honouring `Retry-After`), never on other 4xx; errors that carry the method,
 * a redacted URL, the status and an excerpt of the body.
 *
 * It sends with Node's built-in fetch, which is undici: the npm undici package would add 1.6 MB
 * to every bundle and triple its cold start, for the same code Node already has in its snapshot.
 * `fetch` is injectable, and `client.fetch` is a fetch-compatible view of the client for
 * libraries that take one (@slack/webhook), so their requests get the same retries.
 */

import { type Clock, cancellation, systemClock } from './clock.ts';
import { CancelledError, UserError } from './errors.ts';
import { formatDuration } from './input-types.ts';
import type { Logger } from './runner.ts';
import { maskUrl } from './secrets.ts';

export type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface HttpClientOptions {
  fetch?: FetchFn;
  /** Per attempt, in ms (connect, headers and body). */
  timeout?: number;
  /** For the whole request, retries included, in ms. */
  deadline?: number;
  /** How many times a failed attempt is tried again. */
  retries?: number;
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
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  json?: unknown;
  timeout?: number;
  deadline?: number;
  retries?: number;
  signal?: AbortSignal;
  /** Accept any status instead of throwing on a non-2xx final answer. */
  anyStatus?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
  text: string;
  attempts: number;
  json<T = unknown>(): T;
}

export class HttpError extends UserError {
  readonly method: string;
  readonly url: string;
  readonly status: number | undefined;
  readonly bodyExcerpt: string | undefined;
  /** Why no usable answer came back (refused, reset, timed out), when it was not a status. */
  readonly reason: string | undefined;
  readonly attempts: number;

  constructor(init: {
    service: string;
    method: string;
    url: string;
    status?: number;
    body?: string;
    reason?: string;
    attempts: number;
    hint?: string;
  }) {
    const where = `${init.method} ${maskUrl(init.url)}`;
    const excerpt = init.body === undefined ? undefined : excerptOf(init.body);
    const what =
      init.status !== undefined
        ? `answered ${init.status}${excerpt ? `: ${excerpt}` : ''}`
        : `failed: ${init.reason ?? 'network error'}`;
    const tries = init.attempts > 1 ? ` (after ${init.attempts} attempts)` : '';
    super(`${init.service} ${where} ${what}${tries}`, { hint: init.hint ?? hintFor(init.status) });
    this.name = 'HttpError';
    this.method = init.method;
    this.url = maskUrl(init.url);
    this.status = init.status;
    this.bodyExcerpt = excerpt;
    this.reason = init.reason;
    this.attempts = init.attempts;
  }
}

function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
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
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
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

export class HttpClient {
  private readonly options: Required<Omit<HttpClientOptions, 'signal' | 'logger' | 'headers' | 'userAgent'>> &
    Pick<HttpClientOptions, 'signal' | 'logger' | 'headers' | 'userAgent'>;

  constructor(options: HttpClientOptions = {}) {
    this.options = {
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeout: options.timeout ?? 30_000,
      deadline: options.deadline ?? 120_000,
      retries: options.retries ?? 5,
      backoffBase: options.backoffBase ?? 500,
      backoffCap: options.backoffCap ?? 10_000,
      clock: options.clock ?? systemClock,
      random: options.random ?? Math.random,
      service: options.service ?? 'HTTP',
      logger: options.logger,
      headers: options.headers,
      userAgent: options.userAgent,
      signal: options.signal,
    };
  }

  async request(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const o = this.options;
    const method = (options.method ?? 'GET').toUpperCase();
    const timeout = options.timeout ?? o.timeout;
    const retries = options.retries ?? o.retries;
    const start = o.clock.now();
    const deadlineAt = start + (options.deadline ?? o.deadline);
    const signals = [o.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
    const outer = signals.length > 0 ? AbortSignal.any(signals) : undefined;
    const headers: Record<string, string> = { ...o.headers, ...options.headers };
    if (o.userAgent) headers['user-agent'] ??= o.userAgent;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }

    const fail = (init: { status?: number; body?: string; reason?: string; attempts: number }): HttpError =>
      new HttpError({ service: o.service, method, url, ...init });

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
      try {
        const response = await o.fetch(url, { method, headers, body, signal: attemptSignal, redirect: 'follow' });
        const bytes = new Uint8Array(await response.arrayBuffer());
        const text = new TextDecoder().decode(bytes);
        if (!isRetryableStatus(response.status)) {
          if (response.status >= 400 && !options.anyStatus)
            throw fail({ status: response.status, body: text, attempts: attempt });
          return {
            status: response.status,
            headers: response.headers,
            body: bytes,
            text,
            attempts: attempt,
            json: <T>() =>
              parseJson<T>(text, () => fail({ status: response.status, body: text, reason: 'not JSON', attempts: attempt })),
          };
        }
        retryReason = `status ${response.status}`;
        waitAtLeast = retryAfterMs(response.headers, Date.now()) ?? 0;
        lastFailure = fail({ status: response.status, body: text, attempts: attempt });
        if (options.anyStatus && (attempt > retries || waitAtLeast > deadlineAt - o.clock.now())) {
          return {
            status: response.status,
            headers: response.headers,
            body: bytes,
            text,
            attempts: attempt,
            json: <T>() => parseJson<T>(text, () => lastFailure),
          };
        }
      } catch (error) {
        if (error instanceof HttpError) throw error;
        if (outer?.aborted) throw cancellation(outer);
        if (error instanceof CancelledError || !isNetworkError(error)) throw error;
        retryReason = networkReason(error);
        lastFailure = fail({ reason: retryReason, attempts: attempt });
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
        `${o.service} ${method} ${maskUrl(url)}: ${retryReason}; retry ${attempt}/${retries} in ${formatDuration(delay)}`,
      );
      await o.clock.sleep(delay, outer);
    }
  }

  /**
   * A fetch-compatible view of the client for libraries that take a fetch function: the same
   * retries and deadline, and the final answer, whatever its status, as a Response.
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
