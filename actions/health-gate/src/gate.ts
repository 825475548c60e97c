/**
 * health-gate: poll every URL until all pass `success-threshold` polls in a row, or the timeout
 * (or `failure-threshold` hard failures in a row) ends the wait. Every attempt is one log line
 * (outside text in it quoted), the summary has the table of attempts and the verdict; the
 * outputs say how it went, and a timeout reports the last real answer, not only "timed out".
 */
import { formatDuration } from '@deploy-suite/core/duration';
import { DeadlineError, UserError } from '@deploy-suite/core/errors';
import type { Expectations } from '@deploy-suite/core/expect';
import { requestHeaders } from '@deploy-suite/core/headers';
import { poll } from '@deploy-suite/core/poll';
import { describeRedirects, probe } from '@deploy-suite/core/probe';
import type { ActionContext, ActionResult } from '@deploy-suite/core/run';
import { maskUrl } from '@deploy-suite/core/secrets';
import { percentile } from '@deploy-suite/core/stats';
import { registerUrlCredentials } from '@deploy-suite/core/urls';
import { type Attempt, judge } from './judge.ts';
import type { HealthGateInputs } from './manifest.ts';
import { writeGateSummary } from './summary.ts';

/**
 * The first pause, and the growth of each next one: a geometric schedule makes each pause about
 * 8% of the time waited so far (a release up after 3 s is seen ~0.2 s later, one up after 30 s
 * ~1.3 s later on average) while a long wait settles at one poll an `interval`.
 */
const FIRST_PAUSE_MS = 250;
const GROWTH = 1.08;

export function expectationsOf(inputs: HealthGateInputs): Expectations {
  return {
    status: inputs.expectStatus,
    ...(inputs.expectJson ? { json: inputs.expectJson } : {}),
    ...(inputs.expectBody ? { body: [inputs.expectBody] } : {}),
    ...(inputs.expectVersion ? { version: { expected: inputs.expectVersion, path: inputs.versionPath } } : {}),
    ...(inputs.maxLatency !== undefined ? { maxLatency: inputs.maxLatency } : {}),
  };
}

function line(attempt: Attempt, multipleUrls: boolean): string {
  const where = multipleUrls ? ` ${maskUrl(attempt.url)}` : '';
  const what = attempt.status === undefined ? 'no answer' : `${attempt.status}`;
  const verdict = attempt.passed ? 'pass' : `FAIL (${attempt.failure})`;
  const via = describeRedirects(attempt.redirects, maskUrl);
  return `#${attempt.poll} +${formatDuration(attempt.at)}${where}: ${what}${via} in ${Math.round(attempt.latency)}ms ${verdict}`;
}

/**
 * Why an attempt failed, told by the last real answer: when the last poll got no answer (it
 * timed out on the deadline, or the connection dropped) after the URL had answered, the answer
 * is the reason worth reading (`body does not contain READY`); the lost poll is a note after it.
 */
function lastRealReason(attempt: Attempt, lastAnswer: Attempt | undefined): { reason: string; note: string } {
  const failure = attempt.failure ?? 'failed';
  if (attempt.status !== undefined || !lastAnswer || lastAnswer.passed) return { reason: failure, note: '' };
  return {
    reason: lastAnswer.failure ?? 'failed',
    note: ` (status ${lastAnswer.status} at poll #${lastAnswer.poll}; the last poll: ${failure})`,
  };
}

