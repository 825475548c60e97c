/** validate's `vercel` source: an answer that is not Vercel's fails the read, never reads as "no variables". */
import { expect, it } from 'vitest';
import { vercelSource } from '../../../actions/validate/src/source-vercel.ts';
import { HttpClient } from '../../../packages/core/src/http.ts';
import { captureRunner } from '../../support/capture-runner.ts';

/** A server that answers every path with `body` (200, JSON), recording the paths asked. */
function answering(body: object, seen: string[]) {
  const fetch: typeof globalThis.fetch = async (input) => {
    seen.push(new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const { runner } = captureRunner();
  return { env: {}, runner, http: () => new HttpClient({ fetch, retries: 0 }) };
}

const options = { token: 'tok', project: 'web', teamId: undefined, apiUrl: 'http://vercel.test', environment: 'production' };

it('refuses a server that answers every path with a document that is not a Vercel answer', async () => {
  const seen: string[] = [];
  const source = vercelSource(options, answering({ status: 'ok', version: 'new' }, seen));
  await expect(source.read()).rejects.toThrow(/not Vercel's answer/);
  expect(seen).toEqual(['/v9/projects/web']);
});

it('reads the variables of the project for the target the environment maps to', async () => {
  const seen: string[] = [];
  const body = {
    id: 'prj_web',
    name: 'web',
    envs: [
      { id: 'env_1', key: 'API_URL', type: 'encrypted', target: ['production'] },
      { id: 'env_2', key: 'PREVIEW_ONLY', type: 'encrypted', target: ['preview'] },
    ],
  };
  const read = await vercelSource(options, answering(body, seen)).read();
  expect([...(read.present ?? [])]).toEqual(['API_URL']);
  expect(seen).toEqual(['/v9/projects/web', '/v10/projects/web/env']);
});
