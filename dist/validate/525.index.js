export const id = 525;
export const ids = [525];
export const modules = {

/***/ 8525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vercelSource: () => (/* binding */ vercelSource),
  vercelTarget: () => (/* binding */ vercelTarget)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/http.ts + 2 modules
var http = __webpack_require__(8454);
;// CONCATENATED MODULE: ./packages/vercel/src/api.ts
/**
 * Vercel's REST API through the core HTTP client (retries on 429 after `Retry-After`, 5xx and
 * network errors; a deadline; errors that name the request): deployments, projects, promotion,
 * rollback, aliases, cancel, env variables and build events. Every request carries the token as
 * `Authorization: Bearer` and, for a team, `?teamId=`.
 */


const DEFAULT_API_URL = 'https://api.vercel.com';
const str = (v) => (typeof v === 'string' ? v : undefined);
function notVercel(what, missing = 'no id') {
    return new errors/* UserError */.yo(`The Vercel API answered without ${what} (${missing}): this is not Vercel's answer.`, {
        hint: 'Check api-url: it must be https://api.vercel.com or a proxy that forwards to it.',
    });
}
/** A deployment from any of the API's shapes (`id` in v13, `uid` in the v6 list). */
function toDeployment(json) {
    const id = str(json.id) ?? str(json.uid);
    // An answer with no id is no deployment (a proxy's page, the wrong api-url): waiting on it, or
    // cancelling it, would act on nothing and report an empty name.
    if (!id)
        throw notVercel('a deployment');
    const meta = (json.meta ?? {});
    return {
        id,
        url: str(json.url) ?? '',
        name: str(json.name) ?? '',
        projectId: str(json.projectId),
        readyState: (str(json.readyState) ?? str(json.state) ?? 'QUEUED'),
        target: json.target === 'production' || json.target === 'staging' ? json.target : null,
        createdAt: Number(json.createdAt ?? json.created ?? 0),
        inspectorUrl: str(json.inspectorUrl),
        alias: Array.isArray(json.alias) ? json.alias : [],
        aliasAssigned: Boolean(json.aliasAssigned),
        aliasError: json.aliasError ?? null,
        errorCode: str(json.errorCode),
        errorMessage: str(json.errorMessage),
        meta: Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, String(v)])),
    };
}
function toProject(json) {
    const id = str(json.id);
    if (!id)
        throw notVercel('a project');
    const targets = (json.targets ?? {});
    const last = json.lastAliasRequest;
    return {
        id,
        name: str(json.name) ?? '',
        accountId: str(json.accountId) ?? '',
        productionDeploymentId: targets.production?.id ?? undefined,
        lastAliasRequest: last ?? undefined,
    };
}
class VercelApi {
    apiUrl;
    teamId;
    http;
    token;
    constructor(options) {
        this.http = options.http;
        this.token = options.token;
        this.teamId = options.teamId || undefined;
        this.apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
    }
    /** The URL of an API path with the query (and the team) appended. */
    url(path, query = {}) {
        const url = new URL(`${this.apiUrl}${path}`);
        for (const [k, v] of Object.entries(query))
            if (v !== undefined)
                url.searchParams.set(k, String(v));
        if (this.teamId)
            url.searchParams.set('teamId', this.teamId);
        return url.toString();
    }
    async call(method, path, options = {}) {
        const response = await this.http.request(this.url(path, options.query), {
            method,
            headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
            ...(options.json === undefined ? {} : { json: options.json }),
            ...(options.anyStatus ? { anyStatus: true } : {}),
            ...(options.retries === undefined ? {} : { retries: options.retries }),
            ...(options.retryUnsafe ? { retryUnsafe: true } : {}),
        });
        const body = (response.text.trim() === '' ? {} : response.json());
        return { status: response.status, body };
    }
    /** Stores one file under its SHA-1 (`x-now-digest`); storing it twice is harmless. */
    async uploadFile(sha, data, signal) {
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
    async getDeployment(idOrUrl) {
        const { body } = await this.call('GET', `/v13/deployments/${encodeURIComponent(idOrUrl)}`);
        return toDeployment(body);
    }
    async listDeployments(query = {}) {
        const { body } = await this.call('GET', '/v6/deployments', {
            query: { projectId: query.projectId, target: query.target, state: query.state, limit: query.limit, until: query.until },
        });
        return {
            deployments: (body.deployments ?? []).map(toDeployment),
            next: body.pagination?.next ?? undefined,
        };
    }
    /** The first deployment, newest first, that matches; follows pages up to `maxPages`. */
    async findDeployment(query, matches, maxPages = 10) {
        let until = query.until;
        for (let page = 0; page < maxPages; page++) {
            const result = await this.listDeployments({ ...query, ...(until === undefined ? {} : { until }) });
            const found = result.deployments.find(matches);
            if (found)
                return found;
            if (result.next === undefined)
                return undefined;
            until = result.next;
        }
        return undefined;
    }
    async getProject(idOrName) {
        const { body } = await this.call('GET', `/v9/projects/${encodeURIComponent(idOrName)}`);
        return toProject(body);
    }
    /** Points the production domains at a deployment (`vercel promote`); the switch runs as a job. */
    async promote(projectId, deploymentId) {
        await this.call('POST', `/v10/projects/${encodeURIComponent(projectId)}/promote/${encodeURIComponent(deploymentId)}`);
    }
    /**
     * Instant rollback to an earlier production deployment. `/v9/…/rollback` is what the Vercel CLI
     * calls (not in the public OpenAPI document); `/v1/…/rollback` is the documented newer route,
     * tried when v9 answers 404.
     */
    async rollback(projectId, deploymentId) {
        const path = (version) => `/${version}/projects/${encodeURIComponent(projectId)}/rollback/${encodeURIComponent(deploymentId)}`;
        try {
            await this.call('POST', path('v9'));
        }
        catch (error) {
            if (!(error instanceof http/* HttpError */.j$) || error.status !== 404)
                throw error;
            await this.call('POST', path('v1'));
        }
    }
    async assignAlias(deploymentId, alias) {
        const { body } = await this.call('POST', `/v2/deployments/${encodeURIComponent(deploymentId)}/aliases`, {
            json: { alias },
            // Assigning an alias to the deployment that has it is a no-op: safe to repeat.
            retryUnsafe: true,
        });
        return { alias: str(body.alias) ?? alias, oldDeploymentId: str(body.oldDeploymentId) };
    }
    async cancel(deploymentId) {
        const { body } = await this.call('PATCH', `/v12/deployments/${encodeURIComponent(deploymentId)}/cancel`);
        return toDeployment(body);
    }
    async listEnv(projectIdOrName) {
        const { body } = await this.call('GET', `/v10/projects/${encodeURIComponent(projectIdOrName)}/env`);
        // The documented answers: `{ envs: [...] }` (with or without pagination), or one variable.
        // Anything else (a proxy's page) must not read as "no variables set".
        const envs = Array.isArray(body.envs) ? body.envs : str(body.key) !== undefined ? [body] : undefined;
        if (!envs)
            throw notVercel('the project variables', 'no envs');
        return envs.map((e) => ({
            id: str(e.id) ?? '',
            key: str(e.key) ?? '',
            type: str(e.type) ?? '',
            // `target` is a list, or one target as a string.
            target: Array.isArray(e.target) ? e.target : typeof e.target === 'string' ? [e.target] : [],
        }));
    }
    /** Creates or updates project variables (encrypted) for the given targets. */
    async upsertEnv(projectIdOrName, variables, target) {
        if (variables.length === 0)
            return;
        await this.call('POST', `/v10/projects/${encodeURIComponent(projectIdOrName)}/env`, {
            query: { upsert: 'true' },
            retryUnsafe: true,
            json: variables.map((v) => ({ key: v.key, value: v.value, type: 'encrypted', target: [...target] })),
        });
    }
    /** The last `limit` lines of the deployment's build output, oldest first. */
    async buildLogs(idOrUrl, limit = 30) {
        const { body } = await this.call('GET', `/v3/deployments/${encodeURIComponent(idOrUrl)}/events`, { query: { direction: 'backward', limit: Math.max(limit * 2, 50), builds: 1 } });
        const lines = (Array.isArray(body) ? body : [])
            .filter((e) => e.type === 'stdout' || e.type === 'stderr' || e.type === 'command')
            .map((e) => e.payload?.text ?? e.text ?? '')
            .flatMap((text) => text.split(/\r?\n/))
            .filter((line) => line.trim() !== '');
        return lines.slice(-limit);
    }
}

;// CONCATENATED MODULE: ./actions/validate/src/source-vercel.ts
/**
 * `vercel`: the project's environment variables for the target the environment maps to
 * (`production`, `development`, else `preview`), through the Vercel client. Vercel lists a
 * variable's name and targets but keeps its value encrypted, so this source gives presence only:
 * a missing variable is found; value rules are checked on the sources that give values.
 */


function vercelTarget(environment) {
    return environment === 'production' || environment === 'development' ? environment : 'preview';
}
function vercelSource(options, ctx) {
    const target = vercelTarget(options.environment);
    return {
        name: `vercel:${options.project} (${target})`,
        service: options.project,
        async read() {
            const token = options.token ?? ctx.env.VERCEL_TOKEN?.trim();
            if (!token) {
                throw new errors/* UserError */.yo("No Vercel token: set the 'vercel-token' input.", {
                    hint: 'Pass it from a secret: vercel-token: ${{ secrets.VERCEL_TOKEN }}',
                });
            }
            ctx.runner.setSecret(token);
            const http = ctx.http({ service: 'Vercel API', timeout: 30_000, deadline: 120_000 });
            const api = new VercelApi({ http, token, teamId: options.teamId, apiUrl: options.apiUrl });
            // The project first: the client refuses an answer without its id, where an env list without
            // `envs` (a proxy's page, a redirect to another site) would read as "no variables set".
            await api.getProject(options.project);
            const variables = await api.listEnv(options.project);
            const present = new Set(variables.filter((v) => v.target.includes(target)).map((v) => v.key));
            return { values: new Map(), present };
        },
    };
}


/***/ })

};
