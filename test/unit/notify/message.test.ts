import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../actions/notify/src/message.ts';
import { formatMention, truncate } from '../../../actions/notify/src/slack-text.ts';
import { notification } from '../../support/notification.ts';

const blocksOf = (m: Record<string, unknown>) =>
  (m.attachments as Array<{ blocks: Array<Record<string, unknown>>; color: string }>)[0];

describe('the Slack message built from the run', () => {
  it('colours the attachment and titles it by status', () => {
    const ok = blocksOf(buildMessage(notification()));
    const failed = blocksOf(buildMessage(notification({ status: 'failure' })));
    expect(ok?.color).toBe('#2EB67D');
    expect(failed?.color).toBe('#E01E5A');
    expect(JSON.stringify(failed?.blocks[0])).toContain('❌ Deploy of acme/shop to production failed');
  });

  it('shows the commit as a link with its first line, escaped so it cannot ping a channel', () => {
    const text = JSON.stringify(buildMessage(notification()));
    expect(text).toContain('<https://github.com/acme/shop/commit/3f7c2a9d1e8b4c6f0a5d2e9b7c1f4a8e6d3b0c2a|3f7c2a9>');
    expect(text).toContain('Fix \\"checkout\\" &lt;!channel&gt; &amp; more');
    expect(text).not.toContain('second line');
    expect(text).not.toContain('<!channel>');
  });

  it('puts mentions in the notification text so they ping', () => {
    const m = buildMessage(notification({ status: 'failure', mentions: ['here', 'S0123ABCD', 'U777AAA'] }));
    expect(m.text).toBe('<!here> <!subteam^S0123ABCD> <@U777AAA> ❌ Deploy of acme/shop to production failed');
  });

  it('adds the reason, the duration, extra fields and buttons to the run and the deployment', () => {
    const m = JSON.stringify(
      buildMessage(notification({ reason: 'health gate failed', durationMs: 192_000, fields: [['Region', 'eu-west']] })),
    );
    expect(m).toContain('*Reason*\\nhealth gate failed');
    expect(m).toContain('*Duration*\\n3m12s');
    expect(m).toContain('*Region*\\neu-west');
    expect(m).toContain('"url":"https://github.com/acme/shop/actions/runs/77"');
    expect(m).toContain('"url":"https://shop.test"');
  });

  it('keeps within Block Kit limits however long the inputs are', () => {
    const fields: Array<[string, string]> = Array.from({ length: 35 }, (_, i) => [`K${i}`, 'v'.repeat(3000)]);
    const m = buildMessage(notification({ title: 'T'.repeat(500), text: 'x'.repeat(10_000), fields }));
    const blocks = blocksOf(m)?.blocks ?? [];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) {
      if (block.type === 'header') expect([...(block.text as { text: string }).text].length).toBeLessThanOrEqual(150);
      if (block.type === 'section' && block.text) expect((block.text as { text: string }).text.length).toBeLessThanOrEqual(3000);
      if (block.type === 'section' && block.fields) {
        expect((block.fields as unknown[]).length).toBeLessThanOrEqual(10);
        for (const f of block.fields as Array<{ text: string }>) expect(f.text.length).toBeLessThanOrEqual(2000);
      }
    }
  });

  it('truncates without splitting an emoji, counting UTF-16 units (never fewer than Slack counts), and marks the cut', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('ab😀cd', 5)).toBe('ab😀…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('formats each kind of mention the way Slack expects', () => {
    expect(formatMention('channel')).toBe('<!channel>');
    expect(formatMention('@U123ABC')).toBe('<@U123ABC>');
    expect(formatMention('<!subteam^S1|oncall>')).toBe('<!subteam^S1|oncall>');
  });
});

describe('the title in the plain-text parts of the message', () => {
  it('is escaped in the top-level text and the attachment fallback, so it cannot ping', () => {
    const message = buildMessage(notification({ title: 'Deploy <!channel> & co' })) as {
      text: string;
      attachments: Array<{ fallback: string }>;
    };
    expect(message.text).toContain('Deploy &lt;!channel&gt; &amp; co');
    expect(message.attachments[0]?.fallback).toContain('Deploy &lt;!channel&gt; &amp; co');
    expect(message.text).not.toContain('<!channel>');
  });

  it('formats @here and @channel as mentions', () => {
    expect(formatMention('@here')).toBe('<!here>');
    expect(formatMention('@channel')).toBe('<!channel>');
  });
});
