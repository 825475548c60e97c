/**
 * The GitHub side of a deploy: the pull-request comment with the preview URL and, when asked, a
 * GitHub deployment with its statuses. Neither ever fails the deploy.
 */
import type { ActionContext } from '@deploy-suite/core/run';
import type { VercelDeployment } from '@deploy-suite/vercel/types';
import type { DeployVercelInputs } from './manifest.ts';

export type FinalState = 'success' | 'failure' | 'inactive';

export interface GitHubReporter {
  /** The Vercel deployment exists: record it as in progress. */
  started(d: VercelDeployment): Promise<void>;
  /** The deploy ended: the final status and the comment. */
  finished(d: VercelDeployment, state: FinalState): Promise<void>;
  /** Lines for the summary: the comment written, the GitHub deployment. */
  notes(): string[];
}

export const silentReporter: GitHubReporter = {
  started: async () => {},
  finished: async () => {},
  notes: () => [],
};

export function wantsComment(inputs: DeployVercelInputs, ctx: ActionContext): boolean {
  return inputs.prComment === 'true' || (inputs.prComment === 'auto' && ctx.github.pullRequest !== undefined);
}

export async function gitHubReporter(inputs: DeployVercelInputs, ctx: ActionContext): Promise<GitHubReporter> {
  if (!wantsComment(inputs, ctx) && !inputs.githubDeployment) return silentReporter;
  ctx.runner.warning(
    'The PR comment and the GitHub deployment are not available in this build; the deploy goes on without them.',
  );
  return silentReporter;
}
