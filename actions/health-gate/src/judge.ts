/**
 * One attempt's verdict: passed, or the first failed assertion, and whether the failure is hard
 * (the app answered, and wrongly) or soft (the release is still coming up).
 */
import { checkAnswer, type Expectations } from '@deploy-suite/core/expect';
import type { Redirect } from '@deploy-suite/core/http';
import type { ProbeResult } from '@deploy-suite/core/probe';
import type { SecretRegistry } from '@deploy-suite/core/secrets';

export interface Attempt {
  poll: number;
  url: string;
  /** Milliseconds since the wait began. */
  at: number;
  status: number | undefined;
  latency: number;
  passed: boolean;
  /** Which assertion failed and how, e.g. "status 503, expected 200-399". */
  failure: string | undefined;
  hard: boolean;
  redirects: Redirect[];
}

/** Answers a proxy or platform gives while the release is not up yet. */
const NOT_UP_YET = new Set([429, 502, 503, 504]);

const noSecrets: Pick<SecretRegistry, 'scrub'> = { scrub: (text) => text };

export function judge(
  expect: Expectations,
  result: ProbeResult,
  where: { poll: number; url: string; at: number },
  secrets: Pick<SecretRegistry, 'scrub'> = noSecrets,
): Attempt {
  if (!result.ok) {
    return {
      ...where,
      status: result.status,
      latency: result.latency,
      passed: false,
      failure: result.reason,
      hard: false,
      redirects: [],
    };
  }
  const { answer } = result;
  const failures = checkAnswer(expect, answer, secrets);
  const first = failures[0];
  const hard = !NOT_UP_YET.has(answer.status) && failures.some((f) => ['status', 'header', 'body', 'json'].includes(f.assertion));
  return {
    ...where,
    status: answer.status,
    latency: answer.latency,
    passed: first === undefined,
    failure: first === undefined ? undefined : failures.map((f) => f.message).join('; '),
    hard,
    redirects: answer.redirects,
  };
}
