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
