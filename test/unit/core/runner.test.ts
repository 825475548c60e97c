import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKeyValueFile, Runner } from '../../../packages/core/src/runner.ts';
import { captureRunner } from '../../support/capture-runner.ts';

describe('the runner protocol', () => {
  it('escapes percent signs and newlines in a command message so it stays one line', () => {
    const c = captureRunner();
    c.runner.error('50% done\nsecond line\r');
    expect(c.stdout()).toBe('::error::50%25 done%0Asecond line%0D\n');
  });

  it('escapes colons and commas in annotation properties', () => {
    const c = captureRunner();
    c.runner.warning('careful', { title: 'a: b, c', file: 'src/x.ts', line: 3 });
    expect(c.stdout()).toBe('::warning title=a%3A b%2C c,file=src/x.ts,line=3::careful\n');
  });

  it('writes outputs as heredoc blocks that survive multi-line values', () => {
    const c = captureRunner();
    c.runner.setOutput('report', '{"a":1}\nline two\nEOF');
    c.runner.setOutput('count', 3);
    expect(c.outputs()).toEqual({ report: '{"a":1}\nline two\nEOF', count: '3' });
  });

  it('uses a fresh random delimiter for every value', () => {
    const c = captureRunner();
    c.runner.setOutput('a', 'x');
    c.runner.setOutput('b', 'y');
    const delimiters = readFileSync(c.env.GITHUB_OUTPUT as string, 'utf8').match(/ghadelimiter_[0-9a-f-]+/g) ?? [];
    expect(new Set(delimiters).size).toBe(2);
  });

  it('masks a secret with add-mask and scrubs it from every later line, output and summary', () => {
    const c = captureRunner();
    c.runner.setSecret('hunter2-secret');
    c.runner.info('token is hunter2-secret');
    c.runner.setOutput('url', 'https://x/?t=hunter2-secret');
    c.runner.appendSummary('<p>hunter2-secret</p>');
    expect(c.stdout()).toContain('::add-mask::hunter2-secret');
    expect(c.stdout()).toContain('token is ***');
    expect(c.outputs().url).toBe('https://x/?t=***');
    expect(c.summary()).toBe('<p>***</p>');
  });

  it('wraps a phase in a group and closes it even when the phase throws', async () => {
    const c = captureRunner();
    await expect(
      c.runner.group('Deploy', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(c.stdout()).toBe('::group::Deploy\n::endgroup::\n');
  });

  it('prints outputs to the log when there is no GITHUB_OUTPUT file (a local run)', () => {
    let out = '';
    const runner = new Runner({ env: {}, write: (t) => (out += t) });
    runner.setOutput('status', 'success');
    expect(out).toBe('status=success\n');
  });

  it('reads back heredoc and plain key=value lines the way the runner does', () => {
    expect(parseKeyValueFile('a=1\nb<<EOF\nx\ny\nEOF\nc=d=e\n')).toEqual({ a: '1', b: 'x\ny', c: 'd=e' });
    expect(() => parseKeyValueFile('a<<EOF\nnever closed')).toThrow('unterminated');
  });
});
