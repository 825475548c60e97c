/**
 * The GitHub REST API, as much of it as the suite uses, answering as github.com does:
 * - deployments (`POST`/`GET /repos/{owner}/{repo}/deployments`, `GET …/deployments/{id}`) and
 *   their statuses (`POST`/`GET …/deployments/{id}/statuses`, with `auto_inactive`);
 * - issue and pull-request comments (`GET …/issues/{n}/comments` paged with a `Link` header,
 *   `POST …/issues/{n}/comments`, `GET`/`PATCH …/issues/comments/{id}`);
 * - auth: `Authorization: token X` or `Bearer X` with a token this emulator issued, else 401
 *   "Bad credentials";
 * - the workflow token's `permissions:`: a write (or read) the token lacks answers 403
 *   "Resource not accessible by integration", as a GITHUB_TOKEN without `deployments: write`
 *   or `pull-requests: write` gets;
 * - a deployment without `required_contexts: []` fails with 409 while the commit's checks are
 *   pending (`POST /__sandbox/checks {"pending": true}`), as on github.com while the very run
 *   that deploys is still going.
 * Errors have GitHub's shape: `{message, documentation_url, status}` (and `errors` on a 422).
 * State (`GET /__sandbox/state`): every repository's deployments, statuses and comments, the
 * permissions, and the requests received. Control (`POST /__sandbox/<action>`): `permissions`
 * (`{"deployments":"read","pull-requests":"none"}`), `checks` (`{"pending":true}`), `comments`
 * (`{"repository","issue","count","body"}`: someone else's comments), `tokens` (a new token).
 */
import { randomBytes } from 'node:crypto';
import { type Emulator, type Reply, type SandboxRequest, type SandboxServer, startServer } from '../server.ts';
import { PagingError, pageOf } from './paging.ts';

export type Access = 'write' | 'read' | 'none';
export type Scope = 'deployments' | 'pull-requests' | 'issues';
export type Permissions = Record<Scope, Access>;

export const DEPLOYMENT_STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];

export interface User {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

export const ACTIONS_BOT: User = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export interface DeploymentStatus {
  id: number;
  state: DeploymentState;
  description: string;
  environment: string;
  environment_url: string;
  log_url: string;
  target_url: string;
  creator: User;
  created_at: string;
}

export interface Deployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  original_environment: string;
  description: string | null;
  transient_environment: boolean;
  production_environment: boolean;
  creator: User;
  created_at: string;
  statuses: DeploymentStatus[];
}

export interface Comment {
  id: number;
  issue: number;
  body: string;
  user: User;
  created_at: string;
  updated_at: string;
}

export interface Repository {
  deployments: Deployment[];
  comments: Comment[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

const DOCS = 'https://docs.github.com/rest';
const MAX_COMMENT = 65_536;
const MAX_DESCRIPTION = 140;
const MAX_RECORDED = 5_000;
const FULL_PERMISSIONS: Permissions = { deployments: 'write', 'pull-requests': 'write', issues: 'write' };

function githubError(status: number, message: string, extra: object = {}): Reply {
  return { status, body: { message, documentation_url: DOCS, status: String(status), ...extra } };
}

function invalid(resource: string, field: string, message: string): Reply {
  return githubError(422, 'Validation Failed', { errors: [{ resource, code: 'custom', field, message }] });
}

/** Every route this emulator answers, in Octokit's notation (the contract test checks each against Octokit's list). */
export const EMULATED_ROUTES = {
  listDeployments: 'GET /repos/{owner}/{repo}/deployments',
  createDeployment: 'POST /repos/{owner}/{repo}/deployments',
  getDeployment: 'GET /repos/{owner}/{repo}/deployments/{deployment_id}',
  listDeploymentStatuses: 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
  createDeploymentStatus: 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
  listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  getComment: 'GET /repos/{owner}/{repo}/issues/comments/{comment_id}',
  updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
} as const;

/** `GET /a/{b}/c` → the method and a pattern capturing each `{param}` in order (ids are digits). */
function compile(route: string): { method: string; pattern: RegExp } {
  const [method = '', template = ''] = route.split(' ');
  const source = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'owner' || name === 'repo' ? '([^/]+)' : '(\\d+)',
  );
  return { method, pattern: new RegExp(`^${source}$`) };
}

const ROUTES = Object.entries(EMULATED_ROUTES).map(([name, route]) => ({ ...compile(route), name: name as RouteName }));

type RouteName = keyof typeof EMULATED_ROUTES;

/** The permission each route needs, as GitHub's fine-grained permissions table lists it. */
const NEEDS: Record<RouteName, { scopes: Scope[]; access: 'read' | 'write' }> = {
  listDeployments: { scopes: ['deployments'], access: 'read' },
  createDeployment: { scopes: ['deployments'], access: 'write' },
  getDeployment: { scopes: ['deployments'], access: 'read' },
  listDeploymentStatuses: { scopes: ['deployments'], access: 'read' },
  createDeploymentStatus: { scopes: ['deployments'], access: 'write' },
  // Comments on a pull request are issue comments: either permission lets the token write them.
  listComments: { scopes: ['pull-requests', 'issues'], access: 'read' },
  createComment: { scopes: ['pull-requests', 'issues'], access: 'write' },
  getComment: { scopes: ['pull-requests', 'issues'], access: 'read' },
  updateComment: { scopes: ['pull-requests', 'issues'], access: 'write' },
};

function allows(have: Access, need: 'read' | 'write'): boolean {
  return have === 'write' || (have === 'read' && need === 'read');
}

export class GitHubEmulator implements Emulator {
  readonly name = 'github';
  /** The token a workflow run would get as `GITHUB_TOKEN`. */
  readonly token: string;
  private readonly tokens = new Set<string>();
  private repositories = new Map<string, Repository>();
  private permissions: Permissions = { ...FULL_PERMISSIONS };
  private pendingChecks = false;
  private nextId = 1000;
  private clock: () => Date = () => new Date();
  requests: RecordedRequest[] = [];

