import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../packages/core/src/errors.ts';
import { HttpClient } from '../../../packages/core/src/http.ts';
import { connectGitHub, type GitHubClient } from '../../../packages/github/src/client.ts';
import { commentMarker } from '../../../packages/github/src/marker.ts';
import { node24, ROOT } from '../../../packages/harness/src/run-bundle.ts';
import { FAULT_KINDS } from '../../../packages/sandbox/src/faults.ts';
import { type GitHubEmulator, startGitHubEmulator } from '../../../packages/sandbox/src/github/emulator.ts';
import type { SandboxServer } from '../../../packages/sandbox/src/server.ts';

const REPO = 'acme/shop';
const SHA = '3f7c2a9d1e8b4c6f0a5d2e9b7c1f4a8e6d3b0c2a';

describe('the GitHub client against the GitHub emulator', () => {
  let gh: SandboxServer<GitHubEmulator>;
  let warnings: string[];

  beforeAll(async () => {
    gh = await startGitHubEmulator();
  });
  afterAll(async () => gh.close());
  beforeEach(() => {
    gh.emulator.reset();
    gh.faults.clear();
    warnings = [];
  });

  const connect = (token = gh.emulator.token): Promise<GitHubClient> =>
    connectGitHub({
      token,
      repository: REPO,
      apiUrl: gh.url,
      http: new HttpClient({ service: 'GitHub', backoffBase: 10, backoffCap: 50 }),
      logger: { warning: (m) => warnings.push(m), debug: () => {} },
    });
  const repo = () => gh.emulator.repository(REPO);
  const requests = () => gh.emulator.requests.map((r) => `${r.method} ${r.path}`);

  it('creates a deployment that neither merges the default branch nor waits for the running checks', async () => {
    gh.emulator.control('checks', { pending: true });
    const github = await connect();
    const deployment = await github.createDeployment({ ref: SHA, environment: 'preview', transient: true, production: false });
    expect(deployment?.environment).toBe('preview');
    const sent = gh.emulator.requests[0]?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ ref: SHA, environment: 'preview', auto_merge: false, required_contexts: [] });
    expect(repo().deployments).toHaveLength(1);
    expect(repo().deployments[0]).toMatchObject({ sha: SHA, transient_environment: true, production_environment: false });
  });

  it('records statuses with the environment and log URLs; a success retires the older deployment', async () => {
    const github = await connect();
    const first = await github.createDeployment({ ref: SHA, environment: 'production' });
    await github.setDeploymentStatus(first?.id ?? 0, { state: 'success', environmentUrl: 'https://v1.example.com' });
    const second = await github.createDeployment({ ref: SHA, environment: 'production', description: 'd'.repeat(300) });
    await github.setDeploymentStatus(second?.id ?? 0, {
      state: 'in_progress',
      logUrl: 'https://github.com/acme/shop/actions/runs/1',
    });
    await github.setDeploymentStatus(second?.id ?? 0, {
      state: 'success',
      environmentUrl: 'https://v2.example.com',
      logUrl: 'https://github.com/acme/shop/actions/runs/1',
      description: 'x'.repeat(500),
    });
    const [old, current] = repo().deployments;
    expect(current?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(current?.statuses[1]).toMatchObject({
      environment_url: 'https://v2.example.com',
      log_url: 'https://github.com/acme/shop/actions/runs/1',
    });
    expect(current?.statuses[1]?.description.length).toBe(140);
    expect(current?.description?.length).toBe(140);
    expect(old?.statuses.map((s) => s.state)).toEqual(['success', 'inactive']);
  });

  it('creates the marked comment once, then edits that same comment in place', async () => {
    const github = await connect();
    const created = await github.upsertComment({
      issueNumber: 12,
      key: 'deploy-vercel:web',
      body: 'Preview: https://one.example.com',
    });
    const updated = await github.upsertComment({
      issueNumber: 12,
      key: 'deploy-vercel:web',
      body: 'Preview: https://two.example.com',
    });
    expect(created?.action).toBe('created');
    expect(updated).toMatchObject({ action: 'updated', id: created?.id });
    expect(repo().comments).toHaveLength(1);
    expect(repo().comments[0]?.body).toBe(`${commentMarker('deploy-vercel:web')}\nPreview: https://two.example.com`);
  });

  it('finds its comment on the third page of a busy pull request, and stops reading there', async () => {
    gh.emulator.control('comments', { repository: REPO, issue: 7, count: 230 });
    const github = await connect();
    await github.upsertComment({ issueNumber: 7, key: 'api', body: 'v1' });
    gh.emulator.control('comments', { repository: REPO, issue: 7, count: 150 });
    gh.emulator.requests = [];
    const result = await github.upsertComment({ issueNumber: 7, key: 'api', body: 'v2' });
    expect(result?.action).toBe('updated');
    const pages = gh.emulator.requests.filter((r) => r.method === 'GET').map((r) => r.query);
    expect(pages).toEqual([{ per_page: '100' }, { per_page: '100', page: '2' }, { per_page: '100', page: '3' }]);
    expect(repo().comments.filter((c) => c.body.includes('<!-- deploy-suite:api -->'))).toHaveLength(1);
  });

  it("keeps one comment per key, and never takes a reviewer's comment that quotes the marker", async () => {
    gh.emulator.addComment(REPO, 3, `> ${commentMarker('api')}\n> Preview ready\n\nLooks good`);
    const github = await connect();
    await github.upsertComment({ issueNumber: 3, key: 'api', body: 'api' });
    await github.upsertComment({ issueNumber: 3, key: 'web', body: 'web' });
    await github.upsertComment({ issueNumber: 3, key: 'api', body: 'api again' });
    expect(repo().comments.map((c) => [c.user.login, c.body.split('\n').at(-1)])).toEqual([
      ['reviewer', 'Looks good'],
      ['github-actions[bot]', 'api again'],
      ['github-actions[bot]', 'web'],
    ]);
  });

  it('turns a missing deployments permission into a warning naming the line to add, and asks no more', async () => {
    gh.emulator.setPermissions({ deployments: 'read' });
    const github = await connect();
    expect(await github.createDeployment({ ref: SHA, environment: 'production' })).toBeUndefined();
    expect(await github.setDeploymentStatus(1, { state: 'success' })).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Resource not accessible by integration');
    expect(warnings[0]).toContain('`deployments: write`');
    expect(requests()).toEqual(['POST /repos/acme/shop/deployments']);
    expect(repo().deployments).toEqual([]);
  });

  it('turns a missing pull-requests permission into a warning naming pull-requests: write', async () => {
    gh.emulator.setPermissions({ 'pull-requests': 'read', issues: 'read' });
    const github = await connect();
    expect(await github.upsertComment({ issueNumber: 5, key: 'web', body: 'hi' })).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('`pull-requests: write`')]);
    expect(repo().comments).toEqual([]);
  });

  it('fails a refused token as a user error with a hint', async () => {
    const github = await connect('ghp_not_a_token');
    const error = await github.createDeployment({ ref: SHA, environment: 'production' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/GitHub answered 401: .*Bad credentials/);
    expect((error as UserError).hint).toContain('token');
    expect(warnings).toEqual([]);
  });

  it('rides out a 502 and a reset on the comment search (a GET), and sends a refused POST only once', async () => {
    gh.inject({ kind: '5xx', status: 502, method: 'GET', path: '/repos/acme/shop/issues' });
    gh.inject({ kind: 'reset', method: 'GET', path: '/repos/acme/shop/issues' });
    const github = await connect();
    expect((await github.upsertComment({ issueNumber: 1, key: 'k', body: 'b' }))?.action).toBe('created');
    expect(gh.faults.served.map((f) => f.kind)).toEqual(['5xx', 'reset']);
    expect(repo().comments).toHaveLength(1);

    gh.faults.clear();
    gh.inject({ kind: '5xx', status: 502, method: 'POST', path: '/repos/acme/shop/deployments' });
    const error = await github.createDeployment({ ref: SHA, environment: 'production' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/GitHub answered 502/);
    // Not sent again: a deployment GitHub made before failing to answer must not be made twice.
    expect(gh.faults.served).toHaveLength(1);
    expect(repo().deployments).toHaveLength(0);
  });

  it('honours GITHUB_API_URL when no api URL is given', async () => {
    const github = await connectGitHub({
      token: gh.emulator.token,
      repository: REPO,
      env: { GITHUB_API_URL: `${gh.url}/` },
      http: new HttpClient(),
      logger: { warning: (m) => warnings.push(m), debug: () => {} },
    });
    expect(await github.createDeployment({ ref: SHA, environment: 'staging' })).toMatchObject({ environment: 'staging' });
    expect(repo().deployments).toHaveLength(1);
  });

  for (const kind of FAULT_KINDS) {
    it(`meets a ${kind} on every call with a result or one clear user error, never a crash or a warning`, async () => {
      const github = await connectGitHub({
        token: gh.emulator.token,
        repository: REPO,
        apiUrl: gh.url,
        http: new HttpClient({ service: 'GitHub', backoffBase: 10, backoffCap: 50, timeout: 1_000, deadline: 5_000 }),
        logger: { warning: (m) => warnings.push(m), debug: () => {} },
      });
      const calls: Array<() => Promise<unknown>> = [
        () => github.createDeployment({ ref: SHA, environment: 'production' }),
        () => github.setDeploymentStatus(repo().deployments[0]?.id ?? 1, { state: 'success' }),
        () => github.upsertComment({ issueNumber: 2, key: 'k', body: 'b' }),
      ];
      for (const call of calls) {
        gh.faults.clear();
        gh.inject({ kind, hangMs: 3_000 });
        const outcome = await call().then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) expect(outcome.error, String(outcome.error)).toBeInstanceOf(UserError);
      }
      expect(warnings).toEqual([]);
    });
  }

  it('refuses a repository that is not owner/name', async () => {
    await expect(
      connectGitHub({ token: 't', repository: 'shop', http: new HttpClient(), logger: { warning: () => {}, debug: () => {} } }),
    ).rejects.toThrow(/owner\/name/);
  });

  it('refuses a comment key that could close the hidden marker', () => {
    expect(() => commentMarker('web --> <script>')).toThrow(/comment key/);
  });

  it('does not load Octokit until a client is connected', () => {
    const script = `
      import { registerHooks } from 'node:module';
      const seen = new Set();
      registerHooks({ resolve(specifier, context, next) { seen.add(specifier); return next(specifier, context); } });
      const { connectGitHub } = await import(${JSON.stringify(`${ROOT}/packages/github/src/client.ts`)});
      const before = seen.has('@actions/github');
      await connectGitHub({ token: 't', repository: 'a/b', http: { fetch }, logger: { warning() {}, debug() {} } });
      console.log(JSON.stringify({ before, after: seen.has('@actions/github') }));
    `;
    const run = spawnSync(node24(), ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ before: false, after: true });
  });
});
