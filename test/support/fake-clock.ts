/** A clock whose sleeps return at once and advance time: backoff and deadlines without waiting. */

import type { Clock } from '../../packages/core/src/clock.ts';
import { CancelledError } from '../../packages/core/src/errors.ts';

export interface FakeClock extends Clock {
  sleeps: number[];
  advance(ms: number): void;
}

export function fakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new CancelledError();
      sleeps.push(ms);
      now += ms;
    },
  };
}
