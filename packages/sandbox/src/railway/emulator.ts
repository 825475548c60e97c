/**
 * Railway's backboard, as the suite meets it:
 * - `POST /graphql/v2`: every document is parsed and validated against the real schema; a
 *   document that fails either is answered 400 with `errors` (message and locations, as a
 *   GraphQL server answers); an executed one is 200, with `errors` beside `data` when a
 *   resolver refused (GraphQL errors in a 200 body, as the real API sends "Not Authorized").
 * - WebSocket subscriptions on the same path, `graphql-transport-ws` (graphql-ws over `ws`),
 *   authenticated by the headers of the upgrade request, as the CLI sends them.
 * - `POST /project/{projectId}/environment/{environmentId}/up?serviceId=…`: a gzipped tar; the
 *   answer is `{deploymentId, url, logsUrl, deploymentDomain}`; the tar's entry list is kept.
 * - Auth: `Project-Access-Token` (one project, one environment) or `Authorization: Bearer`
 *   (an account or workspace token).
 * - Rate limits: a request budget per credential per hour (1,000 on Hobby; tests lower it), 429
 *   with `Retry-After` past it; a request counter read through `/__sandbox/requests`.
 * - Control (`POST /__sandbox/<action>`): seed, budget, sockets (drop now, refuse, drop when a
 *   build starts and then refuse reconnects),
 *   status, hold/release, commit trees, timing, requests.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type DocumentNode, execute, GraphQLError, type GraphQLSchema, parse, subscribe, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { AppFleet } from '../fleet.ts';
import type { Emulator, Reply, SandboxRequest } from '../server.ts';
import { type Auth, mutationRoot, queryRoot, type ResolverContext, subscriptionRoot } from './resolvers.ts';
import { loadRailwaySchema } from './schema.ts';
import { readTarball, relativeName, TarballError } from './upload.ts';
import { DEPLOYMENT_STATUSES, type DeploymentStatus, RailwayWorld } from './world.ts';

export const GRAPHQL_PATH = '/graphql/v2';
const UP_PATH = /^\/project\/([^/]+)\/environment\/([^/]+)\/up$/;
const HOUR = 3_600_000;

export interface RequestCounter {
  /** Every HTTP request to the API (GraphQL and uploads), faults excluded. */
  total: number;
  graphql: number;
  uploads: number;
  /** WebSocket connections accepted, and refused or dropped. */
  sockets: number;
  socketsRefused: number;
  socketsDropped: number;
  subscriptions: number;
  /** GraphQL requests by root field: `deployment`, `projectToken`, `serviceInstanceDeployV2`… */
  byField: Record<string, number>;
  rateLimited: number;
}

export interface SeedInput {
  project: string;
  environments?: string[];
  services?: string[];
  /** Service name (or '' for shared) → environment name → variables. */
  variables?: Record<string, Record<string, Record<string, string>>>;
}

export interface Seeded {
  projectId: string;
  environments: Record<string, string>;
  services: Record<string, string>;
  accountToken: string;
  /** A project token per environment name. */
  projectTokens: Record<string, string>;
}

const newCounter = (): RequestCounter => ({
  total: 0,
  graphql: 0,
  uploads: 0,
  sockets: 0,
  socketsRefused: 0,
  socketsDropped: 0,
  subscriptions: 0,
  byField: {},
  rateLimited: 0,
});

function gqlErrors(errors: readonly GraphQLError[]): object {
  return { errors: errors.map((e) => e.toJSON()) };
}

export class RailwayEmulator implements Emulator {
  readonly name = 'railway';
  readonly world: RailwayWorld;
  readonly fleet: AppFleet;
  requests: RequestCounter = newCounter();
  /** Requests allowed per credential in a rolling hour. */
  budgetPerHour = 1000;
  sockets = { refuse: false, dropOnBuilding: false, refuseAfterDrop: false };
  private readonly schema: GraphQLSchema;
  private readonly windows = new Map<string, number[]>();
  private wss: WebSocketServer | undefined;
  private seeds: Array<{ input: SeedInput; seeded: Seeded }> = [];

  constructor(options: { fleet: AppFleet; schema?: GraphQLSchema }) {
    this.fleet = options.fleet;
    this.schema = options.schema ?? loadRailwaySchema();
    this.world = new RailwayWorld(options.fleet);
    this.world.onStatus = (d) => {
      if (d.status !== 'BUILDING' || !this.sockets.dropOnBuilding) return;
      if (this.sockets.refuseAfterDrop) this.sockets.refuse = true;
      this.dropSockets();
    };
  }

