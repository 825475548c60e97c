/**
 * Waiting for a condition: a deadline, an interval that starts short and backs off to a cap (a
 * release that comes up in 3 s is seen in about 3 s, one that takes minutes is not hammered),
 * cancellation, and a timeout error that says what was seen last.
 */

import { type Clock, cancellation, systemClock } from './clock.ts';
import { DeadlineError } from './errors.ts';
import { formatDuration } from './input-types.ts';

export type PollResult<T> = { done: true; value: T } | { done: false; state: string };

export interface PollOptions<T> {
  /** What is awaited, for the timeout message: "deployment 4f2c to finish". */
  what: string;
  timeout: number;
  /** The longest pause between two checks. */
  interval: number;
  /** The first pause; each next one is `factor` times longer, up to `interval`. */
  initialInterval?: number;
  factor?: number;
  /** A pause before the first check. */
  initialDelay?: number;
  signal?: AbortSignal;
  clock?: Clock;
  check: (attempt: number) => Promise<PollResult<T>>;
  hint?: string;
}

export interface PollSuccess<T> {
  value: T;
  attempts: number;
  elapsed: number;
}

export async function poll<T>(options: PollOptions<T>): Promise<PollSuccess<T>> {
  const clock = options.clock ?? systemClock;
  const factor = options.factor ?? 1.5;
  const start = clock.now();
  const deadline = start + options.timeout;
  let pause = Math.min(options.initialInterval ?? Math.min(500, options.interval), options.interval);
  let lastState = 'nothing yet';

  if (options.initialDelay) await clock.sleep(Math.min(options.initialDelay, options.timeout), options.signal);

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw cancellation(options.signal);
    const result = await options.check(attempt);
    if (result.done) return { value: result.value, attempts: attempt, elapsed: clock.now() - start };
    lastState = result.state;

    const left = deadline - clock.now();
    if (left <= 0) {
      throw new DeadlineError(
        `Timed out after ${formatDuration(options.timeout)} waiting for ${options.what} (${attempt} checks); last seen: ${lastState}`,
        lastState,
        options.hint,
      );
    }
    // The last pause is cut short so one final check lands on the deadline.
    await clock.sleep(Math.min(pause, left), options.signal);
    pause = Math.min(pause * factor, options.interval);
  }
}
