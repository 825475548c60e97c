import { describe, expect, it } from 'vitest';
import { UserError } from '../../../packages/core/src/errors.ts';
import * as t from '../../../packages/core/src/input-types.ts';
import { required } from '../../../packages/core/src/inputs.ts';
import { defineAction } from '../../../packages/core/src/manifest.ts';
import { runAction } from '../../../packages/core/src/run.ts';
import { captureRunner } from '../../support/capture-runner.ts';

const manifest = defineAction({
  name: 'demo',
  title: 'Demo',
  description: 'A demo action.',
  branding: { icon: 'box', color: 'blue' },
  inputs: { target: required(t.url(), 'Where.') },
  outputs: {},
  example: '- uses: x',
});

function setup(inputs: Record<string, string> = { INPUT_TARGET: 'https://x.test' }) {
  const c = captureRunner(inputs);
  let signalHandler: ((s: NodeJS.Signals) => void) | undefined;
  const onSignal = (handler: (s: NodeJS.Signals) => void) => {
    signalHandler = handler;
    return () => undefined;
  };
  const deps = { env: c.env, runner: c.runner, onSignal };
  return { c, deps, signal: (s: NodeJS.Signals) => signalHandler?.(s) };
}

describe('the entry wrapper', () => {
  it('sets status success and exits 0 when the action completes', async () => {
    const { c, deps } = setup();
    expect(await runAction(manifest, async () => undefined, deps)).toBe(0);
    expect(c.outputs().status).toBe('success');
  });

  it('reports bad inputs as one error line before the action runs', async () => {
    const { c, deps } = setup({});
    let ran = false;
    expect(
      await runAction(
        manifest,
        async () => {
          ran = true;
        },
        deps,
      ),
    ).toBe(1);
    expect(ran).toBe(false);
    expect(c.stdout().match(/^::error::/gm)).toHaveLength(1);
    expect(c.stdout()).toContain("::error::Input 'target' is required");
    expect(c.outputs().status).toBe('failure');
  });

  it('reports a user error with its hint and no stack', async () => {
    const { c, deps } = setup();
    await runAction(
      manifest,
      async () => {
        throw new UserError('Deploy failed: build error', { hint: 'Read the build log.' });
      },
      deps,
    );
    expect(c.stdout()).toBe('::error::Deploy failed: build error%0AHint: Read the build log.\n');
  });

  it('reports an internal error as a bug, with the stack only as debug output', async () => {
    const { c, deps } = setup();
    await runAction(
      manifest,
      async () => {
        throw new TypeError('x is undefined');
      },
      deps,
    );
    const lines = c.stdout().trim().split('\n');
    expect(lines[0]).toMatch(/^::error::Internal error in demo: x is undefined%0AThis is a bug in the action/);
    expect(lines[1]).toMatch(/^::debug::TypeError: x is undefined%0A {4}at /);
    expect(lines).toHaveLength(2);
  });

  it('lets the action name its own status', async () => {
    const { c, deps } = setup();
    await runAction(manifest, async () => ({ status: 'warning' }), deps);
    expect(c.outputs().status).toBe('warning');
  });

  it('on SIGTERM aborts the action, runs its cancel hooks newest first and ends as cancelled', async () => {
    const { c, deps, signal } = setup();
    const undone: string[] = [];
    const code = await runAction(
      manifest,
      async (_inputs, ctx) => {
        ctx.onCancel(() => void undone.push('first'));
        ctx.onCancel(() => void undone.push('second'));
        setTimeout(() => signal('SIGTERM'), 5);
        await ctx.clock.sleep(10_000, ctx.signal);
      },
      deps,
    );
    expect(code).toBe(1);
    expect(undone).toEqual(['second', 'first']);
    expect(c.outputs().status).toBe('cancelled');
    expect(c.stdout()).toContain('::error::The step was cancelled (SIGTERM).');
  });

  it('on a second signal during a critical section asks it to wind down and waits instead of exiting', async () => {
    const { c, deps, signal } = setup();
    const seen: string[] = [];
    const code = await runAction(
      manifest,
      async (_inputs, ctx) => {
        setTimeout(() => signal('SIGINT'), 5);
        await ctx.clock.sleep(10_000, ctx.signal).catch(() => undefined);
        await ctx.critical('the restore', async (urgent) => {
          setTimeout(() => signal('SIGTERM'), 5);
          await new Promise<void>((resolve) => urgent.addEventListener('abort', () => resolve(), { once: true }));
          seen.push(`urgent: ${String((urgent.reason as Error).message)}`);
        });
        seen.push('after the section');
        c.runner.setOutput('restored', 'false');
      },
      deps,
    );
    expect(code).toBe(1);
    expect(seen).toEqual(['urgent: The step was cancelled (SIGTERM) during the restore.', 'after the section']);
    expect(c.outputs()).toMatchObject({ restored: 'false', status: 'cancelled' });
    expect(c.stdout()).toContain('waiting for the restore to finish or roll back before stopping');
  });
});