  // --- auth and limits -----------------------------------------------------------------------

  authOf(headers: IncomingMessage['headers']): { auth: Auth | undefined; credential: string | undefined } {
    const projectToken = headers['project-access-token'];
    if (typeof projectToken === 'string' && projectToken !== '') {
      const token = this.world.projectTokens.get(projectToken);
      return { auth: token ? { kind: 'project', token } : undefined, credential: projectToken };
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ''))?.[1];
    if (bearer) {
      return { auth: this.world.accountTokens.has(bearer) ? { kind: 'account', token: bearer } : undefined, credential: bearer };
    }
    return { auth: undefined, credential: undefined };
  }

  /** Counts a request against its credential's hour; the ms to wait when over budget. */
  private overBudget(credential: string | undefined): number | undefined {
    const key = credential ?? 'anonymous';
    const now = Date.now();
    const window = (this.windows.get(key) ?? []).filter((t) => t > now - HOUR);
    if (window.length >= this.budgetPerHour) {
      this.windows.set(key, window);
      return (window[0] ?? now) + HOUR - now;
    }
    window.push(now);
    this.windows.set(key, window);
    return undefined;
  }

  private context(auth: Auth | undefined): ResolverContext {
    return {
      auth,
      world: this.world,
      domainOf: async (serviceId, environmentId) => {
        const app = await this.fleet.app(`railway:${serviceId}:${environmentId}`);
        return new URL(app.url).host;
      },
    };
  }

  // --- HTTP ----------------------------------------------------------------------------------

  async handle(req: SandboxRequest): Promise<Reply> {
    const isGraphql = req.path === GRAPHQL_PATH;
    const up = UP_PATH.exec(req.path);
    if (!isGraphql && !up) return { status: 404, body: { message: `Cannot ${req.method} ${req.path}` } };
    const { auth, credential } = this.authOf(req.headers);
    const wait = this.overBudget(credential);
    if (wait !== undefined) {
      this.requests.rateLimited++;
      return {
        ...this.errorReply(429),
        headers: { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) },
      };
    }
    this.requests.total++;
    if (isGraphql) {
      this.requests.graphql++;
      if (req.method !== 'POST') return { status: 405, body: gqlErrors([new GraphQLError('Use POST for GraphQL requests')]) };
      return this.graphql(req.body, auth);
    }
    this.requests.uploads++;
    if (req.method !== 'POST') return { status: 405, body: { message: 'Method not allowed' } };
    return this.upload(decodeURIComponent(up?.[1] ?? ''), decodeURIComponent(up?.[2] ?? ''), req, auth);
  }

  /** Parses and validates a document against the real schema: the errors a server sends for it. */
  check(query: unknown): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
    if (typeof query !== 'string' || query.trim() === '') return { errors: [new GraphQLError('Must provide query string.')] };
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return { errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
    }
    const errors = validate(this.schema, document);
    return errors.length > 0 ? { errors } : { document };
  }

  private async graphql(body: Buffer, auth: Auth | undefined): Promise<Reply> {
    let payload: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      payload = JSON.parse(body.toString('utf8')) as typeof payload;
    } catch {
      return { status: 400, body: gqlErrors([new GraphQLError('POST body sent invalid JSON.')]) };
    }
    const checked = this.check(payload.query);
    if ('errors' in checked) return { status: 400, body: gqlErrors(checked.errors) };
    for (const definition of checked.document.definitions) {
      if (definition.kind !== 'OperationDefinition') continue;
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind === 'Field')
          this.requests.byField[selection.name.value] = (this.requests.byField[selection.name.value] ?? 0) + 1;
      }
    }
    const ctx = this.context(auth);
    const operation = checked.document.definitions.find((d) => d.kind === 'OperationDefinition');
    const kind = operation?.kind === 'OperationDefinition' ? operation.operation : 'query';
    if (kind === 'subscription') {
      return { status: 400, body: gqlErrors([new GraphQLError('Subscriptions are served over WebSocket only')]) };
    }
    const result = await execute({
      schema: this.schema,
      document: checked.document,
      rootValue: kind === 'mutation' ? mutationRoot(ctx) : queryRoot(ctx),
      contextValue: ctx,
      variableValues: (payload.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof payload.operationName === 'string' ? payload.operationName : undefined,
    });
    return { status: 200, body: result };
  }

  private async upload(projectId: string, environmentId: string, req: SandboxRequest, auth: Auth | undefined): Promise<Reply> {
    const receivedAt = Date.now();
    if (!auth) return { status: 401, body: { message: 'Not Authorized' } };
    const serviceId = req.query.get('serviceId') ?? '';
    const project = this.world.projects.get(projectId);
    const environment = this.world.environments.get(environmentId);
    const service = this.world.services.get(serviceId);
    if (auth.kind === 'project' && (auth.token.projectId !== projectId || auth.token.environmentId !== environmentId)) {
      return { status: 401, body: { message: 'Not Authorized' } };
    }
    if (!project || !environment || environment.projectId !== project.id)
      return { status: 404, body: { message: 'Project or environment not found' } };
    if (!service || service.projectId !== project.id)
      return { status: 400, body: { message: `Service "${serviceId}" not found` } };
    let tarball: Awaited<ReturnType<typeof readTarball>>;
    try {
      tarball = await readTarball(req.body);
    } catch (error) {
      if (error instanceof TarballError) return { status: 400, body: { message: error.message } };
      throw error;
    }
    const message = req.query.get('message');
    const deployment = this.world.deploy({
      projectId,
      environmentId,
      serviceId,
      source: 'upload',
      files: tarball.files,
      meta: message ? { deployMessage: message } : {},
    });
    this.world.uploads.set(deployment.id, {
      deploymentId: deployment.id,
      serviceId,
      entries: tarball.entries,
      files: [...tarball.files.keys()].map(relativeName).sort(),
      bytes: req.body.length,
      receivedAt,
    });
    const domain = await this.context(auth).domainOf(serviceId, environmentId);
    const logsUrl = `https://railway.com/project/${projectId}/service/${serviceId}?id=${deployment.id}&environmentId=${environmentId}`;
    return { status: 200, body: { deploymentId: deployment.id, url: logsUrl, logsUrl, deploymentDomain: domain } };
  }

  errorReply(status: number): Reply {
    const message =
      status === 429
        ? 'You are being ratelimited. Please try again later'
        : status === 401
          ? 'Not Authorized'
          : `Internal server error (${status})`;
    return { status, body: { errors: [{ message }] } };
  }

  // --- WebSocket -----------------------------------------------------------------------------

  attach(server: Server): void {
    const wss = new WebSocketServer({ noServer: true });
    this.wss = wss;
    useServer(
      {
        schema: this.schema,
        // This module's own graphql functions: graphql-ws may load another copy of graphql
        // (its CommonJS build), which would refuse a schema built by this one.
        execute: (args) => execute(args),
        subscribe: (args) => subscribe(args),
        context: (ctx) => this.context(this.authOf((ctx.extra.request as IncomingMessage).headers).auth),
        onSubscribe: (ctx, _id, payload) => {
          const checked = this.check(payload.query);
          if ('errors' in checked) return checked.errors;
          this.requests.subscriptions++;
          const context = this.context(this.authOf((ctx.extra.request as IncomingMessage).headers).auth);
          const operation = checked.document.definitions.find((d) => d.kind === 'OperationDefinition');
          const kind = operation?.kind === 'OperationDefinition' ? operation.operation : 'query';
          return {
            schema: this.schema,
            document: checked.document,
            rootValue:
              kind === 'subscription'
                ? subscriptionRoot(context)
                : kind === 'mutation'
                  ? mutationRoot(context)
                  : queryRoot(context),
            contextValue: context,
            variableValues: payload.variables ?? undefined,
            operationName: payload.operationName ?? undefined,
          };
        },
      },
      wss,
    );
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const refuse = (status: number, text: string): void => {
        this.requests.socketsRefused++;
        socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      };
      if (path !== GRAPHQL_PATH) return refuse(404, 'Not Found');
      if (this.sockets.refuse) return refuse(503, 'Service Unavailable');
      const { auth, credential } = this.authOf(req.headers);
      if (!auth) return refuse(401, 'Unauthorized');
      if (this.overBudget(credential) !== undefined) return refuse(429, 'Too Many Requests');
      wss.handleUpgrade(req, socket, head, (ws) => {
        this.requests.sockets++;
        wss.emit('connection', ws, req);
      });
    });
  }

  /** Ends every open subscription socket abruptly, as a network drop would. */
  dropSockets(): number {
    let dropped = 0;
    for (const client of this.wss?.clients ?? []) {
      client.terminate();
      dropped++;
    }
    this.requests.socketsDropped += dropped;
    return dropped;
  }

  // --- control -------------------------------------------------------------------------------

  seed(input: SeedInput, ids: Partial<Seeded> = {}): Seeded {
    const w = this.world;
    const project = w.addProject(input.project, ids.projectId);
    const environments: Record<string, string> = {};
    for (const name of input.environments ?? ['production']) {
      environments[name] = w.addEnvironment(project.id, name, ids.environments?.[name]).id;
    }
    const services: Record<string, string> = {};
    for (const name of input.services ?? []) services[name] = w.addService(project.id, name, ids.services?.[name]).id;
    const accountToken = ids.accountToken ?? crypto.randomUUID();
    w.accountTokens.add(accountToken);
    const projectTokens: Record<string, string> = {};
    for (const [name, id] of Object.entries(environments)) {
      projectTokens[name] = w.addProjectToken(project.id, id, ids.projectTokens?.[name]).token;
    }
    for (const [serviceName, byEnvironment] of Object.entries(input.variables ?? {})) {
      for (const [environmentName, values] of Object.entries(byEnvironment)) {
        const environmentId = environments[environmentName];
        if (!environmentId) throw new Error(`seed: no environment '${environmentName}'`);
        w.setVariables(project.id, environmentId, serviceName === '' ? undefined : services[serviceName], values);
      }
    }
    const seeded = { projectId: project.id, environments, services, accountToken, projectTokens };
    this.seeds.push({ input, seeded });
    return seeded;
  }

  control(action: string, body: unknown): unknown {
    const b = (body ?? {}) as Record<string, unknown>;
    switch (action) {
      case 'seed':
        return this.seed(b as unknown as SeedInput);
      case 'budget':
        this.budgetPerHour = Number(b.perHour);
        this.windows.clear();
        return { perHour: this.budgetPerHour };
      case 'sockets':
        if (typeof b.refuse === 'boolean') this.sockets.refuse = b.refuse;
        if (typeof b.dropOnBuilding === 'boolean') this.sockets.dropOnBuilding = b.dropOnBuilding;
        if (typeof b.refuseAfterDrop === 'boolean') this.sockets.refuseAfterDrop = b.refuseAfterDrop;
        return { ...this.sockets, dropped: b.drop === true ? this.dropSockets() : 0 };
      case 'status': {
        const d = this.world.deployments.get(String(b.deploymentId));
        const status = String(b.status) as DeploymentStatus;
        if (!d || !DEPLOYMENT_STATUSES.includes(status)) throw new Error('status: needs a known deploymentId and status');
        this.world.setStatus(d, status);
        return { id: d.id, status };
      }
      case 'hold':
        if (b.hold === false) this.world.release();
        else this.world.hold = true;
        return { hold: this.world.hold };
      case 'commit':
        this.world.commitTrees.set(String(b.sha), new Map(Object.entries((b.files ?? {}) as Record<string, string>)));
        return { sha: b.sha };
      case 'timing':
        this.world.timing = { step: Number(b.step ?? this.world.timing.step) };
        return this.world.timing;
      case 'requests':
        return this.requests;
      default:
        throw new Error(`no railway control action '${action}'`);
    }
  }

  state(): unknown {
    const w = this.world;
    return {
      requests: this.requests,
      budgetPerHour: this.budgetPerHour,
      sockets: this.sockets,
      projects: [...w.projects.values()],
      environments: [...w.environments.values()],
      services: [...w.services.values()],
      deployments: [...w.deployments.values()].map(({ plan, buildLogs, deployLogs, ...d }) => ({
        ...d,
        version: plan.version,
        buildLogs: buildLogs.map((l) => l.message),
        deployLogs: deployLogs.map((l) => l.message),
      })),
      uploads: [...w.uploads.values()],
      upserts: w.upserts,
    };
  }

  /** Back to the seeded world: seeds, ids and tokens kept; deployments, counters and limits cleared. */
  reset(): void {
    const seeds = this.seeds;
    this.seeds = [];
    this.world.reset();
    for (const { input, seeded } of seeds) this.seed(input, seeded);
    this.requests = newCounter();
    this.windows.clear();
    this.budgetPerHour = 1000;
    this.sockets = { refuse: false, dropOnBuilding: false, refuseAfterDrop: false };
    this.world.timing = { step: 60 };
  }

  close(): void {
    this.world.close();
    this.dropSockets();
    this.wss?.close();
  }
}
