import { describe, expect, it } from 'vitest';
import { credentialSecrets, isCredentialHeader, maskUrl, SecretRegistry } from '../../../packages/core/src/secrets.ts';

function registry(...secrets: string[]): SecretRegistry {
  const r = new SecretRegistry();
  for (const s of secrets) r.add(s);
  return r;
}

describe('secrets', () => {
  it('masks the password of a database URL for display', () => {
    expect(maskUrl('postgres://app:p%40ss@db.internal:5432/shop')).toBe('postgres://app:***@db.internal:5432/shop');
  });

  it('masks credential-looking query parameters, by the same rule as credential headers', () => {
    expect(maskUrl('https://api.test/x?teamId=t1&token=abc')).toBe('https://api.test/x?teamId=t1&token=***');
    expect(maskUrl('https://b.test/f?sv=1&sig=abc&X-Amz-Signature=def&x-vercel-protection-bypass=ghi&env=staging')).toBe(
      'https://b.test/f?sv=1&sig=***&X-Amz-Signature=***&x-vercel-protection-bypass=***&env=staging',
    );
    for (const name of ['X-Amz-Signature', 'x-vercel-protection-bypass', 'api_key', 'Proxy-Authorization'])
      expect(isCredentialHeader(name)).toBe(true);
  });

  it('registers only credential headers, and for `Bearer X` the credential alone as well', () => {
    expect(credentialSecrets('X-Env', 'staging')).toEqual([]);
    expect(credentialSecrets('Accept', 'application/json')).toEqual([]);
    expect(credentialSecrets('Authorization', 'Bearer abc.def')).toEqual(['Bearer abc.def', 'abc.def']);
    expect(credentialSecrets('Authorization', 'Basic dXNlcjpwdw==')).toEqual(['Basic dXNlcjpwdw==', 'dXNlcjpwdw==']);
    expect(credentialSecrets('Cookie', 'session=s3cr3t')).toEqual(['session=s3cr3t']);
    expect(credentialSecrets('X-Api-Key', 'k-123')).toEqual(['k-123']);
  });

  it('scrubs a registered secret in its raw, URL-encoded and JSON-escaped forms', () => {
    const r = registry('p@ss "word"/x');
    expect(r.scrub('raw p@ss "word"/x')).toBe('raw ***');
    expect(r.scrub(`enc ${encodeURIComponent('p@ss "word"/x')}`)).toBe('enc ***');
    expect(r.scrub(`json ${JSON.stringify('p@ss "word"/x')}`)).toBe('json "***"');
  });

  it('scrubs the form-encoded echo, with + for a space', () => {
    const r = registry('Canary two spaces & more');
    const form = new URLSearchParams({ q: 'Canary two spaces & more' }).toString();
    expect(form).toBe('q=Canary+two+spaces+%26+more');
    expect(r.scrub(`body: ${form}`)).toBe('body: q=***');
  });

  it('scrubs JSON that escapes non-ASCII as \\u00fc (either case) and slashes as \\/', () => {
    const r = registry('pässwörd/ü-7');
    expect(r.scrub('{"p":"p\\u00e4ssw\\u00f6rd/\\u00fc-7"}')).toBe('{"p":"***"}');
    expect(r.scrub('{"p":"p\\u00E4ssw\\u00F6rd\\/\\u00FC-7"}')).toBe('{"p":"***"}');
  });

  it('scrubs base64 echoes, standard and URL-safe, alone or inside a longer encoded text', () => {
    const secret = 'tok>?~secret-value-1';
    const r = registry(secret);
    expect(r.scrub(Buffer.from(secret).toString('base64'))).toBe('***');
    expect(r.scrub(Buffer.from(secret).toString('base64url'))).toBe('***');
    for (const prefix of ['', 'u', 'us', 'user:']) {
      const basic = Buffer.from(`${prefix}${secret}`).toString('base64');
      const scrubbed = r.scrub(`Authorization: Basic ${basic}`);
      expect(scrubbed, prefix).toContain('***');
      // What is left cannot be decoded back to the secret.
      expect(Buffer.from(scrubbed.replace('Authorization: Basic ', '').replace('***', ''), 'base64').toString()).not.toContain(
        'secret-value',
      );
    }
  });

  it('scrubs a secret escaped for HTML or XML, should anything escape before scrubbing', () => {
    const r = registry(`p&ss<w>"rd'Z`);
    expect(r.scrub('<td>p&amp;ss&lt;w&gt;&quot;rd&#39;Z</td>')).toBe('<td>***</td>');
    expect(r.scrub('<failure message="p&amp;ss&lt;w&gt;&quot;rd&apos;Z"/>')).toBe('<failure message="***"/>');
  });

  it('scrubs a secret whose whitespace was folded, spaces or tabs', () => {
    const r = registry('Canary  two  spaces', 'tab\t\tsecret');
    expect(r.scrub('got Canary two spaces')).toBe('got ***');
    expect(r.scrub('got tab secret')).toBe('got ***');
    expect(r.scrub('got Canary  two  spaces')).toBe('got ***');
  });

  it('scrubs the password of a registered URL on its own, as drivers print it', () => {
    const r = registry('postgres://app:Zq9%21secret@db/shop');
    expect(r.scrub('password authentication failed for "Zq9!secret"')).toBe('password authentication failed for "***"');
    expect(r.scrub('postgres://app:Zq9%21secret@db/shop')).toBe('***');
  });

  it('scrubs a URL secret as a client re-serialises it', () => {
    const r = registry('http://LOCALHOST:80/hooks/./T0/s3cr3t');
    expect(r.scrub('POST http://localhost/hooks/T0/s3cr3t failed')).toBe('POST *** failed');
  });

  it('leaves no fragment of two overlapping secrets', () => {
    const r = registry('abcdef-1234', '1234-zyxwvu');
    expect(r.scrub('x abcdef-1234-zyxwvu y')).toBe('x *** y');
  });

  it('scrubs every occurrence, overlapping ones included', () => {
    const r = registry('abab');
    expect(r.scrub('ababab and abab')).toBe('*** and ***');
  });

  it('does not register one-character values, which would garble every line', () => {
    const r = new SecretRegistry();
    expect(r.add('a')).toEqual([]);
    expect(r.scrub('a banana')).toBe('a banana');
  });

  it('handles a 64 KiB secret: no regular-expression error, nothing of it printed', () => {
    const big = `-----BEGIN KEY-----\n${'Zm9vYmFy'.repeat(8192)}\n-----END KEY-----`;
    const r = new SecretRegistry();
    expect(() => r.add(big)).not.toThrow();
    expect(r.scrub(`key: ${big} end`)).toBe('key: *** end');
    expect(r.scrub(`part: ${'Zm9vYmFy'.repeat(8192)}`)).toBe('part: ***');
  });

  it('scrubs 64 KiB of text against a URL-shaped secret in linear time', () => {
    const r = new SecretRegistry();
    const hostile = `a://${'a:'.repeat(32 * 1024)}`;
    const start = performance.now();
    r.add(hostile);
    r.add(`${'a'.repeat(65536)}://x`);
    r.scrub(hostile);
    // Generous for a loaded machine; the quadratic version took seconds.
    expect(performance.now() - start).toBeLessThan(2500);
  });
});
