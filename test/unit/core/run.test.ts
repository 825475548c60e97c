import { describe, expect, it } from 'vitest';
import { UserError } from '../../../packages/core/src/errors.ts';
import * as t from '../../../packages/core/src/input-types.ts';
import { required } from '../../../packages/core/src/inputs.ts';
import { defineAction } from '../../../packages/core/src/manifest.ts';
import { runAction } from '../../../packages/core/src/run.ts';
import { Runner } from '../../../packages/core/src/runner.ts';
import { captureRunner } from '../../support/capture-runner.ts';
import { runnerCommands, unescapeData } from '../../support/runner-commands.ts';

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

  it('keeps outside text in an error message from becoming a command', async () => {
    const { c, deps } = setup();
    const served = 'old\n::stop-commands::x\n::set-output name=healthy::true\r::warning::spoofed\n  ::add-mask::x';
    await runAction(
      manifest,
      async () => {
        throw new UserError(`Version mismatch: ${served}`);
      },
      deps,
    );
    const commands = runnerCommands(c.stdout());
    expect(commands.map((command) => command.name)).toEqual(['error']);
    expect(unescapeData(commands[0]?.data ?? '')).toBe(`Version mismatch: ${served}`);
  });

  it('keeps outside text in an internal error and its stack from becoming a command', async () => {
    const { c, deps } = setup({ INPUT_TARGET: 'https://x.test', RUNNER_DEBUG: '1' });
    await runAction(
      manifest,
      async () => {
        throw new Error('parse failed near\n::set-output name=healthy::true');
      },
      deps,
    );
    expect(runnerCommands(c.stdout()).map((command) => command.name)).toEqual(['error', 'debug']);
  });

  it('keeps the real outcome when the status output cannot be written', async () => {
    let out = '';
    const env = { INPUT_TARGET: 'https://x.test', GITHUB_OUTPUT: '/nonexistent-dir/output' };
    const runner = new Runner({ env, write: (text) => (out += text) });
    const deps = { env, runner, onSignal: () => () => undefined };
    await expect(runAction(manifest, async () => undefined, deps)).resolves.toBe(0);
    await expect(
      runAction(
        manifest,
        async () => {
          throw new UserError('Deploy failed');
        },
        deps,
      ),
    ).resolves.toBe(1);
    expect(out.match(/^::error::/gm)).toEqual(['::error::']);
    expect(out).toContain('::error::Deploy failed\n');
    expect(out).toContain("::warning::Could not set the status output to 'failure'");
  });

  it('takes a 40 KiB secret input without crashing, and never prints it', async () => {
    const secretManifest = defineAction({
      name: 'demo',
      title: 'Demo',
      description: 'A demo action with a secret.',
      branding: { icon: 'box', color: 'blue' },
      inputs: { key: required(t.url(), 'A key.', { secret: true }) },
      outputs: {},
      example: '- uses: x',
    });
    const key = `https://k.test/${'Zm9vYmFy'.repeat(5 * 1024)}`;
    const c = captureRunner({ INPUT_KEY: key });
    const code = await runAction(
      secretManifest,
      async () => {
        throw new UserError(`The server refused ${key}, encoded ${encodeURIComponent(key)}`);
      },
      { env: c.env, runner: c.runner, onSignal: () => () => undefined },
    );
    expect(code).toBe(1);
    const visible = c.stdout().replace(/^::add-mask::.*$/gm, '');
    expect(visible).toContain('::error::The server refused ***, encoded ***');
    expect(visible).not.toContain('Zm9vYmFy');
    expect(c.outputs().status).toBe('failure');
  });
});
