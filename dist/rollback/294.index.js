export const id = 294;
export const ids = [294];
export const modules = {

/***/ 2294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollbackRailway: () => (/* binding */ rollbackRailway)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/http.ts + 2 modules
var http = __webpack_require__(8454);
// EXTERNAL MODULE: ./packages/core/src/poll.ts
var poll = __webpack_require__(9908);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(3023);
// EXTERNAL MODULE: ./packages/railway/src/status.ts
var src_status = __webpack_require__(2541);
;// CONCATENATED MODULE: ./actions/rollback/src/logs.ts

/** How many of a failed deployment's last lines the error and the summary quote. */
const TAIL_LINES = 30;
class ServiceLog {
    lines = [];
    runner;
    service;
    live;
    stream;
    constructor(runner, service, live) {
        this.runner = runner;
        this.service = service;
        this.live = live;
    }
    add(kind, message) {
        const text = `${kind === 'build' ? '[build] ' : '[deploy] '}${message.replace(/\r?\n$/, '')}`;
        this.lines.push(text);
        if (!this.live)
            return;
        this.stream ??= new untrusted/* UntrustedStream */.D5(this.runner);
        this.stream.line(text);
    }
    /** Ends the live block (lines written after it would be outside it). */
    finish() {
        this.stream?.close();
        this.stream = undefined;
    }
    /** With several services: the kept lines, in a group of their own (outside any other group). */
    showKept() {
        if (this.live || this.lines.length === 0)
            return;
        this.runner.startGroup(`Logs of ${this.service}`);
        const stream = new untrusted/* UntrustedStream */.D5(this.runner);
        for (const line of this.lines)
            stream.line(`[${this.service}] ${line}`);
        stream.close();
        this.runner.endGroup();
    }
    tail(count = TAIL_LINES) {
        return this.lines.slice(-count);
    }
}

;// CONCATENATED MODULE: ./actions/rollback/src/provenance.ts
/** Whether any value in `meta`, at any depth, is exactly `id`. */
function references(meta, id, depth = 0) {
    if (depth > 4 || meta === null || meta === undefined)
        return false;
    if (typeof meta === 'string')
        return meta === id;
    if (Array.isArray(meta))
        return meta.some((v) => references(v, id, depth + 1));
    if (typeof meta === 'object')
        return Object.values(meta).some((v) => references(v, id, depth + 1));
    return false;
}
const SOURCE_KEYS = ['commitHash', 'image'];
function field(meta, key) {
    if (!meta || typeof meta !== 'object' || Array.isArray(meta))
        return undefined;
    const value = meta[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function provenance(created, target) {
    if (references(created.meta, target.id))
        return 'confirmed';
    let same = false;
    for (const key of SOURCE_KEYS) {
        const a = field(created.meta, key);
        const b = field(target.meta, key);
        if (a !== undefined && b !== undefined) {
            if (a !== b)
                return 'contradicted';
            same = true;
        }
    }
    return same ? 'confirmed' : 'unknown';
}

;// CONCATENATED MODULE: ./actions/rollback/src/railway-plan.ts

const newestFirst = (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
/** The deployment serving now: the newest SUCCESS or SLEEPING one. */
function liveOf(deployments) {
    return [...deployments].sort(newestFirst).find((d) => d.status === 'SUCCESS' || d.status === 'SLEEPING');
}
function planService(input) {
    const sorted = [...input.deployments].sort(newestFirst);
    const live = liveOf(sorted);
    const name = input.service.name;
    const refuse = (refusal) => ({ ok: false, live, refusal });
    if (input.requestedId !== undefined) {
        const d = input.requested;
        const id = input.requestedId;
        if (!d)
            return refuse(`${name}: Railway does not show deployment ${id} to this token: it does not exist, or it belongs to another project or environment.`);
        if (d.projectId !== input.projectId)
            return refuse(`${name}: deployment ${id} belongs to another project (${d.projectId}).`);
        if (d.environmentId !== input.environment.id)
            return refuse(`${name}: deployment ${id} belongs to another environment, not ${input.environment.name}.`);
        if (d.serviceId !== input.service.id) {
            const owner = d.serviceId ? (input.serviceNames.get(d.serviceId) ?? d.serviceId) : 'no service';
            return refuse(`${name}: deployment ${id} belongs to service ${owner}, not ${name}.`);
        }
        if (live?.id === d.id)
            return refuse(`${name}: deployment ${id} is already live; there is nothing to roll back.`);
        if (!d.canRollback)
            return refuse(`${name}: deployment ${id} is ${d.status} and cannot be rolled back to (Railway restores only deployments that went live).`);
        return { ok: true, live, target: d };
    }
    if (sorted.length === 0)
        return refuse(`${name}: nothing was ever deployed in ${input.environment.name}; there is nothing to roll back to.`);
    const liveAt = live ? Date.parse(live.createdAt) : Number.POSITIVE_INFINITY;
    const target = sorted.find((d) => d.id !== live?.id &&
        d.canRollback &&
        Date.parse(d.createdAt) < liveAt &&
        // The live deployment may itself be a rollback to this one: going "back" to it changes nothing.
        !(live && references(live.meta, d.id)));
    if (!target)
        return refuse(sorted.length === 1
            ? `${name}: only one release was ever deployed in ${input.environment.name}; there is no earlier release to roll back to.`
            : `${name}: no earlier good release in ${input.environment.name}: none of the ${sorted.length - (live ? 1 : 0)} other deployments older than the live one went live and can be rolled back to.`);
    return { ok: true, live, target };
}

// EXTERNAL MODULE: ./packages/railway/src/documents.ts
var documents = __webpack_require__(4357);
;// CONCATENATED MODULE: ./packages/railway/src/client.ts
/**
 * Typed Railway operations over the core HTTP client. GraphQL answers errors inside HTTP 200
 * bodies; they become clear user errors here ("Railway rejected the token …" when the token is
 * the problem), quoted, since Railway's words are outside text. Every HTTP attempt is counted,
 * so a test can see what a wait cost.
 */



const DEFAULT_API_URL = 'https://backboard.railway.com';
/** Railway said the credential is not good (for this resource). */
class RailwayTokenError extends errors/* UserError */.yo {
    constructor(detail, kind) {
        super(`Railway rejected the token (${detail}).`, {
            hint: kind === 'project'
                ? 'Check the token secret: a project token works only for its own project and environment.'
                : 'Check the token secret: an account or workspace token must belong to a member of the project, and project-id must be right.',
        });
        this.name = 'RailwayTokenError';
    }
}
/** Railway answered the operation with errors (not about the token). */
class RailwayApiError extends errors/* UserError */.yo {
    operation;
    messages;
    constructor(operation, messages, shown, hint) {
        super(`Railway API ${operation} failed: ${shown}`, hint === undefined ? {} : { hint });
        this.name = 'RailwayApiError';
        this.operation = operation;
        this.messages = messages;
    }
}
const AUTH_MESSAGE = /not authori[sz]ed|unauthori[sz]ed|unauthenticated|invalid token|token (is )?(invalid|expired|not found)/i;
function operationName(document) {
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
function safeToRepeat(document, operation) {
    return /^\s*query\b/.test(document) || REPEATABLE_MUTATIONS.has(operation);
}
class RailwayClient {
    apiUrl;
    credential;
    /** HTTP attempts this client made (GraphQL and uploads, retries included). */
    requests = 0;
    http;
    secrets;
    constructor(options) {
        this.http = options.http;
        this.credential = options.credential;
        this.apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
        this.secrets = options.secrets ?? { scrub: (text) => text };
    }
    get graphqlUrl() {
        return `${this.apiUrl}/graphql/v2`;
    }
    /** The same path over WebSocket, for subscriptions. */
    get subscriptionUrl() {
        return this.graphqlUrl.replace(/^http/, 'ws');
    }
    authHeaders() {
        return this.credential.kind === 'project'
            ? { 'Project-Access-Token': this.credential.token }
            : { Authorization: `Bearer ${this.credential.token}` };
    }
    /** Another client with another credential, sharing HTTP and the request count's owner. */
    withCredential(credential) {
        return new RailwayClient({ http: this.http, credential, apiUrl: this.apiUrl, secrets: this.secrets });
    }
    /** The same client over another HTTP client (one not bound to a cancelled run, to cancel). */
    withHttp(http) {
        return new RailwayClient({ http, credential: this.credential, apiUrl: this.apiUrl, secrets: this.secrets });
    }
    async send(url, init) {
        try {
            const response = await this.http.request(url, init);
            this.requests += response.attempts;
            return response;
        }
        catch (error) {
            this.requests += error.attempts ?? 1;
            throw error;
        }
    }
    async request(document, variables = {}) {
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
        let body;
        try {
            body = JSON.parse(response.text);
        }
        catch {
            throw new errors/* UserError */.yo(`Railway API ${operation} answered ${response.status} with a body that is not JSON: ${(0,untrusted/* quote */.hD)(response.text, this.secrets)}`, { hint: 'Railway or a proxy in between is failing; it was retried. Try again later.' });
        }
        const messages = (Array.isArray(body?.errors) ? body.errors : []).map((e) => String(e?.message ?? 'unknown error'));
        if (messages.length > 0) {
            const shown = messages.map((m) => (0,untrusted/* quote */.hD)(m, this.secrets)).join('; ');
            const auth = messages.find((m) => AUTH_MESSAGE.test(m));
            if (auth !== undefined)
                throw new RailwayTokenError((0,untrusted/* quote */.hD)(auth, this.secrets), this.credential.kind);
            if (response.status === 400) {
                // The document itself was refused: our bug (the contract test should have caught it).
                throw new Error(`Railway refused the GraphQL document ${operation}: ${shown}`);
            }
            throw new RailwayApiError(operation, messages, shown, response.status === 429 ? 'Railway is rate limiting this token: wait, or spread the deploys out.' : undefined);
        }
        if (response.status >= 400 || body?.data == null) {
            throw new errors/* UserError */.yo(`Railway API ${operation} answered ${response.status} without data: ${(0,untrusted/* quote */.hD)(response.text, this.secrets)}`);
        }
        return body.data;
    }
    // --- reads ---------------------------------------------------------------------------------
    async projectToken() {
        const data = await this.request(documents/* PROJECT_TOKEN */.e6);
        const t = data.projectToken;
        return {
            projectId: t.projectId,
            environmentId: t.environmentId,
            projectName: t.project.name,
            environmentName: t.environment.name,
        };
    }
    async project(id) {
        const data = await this.request(documents/* PROJECT */.yl, { id });
        const p = data.project;
        return {
            id: p.id,
            name: p.name,
            environments: p.environments.edges.map((e) => e.node),
            services: p.services.edges.map((e) => e.node),
        };
    }
    async deployments(filter) {
        const input = {};
        if (filter.projectId)
            input.projectId = filter.projectId;
        if (filter.environmentId)
            input.environmentId = filter.environmentId;
        if (filter.serviceId)
            input.serviceId = filter.serviceId;
        if (filter.statusIn)
            input.status = { in: filter.statusIn };
        const data = await this.request(documents/* DEPLOYMENTS */.$i, {
            input,
            first: filter.first ?? 10,
        });
        return data.deployments.edges.map((e) => e.node);
    }
    /** The deployment serving a service now (SUCCESS or SLEEPING), if any. */
    async liveDeployment(serviceId, environmentId) {
        const [live] = await this.deployments({ serviceId, environmentId, statusIn: ['SUCCESS', 'SLEEPING'], first: 1 });
        return live;
    }
    async deployment(id) {
        return (await this.request(documents/* DEPLOYMENT */.uH, { id })).deployment;
    }
    /** The last `limit` build and deploy log lines, in one request. */
    async logs(deploymentId, limit = 500) {
        const data = await this.request(documents/* DEPLOYMENT_LOGS_SNAPSHOT */.V, {
            deploymentId,
            limit,
        });
        return { build: data.buildLogs, deploy: data.deploymentLogs };
    }
    /** The service's public domain (a Railway domain first, else a custom one). */
    async domain(projectId, environmentId, serviceId) {
        const data = await this.request(documents/* DOMAINS */.si, { projectId, environmentId, serviceId });
        return data.domains.serviceDomains[0]?.domain ?? data.domains.customDomains[0]?.domain;
    }
    async variables(projectId, environmentId, serviceId) {
        const data = await this.request(documents/* VARIABLES */.ut, {
            projectId,
            environmentId,
            serviceId: serviceId ?? null,
        });
        return Object.fromEntries(Object.entries(data.variables ?? {}).map(([k, v]) => [k, String(v)]));
    }
    // --- writes --------------------------------------------------------------------------------
    /** Deploys a service from its source: a commit of its repository, or its image. Returns the deployment id. */
    async deployServiceInstance(environmentId, serviceId, commitSha) {
        const data = await this.request(documents/* SERVICE_INSTANCE_DEPLOY */._w, {
            environmentId,
            serviceId,
            commitSha: commitSha ?? null,
        });
        return data.serviceInstanceDeployV2;
    }
    async redeploy(deploymentId) {
        return (await this.request(documents/* DEPLOYMENT_REDEPLOY */.P$, { id: deploymentId }))
            .deploymentRedeploy.id;
    }
    /** Railway answers only a Boolean; the new deployment is found by listing. */
    async rollback(deploymentId) {
        return (await this.request(documents/* DEPLOYMENT_ROLLBACK */.BN, { id: deploymentId }))
            .deploymentRollback;
    }
    async cancel(deploymentId) {
        return (await this.request(documents/* DEPLOYMENT_CANCEL */.zz, { id: deploymentId })).deploymentCancel;
    }
    async restart(deploymentId) {
        return (await this.request(documents/* DEPLOYMENT_RESTART */.an, { id: deploymentId })).deploymentRestart;
    }
    async upsertVariables(init) {
        await this.request(documents/* VARIABLE_COLLECTION_UPSERT */.cH, {
            input: {
                projectId: init.projectId,
                environmentId: init.environmentId,
                ...(init.serviceId ? { serviceId: init.serviceId } : {}),
                variables: init.variables,
                skipDeploys: init.skipDeploys,
            },
        });
    }
    async setImage(serviceId, environmentId, image) {
        await this.request(documents/* SERVICE_INSTANCE_UPDATE */.o0, { serviceId, environmentId, input: { source: { image } } });
    }
    /** `railway up`'s upload: a gzipped tar of the tree, answered with the new deployment. */
    async up(init) {
        const query = new URLSearchParams({ serviceId: init.serviceId });
        if (init.message)
            query.set('message', init.message);
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
                return JSON.parse(response.text);
            }
            catch {
                return undefined;
            }
        })();
        if (response.status === 413) {
            throw new errors/* UserError */.yo(`Railway refused the upload as too large (${init.tarball.length} bytes gzipped).`, {
                hint: 'Leave build output and dependencies out with .railwayignore or .gitignore.',
            });
        }
        if (response.status !== 200 || !body?.deploymentId) {
            const why = body?.message ?? response.text;
            throw new errors/* UserError */.yo(`Railway refused the upload (HTTP ${response.status}): ${(0,untrusted/* quote */.hD)(why, this.secrets)}`);
        }
        return {
            deploymentId: body.deploymentId,
            url: body.url ?? '',
            logsUrl: body.logsUrl ?? '',
            deploymentDomain: body.deploymentDomain ?? '',
        };
    }
}

;// CONCATENATED MODULE: ./packages/railway/src/credentials.ts
/**
 * Which Railway credential a step uses, and what it can reach. A project token (the
 * `Project-Access-Token` header) belongs to one project and one environment; an account or
 * workspace token (`Authorization: Bearer`) reaches every project of its owner. The `token`
 * input can hold either: the `projectToken` query tells them apart. Without the input, the
 * variables the CLI reads are used: `RAILWAY_TOKEN` (project) or `RAILWAY_API_TOKEN` (account);
 * both at once is refused, rather than silently preferring one as the CLI does.
 */


function chooseToken(input, env) {
    const project = env.RAILWAY_TOKEN?.trim();
    const account = env.RAILWAY_API_TOKEN?.trim();
    if (project && account) {
        throw new errors/* UserError */.yo('Both RAILWAY_TOKEN (a project token) and RAILWAY_API_TOKEN (an account token) are set; Railway would use one and ignore the other.', {
            hint: 'Keep one: a project token for one environment, or an account or workspace token with project-id.',
        });
    }
    if (input)
        return { token: input, kind: 'detect', source: "input 'token'" };
    if (project)
        return { token: project, kind: 'project', source: 'RAILWAY_TOKEN' };
    if (account)
        return { token: account, kind: 'account', source: 'RAILWAY_API_TOKEN' };
    throw new errors/* UserError */.yo("No Railway token: set the 'token' input (a project, account or workspace token).", {
        hint: 'Pass it from a secret: token: ${{ secrets.RAILWAY_TOKEN }}',
    });
}
/**
 * A client with the right credential, and what the token is scoped to. A project token is
 * confirmed by the API (one request); a token given to `token` that is not a project token is
 * taken as an account or workspace token, which the first project read then confirms.
 */
async function connect(init) {
    const base = { http: init.http, secrets: init.secrets, ...(init.apiUrl ? { apiUrl: init.apiUrl } : {}) };
    const { token, kind } = init.choice;
    if (kind === 'account')
        return { client: new RailwayClient({ ...base, credential: { kind, token } }), session: { kind } };
    const asProject = new RailwayClient({ ...base, credential: { kind: 'project', token } });
    try {
        const scope = await asProject.projectToken();
        return { client: asProject, session: { kind: 'project', ...scope } };
    }
    catch (error) {
        if (!(error instanceof RailwayTokenError) || kind === 'project')
            throw error;
        const asAccount = asProject.withCredential({ kind: 'account', token });
        asAccount.requests = asProject.requests;
        return { client: asAccount, session: { kind: 'account' } };
    }
}

;// CONCATENATED MODULE: ./packages/railway/src/lookup.ts
/**
 * Environments and services named by name or id, as users write them in workflows. A name that
 * matches nothing is an error listing what the project has, so the fix is one look away.
 */

function describe(items) {
    return items.length === 0 ? 'none' : items.map((i) => `${i.name} (${i.id})`).join(', ');
}
function findNamed(kind, wanted, project, input) {
    const items = kind === 'environment' ? project.environments : project.services;
    const found = items.find((i) => i.id === wanted) ??
        items.find((i) => i.name === wanted) ??
        (() => {
            const folded = items.filter((i) => i.name.toLowerCase() === wanted.toLowerCase());
            return folded.length === 1 ? folded[0] : undefined;
        })();
    if (found)
        return found;
    throw new errors/* UserError */.yo(`Input '${input}': no ${kind} ${JSON.stringify(wanted)} in project ${JSON.stringify(project.name)}; its ${kind}s are: ${describe(items)}.`, {
        hint: `Use one of the ${kind} names or ids listed.`,
    });
}

;// CONCATENATED MODULE: ./actions/rollback/src/railway-target.ts
/**
 * Where the Railway rollback happens: the credential, the project, the environment and the
 * services, all settled before anything changes. A wrong token, an unknown service or an
 * environment the project token cannot reach fails here.
 */



async function resolveRailwayTarget(inputs, ctx) {
    const choice = chooseToken(inputs.token, ctx.env);
    ctx.runner.setSecret(choice.token);
    const http = ctx.http({ service: 'Railway API', timeout: inputs.requestTimeout, deadline: inputs.requestTimeout * 4 });
    const { client, session } = await connect({
        http,
        apiUrl: inputs.apiUrl ?? 'https://backboard.railway.com',
        choice,
        secrets: ctx.runner.secrets,
    });
    let projectId = inputs.projectId;
    if (session.kind === 'project') {
        if (projectId && projectId !== session.projectId)
            throw new errors/* UserError */.yo(`Input 'project-id' got ${JSON.stringify(projectId)}, but the project token belongs to project ${JSON.stringify(session.projectName)} (${session.projectId}).`, { hint: 'Leave project-id out with a project token, or use a token of that project.' });
        projectId = session.projectId;
    }
    if (!projectId)
        throw new errors/* UserError */.yo(`Input 'project-id' is required with an account or workspace token (from ${choice.source}).`, {
            hint: 'Set project-id (Project settings → General), or use a project token, which names its project.',
        });
    const project = await client.project(projectId);
    const environment = findNamed('environment', inputs.environment ?? (session.kind === 'project' ? session.environmentId : 'production'), project, 'environment');
    if (session.kind === 'project' && environment.id !== session.environmentId)
        throw new errors/* UserError */.yo(`Input 'environment' got ${JSON.stringify(inputs.environment)}, but the project token is for environment ${JSON.stringify(session.environmentName)}.`, { hint: 'A project token works in its own environment only: use that environment, or a token created for this one.' });
    const pairs = inputs.to?.kind === 'per-service' ? inputs.to.pairs : [];
    const wanted = inputs.services ?? pairs.map(([service]) => service);
    const services = [];
    for (const name of wanted) {
        const service = findNamed('service', name, project, 'services');
        if (services.some((s) => s.service.id === service.id))
            continue;
        const to = inputs.to?.kind === 'one' ? inputs.to.id : pairs.find(([s]) => s === name)?.[1];
        services.push({ service, to });
    }
    return { client, session, project, environment, services };
}

;// CONCATENATED MODULE: ./actions/rollback/src/result.ts
/** Provider statuses are enums; anything else from the wire is shown as UNKNOWN. */
function safeStatus(status) {
    return /^[A-Z_]{1,32}$/.test(status) ? status : 'UNKNOWN';
}

;// CONCATENATED MODULE: ./actions/rollback/src/railway.ts
/**
 * Railway: settle every service's target (refusing, with nothing changed, when one has nothing
 * to go back to) → `deploymentRollback(target)` for each service in parallel → find the
 * deployment each call created (the mutation answers only a Boolean) → wait for it like a
 * deploy (subscription, logs, verdict; polling when the socket drops) → verify that it reached
 * SUCCESS, is the live deployment, and came from the target.
 */










const LISTED = 50;
async function planAll(ctx, t) {
    const { client, environment, project } = t;
    const serviceNames = new Map(project.services.map((s) => [s.id, s.name]));
    const plans = await Promise.all(t.services.map(async ({ service, to }) => {
        const deployments = await client.deployments({ serviceId: service.id, environmentId: environment.id, first: LISTED });
        const requested = to === undefined ? undefined : await readDeployment(client, to);
        const plan = planService({
            projectId: project.id,
            environment,
            service,
            deployments,
            serviceNames,
            ...(to === undefined ? {} : { requestedId: to, requested }),
        });
        return { service, plan, before: new Set(deployments.map((d) => d.id)) };
    }));
    const refusals = plans.flatMap((p) => (p.plan.ok ? [] : [p.plan.refusal]));
    if (refusals.length > 0)
        throw new errors/* UserError */.yo(`Nothing was rolled back. ${refusals.join(' ')}`, {
            hint: 'Pass `to` with a deployment of this service that went live before (a deploy step sets it as previous-deployment-id).',
        });
    return plans.map(({ service, plan, before }) => {
        if (!plan.ok)
            throw new Error('unreachable: refusals were handled above');
        ctx.runner.info(`${service.name}: live ${plan.live?.id ?? 'nothing'} → back to ${plan.target.id} (created ${plan.target.createdAt})`);
        return { service, live: plan.live, target: plan.target, before };
    });
}
/** The `to` deployment, or null when Railway does not show it to this token. */
async function readDeployment(client, id) {
    try {
        return await client.deployment(id);
    }
    catch (error) {
        // "Not Authorized" or "not found": both mean this token's project and environment do not hold it.
        if (error instanceof errors/* UserError */.yo)
            return null;
        throw error;
    }
}
/** The deployment a rollback created: new since the listing, preferring one that names the target. */
async function findCreated(client, environmentId, p, ctx, timeout) {
    const { value } = await (0,poll/* poll */.w)({
        what: `the deployment Railway creates for the rollback of ${p.service.name}`,
        timeout,
        interval: 5_000,
        initialInterval: 300,
        signal: ctx.signal,
        clock: ctx.clock,
        hint: 'Railway accepted the rollback but no new deployment appeared; look at the service on Railway.',
        check: async () => {
            const listed = await client.deployments({ serviceId: p.service.id, environmentId, first: 10 });
            const fresh = listed.filter((d) => !p.before.has(d.id));
            const chosen = fresh.find((d) => references(d.meta, p.target.id)) ?? fresh[0];
            return chosen ? { done: true, value: chosen } : { done: false, state: 'no new deployment yet' };
        },
    });
    return value;
}
async function rollbackRailway(inputs, ctx) {
    const { runner, clock } = ctx;
    const started = clock.now();
    const left = () => Math.max(1000, inputs.timeout - (clock.now() - started));
    const t = await runner.group('Connect to Railway', async () => {
        const found = await resolveRailwayTarget(inputs, ctx);
        runner.info(`Project ${found.project.name} (${found.project.id}), environment ${found.environment.name}, ${found.session.kind} token; services: ${found.services.map((s) => s.service.name).join(', ')}`);
        return found;
    });
    const planned = await runner.group('Choose the release to go back to', () => planAll(ctx, t));
    const { client } = t;
    const requested = [];
    ctx.onCancel(() => {
        for (const p of requested)
            runner.warning(`${p.service.name}: the rollback to ${p.target.id} was requested before the cancel and is not undone; it goes on on Railway.`);
    });
    const several = planned.length > 1;
    const subscriptions = inputs.wait
        ? await (async () => {
            const { Subscriptions } = await __webpack_require__.e(/* import() */ 861).then(__webpack_require__.bind(__webpack_require__, 4861));
            return Subscriptions.open(client).catch(() => undefined);
        })()
        : undefined;
    try {
        const rows = await runner.group(`Roll back ${planned.map((p) => p.service.name).join(', ')}`, () => Promise.all(planned.map((p) => request(ctx, t, p, requested, left))));
        if (!inputs.wait)
            return rows.map(({ row }) => row);
        const waitStarted = clock.now();
        const logs = planned.map((p) => new ServiceLog(runner, p.service.name, !several));
        await runner.group('Wait for the restored releases', () => Promise.all(rows.map(async ({ row, created }, i) => {
            const p = planned[i];
            const log = logs[i];
            if (!created || !p || !log)
                return;
            await waitAndVerify(ctx, t, p, created, row, subscriptions, log, left());
            row.durationMs += clock.now() - waitStarted;
        })));
        for (const log of logs)
            log.showKept();
        return rows.map(({ row }) => row);
    }
    finally {
        await subscriptions?.dispose();
        runner.info(`Railway API: ${client.requests} HTTP requests.`);
    }
}
/**
 * `deploymentRollback`, which is not retried after a 5xx or a dropped connection (a second call
 * could start a second deployment). Such a failure may still have reached Railway: when a new
 * deployment of the service that names the target appears, the rollback did happen.
 */
async function requestRollback(ctx, t, p) {
    try {
        return await t.client.rollback(p.target.id);
    }
    catch (error) {
        if (!(error instanceof http/* HttpError */.j$) || ctx.signal.aborted)
            throw error;
        const listed = await t.client.deployments({ serviceId: p.service.id, environmentId: t.environment.id, first: 10 });
        if (!listed.some((d) => !p.before.has(d.id) && references(d.meta, p.target.id)))
            throw error;
        ctx.runner.info(`${p.service.name}: the rollback request failed (${(0,untrusted/* quote */.hD)(error.message, ctx.runner.secrets)}), but Railway started the rollback.`);
        return true;
    }
}
/** Requests one service's rollback and finds the deployment it created. */
async function request(ctx, t, p, requested, left) {
    const row = {
        service: p.service.name,
        serviceId: p.service.id,
        from: p.live?.id,
        to: p.target.id,
        deploymentId: undefined,
        status: 'REQUESTED',
        verified: false,
        url: undefined,
        failure: undefined,
        tail: [],
        durationMs: 0,
    };
    const since = ctx.clock.now();
    const accepted = await requestRollback(ctx, t, p);
    if (!accepted) {
        row.status = 'REFUSED';
        row.failure = `Railway refused to roll back to ${p.target.id} (deploymentRollback answered false).`;
        return { row, created: undefined };
    }
    requested.push(p);
    const created = await findCreated(t.client, t.environment.id, p, ctx, Math.min(left(), 120_000));
    row.deploymentId = created.id;
    row.durationMs = ctx.clock.now() - since;
    ctx.runner.info(`${p.service.name}: rollback deployment ${created.id} started`);
    return { row, created };
}
async function waitAndVerify(ctx, t, p, created, row, subscriptions, log, timeout) {
    const { runner } = ctx;
    const { watchDeployment } = await __webpack_require__.e(/* import() */ 302).then(__webpack_require__.bind(__webpack_require__, 2302));
    let status;
    try {
        const result = await watchDeployment({
            client: t.client,
            deploymentId: created.id,
            timeout,
            subscriptions,
            signal: ctx.signal,
            clock: ctx.clock,
            logs: true,
            what: `rollback deployment ${created.id} of ${p.service.name}`,
            onStatus: (s) => runner.info(`${p.service.name}: ${safeStatus(s)}`),
            onLog: (kind, line) => log.add(kind, line.message),
        });
        status = result.status;
    }
    catch (error) {
        if (!(error instanceof errors/* DeadlineError */.j3))
            throw error;
        row.status = 'TIMEOUT';
        row.failure = error.message;
        return;
    }
    finally {
        log.finish();
    }
    row.status = safeStatus(status);
    const tail = () => log.tail().map((line) => (0,untrusted/* excerpt */.Kb)(line, runner.secrets, 500));
    if ((0,src_status/* classifyStatus */.xo)(status) !== 'success') {
        row.failure =
            (0,src_status/* classifyStatus */.xo)(status) === 'gone'
                ? `rollback deployment ${created.id} ended ${row.status}: nothing of it is live (cancelled, replaced or skipped on Railway).`
                : `rollback deployment ${created.id} ended ${row.status}: the restored release did not start.`;
        row.tail = tail();
        return;
    }
    // Verify: the new deployment is what serves now, and it is the target's release.
    const [now, live] = await Promise.all([
        t.client.deployment(created.id),
        t.client.liveDeployment(p.service.id, t.environment.id),
    ]);
    const origin = provenance(now, p.target);
    if (live?.id !== created.id) {
        row.failure = `rollback deployment ${created.id} reached ${row.status}, but the live deployment is ${live?.id ?? 'none'}.`;
        return;
    }
    if (origin === 'contradicted') {
        row.failure = `rollback deployment ${created.id} is live, but it was not built from ${p.target.id} (another commit or image).`;
        return;
    }
    if (origin === 'unknown')
        runner.warning(`${p.service.name}: Railway did not record which deployment ${created.id} restores; it is live and was created by this rollback.`);
    row.verified = true;
    try {
        const domain = await t.client.domain(t.project.id, t.environment.id, p.service.id);
        row.url = domain ? (0,src_status/* urlOfDomain */.d5)(domain) : undefined;
    }
    catch (error) {
        runner.warning(`${p.service.name}: could not read the public domain: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}


/***/ }),

/***/ 9908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ poll)
/* harmony export */ });
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(143);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7638);
/* harmony import */ var _input_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9747);
/**
 * Waiting for a condition: a deadline, an interval that starts short and backs off to a cap (a
 * release that comes up in 3 s is seen in about 3 s, one that takes minutes is not hammered),
 * cancellation, and a timeout error that says what was seen last.
 */



async function poll(options) {
    const clock = options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
    const factor = options.factor ?? 1.5;
    const start = clock.now();
    const deadline = start + options.timeout;
    let pause = Math.min(options.initialInterval ?? Math.min(500, options.interval), options.interval);
    let lastState = 'nothing yet';
    if (options.initialDelay)
        await clock.sleep(Math.min(options.initialDelay, options.timeout), options.signal);
    for (let attempt = 1;; attempt++) {
        if (options.signal?.aborted)
            throw (0,_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .cancellation */ .W)(options.signal);
        const result = await options.check(attempt);
        if (result.done)
            return { value: result.value, attempts: attempt, elapsed: clock.now() - start };
        lastState = result.state;
        const left = deadline - clock.now();
        if (left <= 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeadlineError */ .j3(`Timed out after ${(0,_input_types_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(options.timeout)} waiting for ${options.what} (${attempt} checks); last seen: ${lastState}`, lastState, options.hint);
        }
        // The last pause is cut short so one final check lands on the deadline.
        await clock.sleep(Math.min(pause, left), options.signal);
        pause = Math.min(pause * factor, options.interval);
    }
}


/***/ }),

/***/ 4357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $i: () => (/* binding */ DEPLOYMENTS),
/* harmony export */   BN: () => (/* binding */ DEPLOYMENT_ROLLBACK),
/* harmony export */   P$: () => (/* binding */ DEPLOYMENT_REDEPLOY),
/* harmony export */   V: () => (/* binding */ DEPLOYMENT_LOGS_SNAPSHOT),
/* harmony export */   _w: () => (/* binding */ SERVICE_INSTANCE_DEPLOY),
/* harmony export */   an: () => (/* binding */ DEPLOYMENT_RESTART),
/* harmony export */   cH: () => (/* binding */ VARIABLE_COLLECTION_UPSERT),
/* harmony export */   e6: () => (/* binding */ PROJECT_TOKEN),
/* harmony export */   eL: () => (/* binding */ DEPLOYMENT_SUBSCRIPTION),
/* harmony export */   n9: () => (/* binding */ BUILD_LOGS_SUBSCRIPTION),
/* harmony export */   o0: () => (/* binding */ SERVICE_INSTANCE_UPDATE),
/* harmony export */   si: () => (/* binding */ DOMAINS),
/* harmony export */   uH: () => (/* binding */ DEPLOYMENT),
/* harmony export */   ut: () => (/* binding */ VARIABLES),
/* harmony export */   yI: () => (/* binding */ DEPLOYMENT_LOGS_SUBSCRIPTION),
/* harmony export */   yl: () => (/* binding */ PROJECT),
/* harmony export */   zz: () => (/* binding */ DEPLOYMENT_CANCEL)
/* harmony export */ });
/**
 * Every GraphQL document the client sends, in one module: the contract test validates each
 * exported document against Railway's real schema, so a field Railway renamed fails CI rather
 * than a deploy. No other file of this package holds a document.
 */
const LOG_FIELDS = `fragment LogFields on Log {
  timestamp
  message
  severity
}`;
const DEPLOYMENT_FIELDS = `fragment DeploymentFields on Deployment {
  id
  status
  createdAt
  updatedAt
  serviceId
  environmentId
  projectId
  staticUrl
  url
  canRollback
  deploymentStopped
  meta
}`;
const PROJECT_TOKEN = `query ProjectToken {
  projectToken {
    projectId
    environmentId
    project { id name }
    environment { id name }
  }
}`;
const PROJECT = `query Project($id: String!) {
  project(id: $id) {
    id
    name
    environments { edges { node { id name } } }
    services { edges { node { id name } } }
  }
}`;
const DEPLOYMENTS = `query Deployments($input: DeploymentListInput!, $first: Int) {
  deployments(input: $input, first: $first) {
    edges { node { ...DeploymentFields } }
  }
}
${DEPLOYMENT_FIELDS}`;
const DEPLOYMENT = `query Deployment($id: String!) {
  deployment(id: $id) { ...DeploymentFields }
}
${DEPLOYMENT_FIELDS}`;
const DEPLOYMENT_LOGS_SNAPSHOT = `query DeploymentLogsSnapshot($deploymentId: String!, $limit: Int) {
  buildLogs(deploymentId: $deploymentId, limit: $limit) { ...LogFields }
  deploymentLogs(deploymentId: $deploymentId, limit: $limit) { ...LogFields }
}
${LOG_FIELDS}`;
const DOMAINS = `query Domains($projectId: String!, $environmentId: String!, $serviceId: String!) {
  domains(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId) {
    serviceDomains { domain }
    customDomains { domain }
  }
}`;
const VARIABLES = `query Variables($projectId: String!, $environmentId: String!, $serviceId: String) {
  variables(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId)
}`;
const SERVICE_INSTANCE_DEPLOY = `mutation ServiceInstanceDeploy($environmentId: String!, $serviceId: String!, $commitSha: String) {
  serviceInstanceDeployV2(environmentId: $environmentId, serviceId: $serviceId, commitSha: $commitSha)
}`;
const DEPLOYMENT_REDEPLOY = `mutation DeploymentRedeploy($id: String!) {
  deploymentRedeploy(id: $id) { id status }
}`;
const DEPLOYMENT_ROLLBACK = `mutation DeploymentRollback($id: String!) {
  deploymentRollback(id: $id)
}`;
const DEPLOYMENT_CANCEL = `mutation DeploymentCancel($id: String!) {
  deploymentCancel(id: $id)
}`;
const DEPLOYMENT_RESTART = `mutation DeploymentRestart($id: String!) {
  deploymentRestart(id: $id)
}`;
const VARIABLE_COLLECTION_UPSERT = `mutation VariableCollectionUpsert($input: VariableCollectionUpsertInput!) {
  variableCollectionUpsert(input: $input)
}`;
const SERVICE_INSTANCE_UPDATE = `mutation ServiceInstanceUpdate($serviceId: String!, $environmentId: String, $input: ServiceInstanceUpdateInput!) {
  serviceInstanceUpdate(serviceId: $serviceId, environmentId: $environmentId, input: $input)
}`;
const DEPLOYMENT_SUBSCRIPTION = `subscription DeploymentStatus($id: String!) {
  deployment(id: $id) { id status deploymentStopped }
}`;
const BUILD_LOGS_SUBSCRIPTION = `subscription BuildLogs($deploymentId: String!, $limit: Int) {
  buildLogs(deploymentId: $deploymentId, limit: $limit) { ...LogFields }
}
${LOG_FIELDS}`;
const DEPLOYMENT_LOGS_SUBSCRIPTION = `subscription DeploymentLogs($deploymentId: String!, $limit: Int) {
  deploymentLogs(deploymentId: $deploymentId, limit: $limit) { ...LogFields }
}
${LOG_FIELDS}`;


/***/ }),

/***/ 2541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d5: () => (/* binding */ urlOfDomain),
/* harmony export */   dR: () => (/* binding */ isFinal),
/* harmony export */   xo: () => (/* binding */ classifyStatus)
/* harmony export */ });
function classifyStatus(status) {
    switch (status) {
        case 'SUCCESS':
        case 'SLEEPING':
            return 'success';
        case 'FAILED':
        case 'CRASHED':
            return 'failure';
        case 'REMOVED':
        case 'SKIPPED':
            return 'gone';
        default:
            return 'pending';
    }
}
function isFinal(status) {
    return classifyStatus(status) !== 'pending';
}
/** The public URL of a domain; loopback hosts (the local sandbox) are served over plain http. */
function urlOfDomain(domain) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain))
        return domain;
    const host = domain.replace(/:\d+$/, '');
    return `${host === 'localhost' || host === '127.0.0.1' || host === '[::1]' ? 'http' : 'https'}://${domain}`;
}


/***/ })

};
