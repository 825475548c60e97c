import { describe, expect, it } from 'vitest';
import { maskUrl, SecretRegistry } from '../../../packages/core/src/secrets.ts';

describe('secrets', () => {
  it('masks the password of a database URL for display', () => {
    expect(maskUrl('postgres://app:p%40ss@db.internal:5432/shop')).toBe('postgres://app:***@db.internal:5432/shop');
  });

  it('masks credential-looking query parameters', () => {
    expect(maskUrl('https://api.test/x?teamId=t1&token=abc')).toBe('https://api.test/x?teamId=t1&token=***');
  });

  it('scrubs a registered secret in its raw, URL-encoded and JSON-escaped forms', () => {
    const r = new SecretRegistry();
    r.add('p@ss "word"/x');
    expect(r.scrub('raw p@ss "word"/x')).toBe('raw ***');
    expect(r.scrub(`enc ${encodeURIComponent('p@ss "word"/x')}`)).toBe('enc ***');
    expect(r.scrub(`json ${JSON.stringify('p@ss "word"/x')}`)).toBe('json "***"');
  });

  it('scrubs the password of a registered URL on its own, as drivers print it', () => {
    const r = new SecretRegistry();
    r.add('postgres://app:Zq9%21secret@db/shop');
    expect(r.scrub('password authentication failed for "Zq9!secret"')).toBe('password authentication failed for "***"');
    expect(r.scrub('postgres://app:Zq9%21secret@db/shop')).toBe('***');
  });

  it('does not register one-character values, which would garble every line', () => {
    const r = new SecretRegistry();
    expect(r.add('a')).toEqual([]);
    expect(r.scrub('a banana')).toBe('a banana');
  });
});
