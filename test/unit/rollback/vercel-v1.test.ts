/**
 * The Vercel rollback in process, with a fetch in front of the emulator: where v9's rollback
 * route is gone (404), the action falls back to v1 and still verifies production.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { manifest } from '../../../actions/rollback/src/manifest.ts';
import { rollback } from '../../../actions/rollback/src/rollback.ts';
import { inputVariable } from '../../../packages/core/src/inputs.ts';
import { runAction } from '../../../packages/core/src/run.ts';
import { captureRunner } from '../../support/capture-runner.ts';
import { startVercelWorld, type VercelWorld } from './worlds.ts';

const token = 'vercel-unit-token';
let world: VercelWorld;
beforeAll(async () => {
  world = await startVercelWorld(token);
});
afterAll(async () => world?.close());
beforeEach(() => world.reset());

it('falls back to the v1 rollback route when v9 answers 404, and verifies production', async () => {
  const v1 = await world.deploy('web', '1.0.0');
  await world.deploy('web', '2.0.0');
  const seen: string[] = [];
  const fetchWithoutV9: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    seen.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    if (url.pathname.startsWith('/v9/projects/') && url.pathname.includes('/rollback/'))
      return new Response(JSON.stringify({ error: { code: 'not_found', message: 'The requested path was not found' } }), {
        status: 404,
      });
    return fetch(input, init);
  };
  const inputs = {
    provider: 'vercel',
    token,
    'api-url': world.vercel.url,
    'team-id': 'team_acme',
    'project-id': 'web',
    wait: 'true',
    timeout: '20s',
    'request-timeout': '5s',
  };
  const captured = captureRunner(Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v])));
  const exitCode = await runAction(manifest, rollback, {
    env: captured.env,
    runner: captured.runner,
    fetch: fetchWithoutV9,
    onSignal: () => () => {},
  });
  expect(exitCode, captured.stdout()).toBe(0);
  expect(seen).toContain(`POST /v9/projects/prj_web/rollback/${v1}`);
  expect(seen).toContain(`POST /v1/projects/prj_web/rollback/${v1}`);
  expect(await world.production('web')).toBe(v1);
  expect(captured.outputs()).toMatchObject({ 'rolled-back-to': v1, status: 'success' });
});
