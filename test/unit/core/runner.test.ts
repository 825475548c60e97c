import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AnnotationProperties, parseKeyValueFile, Runner } from '../../../packages/core/src/runner.ts';
import { captureRunner } from '../../support/capture-runner.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('the runner protocol', () => {
  it('escapes percent signs and newlines in a command message so it stays one line', () => {
    const c = captureRunner();
    c.runner.error('50% done\nsecond line\r');
    expect(c.stdout()).toBe('::error::50%25 done%0Asecond line%0D\n');
  });

  it('escapes colons and commas in annotation properties', () => {
    const c = captureRunner();
    c.runner.warning('careful', { title: 'a: b, c', file: 'src/x.ts', startLine: 3 });
    expect(c.stdout()).toBe('::warning title=a%3A b%2C c,file=src/x.ts,line=3::careful\n');
  });

  it("sends annotation positions under the runner's names, in @actions/core's order", () => {
    const c = captureRunner();
    c.runner.error('bad', { endColumn: 4, startColumn: 2, endLine: 9, startLine: 8, file: 'a.ts', title: 'T' });
    expect(c.stdout()).toBe('::error title=T,file=a.ts,line=8,endLine=9,col=2,endColumn=4::bad\n');
  });

  it('never prints an unknown annotation property, nor one with no value', () => {
    const c = captureRunner();
    const loose = { line: 3, col: 1, severity: 'high', title: undefined } as unknown as AnnotationProperties;
    c.runner.notice('note', loose);
    expect(c.stdout()).toBe('::notice::note\n');
  });

  it('refuses a value or name that holds the heredoc delimiter, as @actions/core does', () => {
    const dir = tempDir('delimiter-');
    const env = { GITHUB_OUTPUT: join(dir, 'out') };
    writeFileSync(env.GITHUB_OUTPUT, '');
    const runner = new Runner({ env, write: () => undefined, randomId: () => 'fixed' });
    expect(() => runner.setOutput('x', 'a\nghadelimiter_fixed\nevil=1')).toThrow('value should not contain the delimiter');
    expect(() => runner.setOutput('ghadelimiter_fixed', 'a')).toThrow('name should not contain the delimiter');
    expect(readFileSync(env.GITHUB_OUTPUT, 'utf8')).toBe('');
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

  it('masks a secret with add-mask and scrubs it from every later log line, annotation and summary', () => {
    const c = captureRunner();
    c.runner.setSecret('hunter2-secret');
    c.runner.info('token is hunter2-secret');
    c.runner.warning('saw hunter2-secret', { title: 'hunter2-secret' });
    c.runner.appendSummary('<p>hunter2-secret</p>');
    expect(c.stdout()).toContain('::add-mask::hunter2-secret');
    expect(c.stdout()).toContain('token is ***');
    expect(c.stdout()).toContain('::warning title=***::saw ***');
    expect(c.summary()).toBe('<p>***</p>');
  });

  it('writes outputs, exported variables and state as given: later steps need the real values', () => {
    const c = captureRunner();
    c.runner.setSecretHeader('X-Env', 'on');
    c.runner.setSecret('connect-token');
    c.runner.setOutput('failure', 'ECONNREFUSED (connect refused)');
    c.runner.exportVariable('NEXT', 'connect-token');
    c.runner.saveState('s', 'connect-token');
    expect(c.outputs().failure).toBe('ECONNREFUSED (connect refused)');
    expect(readFileSync(c.env.GITHUB_ENV as string, 'utf8')).toContain('\nconnect-token\n');
    expect(readFileSync(c.env.GITHUB_STATE as string, 'utf8')).toContain('\nconnect-token\n');
  });

  it('registers only credential headers, and the credential alone in `Bearer X`', () => {
    const c = captureRunner();
    expect(c.runner.setSecretHeader('X-Env', 'staging')).toBe(false);
    expect(c.runner.setSecretHeader('Authorization', 'Bearer abc.def-123')).toBe(true);
    expect(c.runner.setSecretHeader('x-vercel-protection-bypass', 'byp4ss')).toBe(true);
    c.runner.info('deploying to staging with abc.def-123 and byp4ss');
    expect(c.stdout()).toContain('deploying to staging with *** and ***');
    expect(c.stdout()).not.toContain('::add-mask::staging');
  });

  it('adds a directory to the PATH of this process and of later steps', () => {
    const c = captureRunner({ PATH: '/usr/bin' });
    c.runner.addPath('/opt/tool/bin');
    expect(c.env.PATH).toBe('/opt/tool/bin:/usr/bin');
    expect(readFileSync(c.env.GITHUB_PATH as string, 'utf8')).toBe('/opt/tool/bin\n');
  });

  it('warns, and does not fail, when the summary file cannot be written', () => {
    const c = captureRunner({ GITHUB_STEP_SUMMARY: '/nonexistent-dir/summary.md' });
    c.runner.appendSummary('<p>a</p>');
    c.runner.appendSummary('<p>b</p>');
    expect(c.stdout().match(/^::warning::Could not write the job summary to \/nonexistent-dir\/summary.md/gm)).toHaveLength(1);
  });

  it('caps the summary below the runner limit, cutting with a note', () => {
    const dir = tempDir('summary-');
    const env = { GITHUB_STEP_SUMMARY: join(dir, 'summary') };
    writeFileSync(env.GITHUB_STEP_SUMMARY, '');
    let out = '';
    const runner = new Runner({ env, write: (t) => (out += t), summaryLimit: 2000 });
    runner.appendSummary(`<p>${'é'.repeat(500)}</p>\n`);
    runner.appendSummary(`<p>${'x'.repeat(5000)}</p>\n`);
    runner.appendSummary('<p>after the cut</p>');
    const written = readFileSync(env.GITHUB_STEP_SUMMARY);
    expect(written.length).toBeLessThanOrEqual(2000);
    expect(written.toString('utf8')).toContain('The rest of this summary was cut');
    expect(written.toString('utf8')).not.toContain('after the cut');
    expect(written.toString('utf8')).not.toContain('\uFFFD');
    expect(out).toContain('::warning::The job summary reached its size limit');
  });

  it('caps the summary at the default limit below 1 MiB', () => {
    const c = captureRunner();
    c.runner.appendSummary(`<pre>${'a'.repeat(1024 * 1024)}</pre>`);
    expect(Buffer.byteLength(c.summary())).toBeLessThan(1024 * 1024);
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
