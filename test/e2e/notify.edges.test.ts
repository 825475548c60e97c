/** notify's bundle at its edges: an empty status, @-mentions, and a webhook URL that is never printed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { cleanFailureProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { startServer } from '../../packages/sandbox/src/server.ts';
import { SlackEmulator } from '../../packages/sandbox/src/slack.ts';

describe('notify at its edges', () => {
  let slack: Awaited<ReturnType<typeof startServer<SlackEmulator>>>;
  let webhook: string;
  beforeAll(async () => {
    slack = await startServer(new SlackEmulator());
    webhook = `${slack.url}${slack.emulator.createWebhook()}`;
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('refuses an empty status (a misspelt expression) instead of reporting a success', async () => {
    const run = await runBundle('notify', { inputs: { 'webhook-url': webhook, status: '' } });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain("Input 'status' is empty");
    expect(slack.emulator.messages).toEqual([]);
  });

  it('accepts @here as a mention', async () => {
    const run = await runBundle('notify', { inputs: { 'webhook-url': webhook, status: 'failure', mention: '@here' } });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(JSON.stringify(slack.emulator.messages.at(-1)?.payload)).toContain('<!here>');
  });

  it('shows only the host of a webhook it cannot reach, in any spelling of the URL', async () => {
    const token = makeCanary('hook');
    const closed = await startServer(new SlackEmulator());
    const port = closed.port;
    await closed.close();
    const url = `http://LOCALHOST:${port}/services/T0/B0/./${token}`;
    const run = await runBundle('notify', {
      inputs: { 'webhook-url': url, status: 'failure', timeout: '3s', 'request-timeout': '1s' },
      secrets: [token],
    });
    expect(run.exitCode).toBe(0);
    expect(run.leaks).toEqual([]);
    expect(run.warnings[0]).toContain(`localhost:${port} (webhook)`);
    const shown = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(shown.join('\n')).not.toContain('/services/T0');
  });
});
