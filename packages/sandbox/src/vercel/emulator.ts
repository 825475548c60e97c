/**
 * The Vercel REST API, as far as deploys, promotion and rollback go, faithful enough that
 * @vercel/client pointed at it (`apiUrl`) deploys for real:
 * - `POST /v2/files` stores a file under its sha1 (`x-now-digest`, checked, and `x-now-size`);
 * - `POST /v13/deployments` answers `missing_files` (with the missing sha1s) until every referenced
 *   file is present, then creates the deployment: QUEUED → BUILDING → READY or ERROR, or CANCELED;
 *   `aliasAssigned` turns true a moment after READY;
 * - the uploaded tree decides the build (`sandbox.json`, see ../build.ts); a production deployment
 *   that goes READY makes the project's app (`vercel:<projectId>`) serve its version, unless it was
 *   staged with `autoAssignCustomDomains: false`; every READY deployment also gets its own app
 *   (`vercel-deployment:<id>`), as a deployment URL serves that deployment whatever production does;
 * - promote and rollback switch the project's production deployment (and its app);
 * - `Authorization: Bearer`, `?teamId=`, errors as `{error:{code,message}}`.
 * Control (`POST /__sandbox/<action>`): `seed` (tokens, teams, projects), `hold` / `release` (keep
 * builds in BUILDING), `timing`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type BuildPlan, planBuild } from '../build.ts';
import type { AppFleet } from '../fleet.ts';
import type { Emulator, Reply, SandboxRequest } from '../server.ts';
import {
  type AliasRequest,
  type Deployment,
  deploymentJson,
  type EnvVar,
  envJson,
  listItemJson,
  type Project,
  projectJson,
  type ReadyState,
  USER_ACCOUNT,
} from './model.ts';
import { assembleTree, type DeploymentFile, missingShas, type Tree } from './tree.ts';

export const DEFAULT_VERCEL_TOKEN = 'sandbox-vercel-token';

export interface VercelTiming {
  /** QUEUED before the build starts. */
  queuedMs: number;
  /** READY before the aliases are assigned. */
  aliasMs: number;
  /** A promote or rollback job in progress before it succeeds. */
  aliasJobMs: number;
  /** The build length for trees whose sandbox.json does not say (build.ts's default otherwise). */
  buildMs: number | undefined;
}

export interface SeedRequest {
  tokens?: string[];
  teams?: Array<{ id: string; tokens?: string[] }>;
  projects?: Array<{ id?: string; name: string; teamId?: string; domains?: string[] }>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  /** With `recordBodies`: the request's headers, its JSON body, and the answer's body. */
  headers?: Record<string, string | string[] | undefined>;
  body?: unknown;
  response?: unknown;
}

interface Caller {
  account: string;
}

const DEFAULT_TIMING: VercelTiming = { queuedMs: 30, aliasMs: 50, aliasJobMs: 50, buildMs: undefined };
const TERMINAL: ReadonlySet<ReadyState> = new Set(['READY', 'ERROR', 'CANCELED']);

function error(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { error: { code, message, ...extra } } };
}

const newId = (prefix: string, bytes = 12) => `${prefix}${randomBytes(bytes).toString('base64url').replace(/[-_]/g, 'x')}`;

export class VercelEmulator implements Emulator {
  readonly name = 'vercel';
  files = new Map<string, Buffer>();
  projects = new Map<string, Project>();
  deployments = new Map<string, Deployment>();
  /** Every accepted upload, in order, for tests and the bench to see what a client sent. */
  uploads: Array<{ sha: string; size: number; stored: boolean }> = [];
  /** Every API request, for contract tests and request budgets. */
  requests: RecordedRequest[] = [];
  /** Also keep headers and JSON bodies of requests and answers (the contract tests read them). */
  recordBodies = false;
  private tokens = new Map<string, Set<string>>();
  private timing: VercelTiming = { ...DEFAULT_TIMING };
  private holding: { all: boolean; projects: Set<string> } = { all: false, projects: new Set() };
  private timers = new Set<NodeJS.Timeout>();
  private readonly fleet: AppFleet;
  private serial = 0;

  constructor(fleet: AppFleet) {
    this.fleet = fleet;
    this.reset();
  }

