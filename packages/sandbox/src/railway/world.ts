/**
 * The state of the Railway sandbox: projects, environments, services, tokens, variables and
 * deployments, and the life of a deployment. A deployment goes QUEUED → INITIALIZING →
 * BUILDING → DEPLOYING → SUCCESS, or ends FAILED (the build failed), CRASHED (the app died on
 * start) or REMOVED (cancelled, or replaced by a newer success), as its uploaded tree's
 * `sandbox.json` asks (see ../build.ts). A success makes the service's sample app serve the
 * release (../fleet.ts); a rollback makes it serve the target's again.
 */
import { randomUUID } from 'node:crypto';
import { type BuildPlan, planBuild } from '../build.ts';
import type { AppFleet } from '../fleet.ts';
import { Channel } from './channel.ts';

export const DEPLOYMENT_STATUSES = [
  'BUILDING',
  'CRASHED',
  'DEPLOYING',
  'FAILED',
  'INITIALIZING',
  'NEEDS_APPROVAL',
  'QUEUED',
  'REMOVED',
  'REMOVING',
  'SKIPPED',
  'SLEEPING',
  'SUCCESS',
  'WAITING',
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

const FINAL: ReadonlySet<DeploymentStatus> = new Set(['SUCCESS', 'FAILED', 'CRASHED', 'REMOVED', 'SKIPPED', 'SLEEPING']);

export interface Project {
  id: string;
  name: string;
  createdAt: string;
}
export interface Environment {
  id: string;
  name: string;
  projectId: string;
  createdAt: string;
}
export interface Service {
  id: string;
  name: string;
  projectId: string;
  createdAt: string;
  /** The image source set by serviceInstanceUpdate, when there is one. */
  image?: string;
}
export interface ProjectToken {
  id: string;
  token: string;
  name: string;
  projectId: string;
  environmentId: string;
  createdAt: string;
}
export interface LogLine {
  timestamp: string;
  message: string;
  severity: string;
}
export type DeploymentSource = 'upload' | 'commit' | 'image' | 'redeploy' | 'rollback' | 'variables';

export interface Deployment {
  id: string;
  projectId: string;
  environmentId: string;
  serviceId: string;
  status: DeploymentStatus;
  createdAt: string;
  updatedAt: string;
  statusUpdatedAt: string;
  source: DeploymentSource;
  meta: Record<string, unknown>;
  plan: BuildPlan;
  buildLogs: LogLine[];
  deployLogs: LogLine[];
  /** Went live at some point: a rollback can bring it back. */
  wasLive: boolean;
  deploymentStopped: boolean;
}

export interface Upload {
  deploymentId: string;
  serviceId: string;
  /** Every entry name as it is in the tar, in order (`./`, `./src/`, `./src/a.js`). */
  entries: string[];
  /** The regular files, relative, sorted: what a test compares with what the CLI would send. */
  files: string[];
  bytes: number;
  /** When the upload arrived (epoch ms). */
  receivedAt: number;
}

export interface VariableUpsert {
  at: number;
  projectId: string;
  environmentId: string;
  serviceId: string | undefined;
  keys: string[];
  skipDeploys: boolean;
}

export interface Timing {
  /** ms in QUEUED, INITIALIZING and DEPLOYING each; the build takes the plan's buildMs. */
  step: number;
}

const now = (): string => new Date().toISOString();

export class RailwayWorld {
  projects = new Map<string, Project>();
  environments = new Map<string, Environment>();
  services = new Map<string, Service>();
  projectTokens = new Map<string, ProjectToken>();
  accountTokens = new Set<string>();
  variables = new Map<string, Record<string, string>>();
  deployments = new Map<string, Deployment>();
  uploads = new Map<string, Upload>();
  upserts: VariableUpsert[] = [];
  /** Commit sha → the tree a commit deploy builds (a test seeds it; default: a plain tree). */
  commitTrees = new Map<string, Map<string, string>>();
  timing: Timing = { step: 60 };
  /** While set, deployments stay where they are (a build that takes 20 minutes). */
  hold = false;
  /** Called on every status change (the emulator drops sockets on BUILDING when asked). */
  onStatus: (deployment: Deployment) => void = () => {};
  private readonly fleet: AppFleet;
  private readonly listeners = new Map<string, Set<Channel<Deployment>>>();
  private readonly logListeners = new Map<string, Set<Channel<{ kind: 'build' | 'deploy'; lines: LogLine[] }>>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly held: Array<() => void> = [];

  constructor(fleet: AppFleet) {
    this.fleet = fleet;
  }

  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.held.length = 0;
    this.projects.clear();
    this.environments.clear();
    this.services.clear();
    this.projectTokens.clear();
    this.accountTokens.clear();
    this.variables.clear();
    this.deployments.clear();
    this.uploads.clear();
    this.upserts = [];
    this.commitTrees.clear();
    this.hold = false;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const set of [...this.listeners.values(), ...this.logListeners.values()]) for (const c of set) c.close();
  }

  // --- seeding -------------------------------------------------------------------------------

  addProject(name: string, id: string = randomUUID()): Project {
    const project = { id, name, createdAt: now() };
    this.projects.set(id, project);
    return project;
  }

  addEnvironment(projectId: string, name: string, id: string = randomUUID()): Environment {
    const environment = { id, name, projectId, createdAt: now() };
    this.environments.set(id, environment);
    return environment;
  }

  addService(projectId: string, name: string, id: string = randomUUID()): Service {
    const service = { id, name, projectId, createdAt: now() };
    this.services.set(id, service);
    return service;
  }

  addProjectToken(projectId: string, environmentId: string, token: string = randomUUID()): ProjectToken {
    const record = { id: randomUUID(), token, name: 'sandbox', projectId, environmentId, createdAt: now() };
    this.projectTokens.set(token, record);
    return record;
  }

  environmentsOf(projectId: string): Environment[] {
    return [...this.environments.values()].filter((e) => e.projectId === projectId);
  }

  servicesOf(projectId: string): Service[] {
    return [...this.services.values()].filter((s) => s.projectId === projectId);
  }

  // --- variables -----------------------------------------------------------------------------

  private variableKey(projectId: string, environmentId: string, serviceId: string | undefined): string {
    return `${projectId}:${environmentId}:${serviceId ?? ''}`;
  }

  variablesOf(projectId: string, environmentId: string, serviceId: string | undefined): Record<string, string> {
    const shared = this.variables.get(this.variableKey(projectId, environmentId, undefined)) ?? {};
    if (serviceId === undefined) return { ...shared };
    return { ...shared, ...(this.variables.get(this.variableKey(projectId, environmentId, serviceId)) ?? {}) };
  }

  setVariables(
    projectId: string,
    environmentId: string,
    serviceId: string | undefined,
    values: Record<string, string>,
    options: { replace?: boolean } = {},
  ): void {
    const key = this.variableKey(projectId, environmentId, serviceId);
    this.variables.set(key, { ...(options.replace ? {} : this.variables.get(key)), ...values });
  }

  // --- deployments ---------------------------------------------------------------------------

  deploymentsOf(filter: {
    projectId?: string;
    environmentId?: string;
    serviceId?: string;
    statusIn?: readonly string[];
    statusNotIn?: readonly string[];
  }): Deployment[] {
    return [...this.deployments.values()]
      .filter(
        (d) =>
          (filter.projectId === undefined || d.projectId === filter.projectId) &&
          (filter.environmentId === undefined || d.environmentId === filter.environmentId) &&
          (filter.serviceId === undefined || d.serviceId === filter.serviceId) &&
          (filter.statusIn === undefined || filter.statusIn.includes(d.status)) &&
          (filter.statusNotIn === undefined || !filter.statusNotIn.includes(d.status)),
      )
      .reverse();
  }

  /** The deployment serving a service: the newest SUCCESS or SLEEPING one. */
  liveDeployment(serviceId: string, environmentId: string): Deployment | undefined {
    return this.deploymentsOf({ serviceId, environmentId, statusIn: ['SUCCESS', 'SLEEPING'] })[0];
  }

  /** Starts a deployment of a tree (path → content) and runs its life on timers. */
  deploy(init: {
    projectId: string;
    environmentId: string;
    serviceId: string;
    source: DeploymentSource;
    files?: ReadonlyMap<string, Buffer | string>;
    plan?: BuildPlan;
    meta?: Record<string, unknown>;
  }): Deployment {
    const service = this.services.get(init.serviceId)?.name;
    const plan = init.plan ?? planBuild(init.files ?? new Map(), service === undefined ? {} : { service });
    const at = now();
    const deployment: Deployment = {
      id: randomUUID(),
      projectId: init.projectId,
      environmentId: init.environmentId,
      serviceId: init.serviceId,
      status: 'QUEUED',
      createdAt: at,
      updatedAt: at,
      statusUpdatedAt: at,
      source: init.source,
      meta: init.meta ?? {},
      plan,
      buildLogs: [],
      deployLogs: [],
      wasLive: false,
      deploymentStopped: false,
    };
    this.deployments.set(deployment.id, deployment);
    this.run(deployment);
    return deployment;
  }

  /** The plan of a commit deploy: the seeded tree, else a tree whose version is the short sha. */
  commitPlan(sha: string): BuildPlan {
    const tree = this.commitTrees.get(sha) ?? new Map([['sandbox.json', JSON.stringify({ version: sha.slice(0, 7) })]]);
    return planBuild(tree);
  }

  imagePlan(image: string): BuildPlan {
    const tag = /:([^:/@]+)$/.exec(image)?.[1] ?? 'latest';
    return planBuild(new Map([['sandbox.json', JSON.stringify({ version: tag })]]));
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.hold) this.held.push(fn);
      else fn();
    }, ms);
    this.timers.add(timer);
  }

  release(): void {
    this.hold = false;
    for (const fn of this.held.splice(0)) fn();
  }

  private run(d: Deployment): void {
    const step = this.timing.step;
    const alive = (): boolean => !FINAL.has(d.status);
    this.later(step, () => {
      if (!alive()) return;
      this.setStatus(d, 'INITIALIZING');
      this.later(step, () => {
        if (!alive()) return;
        this.setStatus(d, 'BUILDING');
        const lines = d.plan.logLines;
        const each = lines.length > 0 ? d.plan.buildMs / lines.length : 0;
        const emit = (i: number): void => {
          if (!alive()) return;
          if (i < lines.length) {
            this.log(d, 'build', lines[i] ?? '');
            this.later(each, () => emit(i + 1));
            return;
          }
          if (d.plan.build === 'fail') {
            this.setStatus(d, 'FAILED');
            return;
          }
          this.setStatus(d, 'DEPLOYING');
          this.log(d, 'deploy', 'Starting Container');
          this.later(step, () => {
            if (!alive()) return;
            if (d.plan.runtime === 'crash') {
              this.log(d, 'deploy', `Error: the app exited with code 1 while starting version ${d.plan.version}`);
              this.setStatus(d, 'CRASHED');
              return;
            }
            this.log(d, 'deploy', `Listening: version ${d.plan.version}`);
            void this.goLive(d);
          });
        };
        emit(0);
      });
    });
  }

  /** Makes a deployment the live one: the app serves it, the one before is REMOVED. */
  async goLive(d: Deployment): Promise<void> {
    await this.fleet.goLive(`railway:${d.serviceId}:${d.environmentId}`, {
      version: d.plan.version,
      runtime: d.plan.runtime,
      deploymentId: d.id,
    });
    if (d.status === 'REMOVED') return;
    for (const old of this.deploymentsOf({ serviceId: d.serviceId, environmentId: d.environmentId, statusIn: ['SUCCESS'] })) {
      if (old.id !== d.id) {
        old.deploymentStopped = true;
        this.setStatus(old, 'REMOVED');
      }
    }
    d.wasLive = true;
    this.setStatus(d, 'SUCCESS');
  }

  setStatus(d: Deployment, status: DeploymentStatus): void {
    if (d.status === status) return;
    d.status = status;
    d.updatedAt = d.statusUpdatedAt = now();
    if (status === 'REMOVED' || status === 'CRASHED' || status === 'FAILED') d.deploymentStopped = true;
    for (const channel of this.listeners.get(d.id) ?? []) channel.push({ ...d });
    this.onStatus(d);
  }

  log(d: Deployment, kind: 'build' | 'deploy', message: string): void {
    const line = { timestamp: new Date().toISOString(), message, severity: /error|failed/i.test(message) ? 'error' : 'info' };
    (kind === 'build' ? d.buildLogs : d.deployLogs).push(line);
    for (const channel of this.logListeners.get(d.id) ?? []) channel.push({ kind, lines: [line] });
  }

  watch(deploymentId: string): Channel<Deployment> {
    const set = this.listeners.get(deploymentId) ?? new Set();
    this.listeners.set(deploymentId, set);
    const channel: Channel<Deployment> = new Channel(() => set.delete(channel));
    set.add(channel);
    return channel;
  }

  watchLogs(deploymentId: string): Channel<{ kind: 'build' | 'deploy'; lines: LogLine[] }> {
    const set = this.logListeners.get(deploymentId) ?? new Set();
    this.logListeners.set(deploymentId, set);
    const channel: Channel<{ kind: 'build' | 'deploy'; lines: LogLine[] }> = new Channel(() => set.delete(channel));
    set.add(channel);
    return channel;
  }

  /** A rollback target: a deployment that served once and is not the live one. */
  canRollback(d: Deployment): boolean {
    return d.wasLive && d.status === 'REMOVED';
  }
}
