/** Time as a dependency, so waits and backoff can be tested without real sleeps. */
import { CancelledError } from './errors.ts';

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancellation(signal));
        return;
      }
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(cancellation(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** The error to throw when a signal aborts: its own reason when that is already ours. */
export function cancellation(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof CancelledError ? reason : new CancelledError();
}
