export const id = 242;
export const ids = [242];
export const modules = {

/***/ 6242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployRailway: () => (/* binding */ deployRailway)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/input-types.ts + 1 modules
var input_types = __webpack_require__(9747);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(3023);
;// CONCATENATED MODULE: ./packages/core/src/variable-masking.ts
/**
 * Which variable values (`env` inputs, a Railway service's variables) are masked. A mask is
 * job-wide: `add-mask` hides the value in every later line of every step, so masking
 * `NODE_ENV=production` turns every later "production" in the job into `***`, and masking
 * Railway's `RAILWAY_SERVICE_NAME=api` or `PORT=8080` does the same to "api" and "8080". So the
 * rule masks every value that may be a credential and leaves readable only what plainly is not
 * one; when unsure, it masks.
 *
 * A value is masked when any of these holds:
 * - its name says credential: it contains pass, secret, token, key, auth, credential, private,
 *   cookie, session, salt, signature, dsn, cert or bypass (`DJANGO_SECRET_KEY`, `PGPASSWORD`,
 *   `SENTRY_DSN`, `RAILWAY_TOKEN`), or has pin, pwd, sig or otp as a word. Whatever the value:
 *   `SECRET=production` is masked. A substring match errs on the masking side (`MONKEY`).
 * - it carries URL credentials (`postgres://user:password@host/db`);
 * - it starts with a known token prefix (`sk_live_`, `ghp_`, `github_pat_`, `xoxb-`, `glpat-`,
 *   `AKIA`, `eyJ` for a JWT, `-----BEGIN` for a key…);
 * - it looks like a credential: no whitespace, at least 16 characters, letters and digits mixed.
 *   Platform variables (below) are exempt from this one test only: theirs are ids, commit SHAs
 *   and domains that later steps log (`deployment 3f2a…`), and masking them hides exactly those.
 * - it is none of the plainly-not-secret values below (the default).
 *
 * Plainly not secret, so readable unless one of the first four holds: booleans (`true`, `false`,
 * `yes`, `no`, `on`, `off`, `1`, `0`), numbers of up to 6 digits (ports, timeouts, counts),
 * environment names (`production`, `preview`, `development`, `staging`, `test`…), release numbers
 * (`8.0.0`, `v1.2.3-rc.1`), log levels and a few switch words (`debug`, `info`, `none`, `auto`,
 * `json`), values shorter than 4 characters, and the values of Railway's and Vercel's own variables (names
 * starting `RAILWAY_` or `VERCEL_`: `RAILWAY_SERVICE_NAME`, `RAILWAY_PUBLIC_DOMAIN`, `VERCEL_ENV`).
 * Anything else (`APP_NAME=shop`) is masked: it could be a password.
 */
const CREDENTIAL_NAME = /pass|secret|token|key|auth|credential|private|cookie|session|salt|signature|dsn|cert|bypass|(?:^|[^a-z])(?:pin|pwd|sig|otp)(?:[^a-z]|$)/i;
const URL_CREDENTIALS = /:\/\/[^/?#@\s]*:[^/?#@\s]+@/;
const TOKEN_PREFIX = /^(?:(?:sk|rk|pk)_(?:live|test)_|gh[pousr]_|github_pat_|xox[abposre]-|glpat-|npm_|sk-|AKIA|ASIA|AIza|eyJ|-----BEGIN)/;
const PLATFORM_NAME = /^(?:RAILWAY|VERCEL)_/i;
const BOOLEAN = /^(?:true|false|yes|no|on|off|1|0)$/i;
const NUMBER = /^[+-]?\d{1,6}(?:\.\d+)?$/;
const ENVIRONMENT = /^(?:production|prod|preview|development|staging|stage|test|local)$/i;
/** Release numbers: `8.0.0`, `v1.2.3`, `2.0.0-rc.1`. */
const VERSION = /^v?\d{1,4}(?:\.\d{1,6}){1,3}(?:-[0-9a-z.]{1,20})?$/i;
/** Log levels and a few switch words, which tools print in every other line. */
const COMMON_WORD = /^(?:trace|debug|info|warn|warning|error|fatal|silent|verbose|none|auto|json|text)$/i;
/** Whether the value of the variable `name` is masked: see the rule above. */
function shouldMask(name, value) {
    const text = value.trim();
    if (CREDENTIAL_NAME.test(name) || URL_CREDENTIALS.test(text) || TOKEN_PREFIX.test(text))
        return true;
    if (PLATFORM_NAME.test(name))
        return false;
    if (looksLikeCredential(text))
        return true;
    return !(text.length < 4 ||
        BOOLEAN.test(text) ||
        NUMBER.test(text) ||
        ENVIRONMENT.test(text) ||
        VERSION.test(text) ||
        COMMON_WORD.test(text));
}
function looksLikeCredential(text) {
    return text.length >= 16 && !/\s/.test(text) && /[a-z]/i.test(text) && /\d/.test(text);
}
/** Masks the values the rule says to mask, and says which names it left readable. */
function maskVariables(runner, entries) {
    let total = 0;
    let masked = 0;
    const readable = new Set();
    for (const [name, value] of entries) {
        total++;
        if (shouldMask(name, value)) {
            runner.setSecret(value);
            masked++;
        }
        else
            readable.add(name);
    }
    const names = [...readable].sort();
    const line = `Masked ${masked} of ${total} variable${total === 1 ? '' : 's'}; readable: ${names.length > 0 ? names.join(', ') : 'none'}`;
    return { total, masked, readable: names, line };
}

// EXTERNAL MODULE: ./packages/railway/src/status.ts
var src_status = __webpack_require__(2541);
;// CONCATENATED MODULE: ./actions/deploy-railway/src/logs.ts

/** What the error and the summary quote of a failed deployment. */
const TAIL_LINES = 30;
class ServiceLog {
    service;
    lines = [];
    runner;
    live;
    show;
    prefix;
    stream;
    lastKind;
    constructor(init) {
        this.runner = init.runner;
        this.service = init.service;
        this.live = init.live;
        this.show = init.show;
        this.prefix = init.several ? `[${init.service}] ` : '';
    }
    /** Opens the live group (one service). */
    start() {
        if (this.live)
            this.runner.startGroup(`Logs of ${this.service}`);
    }
    add(kind, line) {
        const text = line.message.replace(/\r?\n$/, '');
        this.lines.push({ kind, text });
        if (!this.live || !this.show)
            return;
        this.write(kind, text);
    }
    write(kind, text) {
        this.stream ??= new untrusted/* UntrustedStream */.D5(this.runner);
        if (kind !== this.lastKind) {
            this.stream.line(`${this.prefix}--- ${kind === 'build' ? 'build' : 'deploy'} logs ---`);
            this.lastKind = kind;
        }
        this.stream.line(`${this.prefix}${text}`);
    }
    /** Closes the live group, or shows the kept lines in a group of their own. */
    finish() {
        if (!this.live) {
            if (!this.show || this.lines.length === 0)
                return;
            this.runner.startGroup(`Logs of ${this.service}`);
            for (const { kind, text } of [
                ...this.lines.filter((l) => l.kind === 'build'),
                ...this.lines.filter((l) => l.kind === 'deploy'),
            ])
                this.write(kind, text);
        }
        this.stream?.close();
        this.stream = undefined;
        if (this.live || (this.show && this.lines.length > 0))
            this.runner.endGroup();
    }
    /** The last lines, build and deploy, for an error or the summary. */
    tail(count = TAIL_LINES) {
        return this.lines.slice(-count).map((l) => l.text);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/report.ts
const asIs = (text) => text;
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
/** Markup made by this module; plain strings are always escaped. */
class Html {
    build;
    constructor(build) {
        this.build = build;
    }
    render(scrub) {
        return this.build(scrub);
    }
    /** The markup with nothing scrubbed (for tests and callers without secrets). */
    get markup() {
        return this.build(asIs);
    }
    toString() {
        return this.markup;
    }
}
/** Scrub, then escape: the order that keeps a secret recognisable. */
function report_text(content, scrub) {
    return content instanceof Html ? content.render(scrub) : escapeHtml(scrub(String(content)));
}
function report_link(label, href) {
    return /^https?:\/\//i.test(href)
        ? new Html((s) => `<a href="${escapeHtml(s(href))}">${escapeHtml(s(label))}</a>`)
        : new Html((s) => escapeHtml(s(label)));
}
function code(content) {
    return new Html((s) => `<code>${escapeHtml(s(content))}</code>`);
}
class Summary {
    parts = [];
    heading(content, level = 2) {
        this.parts.push((s) => `<h${level}>${report_text(content, s)}</h${level}>`);
        return this;
    }
    paragraph(...content) {
        this.parts.push((s) => `<p>${content.map((c) => report_text(c, s)).join(' ')}</p>`);
        return this;
    }
    table(headers, rows) {
        this.parts.push((s) => {
            const head = `<tr>${headers.map((h) => `<th>${report_text(h, s)}</th>`).join('')}</tr>`;
            const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${report_text(cell, s)}</td>`).join('')}</tr>`).join('');
            return `<table>${head}${body}</table>`;
        });
        return this;
    }
    list(items) {
        this.parts.push((s) => `<ul>${items.map((i) => `<li>${report_text(i, s)}</li>`).join('')}</ul>`);
        return this;
    }
    details(label, body) {
        this.parts.push((s) => {
            const inner = body instanceof Summary ? body.render(s) : report_text(body, s);
            return `<details><summary>${report_text(label, s)}</summary>\n\n${inner}\n\n</details>`;
        });
        return this;
    }
    codeBlock(content) {
        this.parts.push((s) => `<pre><code>${escapeHtml(s(content))}</code></pre>`);
        return this;
    }
    render(scrub) {
        return `${this.parts.map((part) => part(scrub)).join('\n')}\n`;
    }
    toString() {
        return this.render(asIs);
    }
    /** Appends to the job summary; the runner scrubs each text before it is escaped. */
    write(runner) {
        runner.appendSummary(this);
    }
}

;// CONCATENATED MODULE: ./actions/deploy-railway/src/summary.ts
/** The job summary: one row per service, and the last log lines of each one that failed. */


const ICON = { SUCCESS: '✅', SLEEPING: '✅', STARTED: '🚀' };
function writeSummary(runner, init) {
    const { target, results } = init;
    const summary = new Summary().heading(`Railway: ${target.project.name} / ${target.environment.name}`, 3).table(['service', 'deployment', 'status', 'duration', 'URL', 'logs'], results.map((r) => [
        r.service.name,
        code(r.deploymentId),
        `${ICON[r.status] ?? '❌'} ${r.status}`,
        r.durationMs === undefined ? '' : (0,input_types/* formatDuration */.a3)(r.durationMs),
        r.url ? report_link(r.url, r.url) : '',
        report_link('logs', r.logsUrl),
    ]));
    for (const r of results) {
        if (r.tail.length === 0)
            continue;
        summary.details(`Last ${r.tail.length} log lines of ${r.service.name}`, new Summary().codeBlock(r.tail.join('\n')));
    }
    summary.paragraph(`Source: ${init.source}. Previous deployments (for rollback): ${results.map((r) => `${r.service.name} ${r.previous?.id ?? 'none'}`).join(', ')}.`);
    summary.write(runner);
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

;// CONCATENATED MODULE: ./actions/deploy-railway/src/target.ts
/**
 * Where the deploy goes: the credential, the project, the environment and the services, all
 * settled before anything changes on Railway. A wrong token, an unknown service or an
 * environment the project token cannot reach fails here, before any upload.
 */



async function resolveTarget(inputs, ctx) {
    const { runner } = ctx;
    const choice = chooseToken(inputs.token, ctx.env);
    runner.setSecret(choice.token);
    const http = ctx.http({
        service: 'Railway API',
        timeout: inputs.requestTimeout,
        deadline: inputs.requestTimeout * 4,
        secrets: runner.secrets,
    });
    const { client, session } = await connect({ http, apiUrl: inputs.apiUrl, choice, secrets: runner.secrets });
    let projectId = inputs.projectId;
    if (session.kind === 'project') {
        if (projectId && projectId !== session.projectId) {
            throw new errors/* UserError */.yo(`Input 'project-id' got ${JSON.stringify(projectId)}, but the project token belongs to project ${JSON.stringify(session.projectName)} (${session.projectId}).`, { hint: 'Leave project-id out with a project token, or use a token of that project.' });
        }
        projectId = session.projectId;
    }
    if (!projectId) {
        throw new errors/* UserError */.yo(`Input 'project-id' is required with an account or workspace token (from ${choice.source}).`, {
            hint: 'Set project-id (Project settings → General), or use a project token, which names its project.',
        });
    }
    const project = await client.project(projectId);
    const environment = findNamed('environment', inputs.environment ?? (session.kind === 'project' ? session.environmentId : 'production'), project, 'environment');
    if (session.kind === 'project' && environment.id !== session.environmentId) {
        throw new errors/* UserError */.yo(`Input 'environment' got ${JSON.stringify(inputs.environment)}, but the project token is for environment ${JSON.stringify(session.environmentName)}.`, { hint: 'A project token works in its own environment only: use that environment, or a token created for this one.' });
    }
    const services = [];
    for (const wanted of inputs.services) {
        const service = findNamed('service', wanted, project, 'services');
        if (!services.some((s) => s.id === service.id))
            services.push(service);
    }
    return { client, session, project, environment, services };
}

;// CONCATENATED MODULE: ./actions/deploy-railway/src/deploy.ts
/**
 * deploy-railway: settle the target (token, project, environment, services) → record what is
 * live → set the variables once → start one deployment per service, in parallel → wait for each
 * verdict over the subscription (polling when the socket drops) with the logs in the step log →
 * outputs and summary. Cancelling the run cancels the deployments this step started.
 */









/** Railway statuses are an enum; anything else from the wire is shown as unknown. */
function safeStatus(status) {
    return /^[A-Z_]{1,32}$/.test(status) ? status : 'UNKNOWN';
}
function logsLink(target, serviceId, deploymentId) {
    return `https://railway.com/project/${target.project.id}/service/${serviceId}?id=${deploymentId}&environmentId=${target.environment.id}`;
}
async function startDeployments(inputs, ctx, target) {
    const { client, environment, project, services } = target;
    const { runner } = ctx;
    const previous = await runner.group('Record the live deployments', async () => {
        const live = await Promise.all(services.map((s) => client.liveDeployment(s.id, environment.id)));
        for (const [i, s] of services.entries())
            runner.info(`${s.name}: ${live[i] ? `live deployment ${live[i]?.id}` : 'nothing live'}`);
        return live;
    });
    if (inputs.source === 'redeploy') {
        const missing = services.filter((_, i) => previous[i] === undefined).map((s) => s.name);
        if (missing.length > 0) {
            throw new errors/* UserError */.yo(`Nothing to redeploy: no live deployment of ${missing.join(', ')} in ${environment.name}.`, {
                hint: "Deploy with source 'upload', 'commit' or 'image' first.",
            });
        }
    }
    const variables = inputs.variables ?? [];
    if (variables.length > 0) {
        // Masked by the core rule: a mask is job-wide, so `RELEASE=8.0.0` stays readable.
        const masking = maskVariables(runner, variables);
        await runner.group('Set the variables', async () => {
            runner.info(`variables: ${masking.line}.`);
            const values = Object.fromEntries(variables);
            for (const s of services) {
                // skipDeploys: the deploy below is the one deploy; the variables must not start their own.
                await client.upsertVariables({
                    projectId: project.id,
                    environmentId: environment.id,
                    serviceId: s.id,
                    variables: values,
                    skipDeploys: true,
                });
                runner.info(`${s.name}: set ${Object.keys(values).join(', ')}`);
            }
        });
    }
    const tarball = inputs.source === 'upload'
        ? await runner.group(`Pack ${inputs.path} as railway up does`, async () => {
            const { packTree } = await __webpack_require__.e(/* import() */ 928).then(__webpack_require__.bind(__webpack_require__, 8928));
            const packed = await packTree(inputs.path);
            runner.info(`${packed.files} files in ${packed.directories} directories, ${(packed.bytes.length / 1024).toFixed(1)} KiB gzipped`);
            return packed;
        })
        : undefined;
    const started = [];
    ctx.onCancel(async () => {
        // The run's own HTTP client is aborted by now: the cancel requests need one of their own.
        const canceller = client.withHttp(ctx.http({ service: 'Railway API', signal: undefined, timeout: 10_000, deadline: 20_000, secrets: runner.secrets }));
        for (const s of started) {
            try {
                await canceller.cancel(s.deploymentId);
                runner.info(`Cancelled deployment ${s.deploymentId} of ${s.service.name}.`);
            }
            catch (error) {
                runner.warning(`Could not cancel deployment ${s.deploymentId} of ${s.service.name}: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
    });
    await runner.group(`Deploy ${services.map((s) => s.name).join(', ')} (${inputs.source})`, async () => {
        await Promise.all(services.map(async (service, i) => {
            let deploymentId;
            let logsUrl = '';
            let domain;
            switch (inputs.source) {
                case 'upload': {
                    const up = await client.up({
                        projectId: project.id,
                        environmentId: environment.id,
                        serviceId: service.id,
                        tarball: tarball?.bytes ?? new Uint8Array(),
                        timeout: Math.max(inputs.requestTimeout * 4, 60_000),
                        ...(inputs.message ? { message: inputs.message } : {}),
                    });
                    deploymentId = up.deploymentId;
                    logsUrl = up.logsUrl;
                    domain = up.deploymentDomain || undefined;
                    break;
                }
                case 'commit':
                    deploymentId = await client.deployServiceInstance(environment.id, service.id, inputs.commit ?? (ctx.github.sha || undefined));
                    break;
                case 'image':
                    await client.setImage(service.id, environment.id, inputs.image ?? '');
                    deploymentId = await client.deployServiceInstance(environment.id, service.id);
                    break;
                case 'redeploy':
                    deploymentId = await client.redeploy(previous[i]?.id ?? '');
                    break;
            }
            started.push({
                service,
                deploymentId,
                previous: previous[i],
                logsUrl: logsUrl || logsLink(target, service.id, deploymentId),
                domain,
                startedAt: ctx.clock.now(),
            });
            runner.info(`${service.name}: deployment ${deploymentId} started`);
        }));
    });
    // In the order the services were given, not the order their uploads finished.
    return services.map((s) => started.find((x) => x.service.id === s.id)).filter((x) => x !== undefined);
}
async function waitFor(inputs, ctx, client, subscriptions, s, log) {
    const { watchDeployment } = await __webpack_require__.e(/* import() */ 302).then(__webpack_require__.bind(__webpack_require__, 2302));
    log.start();
    try {
        const result = await watchDeployment({
            client,
            deploymentId: s.deploymentId,
            timeout: Math.max(1000, inputs.timeout - (ctx.clock.now() - s.startedAt)),
            subscriptions,
            signal: ctx.signal,
            clock: ctx.clock,
            logs: true,
            what: `deployment ${s.deploymentId} of ${s.service.name}`,
            onStatus: (status) => ctx.runner.info(`${s.service.name}: ${safeStatus(status)}`),
            onLog: (kind, line) => log.add(kind, line),
        });
        return { status: result.status, fellBack: result.fellBack };
    }
    catch (error) {
        if (error instanceof errors/* DeadlineError */.j3) {
            const last = safeStatus(error.lastState ?? 'UNKNOWN');
            return {
                status: 'TIMEOUT',
                reason: `did not finish within ${(0,input_types/* formatDuration */.a3)(inputs.timeout)}; last status: ${last}`,
                fellBack: false,
            };
        }
        throw error;
    }
    finally {
        log.finish();
    }
}
/** The tree to upload must exist: an input error, before anything reaches Railway. */
function checkPath(inputs) {
    if (inputs.source !== 'upload')
        return;
    let directory = false;
    try {
        directory = (0,external_node_fs_.statSync)(inputs.path).isDirectory();
    }
    catch {
        directory = false;
    }
    if (!directory) {
        throw new errors/* InputError */.dz([
            {
                input: 'path',
                shown: `got ${JSON.stringify(inputs.path.slice(0, 80))}`,
                expected: 'expected an existing directory (relative to the workspace) to upload',
            },
        ]);
    }
}
async function deployRailway(inputs, ctx) {
    const { runner } = ctx;
    checkPath(inputs);
    const target = await runner.group('Connect to Railway', async () => {
        const t = await resolveTarget(inputs, ctx);
        runner.info(`Project ${t.project.name} (${t.project.id}), environment ${t.environment.name}, ${t.session.kind} token; services: ${t.services.map((s) => s.name).join(', ')}`);
        return t;
    });
    const { client } = target;
    const started = await startDeployments(inputs, ctx, target);
    const several = started.length > 1;
    const results = [];
    if (!inputs.wait) {
        for (const s of started)
            results.push({ ...s, status: 'STARTED', url: await urlOf(client, target, s), durationMs: undefined, tail: [] });
    }
    else {
        const { Subscriptions } = await __webpack_require__.e(/* import() */ 861).then(__webpack_require__.bind(__webpack_require__, 4861));
        const subscriptions = await Subscriptions.open(client).catch(() => undefined);
        if (!subscriptions)
            runner.info('No WebSocket available: waiting by polling.');
        try {
            const outcomes = await Promise.all(started.map(async (s) => {
                const log = new ServiceLog({ runner, service: s.service.name, live: !several, show: inputs.logs, several });
                const outcome = await waitFor(inputs, ctx, client, subscriptions, s, log);
                const verdict = outcome.status === 'TIMEOUT' ? 'failure' : (0,src_status/* classifyStatus */.xo)(outcome.status);
                return {
                    ...s,
                    status: safeStatus(outcome.status),
                    url: verdict === 'success' ? await urlOf(client, target, s) : '',
                    durationMs: ctx.clock.now() - s.startedAt,
                    tail: verdict === 'success' ? [] : log.tail().map((line) => (0,untrusted/* excerpt */.Kb)(line, runner.secrets, 500)),
                    ...(outcome.reason ? { reason: outcome.reason } : {}),
                    fellBack: outcome.fellBack,
                };
            }));
            results.push(...outcomes);
        }
        finally {
            await subscriptions?.dispose();
        }
        if (results.some((r) => r.fellBack))
            runner.info('The subscription socket was lost: polled for the rest of the wait.');
    }
    runner.info(`Railway API: ${client.requests} HTTP requests.`);
    const first = results[0];
    runner.setOutput('deployment-id', first?.deploymentId ?? '');
    runner.setOutput('url', first?.url ?? '');
    runner.setOutput('previous-deployment-id', first?.previous?.id ?? '');
    runner.setOutput('deployments', JSON.stringify(results.map((r) => ({
        service: r.service.name,
        serviceId: r.service.id,
        deploymentId: r.deploymentId,
        previousDeploymentId: r.previous?.id ?? null,
        status: r.status,
        url: r.url || null,
    }))));
    writeSummary(runner, { target, source: inputs.source, results });
    const failed = results.filter((r) => r.status !== 'STARTED' && (0,src_status/* classifyStatus */.xo)(r.status) !== 'success');
    if (failed.length > 0)
        throw failureError(failed, results.length);
    return { status: inputs.wait ? 'success' : 'started' };
}
async function urlOf(client, target, s) {
    const domain = s.domain ?? (await client.domain(target.project.id, target.environment.id, s.service.id));
    return domain ? (0,src_status/* urlOfDomain */.d5)(domain) : '';
}
function failureError(failed, total) {
    const parts = failed.map((r) => {
        const why = r.status === 'TIMEOUT'
            ? (r.reason ?? 'timed out')
            : (0,src_status/* classifyStatus */.xo)(r.status) === 'gone'
                ? `ended ${r.status}: nothing of it is live (cancelled, replaced or skipped on Railway)`
                : `ended ${r.status}`;
        const tail = r.tail.length > 0
            ? `\nLast ${r.tail.length} log lines of ${r.service.name}:\n${r.tail.map((l) => `  ${l}`).join('\n')}`
            : '';
        const after = r.durationMs !== undefined && r.status !== 'TIMEOUT' ? ` after ${(0,input_types/* formatDuration */.a3)(r.durationMs)}` : '';
        return `${r.service.name} (deployment ${r.deploymentId}) ${why}${after}.${tail}`;
    });
    const head = total > 1
        ? `${failed.length} of ${total} Railway deployments failed: ${failed.map((r) => r.service.name).join(', ')}.\n`
        : '';
    return new errors/* UserError */.yo(`${head}${parts.join('\n')}`, {
        hint: failed.some((r) => r.status === 'TIMEOUT')
            ? 'Raise timeout if builds take longer; the deployment may still finish on Railway.'
            : 'See the build logs above or on Railway (the summary links them).',
    });
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
