import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubEmulator, startGitHubEmulator } from '../../../packages/sandbox/src/github/emulator.ts';
import type { SandboxServer } from '../../../packages/sandbox/src/server.ts';

describe('the GitHub REST emulator', () => {
  let gh: SandboxServer<GitHubEmulator>;
  beforeAll(async () => {
    gh = await startGitHubEmulator();
  });
  afterAll(async () => gh.close());
  beforeEach(() => gh.emulator.reset());

  const call = async (method: string, path: string, body?: object, token: string | null = gh.emulator.token) => {
    const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
    if (token) headers.authorization = `token ${token}`;
    if (body) headers['content-type'] = 'application/json';
    const r = await fetch(`${gh.url}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
    return {
      status: r.status,
      body: (await r.json()) as Record<string, unknown> & Array<Record<string, unknown>>,
      link: r.headers.get('link'),
    };
  };

  it('answers 401 Bad credentials without a token it issued, in either header form', async () => {
    expect((await call('GET', '/repos/a/b/deployments', undefined, null)).body.message).toBe('Bad credentials');
    expect((await call('GET', '/repos/a/b/deployments', undefined, 'ghs_other')).status).toBe(401);
    const bearer = await fetch(`${gh.url}/repos/a/b/deployments`, { headers: { authorization: `Bearer ${gh.emulator.token}` } });
    expect(bearer.status).toBe(200);
  });

  it('pages comments with per_page and page, and a Link header like GitHub', async () => {
    gh.emulator.control('comments', { repository: 'a/b', issue: 9, count: 7 });
    const first = await call('GET', '/repos/a/b/issues/9/comments?per_page=3');
    expect(first.body.map((c) => c.body)).toEqual(['comment 1', 'comment 2', 'comment 3']);
    expect(first.link).toBe(
      `<${gh.url}/repos/a/b/issues/9/comments?per_page=3&page=2>; rel="next", <${gh.url}/repos/a/b/issues/9/comments?per_page=3&page=3>; rel="last"`,
    );
    const last = await call('GET', '/repos/a/b/issues/9/comments?per_page=3&page=3');
    expect(last.body.map((c) => c.body)).toEqual(['comment 7']);
    expect(last.link).toContain('rel="prev"');
    expect(last.link).not.toContain('rel="next"');
    const capped = await call('GET', '/repos/a/b/issues/9/comments?per_page=500');
    expect(capped.body).toHaveLength(7);
    expect(capped.link).toBeNull();
  });

  it('creates and edits comments, refusing an empty or oversized body with 422', async () => {
    const created = await call('POST', '/repos/a/b/issues/4/comments', { body: 'hello' });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect((await call('PATCH', `/repos/a/b/issues/comments/${id}`, { body: 'edited' })).body.body).toBe('edited');
    expect((await call('GET', `/repos/a/b/issues/comments/${id}`)).body.body).toBe('edited');
    expect((await call('POST', '/repos/a/b/issues/4/comments', { body: '' })).status).toBe(422);
    const long = await call('POST', '/repos/a/b/issues/4/comments', { body: 'x'.repeat(65_537) });
    expect(long).toMatchObject({ status: 422, body: { message: 'Validation Failed' } });
    expect((await call('PATCH', '/repos/a/b/issues/comments/1', { body: 'x' })).status).toBe(404);
  });

  it('validates deployments and statuses as GitHub does', async () => {
    expect((await call('POST', '/repos/a/b/deployments', { environment: 'x' })).status).toBe(422);
    const d = await call('POST', '/repos/a/b/deployments', { ref: 'main', required_contexts: [] });
    expect(d).toMatchObject({ status: 201, body: { environment: 'production', production_environment: true, task: 'deploy' } });
    const id = d.body.id as number;
    expect((await call('POST', `/repos/a/b/deployments/${id}/statuses`, { state: 'done' })).status).toBe(422);
    expect(
      (await call('POST', `/repos/a/b/deployments/${id}/statuses`, { state: 'success', description: 'd'.repeat(141) })).status,
    ).toBe(422);
    expect((await call('POST', `/repos/a/b/deployments/${id}/statuses`, { state: 'success' })).status).toBe(201);
    expect((await call('GET', `/repos/a/b/deployments/${id}/statuses`)).body.map((s) => s.state)).toEqual(['success']);
    expect((await call('POST', '/repos/a/b/deployments/999999/statuses', { state: 'success' })).status).toBe(404);
    expect((await call('GET', '/repos/a/b/deployments?environment=production')).body).toHaveLength(1);
    expect((await call('GET', '/repos/a/b/deployments?environment=staging')).body).toHaveLength(0);
  });

  it('refuses a deployment that would wait on pending checks with 409, unless required_contexts is empty', async () => {
    gh.emulator.control('checks', { pending: true });
    expect((await call('POST', '/repos/a/b/deployments', { ref: 'main' })).status).toBe(409);
    expect((await call('POST', '/repos/a/b/deployments', { ref: 'main', required_contexts: [] })).status).toBe(201);
  });

  it('answers 403 Resource not accessible by integration when the switch takes a permission away', async () => {
    const control = await fetch(`${gh.url}/__sandbox/permissions`, {
      method: 'POST',
      body: JSON.stringify({ deployments: 'read' }),
    });
    expect(await control.json()).toMatchObject({ permissions: { deployments: 'read' } });
    expect(await call('POST', '/repos/a/b/deployments', { ref: 'main' })).toMatchObject({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    expect((await call('GET', '/repos/a/b/deployments')).status).toBe(200);
    gh.emulator.setPermissions({ 'pull-requests': 'none', issues: 'read' });
    expect((await call('POST', '/repos/a/b/issues/1/comments', { body: 'x' })).status).toBe(403);
    gh.emulator.setPermissions({ 'pull-requests': 'write' });
    expect((await call('POST', '/repos/a/b/issues/1/comments', { body: 'x' })).status).toBe(201);
  });

  it('shows what it recorded through the control endpoint, and 404s unknown routes', async () => {
    await call('POST', '/repos/a/b/issues/2/comments', { body: 'seen' });
    expect((await call('GET', '/repos/a/b/pulls')).status).toBe(404);
    const state = (await (await fetch(`${gh.url}/__sandbox/state`)).json()) as {
      state: {
        repositories: Record<string, { comments: Array<{ body: string }> }>;
        requests: Array<{ path: string; status: number }>;
      };
    };
    expect(state.state.repositories['a/b']?.comments.map((c) => c.body)).toEqual(['seen']);
    expect(state.state.requests.map((r) => [r.path, r.status])).toEqual([
      ['/repos/a/b/issues/2/comments', 201],
      ['/repos/a/b/pulls', 404],
    ]);
  });
});
