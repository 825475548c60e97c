/**
 * The root values the emulator executes documents with: the queries, mutations and
 * subscriptions the suite uses, answering in the schema's shapes (connections with edges and
 * pageInfo, Booleans where the real API returns Booleans). Access follows the real rules: an
 * account or workspace token sees every project; a project token sees its project and acts only
 * in its one environment; no token is "Not Authorized".
 */
import { GraphQLError } from 'graphql';
import { Channel } from './channel.ts';
import type { Deployment, Environment, LogLine, Project, ProjectToken, RailwayWorld, Service } from './world.ts';

export type Auth = { kind: 'account'; token: string } | { kind: 'project'; token: ProjectToken };

export interface ResolverContext {
  auth: Auth | undefined;
  world: RailwayWorld;
  /** The public domain of a service's app (`127.0.0.1:<port>`): the sandbox's "up.railway.app". */
  domainOf(serviceId: string, environmentId: string): Promise<string>;
}

type Args = Record<string, unknown>;

function denied(): GraphQLError {
  return new GraphQLError('Not Authorized', { extensions: { code: 'UNAUTHORIZED' } });
}

function notFound(what: string): GraphQLError {
  return new GraphQLError(`${what} not found`, { extensions: { code: 'NOT_FOUND' } });
}

function authed(ctx: ResolverContext): Auth {
  if (!ctx.auth) throw denied();
  return ctx.auth;
}

function project(ctx: ResolverContext, id: unknown): Project {
  const auth = authed(ctx);
  const found = ctx.world.projects.get(String(id));
  if (!found) throw auth.kind === 'project' ? denied() : notFound('Project');
  if (auth.kind === 'project' && auth.token.projectId !== found.id) throw denied();
  return found;
}

function environment(ctx: ResolverContext, id: unknown): Environment {
  const auth = authed(ctx);
  const found = ctx.world.environments.get(String(id));
  if (!found) throw auth.kind === 'project' ? denied() : notFound('Environment');
  if (auth.kind === 'project' && auth.token.environmentId !== found.id) throw denied();
  return found;
}

function service(ctx: ResolverContext, id: unknown): Service {
  const auth = authed(ctx);
  const found = ctx.world.services.get(String(id));
  if (!found) throw notFound('Service');
  if (auth.kind === 'project' && auth.token.projectId !== found.projectId) throw denied();
  return found;
}

function deployment(ctx: ResolverContext, id: unknown): Deployment {
  const found = ctx.world.deployments.get(String(id));
  if (!found) throw authed(ctx) && notFound('Deployment');
  environment(ctx, found.environmentId);
  return found;
}

function connection<T extends { id: string }>(items: T[], args: Args): object {
  const after = typeof args.after === 'string' ? items.findIndex((i) => i.id === args.after) + 1 : 0;
  const first = typeof args.first === 'number' ? args.first : items.length;
  const page = items.slice(after, after + first);
  return {
    edges: page.map((node) => ({ cursor: node.id, node })),
    pageInfo: {
      hasNextPage: after + page.length < items.length,
      hasPreviousPage: after > 0,
      startCursor: page[0]?.id ?? null,
      endCursor: page.at(-1)?.id ?? null,
    },
  };
}

function projectView(ctx: ResolverContext, p: Project): object {
  const auth = ctx.auth;
  const environments = ctx.world
    .environmentsOf(p.id)
    .filter((e) => auth?.kind !== 'project' || auth.token.environmentId === e.id);
  return {
    ...p,
    updatedAt: p.createdAt,
    description: null,
    isPublic: false,
    isTempProject: false,
    deletedAt: null,
    environments: (args: Args) =>
      connection(
        environments.map((e) => environmentView(ctx, e)),
        args,
      ),
    services: (args: Args) =>
      connection(
        ctx.world.servicesOf(p.id).map((s) => serviceView(ctx, s)),
        args,
      ),
  };
}

