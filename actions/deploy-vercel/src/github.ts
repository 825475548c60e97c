/**
 * The GitHub side of a deploy: the pull-request comment with the preview URL (one per project
 * and PR, updated in place on every push) and, when asked, a GitHub deployment with its statuses.
 * Neither ever fails the deploy: a missing permission is a warning naming the `permissions:`
 * line (the GitHub client's rule), any other GitHub failure a warning too.
 */
import { errorMessage } from '@deploy-suite/core/errors';
import type { ActionContext } from '@deploy-suite/core/run';
import type { GitHubClient } from '@deploy-suite/github/client';
import type { VercelDeployment } from '@deploy-suite/vercel/types';
import { commentBody, commentKey } from './comment.ts';
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

export function wantsComment(inputs: Pick<DeployVercelInputs, 'prComment'>, pullRequest: number | undefined): boolean {
  return inputs.prComment === 'true' || (inputs.prComment === 'auto' && pullRequest !== undefined);
}

export async function gitHubReporter(inputs: DeployVercelInputs, ctx: ActionContext): Promise<GitHubReporter> {
  const { runner } = ctx;
  const pullRequest = ctx.github.pullRequest;
  let comment = wantsComment(inputs, pullRequest);
  if (comment && pullRequest === undefined) {
    runner.info(`pr-comment is true, but this ${ctx.github.eventName || 'run'} event has no pull request: no comment.`);
    comment = false;
  }
  if (!comment && !inputs.githubDeployment) return silentReporter;

  const token = inputs.githubToken ?? ctx.env.GITHUB_TOKEN;
  if (!token) {
    runner.warning(
      `${comment ? 'The PR comment' : 'The GitHub deployment'} needs a GitHub token: add \`github-token\` with the run's github.token to the step.`,
    );
    return silentReporter;
  }
  runner.setSecret(token);
  const { connectGitHub } = await import('@deploy-suite/github/client');
  const client = await connectGitHub({
    token,
    repository: ctx.github.repository,
    apiUrl: ctx.github.apiUrl,
    http: ctx.http({ service: 'GitHub', timeout: 10_000, deadline: 30_000 }),
    logger: runner,
    secrets: runner.secrets,
    userAgent: 'deploy-suite-deploy-vercel',
  });
  return new GitHubReporting(client, inputs, ctx, comment ? pullRequest : undefined);
}

class GitHubReporting implements GitHubReporter {
  private readonly client: GitHubClient;
  private readonly ctx: ActionContext;
  private readonly pullRequest: number | undefined;
  private readonly production: boolean;
  private readonly staged: boolean;
  private readonly createDeployment: boolean;
  private deploymentId: number | undefined;
  private readonly written: string[] = [];
  /** GitHub calls run one after another, in the order the deploy asked for them. */
  private queue: Promise<void> = Promise.resolve();

  constructor(client: GitHubClient, inputs: DeployVercelInputs, ctx: ActionContext, pullRequest: number | undefined) {
    this.client = client;
    this.ctx = ctx;
    this.pullRequest = pullRequest;
    this.production = inputs.production;
    this.staged = inputs.production && !inputs.promote;
    this.createDeployment = inputs.githubDeployment;
  }

  started(d: VercelDeployment): Promise<void> {
    return this.enqueue('record the deployment on GitHub', async () => {
      if (this.createDeployment) {
        const created = await this.client.createDeployment({
          ref: this.ctx.github.headSha || this.ctx.github.ref,
          environment: this.production ? 'production' : 'preview',
          transient: !this.production,
          production: this.production && !this.staged,
          description: `Vercel ${d.id}${this.staged ? ' (staged)' : ''}`,
          payload: { vercelDeploymentId: d.id, vercelProject: d.name },
        });
        this.deploymentId = created?.id;
        if (this.deploymentId !== undefined)
          await this.client.setDeploymentStatus(this.deploymentId, {
            state: 'in_progress',
            ...(d.inspectorUrl ? { logUrl: d.inspectorUrl } : {}),
            description: 'Building on Vercel',
          });
      }
      await this.comment(d);
    });
  }

  finished(d: VercelDeployment, state: FinalState): Promise<void> {
    return this.enqueue('report the outcome on GitHub', async () => {
      if (this.deploymentId !== undefined) {
        await this.client.setDeploymentStatus(this.deploymentId, {
          state,
          ...(state === 'success' ? { environmentUrl: `https://${d.url}` } : {}),
          ...(d.inspectorUrl ? { logUrl: d.inspectorUrl } : {}),
          description: state === 'success' ? `Vercel ${d.readyState}` : `Vercel ${d.readyState}: ${d.errorCode ?? ''}`.trim(),
          // A staged deployment serves no one yet: the environment's live deployment stays active.
          autoInactive: !this.staged,
        });
        this.written.push(`GitHub deployment ${this.deploymentId}: ${state}.`);
      }
      await this.comment(d);
    });
  }

  notes(): string[] {
    return [...new Set(this.written)];
  }

  private async comment(d: VercelDeployment): Promise<void> {
    if (this.pullRequest === undefined) return;
    const result = await this.client.upsertComment({
      issueNumber: this.pullRequest,
      key: commentKey(d.name),
      body: commentBody(d, this.ctx.github, { production: this.production, staged: this.staged }),
    });
    if (result) this.written.push(`Pull request #${this.pullRequest}: comment ${result.url}`);
  }

  private enqueue(what: string, work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      if (this.ctx.signal.aborted) return;
      this.ctx.runner.warning(`Could not ${what} (the deploy goes on): ${errorMessage(error)}`);
    });
    return this.queue;
  }
}
