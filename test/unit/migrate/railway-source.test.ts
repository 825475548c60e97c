import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../../actions/migrate/src/manifest.ts';
import { makePlan } from '../../../actions/migrate/src/plan.ts';
import { chooseDatabaseVariable, isRailwayInternal, readRailwayDatabase } from '../../../actions/migrate/src/railway-source.ts';
import { HttpClient, type HttpClientOptions } from '../../../packages/core/src/http.ts';
import { inputVariable, parseInputs } from '../../../packages/core/src/inputs.ts';
import type { ActionContext } from '../../../packages/core/src/run.ts';
import { startRailwayEmulator } from '../../../packages/sandbox/src/railway/index.ts';
import { captureRunner } from '../../support/capture-runner.ts';

const ROOT = join(import.meta.dirname, '../../..');
const INTERNAL = 'postgresql://postgres:pw@postgres.railway.internal:5432/railway';
const PUBLIC = 'postgresql://postgres:pw@roundhouse.proxy.rlwy.net:41234/railway';

function setup(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const all: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: ROOT, PATH: '/usr/bin:/bin', ...env };
  for (const [name, spec] of Object.entries(manifest.inputs)) all[inputVariable(name)] = spec.default ?? '';
  for (const [name, value] of Object.entries(inputs)) all[inputVariable(name)] = value;
  const c = captureRunner(all);
  const parse = () => parseInputs({ specs: manifest.inputs, env: c.env, runner: c.runner, check: manifest.check });
  return { c, parse, ctx: { runner: c.runner, env: c.env } as unknown as ActionContext };
}

describe('the database a Railway service gives', () => {
  it('is DATABASE_URL when the runner can reach it', () => {
    expect(chooseDatabaseVariable({ DATABASE_URL: PUBLIC, DATABASE_PUBLIC_URL: 'postgres://x@y/z' }, 'api')).toEqual({
      variable: 'DATABASE_URL',
      url: PUBLIC,
    });
  });

  it('is DATABASE_PUBLIC_URL when DATABASE_URL is on the private network', () => {
    expect(chooseDatabaseVariable({ DATABASE_URL: INTERNAL, DATABASE_PUBLIC_URL: PUBLIC }, 'api').variable).toBe(
      'DATABASE_PUBLIC_URL',
    );
  });

  it('is refused with a hint when only a private URL exists, naming the host and not the password', () => {
    expect(() => chooseDatabaseVariable({ DATABASE_URL: INTERNAL }, 'api')).toThrow(
      /DATABASE_URL on Railway's private network \(postgres\.railway\.internal\).*no DATABASE_PUBLIC_URL/,
    );
    try {
      chooseDatabaseVariable({ DATABASE_URL: INTERNAL }, 'api');
    } catch (error) {
      expect(String(error)).not.toContain('pw@');
      expect((error as { hint?: string }).hint).toContain('DATABASE_PUBLIC_URL=${{Postgres.DATABASE_PUBLIC_URL}}');
    }
  });

  it('is missing with an error naming the variables looked for', () => {
    expect(() => chooseDatabaseVariable({ PORT: '8000' }, 'web')).toThrow(
      "The Railway service 'web' has no database variable: looked for DATABASE_URL and DATABASE_PUBLIC_URL.",
    );
  });

  it('tells private hosts among several, and IPv6 or ports, apart from public ones', () => {
    expect(isRailwayInternal('postgres://u:p@a.example:5432,db.railway.internal:5433/x')).toBe(true);
    expect(isRailwayInternal('postgres://u:p@[::1]:5432/x')).toBe(false);
    expect(isRailwayInternal('postgres://u:p%40railway.internal@host/x')).toBe(false);
  });
});

describe('the Railway inputs', () => {
  it('refuse database-url together with railway-service as one input error', () => {
    const { parse } = setup({
      tool: 'custom',
      command: 'x',
      'database-url': PUBLIC,
      'railway-service': 'api',
      'railway-token': 't',
    });
    expect(parse).toThrow(/Input 'database-url' is given with railway-service/);
    try {
      parse();
    } catch (error) {
      expect((error as { problems: unknown[] }).problems).toHaveLength(1);
    }
  });

  it('ask for the service when a token is given alone', () => {
    const { parse } = setup({ tool: 'custom', command: 'x', 'railway-token': 't' });
    expect(parse).toThrow(/Input 'railway-service' is required with railway-token/);
  });

  it('give the commands every Railway variable over the runner’s, then the reachable URL, then env', () => {
    const { parse, ctx } = setup(
      { tool: 'custom', command: 'x', 'railway-service': 'api', env: 'MODE=from-input' },
      {
        SECRET_KEY: 'runner',
        MODE: 'runner',
      },
    );
    const plan = makePlan(parse(), ctx, {
      url: PUBLIC,
      variable: 'DATABASE_PUBLIC_URL',
      service: 'api',
      variables: { DATABASE_URL: INTERNAL, DATABASE_PUBLIC_URL: PUBLIC, SECRET_KEY: 'railway', MODE: 'railway' },
    });
    expect(plan.env.SECRET_KEY).toBe('railway');
    expect(plan.env.DATABASE_URL).toBe(PUBLIC);
    expect(plan.env.PGHOST).toBe('roundhouse.proxy.rlwy.net');
    expect(plan.env.MODE).toBe('from-input');
    expect(plan.doBackup).toBe(true);
  });
});

describe('the variables a Railway service gives', () => {
  it('are masked only where they may be credentials, so Railway’s own names, the port and the environment stay readable', async () => {
    const rw = await startRailwayEmulator({
      seed: {
        project: 'shop',
        environments: ['production'],
        services: ['api'],
        variables: {
          api: {
            production: {
              DATABASE_URL: PUBLIC,
              SECRET_KEY: 'django-insecure-k3y',
              STRIPE: 'sk_live_51HabcDEF',
              PORT: '8080',
              RAILWAY_SERVICE_NAME: 'api',
              RAILWAY_ENVIRONMENT_NAME: 'production',
              RAILWAY_PUBLIC_DOMAIN: 'api-production.up.railway.app',
            },
          },
        },
      },
    });
    try {
      const { parse, ctx, c } = setup({
        tool: 'custom',
        command: 'x',
        'railway-service': 'api',
        'railway-token': rw.projectToken,
        'railway-api-url': rw.url,
      });
      const http = (options?: HttpClientOptions) => new HttpClient({ ...options, retries: 2, backoffBase: 10, backoffCap: 50 });
      const read = await readRailwayDatabase(parse(), { ...ctx, http });
      expect(read.variables.PORT).toBe('8080');
      const masks = c
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith('::add-mask::'))
        .map((line) => line.slice('::add-mask::'.length));
      expect(masks).toEqual(expect.arrayContaining([PUBLIC, 'django-insecure-k3y', 'sk_live_51HabcDEF']));
      for (const readable of ['8080', 'api', 'production', 'api-production.up.railway.app'])
        expect(masks).not.toContain(readable);
      expect(c.stdout()).toContain(
        "Railway service 'api': Masked 3 of 7 variables; readable: PORT, RAILWAY_ENVIRONMENT_NAME, RAILWAY_PUBLIC_DOMAIN, RAILWAY_SERVICE_NAME.",
      );
    } finally {
      await rw.close();
    }
  });
});
