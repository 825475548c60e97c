/**
 * Runs the checks: independent ones concurrently (up to `concurrency`), a check that uses a
 * capture after the check that makes it (skipped if that one failed), each with its retries,
 * all within the run's deadline. `fail-fast` stops starting checks after the first failure.
 */
import type { Clock } from '@deploy-suite/core/clock';
import { formatDuration } from '@deploy-suite/core/duration';
import { type Answer, type Failure as AnswerFailure, checkAnswer } from '@deploy-suite/core/expect';
import { type HttpClient, isIdempotent, retryAfterMs } from '@deploy-suite/core/http';
import { stringifyJson, tryParseJsonExact } from '@deploy-suite/core/json';
import { queryJsonPath } from '@deploy-suite/core/jsonpath';
import { describeRedirects, probe } from '@deploy-suite/core/probe';
import type { Logger } from '@deploy-suite/core/runner';
import { maskUrl, type SecretRegistry } from '@deploy-suite/core/secrets';
import { joinUrl } from '@deploy-suite/core/urls';
import { type Capture, type Check, PLACEHOLDER } from './checks.ts';

export interface Failure {
  assertion: AnswerFailure['assertion'] | 'connection' | 'request' | 'capture' | 'timeout';
  message: string;
}

export interface CheckResult {
  check: Check;
  outcome: 'passed' | 'failed' | 'skipped';
  attempts: number;
  method: string;
  /** The last URL requested, masked. */
  url: string;
  status: number | undefined;
  latency: number | undefined;
  failures: Failure[];
  /** Why a skipped check did not run. */
  skipped: string | undefined;
  /** Milliseconds from the start of the run. */
  startedAt: number;
  duration: number;
}

export interface RunOptions {
  http: HttpClient;
  clock: Clock;
  logger: Pick<Logger, 'info'>;
  baseUrl: string | undefined;
  headers: Record<string, string>;
  concurrency: number;
  retries: number;
  requestTimeout: number;
  /** The most of an answer read, in bytes. */
  maxBody?: number;
  maxLatency: number | undefined;
  /** Scrubs outside text in failure messages before it is quoted and cut. */
  secrets?: Pick<SecretRegistry, 'scrub'>;
  timeout: number;
  failFast: boolean;
  signal?: AbortSignal;
  /** Called with a captured value that looks like a credential (a token, a session), to mask it. */
  onSecret?: (value: string) => void;
}

const RETRY_PAUSE_MS = 250;
const RETRY_PAUSE_CAP_MS = 5_000;
const SECRET_LOOKING = /token|secret|pass|key|auth|session|cookie|jwt|bearer/i;

function fill(template: string, captures: Map<string, string>, encode: boolean): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = captures.get(name) ?? '';
    return encode ? encodeURIComponent(value) : value;
  });
}

function fillDeep(value: unknown, captures: Map<string, string>): unknown {
  if (typeof value === 'string') return fill(value, captures, false);
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, captures));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, captures)]));
  return value;
}

function captureValue(capture: Capture, answer: Answer): string | undefined {
  if (capture.kind === 'header') return answer.headers.get(capture.header) ?? undefined;
  if (capture.kind === 'regex') return capture.regex.exec(answer.text)?.[1];
  const parsed = tryParseJsonExact(answer.text);
  if (!parsed.ok) return undefined;
  const value = queryJsonPath(capture.path, parsed.value)[0]?.value;
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : stringifyJson(value);
}

export async function runChecks(checks: readonly Check[], options: RunOptions): Promise<CheckResult[]> {
  const { clock } = options;
  const begin = clock.now();
  const deadlineAt = begin + options.timeout;
  const captures = new Map<string, string>();
  const producer = new Map<string, number>();
  checks.forEach((check, index) => {
    for (const c of check.captures) if (!producer.has(c.name)) producer.set(c.name, index);
  });
  const results: Array<CheckResult | undefined> = checks.map(() => undefined);
  const pending = checks.map((_, index) => index);
  const running = new Map<number, Promise<void>>();
  let stopped = false;

  const skip = (index: number, reason: string): void => {
    const check = checks[index] as Check;
    results[index] = skipResult(check, reason, clock.now() - begin);
    options.logger.info(`- ${check.name}: skipped (${reason})`);
  };

  /** 'ready', 'wait' (a producer is still running) or a reason to skip. */
  const readiness = (index: number): string => {
    for (const name of (checks[index] as Check).uses) {
      const from = producer.get(name);
      const done = from === undefined ? undefined : results[from];
      if (!done) return 'wait';
      if (done.outcome !== 'passed') return `it uses {{ ${name} }} from "${done.check.name}", which ${done.outcome}`;
    }
    return 'ready';
  };

  while (pending.length > 0 || running.size > 0) {
    if (options.signal?.aborted) break;
    for (let i = 0; i < pending.length && running.size < options.concurrency; ) {
      const index = pending[i] as number;
      if (stopped) {
        pending.splice(i, 1);
        skip(index, 'fail-fast: an earlier check failed');
        continue;
      }
      const state = readiness(index);
      if (state === 'wait') {
        i++;
        continue;
      }
      pending.splice(i, 1);
      if (state !== 'ready') {
        skip(index, state);
        continue;
      }
      const task = runOne(checks[index] as Check, captures, options, begin, deadlineAt).then((result) => {
        results[index] = result;
        running.delete(index);
        if (result.outcome === 'failed' && options.failFast) stopped = true;
      });
      running.set(index, task);
    }
    if (running.size === 0) {
      if (pending.length > 0 && !stopped) {
        // Only checks waiting on producers that never run (cannot happen after validation): skip them.
        for (const index of pending.splice(0)) skip(index, 'its captures were never made');
      }
      continue;
    }
    await Promise.race(running.values());
  }
  return results.map((r, index) => r ?? skipResult(checks[index] as Check, 'the run was cancelled'));
}

