export const id = 963;
export const ids = [963];
export const modules = {

/***/ 1963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readRailwayDatabase: () => (/* binding */ readRailwayDatabase)
});

// UNUSED EXPORTS: DATABASE_VARIABLES, chooseDatabaseVariable, isRailwayInternal

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/variable-masking.ts
var variable_masking = __webpack_require__(396);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(3023);
;// CONCATENATED MODULE: ./packages/railway/src/documents.ts
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
const DEPLOYMENT_SUBSCRIPTION = (/* unused pure expression or super */ null && (`subscription DeploymentStatus($id: String!) {
  deployment(id: $id) { id status deploymentStopped }
}`));
const BUILD_LOGS_SUBSCRIPTION = (/* unused pure expression or super */ null && (`subscription BuildLogs($deploymentId: String!, $limit: Int) {
  buildLogs(deploymentId: $deploymentId, limit: $limit) { ...LogFields }
}
${LOG_FIELDS}`));
const DEPLOYMENT_LOGS_SUBSCRIPTION = (/* unused pure expression or super */ null && (`subscription DeploymentLogs($deploymentId: String!, $limit: Int) {
  deploymentLogs(deploymentId: $deploymentId, limit: $limit) { ...LogFields }
}
${LOG_FIELDS}`));

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
        const data = await this.request(PROJECT_TOKEN);
        const t = data.projectToken;
        return {
            projectId: t.projectId,
            environmentId: t.environmentId,
            projectName: t.project.name,
            environmentName: t.environment.name,
        };
    }
    async project(id) {
        const data = await this.request(PROJECT, { id });
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
        const data = await this.request(DEPLOYMENTS, {
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
        return (await this.request(DEPLOYMENT, { id })).deployment;
    }
    /** The last `limit` build and deploy log lines, in one request. */
    async logs(deploymentId, limit = 500) {
        const data = await this.request(DEPLOYMENT_LOGS_SNAPSHOT, {
            deploymentId,
            limit,
        });
        return { build: data.buildLogs, deploy: data.deploymentLogs };
    }
    /** The service's public domain (a Railway domain first, else a custom one). */
    async domain(projectId, environmentId, serviceId) {
        const data = await this.request(DOMAINS, { projectId, environmentId, serviceId });
        return data.domains.serviceDomains[0]?.domain ?? data.domains.customDomains[0]?.domain;
    }
    async variables(projectId, environmentId, serviceId) {
        const data = await this.request(VARIABLES, {
            projectId,
            environmentId,
            serviceId: serviceId ?? null,
        });
        return Object.fromEntries(Object.entries(data.variables ?? {}).map(([k, v]) => [k, String(v)]));
    }
    // --- writes --------------------------------------------------------------------------------
    /** Deploys a service from its source: a commit of its repository, or its image. Returns the deployment id. */
    async deployServiceInstance(environmentId, serviceId, commitSha) {
        const data = await this.request(SERVICE_INSTANCE_DEPLOY, {
            environmentId,
            serviceId,
            commitSha: commitSha ?? null,
        });
        return data.serviceInstanceDeployV2;
    }
    async redeploy(deploymentId) {
        return (await this.request(DEPLOYMENT_REDEPLOY, { id: deploymentId }))
            .deploymentRedeploy.id;
    }
    /** Railway answers only a Boolean; the new deployment is found by listing. */
    async rollback(deploymentId) {
        return (await this.request(DEPLOYMENT_ROLLBACK, { id: deploymentId }))
            .deploymentRollback;
    }
    async cancel(deploymentId) {
        return (await this.request(DEPLOYMENT_CANCEL, { id: deploymentId })).deploymentCancel;
    }
    async restart(deploymentId) {
        return (await this.request(DEPLOYMENT_RESTART, { id: deploymentId })).deploymentRestart;
    }
    async upsertVariables(init) {
        await this.request(VARIABLE_COLLECTION_UPSERT, {
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
        await this.request(SERVICE_INSTANCE_UPDATE, { serviceId, environmentId, input: { source: { image } } });
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


function credentials_chooseToken(input, env) {
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
async function credentials_connect(init) {
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

;// CONCATENATED MODULE: ./packages/railway/src/variables.ts
/**
 * A service's variables, as `railway run` gives them to a command: the project's shared
 * variables and the service's own, rendered, for one environment. The service and environment
 * may be named by name or id; `project` may be left out with a project token.
 */




async function readServiceVariables(init) {
    const { client } = init;
    const names = init.inputNames ?? { environment: 'environment', service: 'service' };
    const session = init.session ??
        (client.credential.kind === 'project' ? { kind: 'project', ...(await client.projectToken()) } : { kind: 'account' });
    const projectId = init.project ?? (session.kind === 'project' ? session.projectId : undefined);
    if (!projectId) {
        throw new errors/* UserError */.yo('A Railway project id is needed with an account or workspace token.', {
            hint: 'Set the project id, or use a project token, which names its project.',
        });
    }
    const project = await client.project(projectId);
    const environment = findNamed('environment', init.environment ?? (session.kind === 'project' ? session.environmentId : 'production'), project, names.environment);
    const service = findNamed('service', init.service, project, names.service);
    const variables = await client.variables(project.id, environment.id, service.id);
    return { projectId: project.id, environmentId: environment.id, serviceId: service.id, variables };
}
/**
 * The whole `railway run` lookup from a token: the token given (or RAILWAY_TOKEN /
 * RAILWAY_API_TOKEN from `env`), detected, then the service's variables. The caller masks the
 * values (`runner.setSecret`) before showing anything.
 */
async function readServiceVariablesWithToken(init) {
    const choice = chooseToken(init.token, init.env ?? {});
    const { client, session } = await connect({
        http: init.http,
        choice,
        ...(init.apiUrl ? { apiUrl: init.apiUrl } : {}),
        ...(init.secrets ? { secrets: init.secrets } : {}),
    });
    return readServiceVariables({
        client,
        session,
        service: init.service,
        ...(init.project ? { project: init.project } : {}),
        ...(init.environment ? { environment: init.environment } : {}),
    });
}

// EXTERNAL MODULE: ./actions/migrate/src/database-url.ts
var database_url = __webpack_require__(52);
;// CONCATENATED MODULE: ./actions/migrate/src/railway-source.ts
/**
 * The database URL and the environment read from a Railway service, as the seeds' `railway run
 * python manage.py migrate` gets them: the service's variables (shared and its own, rendered)
 * for one environment, through the Railway client, with no CLI. Every value is masked before
 * anything can print it. Loaded only when `railway-service` is set.
 */





/** The variables looked for, in order of preference (a reachable `DATABASE_URL` first). */
const DATABASE_VARIABLES = ['DATABASE_URL', 'DATABASE_PUBLIC_URL'];
/** The hosts of a URL's authority (`user:pw@h1:5432,h2/db` → h1, h2), without parsing the rest. */
function hostsOf(url) {
    const rest = /^[a-z][a-z0-9+.-]*:\/\/(.*)$/is.exec(url)?.[1] ?? '';
    const authority = rest.split(/[/?#]/, 1)[0] ?? '';
    const hostPart = authority.slice(authority.lastIndexOf('@') + 1);
    return hostPart.split(',').map((h) => h.replace(/:\d*$/, '').replace(/^\[|\]$/g, ''));
}
/** Whether a URL points at Railway's private network, which a GitHub runner cannot reach. */
function isRailwayInternal(url) {
    return hostsOf(url).some((h) => /\.railway\.internal$/i.test(h));
}
/**
 * Which variable holds the database to migrate: `DATABASE_URL` when the runner can reach it,
 * else `DATABASE_PUBLIC_URL` (Railway's TCP proxy). Throws a clear error when neither works.
 */
function chooseDatabaseVariable(variables, service) {
    const privateUrl = variables.DATABASE_URL?.trim();
    const publicUrl = variables.DATABASE_PUBLIC_URL?.trim();
    if (privateUrl && !isRailwayInternal(privateUrl))
        return { variable: 'DATABASE_URL', url: privateUrl };
    if (publicUrl)
        return { variable: 'DATABASE_PUBLIC_URL', url: publicUrl };
    if (privateUrl) {
        const host = hostsOf(privateUrl).find((h) => /\.railway\.internal$/i.test(h));
        throw new errors/* UserError */.yo(`The Railway service '${service}' has DATABASE_URL on Railway's private network (${host}), which GitHub runners cannot reach, and no DATABASE_PUBLIC_URL.`, {
            hint: "Turn on the database's public networking (TCP proxy) in Railway, then add DATABASE_PUBLIC_URL=${{Postgres.DATABASE_PUBLIC_URL}} to the service's variables.",
        });
    }
    throw new errors/* UserError */.yo(`The Railway service '${service}' has no database variable: looked for ${DATABASE_VARIABLES.join(' and ')}.`, {
        hint: 'Name the service that holds the database reference (the app service, e.g. api), or pass database-url instead.',
    });
}
async function readRailwayDatabase(inputs, ctx) {
    const { runner } = ctx;
    const service = inputs.railwayService ?? '';
    if (!inputs.railwayToken && !ctx.env.RAILWAY_TOKEN?.trim() && !ctx.env.RAILWAY_API_TOKEN?.trim()) {
        throw new errors/* InputError */.dz([
            {
                input: 'railway-token',
                shown: 'is required with railway-service',
                expected: 'expected a Railway project token (or an account or workspace token with railway-project-id), from a secret; or RAILWAY_TOKEN in the environment',
            },
        ]);
    }
    const choice = credentials_chooseToken(inputs.railwayToken, ctx.env);
    runner.setSecret(choice.token);
    const http = ctx.http({ service: 'Railway API', timeout: 30_000, deadline: 120_000 });
    const { client, session } = await credentials_connect({ http, apiUrl: inputs.railwayApiUrl, choice, secrets: runner.secrets });
    const found = await readServiceVariables({
        client,
        session,
        service,
        inputNames: { environment: 'railway-environment', service: 'railway-service' },
        ...(inputs.railwayProjectId ? { project: inputs.railwayProjectId } : {}),
        ...(inputs.railwayEnvironment ? { environment: inputs.railwayEnvironment } : {}),
    });
    // Masked before anything else happens with them, but only those that may be credentials:
    // masks are job-wide, and Railway's own variables (service name, environment, port) are words.
    const masking = (0,variable_masking/* maskVariables */.a)(runner, Object.entries(found.variables));
    runner.info(`Railway service '${service}': ${masking.line}.`);
    const { variable, url } = chooseDatabaseVariable(found.variables, service);
    const parsed = (0,database_url/* parseDatabaseUrl */.mx)(url);
    if (!parsed.ok) {
        throw new errors/* UserError */.yo(`The Railway variable ${variable} of service '${service}' is not a database URL migrate can read: ${parsed.expected}.`);
    }
    runner.info(`Railway service '${service}': ${masking.total} variable(s), given to the commands as \`railway run\` does. Database: ${variable} (host ${parsed.value.host}).`);
    if (variable === 'DATABASE_PUBLIC_URL' && found.variables.DATABASE_URL)
        runner.info("DATABASE_URL is on Railway's private network, which runners cannot reach: DATABASE_PUBLIC_URL is used instead.");
    return { url, variable, service, variables: found.variables };
}


/***/ })

};
