/** validate's `vercel` source against the Vercel emulator: the project's variables for the environment's target, by presence. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../packages/core/src/http.ts';
import { cleanFailureProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { DEFAULT_VERCEL_TOKEN, startVercelEmulator, type VercelSandbox } from '../../packages/sandbox/src/vercel/index.ts';
import { VercelApi } from '../../packages/vercel/src/api.ts';
import { lineOf, token, writeFiles } from '../fixtures/validate/seed-repo.ts';

const SCHEMA = `services: [web, api]
variables:
  NEXT_PUBLIC_API_URL:
    services: [web]
    url: { schemes: [https] }
  STRIPE_PUBLISHABLE_KEY:
    services: [web]
    pattern: ^pk_
  JWT_SECRET:
    services: [api]
    min-length: 32
`;

const STRIPE_PUBLISHABLE_KEY = `pk_live_${token(24, 31)}`;

let vercel: VercelSandbox;
let dir: string;
beforeAll(async () => {
  vercel = await startVercelEmulator();
  vercel.emulator.seed({ projects: [{ name: 'web' }] });
  const api = new VercelApi({ http: new HttpClient({ retries: 0 }), token: DEFAULT_VERCEL_TOKEN, apiUrl: vercel.url });
  await api.upsertEnv('web', [{ key: 'NEXT_PUBLIC_API_URL', value: 'https://api.shop.test' }], ['production', 'preview']);
  // Set for previews only: production lacks it.
  await api.upsertEnv('web', [{ key: 'STRIPE_PUBLISHABLE_KEY', value: STRIPE_PUBLISHABLE_KEY }], ['preview']);
  dir = mkdtempSync(join(tmpdir(), 'validate-vercel-'));
  writeFiles(dir, { '.github/deploy-env.yml': SCHEMA });
});
afterAll(async () => {
  await vercel?.close();
  rmSync(dir, { recursive: true, force: true });
});

const validate = (inputs: Record<string, string>) =>
  runBundle('validate', {
    cwd: dir,
    inputs: {
      sources: 'vercel',
      'vercel-api-url': vercel.url,
      'vercel-token': DEFAULT_VERCEL_TOKEN,
      'vercel-project': 'web',
      'scan-secrets': 'false',
      ...inputs,
    },
    secrets: [DEFAULT_VERCEL_TOKEN, STRIPE_PUBLISHABLE_KEY],
  });

describe('validate with sources: vercel', () => {
  it("reports a variable the project lacks for production's target", async () => {
    const run = await validate({ environment: 'production' });
    expect(run.errors[0]).toBe('STRIPE_PUBLISHABLE_KEY (service web) from vercel:web (production): missing [required]');
    expect(run.annotations[0]?.properties).toMatchObject({ line: String(lineOf(SCHEMA, '  STRIPE_PUBLISHABLE_KEY:')) });
    expect(run.outputs).toMatchObject({ errors: '1', status: 'failure' });
    expect(run.leaks).toEqual([]);
  });

  it("passes for previews, where the project has them all (the api service's variables do not apply)", async () => {
    const run = await validate({ environment: 'staging' });
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ errors: '0', status: 'success' });
  });

  it('says the project is not found', async () => {
    const run = await validate({ 'vercel-project': 'shop-frontend' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/404|not found/i);
  });

  it('needs the project to read', async () => {
    const run = await validate({ 'vercel-project': '' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/^Input 'vercel-project' is required with sources: vercel/);
  });
});
