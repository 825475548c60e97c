/**
 * GitHub REST for the actions: deployments and their statuses, and pull-request comments
 * upserted in place by a hidden marker. One entry point:
 *
 *     const github = await connectGitHub({ token, repository: ctx.github.repository,
 *       apiUrl: ctx.github.apiUrl, http: ctx.http({ service: 'GitHub' }), logger: ctx.runner });
 *     const deployment = await github.createDeployment({ ref: sha, environment: 'preview' });
 *     if (deployment) await github.setDeploymentStatus(deployment.id, { state: 'success', environmentUrl: url });
 *     await github.upsertComment({ issueNumber: pr, key: 'deploy-vercel:web', body: markdown });
 *
 * A call the token has no permission for (403 "Resource not accessible by integration") logs a
 * warning naming the `permissions:` line to add and resolves to `undefined`: never a failure.
 * Any other refusal throws a UserError with GitHub's message.
 *
 * Octokit comes from @actions/github, loaded by `connectGitHub` and not before: importing it
 * costs about 230 ms (it builds its proxy agents and loads undici at import), which a step that
 * stops on a bad input, or never talks to GitHub, must not pay.
 *
 * Every request goes through the core HTTP client's `fetch`: its per-attempt timeout, deadline,
 * cancellation, and retries of network errors, 408, 429 and 5xx with `Retry-After` for the
 * idempotent reads (the comment search). Writes (POST a deployment, a status or a comment; PATCH
 * a comment) are sent once, as the core client does by default: a deployment or comment GitHub
 * made before the connection dropped must not be made twice. That is why
 * neither @octokit/plugin-retry nor @octokit/plugin-throttling is used: retry would retry the
 * same failures a second time on top (up to 3 × 6 attempts), and throttling exists to queue
 * thousands of calls under GitHub's rate limits, while a step here makes four or five
 * (a deployment, two statuses, a comment lookup and write) against the token's 1,000 an hour;
 * both would add their bottleneck dependency to every bundle that deploys.
 */
import type { getOctokit } from '@actions/github';
import { CancelledError, UserError } from '@deploy-suite/core/errors';
import type { FetchFn } from '@deploy-suite/core/http';
import type { Logger } from '@deploy-suite/core/runner';
import type { SecretRegistry } from '@deploy-suite/core/secrets';
import { excerpt, truncate } from '@deploy-suite/core/untrusted';
import { commentMarker, isMarked } from './marker.ts';
import { isMissingPermission, missingPermissionWarning, type Permission } from './permissions.ts';

type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubOptions {
  /** The workflow's `GITHUB_TOKEN` or another token for the repository. */
  token: string;
  /** `owner/repo`, as `GITHUB_REPOSITORY`. */
  repository: string;
  /** The REST API's root (GitHub Enterprise, the sandbox). Default: `GITHUB_API_URL`, else https://api.github.com. */
  apiUrl?: string;
  /** Where `GITHUB_API_URL` is read when `apiUrl` is not given. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** The core HTTP client (or its `fetch`): every request takes its retries, deadline and cancel. */
  http: { fetch: FetchFn };
  logger: Pick<Logger, 'warning' | 'debug'>;
  /** Scrubs GitHub's answers before they are quoted in an error. */
  secrets?: Pick<SecretRegistry, 'scrub'>;
  userAgent?: string;
}

export interface DeploymentRequest {
  /** The commit SHA (or branch or tag) deployed. */
  ref: string;
  /** The environment's name as GitHub shows it: `production`, `preview`, `pr-12`. */
  environment: string;
  description?: string;
  /** The environment goes away (a preview); GitHub shows it as such. */
  transient?: boolean;
  /** Default: GitHub's own rule (true for `production`). */
  production?: boolean;
  /** Free data stored with the deployment (a provider's deployment id). */
  payload?: Record<string, unknown>;
}

export interface Deployment {
  id: number;
  environment: string;
  url: string;
}

export type DeploymentState = 'queued' | 'in_progress' | 'success' | 'failure' | 'error' | 'inactive' | 'pending';

export interface DeploymentStatusRequest {
  state: DeploymentState;
  /** The deployed site: GitHub links the environment to it. */
  environmentUrl?: string;
  /** Where the deploy's logs are (the run, the provider's inspector). */
  logUrl?: string;
  /** Up to 140 characters; longer text is cut. */
  description?: string;
  /** Whether a success marks the environment's older deployments inactive (GitHub's default: yes). */
  autoInactive?: boolean;
}

export interface CommentRequest {
  /** The pull request's (or issue's) number. */
  issueNumber: number;
  /** Names this comment among the suite's: `deploy-vercel:web`. One comment per key and PR. */
  key: string;
  /** Markdown. The marker is added in front; text past GitHub's 65,536 characters is cut. */
  body: string;
}