function skipResult(check: Check, reason: string, startedAt = 0): CheckResult {
  return {
    check,
    outcome: 'skipped',
    attempts: 0,
    method: check.method,
    url: maskUrl(check.url),
    status: undefined,
    latency: undefined,
    failures: [],
    skipped: reason,
    startedAt,
    duration: 0,
  };
}

async function runOne(
  check: Check,
  captures: Map<string, string>,
  options: RunOptions,
  begin: number,
  deadlineAt: number,
): Promise<CheckResult> {
  const { clock } = options;
  const startedAt = clock.now();
  const retries = check.retries ?? options.retries;
  // A POST or PATCH that failed may still have happened (a 500 after the item was created):
  // sending it again could do it twice, so only a check that says so is retried.
  const repeatable = check.retryUnsafe || isIdempotent(check.method);
  const expect = { ...check.expect, maxLatency: check.expect.maxLatency ?? options.maxLatency };
  const filledUrl = fill(check.url, captures, true);
  const url = options.baseUrl === undefined ? new URL(filledUrl).toString() : joinUrl(options.baseUrl, filledUrl);
  const headers: Record<string, string> = { ...options.headers };
  for (const [name, value] of Object.entries(check.headers)) headers[name] = fill(value, captures, false);
  let body: string | undefined;
  if (check.json !== undefined) {
    body = JSON.stringify(fillDeep(check.json, captures));
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  } else if (check.body !== undefined) body = fill(check.body, captures, false);

  let failures: Failure[] = [];
  let status: number | undefined;
  let latency: number | undefined;
  let attempt = 0;
  for (;;) {
    attempt += 1;
    const left = deadlineAt - clock.now();
    if (left <= 0) {
      failures = [{ assertion: 'timeout', message: `the run's timeout passed before attempt ${attempt}` }];
      break;
    }
    const timeout = Math.max(1, Math.min(check.timeout ?? options.requestTimeout, left));
    const result = await probe(options.http, clock, {
      url,
      method: check.method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(options.maxBody === undefined ? {} : { maxBody: options.maxBody }),
      followRedirects: check.followRedirects,
      timeout,
    });
    let retryAfter = 0;
    /** Whether sending the request again can help, and cannot do the work twice. */
    let retryable: boolean;
    let via = '';
    if (!result.ok) {
      status = result.status;
      latency = result.latency;
      failures = [{ assertion: result.permanent ? 'request' : 'connection', message: result.reason }];
      // A refused connection never reached the server: safe to repeat whatever the method.
      retryable = !result.permanent && (repeatable || /ECONNREFUSED/.test(result.reason));
    } else {
      status = result.answer.status;
      latency = result.answer.latency;
      via = describeRedirects(result.answer.redirects, maskUrl);
      failures = checkAnswer(expect, result.answer, options.secrets);
      if (failures.length === 0) failures = takeCaptures(check, result.answer, captures, options);
      if (status === 429) retryAfter = retryAfterMs(result.answer.headers, Date.now()) ?? 0;
      // A 429 was refused, not processed: safe to repeat whatever the method.
      retryable = repeatable || status === 429;
    }
    const tries = retries > 0 && retryable ? ` (attempt ${attempt} of ${retries + 1})` : '';
    const answered = status === undefined ? 'no answer' : `${status}${via} in ${Math.round(latency ?? 0)}ms`;
    options.logger.info(
      failures.length === 0
        ? `✓ ${check.name}: ${check.method} ${maskUrl(url)} → ${answered}`
        : `✗ ${check.name}: ${check.method} ${maskUrl(url)} → ${answered}: ${failures.map((f) => f.message).join('; ')}${tries}`,
    );
    if (failures.length === 0 || attempt > retries) break;
    if (!retryable) {
      const permanent = !result.ok && result.permanent;
      if (!permanent && !repeatable)
        options.logger.info(`  not retried: ${check.method} is not idempotent (set retry-unsafe: true on the check to retry it)`);
      break;
    }
    const pause = Math.max(retryAfter, Math.min(RETRY_PAUSE_CAP_MS, RETRY_PAUSE_MS * 2 ** (attempt - 1)));
    if (pause >= deadlineAt - clock.now()) {
      failures.push({
        assertion: 'timeout',
        message: `no time left to retry within the run's timeout (next try in ${formatDuration(pause)})`,
      });
      break;
    }
    await clock.sleep(pause, options.signal);
  }
  return {
    check,
    outcome: failures.length === 0 ? 'passed' : 'failed',
    attempts: attempt,
    method: check.method,
    url: maskUrl(url),
    status,
    latency,
    failures,
    skipped: undefined,
    startedAt: startedAt - begin,
    duration: clock.now() - startedAt,
  };
}

function takeCaptures(check: Check, answer: Answer, captures: Map<string, string>, options: RunOptions): Failure[] {
  const failures: Failure[] = [];
  for (const capture of check.captures) {
    const value = captureValue(capture, answer);
    if (value === undefined) {
      failures.push({ assertion: 'capture', message: `capture ${capture.name}: ${capture.source} found nothing in the answer` });
      continue;
    }
    if (SECRET_LOOKING.test(capture.name) || SECRET_LOOKING.test(capture.source)) options.onSecret?.(value);
    captures.set(capture.name, value);
  }
  return failures;
}
