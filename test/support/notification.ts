import type { Notification } from '../../actions/notify/src/message.ts';
import { readRunContext } from '../../packages/core/src/context.ts';

export function notification(overrides: Partial<Notification> = {}): Notification {
  const run = readRunContext({
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: '3f7c2a9d1e8b4c6f0a5d2e9b7c1f4a8e6d3b0c2a',
    GITHUB_RUN_ID: '77',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_REF_NAME: 'main',
    GITHUB_ACTOR: 'octocat',
  });
  return {
    status: 'success',
    title: undefined,
    text: undefined,
    environment: 'production',
    url: 'https://shop.test',
    reason: undefined,
    fields: [],
    mentions: [],
    durationMs: undefined,
    run: { ...run, commitMessage: 'Fix "checkout" <!channel> & more\nsecond line' },
    ...overrides,
  };
}
