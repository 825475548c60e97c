import { describe, expect, it } from 'vitest';
import { commentBody, markdownText } from '../../../actions/deploy-vercel/src/comment.ts';
import { readRunContext } from '../../../packages/core/src/context.ts';
import type { VercelDeployment } from '../../../packages/vercel/src/types.ts';

const deployment: VercelDeployment = {
  id: 'dpl_abc',
  url: 'web-abc.vercel.app',
  name: 'web',
  projectId: 'prj_web',
  readyState: 'READY',
  target: null,
  createdAt: 0,
  inspectorUrl: 'https://vercel.com/acme/web/abc',
  alias: [],
  aliasAssigned: true,
  aliasError: null,
  errorCode: undefined,
  errorMessage: undefined,
  meta: {},
};
const run = readRunContext({ GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: '0123456789abcdef', GITHUB_RUN_ID: '42' });

describe('the pull-request comment', () => {
  it('shows the preview URL, the inspector link, the commit and the run', () => {
    const body = commentBody(deployment, run, { production: false, staged: false });
    expect(body).toContain('| Preview | https://web-abc.vercel.app |');
    expect(body).toContain('[dpl_abc](https://vercel.com/acme/web/abc)');
    expect(body).toContain('[`0123456`](https://github.com/acme/shop/commit/0123456789abcdef)');
    expect(body).toContain('[#42](https://github.com/acme/shop/actions/runs/42)');
  });

  it('shows no URL for a deployment that is not READY, and the reason it failed as plain text', () => {
    const body = commentBody(
      { ...deployment, readyState: 'ERROR', errorMessage: 'Build failed: <img src=x> [click](https://evil) | `x`' },
      run,
      { production: true, staged: false },
    );
    expect(body).toContain('| Production | — |');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('[click]');
    expect(body).toContain('❌ Failed: Build failed: &#60;img src=x&#62;');
  });

  it('keeps Markdown and HTML in outside text inert', () => {
    expect(markdownText('**a** <b>|c\n')).toBe('&#42;&#42;a&#42;&#42; &#60;b&#62;&#124;c ');
  });
});
