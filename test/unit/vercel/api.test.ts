import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../packages/core/src/errors.ts';
import { HttpClient, HttpError } from '../../../packages/core/src/http.ts';
import { toDeployment, toProject, VercelApi } from '../../../packages/vercel/src/api.ts';
import { startWorld, type VercelWorld } from './world.ts';

describe('the Vercel REST client', () => {
  let world: VercelWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => world.close());
  beforeEach(() => {
    world.vercel.emulator.reset();
    world.vercel.faults.clear();
    world.vercel.emulator.control('timing', { buildMs: 20, queuedMs: 5, aliasMs: 5, aliasJobMs: 5 });
    world.vercel.emulator.seed({ teams: [{ id: 'team_acme' }], projects: [{ id: 'prj_web', name: 'web', teamId: 'team_acme' }] });
  });

  it('sends the team as ?teamId= on every request', async () => {
    const project = await world.api({ teamId: 'team_acme' }).getProject('web');
    expect(project).toMatchObject({ id: 'prj_web', name: 'web', accountId: 'team_acme', productionDeploymentId: undefined });
    await expect(world.api().getProject('web')).rejects.toMatchObject({ status: 404 });
    expect(world.vercel.emulator.requests.map((r) => r.query)).toEqual(['teamId=team_acme', '']);
  });

  it('rolls back through /v9 and falls back to /v1 when /v9 is gone', async () => {
    const seen: string[] = [];
    const api = world.api({
      teamId: 'team_acme',
      fetch: async (input, init) => {
        const url = String(input);
        seen.push(`${init?.method} ${new URL(url).pathname}`);
        if (url.includes('/v9/projects/prj_web/rollback/'))
          return new Response('{"error":{"code":"not_found","message":"gone"}}', { status: 404 });
        return fetch(input, init);
      },
    });
    await expect(api.rollback('prj_web', 'dpl_missing')).rejects.toBeInstanceOf(HttpError);
    expect(seen).toEqual(['POST /v9/projects/prj_web/rollback/dpl_missing', 'POST /v1/projects/prj_web/rollback/dpl_missing']);
  });

  it('does not fall back to /v1 when /v9 refuses for another reason than 404', async () => {
    world.vercel.inject({ kind: '401', path: '/v9/' });
    await expect(world.api({ teamId: 'team_acme' }).rollback('prj_web', 'dpl_x')).rejects.toMatchObject({ status: 403 });
    expect(world.vercel.emulator.requests.filter((r) => r.path.startsWith('/v1/'))).toHaveLength(0);
  });

  it('finds a deployment on a later page of the list', async () => {
    const api = world.api({ teamId: 'team_acme' });
    const emulator = world.vercel.emulator;
    // Twelve deployments straight into the world, created a millisecond apart.
    for (let i = 0; i < 12; i++) {
      emulator.deployments.set(`dpl_${i}`, {
        id: `dpl_${i}`,
        url: `web-${i}.vercel.app`,
        name: 'web',
        projectId: 'prj_web',
        accountId: 'team_acme',
        target: i === 0 ? 'production' : null,
        readyState: 'READY',
        createdAt: 1_000 + i,
        buildingAt: 1_000 + i,
        ready: 1_000 + i,
        meta: {},
        alias: [],
        aliasAssigned: true,
        events: [],
        plan: { version: String(i), build: 'ok', runtime: 'ok', buildMs: 0, logLines: [] },
        tree: new Map(),
        gitMetadata: undefined,
        env: [],
        buildEnv: [],
        prebuilt: false,
        autoAssignCustomDomains: true,
        errorCode: undefined,
        errorMessage: undefined,
        held: false,
      });
    }
    const found = await api.findDeployment({ projectId: 'prj_web', limit: 5 }, (d) => d.target === 'production');
    expect(found?.id).toBe('dpl_0');
    expect(emulator.requests.filter((r) => r.path === '/v6/deployments')).toHaveLength(3);
    expect(await api.findDeployment({ projectId: 'prj_web', limit: 5 }, (d) => d.id === 'nope')).toBeUndefined();
  });

  it('upserts project variables as encrypted and lists them without values', async () => {
    const api = world.api({ teamId: 'team_acme' });
    await api.upsertEnv('web', [{ key: 'API_URL', value: 'https://a' }], ['production', 'preview']);
    await api.upsertEnv('web', [{ key: 'API_URL', value: 'https://b' }], ['production', 'preview']);
    expect(await api.listEnv('web')).toEqual([
      { id: expect.stringMatching(/^env_/), key: 'API_URL', type: 'encrypted', target: ['production', 'preview'] },
    ]);
  });
});

describe("the Vercel client's reading of answers", () => {
  it('refuses a project or a deployment without an id, as another server answers', () => {
    // A health page where Vercel should be: no project named '' and no deployment to wait on.
    const healthy = { status: 'ok', version: 'new' };
    expect(() => toProject(healthy)).toThrow(UserError);
    expect(() => toDeployment(healthy)).toThrow(/without a deployment \(no id\)/);
  });

  it('reads the id of either shape: id in v13, uid in the v6 list', () => {
    expect(toDeployment({ id: 'dpl_a' }).id).toBe('dpl_a');
    expect(toDeployment({ uid: 'dpl_b' }).id).toBe('dpl_b');
  });
});

describe("the Vercel client's reading of project variables", () => {
  /** An API whose every answer is `body` (200, JSON). */
  const answering = (body: object) =>
    new VercelApi({
      token: 'tok',
      apiUrl: 'http://vercel.test',
      http: new HttpClient({
        retries: 0,
        fetch: async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
      }),
    });

  it('refuses an answer with no variable list instead of reading it as "none set"', async () => {
    await expect(answering({ status: 'ok' }).listEnv('web')).rejects.toThrow(
      "The Vercel API answered without the project variables (no envs): this is not Vercel's answer.",
    );
  });

  it('reads a target given as one string, and the one-variable answer, as the API documents them', async () => {
    expect(await answering({ envs: [{ id: 'env_1', key: 'A', type: 'plain', target: 'production' }] }).listEnv('web')).toEqual([
      { id: 'env_1', key: 'A', type: 'plain', target: ['production'] },
    ]);
    expect(await answering({ id: 'env_2', key: 'B', type: 'encrypted', target: ['preview'] }).listEnv('web')).toEqual([
      { id: 'env_2', key: 'B', type: 'encrypted', target: ['preview'] },
    ]);
  });
});