  reset(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.files.clear();
    this.projects.clear();
    this.deployments.clear();
    this.uploads = [];
    this.requests = [];
    this.recordBodies = false;
    this.tokens = new Map([[DEFAULT_VERCEL_TOKEN, new Set()]]);
    this.timing = { ...DEFAULT_TIMING };
    this.holding = { all: false, projects: new Set() };
  }

  state(): unknown {
    return {
      projects: [...this.projects.values()].map((p) => ({
        id: p.id,
        name: p.name,
        accountId: p.accountId,
        productionDeploymentId: p.productionDeploymentId ?? null,
        env: p.env.map((e) => ({ key: e.key, target: e.target, type: e.type })),
      })),
      deployments: [...this.deployments.values()].map((d) => ({
        id: d.id,
        url: d.url,
        projectId: d.projectId,
        target: d.target,
        readyState: d.readyState,
        version: d.plan.version,
        alias: d.alias,
        aliasAssigned: d.aliasAssigned,
        autoAssignCustomDomains: d.autoAssignCustomDomains,
        meta: d.meta,
        gitMetadata: d.gitMetadata ?? null,
        files: [...d.tree.keys()].sort(),
      })),
      uploads: { count: this.uploads.filter((u) => u.stored).length, bytes: this.uploadedBytes() },
      requests: this.requests.length,
    };
  }

  uploadedBytes(): number {
    return this.uploads.filter((u) => u.stored).reduce((sum, u) => sum + u.size, 0);
  }

  control(action: string, body: unknown): unknown {
    const b = (body ?? {}) as Record<string, unknown>;
    switch (action) {
      case 'seed':
        return this.seed(b as SeedRequest);
      case 'hold':
        if (typeof b.projectId === 'string') this.holding.projects.add(this.projectByRef(b.projectId)?.id ?? b.projectId);
        else this.holding.all = true;
        return { holding: { all: this.holding.all, projects: [...this.holding.projects] } };
      case 'release': {
        this.holding = { all: false, projects: new Set() };
        const released = [...this.deployments.values()].filter((d) => d.held && d.readyState === 'BUILDING');
        for (const d of released) this.finishBuild(d);
        return { released: released.map((d) => d.id) };
      }
      case 'timing':
        this.timing = { ...this.timing, ...(b as Partial<VercelTiming>) };
        return { timing: this.timing };
      default:
        throw new Error(`unknown vercel control '${action}' (seed, hold, release, timing)`);
    }
  }

  /** Adds tokens, teams (with the tokens that belong to them) and projects. */
  seed(request: SeedRequest): { projects: Array<{ id: string; name: string; accountId: string }> } {
    for (const token of request.tokens ?? []) if (!this.tokens.has(token)) this.tokens.set(token, new Set());
    for (const team of request.teams ?? []) {
      for (const token of team.tokens ?? [DEFAULT_VERCEL_TOKEN]) {
        const teams = this.tokens.get(token) ?? new Set<string>();
        teams.add(team.id);
        this.tokens.set(token, teams);
      }
    }
    const created = (request.projects ?? []).map((p) => {
      const project = this.createProject(p.name, p.teamId ?? USER_ACCOUNT, p.id);
      project.domains = p.domains ?? [];
      return { id: project.id, name: project.name, accountId: project.accountId };
    });
    return { projects: created };
  }

  errorReply(status: number): Reply {
    if (status === 429)
      return error(429, 'rate_limited', 'Rate limit exceeded', {
        limit: { remaining: 0, reset: Math.ceil(Date.now() / 1000) + 1, total: 100 },
      });
    if (status === 401) return error(403, 'forbidden', 'Not authorized', { invalidToken: true });
    return error(status, status >= 500 ? 'internal_server_error' : 'bad_request', 'An unexpected error occurred.');
  }

  handle(req: SandboxRequest): Reply {
    const reply = this.route(req);
    const recorded: RecordedRequest = { method: req.method, path: req.path, query: req.query.toString(), status: reply.status };
    if (this.recordBodies) {
      recorded.headers = { ...req.headers };
      const json = String(req.headers['content-type'] ?? '').includes('json');
      if (json && req.body.length > 0) {
        try {
          recorded.body = JSON.parse(req.body.toString('utf8')) as unknown;
        } catch {
          recorded.body = req.body.toString('utf8');
        }
      }
      recorded.response = reply.body;
    }
    this.requests.push(recorded);
    return reply;
  }