function environmentView(ctx: ResolverContext, e: Environment): { id: string; [field: string]: unknown } {
  return {
    ...e,
    updatedAt: e.createdAt,
    deletedAt: null,
    isEphemeral: false,
    canAccess: true,
    meta: null,
    unmergedChangesCount: 0,
    project: () => projectView(ctx, project(ctx, e.projectId)),
  };
}

function serviceView(ctx: ResolverContext, s: Service): { id: string; [field: string]: unknown } {
  return {
    id: s.id,
    name: s.name,
    projectId: s.projectId,
    createdAt: s.createdAt,
    updatedAt: s.createdAt,
    deletedAt: null,
    icon: null,
    isRestricted: false,
    templateId: null,
    project: () => projectView(ctx, project(ctx, s.projectId)),
  };
}

function deploymentView(ctx: ResolverContext, d: Deployment): { id: string; [field: string]: unknown } {
  const domain = (): Promise<string> => ctx.domainOf(d.serviceId, d.environmentId);
  return {
    id: d.id,
    status: d.status,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    statusUpdatedAt: d.statusUpdatedAt,
    projectId: d.projectId,
    environmentId: d.environmentId,
    serviceId: d.serviceId,
    meta: d.meta,
    canRollback: ctx.world.canRollback(d),
    canRedeploy: true,
    deploymentStopped: d.deploymentStopped,
    suggestAddServiceDomain: false,
    snapshotId: null,
    creator: null,
    diagnosis: null,
    instances: [],
    sockets: [],
    url: domain,
    staticUrl: domain,
    service: () => serviceView(ctx, service(ctx, d.serviceId)),
    environment: () => environmentView(ctx, environment(ctx, d.environmentId)),
  };
}

function logView(line: LogLine): object {
  return { ...line, attributes: [], tags: null };
}

function lastLines(lines: LogLine[], limit: unknown): LogLine[] {
  const max = typeof limit === 'number' ? Math.min(Math.max(limit, 0), 5000) : 100;
  return lines.slice(-max || lines.length);
}