export interface CommentResult {
  id: number;
  url: string;
  action: 'created' | 'updated';
}

/** GitHub's cap on a comment body. */
const MAX_COMMENT = 65_536;
const MAX_DESCRIPTION = 140;
/** Pages of 100 comments searched for the marker: 5,000 comments, far past any real pull request. */
const MAX_COMMENT_PAGES = 50;

export async function connectGitHub(options: GitHubOptions): Promise<GitHubClient> {
  const { getOctokit } = await import('@actions/github');
  const debug = (message: string) => options.logger.debug(`GitHub: ${message}`);
  const octokit = getOctokit(options.token, {
    baseUrl: (options.apiUrl || (options.env ?? process.env).GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'deploy-suite',
    request: { fetch: options.http.fetch },
    // Octokit's own notices (deprecations) go to the step's debug log, never raw to the console.
    log: { debug, info: debug, warn: debug, error: debug },
  });
  return new GitHubClient(octokit, options);
}

export class GitHubClient {
  private readonly octokit: Octokit;
  private readonly owner: string;
  private readonly repo: string;
  private readonly logger: GitHubOptions['logger'];
  private readonly secrets: Pick<SecretRegistry, 'scrub'>;
  /** Permissions found missing: later calls needing them are skipped without asking again. */
  private readonly missing = new Set<Permission>();

  constructor(octokit: Octokit, options: GitHubOptions) {
    const [owner, repo, ...rest] = options.repository.split('/');
    if (!owner || !repo || rest.length > 0)
      throw new UserError(`The repository must be owner/name; got ${JSON.stringify(options.repository)}.`);
    this.octokit = octokit;
    this.owner = owner;
    this.repo = repo;
    this.logger = options.logger;
    this.secrets = options.secrets ?? { scrub: (text) => text };
  }

  /** Creates a GitHub deployment; `undefined` when the token lacks `deployments: write`. */
  createDeployment(request: DeploymentRequest): Promise<Deployment | undefined> {
    return this.call(`create a GitHub deployment for ${request.environment}`, 'deployments: write', async () => {
      const { data } = await this.octokit.rest.repos.createDeployment({
        owner: this.owner,
        repo: this.repo,
        ref: request.ref,
        environment: request.environment,
        // Never merge the default branch into the ref: the deployed commit is the one built.
        auto_merge: false,
        // By default GitHub requires every status check of the commit to pass, and the run that
        // deploys is itself still pending: the request would fail with 409.
        required_contexts: [],
        ...(request.description === undefined ? {} : { description: truncate(request.description, MAX_DESCRIPTION) }),
        ...(request.transient === undefined ? {} : { transient_environment: request.transient }),
        ...(request.production === undefined ? {} : { production_environment: request.production }),
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      });
      const created = answer(data, 'the deployment');
      if (typeof created.id !== 'number')
        throw new UserError(`GitHub did not create the deployment: ${excerpt(String(created.message ?? ''), this.secrets)}`);
      return { id: created.id, environment: String(created.environment), url: String(created.url) };
    });
  }

  /** Records a deployment's state; `undefined` when the token lacks `deployments: write`. */
  setDeploymentStatus(deploymentId: number, request: DeploymentStatusRequest): Promise<{ id: number } | undefined> {
    return this.call(`set GitHub deployment ${deploymentId} to ${request.state}`, 'deployments: write', async () => {
      const { data } = await this.octokit.rest.repos.createDeploymentStatus({
        owner: this.owner,
        repo: this.repo,
        deployment_id: deploymentId,
        state: request.state,
        ...(request.environmentUrl === undefined ? {} : { environment_url: request.environmentUrl }),
        ...(request.logUrl === undefined ? {} : { log_url: request.logUrl }),
        ...(request.description === undefined ? {} : { description: truncate(request.description, MAX_DESCRIPTION) }),
        ...(request.autoInactive === undefined ? {} : { auto_inactive: request.autoInactive }),
      });
      return { id: idOf(answer(data, 'the deployment status')) };
    });
  }

  /**
   * Creates the pull request's comment for `key`, or edits it in place when an earlier run left
   * one: the comments are searched page by page (100 a page) for the marker, stopping at the
   * first match. `undefined` when the token lacks `pull-requests: write`.
   */
  upsertComment(request: CommentRequest): Promise<CommentResult | undefined> {
    const marker = commentMarker(request.key);
    const body = `${marker}\n${truncate(request.body, MAX_COMMENT - marker.length - 1)}`;
    return this.call(`comment on #${request.issueNumber}`, 'pull-requests: write', async () => {
      const existing = await this.findComment(request.issueNumber, marker);
      if (existing !== undefined) {
        const { data } = await this.octokit.rest.issues.updateComment({
          owner: this.owner,
          repo: this.repo,
          comment_id: existing,
          body,
        });
        const comment = answer(data, 'the comment');
        return { id: idOf(comment), url: String(comment.html_url), action: 'updated' as const };
      }
      const { data } = await this.octokit.rest.issues.createComment({
        owner: this.owner,
        repo: this.repo,
        issue_number: request.issueNumber,
        body,
      });
      const comment = answer(data, 'the comment');
      return { id: idOf(comment), url: String(comment.html_url), action: 'created' as const };
    });
  }

  private async findComment(issueNumber: number, marker: string): Promise<number | undefined> {
    const pages = this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, {
      owner: this.owner,
      repo: this.repo,
      issue_number: issueNumber,
      per_page: 100,
    });
    let read = 0;
    for await (const page of notJsonAsUserError(pages, 'the list of comments')) {
      if (!Array.isArray(page.data)) throw notJson('the list of comments');
      const found = page.data.find((comment) => isMarked(comment.body, marker));
      if (found) return found.id;
      if (++read >= MAX_COMMENT_PAGES) {
        this.logger.debug(`GitHub: no marked comment in the first ${read * 100} comments of #${issueNumber}; adding one`);
        return undefined;
      }
    }
    return undefined;
  }

  /** Runs one call: a missing permission becomes a warning and `undefined`, other refusals a UserError. */
  private async call<T>(what: string, permission: Permission, work: () => Promise<T>): Promise<T | undefined> {
    if (this.missing.has(permission)) {
      this.logger.debug(`GitHub: skipped (${what}): the token lacks ${permission}`);
      return undefined;
    }
    try {
      return await work();
    } catch (error) {
      if (isMissingPermission(error)) {
        this.missing.add(permission);
        this.logger.warning(missingPermissionWarning(what, permission));
        return undefined;
      }
      throw this.failure(what, error);
    }
  }

  private failure(what: string, error: unknown): Error {
    // The core client's own errors (network, deadline, cancel) arrive wrapped by Octokit.
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof CancelledError || cause instanceof UserError) return cause;
    if (error instanceof UserError) return error;
    const e = error as { status?: unknown; response?: { data?: unknown } };
    if (typeof e.status !== 'number') return error instanceof Error ? error : new Error(String(error));
    const data = e.response?.data as { message?: unknown; errors?: unknown } | undefined;
    const said =
      data === undefined ? '' : typeof data === 'string' ? data : JSON.stringify({ message: data.message, errors: data.errors });
    return new UserError(`Could not ${what}: GitHub answered ${e.status}${said ? `: ${excerpt(said, this.secrets)}` : ''}`, {
      hint: hintFor(e.status),
      cause: error,
    });
  }
}

