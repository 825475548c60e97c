import { describe, expect, it } from 'vitest';
import { renderPayload } from '../../../actions/notify/src/payload.ts';
import { InputError } from '../../../packages/core/src/errors.ts';
import { notification } from '../../support/notification.ts';

describe('custom payload templates', () => {
  it('fills placeholders inside strings without letting a value change the JSON shape', async () => {
    const n = notification();
    n.run.commitMessage = 'quote " brace } newline\n "},"injected":{"x":"';
    const out = await renderPayload('{"text": "{{ emoji }} {{ status }}: {{ commit.message }}", "channel": "#deploys"}', n);
    expect(Object.keys(out)).toEqual(['text', 'channel']);
    expect(out.text).toBe('✅ success: quote " brace } newline\n "},"injected":{"x":"');
  });

  it('accepts YAML and fills nested blocks and fields', async () => {
    const out = await renderPayload(
      'blocks:\n  - type: section\n    text: { type: mrkdwn, text: "{{ repository }} on {{ fields.Region }} by {{ actor }}" }\n',
      notification({ fields: [['Region', 'eu']] }),
    );
    expect(out).toEqual({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'acme/shop on eu by octocat' } }] });
  });

  it('escapes Slack control characters in filled values', async () => {
    const out = await renderPayload('{"text": "{{ commit.message }}"}', notification());
    expect(out.text).toContain('&lt;!channel&gt; &amp;');
  });

  it('names unknown placeholders and lists the known ones', async () => {
    const error = await renderPayload('{"text": "{{ commit.author }}"}', notification()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(
      "Input 'payload' is not usable: expected known placeholders; unknown: {{ commit.author }}",
    );
  });

  it('says where a payload fails to parse', async () => {
    await expect(renderPayload('{"text": "a",\n  "x": [1,, }', notification())).rejects.toThrow(/line 2/);
    await expect(renderPayload('["a list"]', notification())).rejects.toThrow('expected a JSON or YAML object');
  });
});

describe('the catalog notes on payloads', () => {
  it('list exactly the placeholders the code fills in', async () => {
    const { manifest } = await import('../../../actions/notify/src/manifest.ts');
    const { PLACEHOLDER_NAMES } = await import('../../../actions/notify/src/payload.ts');
    const documented = [...(manifest.notes ?? '').matchAll(/\{\{ ([\w.<>-]+) \}\}/g)]
      .map((m) => m[1])
      .filter((n) => n !== 'name');
    expect(new Set(documented)).toEqual(new Set(PLACEHOLDER_NAMES));
  });
});

type TextBlock = { text: { text: string } };

describe('payload placeholders in their Block Kit fields', () => {
  const longMessage = 'x'.repeat(4000);

  it('cuts filled values to each field limit, keeping the template text', async () => {
    const n = notification();
    n.run.commitMessage = longMessage;
    const out = (await renderPayload(
      JSON.stringify({
        text: 'Commit: {{ commit.message }}',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'Deploy {{ commit.message }}' } },
          { type: 'section', text: { type: 'mrkdwn', text: '*Commit* {{ commit.message }}' } },
          { type: 'section', fields: [{ type: 'mrkdwn', text: '{{ commit.message }}' }] },
          {
            type: 'actions',
            elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open {{ commit.message }}' }, url: '{{ run.url }}' }],
          },
        ],
      }),
      n,
    )) as {
      text: string;
      blocks: [TextBlock, TextBlock, { fields: Array<{ text: string }> }, { elements: TextBlock[] }];
    };
    expect(out.text.length).toBe(4008);
    expect(out.blocks[0].text.text.length).toBe(150);
    expect(out.blocks[0].text.text.startsWith('Deploy xxx')).toBe(true);
    expect(out.blocks[1].text.text.length).toBe(3000);
    expect(out.blocks[2].fields[0]?.text.length).toBe(2000);
    expect(out.blocks[3].elements[0]?.text.text.length).toBe(75);
  });

  it('puts values into URL fields unescaped, and escapes them in text', async () => {
    const n = notification({ url: 'https://app.test/?a=1&b=<2>' });
    const out = (await renderPayload(
      '{"text": "{{ url }}", "blocks": [{"type": "image", "image_url": "{{ url }}", "alt_text": "x"}]}',
      n,
    )) as { text: string; blocks: Array<{ image_url: string }> };
    expect(out.blocks[0]?.image_url).toBe('https://app.test/?a=1&b=<2>');
    expect(out.text).toBe('https://app.test/?a=1&amp;b=&lt;2&gt;');
  });
});
