/** notify's acceptance, through dist/notify/index.js run as the runner runs it, against the Slack emulator. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanFailureProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { type Sandbox, startSandbox } from '../../packages/sandbox/src/index.ts';

let sandbox: Sandbox;
let secrets: string[];
beforeAll(async () => {
  sandbox = await startSandbox();
  secrets = [sandbox.slack.webhookUrl, sandbox.slack.webhookUrl.split('/').pop() ?? ''];
});
afterAll(async () => sandbox.close());
beforeEach(() => {
  sandbox.slack.emulator.reset();
  sandbox.slack.faults.clear();
});

const notify = (inputs: Record<string, string>, timeoutMs = 60_000) =>
  runBundle('notify', { inputs: { 'webhook-url': sandbox.slack.webhookUrl, ...inputs }, secrets, timeoutMs });

describe('notify', () => {
  it('with no inputs exits 1 with one error naming webhook-url', async () => {
    const run = await runBundle('notify');
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/^Input 'webhook-url' is required: expected a Slack incoming-webhook URL/);
  });

  it('delivers a failure message with every field of the run and the mention', async () => {
    const run = await notify({
      status: 'failure',
      environment: 'production',
      url: 'https://shop.test',
      reason: 'health gate failed: $.services.redis was degraded',
      fields: 'Region=eu-west\nVersion=1.4.2',
      mention: 'here',
      'started-at': String(Math.floor(Date.now() / 1000) - 125),
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ sent: 'true', status: 'success' });
    const [message] = sandbox.slack.emulator.messages;
    const text = JSON.stringify(message?.payload);
    expect(message?.payload.text).toBe('<!here> ❌ Deploy of acme/shop to production failed');
    for (const expected of [
      '"color":"#E01E5A"',
      '*Environment*\\nproduction',
      '<https://shop.test|https://shop.test>',
      '|3f7c2a9> Ship the new checkout',
      '*Actor*\\noctocat',
      '*Duration*\\n2m',
      '*Reason*\\nhealth gate failed: $.services.redis was degraded',
      '*Region*\\neu-west',
      'https://github.com/acme/shop/actions/runs/9876543210',
    ]) {
      expect(text).toContain(expected);
    }
    expect(run.leaks).toEqual([]);
  });

  it('does not mention anyone on success', async () => {
    await notify({ status: 'success', mention: 'here' });
    expect(JSON.stringify(sandbox.slack.emulator.messages[0]?.payload)).not.toContain('<!here>');
  });

  it('retries a 429 after its Retry-After second and succeeds', async () => {
    sandbox.slack.inject({ kind: '429', retryAfter: 1 });
    const run = await notify({});
    expect(run.outputs.sent).toBe('true');
    expect(sandbox.slack.faults.served.map((f) => f.kind)).toEqual(['429']);
    const [message] = sandbox.slack.emulator.messages;
    // The retry came no sooner than Retry-After: the message landed a second or more after the 429.
    expect(message?.at).toBeDefined();
    expect(run.durationMs).toBeGreaterThanOrEqual(1000);
  });

  it('succeeds after three 500s', async () => {
    sandbox.slack.inject({ kind: '5xx', status: 500, count: 3 });
    const run = await notify({});
    expect(run.outputs.sent).toBe('true');
    expect(sandbox.slack.faults.served).toHaveLength(3);
    expect(sandbox.slack.emulator.messages).toHaveLength(1);
  });

  it('cuts a hanging request at the request timeout and delivers on the retry', async () => {
    sandbox.slack.inject({ kind: 'hang', hangMs: 30_000 });
    const run = await notify({ 'request-timeout': '1s' });
    expect(run.outputs.sent).toBe('true');
    expect(run.durationMs).toBeLessThan(15_000);
  });

  it('warns and exits 0 when the webhook no longer exists', async () => {
    const run = await notify({ 'webhook-url': `${sandbox.slack.url}/services/T0SANDBOX/B0GONE/deadbeefdeadbeef` });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ sent: 'false', status: 'warning' });
    expect(run.warnings.join('\n')).toContain('Slack answered 404: "no_service"');
    expect(run.errors).toEqual([]);
  });

  it("fails with Slack's error text when fail-on-error is true, without showing the webhook", async () => {
    const gone = `${sandbox.slack.url}/services/T0SANDBOX/B0GONE/c0ffeec0ffeec0ffee`;
    const run = await runBundle('notify', {
      inputs: { 'webhook-url': gone, 'fail-on-error': 'true' },
      secrets: [gone, 'c0ffeec0ffeec0ffee'],
    });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('Slack answered 404: "no_service"');
    expect(run.outputs.sent).toBe('false');
    expect(run.leaks).toEqual([]);
  });

  it('sends a custom YAML payload with placeholders filled safely from a hostile commit message', async () => {
    const run = await runBundle('notify', {
      inputs: {
        'webhook-url': sandbox.slack.webhookUrl,
        payload: 'text: "{{ emoji }} {{ repository }}: {{ commit.message }}"\nunfurl_links: false\n',
      },
      event: { head_commit: { message: 'a "quoted" \\ message\n}],"text":"pwned' } },
      secrets,
    });
    expect(run.exitCode).toBe(0);
    expect(sandbox.slack.emulator.messages[0]?.payload).toEqual({
      text: '✅ acme/shop: a "quoted" \\ message\n}],"text":"pwned',
      unfurl_links: false,
    });
  });

  it('refuses a payload with an unknown placeholder before sending anything', async () => {
    const run = await notify({ payload: '{"text": "{{ nope }}"}' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain("Input 'payload'");
    expect(sandbox.slack.emulator.messages).toHaveLength(0);
  });

  it('on SIGTERM mid-send cancels the request and ends as cancelled, cleanly', async () => {
    sandbox.slack.inject({ kind: 'hang', hangMs: 30_000 });
    let signalled = false;
    const run = await runBundle('notify', {
      inputs: { 'webhook-url': sandbox.slack.webhookUrl, 'request-timeout': '20s' },
      secrets,
      onLine: (line, child) => {
        if (!signalled && line.startsWith('::group::Send')) {
          signalled = true;
          setTimeout(() => child.kill('SIGTERM'), 200);
        }
      },
    });
    expect(signalled).toBe(true);
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.outputs.status).toBe('cancelled');
    expect(run.errors[0]).toBe('The step was cancelled (SIGTERM).');
    expect(run.durationMs).toBeLessThan(10_000);
  });
});
