/**
 * The Vercel world's records and the JSON shapes the API answers with. The shapes carry every
 * field the OpenAPI document marks required (the contract test validates them against it) and
 * the fields @vercel/client and our client read.
 */
import type { BuildPlan } from '../build.ts';
import type { Tree } from './tree.ts';

export type ReadyState = 'QUEUED' | 'BUILDING' | 'READY' | 'ERROR' | 'CANCELED';

export interface EnvVar {
  id: string;
  key: string;
  value: string;
  type: 'plain' | 'encrypted' | 'sensitive' | 'secret' | 'system';
  target: Array<'production' | 'preview' | 'development'>;
  createdAt: number;
  updatedAt: number;
}

export interface AliasRequest {
  fromDeploymentId: string;
  toDeploymentId: string;
  jobStatus: 'succeeded' | 'failed' | 'pending' | 'in-progress';
  requestedAt: number;
  type: 'promote' | 'rollback';
}

export interface Project {
  id: string;
  name: string;
  /** The team that owns it, or the user's own account (`user_sandbox`). */
  accountId: string;
  createdAt: number;
  updatedAt: number;
  /** Domains production deployments are aliased to, besides `<name>.vercel.app`. */
  domains: string[];
  env: EnvVar[];
  /** The deployment production domains point at. */
  productionDeploymentId: string | undefined;
  lastAliasRequest: AliasRequest | undefined;
}

export interface BuildEvent {
  type: 'stdout' | 'stderr' | 'command' | 'deployment-state';
  created: number;
  text: string;
  serial: number;
}

export interface Deployment {
  id: string;
  url: string;
  name: string;
  projectId: string;
  accountId: string;
  target: 'production' | null;
  readyState: ReadyState;
  createdAt: number;
  buildingAt: number;
  ready: number | undefined;
  meta: Record<string, string>;
  gitMetadata: Record<string, unknown> | undefined;
  env: string[];
  buildEnv: string[];
  prebuilt: boolean;
  /** False for a staged production deployment (`vercel --prod --skip-domain`). */
  autoAssignCustomDomains: boolean;
  tree: Tree;
  plan: BuildPlan;
  alias: string[];
  aliasAssigned: boolean;
  errorCode: string | undefined;
  errorMessage: string | undefined;
  events: BuildEvent[];
  held: boolean;
}

export const USER_ACCOUNT = 'user_sandbox';
const CREATOR = { uid: 'user_sandbox', username: 'sandbox', email: 'sandbox@example.com' };

export function inspectorUrl(d: Pick<Deployment, 'id' | 'name' | 'accountId'>): string {
  return `https://vercel.com/${d.accountId === USER_ACCOUNT ? 'sandbox' : d.accountId}/${d.name}/${d.id.replace(/^dpl_/, '')}`;
}

/** A deployment as `POST /v13/deployments`, `GET /v13/deployments/{id}` and cancel answer it. */
export function deploymentJson(d: Deployment): Record<string, unknown> {
  return {
    id: d.id,
    url: d.url,
    name: d.name,
    projectId: d.projectId,
    ownerId: d.accountId,
    readyState: d.readyState,
    status: d.readyState,
    target: d.target,
    type: 'LAMBDAS',
    version: 2,
    plan: 'pro',
    public: false,
    regions: ['iad1'],
    routes: null,
    createdAt: d.createdAt,
    createdIn: 'iad1',
    buildingAt: d.buildingAt,
    bootedAt: d.createdAt,
    ...(d.ready === undefined ? {} : { ready: d.ready }),
    buildSkipped: false,
    isInConcurrentBuildsQueue: false,
    isInSystemBuildsQueue: false,
    inspectorUrl: inspectorUrl(d),
    creator: CREATOR,
    meta: d.meta,
    env: d.env,
    build: { env: d.buildEnv },
    projectSettings: {},
    alias: d.alias,
    aliasAssigned: d.aliasAssigned,
    aliasError: null,
    autoAssignCustomDomains: d.autoAssignCustomDomains,
    ...(d.errorCode ? { errorCode: d.errorCode, errorMessage: d.errorMessage } : {}),
  };
}

/** An item of `GET /v6/deployments`. */
export function listItemJson(d: Deployment, project: Project | undefined): Record<string, unknown> {
  return {
    uid: d.id,
    name: d.name,
    projectId: d.projectId,
    url: d.url,
    created: d.createdAt,
    createdAt: d.createdAt,
    buildingAt: d.buildingAt,
    ...(d.ready === undefined ? {} : { ready: d.ready }),
    state: d.readyState,
    readyState: d.readyState,
    type: 'LAMBDAS',
    creator: CREATOR,
    meta: d.meta,
    target: d.target,
    aliasAssigned: d.aliasAssigned ? d.ready : null,
    aliasError: null,
    inspectorUrl: inspectorUrl(d),
    isRollbackCandidate: d.target === 'production' && d.readyState === 'READY' && project?.productionDeploymentId !== d.id,
    ...(d.errorCode ? { errorCode: d.errorCode, errorMessage: d.errorMessage } : {}),
  };
}

export function projectJson(p: Project, deployments: ReadonlyMap<string, Deployment>): Record<string, unknown> {
  const production = p.productionDeploymentId ? deployments.get(p.productionDeploymentId) : undefined;
  const latest = [...deployments.values()].filter((d) => d.projectId === p.id).sort((a, b) => b.createdAt - a.createdAt);
  const target = (d: Deployment) => ({
    id: d.id,
    alias: d.alias,
    aliasAssigned: d.aliasAssigned ? (d.ready ?? null) : null,
    createdAt: d.createdAt,
    createdIn: 'iad1',
    creator: CREATOR,
    deploymentHostname: d.url.replace(/\.vercel\.app$/, ''),
    name: d.name,
    plan: 'pro',
    private: true,
    readyState: d.readyState,
    target: d.target,
    type: 'LAMBDAS',
    url: d.url,
    userId: CREATOR.uid,
    meta: d.meta,
  });
  return {
    id: p.id,
    name: p.name,
    accountId: p.accountId,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    directoryListing: false,
    nodeVersion: '22.x',
    framework: null,
    autoAssignCustomDomains: true,
    resourceConfig: { functionDefaultRegions: ['iad1'] },
    defaultResourceConfig: { functionDefaultRegions: ['iad1'] },
    targets: production ? { production: target(production) } : {},
    latestDeployments: latest.slice(0, 5).map(target),
    lastAliasRequest: p.lastAliasRequest ?? null,
    env: p.env.map((e) => envJson(e, false)),
  };
}

/** An env variable; values of secret kinds are never read back unless decrypted. */
export function envJson(e: EnvVar, decrypt: boolean): Record<string, unknown> {
  const hidden = !decrypt && e.type !== 'plain';
  return {
    id: e.id,
    key: e.key,
    value: hidden ? '' : e.value,
    type: e.type,
    target: e.target,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    decrypted: !hidden && e.type !== 'plain',
  };
}
