/**
 * One request as a check sees it: an answer of any status with its latency, or the reason nothing
 * usable came back (refused, reset, timed out). No retries inside: the caller's loop (a health
 * gate's polls, a smoke check's retries) decides what a failure means and when to try again.
 */
import type { Clock } from './clock.ts';
import { CancelledError } from './errors.ts';
import type { Answer } from './expect.ts';
import { type HttpClient, HttpError } from './http.ts';
import type { KeyValues } from './input-types.ts';
import type { Runner } from './runner.ts';

export interface ProbeRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** For this request, in ms. */
  timeout: number;
}

export type ProbeResult = { ok: true; answer: Answer } | { ok: false; reason: string; latency: number };

export async function probe(http: HttpClient, clock: Clock, request: ProbeRequest): Promise<ProbeResult> {
  const started = clock.now();
  try {
    const response = await http.request(request.url, {
      method: request.method ?? 'GET',
      headers: request.headers ?? {},
      ...(request.body === undefined ? {} : { body: request.body }),
      timeout: request.timeout,
      deadline: request.timeout,
      retries: 0,
      anyStatus: true,
    });
    return {
      ok: true,
      answer: { status: response.status, headers: response.headers, text: response.text, latency: clock.now() - started },
    };
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    if (error instanceof HttpError) return { ok: false, reason: error.reason ?? error.message, latency: clock.now() - started };
    throw error;
  }
}

/** Request headers from a `headers` input; every value is masked first (bypass tokens, cookies). */
export function secretHeaders(runner: Pick<Runner, 'setSecret'>, pairs: KeyValues | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of pairs ?? []) {
    runner.setSecret(value);
    headers[name] = value;
  }
  return headers;
}
