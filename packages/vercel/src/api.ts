/**
 * Vercel's REST API through the core HTTP client (retries on 429 after `Retry-After`, 5xx and
 * network errors; a deadline; errors that name the request): deployments, projects, promotion,
 * rollback, aliases, cancel, env variables and build events. Every request carries the token as
 * `Authorization: Bearer` and, for a team, `?teamId=`.
 */
import { UserError } from '@deploy-suite/core/errors';
import { type HttpClient, HttpError, type RequestOptions } from '@deploy-suite/core/http';
import type { EnvVariable, ReadyState, VercelDeployment, VercelProject } from './types.ts';

export const DEFAULT_API_URL = 'https://api.vercel.com';

export interface VercelApiOptions {
  http: HttpClient;
  token: string;
  teamId?: string | undefined;
  apiUrl?: string | undefined;
}

export interface ListQuery {
  projectId?: string;
  target?: 'production' | 'preview';
  /** Comma-separated ready states, e.g. `READY`. */
  state?: string;
  limit?: number;
  /** Only deployments created before this time (epoch ms): the next page. */
  until?: number;
}

export interface DeploymentPage {
  deployments: VercelDeployment[];
  /** Pass as `until` for the next page; undefined on the last one. */
  next: number | undefined;
}

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function notVercel(what: string, missing = 'no id'): UserError {
  return new UserError(`The Vercel API answered without ${what} (${missing}): this is not Vercel's answer.`, {
    hint: 'Check api-url: it must be https://api.vercel.com or a proxy that forwards to it.',
  });
}

/** A deployment from any of the API's shapes (`id` in v13, `uid` in the v6 list). */
export function toDeployment(json: Json): VercelDeployment {
  const id = str(json.id) ?? str(json.uid);
  // An answer with no id is no deployment (a proxy's page, the wrong api-url): waiting on it, or
  // cancelling it, would act on nothing and report an empty name.
  if (!id) throw notVercel('a deployment');
  const meta = (json.meta ?? {}) as Record<string, unknown>;
  return {
    id,
    url: str(json.url) ?? '',
    name: str(json.name) ?? '',
    projectId: str(json.projectId),
    readyState: (str(json.readyState) ?? str(json.state) ?? 'QUEUED') as ReadyState,
    target: json.target === 'production' || json.target === 'staging' ? json.target : null,
    createdAt: Number(json.createdAt ?? json.created ?? 0),
    inspectorUrl: str(json.inspectorUrl),
    alias: Array.isArray(json.alias) ? (json.alias as string[]) : [],
    aliasAssigned: Boolean(json.aliasAssigned),
    aliasError: (json.aliasError as VercelDeployment['aliasError']) ?? null,
    errorCode: str(json.errorCode),
    errorMessage: str(json.errorMessage),
    meta: Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, String(v)])),
  };
}

export function toProject(json: Json): VercelProject {
  const id = str(json.id);
  if (!id) throw notVercel('a project');
  const targets = (json.targets ?? {}) as Record<string, { id?: string } | null>;
  const last = json.lastAliasRequest as VercelProject['lastAliasRequest'] | null;
  return {
    id,
    name: str(json.name) ?? '',
    accountId: str(json.accountId) ?? '',
    productionDeploymentId: targets.production?.id ?? undefined,
    lastAliasRequest: last ?? undefined,
  };
}

export class VercelApi {
  readonly apiUrl: string;
  readonly teamId: string | undefined;
  private readonly http: HttpClient;
  private readonly token: string;

  constructor(options: VercelApiOptions) {
    this.http = options.http;
    this.token = options.token;
    this.teamId = options.teamId || undefined;
    this.apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  }

