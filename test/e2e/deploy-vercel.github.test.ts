/**
 * deploy-vercel's GitHub side, through the bundle: the PR comment with the preview URL (one
 * comment, updated on the next push), a missing `pull-requests: write` as a warning, and a
 * GitHub deployment with its statuses.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { runBundle } from '../../packages/harness/src/run-bundle.ts';
import { AppFleet } from '../../packages/sandbox/src/fleet.ts';
import { type GitHubEmulator, startGitHubEmulator } from '../../packages/sandbox/src/github/emulator.ts';
import type { SandboxServer } from '../../packages/sandbox/src/server.ts';
import { startVercelEmulator, type VercelSandbox } from '../../packages/sandbox/src/vercel/index.ts';
import { appTree } from '../unit/vercel/world.ts';

let vercel: VercelSandbox;
let github: SandboxServer<GitHubEmulator>;
let fleet: AppFleet;
const token = makeCanary('vercel-token');
const REPO = 'acme/shop';
const HEAD = '9c1e2d3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d';

beforeAll(async () => {
  fleet = new AppFleet();
  vercel = await startVercelEmulator({ fleet });
  github = await startGitHubEmulator();
});
afterAll(async () => {
  await Promise.all([vercel.close(), github.close()]);
  await fleet.close();
});
beforeEach(() => {
  vercel.emulator.reset();
  github.emulator.reset();
  vercel.emulator.control('timing', { buildMs: 60, queuedMs: 5, aliasMs: 5, aliasJobMs: 5 });
  vercel.emulator.seed({ tokens: [token], projects: [{ id: 'prj_web', name: 'web' }] });
});

const pullRequestEvent = (sha = HEAD) => ({ pull_request: { number: 7, title: 'New checkout', head: { sha } } });

const deployOnPullRequest = (inputs: Record<string, string>, sha = HEAD) =>
  runBundle('deploy-vercel', {
    inputs: { token, 'api-url': vercel.url, 'project-id': 'web', 'github-token': github.emulator.token, ...inputs },
    env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_API_URL: github.url, GITHUB_REF: 'refs/pull/7/merge' },
    event: pullRequestEvent(sha),
    secrets: [token, github.emulator.token],
  });

const comments = () => github.emulator.repository(REPO).comments.filter((c) => c.issue === 7);

describe('deploy-vercel on a pull request', () => {
  it('comments once with the preview URL, and updates that comment on the next push', async () => {
    github.emulator.addComment(REPO, 7, 'Looks good to me');
    const first = await deployOnPullRequest({ path: appTree('1.0.0') });
    expect(first.exitCode, first.stdout).toBe(0);
    const mine = comments().filter((c) => c.body.includes('Vercel preview deployment'));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.body).toContain(first.outputs.url);
    expect(mine[0]?.body).toContain('✅ Ready');
    expect(mine[0]?.body).toContain(first.outputs['inspector-url']);
    expect(mine[0]?.body).toContain('9c1e2d3');

    const second = await deployOnPullRequest({ path: appTree('1.0.1') }, 'aaaabbbbccccddddeeeeffff0000111122223333');
    expect(second.exitCode, second.stdout).toBe(0);
    const after = comments().filter((c) => c.body.includes('Vercel preview deployment'));
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(mine[0]?.id);
    expect(after[0]?.body).toContain(second.outputs.url);
    expect(after[0]?.body).toContain('aaaabbb');
    expect(comments()).toHaveLength(2);
    expect(first.leaks).toEqual([]);
  });

  it('warns, naming pull-requests: write, when the token may not comment, and still deploys', async () => {
    github.emulator.setPermissions({ 'pull-requests': 'read', issues: 'read' });
    const run = await deployOnPullRequest({ path: appTree('1.0.0') });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['ready-state']).toBe('READY');
    expect(run.warnings.join('\n')).toMatch(/pull-requests: write/);
    expect(comments()).toHaveLength(0);
  });

  it('records a GitHub deployment going in_progress then success with the deployment URL', async () => {
    const run = await deployOnPullRequest({ path: appTree('1.0.0'), 'github-deployment': 'true', 'pr-comment': 'false' });
    expect(run.exitCode, run.stdout).toBe(0);
    const [deployment] = github.emulator.repository(REPO).deployments;
    expect(deployment).toMatchObject({ environment: 'preview', sha: HEAD });
    expect(deployment?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(deployment?.statuses.at(-1)?.environment_url).toBe(run.outputs.url);
    expect(comments()).toHaveLength(0);
  });

  it('marks the GitHub deployment failed when the build fails', async () => {
    const run = await deployOnPullRequest({
      path: appTree('1.0.0', { 'sandbox.json': '{"build":"fail"}' }),
      'github-deployment': 'true',
    });
    expect(run.exitCode).toBe(1);
    const [deployment] = github.emulator.repository(REPO).deployments;
    expect(deployment?.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(comments()[0]?.body).toContain('❌ Failed');
  });
});
