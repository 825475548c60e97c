import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunContext } from '../../../packages/core/src/context.ts';
import { tempDir } from '../../support/temp-dir.ts';

function withEvent(event: object, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const path = join(tempDir('event-'), 'event.json');
  writeFileSync(path, JSON.stringify(event));
  return { ...env, GITHUB_EVENT_PATH: path };
}

describe('the run context', () => {
  it('gives the same sha as ${{ github.sha }} on a pull request, and the head commit as its own field', () => {
    const env = withEvent(
      { pull_request: { number: 7, title: 'Add checkout', head: { sha: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' } } },
      {
        GITHUB_SHA: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REPOSITORY: 'acme/shop',
      },
    );
    const ctx = readRunContext(env);
    expect(ctx.sha).toBe('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
    expect(ctx.shortSha).toBe('bbbbbbb');
    expect(ctx.headSha).toBe('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(ctx.pullRequest).toBe(7);
  });

  it('uses the pushed commit for both on a push', () => {
    const ctx = readRunContext(withEvent({ head_commit: { message: 'Ship' } }, { GITHUB_SHA: 'c'.repeat(40) }));
    expect(ctx.sha).toBe('c'.repeat(40));
    expect(ctx.headSha).toBe('c'.repeat(40));
    expect(ctx.commitMessage).toBe('Ship');
  });
});