export function queryRoot(ctx: ResolverContext): Record<string, unknown> {
  const w = ctx.world;
  return {
    projectToken: () => {
      const auth = authed(ctx);
      if (auth.kind !== 'project') throw new GraphQLError('Project Token not found', { extensions: { code: 'NOT_FOUND' } });
      const t = auth.token;
      return {
        id: t.id,
        name: t.name,
        createdAt: t.createdAt,
        displayToken: `${t.token.slice(0, 4)}…`,
        projectId: t.projectId,
        environmentId: t.environmentId,
        project: () => projectView(ctx, project(ctx, t.projectId)),
        environment: () => environmentView(ctx, environment(ctx, t.environmentId)),
      };
    },
    project: (args: Args) => projectView(ctx, project(ctx, args.id)),
    environment: (args: Args) => environmentView(ctx, environment(ctx, args.id)),
    service: (args: Args) => serviceView(ctx, service(ctx, args.id)),
    environments: (args: Args) => {
      const p = project(ctx, args.projectId);
      const auth = ctx.auth;
      const visible = w.environmentsOf(p.id).filter((e) => auth?.kind !== 'project' || auth.token.environmentId === e.id);
      return connection(
        visible.map((e) => environmentView(ctx, e)),
        args,
      );
    },
    deployments: (args: Args) => {
      const input = (args.input ?? {}) as {
        projectId?: string;
        environmentId?: string;
        serviceId?: string;
        status?: { in?: string[]; notIn?: string[] };
      };
      if (input.projectId !== undefined) project(ctx, input.projectId);
      if (input.environmentId !== undefined) environment(ctx, input.environmentId);
      else if (ctx.auth?.kind === 'project') throw denied();
      if (input.serviceId !== undefined) service(ctx, input.serviceId);
      const list = w.deploymentsOf({
        ...(input.projectId === undefined ? {} : { projectId: input.projectId }),
        ...(input.environmentId === undefined ? {} : { environmentId: input.environmentId }),
        ...(input.serviceId === undefined ? {} : { serviceId: input.serviceId }),
        ...(input.status?.in ? { statusIn: input.status.in } : {}),
        ...(input.status?.notIn ? { statusNotIn: input.status.notIn } : {}),
      });
      return connection(
        list.map((d) => deploymentView(ctx, d)),
        args,
      );
    },
    deployment: (args: Args) => deploymentView(ctx, deployment(ctx, args.id)),
    variables: (args: Args) => {
      project(ctx, args.projectId);
      environment(ctx, args.environmentId);
      if (args.serviceId != null) service(ctx, args.serviceId);
      return w.variablesOf(
        String(args.projectId),
        String(args.environmentId),
        args.serviceId == null ? undefined : String(args.serviceId),
      );
    },
    variablesForServiceDeployment: (args: Args) => {
      project(ctx, args.projectId);
      environment(ctx, args.environmentId);
      service(ctx, args.serviceId);
      return w.variablesOf(String(args.projectId), String(args.environmentId), String(args.serviceId));
    },
    domains: async (args: Args) => {
      project(ctx, args.projectId);
      const e = environment(ctx, args.environmentId);
      const s = service(ctx, args.serviceId);
      const domain = await ctx.domainOf(s.id, e.id);
      return {
        serviceDomains: [
          {
            id: `domain-${s.id}`,
            domain,
            suffix: null,
            environmentId: e.id,
            serviceId: s.id,
            projectId: s.projectId,
            targetPort: null,
            syncStatus: 'ACTIVE',
            createdAt: s.createdAt,
            updatedAt: s.createdAt,
            deletedAt: null,
          },
        ],
        customDomains: [],
      };
    },
    buildLogs: (args: Args) => lastLines(deployment(ctx, args.deploymentId).buildLogs, args.limit).map(logView),
    deploymentLogs: (args: Args) => lastLines(deployment(ctx, args.deploymentId).deployLogs, args.limit).map(logView),
  };
}