  constructor() {
    this.token = this.issueToken();
  }

  /** A new valid token, shaped like an installation token. */
  issueToken(): string {
    const token = `ghs_sandbox${randomBytes(16).toString('hex')}`;
    this.tokens.add(token);
    return token;
  }

  /** Sets the workflow token's permissions; scopes left out keep their value. */
  setPermissions(permissions: Partial<Permissions>): Permissions {
    this.permissions = { ...this.permissions, ...permissions };
    return this.permissions;
  }

  repository(fullName: string): Repository {
    const key = fullName.toLowerCase();
    let repo = this.repositories.get(key);
    if (!repo) {
      repo = { deployments: [], comments: [] };
      this.repositories.set(key, repo);
    }
    return repo;
  }

  /** Adds a comment as someone else (a reviewer, another bot): what a PR already holds. */
  addComment(
    fullName: string,
    issue: number,
    body: string,
    user: User = { login: 'reviewer', id: 583231, type: 'User' },
  ): Comment {
    const now = this.clock().toISOString();
    const comment: Comment = { id: this.nextId++, issue, body, user, created_at: now, updated_at: now };
    this.repository(fullName).comments.push(comment);
    return comment;
  }

  reset(): void {
    this.repositories = new Map();
    this.permissions = { ...FULL_PERMISSIONS };
    this.pendingChecks = false;
    this.requests = [];
  }

  state(): unknown {
    return {
      repositories: Object.fromEntries(this.repositories),
      permissions: this.permissions,
      pendingChecks: this.pendingChecks,
      requests: this.requests,
    };
  }

  control(action: string, body: unknown): unknown {
    const b = (body ?? {}) as Record<string, unknown>;
    if (action === 'tokens') return { token: this.issueToken() };
    if (action === 'permissions') return { permissions: this.setPermissions(b as Partial<Permissions>) };
    if (action === 'checks') {
      this.pendingChecks = b.pending === true;
      return { pendingChecks: this.pendingChecks };
    }
    if (action === 'comments') {
      const count = typeof b.count === 'number' ? b.count : 1;
      const made = [];
      for (let i = 0; i < count; i++)
        made.push(this.addComment(String(b.repository), Number(b.issue), String(b.body ?? `comment ${i + 1}`)));
      return { comments: made.map((c) => c.id) };
    }
    throw new Error(`unknown github control '${action}'`);
  }

  errorReply(status: number): Reply {
    if (status === 401) return githubError(401, 'Bad credentials');
    if (status === 429) return githubError(429, 'API rate limit exceeded');
    return githubError(status, status >= 500 ? 'Server Error' : 'Error');
  }

