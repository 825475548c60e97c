/** validate's `railway` source against the Railway emulator: each service's live variables, checked on their own. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanFailureProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { type RailwaySandbox, startRailwayEmulator } from '../../packages/sandbox/src/railway/index.ts';
import { lineOf, token, writeFiles } from '../fixtures/validate/seed-repo.ts';

const SCHEMA = `services: [api, web, worker, beat]
variables:
  DATABASE_URL:
    services: [api, worker, beat]
    url: { schemes: [postgres, postgresql] }
  DJANGO_SECRET_KEY:
    services: [worker, beat]
    min-length: 50
  REDIS_URL:
    services: [worker, beat]
    url: { schemes: [redis, rediss] }
  NEXT_PUBLIC_API_URL:
    services: [web]
    secret: false
    url: { schemes: [https] }
`;

const DJANGO_SECRET_KEY = token(64, 21);
const DATABASE_URL = `postgresql://postgres:${token(24, 22)}@postgres.railway.internal:5432/railway`;

let railway: RailwaySandbox;
let dir: string;
beforeAll(async () => {
  railway = await startRailwayEmulator({
    seed: {
      project: 'shop',
      environments: ['production', 'staging'],
      services: ['api', 'web', 'worker', 'beat'],
      variables: {
        // Shared by every service of the project.
        '': { production: { DATABASE_URL, DJANGO_SECRET_KEY } },
        web: { production: { NEXT_PUBLIC_API_URL: 'https://api.shop.test' } },
        worker: { production: { REDIS_URL: 'redis://redis.railway.internal:6379' } },
        // beat: REDIS_URL forgotten.
      },
    },
  });
  dir = mkdtempSync(join(tmpdir(), 'validate-railway-'));
  writeFiles(dir, { '.github/deploy-env.yml': SCHEMA });
});
afterAll(async () => {
  await railway?.close();
  rmSync(dir, { recursive: true, force: true });
});

const validate = (inputs: Record<string, string>) =>
  runBundle('validate', {
    cwd: dir,
    inputs: {
      sources: 'railway',
      'railway-api-url': railway.url,
      'railway-token': railway.projectToken,
      environment: 'production',
      'scan-secrets': 'false',
      ...inputs,
    },
    secrets: [railway.projectToken, DJANGO_SECRET_KEY, DATABASE_URL],
  });

describe('validate with sources: railway', () => {
  it('reports a variable missing on one service only', async () => {
    const run = await validate({ services: 'api, web, worker, beat' });
    expect(run.errors).toEqual([
      'REDIS_URL (service beat) from railway:beat: missing [required]',
      expect.stringMatching(/^Not ready to deploy: 1 error\(s\)/),
    ]);
    expect(run.annotations[0]?.properties).toMatchObject({
      file: '.github/deploy-env.yml',
      line: String(lineOf(SCHEMA, '  REDIS_URL:')),
    });
    expect(run.outputs).toMatchObject({ errors: '1', status: 'failure' });
    expect(run.leaks).toEqual([]);
  });

  it('passes when every named service has what it needs', async () => {
    const run = await validate({ services: 'api, worker' });
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ errors: '0', status: 'success' });
    expect(run.leaks).toEqual([]);
  });

  it('names the services the project has when one is unknown', async () => {
    const run = await validate({ services: 'api, celery' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('no service "celery" in project "shop"; its services are: api (');
  });

  it('says the token was refused, without showing it', async () => {
    const run = await validate({
      services: 'api',
      'railway-token': 'not-a-real-token-1234',
      'railway-project-id': railway.projectId,
    });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/^Railway rejected the token/);
    expect(
      run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain('not-a-real-token-1234');
  });

  it('needs the services to read', async () => {
    const run = await validate({});
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/^Input 'services' is required with sources: railway/);
  });
});