/**
 * Octokit's paginate inspects each page with `in`, which throws a TypeError when a proxy or an
 * outage answers with a body that is not JSON: that is GitHub's answer being wrong, not our bug.
 */
async function* notJsonAsUserError<T>(pages: AsyncIterable<T>, what: string): AsyncGenerator<T> {
  try {
    for await (const page of pages) yield page;
  } catch (error) {
    if (error instanceof TypeError && error.message.includes("Cannot use 'in' operator")) throw notJson(what);
    throw error;
  }
}

/** GitHub's JSON answer as an object; anything else (an HTML error page, a cut body) is a user error. */
function answer(data: unknown, what: string): Record<string, unknown> {
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) return data as Record<string, unknown>;
  throw notJson(what);
}

function notJson(what: string): UserError {
  return new UserError(`GitHub answered with ${what} in a form that is not the expected JSON.`, {
    hint: 'A proxy or an outage may be in the way: check GITHUB_API_URL and try again.',
  });
}

function idOf(data: Record<string, unknown>): number {
  if (typeof data.id !== 'number') throw new UserError('GitHub answered without the id of what it made.');
  return data.id;
}

function hintFor(status: number): string | undefined {
  if (status === 401)
    return 'The GitHub token was refused: pass `github-token` (default: the workflow token) and check it has not expired.';
  if (status === 403)
    return 'The token may not write here: check its scopes, or whether the repository blocks Actions from writing.';
  if (status === 404) return 'Check the repository and the pull-request number; a token scoped to another repository sees 404.';
  if (status === 409) return "GitHub refused the deployment for the commit's state; see its message.";
  if (status === 422) return 'GitHub refused the request as invalid; see its message.';
  return undefined;
}