  /** The URL of an API path with the query (and the team) appended. */
  url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const url = new URL(`${this.apiUrl}${path}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    if (this.teamId) url.searchParams.set('teamId', this.teamId);
    return url.toString();
  }

  private async call<T = Json>(
    method: string,
    path: string,
    options: { query?: Record<string, string | number | undefined>; json?: unknown } & Pick<
      RequestOptions,
      'anyStatus' | 'retries' | 'retryUnsafe'
    > = {},
  ): Promise<{ status: number; body: T }> {
    const response = await this.http.request(this.url(path, options.query), {
      method,
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
      ...(options.json === undefined ? {} : { json: options.json }),
      ...(options.anyStatus ? { anyStatus: true } : {}),
      ...(options.retries === undefined ? {} : { retries: options.retries }),
      ...(options.retryUnsafe ? { retryUnsafe: true } : {}),
    });
    const body = (response.text.trim() === '' ? {} : response.json<T>()) as T;
    return { status: response.status, body };
  }

  /** Stores one file under its SHA-1 (`x-now-digest`); storing it twice is harmless. */
  async uploadFile(sha: string, data: Uint8Array, signal?: AbortSignal): Promise<void> {
    await this.http.request(this.url('/v2/files'), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.token}`,
        'content-type': 'application/octet-stream',
        'x-now-digest': sha,
        'x-now-size': String(data.byteLength),
      },
      body: data,
      // Content-addressed: storing the same file twice is harmless, so a failed upload is retried.
      retryUnsafe: true,
      ...(signal ? { signal } : {}),
    });
  }

  async getDeployment(idOrUrl: string): Promise<VercelDeployment> {
    const { body } = await this.call('GET', `/v13/deployments/${encodeURIComponent(idOrUrl)}`);
    return toDeployment(body);
  }

  async listDeployments(query: ListQuery = {}): Promise<DeploymentPage> {
    const { body } = await this.call<{ deployments?: Json[]; pagination?: { next?: number | null } }>('GET', '/v6/deployments', {
      query: { projectId: query.projectId, target: query.target, state: query.state, limit: query.limit, until: query.until },
    });
    return {
      deployments: (body.deployments ?? []).map(toDeployment),
      next: body.pagination?.next ?? undefined,
    };
  }

  /** The first deployment, newest first, that matches; follows pages up to `maxPages`. */
  async findDeployment(
    query: ListQuery,
    matches: (d: VercelDeployment) => boolean,
    maxPages = 10,
  ): Promise<VercelDeployment | undefined> {
    let until = query.until;
    for (let page = 0; page < maxPages; page++) {
      const result = await this.listDeployments({ ...query, ...(until === undefined ? {} : { until }) });
      const found = result.deployments.find(matches);
      if (found) return found;
      if (result.next === undefined) return undefined;
      until = result.next;
    }
    return undefined;
  }

  async getProject(idOrName: string): Promise<VercelProject> {
    const { body } = await this.call('GET', `/v9/projects/${encodeURIComponent(idOrName)}`);
    return toProject(body);
  }

  /** Points the production domains at a deployment (`vercel promote`); the switch runs as a job. */
  async promote(projectId: string, deploymentId: string): Promise<void> {
    await this.call('POST', `/v10/projects/${encodeURIComponent(projectId)}/promote/${encodeURIComponent(deploymentId)}`);
  }

  /**
   * Instant rollback to an earlier production deployment. `/v9/…/rollback` is what the Vercel CLI
   * calls (not in the public OpenAPI document); `/v1/…/rollback` is the documented newer route,
   * tried when v9 answers 404.
   */
  async rollback(projectId: string, deploymentId: string): Promise<void> {
    const path = (version: string) =>
      `/${version}/projects/${encodeURIComponent(projectId)}/rollback/${encodeURIComponent(deploymentId)}`;
    try {
      await this.call('POST', path('v9'));
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 404) throw error;
      await this.call('POST', path('v1'));
    }
  }

  async assignAlias(deploymentId: string, alias: string): Promise<{ alias: string; oldDeploymentId: string | undefined }> {
    const { body } = await this.call('POST', `/v2/deployments/${encodeURIComponent(deploymentId)}/aliases`, {
      json: { alias },
      // Assigning an alias to the deployment that has it is a no-op: safe to repeat.
      retryUnsafe: true,
    });
    return { alias: str(body.alias) ?? alias, oldDeploymentId: str(body.oldDeploymentId) };
  }

  async cancel(deploymentId: string): Promise<VercelDeployment> {
    const { body } = await this.call('PATCH', `/v12/deployments/${encodeURIComponent(deploymentId)}/cancel`);
    return toDeployment(body);
  }

  async listEnv(projectIdOrName: string): Promise<EnvVariable[]> {
    const { body } = await this.call<Json>('GET', `/v10/projects/${encodeURIComponent(projectIdOrName)}/env`);
    // The documented answers: `{ envs: [...] }` (with or without pagination), or one variable.
    // Anything else (a proxy's page) must not read as "no variables set".
    const envs = Array.isArray(body.envs) ? (body.envs as Json[]) : str(body.key) !== undefined ? [body] : undefined;
    if (!envs) throw notVercel('the project variables', 'no envs');
    return envs.map((e) => ({
      id: str(e.id) ?? '',
      key: str(e.key) ?? '',
      type: str(e.type) ?? '',
      // `target` is a list, or one target as a string.
      target: Array.isArray(e.target) ? (e.target as string[]) : typeof e.target === 'string' ? [e.target] : [],
    }));
  }

  /** Creates or updates project variables (encrypted) for the given targets. */
  async upsertEnv(
    projectIdOrName: string,
    variables: ReadonlyArray<{ key: string; value: string }>,
    target: ReadonlyArray<'production' | 'preview' | 'development'>,
  ): Promise<void> {
    if (variables.length === 0) return;
    await this.call('POST', `/v10/projects/${encodeURIComponent(projectIdOrName)}/env`, {
      query: { upsert: 'true' },
      retryUnsafe: true,
      json: variables.map((v) => ({ key: v.key, value: v.value, type: 'encrypted', target: [...target] })),
    });
  }

  /** The last `limit` lines of the deployment's build output, oldest first. */
  async buildLogs(idOrUrl: string, limit = 30): Promise<string[]> {
    const { body } = await this.call<Array<{ type?: string; payload?: { text?: string }; text?: string }>>(
      'GET',
      `/v3/deployments/${encodeURIComponent(idOrUrl)}/events`,
      { query: { direction: 'backward', limit: Math.max(limit * 2, 50), builds: 1 } },
    );
    const lines = (Array.isArray(body) ? body : [])
      .filter((e) => e.type === 'stdout' || e.type === 'stderr' || e.type === 'command')
      .map((e) => e.payload?.text ?? e.text ?? '')
      .flatMap((text) => text.split(/\r?\n/))
      .filter((line) => line.trim() !== '');
    return lines.slice(-limit);
  }
}