  handle(req: SandboxRequest): Reply {
    const reply = this.route(req);
    if (this.requests.length < MAX_RECORDED) {
      let body: unknown;
      try {
        body = req.body.length > 0 ? JSON.parse(req.body.toString('utf8')) : undefined;
      } catch {
        body = req.body.toString('utf8');
      }
      this.requests.push({
        method: req.method,
        path: req.path,
        query: Object.fromEntries(req.query),
        body,
        status: reply.status,
      });
    }
    return { ...reply, headers: { 'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(), ...reply.headers } };
  }

  private route(req: SandboxRequest): Reply {
    const auth = req.headers.authorization ?? '';
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(auth)?.[1];
    if (!token || !this.tokens.has(token)) return githubError(401, 'Bad credentials');

    for (const route of ROUTES) {
      if (route.method !== req.method) continue;
      const match = route.pattern.exec(req.path);
      if (!match) continue;
      const need = NEEDS[route.name];
      if (!need.scopes.some((scope) => allows(this.permissions[scope], need.access)))
        return githubError(403, 'Resource not accessible by integration');
      const [, owner = '', repo = '', id = ''] = match;
      let body: Record<string, unknown> = {};
      if (req.body.length > 0) {
        try {
          body = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
        } catch {
          return githubError(400, 'Problems parsing JSON');
        }
        if (!body || typeof body !== 'object' || Array.isArray(body)) return githubError(400, 'Body should be a JSON object');
      }
      try {
        return this.answer(route.name, { req, fullName: `${owner}/${repo}`, id: Number(id), body });
      } catch (error) {
        if (error instanceof PagingError) return invalid('Pagination', 'per_page', error.message);
        throw error;
      }
    }
    return githubError(404, 'Not Found');
  }

  private answer(
    name: RouteName,
    { req, fullName, id, body }: { req: SandboxRequest; fullName: string; id: number; body: Record<string, unknown> },
  ): Reply {
    const repo = this.repository(fullName);
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;
    const repoUrl = `${base}/repos/${fullName}`;
    switch (name) {
      case 'createDeployment':
        return this.createDeployment(repo, repoUrl, body);
      case 'listDeployments': {
        const q = req.query;
        const matching = [...repo.deployments]
          .reverse()
          .filter(
            (d) =>
              (!q.get('environment') || d.environment === q.get('environment')) &&
              (!q.get('ref') || d.ref === q.get('ref')) &&
              (!q.get('sha') || d.sha === q.get('sha')) &&
              (!q.get('task') || d.task === q.get('task')),
          );
        const page = pageOf(matching, q, base, req.path);
        return {
          status: 200,
          body: page.items.map((d) => deploymentJson(d, repoUrl)),
          headers: page.link ? { link: page.link } : {},
        };
      }
      case 'getDeployment': {
        const deployment = repo.deployments.find((d) => d.id === id);
        return deployment ? { status: 200, body: deploymentJson(deployment, repoUrl) } : githubError(404, 'Not Found');
      }
      case 'listDeploymentStatuses': {
        const deployment = repo.deployments.find((d) => d.id === id);
        if (!deployment) return githubError(404, 'Not Found');
        const page = pageOf([...deployment.statuses].reverse(), req.query, base, req.path);
        return {
          status: 200,
          body: page.items.map((s) => statusJson(s, deployment, repoUrl)),
          headers: page.link ? { link: page.link } : {},
        };
      }
      case 'createDeploymentStatus':
        return this.createStatus(repo, repoUrl, id, body);
      case 'listComments': {
        const page = pageOf(
          repo.comments.filter((c) => c.issue === id),
          req.query,
          base,
          req.path,
        );
        return {
          status: 200,
          body: page.items.map((c) => commentJson(c, repoUrl)),
          headers: page.link ? { link: page.link } : {},
        };
      }
      case 'createComment': {
        const problem = commentBodyProblem(body.body);
        if (problem) return problem;
        const now = this.clock().toISOString();
        const comment: Comment = {
          id: this.nextId++,
          issue: id,
          body: body.body as string,
          user: ACTIONS_BOT,
          created_at: now,
          updated_at: now,
        };
        repo.comments.push(comment);
        return {
          status: 201,
          body: commentJson(comment, repoUrl),
          headers: { location: `${repoUrl}/issues/comments/${comment.id}` },
        };
      }
      case 'getComment': {
        const comment = repo.comments.find((c) => c.id === id);
        return comment ? { status: 200, body: commentJson(comment, repoUrl) } : githubError(404, 'Not Found');
      }
      case 'updateComment': {
        const comment = repo.comments.find((c) => c.id === id);
        if (!comment) return githubError(404, 'Not Found');
        const problem = commentBodyProblem(body.body);
        if (problem) return problem;
        comment.body = body.body as string;
        comment.updated_at = this.clock().toISOString();
        return { status: 200, body: commentJson(comment, repoUrl) };
      }
    }
  }

  private createDeployment(repo: Repository, repoUrl: string, body: Record<string, unknown>): Reply {
    if (typeof body.ref !== 'string' || body.ref === '') return invalid('Deployment', 'ref', '"ref" wasn\'t supplied.');
    const contexts = body.required_contexts;
    if (this.pendingChecks && !(Array.isArray(contexts) && contexts.length === 0))
      return githubError(409, `Conflict: Commit status checks failed for ${body.ref}.`);
    const environment = typeof body.environment === 'string' && body.environment !== '' ? body.environment : 'production';
    const sha = /^[0-9a-f]{40}$/.test(body.ref) ? body.ref : randomBytes(20).toString('hex');
    const deployment: Deployment = {
      id: this.nextId++,
      sha,
      ref: body.ref,
      task: typeof body.task === 'string' ? body.task : 'deploy',
      payload: body.payload ?? {},
      environment,
      original_environment: environment,
      description: typeof body.description === 'string' ? body.description : null,
      transient_environment: body.transient_environment === true,
      production_environment:
        typeof body.production_environment === 'boolean' ? body.production_environment : environment === 'production',
      creator: ACTIONS_BOT,
      created_at: this.clock().toISOString(),
      statuses: [],
    };
    repo.deployments.push(deployment);
    return { status: 201, body: deploymentJson(deployment, repoUrl) };
  }

  private createStatus(repo: Repository, repoUrl: string, id: number, body: Record<string, unknown>): Reply {
    const deployment = repo.deployments.find((d) => d.id === id);
    if (!deployment) return githubError(404, 'Not Found');
    if (!DEPLOYMENT_STATES.includes(body.state as DeploymentState))
      return invalid('DeploymentStatus', 'state', `state is not included in the list (${DEPLOYMENT_STATES.join(', ')})`);
    const description = typeof body.description === 'string' ? body.description : '';
    if (description.length > MAX_DESCRIPTION)
      return invalid('DeploymentStatus', 'description', `description is too long (maximum is ${MAX_DESCRIPTION} characters)`);
    const text = (key: string): string => (typeof body[key] === 'string' ? (body[key] as string) : '');
    const environment = text('environment') || deployment.environment;
    const status: DeploymentStatus = {
      id: this.nextId++,
      state: body.state as DeploymentState,
      description,
      environment,
      environment_url: text('environment_url'),
      log_url: text('log_url') || text('target_url'),
      target_url: text('log_url') || text('target_url'),
      creator: ACTIONS_BOT,
      created_at: this.clock().toISOString(),
    };
    deployment.environment = environment;
    deployment.statuses.push(status);
    // auto_inactive (default true): a success makes the environment's older deployments inactive.
    if (status.state === 'success' && body.auto_inactive !== false) {
      for (const other of repo.deployments) {
        if (other === deployment || other.environment !== environment) continue;
        const latest = other.statuses.at(-1);
        if (latest && latest.state !== 'inactive')
          other.statuses.push({ ...latest, id: this.nextId++, state: 'inactive', created_at: status.created_at });
      }
    }
    return { status: 201, body: statusJson(status, deployment, repoUrl) };
  }
}

function commentBodyProblem(body: unknown): Reply | undefined {
  if (typeof body !== 'string' || body === '') return invalid('IssueComment', 'body', "body wasn't supplied.");
  if (body.length > MAX_COMMENT)
    return invalid('IssueComment', 'body', `Body is too long (maximum is ${MAX_COMMENT} characters)`);
  return undefined;
}

function userJson(user: User): object {
  return { login: user.login, id: user.id, type: user.type };
}

function deploymentJson(d: Deployment, repoUrl: string): object {
  return {
    url: `${repoUrl}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.original_environment,
    environment: d.environment,
    description: d.description,
    creator: userJson(d.creator),
    created_at: d.created_at,
    updated_at: d.statuses.at(-1)?.created_at ?? d.created_at,
    statuses_url: `${repoUrl}/deployments/${d.id}/statuses`,
    repository_url: repoUrl,
    transient_environment: d.transient_environment,
    production_environment: d.production_environment,
  };
}

function statusJson(s: DeploymentStatus, d: Deployment, repoUrl: string): object {
  return {
    url: `${repoUrl}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_${s.id}`,
    state: s.state,
    creator: userJson(s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.target_url,
    log_url: s.log_url,
    environment_url: s.environment_url,
    created_at: s.created_at,
    updated_at: s.created_at,
    deployment_url: `${repoUrl}/deployments/${d.id}`,
    repository_url: repoUrl,
  };
}

function commentJson(c: Comment, repoUrl: string): object {
  const [owner, name] = repoUrl.split('/repos/')[1]?.split('/') ?? [];
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${repoUrl}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${name}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${repoUrl}/issues/${c.issue}`,
    body: c.body,
    user: userJson(c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  };
}

/** A GitHub emulator on 127.0.0.1 and a random port; its `url` is the `GITHUB_API_URL`. */
export function startGitHubEmulator(): Promise<SandboxServer<GitHubEmulator>> {
  return startServer(new GitHubEmulator());
}
