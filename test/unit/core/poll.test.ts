import { describe, expect, it } from 'vitest';
import { DeadlineError } from '../../../packages/core/src/errors.ts';
import { poll } from '../../../packages/core/src/poll.ts';
import { fakeClock } from '../../support/fake-clock.ts';

describe('polling', () => {
  it('starts with short pauses and backs off to the interval', async () => {
    const clock = fakeClock();
    let n = 0;
    const result = await poll({
      what: 'the thing',
      timeout: 60_000,
      interval: 5000,
      clock,
      check: async () => (++n === 8 ? { done: true, value: 'ready' } : { done: false, state: `try ${n}` }),
    });
    expect(result).toMatchObject({ value: 'ready', attempts: 8 });
    expect(clock.sleeps).toEqual([500, 750, 1125, 1687.5, 2531.25, 3796.875, 5000]);
  });

  it('times out with what it waited for and the last state it saw', async () => {
    const clock = fakeClock();
    const error = await poll({
      what: 'deployment d1 to finish',
      timeout: 10_000,
      interval: 2000,
      clock,
      check: async () => ({ done: false, state: 'BUILDING' }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineError);
    expect((error as DeadlineError).message).toMatch(
      /^Timed out after 10s waiting for deployment d1 to finish \(\d+ checks\); last seen: BUILDING$/,
    );
    expect((error as DeadlineError).lastState).toBe('BUILDING');
  });

  it('makes its last check on the deadline rather than sleeping past it', async () => {
    const clock = fakeClock();
    await poll({
      what: 'x',
      timeout: 3000,
      interval: 2000,
      initialInterval: 2000,
      clock,
      check: async () => ({ done: false, state: 's' }),
    }).catch(() => undefined);
    expect(clock.sleeps).toEqual([2000, 1000]);
  });

  it('waits the initial delay before the first check', async () => {
    const clock = fakeClock();
    await poll({
      what: 'x',
      timeout: 10_000,
      interval: 1000,
      initialDelay: 4000,
      clock,
      check: async () => ({ done: true, value: 1 }),
    });
    expect(clock.sleeps).toEqual([4000]);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      poll({
        what: 'x',
        timeout: 1000,
        interval: 100,
        signal: controller.signal,
        check: async () => ({ done: false, state: 's' }),
      }),
    ).rejects.toThrow('cancelled');
  });
});