export function mutationRoot(ctx: ResolverContext): Record<string, unknown> {
  const w = ctx.world;
  return {
    serviceInstanceDeployV2: (args: Args) => {
      const e = environment(ctx, args.environmentId);
      const s = service(ctx, args.serviceId);
      const sha = typeof args.commitSha === 'string' ? args.commitSha : undefined;
      const plan = s.image !== undefined && sha === undefined ? w.imagePlan(s.image) : w.commitPlan(sha ?? 'main');
      const d = w.deploy({
        projectId: s.projectId,
        environmentId: e.id,
        serviceId: s.id,
        source: s.image !== undefined && sha === undefined ? 'image' : 'commit',
        plan,
        meta: sha ? { commitHash: sha } : s.image ? { image: s.image } : {},
      });
      return d.id;
    },
    deploymentRedeploy: (args: Args) => {
      const from = deployment(ctx, args.id);
      const d = w.deploy({ ...from, source: 'redeploy', plan: from.plan, meta: { ...from.meta, redeployOf: from.id } });
      return deploymentView(ctx, d);
    },
    deploymentRollback: (args: Args) => {
      const target = deployment(ctx, args.id);
      if (!w.canRollback(target)) {
        throw new GraphQLError('Deployment cannot be rolled back', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const plan = { ...target.plan, buildMs: 0, logLines: [`Rolling back to deployment ${target.id}`] };
      w.deploy({ ...target, source: 'rollback', plan, meta: { ...target.meta, rollbackTo: target.id } });
      return true;
    },
    deploymentCancel: (args: Args) => {
      const d = deployment(ctx, args.id);
      if (['QUEUED', 'INITIALIZING', 'BUILDING', 'DEPLOYING', 'WAITING'].includes(d.status)) {
        w.log(d, 'build', 'Deployment cancelled');
        w.setStatus(d, 'REMOVED');
      }
      return true;
    },
    deploymentRemove: (args: Args) => {
      w.setStatus(deployment(ctx, args.id), 'REMOVED');
      return true;
    },
    deploymentRestart: (args: Args) => {
      const d = deployment(ctx, args.id);
      w.log(d, 'deploy', 'Restarting container');
      return true;
    },
    variableCollectionUpsert: (args: Args) => {
      const input = args.input as {
        projectId: string;
        environmentId: string;
        serviceId?: string | null;
        variables: Record<string, unknown>;
        skipDeploys?: boolean;
        replace?: boolean;
      };
      project(ctx, input.projectId);
      environment(ctx, input.environmentId);
      const serviceId = input.serviceId ?? undefined;
      if (serviceId !== undefined) service(ctx, serviceId);
      const values = Object.fromEntries(Object.entries(input.variables ?? {}).map(([k, v]) => [k, String(v)]));
      w.setVariables(input.projectId, input.environmentId, serviceId, values, { replace: input.replace ?? false });
      const skipDeploys = input.skipDeploys ?? false;
      w.upserts.push({
        at: Date.now(),
        projectId: input.projectId,
        environmentId: input.environmentId,
        serviceId,
        keys: Object.keys(values),
        skipDeploys,
      });
      const targets = serviceId !== undefined ? [serviceId] : w.servicesOf(input.projectId).map((s) => s.id);
      if (!skipDeploys) {
        for (const id of targets) {
          const live = w.liveDeployment(id, input.environmentId);
          if (live) w.deploy({ ...live, source: 'variables', plan: live.plan, meta: live.meta });
        }
      }
      return true;
    },
    serviceInstanceUpdate: (args: Args) => {
      const s = service(ctx, args.serviceId);
      if (args.environmentId != null) environment(ctx, args.environmentId);
      const input = (args.input ?? {}) as { source?: { image?: string | null; repo?: string | null } };
      if (input.source?.image) s.image = input.source.image;
      else if (input.source?.repo) delete s.image;
      return true;
    },
  };
}

/**
 * Subscription roots: each field returns an async iterator of `{ <field>: value }` payloads
 * (graphql-js executes each payload as the root of the selection). `deployment` sends the
 * current state first, then every change; the log streams send the last `limit` lines, then
 * each new line.
 */
export function subscriptionRoot(ctx: ResolverContext): Record<string, unknown> {
  const w = ctx.world;
  return {
    deployment: (args: Args) => {
      const d = deployment(ctx, args.id);
      const out = new Channel<object>();
      const source = w.watch(d.id);
      out.push({ deployment: deploymentView(ctx, d) });
      void (async () => {
        for await (const next of source) out.push({ deployment: deploymentView(ctx, next) });
        out.close();
      })();
      const close = out.return.bind(out);
      out.return = () => {
        source.close();
        return close();
      };
      return out;
    },
    buildLogs: (args: Args) => logStream(ctx, args, 'build'),
    deploymentLogs: (args: Args) => logStream(ctx, args, 'deploy'),
  };
}

function logStream(ctx: ResolverContext, args: Args, kind: 'build' | 'deploy'): Channel<object> {
  const field = kind === 'build' ? 'buildLogs' : 'deploymentLogs';
  const d = deployment(ctx, args.deploymentId);
  const out = new Channel<object>();
  const source = ctx.world.watchLogs(d.id);
  out.push({ [field]: lastLines(kind === 'build' ? d.buildLogs : d.deployLogs, args.limit).map(logView) });
  void (async () => {
    for await (const batch of source) {
      if (batch.kind === kind) out.push({ [field]: batch.lines.map(logView) });
    }
    out.close();
  })();
  const close = out.return.bind(out);
  out.return = () => {
    source.close();
    return close();
  };
  return out;
}
