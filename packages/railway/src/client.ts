/**
 * Typed Railway operations over the core HTTP client. GraphQL answers errors inside HTTP 200
 * bodies; they become clear user errors here ("Railway rejected the token …" when the token is
 * the problem), quoted, since Railway's words are outside text. Every HTTP attempt is counted,
 * so a test can see what a wait cost.
 */
import { UserError } from '@deploy-suite/core/errors';
import type { HttpClient, HttpResponse } from '@deploy-suite/core/http';
import type { SecretRegistry } from '@deploy-suite/core/secrets';
import { quote } from '@deploy-suite/core/untrusted';
import * as doc from './documents.ts';

export const DEFAULT_API_URL = 'https://backboard.railway.com';

export type Credential = { kind: 'project'; token: string } | { kind: 'account'; token: string };

export interface RailwayClientOptions {
  http: HttpClient;
  credential: Credential;
  /** The API's origin (`https://backboard.railway.com`, a proxy, or the sandbox). */
  apiUrl?: string;
  secrets?: Pick<SecretRegistry, 'scrub'>;
}

export interface DeploymentInfo {
  id: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  serviceId: string | null;
  environmentId: string;
  projectId: string;
  staticUrl: string | null;
  url: string | null;
  canRollback: boolean;
  deploymentStopped: boolean;
  meta: unknown;
}

export interface LogLine {
  timestamp: string;
  message: string;
  severity?: string | null;
}

export interface Named {
  id: string;
  name: string;
}

export interface ProjectInfo extends Named {
  environments: Named[];
  services: Named[];
}

export interface UpResult {
  deploymentId: string;
  url: string;
  logsUrl: string;
  deploymentDomain: string;
}

/** Railway said the credential is not good (for this resource). */
export class RailwayTokenError extends UserError {
  constructor(detail: string, kind: Credential['kind']) {
    super(`Railway rejected the token (${detail}).`, {
      hint:
        kind === 'project'
          ? 'Check the token secret: a project token works only for its own project and environment.'
          : 'Check the token secret: an account or workspace token must belong to a member of the project, and project-id must be right.',
    });
    this.name = 'RailwayTokenError';
  }
}

/** Railway answered the operation with errors (not about the token). */
export class RailwayApiError extends UserError {
  readonly operation: string;
  readonly messages: readonly string[];
  constructor(operation: string, messages: readonly string[], shown: string, hint?: string) {
    super(`Railway API ${operation} failed: ${shown}`, hint === undefined ? {} : { hint });
    this.name = 'RailwayApiError';
    this.operation = operation;
    this.messages = messages;
  }
}

const AUTH_MESSAGE = /not authori[sz]ed|unauthori[sz]ed|unauthenticated|invalid token|token (is )?(invalid|expired|not found)/i;

function operationName(document: string): string {
  return /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(document)?.[1] ?? 'operation';
}

/**
 * GraphQL goes over POST, which the HTTP client retries only when told it is safe. Reads are;
 * so are the mutations that set a state (the same call twice leaves the same state). A deploy,
 * redeploy or rollback is not: after a 5xx or a reset it may have happened, and a second one
 * would start another deployment, so it is retried only after a 429 or a refused connection
 * (which the client always retries: neither reached Railway).
 */
const REPEATABLE_MUTATIONS = new Set(['VariableCollectionUpsert', 'ServiceInstanceUpdate', 'DeploymentCancel']);

function safeToRepeat(document: string, operation: string): boolean {
  return /^\s*query\b/.test(document) || REPEATABLE_MUTATIONS.has(operation);
}

export class RailwayClient {
  readonly apiUrl: string;
  readonly credential: Credential;
  /** HTTP attempts this client made (GraphQL and uploads, retries included). */
  requests = 0;
  private readonly http: HttpClient;
  private readonly secrets: Pick<SecretRegistry, 'scrub'>;

  constructor(options: RailwayClientOptions) {
    this.http = options.http;
    this.credential = options.credential;
    this.apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
    this.secrets = options.secrets ?? { scrub: (text) => text };
  }

  get graphqlUrl(): string {
    return `${this.apiUrl}/graphql/v2`;
  }

  /** The same path over WebSocket, for subscriptions. */
  get subscriptionUrl(): string {
    return this.graphqlUrl.replace(/^http/, 'ws');
  }

  authHeaders(): Record<string, string> {
    return this.credential.kind === 'project'
      ? { 'Project-Access-Token': this.credential.token }
      : { Authorization: `Bearer ${this.credential.token}` };
  }

  /** Another client with another credential, sharing HTTP and the request count's owner. */
  withCredential(credential: Credential): RailwayClient {
    return new RailwayClient({ http: this.http, credential, apiUrl: this.apiUrl, secrets: this.secrets });
  }

  /** The same client over another HTTP client (one not bound to a cancelled run, to cancel). */
  withHttp(http: HttpClient): RailwayClient {
    return new RailwayClient({ http, credential: this.credential, apiUrl: this.apiUrl, secrets: this.secrets });
  }

