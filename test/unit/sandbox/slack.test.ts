import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxServer, startServer } from '../../../packages/sandbox/src/server.ts';
import { SlackEmulator } from '../../../packages/sandbox/src/slack.ts';

describe('the Slack incoming-webhook emulator', () => {
  let slack: SandboxServer<SlackEmulator>;
  let hook: string;
  beforeAll(async () => {
    slack = await startServer(new SlackEmulator());
  });
  afterAll(async () => slack.close());

  const post = async (body: string, path = hook, type = 'application/json') => {
    const r = await fetch(`${slack.url}${path}`, { method: 'POST', body, headers: { 'content-type': type } });
    return [r.status, await r.text(), r.headers.get('retry-after')] as const;
  };

  it('listens on loopback only', () => {
    expect(slack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('accepts a message with 200 ok and records it', async () => {
    slack.emulator.reset();
    hook = slack.emulator.createWebhook();
    expect(await post('{"text":"hi"}')).toEqual([200, 'ok', null]);
    expect(slack.emulator.messages).toHaveLength(1);
  });

  it("answers with Slack's error strings", async () => {
    slack.emulator.reset();
    slack.emulator.control('rate-limit', { perSecond: 100, burst: 100 });
    expect((await post('not json'))[1]).toBe('invalid_payload');
    expect((await post('{"username":"x"}'))[1]).toBe('no_text');
    expect((await post('{"blocks":{}}'))[1]).toBe('invalid_blocks_format');
    expect(
      await post(JSON.stringify({ blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] })),
    ).toEqual([400, 'invalid_blocks', null]);
    expect(await post('{"text":"hi"}', '/services/T0/B0/unknown')).toEqual([404, 'no_service', null]);
  });

  it('takes the form-encoded payload= body too', async () => {
    expect((await post(`payload=${encodeURIComponent('{"text":"form"}')}`, hook, 'application/x-www-form-urlencoded'))[0]).toBe(
      200,
    );
  });

  it('rate limits past a short burst with 429 rate_limited and Retry-After', async () => {
    slack.emulator.reset();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await post('{"text":"burst"}'));
    expect(answers.slice(0, 3).map((a) => a[0])).toEqual([200, 200, 200]);
    expect(answers[3]).toEqual([429, 'rate_limited', '1']);
  });

  it('serves injected faults from its control endpoint, then answers normally', async () => {
    slack.emulator.control('rate-limit', { perSecond: 100, burst: 100 });
    await fetch(`${slack.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: '5xx', status: 500, count: 2 }),
    });
    expect((await post('{"text":"a"}'))[0]).toBe(500);
    expect((await post('{"text":"a"}'))[0]).toBe(500);
    expect((await post('{"text":"a"}'))[0]).toBe(200);
    const state = (await (await fetch(`${slack.url}/__sandbox/state`)).json()) as { served: unknown[] };
    expect(state.served).toHaveLength(2);
  });
});
