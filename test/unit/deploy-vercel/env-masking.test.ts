import { describe, expect, it } from 'vitest';
import { deployVercel } from '../../../actions/deploy-vercel/src/deploy-vercel.ts';
import { manifest } from '../../../actions/deploy-vercel/src/manifest.ts';
import { inputVariable, parseInputs } from '../../../packages/core/src/inputs.ts';
import type { ActionContext } from '../../../packages/core/src/run.ts';
import { captureRunner } from '../../support/capture-runner.ts';

/** Runs deploy-vercel until its first request, which never goes out, and returns the log so far. */
async function logBeforeTheFirstRequest(inputs: Record<string, string>): Promise<string> {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, spec] of Object.entries(manifest.inputs)) env[inputVariable(name)] = spec.default ?? '';
  for (const [name, value] of Object.entries({ token: 'vercel-token', 'project-id': 'web', ...inputs }))
    env[inputVariable(name)] = value;
  const c = captureRunner(env);
  const parsed = parseInputs({ specs: manifest.inputs, env: c.env, runner: c.runner, check: manifest.check });
  const before = c.stdout().length;
  const stop = new Error('no request in this test');
  const ctx = {
    runner: c.runner,
    env: c.env,
    clock: { now: () => 0 },
    http: () => {
      throw stop;
    },
  } as unknown as ActionContext;
  await expect(deployVercel(parsed, ctx)).rejects.toBe(stop);
  return c.stdout().slice(before);
}

describe('the env and build-env of a Vercel deploy', () => {
  it('are masked only where they may be credentials, so NODE_ENV=production leaves "production" readable job-wide', async () => {
    const log = await logBeforeTheFirstRequest({
      env: 'NODE_ENV=production\nDATABASE_URL=postgres://u:pw-x9@h/db\nSTRIPE=sk_live_51HabcDEF',
      'build-env': 'NEXT_PUBLIC_REGION=eu\nSENTRY_AUTH_TOKEN=abc',
    });
    const masks = log
      .split('\n')
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => line.slice('::add-mask::'.length));
    expect(masks).toEqual(expect.arrayContaining(['postgres://u:pw-x9@h/db', 'sk_live_51HabcDEF', 'abc']));
    expect(masks).not.toContain('production');
    expect(masks).not.toContain('eu');
    expect(log).toContain('env and build-env: Masked 3 of 5 variables; readable: NEXT_PUBLIC_REGION, NODE_ENV.');
  });
});