export async function healthGate(inputs: HealthGateInputs, ctx: ActionContext): Promise<ActionResult> {
  const { runner, clock } = ctx;
  const headers = requestHeaders(runner, inputs.headers);
  const urls = inputs.url;
  for (const url of urls) registerUrlCredentials(runner, url);
  const expectations = expectationsOf(inputs);
  const http = ctx.http({ service: 'Health check', retries: 0, secrets: runner.secrets, maxBody: inputs.maxBody });
  const attempts: Attempt[] = [];
  const lastAnswers = new Map<string, Attempt>();
  let passesInARow = 0;
  let hardInARow = 0;
  /** The last failing poll's reasons, by the last real answers: the `failure` output. */
  let lastFailure = '';
  /** The same, with how the last poll itself ended: the error message. */
  let lastTold = '';
  const begin = clock.now();
  const deadlineAt = begin + inputs.timeout;

  runner.info(
    `Waiting up to ${formatDuration(inputs.timeout)} for ${urls.map(maskUrl).join(', ')} to pass ` +
      `${inputs.successThreshold} poll${inputs.successThreshold > 1 ? 's' : ''} in a row (status ${inputs.expectStatus.text}` +
      `${inputs.expectVersion ? `, version ${JSON.stringify(inputs.expectVersion)}` : ''}${inputs.followRedirects ? '' : ', redirects not followed'}).`,
  );

  const check = async (pollNumber: number) => {
    const timeout = Math.max(50, Math.min(inputs.requestTimeout, deadlineAt - clock.now()));
    const results = await Promise.all(
      urls.map(async (url) => {
        const at = clock.now() - begin;
        const result = await probe(http, clock, { url, headers, timeout, followRedirects: inputs.followRedirects });
        const attempt = judge(expectations, result, { poll: pollNumber, url, at }, runner.secrets);
        runner.info(line(attempt, urls.length > 1));
        return attempt;
      }),
    );
    attempts.push(...results);
    const failing = results.filter((a) => !a.passed);
    const reasons = failing.map((a) => {
      const { reason, note } = lastRealReason(a, lastAnswers.get(a.url));
      const where = urls.length > 1 ? `${maskUrl(a.url)}: ` : '';
      return { reason: `${where}${reason}`, told: `${where}${reason}${note}` };
    });
    lastFailure = reasons.map((r) => r.reason).join('; ');
    lastTold = reasons.map((r) => r.told).join('; ');
    for (const a of results) if (a.status !== undefined) lastAnswers.set(a.url, a);
    if (failing.length === 0) {
      hardInARow = 0;
      passesInARow += 1;
      if (passesInARow >= inputs.successThreshold) return { done: true as const, value: pollNumber };
      return { done: false as const, state: `passed ${passesInARow} of ${inputs.successThreshold} polls in a row` };
    }
    passesInARow = 0;
    hardInARow = failing.some((a) => a.hard) ? hardInARow + 1 : 0;
    if (inputs.failureThreshold > 0 && hardInARow >= inputs.failureThreshold) {
      throw new UserError(
        `Not healthy: ${hardInARow} hard failure${hardInARow > 1 ? 's' : ''} in a row (failure-threshold ${inputs.failureThreshold}); last: ${lastTold}`,
        { hint: 'The app answered, and wrongly: check its logs and the assertions of the step.' },
      );
    }
    return { done: false as const, state: lastTold };
  };

  let verdict: Error | undefined;
  try {
    await poll({
      what: 'the release to be healthy',
      timeout: inputs.timeout,
      interval: inputs.interval,
      initialInterval: Math.min(FIRST_PAUSE_MS, inputs.interval),
      factor: GROWTH,
      initialDelay: inputs.initialDelay,
      signal: ctx.signal,
      clock,
      check,
    });
  } catch (error) {
    if (ctx.signal.aborted || !(error instanceof UserError)) throw error;
    verdict = error instanceof DeadlineError ? timeoutError(inputs, attempts, lastTold, passesInARow) : error;
  }

  const elapsed = clock.now() - begin;
  const healthy = verdict === undefined;
  const latencies = attempts.filter((a) => a.status !== undefined).map((a) => a.latency);
  const polls = attempts.at(-1)?.poll ?? 0;
  const last = [...attempts].reverse().find((a) => a.status !== undefined);
  runner.setOutput('healthy', healthy);
  runner.setOutput('attempts', polls);
  runner.setOutput('elapsed', Math.round(elapsed));
  runner.setOutput('status-code', last?.status ?? '');
  runner.setOutput('latency-p50', Math.round(percentile(latencies, 50) ?? 0));
  runner.setOutput('latency-p95', Math.round(percentile(latencies, 95) ?? 0));
  runner.setOutput('failure', healthy ? '' : lastFailure || (verdict?.message ?? ''));
  writeGateSummary(runner, { urls, healthy, elapsed, polls, attempts, latencies, verdict: verdict?.message });

  if (verdict) throw verdict;
  runner.info(`Healthy after ${formatDuration(elapsed)} (${polls} poll${polls === 1 ? '' : 's'}).`);
  return { status: 'success' };
}

function timeoutError(inputs: HealthGateInputs, attempts: Attempt[], lastFailure: string, passesInARow: number): DeadlineError {
  const polls = attempts.at(-1)?.poll ?? 0;
  const last =
    lastFailure === ''
      ? `only ${passesInARow} of ${inputs.successThreshold} polls in a row passed`
      : passesInARow > 0
        ? `${lastFailure} (then ${passesInARow} of ${inputs.successThreshold} passes in a row)`
        : lastFailure;
  return new DeadlineError(
    `Not healthy after ${formatDuration(inputs.timeout)} (${polls} poll${polls === 1 ? '' : 's'}): ${last}`,
    lastFailure,
    'The release did not pass in time: check its deploy logs, or raise `timeout` if it is only slow to start.',
  );
}