  private async send(url: string, init: Parameters<HttpClient['request']>[1]): Promise<HttpResponse> {
    try {
      const response = await this.http.request(url, init);
      this.requests += response.attempts;
      return response;
    } catch (error) {
      this.requests += (error as { attempts?: number }).attempts ?? 1;
      throw error;
    }
  }

  async request<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
    const operation = operationName(document);
    const response = await this.send(this.graphqlUrl, {
      method: 'POST',
      json: { query: document, variables, operationName: operation },
      headers: this.authHeaders(),
      anyStatus: true,
      retryUnsafe: safeToRepeat(document, operation),
    });
    if (response.status === 401 || response.status === 403)
      throw new RailwayTokenError(`HTTP ${response.status}`, this.credential.kind);
    let body: { data?: T | null; errors?: Array<{ message?: unknown }> };
    try {
      body = JSON.parse(response.text) as typeof body;
    } catch {
      throw new UserError(
        `Railway API ${operation} answered ${response.status} with a body that is not JSON: ${quote(response.text, this.secrets)}`,
        { hint: 'Railway or a proxy in between is failing; it was retried. Try again later.' },
      );
    }
    const messages = (Array.isArray(body?.errors) ? body.errors : []).map((e) => String(e?.message ?? 'unknown error'));
    if (messages.length > 0) {
      const shown = messages.map((m) => quote(m, this.secrets)).join('; ');
      const auth = messages.find((m) => AUTH_MESSAGE.test(m));
      if (auth !== undefined) throw new RailwayTokenError(quote(auth, this.secrets), this.credential.kind);
      if (response.status === 400) {
        // The document itself was refused: our bug (the contract test should have caught it).
        throw new Error(`Railway refused the GraphQL document ${operation}: ${shown}`);
      }
      throw new RailwayApiError(
        operation,
        messages,
        shown,
        response.status === 429 ? 'Railway is rate limiting this token: wait, or spread the deploys out.' : undefined,
      );
    }
    if (response.status >= 400 || body?.data == null) {
      throw new UserError(
        `Railway API ${operation} answered ${response.status} without data: ${quote(response.text, this.secrets)}`,
      );
    }
    return body.data;
  }

  // --- reads ---------------------------------------------------------------------------------

  async projectToken(): Promise<{ projectId: string; environmentId: string; projectName: string; environmentName: string }> {
    const data = await this.request<{
      projectToken: { projectId: string; environmentId: string; project: Named; environment: Named };
    }>(doc.PROJECT_TOKEN);
    const t = data.projectToken;
    return {
      projectId: t.projectId,
      environmentId: t.environmentId,
      projectName: t.project.name,
      environmentName: t.environment.name,
    };
  }

  async project(id: string): Promise<ProjectInfo> {
    const data = await this.request<{
      project: {
        id: string;
        name: string;
        environments: { edges: Array<{ node: Named }> };
        services: { edges: Array<{ node: Named }> };
      };
    }>(doc.PROJECT, { id });
    const p = data.project;
    return {
      id: p.id,
      name: p.name,
      environments: p.environments.edges.map((e) => e.node),
      services: p.services.edges.map((e) => e.node),
    };
  }

  async deployments(filter: {
    projectId?: string;
    environmentId?: string;
    serviceId?: string;
    statusIn?: string[];
    first?: number;
  }): Promise<DeploymentInfo[]> {
    const input: Record<string, unknown> = {};
    if (filter.projectId) input.projectId = filter.projectId;
    if (filter.environmentId) input.environmentId = filter.environmentId;
    if (filter.serviceId) input.serviceId = filter.serviceId;
    if (filter.statusIn) input.status = { in: filter.statusIn };
    const data = await this.request<{ deployments: { edges: Array<{ node: DeploymentInfo }> } }>(doc.DEPLOYMENTS, {
      input,
      first: filter.first ?? 10,
    });
    return data.deployments.edges.map((e) => e.node);
  }

  /** The deployment serving a service now (SUCCESS or SLEEPING), if any. */
  async liveDeployment(serviceId: string, environmentId: string): Promise<DeploymentInfo | undefined> {
    const [live] = await this.deployments({ serviceId, environmentId, statusIn: ['SUCCESS', 'SLEEPING'], first: 1 });
    return live;
  }

  async deployment(id: string): Promise<DeploymentInfo> {
    return (await this.request<{ deployment: DeploymentInfo }>(doc.DEPLOYMENT, { id })).deployment;
  }

  /** The last `limit` build and deploy log lines, in one request. */
  async logs(deploymentId: string, limit = 500): Promise<{ build: LogLine[]; deploy: LogLine[] }> {
    const data = await this.request<{ buildLogs: LogLine[]; deploymentLogs: LogLine[] }>(doc.DEPLOYMENT_LOGS_SNAPSHOT, {
      deploymentId,
      limit,
    });
    return { build: data.buildLogs, deploy: data.deploymentLogs };
  }

  /** The service's public domain (a Railway domain first, else a custom one). */
  async domain(projectId: string, environmentId: string, serviceId: string): Promise<string | undefined> {
    const data = await this.request<{
      domains: { serviceDomains: Array<{ domain: string }>; customDomains: Array<{ domain: string }> };
    }>(doc.DOMAINS, { projectId, environmentId, serviceId });
    return data.domains.serviceDomains[0]?.domain ?? data.domains.customDomains[0]?.domain;
  }

  async variables(projectId: string, environmentId: string, serviceId?: string): Promise<Record<string, string>> {
    const data = await this.request<{ variables: Record<string, unknown> }>(doc.VARIABLES, {
      projectId,
      environmentId,
      serviceId: serviceId ?? null,
    });
    return Object.fromEntries(Object.entries(data.variables ?? {}).map(([k, v]) => [k, String(v)]));
  }

  // --- writes --------------------------------------------------------------------------------

  /** Deploys a service from its source: a commit of its repository, or its image. Returns the deployment id. */
  async deployServiceInstance(environmentId: string, serviceId: string, commitSha?: string): Promise<string> {
    const data = await this.request<{ serviceInstanceDeployV2: string }>(doc.SERVICE_INSTANCE_DEPLOY, {
      environmentId,
      serviceId,
      commitSha: commitSha ?? null,
    });
    return data.serviceInstanceDeployV2;
  }

  async redeploy(deploymentId: string): Promise<string> {
    return (await this.request<{ deploymentRedeploy: { id: string } }>(doc.DEPLOYMENT_REDEPLOY, { id: deploymentId }))
      .deploymentRedeploy.id;
  }

  /** Railway answers only a Boolean; the new deployment is found by listing. */
  async rollback(deploymentId: string): Promise<boolean> {
    return (await this.request<{ deploymentRollback: boolean }>(doc.DEPLOYMENT_ROLLBACK, { id: deploymentId }))
      .deploymentRollback;
  }

  async cancel(deploymentId: string): Promise<boolean> {
    return (await this.request<{ deploymentCancel: boolean }>(doc.DEPLOYMENT_CANCEL, { id: deploymentId })).deploymentCancel;
  }

  async restart(deploymentId: string): Promise<boolean> {
    return (await this.request<{ deploymentRestart: boolean }>(doc.DEPLOYMENT_RESTART, { id: deploymentId })).deploymentRestart;
  }

  async upsertVariables(init: {
    projectId: string;
    environmentId: string;
    serviceId?: string;
    variables: Record<string, string>;
    skipDeploys: boolean;
  }): Promise<void> {
    await this.request(doc.VARIABLE_COLLECTION_UPSERT, {
      input: {
        projectId: init.projectId,
        environmentId: init.environmentId,
        ...(init.serviceId ? { serviceId: init.serviceId } : {}),
        variables: init.variables,
        skipDeploys: init.skipDeploys,
      },
    });
  }

  async setImage(serviceId: string, environmentId: string, image: string): Promise<void> {
    await this.request(doc.SERVICE_INSTANCE_UPDATE, { serviceId, environmentId, input: { source: { image } } });
  }

  /** `railway up`'s upload: a gzipped tar of the tree, answered with the new deployment. */
  async up(init: {
    projectId: string;
    environmentId: string;
    serviceId: string;
    tarball: Uint8Array;
    message?: string;
    /** One attempt, in ms (default 5 minutes); the whole upload may take three times this. */
    timeout?: number;
  }): Promise<UpResult> {
    const query = new URLSearchParams({ serviceId: init.serviceId });
    if (init.message) query.set('message', init.message);
    const url = `${this.apiUrl}/project/${encodeURIComponent(init.projectId)}/environment/${encodeURIComponent(init.environmentId)}/up?${query}`;
    const response = await this.send(url, {
      method: 'POST',
      body: init.tarball,
      headers: { ...this.authHeaders(), 'Content-Type': 'application/gzip' },
      anyStatus: true,
      // A large tree on a slow link: an attempt may take minutes.
      timeout: init.timeout ?? 300_000,
      deadline: (init.timeout ?? 300_000) * 3,
    });
    if (response.status === 401 || response.status === 403)
      throw new RailwayTokenError(`HTTP ${response.status}`, this.credential.kind);
    const body = (() => {
      try {
        return JSON.parse(response.text) as Partial<UpResult> & { message?: string };
      } catch {
        return undefined;
      }
    })();
    if (response.status === 413) {
      throw new UserError(`Railway refused the upload as too large (${init.tarball.length} bytes gzipped).`, {
        hint: 'Leave build output and dependencies out with .railwayignore or .gitignore.',
      });
    }
    if (response.status !== 200 || !body?.deploymentId) {
      const why = body?.message ?? response.text;
      throw new UserError(`Railway refused the upload (HTTP ${response.status}): ${quote(why, this.secrets)}`);
    }
    return {
      deploymentId: body.deploymentId,
      url: body.url ?? '',
      logsUrl: body.logsUrl ?? '',
      deploymentDomain: body.deploymentDomain ?? '',
    };
  }
}