  /** method, path pattern, handler of the captured path parts. */
  private readonly routes: Array<[string, RegExp, (params: string[], req: SandboxRequest, caller: Caller) => Reply]> = [
    ['POST', /^\/v2\/files$/, (_, req) => this.uploadFile(req)],
    ['POST', /^\/v13\/deployments$/, (_, req, caller) => this.createDeployment(req, caller)],
    ['GET', /^\/v6\/deployments$/, (_, req, caller) => this.listDeployments(req, caller)],
    ['GET', /^\/v13\/deployments\/([^/]+)$/, ([id = ''], _, caller) => this.getDeployment(id, caller)],
    ['GET', /^\/v3\/deployments\/([^/]+)\/events$/, ([id = ''], req, caller) => this.events(id, req, caller)],
    ['PATCH', /^\/v12\/deployments\/([^/]+)\/cancel$/, ([id = ''], _, caller) => this.cancel(id, caller)],
    ['POST', /^\/v2\/deployments\/([^/]+)\/aliases$/, ([id = ''], req, caller) => this.assignAlias(id, req, caller)],
    ['GET', /^\/v9\/projects\/([^/]+)$/, ([ref = ''], _, caller) => this.getProject(ref, caller)],
    [
      'POST',
      /^\/v10\/projects\/([^/]+)\/promote\/([^/]+)$/,
      ([ref = '', id = ''], _, caller) => this.switchProduction('promote', ref, id, caller),
    ],
    [
      'POST',
      /^\/v(?:9|1)\/projects\/([^/]+)\/rollback\/([^/]+)$/,
      ([ref = '', id = ''], _, caller) => this.switchProduction('rollback', ref, id, caller),
    ],
    ['GET', /^\/v10\/projects\/([^/]+)\/env$/, ([ref = ''], req, caller) => this.projectEnv('GET', ref, req, caller)],
    ['POST', /^\/v10\/projects\/([^/]+)\/env$/, ([ref = ''], req, caller) => this.projectEnv('POST', ref, req, caller)],
    [
      'PATCH',
      /^\/v9\/projects\/([^/]+)\/env\/([^/]+)$/,
      ([ref = '', id = ''], req, caller) => this.projectEnvItem('PATCH', ref, id, req, caller),
    ],
    [
      'DELETE',
      /^\/v9\/projects\/([^/]+)\/env\/([^/]+)$/,
      ([ref = '', id = ''], req, caller) => this.projectEnvItem('DELETE', ref, id, req, caller),
    ],
  ];

  private getProject(ref: string, caller: Caller): Reply {
    const project = this.project(ref, caller);
    return project ? { status: 200, body: projectJson(project, this.deployments) } : this.projectNotFound();
  }

  private route(req: SandboxRequest): Reply {
    const caller = this.authenticate(req);
    if ('status' in caller) return caller;
    const { method, path } = req;
    for (const [verb, pattern, handler] of this.routes) {
      const match = verb === method ? pattern.exec(path) : null;
      if (match)
        return handler(
          match.slice(1).map((p) => decodeURIComponent(p ?? '')),
          req,
          caller,
        );
    }
    return error(404, 'not_found', `The requested path ${method} ${path} was not found`);
  }

