/**
 * One request as a check sees it: an answer of any status with its latency and redirect chain,
 * or the reason nothing usable came back (refused, reset, timed out, a body over the cap, a
 * header that cannot be sent). No retries inside: the caller's loop (a health gate's polls, a
 * smoke check's retries) decides what a failure means and when to try again.
 */
import type { Clock } from './clock.ts';
import { CancelledError } from './errors.ts';
import type { Answer } from './expect.ts';
import { type HttpClient, HttpError, type Redirect } from './http.ts';

export interface ProbeRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** For this request, in ms. */
  timeout: number;
  /** Follow redirects (default) or take the 3xx as the answer. */
  followRedirects?: boolean;
  /** The most of the body read, in bytes (the client's default when left out). */
  maxBody?: number;
}

export interface ProbeAnswer extends Answer {
  /** The URL that answered, after redirects. */
  url: string;
  redirects: Redirect[];
}

export type ProbeResult =
  | { ok: true; answer: ProbeAnswer }
  | {
      ok: false;
      reason: string;
      latency: number;
      /** Trying again cannot help (a header that cannot be sent, a body over the cap). */
      permanent: boolean;
      /** The status, when the server answered but the answer could not be used (a body over the cap). */
      status: number | undefined;
    };

export async function probe(http: HttpClient, clock: Clock, request: ProbeRequest): Promise<ProbeResult> {
  const started = clock.now();
  try {
    const response = await http.request(request.url, {
      method: request.method ?? 'GET',
      headers: request.headers ?? {},
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(request.maxBody === undefined ? {} : { maxBody: request.maxBody }),
      redirect: request.followRedirects === false ? 'manual' : 'follow',
      timeout: request.timeout,
      deadline: request.timeout,
      retries: 0,
      anyStatus: true,
    });
    return {
      ok: true,
      answer: {
        status: response.status,
        headers: response.headers,
        text: response.text,
        latency: clock.now() - started,
        url: response.url,
        redirects: response.redirects,
      },
    };
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    if (error instanceof HttpError)
      return {
        ok: false,
        reason: error.reason ?? error.message,
        latency: clock.now() - started,
        permanent: error.permanent,
        status: error.status,
      };
    throw error;
  }
}

/** The redirect chain for a log line: ` (via 302 → http://b/x, 307 → http://c/y)`; empty without one. */
export function describeRedirects(redirects: readonly Redirect[], describeUrl: (url: string) => string): string {
  if (redirects.length === 0) return '';
  const hops = redirects.map(
    (r) => `${r.status} → ${describeUrl(r.to)}${r.dropped.length > 0 ? ` [other origin: ${r.dropped.join(', ')} not sent]` : ''}`,
  );
  return ` (via ${hops.join(', ')})`;
}
