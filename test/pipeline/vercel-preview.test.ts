/**
 * vercel.yml on a pull request: a preview deployment, the PR comment with its URL, a health gate
 * and smoke checks on the preview's own https URL; production is not touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appTree, FRONTEND, failures, runPipeline, startWorld, type World } from '../../packages/harness/src/scenarios.ts';
import { SANDBOX_REPOSITORY } from '../../packages/sandbox/src/index.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.close());

describe('the Vercel pipeline on a pull request', () => {
  it('deploys a preview, comments its URL on the pull request, checks it, and leaves production alone', async () => {
    const run = await runPipeline(world, '.github/workflows/vercel.yml', appTree('1.1.0-pr7'), {
      inputs: {
        'project-id': FRONTEND.projectId,
        'team-id': FRONTEND.team,
        'vercel-api-url': world.sandbox.vercel.url,
        'health-path': '/health',
        'expect-version': '1.1.0-pr7',
        'health-timeout': '10s',
        'health-interval': '500ms',
        'smoke-checks': '- { name: Home, url: /, expect: { status: 200 } }',
      },
      secrets: { VERCEL_TOKEN: world.sandbox.vercel.token, SLACK_WEBHOOK_URL: world.sandbox.slack.webhookUrl },
      github: {
        event_name: 'pull_request',
        ref: 'refs/pull/7/merge',
        event: {
          number: 7,
          pull_request: { number: 7, head: { sha: '3f7c2a9d1e8b4c6f0a5d2e9b7c1f4a8e6d3b0c2a' } },
          repository: { default_branch: 'main' },
        },
      },
    });
    expect(run.run.conclusion, failures(run)).toBe('success');
    expect(run.run.jobs.production?.result).toBe('skipped');
    const preview = run.run.jobs.preview;
    const url = preview?.outputs.url ?? '';
    expect(url).toMatch(/^https:\/\/web-[a-z0-9]+\.vercel\.app$/);
    expect(preview?.environment).toEqual({ name: 'preview', url });
    expect(preview?.steps.find((s) => s.id === 'smoke')?.outputs).toMatchObject({ passed: '1', failed: '0' });

    // What GitHub recorded: one comment on pull request 7 with the preview URL.
    const comments = world.sandbox.github.emulator.repository(SANDBOX_REPOSITORY).comments.filter((c) => c.issue === 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(url);
    // Production was never touched; Slack heard of the preview.
    expect(world.sandbox.vercel.emulator.projects.get(FRONTEND.projectId)?.productionDeploymentId).toBeUndefined();
    const last = JSON.stringify(world.sandbox.slack.emulator.messages.at(-1)?.payload);
    expect(last).toContain('preview');
  });
});
