import { describe, expect, it } from 'vitest';
import { code, link, Summary } from '../../../packages/core/src/report.ts';

describe('job summaries', () => {
  it('escapes every piece of text, so a commit message cannot inject markup', () => {
    const html = new Summary()
      .heading('<b>x</b>')
      .table(['check', 'result'], [['<img src=x>', 'a & b']])
      .toString();
    expect(html).toContain('<h2>&lt;b&gt;x&lt;/b&gt;</h2>');
    expect(html).toContain('<td>&lt;img src=x&gt;</td><td>a &amp; b</td>');
  });

  it('builds links only to http(s) URLs and escapes their text', () => {
    expect(link('run "1"', 'https://gh.test/r?a=1&b=2').markup).toBe(
      '<a href="https://gh.test/r?a=1&amp;b=2">run &quot;1&quot;</a>',
    );
    expect(link('x', 'javascript:alert(1)').markup).toBe('x');
  });

  it('keeps markup made by the module and nests summaries in details', () => {
    const inner = new Summary().paragraph(code('npm test'));
    expect(new Summary().details('Logs', inner).toString()).toContain(
      '<details><summary>Logs</summary>\n\n<p><code>npm test</code></p>',
    );
  });
});