  private authenticate(req: SandboxRequest): Caller | Reply {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) return error(403, 'forbidden', 'The request is missing an authentication token', { missingToken: true });
    const teams = this.tokens.get(token);
    if (!teams) return error(403, 'forbidden', 'Not authorized', { invalidToken: true });
    const teamId = req.query.get('teamId') ?? req.query.get('slug');
    if (teamId && !teams.has(teamId)) return error(403, 'forbidden', 'Not authorized: you do not belong to this team');
    return { account: teamId ?? USER_ACCOUNT };
  }

  // --- files -------------------------------------------------------------------------------

  private uploadFile(req: SandboxRequest): Reply {
    const digest = (req.headers['x-now-digest'] ?? req.headers['x-vercel-digest']) as string | undefined;
    const size = Number(req.headers['x-now-size'] ?? req.headers['content-length']);
    if (!digest || !/^[0-9a-f]{40}$/.test(digest)) return error(400, 'invalid_digest', 'Digest is not valid');
    if (req.body.length !== size) return error(400, 'invalid_size', 'File size is not valid');
    const actual = createHash('sha1').update(req.body).digest('hex');
    if (actual !== digest) return error(400, 'invalid_digest', `Digest ${digest} does not match the body (sha1 ${actual})`);
    const stored = !this.files.has(digest);
    if (stored) this.files.set(digest, Buffer.from(req.body));
    this.uploads.push({ sha: digest, size, stored });
    return { status: 200, body: { urls: [] } };
  }

  // --- deployments -------------------------------------------------------------------------

  private createDeployment(req: SandboxRequest, caller: Caller): Reply {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return error(400, 'bad_request', 'Invalid JSON body');
    }
    const name = typeof body.project === 'string' ? body.project : typeof body.name === 'string' ? body.name : undefined;
    if (!name) return error(400, 'bad_request', 'Invalid request: missing required property `name`.');
    if (!Array.isArray(body.files)) return error(400, 'bad_request', 'Invalid request: `files` should be an array.');
    const files = body.files as DeploymentFile[];
    const missing = missingShas(files, this.files);
    if (missing.length > 0) return error(400, 'missing_files', 'Missing files', { missing });
    if (body.target !== undefined && body.target !== 'production' && body.target !== 'staging')
      return error(400, 'bad_request', 'Invalid request: `target` should be one of "production", "staging".');

    const project = this.project(name, caller) ?? this.createProject(name, caller.account);
    const prebuilt = req.query.get('prebuilt') === '1';
    const tree = assembleTree(files, this.files);
    const plan = this.plan(tree, prebuilt);
    const now = Date.now();
    const id = newId('dpl_');
    const slug = randomBytes(5).toString('hex').slice(0, 9);
    const meta = Object.fromEntries(Object.entries((body.meta ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    const env = body.env as Record<string, string> | undefined;
    const buildEnv = (body.build as { env?: Record<string, string> } | undefined)?.env;
    const deployment: Deployment = {
      id,
      url: `${project.name}-${slug}.vercel.app`,
      name: project.name,
      projectId: project.id,
      accountId: project.accountId,
      target: body.target === 'production' ? 'production' : null,
      readyState: 'QUEUED',
      createdAt: now,
      buildingAt: now,
      ready: undefined,
      meta,
      gitMetadata: (body.gitMetadata as Record<string, unknown> | undefined) ?? undefined,
      env: Object.keys(env ?? {}),
      buildEnv: Object.keys(buildEnv ?? {}),
      prebuilt,
      autoAssignCustomDomains: body.autoAssignCustomDomains !== false,
      tree,
      plan,
      alias: [],
      aliasAssigned: false,
      errorCode: undefined,
      errorMessage: undefined,
      events: [],
      held: false,
    };
    this.deployments.set(id, deployment);
    this.event(deployment, 'deployment-state', 'Queued');
    this.later(this.timing.queuedMs, () => this.startBuild(deployment));
    return { status: 200, body: deploymentJson(deployment) };
  }

  private plan(tree: Tree, prebuilt: boolean): BuildPlan {
    const options = this.timing.buildMs === undefined ? {} : { buildMs: this.timing.buildMs };
    if (!prebuilt) return planBuild(tree, options);
    // A prebuilt deployment is the Build Output API tree: the app's own files sit under static/.
    const output = '.vercel/output/';
    const staticTree: Tree = new Map();
    for (const [path, content] of tree) {
      if (path.startsWith(`${output}static/`)) staticTree.set(path.slice(`${output}static/`.length), content);
    }
    const plan = planBuild(staticTree, options);
    if (!tree.has(`${output}config.json`))
      return {
        ...plan,
        build: 'fail',
        logLines: [
          'Error: No Output Directory: .vercel/output/config.json is missing',
          'Build failed: not a Build Output API tree',
        ],
      };
    return { ...plan, logLines: [`Deploying prebuilt output, version ${plan.version} (${tree.size} files)`, 'Build skipped'] };
  }

  private startBuild(d: Deployment): void {
    if (d.readyState !== 'QUEUED') return;
    d.readyState = 'BUILDING';
    d.buildingAt = Date.now();
    this.event(d, 'deployment-state', 'Building');
    const lines = d.plan.logLines;
    lines.forEach((line, i) => {
      this.later((d.plan.buildMs * i) / Math.max(1, lines.length), () => {
        if (d.readyState !== 'BUILDING') return;
        this.event(d, i === lines.length - 1 && d.plan.build === 'fail' ? 'stderr' : 'stdout', line);
      });
    });
    if (this.holding.all || this.holding.projects.has(d.projectId)) {
      d.held = true;
      return;
    }
    this.later(d.plan.buildMs, () => this.finishBuild(d));
  }

  private finishBuild(d: Deployment): void {
    if (d.readyState !== 'BUILDING') return;
    d.held = false;
    if (d.plan.build === 'fail') {
      d.readyState = 'ERROR';
      d.errorCode = 'BUILD_FAILED';
      d.errorMessage = d.plan.logLines.at(-1) ?? 'Build failed';
      this.event(d, 'deployment-state', 'Error');
      return;
    }
    d.readyState = 'READY';
    d.ready = Date.now();
    this.event(d, 'deployment-state', 'Ready');
    void this.fleet.goLive(`vercel-deployment:${d.id}`, this.release(d));
    const project = this.projects.get(d.projectId);
    const goesLive = d.target === 'production' && d.autoAssignCustomDomains && project !== undefined;
    this.later(this.timing.aliasMs, () => {
      if (goesLive) {
        d.alias = [`${project.name}.vercel.app`, ...project.domains];
        this.moveAliases(d, d.alias);
        this.setProduction(project, d);
      }
      d.aliasAssigned = true;
    });
  }

  private release(d: Deployment) {
    return { version: d.plan.version, runtime: d.plan.runtime, deploymentId: d.id };
  }

  private setProduction(project: Project, d: Deployment): void {
    project.productionDeploymentId = d.id;
    project.updatedAt = Date.now();
    void this.fleet.goLive(`vercel:${project.id}`, this.release(d));
  }

  /** An alias belongs to one deployment: assigning it elsewhere takes it from the old one. */
  private moveAliases(to: Deployment, aliases: readonly string[]): void {
    for (const other of this.deployments.values()) {
      if (other !== to) other.alias = other.alias.filter((a) => !aliases.includes(a));
    }
  }

  private getDeployment(idOrUrl: string, caller: Caller): Reply {
    const d = this.deployment(idOrUrl, caller);
    return d ? { status: 200, body: deploymentJson(d) } : this.deploymentNotFound();
  }

  private listDeployments(req: SandboxRequest, caller: Caller): Reply {
    const q = req.query;
    const limit = Math.min(100, Math.max(1, Number(q.get('limit') ?? 20) || 20));
    const projectRef = q.get('projectId') ?? q.get('app');
    const project = projectRef ? this.project(projectRef, caller) : undefined;
    if (projectRef && !project)
      return { status: 200, body: { pagination: { count: 0, next: null, prev: null }, deployments: [] } };
    const states = q
      .get('state')
      ?.split(',')
      .map((s) => s.trim().toUpperCase());
    const target = q.get('target');
    const until = q.get('until') ? Number(q.get('until')) : undefined;
    const since = q.get('since') ? Number(q.get('since')) : undefined;
    const matching = [...this.deployments.values()]
      .filter((d) => d.accountId === caller.account)
      .filter((d) => !project || d.projectId === project.id)
      .filter((d) => !states || states.includes(d.readyState))
      .filter((d) => !target || d.target === target || (target === 'preview' && d.target === null))
      .filter((d) => until === undefined || d.createdAt < until)
      .filter((d) => since === undefined || d.createdAt > since)
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    const page = matching.slice(0, limit);
    const last = page.at(-1);
    return {
      status: 200,
      body: {
        pagination: {
          count: page.length,
          next: matching.length > limit && last ? last.createdAt : null,
          prev: page[0] ? page[0].createdAt : null,
        },
        deployments: page.map((d) => listItemJson(d, this.projects.get(d.projectId))),
      },
    };
  }

  private events(idOrUrl: string, req: SandboxRequest, caller: Caller): Reply {
    const d = this.deployment(idOrUrl, caller);
    if (!d) return this.deploymentNotFound();
    const limit = Number(req.query.get('limit') ?? -1);
    const backward = req.query.get('direction') === 'backward';
    let events = d.events.map((e) => ({
      type: e.type,
      created: e.created,
      payload: {
        deploymentId: d.id,
        id: `evt_${d.id.slice(4)}_${e.serial}`,
        date: e.created,
        serial: String(e.serial).padStart(10, '0'),
        text: e.text,
        created: e.created,
        ...(e.type === 'deployment-state' ? { info: { type: 'deployment', name: d.name, readyState: d.readyState } } : {}),
      },
    }));
    if (backward) events = events.reverse();
    if (limit > 0) events = events.slice(0, limit);
    if (backward) events = events.reverse();
    return { status: 200, body: events };
  }

  private cancel(id: string, caller: Caller): Reply {
    const d = this.deployment(id, caller);
    if (!d) return this.deploymentNotFound();
    if (TERMINAL.has(d.readyState))
      return error(400, 'deployment_not_cancelable', `The deployment is ${d.readyState} and can no longer be canceled`);
    d.readyState = 'CANCELED';
    d.held = false;
    this.event(d, 'deployment-state', 'Canceled');
    return { status: 200, body: deploymentJson(d) };
  }

  private assignAlias(id: string, req: SandboxRequest, caller: Caller): Reply {
    const d = this.deployment(id, caller);
    if (!d) return this.deploymentNotFound();
    const body = JSON.parse(req.body.toString('utf8') || '{}') as { alias?: unknown };
    const alias = typeof body.alias === 'string' ? body.alias.trim().toLowerCase() : '';
    if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(alias))
      return error(400, 'invalid_alias', `The alias "${String(body.alias)}" is not a valid hostname`);
    if (d.readyState !== 'READY') return error(400, 'deployment_not_ready', 'The deployment is not READY and cannot be aliased');
    const previous = [...this.deployments.values()].find((o) => o !== d && o.alias.includes(alias));
    this.moveAliases(d, [alias]);
    if (!d.alias.includes(alias)) d.alias.push(alias);
    return {
      status: 200,
      body: {
        uid: newId('alias_', 9),
        alias,
        created: new Date().toISOString(),
        ...(previous ? { oldDeploymentId: previous.id } : {}),
      },
    };
  }

  private switchProduction(kind: 'promote' | 'rollback', projectRef: string, deploymentId: string, caller: Caller): Reply {
    const project = this.project(projectRef, caller);
    if (!project) return this.projectNotFound();
    const d = this.deployment(deploymentId, caller);
    if (!d || d.projectId !== project.id) return this.deploymentNotFound();
    if (d.readyState !== 'READY') return error(400, 'deployment_not_ready', `The deployment is ${d.readyState}, not READY`);
    if (d.target !== 'production')
      return error(
        400,
        'invalid_target',
        `Only production deployments can be ${kind === 'promote' ? 'promoted' : 'rolled back to'}`,
      );
    if (project.productionDeploymentId === d.id)
      return error(409, 'already_current', 'The deployment is already the current production deployment');
    const request: AliasRequest = {
      fromDeploymentId: project.productionDeploymentId ?? '',
      toDeploymentId: d.id,
      jobStatus: 'in-progress',
      requestedAt: Date.now(),
      type: kind,
    };
    project.lastAliasRequest = request;
    this.later(this.timing.aliasJobMs, () => {
      if (project.lastAliasRequest !== request) return;
      d.alias = [...new Set([...d.alias, `${project.name}.vercel.app`, ...project.domains])];
      this.moveAliases(d, d.alias);
      this.setProduction(project, d);
      request.jobStatus = 'succeeded';
    });
    return { status: kind === 'promote' ? 202 : 201 };
  }

  // --- env ---------------------------------------------------------------------------------

  private projectEnv(method: string, ref: string, req: SandboxRequest, caller: Caller): Reply {
    const project = this.project(ref, caller);
    if (!project) return this.projectNotFound();
    if (method === 'GET') {
      const decrypt = req.query.get('decrypt') === 'true';
      return { status: 200, body: { envs: project.env.map((e) => envJson(e, decrypt)) } };
    }
    const body = JSON.parse(req.body.toString('utf8') || 'null') as unknown;
    const items = (Array.isArray(body) ? body : [body]) as Array<Partial<EnvVar>>;
    const upsert = req.query.get('upsert') === 'true';
    const created: Array<Record<string, unknown>> = [];
    const failed: Array<Record<string, unknown>> = [];
    for (const item of items) {
      if (!item || typeof item.key !== 'string' || typeof item.value !== 'string' || !Array.isArray(item.target)) {
        return error(400, 'bad_request', 'Invalid request: each variable needs `key`, `value`, `type` and `target`.');
      }
      const clash = project.env.find((e) => e.key === item.key && e.target.some((t) => item.target?.includes(t)));
      const now = Date.now();
      if (clash && !upsert) {
        failed.push({
          error: { code: 'ENV_ALREADY_EXISTS', message: `A variable named ${item.key} already exists`, key: item.key },
        });
        continue;
      }
      const env: EnvVar = clash ?? {
        id: newId('env_', 9),
        key: item.key,
        value: '',
        type: 'encrypted',
        target: [],
        createdAt: now,
        updatedAt: now,
      };
      env.value = item.value;
      env.type = item.type ?? 'encrypted';
      env.target = item.target;
      env.updatedAt = now;
      if (!clash) project.env.push(env);
      created.push(envJson(env, false));
    }
    if (failed.length > 0 && created.length === 0) return error(400, 'ENV_ALREADY_EXISTS', 'The variable already exists');
    return { status: 201, body: { created: created.length === 1 ? created[0] : created, failed } };
  }

  private projectEnvItem(method: string, ref: string, envId: string, req: SandboxRequest, caller: Caller): Reply {
    const project = this.project(ref, caller);
    if (!project) return this.projectNotFound();
    const env = project.env.find((e) => e.id === envId);
    if (!env) return error(404, 'not_found', 'The environment variable was not found');
    if (method === 'DELETE') {
      project.env = project.env.filter((e) => e !== env);
      return { status: 200, body: envJson(env, false) };
    }
    const patch = JSON.parse(req.body.toString('utf8') || '{}') as Partial<EnvVar>;
    if (typeof patch.value === 'string') env.value = patch.value;
    if (typeof patch.key === 'string') env.key = patch.key;
    if (Array.isArray(patch.target)) env.target = patch.target;
    if (patch.type) env.type = patch.type;
    env.updatedAt = Date.now();
    return { status: 200, body: envJson(env, false) };
  }

  // --- lookups and helpers -------------------------------------------------------------------

  private createProject(name: string, account: string, id?: string): Project {
    const existing = [...this.projects.values()].find((p) => p.accountId === account && (p.name === name || p.id === id));
    if (existing) return existing;
    const now = Date.now();
    const project: Project = {
      id: id ?? newId('prj_'),
      name,
      accountId: account,
      createdAt: now,
      updatedAt: now,
      domains: [],
      env: [],
      productionDeploymentId: undefined,
      lastAliasRequest: undefined,
    };
    this.projects.set(project.id, project);
    return project;
  }

  private projectByRef(ref: string): Project | undefined {
    return this.projects.get(ref) ?? [...this.projects.values()].find((p) => p.name === ref);
  }

  private project(idOrName: string, caller: Caller): Project | undefined {
    const ref = decodeURIComponent(idOrName);
    const found = [...this.projects.values()].find((p) => p.accountId === caller.account && (p.id === ref || p.name === ref));
    return found;
  }

  private deployment(idOrUrl: string, caller: Caller): Deployment | undefined {
    const ref = decodeURIComponent(idOrUrl).replace(/^https?:\/\//, '');
    const d = this.deployments.get(ref) ?? [...this.deployments.values()].find((x) => x.url === ref);
    return d && d.accountId === caller.account ? d : undefined;
  }

  private projectNotFound(): Reply {
    return error(404, 'not_found', 'Project not found');
  }

  private deploymentNotFound(): Reply {
    return error(404, 'not_found', 'Deployment not found');
  }

  private event(d: Deployment, type: Deployment['events'][number]['type'], text: string): void {
    d.events.push({ type, text, created: Date.now(), serial: ++this.serial });
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }
}
