import { describe, expect, it } from 'vitest';
import * as t from '../../../packages/core/src/input-types.ts';

const value = <T>(type: t.InputType<T>, raw: string): T => {
  const r = type.parse(raw);
  if (!r.ok) throw new Error(r.expected);
  return r.value;
};
const rejects = <T>(type: t.InputType<T>, raw: string): boolean => !type.parse(raw).ok;

describe('input types', () => {
  it('reads durations as 90s, 5m, 1h, combined units, milliseconds or plain seconds', () => {
    const d = t.duration();
    expect(value(d, '90s')).toBe(90_000);
    expect(value(d, '5m')).toBe(300_000);
    expect(value(d, '1h')).toBe(3_600_000);
    expect(value(d, '1m30s')).toBe(90_000);
    expect(value(d, '250ms')).toBe(250);
    expect(value(d, '30')).toBe(30_000);
    expect(value(d, '1.5')).toBe(1500);
  });

  it('refuses durations that are malformed, negative or out of range and says the accepted form', () => {
    const d = t.duration({ min: 1000, max: 600_000 });
    for (const raw of ['abc', '-5m', '5 minutes', '1d', '0s', '11m', '']) expect(rejects(d, raw)).toBe(true);
    const r = d.parse('abc');
    expect(!r.ok && r.expected).toBe('a duration such as 90s, 5m, 1h or plain seconds, from 1s to 10m');
  });

  it('formats durations back the way people write them', () => {
    expect(t.formatDuration(250)).toBe('250ms');
    expect(t.formatDuration(90_000)).toBe('1m30s');
    expect(t.formatDuration(3_600_000)).toBe('1h');
    expect(t.formatDuration(4_500)).toBe('4.5s');
  });

  it('accepts only the YAML 1.2 spellings of booleans', () => {
    const b = t.boolean();
    expect(value(b, 'true')).toBe(true);
    expect(value(b, 'FALSE')).toBe(false);
    for (const raw of ['yes', '1', 'on', 'tRue']) expect(rejects(b, raw)).toBe(true);
  });

  it('splits lists on newlines and commas and drops blank items', () => {
    expect(value(t.list(), 'a, b\n\nc,,d ')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('checks every item of a typed list and names the bad one', () => {
    const r = t.list(t.oneOf(['success', 'failure'])).parse('success, nope');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.expected).toContain('item "nope" is not one of');
  });

  it('reads KEY=VALUE blocks one pair a line, keeping = inside values and skipping comments', () => {
    expect(value(t.keyValues(), '# note\nA=1\n\n B = x=y \nC=')).toEqual([
      ['A', '1'],
      ['B', 'x=y'],
      ['C', ''],
    ]);
  });

  it('refuses a KEY=VALUE line without a key and says which line', () => {
    const r = t.keyValues().parse('A=1\n=2');
    expect(!r.ok && r.expected).toContain('line 2');
  });

  it('accepts only absolute URLs of the allowed schemes', () => {
    expect(value(t.url(), 'https://example.test/x')).toBe('https://example.test/x');
    for (const raw of ['example.com', 'ftp://x', 'http://', '/relative']) expect(rejects(t.url(), raw)).toBe(true);
  });

  it('keeps whole numbers inside their range', () => {
    const i = t.integer({ min: 1, max: 64 });
    expect(value(i, '8')).toBe(8);
    for (const raw of ['0', '65', '1.5', '1e3', 'eight']) expect(rejects(i, raw)).toBe(true);
  });

  it('reads timestamps as ISO 8601 or epoch seconds', () => {
    expect(value(t.timestamp(), '1700000000')).toBe(1_700_000_000_000);
    expect(value(t.timestamp(), '2026-11-23T10:00:00Z')).toBe(Date.parse('2026-11-23T10:00:00Z'));
    expect(rejects(t.timestamp(), 'yesterday')).toBe(true);
  });

  it('adapts a zod schema into an input type whose error names the failing path', async () => {
    const { z } = await import('zod');
    const type = t.fromSchema(
      'a JSON object with a port',
      z
        .string()
        .transform((s) => JSON.parse(s))
        .pipe(z.object({ port: z.number() })),
    );
    expect(value(type, '{"port":8080}')).toEqual({ port: 8080 });
    const r = type.parse('{"port":"x"}');
    expect(!r.ok && r.expected).toMatch(/^a JSON object with a port \(at port\)/);
  });
});

describe('URL inputs', () => {
  const parsed = <T>(type: t.InputType<T>, raw: string) => type.parse(raw);

  it('splits a URL list on newlines only, so a URL with commas stays one URL', () => {
    expect(parsed(t.urls(), 'https://x.test/health?checks=db,cache\nhttps://y.test/up')).toEqual({
      ok: true,
      value: ['https://x.test/health?checks=db,cache', 'https://y.test/up'],
    });
  });

  it('refuses a URL holding a line break or another control character, naming it', () => {
    const twoLines = parsed(t.url(), 'https://h.test/api\nv2');
    expect(twoLines).toMatchObject({ ok: false });
    expect(twoLines.ok ? '' : twoLines.expected).toContain('a line break');
    expect(parsed(t.url(), 'https://h.test/a\tb')).toMatchObject({ ok: false });
  });

  it('reads sizes in bytes, KiB, MiB and MB', () => {
    expect(parsed(t.bytes(), '1MiB')).toEqual({ ok: true, value: 1024 * 1024 });
    expect(parsed(t.bytes(), '512KiB')).toEqual({ ok: true, value: 512 * 1024 });
    expect(parsed(t.bytes(), '10MB')).toEqual({ ok: true, value: 10_000_000 });
    expect(parsed(t.bytes(), '2048')).toEqual({ ok: true, value: 2048 });
    expect(parsed(t.bytes(), 'lots')).toMatchObject({ ok: false });
  });
});
