import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppFleet } from '../../../packages/sandbox/src/fleet.ts';
import { DEFAULT_VERCEL_TOKEN, startVercelEmulator, type VercelSandbox } from '../../../packages/sandbox/src/vercel/index.ts';

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

describe('the Vercel emulator', () => {
  let vercel: VercelSandbox;
  let fleet: AppFleet;
  const auth = { authorization: `Bearer ${DEFAULT_VERCEL_TOKEN}` };

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) => {
    const r = await fetch(`${vercel.url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined, headers: r.headers };
  };
  const upload = (content: string, digest = sha1(content), size = Buffer.byteLength(content)) =>
    fetch(`${vercel.url}/v2/files`, {
      method: 'POST',
      headers: { ...auth, 'x-now-digest': digest, 'x-now-size': String(size), 'content-type': 'application/octet-stream' },
      body: content,
    });
  const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> => {
    for (let i = 0; i < 400; i++) {
      const v = await read();
      if (ok(v)) return v;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('condition never met');
  };
  const deployTree = async (files: Record<string, string>, extra: Record<string, unknown> = {}) => {
    for (const content of Object.values(files)) await upload(content);
    const created = await call('POST', '/v13/deployments', {
      name: 'web',
      files: Object.entries(files).map(([file, content]) => ({ file, sha: sha1(content), size: Buffer.byteLength(content) })),
      ...extra,
    });
    expect(created.status).toBe(200);
    return created.body as { id: string; url: string; readyState: string };
  };
  const settled = (id: string) =>
    until(
      () => call('GET', `/v13/deployments/${id}`),
      (r) => ['ERROR', 'CANCELED'].includes(r.body.readyState) || (r.body.readyState === 'READY' && r.body.aliasAssigned),
    );

  beforeAll(async () => {
    fleet = new AppFleet();
    vercel = await startVercelEmulator({ fleet });
  });
  afterAll(async () => {
    await vercel.close();
    await fleet.close();
  });
  beforeEach(() => {
    vercel.emulator.reset();
    vercel.emulator.control('timing', { buildMs: 40, queuedMs: 10, aliasMs: 10, aliasJobMs: 10 });
    vercel.emulator.seed({ projects: [{ id: 'prj_web', name: 'web', domains: ['www.example.com'] }] });
  });

  it('refuses requests without a token, or with an unknown one, in Vercel’s error shape', async () => {
    expect((await call('GET', '/v9/projects/web', undefined, {})).body.error).toMatchObject({
      code: 'forbidden',
      missingToken: true,
    });
    const bad = await call('GET', '/v9/projects/web', undefined, { authorization: 'Bearer nope' });
    expect(bad.status).toBe(403);
    expect(bad.body.error).toMatchObject({ code: 'forbidden', invalidToken: true });
  });

  it('checks an upload’s digest and size against its body', async () => {
    expect((await upload('hello')).status).toBe(200);
    const wrongDigest = await upload('hello', sha1('other'));
    expect(wrongDigest.status).toBe(400);
    expect(((await wrongDigest.json()) as { error: { code: string } }).error.code).toBe('invalid_digest');
    expect((await upload('hello', sha1('hello'), 99)).status).toBe(400);
    expect(vercel.emulator.state()).toMatchObject({ uploads: { count: 1, bytes: 5 } });
  });

  it('answers missing_files with the missing sha1s until every file is uploaded', async () => {
    const files = [{ file: 'index.html', sha: sha1('<h1>hi</h1>'), size: 11 }];
    const first = await call('POST', '/v13/deployments', { name: 'web', files });
    expect(first.status).toBe(400);
    expect(first.body.error).toMatchObject({ code: 'missing_files', missing: [sha1('<h1>hi</h1>')] });
    await upload('<h1>hi</h1>');
    expect((await call('POST', '/v13/deployments', { name: 'web', files })).status).toBe(200);
  });

  it('goes QUEUED → BUILDING → READY, assigns aliases after READY, and makes production serve the version', async () => {
    const d = await deployTree({ 'sandbox.json': '{"version":"2.0.0"}', 'index.js': 'x' }, { target: 'production' });
    expect(d.readyState).toBe('QUEUED');
    const ready = await settled(d.id);
    expect(ready.body).toMatchObject({ readyState: 'READY', aliasAssigned: true, alias: ['web.vercel.app', 'www.example.com'] });
    const app = await fleet.app('vercel:prj_web');
    expect(app.emulator.servedVersion()).toBe('2.0.0');
    const own = await fleet.app(`vercel-deployment:${d.id}`);
    expect(own.emulator.servedVersion()).toBe('2.0.0');
    const project = await call('GET', '/v9/projects/web');
    expect(project.body.targets.production.id).toBe(d.id);
  });

  it('ends a build that sandbox.json fails in ERROR with BUILD_FAILED and its log lines as events', async () => {
    const d = await deployTree({ 'sandbox.json': '{"build":"fail","reason":"tsc found 3 errors"}' });
    const done = await settled(d.id);
    expect(done.body).toMatchObject({ readyState: 'ERROR', errorCode: 'BUILD_FAILED' });
    const events = await call('GET', `/v3/deployments/${d.id}/events?direction=backward&limit=3`);
    expect(events.body.map((e: { payload: { text: string } }) => e.payload.text).at(-1)).toBe('Error');
    const texts = (await call('GET', `/v3/deployments/${d.id}/events`)).body.map(
      (e: { payload: { text: string } }) => e.payload.text,
    );
    expect(texts).toContain('Build failed: tsc found 3 errors');
  });

  it('keeps a staged production deployment off the production app until it is promoted', async () => {
    const v1 = await deployTree({ 'sandbox.json': '{"version":"1.0.0"}' }, { target: 'production' });
    await settled(v1.id);
    const v2 = await deployTree(
      { 'sandbox.json': '{"version":"2.0.0"}' },
      { target: 'production', autoAssignCustomDomains: false },
    );
    await settled(v2.id);
    const app = await fleet.app('vercel:prj_web');
    expect(app.emulator.servedVersion()).toBe('1.0.0');
    expect((await fleet.app(`vercel-deployment:${v2.id}`)).emulator.servedVersion()).toBe('2.0.0');

    expect((await call('POST', `/v10/projects/prj_web/promote/${v2.id}`)).status).toBe(202);
    const project = await until(
      () => call('GET', '/v9/projects/prj_web'),
      (r) => r.body.lastAliasRequest?.jobStatus === 'succeeded',
    );
    expect(project.body.targets.production.id).toBe(v2.id);
    expect(project.body.lastAliasRequest).toMatchObject({ type: 'promote', fromDeploymentId: v1.id, toDeploymentId: v2.id });
    expect(app.emulator.servedVersion()).toBe('2.0.0');
  });

  it('rolls production back at both the v9 and the v1 route', async () => {
    const v1 = await deployTree({ 'sandbox.json': '{"version":"1.0.0"}' }, { target: 'production' });
    await settled(v1.id);
    const v2 = await deployTree({ 'sandbox.json': '{"version":"2.0.0"}' }, { target: 'production' });
    await settled(v2.id);
    const app = await fleet.app('vercel:prj_web');
    expect(app.emulator.servedVersion()).toBe('2.0.0');
    expect((await call('POST', `/v9/projects/prj_web/rollback/${v1.id}`)).status).toBe(201);
    await until(
      async () => app.emulator.servedVersion(),
      (v) => v === '1.0.0',
    );
    expect((await call('POST', `/v1/projects/prj_web/rollback/${v2.id}`)).status).toBe(201);
    await until(
      async () => app.emulator.servedVersion(),
      (v) => v === '2.0.0',
    );
    expect((await call('POST', `/v9/projects/prj_web/rollback/${v2.id}`)).status).toBe(409);
  });

  it('holds a build in BUILDING on request, and cancels it', async () => {
    vercel.emulator.control('hold', { projectId: 'web' });
    const d = await deployTree({ 'a.txt': 'a' });
    await until(
      () => call('GET', `/v13/deployments/${d.id}`),
      (r) => r.body.readyState === 'BUILDING',
    );
    const canceled = await call('PATCH', `/v12/deployments/${d.id}/cancel`);
    expect(canceled.body.readyState).toBe('CANCELED');
    expect((await call('PATCH', `/v12/deployments/${d.id}/cancel`)).status).toBe(400);
  });

  it('lists deployments newest first with uid, created, target and state, a page at a time', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const d = await deployTree({ 'n.txt': String(n) }, n === 2 ? { target: 'production' } : {});
      ids.push(d.id);
      await settled(d.id);
      await new Promise((r) => setTimeout(r, 5));
    }
    const page = await call('GET', '/v6/deployments?projectId=prj_web&limit=2');
    expect(page.body.deployments.map((d: { uid: string }) => d.uid)).toEqual([ids[2], ids[1]]);
    expect(page.body.deployments[1]).toMatchObject({ target: 'production', state: 'READY' });
    const next = await call('GET', `/v6/deployments?projectId=prj_web&limit=2&until=${page.body.pagination.next}`);
    expect(next.body.deployments.map((d: { uid: string }) => d.uid)).toEqual([ids[0]]);
    expect(next.body.pagination.next).toBeNull();
    const production = await call('GET', '/v6/deployments?projectId=prj_web&target=production&state=READY');
    expect(production.body.deployments.map((d: { uid: string }) => d.uid)).toEqual([ids[1]]);
  });

  it('scopes projects to a team given as ?teamId= and refuses a team the token is not in', async () => {
    vercel.emulator.seed({ teams: [{ id: 'team_acme' }], projects: [{ name: 'shop', teamId: 'team_acme' }] });
    expect((await call('GET', '/v9/projects/shop')).status).toBe(404);
    expect((await call('GET', '/v9/projects/shop?teamId=team_acme')).body.name).toBe('shop');
    expect((await call('GET', '/v9/projects/shop?teamId=team_other')).status).toBe(403);
  });

  it('assigns an alias to a READY deployment, moving it from the one that had it', async () => {
    const a = await deployTree({ 'a.txt': 'a' });
    const b = await deployTree({ 'b.txt': 'b' });
    await settled(a.id);
    await settled(b.id);
    expect((await call('POST', `/v2/deployments/${a.id}/aliases`, { alias: 'Preview.Example.com' })).body.alias).toBe(
      'preview.example.com',
    );
    const moved = await call('POST', `/v2/deployments/${b.id}/aliases`, { alias: 'preview.example.com' });
    expect(moved.body.oldDeploymentId).toBe(a.id);
    expect((await call('GET', `/v13/deployments/${a.id}`)).body.alias).not.toContain('preview.example.com');
    expect((await call('POST', `/v2/deployments/${b.id}/aliases`, { alias: 'not a host' })).status).toBe(400);
  });

  it('stores project env variables, upserts them, and hides encrypted values unless decrypted', async () => {
    const vars = [{ key: 'API_URL', value: 'https://api', type: 'encrypted', target: ['production'] }];
    expect((await call('POST', '/v10/projects/web/env', vars)).status).toBe(201);
    expect((await call('POST', '/v10/projects/web/env', vars)).status).toBe(400);
    expect((await call('POST', '/v10/projects/web/env?upsert=true', [{ ...vars[0], value: 'https://api2' }])).status).toBe(201);
    const listed = await call('GET', '/v10/projects/web/env');
    expect(listed.body.envs).toHaveLength(1);
    expect(listed.body.envs[0].value).toBe('');
    expect((await call('GET', '/v10/projects/web/env?decrypt=true')).body.envs[0].value).toBe('https://api2');
  });

  it('answers an injected 429 on uploads with Retry-After in Vercel’s error shape', async () => {
    vercel.inject({ kind: '429', path: '/v2/files', retryAfter: 2 });
    const r = await upload('x');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('2');
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });
});
