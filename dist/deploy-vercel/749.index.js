export const id = 749;
export const ids = [749];
export const modules = {

/***/ 93749:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FAILED_BUILD_LINES: () => (/* binding */ FAILED_BUILD_LINES),
  apiFor: () => (/* binding */ apiFor),
  deployVercel: () => (/* binding */ deployVercel)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/http.ts + 2 modules
var http = __webpack_require__(98454);
// EXTERNAL MODULE: ./packages/core/src/input-types.ts + 1 modules
var input_types = __webpack_require__(89747);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(63023);
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

// EXTERNAL MODULE: ./packages/core/src/clock.ts
var src_clock = __webpack_require__(50143);
;// CONCATENATED MODULE: ./packages/core/src/poll.ts
/**
 * Waiting for a condition: a deadline, an interval that starts short and backs off to a cap (a
 * release that comes up in 3 s is seen in about 3 s, one that takes minutes is not hammered),
 * cancellation, and a timeout error that says what was seen last.
 */



async function poll(options) {
    const clock = options.clock ?? src_clock/* systemClock */.m;
    const factor = options.factor ?? 1.5;
    const start = clock.now();
    const deadline = start + options.timeout;
    let pause = Math.min(options.initialInterval ?? Math.min(500, options.interval), options.interval);
    let lastState = 'nothing yet';
    if (options.initialDelay)
        await clock.sleep(Math.min(options.initialDelay, options.timeout), options.signal);
    for (let attempt = 1;; attempt++) {
        if (options.signal?.aborted)
            throw (0,src_clock/* cancellation */.W)(options.signal);
        const result = await options.check(attempt);
        if (result.done)
            return { value: result.value, attempts: attempt, elapsed: clock.now() - start };
        lastState = result.state;
        const left = deadline - clock.now();
        if (left <= 0) {
            throw new errors/* DeadlineError */.j3(`Timed out after ${(0,input_types/* formatDuration */.a3)(options.timeout)} waiting for ${options.what} (${attempt} checks); last seen: ${lastState}`, lastState, options.hint);
        }
        // The last pause is cut short so one final check lands on the deadline.
        await clock.sleep(Math.min(pause, left), options.signal);
        pause = Math.min(pause * factor, options.interval);
    }
}

;// CONCATENATED MODULE: ./packages/vercel/src/progress.ts

function formatBytes(bytes) {
    if (bytes < 1024)
        return `${Math.round(bytes)} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
const sizeOf = (f) => f?.data?.byteLength ?? f?.size ?? 0;
class UploadMeter {
    files = 0;
    totalBytes = 0;
    toUpload = 0;
    bytesToUpload = 0;
    uploadedFiles = 0;
    uploadedBytes = 0;
    roundUploaded = 0;
    roundBytes = 0;
    nextQuarter = 1;
    uploadStart = 0;
    say;
    clock;
    constructor(say, clock) {
        this.say = say;
        this.clock = clock;
    }
    hashed(files) {
        // createDeployment hashes again on the pass after the upload: one line is enough.
        if (this.files > 0)
            return;
        const entries = Object.values(files);
        this.files = entries.reduce((n, f) => n + (f.names?.length ?? 1), 0);
        this.totalBytes = entries.reduce((n, f) => n + sizeOf(f), 0);
        const archive = entries.length > 0 && entries.every((f) => (f.names ?? []).every((n) => /source\.tgz\.part\d+$/.test(n)));
        this.say(archive
            ? `Packed the tree into ${entries.length} tgz part${entries.length === 1 ? '' : 's'} (${formatBytes(this.totalBytes)}).`
            : `Hashed ${this.files} files (${formatBytes(this.totalBytes)}, ${entries.length} distinct).`);
    }
    /** The API's `missing_files`: only these are sent. Called again on a retried deploy. */
    missing(shas, all) {
        this.toUpload = shas.length;
        this.bytesToUpload = shas.reduce((n, sha) => n + sizeOf(all.get(sha)), 0);
        this.nextQuarter = 1;
        this.roundUploaded = 0;
        this.roundBytes = 0;
        this.uploadStart = this.clock.now();
        this.say(`Uploading ${shas.length} files (${formatBytes(this.bytesToUpload)}) the API does not have yet.`);
    }
    uploaded(file) {
        this.uploadedFiles++;
        this.uploadedBytes += sizeOf(file);
        this.roundUploaded++;
        this.roundBytes += sizeOf(file);
        const doneInRound = this.toUpload === 0 ? 1 : this.roundUploaded / this.toUpload;
        const quarter = Math.floor(doneInRound * 4);
        if (quarter >= this.nextQuarter) {
            this.say(`Uploaded ${this.roundUploaded}/${this.toUpload} files (${formatBytes(this.roundBytes)}).`);
            this.nextQuarter = quarter + 1;
        }
    }
    done() {
        const ms = this.clock.now() - this.uploadStart;
        const rate = ms > 0 ? ` at ${formatBytes((this.roundBytes / ms) * 1000)}/s` : '';
        this.say(`All files uploaded in ${(0,input_types/* formatDuration */.a3)(ms)}${rate}.`);
    }
    totals() {
        return {
            files: this.files,
            totalBytes: this.totalBytes,
            uploadedFiles: this.uploadedFiles,
            uploadedBytes: this.uploadedBytes,
        };
    }
}

;// CONCATENATED MODULE: ./packages/vercel/src/retry-after.ts
/**
 * @vercel/client sends with the global fetch and takes no fetch of ours, only an undici
 * `dispatcher` (its option for proxies). Its file upload gives up on a 429 or a 5xx without
 * saying which or for how long, so this dispatcher wraps the global one and notes every
 * retryable answer (408, 429, 5xx) and its `Retry-After`; the deploy wrapper then knows the
 * failure was transient and waits that long before it tries again.
 */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');
class RetryAfterObserver {
    /** The last `Retry-After` seen on a retryable answer, in ms; cleared by `take()`. */
    lastMs;
    /** The last retryable status seen; cleared by `take()`. */
    lastStatus;
    now;
    constructor(now = Date.now) {
        this.now = now;
    }
    /** The last retryable answer since the previous call, and the wait it asked for. */
    take() {
        const taken = { status: this.lastStatus, retryAfterMs: this.lastMs };
        this.lastMs = undefined;
        this.lastStatus = undefined;
        return taken;
    }
    note(status, value) {
        if (status !== 408 && status !== 429 && status < 500)
            return;
        this.lastStatus = status;
        if (!value)
            return;
        const trimmed = value.trim();
        const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - this.now();
        if (!Number.isNaN(ms))
            this.lastMs = Math.max(this.lastMs ?? 0, Math.max(0, ms));
    }
    /**
     * A dispatcher over Node's own (set up by a first fetch of a data: URL, which touches no
     * network), or undefined when this Node has none to wrap: then the wrapper falls back to backoff.
     */
    async dispatcher() {
        await fetch('data:,');
        const inner = globalThis[GLOBAL_DISPATCHER];
        if (!inner || typeof inner.dispatch !== 'function')
            return undefined;
        return {
            dispatch: (options, handler) => {
                const observed = Object.create(handler);
                if (typeof handler.onHeaders === 'function') {
                    const onHeaders = handler.onHeaders.bind(handler);
                    observed.onHeaders = (status, raw, resume, text) => {
                        let retryAfter;
                        for (let i = 0; i + 1 < raw.length; i += 2) {
                            if (String(raw[i]).toLowerCase() === 'retry-after')
                                retryAfter = String(raw[i + 1]);
                        }
                        this.note(status, retryAfter);
                        return onHeaders(status, raw, resume, text);
                    };
                }
                if (typeof handler.onResponseStart === 'function') {
                    const onResponseStart = handler.onResponseStart.bind(handler);
                    observed.onResponseStart = (controller, status, headers, text) => {
                        const value = headers['retry-after'];
                        this.note(status, Array.isArray(value) ? value[0] : value);
                        onResponseStart(controller, status, headers, text);
                    };
                }
                return inner.dispatch(options, observed);
            },
        };
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./packages/vercel/src/upload.ts
/**
 * Uploads the files Vercel reported missing, through the core HTTP client: each request with its
 * timeout, retries on 429 after `Retry-After`, 5xx and network errors, the run's cancellation.
 * A fixed pool of workers takes the next file as one finishes, so 10,000 files cost 10,000
 * requests and nothing more (@vercel/client's own loop races every pending upload on each
 * completion, which grows with the square of the file count, and gives up on the first 429).
 */

async function uploadMissing(api, files, shas, options = {}) {
    const queue = [...shas];
    let failed = false;
    const worker = async () => {
        for (let sha = queue.shift(); sha !== undefined && !failed; sha = queue.shift()) {
            options.signal?.throwIfAborted();
            const file = files.get(sha);
            if (!file)
                throw new Error(`Vercel asked for a file this tree does not have (sha1 ${sha})`);
            const data = file.data ?? (await (0,promises_.readFile)(file.names[0] ?? ''));
            try {
                await api.uploadFile(sha, data, options.signal);
            }
            catch (error) {
                failed = true; // the other workers stop taking files
                throw error;
            }
            options.onUploaded?.(sha, { ...file, data });
        }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? 16, queue.length));
    await Promise.all(Array.from({ length: workers }, worker));
}

;// CONCATENATED MODULE: ./packages/vercel/src/deploy.ts
/**
 * A deploy through @vercel/client's `createDeployment` (hashing, `.vercelignore`, the API's
 * `missing_files` answer, prebuilt output, `archive: 'tgz'`, the deployment's creation), wrapped
 * with what it lacks:
 * - a deadline and cancellation: its generator is pulled one event at a time and abandoned the
 *   moment the deadline passes or the run is cancelled;
 * - a sane wait: it stops being pulled once the deployment exists, because its own status loop
 *   polls forever after CANCELED and, after READY, until aliases are assigned, with no deadline.
 *   We poll `GET /v13/deployments/{id}` ourselves with the core poll (deadline, backoff);
 * - uploads through the core HTTP client: when createDeployment reports the files the API lacks,
 *   it is stopped there and upload.ts sends them (retries on 429 after `Retry-After`, 5xx and
 *   network errors; a fixed pool of workers), then createDeployment runs again and, with nothing
 *   missing, creates the deployment. Its own uploader gives up on the first 429 and slows down
 *   with the square of the file count. With `archive: 'tgz'` its uploader sends the few parts
 *   (they are packed anew on every pass, so a second pass could not find them uploaded);
 * - a creation that meets a transient failure (429, 5xx, a broken connection) starts over after
 *   the answer's `Retry-After`;
 * - its events become our progress lines.
 * It sends with the global fetch (it takes no fetch function, only an undici dispatcher, used here
 * to read `Retry-After`), so its one request, the creation, does not pass through the core HTTP
 * client; the uploads and everything after creation do.
 * @vercel/client loads on the first deploy, never at startup.
 */









/** A deployment that ended in ERROR or CANCELED; carries the last lines of its build output. */
class DeploymentFailedError extends errors/* UserError */.yo {
    deployment;
    logs;
    constructor(deployment, logs) {
        const reason = deployment.errorMessage ?? deployment.errorCode ?? (deployment.readyState === 'CANCELED' ? 'canceled' : '');
        super(`Vercel deployment ${deployment.id} ended ${deployment.readyState}${reason ? `: ${reason}` : ''}`, {
            hint: deployment.readyState === 'CANCELED'
                ? 'Someone or something canceled it (a newer deployment, the dashboard, or this step on its deadline).'
                : 'The build failed: its last lines are above and in the summary; the inspector link has the whole log.',
        });
        this.name = 'DeploymentFailedError';
        this.deployment = deployment;
        this.logs = logs;
    }
}
const loadVercelClient = async () => (await Promise.all(/* import() */[__webpack_require__.e(208), __webpack_require__.e(865)]).then(__webpack_require__.t.bind(__webpack_require__, 61208, 23))).createDeployment;
function isRateLimited(error) {
    return error.status === 429 || error.code === 'rate_limited' || /rate.?limit/i.test(error.code ?? '');
}
/**
 * Failures worth starting over for: the API throttled or failed (429, 408, 5xx, seen in the
 * error or by the dispatcher), the connection broke (@vercel/client retries only some socket
 * errors), or files it had accepted went missing. A restart sends only what is still missing.
 */
function isTransient(error, seenStatus) {
    if (isRateLimited(error) || error.code === 'missing_files')
        return true;
    const status = error.status ?? seenStatus;
    if (status !== undefined && (status === 408 || status === 429 || status >= 500))
        return true;
    return error.network === true;
}
/** Resolves with the promise, or rejects with the signal's reason as soon as it aborts. */
function untilAborted(promise, signal) {
    // The abandoned promise may still reject later; that must not become an unhandled rejection.
    promise.catch(() => { });
    if (signal.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e);
        });
    });
}
async function deploy(request) {
    const clock = request.clock ?? src_clock/* systemClock */.m;
    const progress = request.onProgress ?? (() => { });
    const started = clock.now();
    const deadlineAt = started + request.timeout;
    const deadlineError = () => new errors/* DeadlineError */.j3(`The deploy did not finish within ${(0,input_types/* formatDuration */.a3)(request.timeout)} (the timeout input).`);
    // One signal for the upload phase: the run's cancellation or our deadline, whichever is first.
    const stopTimer = new AbortController();
    const deadline = new AbortController();
    clock.sleep(request.timeout, stopTimer.signal).then(() => deadline.abort(deadlineError()), () => { });
    const stop = AbortSignal.any([deadline.signal, ...(request.signal ? [request.signal] : [])]);
    const reasonOf = () => request.signal?.aborted ? (0,src_clock/* cancellation */.W)(request.signal) : (deadline.signal.reason ?? deadlineError());
    let created;
    try {
        const createDeployment = await (request.loadClient ?? loadVercelClient)();
        const observer = new RetryAfterObserver();
        const dispatcher = await observer.dispatcher();
        const meter = new UploadMeter(progress, clock);
        const maxRetries = request.rateLimitRetries ?? 5;
        let attempts = 0;
        let uploadRounds = 0;
        while (created === undefined) {
            attempts++;
            observer.take(); // what an earlier attempt saw says nothing about this one
            const outcome = await runCreate(request, createDeployment, dispatcher, meter, stop, reasonOf);
            if ('deployment' in outcome) {
                created = outcome.deployment;
                break;
            }
            if ('missing' in outcome) {
                if (++uploadRounds > maxRetries)
                    throw new errors/* UserError */.yo(`Vercel still reports ${outcome.missing.length} files missing after ${maxRetries} uploads.`, {
                        hint: 'Run the step again; if it persists, the API is losing uploads.',
                    });
                meter.missing(outcome.missing, outcome.files);
                await untilAborted(uploadMissing(request.api, outcome.files, outcome.missing, {
                    signal: stop,
                    concurrency: request.uploadConcurrency ?? 16,
                    onUploaded: (_, file) => meter.uploaded(file),
                }), stop).catch((error) => {
                    throw stop.aborted ? reasonOf() : error;
                });
                meter.done();
                continue;
            }
            const error = outcome.error;
            const seen = observer.take();
            if (!isTransient(error, seen.status) || attempts > maxRetries) {
                throw new errors/* UserError */.yo(`Vercel refused the deployment: ${error.code ? `${error.code}: ` : ''}${error.message ?? 'no reason given'}`, { hint: hintFor(error) });
            }
            const wait = seen.retryAfterMs ?? Math.min(30_000, 1000 * 2 ** (attempts - 1));
            if (clock.now() + wait > deadlineAt)
                throw deadlineError();
            const why = isRateLimited(error) || seen.status === 429
                ? 'Vercel is rate limiting'
                : `Vercel failed (${error.code ?? seen.status ?? error.message})`;
            progress(`${why}; trying again in ${(0,input_types/* formatDuration */.a3)(wait)} (attempt ${attempts + 1}).`);
            await clock.sleep(wait, stop).catch(() => {
                throw reasonOf();
            });
        }
        request.onCreated?.(created);
        progress(`Created deployment ${created.id}: https://${created.url}`);
        if (created.inspectorUrl)
            progress(`Inspect: ${created.inspectorUrl}`);
        const counts = meter.totals();
        const result = (deployment) => ({ deployment, ...counts, attempts });
        if (!request.wait)
            return result(created);
        const final = await waitForDeployment(request.api, created.id, {
            timeout: Math.max(0, deadlineAt - clock.now()),
            signal: request.signal,
            clock,
            interval: request.pollInterval ?? 5000,
            onProgress: progress,
            initial: created,
        });
        if (final.readyState !== 'READY') {
            const logs = await request.api.buildLogs(final.id).catch(() => []);
            throw new DeploymentFailedError(final, logs);
        }
        if (final.aliasError)
            throw new errors/* UserError */.yo(`Vercel could not assign the aliases: ${final.aliasError.message ?? final.aliasError.code}`);
        return result(final);
    }
    catch (error) {
        if (created && (error instanceof errors/* DeadlineError */.j3 || error instanceof errors/* CancelledError */.cc || request.signal?.aborted)) {
            await cancelQuietly(request.cancelApi ?? request.api, created.id, progress);
            if (error instanceof errors/* DeadlineError */.j3)
                throw new errors/* DeadlineError */.j3(`${error.message} Deployment ${created.id} was canceled.`, error.lastState);
        }
        throw error;
    }
    finally {
        stopTimer.abort();
    }
}
/** One run of createDeployment, up to the `created` event or an error event. */
async function runCreate(request, createDeployment, dispatcher, meter, stop, reasonOf) {
    const production = request.production;
    const clientOptions = {
        token: request.token,
        path: request.path,
        apiUrl: request.api.apiUrl,
        ...(request.api.teamId ? { teamId: request.api.teamId } : {}),
        ...(request.prebuilt ? { prebuilt: true, vercelOutputDir: (0,external_node_path_.join)(request.path, '.vercel', 'output') } : {}),
        ...(request.archive ? { archive: request.archive } : {}),
        ...(request.userAgent ? { userAgent: request.userAgent } : {}),
        ...(dispatcher ? { dispatcher } : {}),
        projectName: request.project.name,
    };
    const deploymentOptions = {
        name: request.project.name,
        project: request.project.id,
        ...(production ? { target: 'production' } : {}),
        ...(production && !request.promote ? { autoAssignCustomDomains: false } : {}),
        ...(request.env && Object.keys(request.env).length > 0 ? { env: request.env } : {}),
        ...(request.buildEnv && Object.keys(request.buildEnv).length > 0 ? { build: { env: request.buildEnv } } : {}),
        ...(request.meta && Object.keys(request.meta).length > 0 ? { meta: request.meta } : {}),
        ...(request.gitMetadata ? { gitMetadata: request.gitMetadata } : {}),
    };
    let iterator;
    try {
        iterator = createDeployment(clientOptions, deploymentOptions)[Symbol.asyncIterator]();
    }
    catch (error) {
        return { error: clientError(error) };
    }
    try {
        for (;;) {
            let step;
            try {
                step = await untilAborted(iterator.next(), stop);
            }
            catch (error) {
                if (stop.aborted)
                    throw reasonOf();
                return { error: clientError(error) };
            }
            if (step.done)
                throw new Error('@vercel/client ended without creating a deployment');
            const { type, payload } = step.value;
            switch (type) {
                case 'hashes-calculated':
                    meter.hashed(payload);
                    break;
                case 'file-count': {
                    const p = payload;
                    // The API's missing_files: we upload them (upload.ts). Not a tgz: it is packed afresh
                    // on every pass (in no fixed order), so the parts must go up in the pass that made them.
                    if (!request.archive)
                        return { missing: p.missing, files: p.total };
                    meter.missing(p.missing, p.total);
                    break;
                }
                case 'file-uploaded':
                    meter.uploaded(payload.file);
                    break;
                case 'all-files-uploaded':
                    meter.done();
                    break;
                case 'warning':
                case 'notice':
                case 'tip':
                    request.onProgress?.(`Vercel ${type}: ${String(payload)}`);
                    break;
                case 'created':
                    return { deployment: toDeployment(payload) };
                case 'error':
                    return { error: clientError(payload) };
                default:
                    break;
            }
        }
    }
    finally {
        // A suspended generator finishes here; a running one finishes on its next step, unobserved.
        iterator.return?.().catch(() => { });
    }
}
function clientError(error) {
    if (error && typeof error === 'object') {
        const e = error;
        const network = (error instanceof TypeError && e.message === 'fetch failed') ||
            (typeof e.cause?.code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(e.cause.code));
        return { code: e.code, message: e.message ?? (0,errors/* errorMessage */.gJ)(error), status: e.status, network };
    }
    return { message: String(error) };
}
function hintFor(error) {
    if (error.status === 401 || error.status === 403 || error.code === 'forbidden')
        return 'Check the token secret and, for a team project, the team-id input.';
    if (error.code === 'missing_files')
        return 'Vercel lost uploaded files; run the step again.';
    if (error.status === 429 || error.code === 'rate_limited')
        return 'Vercel kept rate limiting; try again later.';
    return 'Check the path and project inputs; the message above is Vercel’s.';
}
async function cancelQuietly(api, id, progress) {
    try {
        await api.cancel(id);
        progress(`Canceled deployment ${id}.`);
    }
    catch (error) {
        progress(`Could not cancel deployment ${id}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/**
 * Polls a deployment until it is READY with its aliases assigned (or an alias error), ERROR or
 * CANCELED. A deadline ends the wait with what was seen last.
 */
async function waitForDeployment(api, id, options) {
    let lastState = options.initial?.readyState;
    const { value } = await poll({
        what: `deployment ${id} to be ready`,
        timeout: options.timeout,
        interval: options.interval ?? 5000,
        initialInterval: Math.min(500, options.interval ?? 5000),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
        hint: 'Raise the timeout input for long builds, or look at the build in the inspector.',
        check: async () => {
            const d = await api.getDeployment(id);
            if (d.readyState !== lastState) {
                options.onProgress?.(`Deployment ${id}: ${d.readyState}`);
                lastState = d.readyState;
            }
            if (d.readyState === 'ERROR' || d.readyState === 'CANCELED' || d.readyState === 'DELETED')
                return { done: true, value: d };
            if (d.readyState === 'READY' && (d.aliasAssigned || d.aliasError))
                return { done: true, value: d };
            return { done: false, state: d.readyState === 'READY' ? 'READY, aliases not yet assigned' : d.readyState };
        },
    });
    return value;
}
/**
 * After a promote or rollback: polls the project until production points at the deployment and
 * the alias job succeeded. Returns the project as seen then.
 */
async function waitForProduction(api, projectId, deploymentId, options) {
    const { value } = await poll({
        what: `production of project ${projectId} to serve ${deploymentId}`,
        timeout: options.timeout,
        interval: options.interval ?? 5000,
        initialInterval: Math.min(500, options.interval ?? 5000),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
        check: async () => {
            const project = await api.getProject(projectId);
            const job = project.lastAliasRequest;
            if (job && job.toDeploymentId === deploymentId && job.jobStatus === 'failed')
                throw new errors/* UserError */.yo(`Vercel could not switch production to ${deploymentId}: the ${job.type} job failed.`);
            if (project.productionDeploymentId === deploymentId &&
                (!job || job.toDeploymentId !== deploymentId || job.jobStatus === 'succeeded'))
                return { done: true, value: project };
            return {
                done: false,
                state: `production is ${project.productionDeploymentId ?? 'none'}${job ? `, ${job.type} ${job.jobStatus}` : ''}`,
            };
        },
    });
    return value;
}

;// CONCATENATED MODULE: ./actions/deploy-vercel/src/comment.ts
const STATE_LABEL = {
    READY: '✅ Ready',
    ERROR: '❌ Failed',
    CANCELED: '⏹️ Canceled',
    BUILDING: '🔨 Building',
    QUEUED: '⏳ Queued',
    INITIALIZING: '⏳ Queued',
};
/** Markdown and HTML inert: a Vercel message or a commit title shows as the text it is. */
function markdownText(text) {
    return text.replace(/[\\`*_{}[\]()#+!|<>&~-]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\r?\n/g, ' ');
}
function commentKey(projectName) {
    return `deploy-vercel:${projectName}`;
}
function commentBody(d, run, options) {
    const state = STATE_LABEL[d.readyState] ?? markdownText(d.readyState);
    const kind = options.production ? (options.staged ? 'Staged production' : 'Production') : 'Preview';
    // The pull request's head commit (what was pushed), not the merge commit the run checks out.
    const short = run.headSha.slice(0, 7);
    const repoUrl = run.repository ? `${run.serverUrl}/${run.repository}` : undefined;
    const commit = run.headSha ? (repoUrl ? `[\`${short}\`](${repoUrl}/commit/${run.headSha})` : `\`${short}\``) : '—';
    const id = /^[A-Za-z0-9_]+$/.test(d.id) ? d.id : markdownText(d.id);
    const rows = [
        ['Project', markdownText(d.name)],
        ['State', state + (d.errorMessage ? `: ${markdownText(d.errorMessage).slice(0, 300)}` : '')],
        [kind, d.readyState === 'READY' && /^[a-z0-9.-]+$/i.test(d.url) ? `https://${d.url}` : '—'],
        ['Inspect', d.inspectorUrl && /^https:\/\/[^\s()<>[\]]+$/.test(d.inspectorUrl) ? `[${id}](${d.inspectorUrl})` : id],
        ['Commit', commit],
        ...(run.runUrl ? [['Run', `[#${run.runId}](${run.runUrl})`]] : []),
        ['Updated', new Date().toISOString().replace(/\.\d+Z$/, 'Z')],
    ];
    return [
        `### Vercel ${kind.toLowerCase()} deployment`,
        '',
        '| | |',
        '|---|---|',
        ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    ].join('\n');
}

;// CONCATENATED MODULE: ./actions/deploy-vercel/src/github.ts
/**
 * The GitHub side of a deploy: the pull-request comment with the preview URL (one per project
 * and PR, updated in place on every push) and, when asked, a GitHub deployment with its statuses.
 * Neither ever fails the deploy: a missing permission is a warning naming the `permissions:`
 * line (the GitHub client's rule), any other GitHub failure a warning too.
 */


const silentReporter = {
    started: async () => { },
    finished: async () => { },
    notes: () => [],
};
function wantsComment(inputs, pullRequest) {
    return inputs.prComment === 'true' || (inputs.prComment === 'auto' && pullRequest !== undefined);
}
async function gitHubReporter(inputs, ctx) {
    const { runner } = ctx;
    const pullRequest = ctx.github.pullRequest;
    let comment = wantsComment(inputs, pullRequest);
    if (comment && pullRequest === undefined) {
        runner.info(`pr-comment is true, but this ${ctx.github.eventName || 'run'} event has no pull request: no comment.`);
        comment = false;
    }
    if (!comment && !inputs.githubDeployment)
        return silentReporter;
    const token = inputs.githubToken ?? ctx.env.GITHUB_TOKEN;
    if (!token) {
        runner.warning(`${comment ? 'The PR comment' : 'The GitHub deployment'} needs a GitHub token: add \`github-token\` with the run's github.token to the step.`);
        return silentReporter;
    }
    runner.setSecret(token);
    const { connectGitHub } = await __webpack_require__.e(/* import() */ 583).then(__webpack_require__.bind(__webpack_require__, 16583));
    const client = await connectGitHub({
        token,
        repository: ctx.github.repository,
        apiUrl: ctx.github.apiUrl,
        http: ctx.http({ service: 'GitHub', timeout: 10_000, deadline: 30_000 }),
        logger: runner,
        secrets: runner.secrets,
        userAgent: 'deploy-suite-deploy-vercel',
    });
    return new GitHubReporting(client, inputs, ctx, comment ? pullRequest : undefined);
}
class GitHubReporting {
    client;
    ctx;
    pullRequest;
    production;
    staged;
    createDeployment;
    deploymentId;
    written = [];
    /** GitHub calls run one after another, in the order the deploy asked for them. */
    queue = Promise.resolve();
    constructor(client, inputs, ctx, pullRequest) {
        this.client = client;
        this.ctx = ctx;
        this.pullRequest = pullRequest;
        this.production = inputs.production;
        this.staged = inputs.production && !inputs.promote;
        this.createDeployment = inputs.githubDeployment;
    }
    started(d) {
        return this.enqueue('record the deployment on GitHub', async () => {
            if (this.createDeployment) {
                const created = await this.client.createDeployment({
                    ref: this.ctx.github.headSha || this.ctx.github.ref,
                    environment: this.production ? 'production' : 'preview',
                    transient: !this.production,
                    production: this.production && !this.staged,
                    description: `Vercel ${d.id}${this.staged ? ' (staged)' : ''}`,
                    payload: { vercelDeploymentId: d.id, vercelProject: d.name },
                });
                this.deploymentId = created?.id;
                if (this.deploymentId !== undefined)
                    await this.client.setDeploymentStatus(this.deploymentId, {
                        state: 'in_progress',
                        ...(d.inspectorUrl ? { logUrl: d.inspectorUrl } : {}),
                        description: 'Building on Vercel',
                    });
            }
            await this.comment(d);
        });
    }
    finished(d, state) {
        return this.enqueue('report the outcome on GitHub', async () => {
            if (this.deploymentId !== undefined) {
                await this.client.setDeploymentStatus(this.deploymentId, {
                    state,
                    ...(state === 'success' ? { environmentUrl: `https://${d.url}` } : {}),
                    ...(d.inspectorUrl ? { logUrl: d.inspectorUrl } : {}),
                    description: state === 'success' ? `Vercel ${d.readyState}` : `Vercel ${d.readyState}: ${d.errorCode ?? ''}`.trim(),
                    // A staged deployment serves no one yet: the environment's live deployment stays active.
                    autoInactive: !this.staged,
                });
                this.written.push(`GitHub deployment ${this.deploymentId}: ${state}.`);
            }
            await this.comment(d);
        });
    }
    notes() {
        return [...new Set(this.written)];
    }
    async comment(d) {
        if (this.pullRequest === undefined)
            return;
        const result = await this.client.upsertComment({
            issueNumber: this.pullRequest,
            key: commentKey(d.name),
            body: commentBody(d, this.ctx.github, { production: this.production, staged: this.staged }),
        });
        if (result)
            this.written.push(`Pull request #${this.pullRequest}: comment ${result.url}`);
    }
    enqueue(what, work) {
        this.queue = this.queue.then(work).catch((error) => {
            if (this.ctx.signal.aborted)
                return;
            this.ctx.runner.warning(`Could not ${what} (the deploy goes on): ${(0,errors/* errorMessage */.gJ)(error)}`);
        });
        return this.queue;
    }
}

;// CONCATENATED MODULE: ./actions/deploy-vercel/src/metadata.ts
/**
 * What Vercel records about the commit a deployment came from: `gitMetadata` (shown in the
 * dashboard next to the deployment) and `meta` keys in the form Vercel's Git integration uses
 * (`githubCommitSha`, …), so a deployment made by this action reads like one made by a push.
 */
/**
 * On a pull request the commit is the branch's head (what Vercel's Git integration records and
 * what the reviewer pushed), and the ref its branch (`GITHUB_HEAD_REF`), not the merge ref.
 */
function gitMetadataOf(run, headRef) {
    if (!run.headSha)
        return undefined;
    const [firstLine] = (run.commitMessage ?? '').split(/\r?\n/);
    const ref = headRef || run.refName;
    return {
        commitSha: run.headSha,
        ...(ref ? { commitRef: ref } : {}),
        ...(firstLine ? { commitMessage: firstLine.slice(0, 1000) } : {}),
        ...(run.actor ? { commitAuthorName: run.actor } : {}),
        ...(run.repository ? { remoteUrl: `${run.serverUrl}/${run.repository}` } : {}),
        dirty: false,
    };
}
function metaOf(run, extra, headRef) {
    const [org, repo] = run.repository.split('/');
    const ref = headRef || run.refName;
    const meta = {
        ...(run.headSha ? { githubCommitSha: run.headSha } : {}),
        ...(ref ? { githubCommitRef: ref } : {}),
        ...(run.commitMessage ? { githubCommitMessage: run.commitMessage.slice(0, 1000) } : {}),
        ...(run.actor ? { githubCommitAuthorLogin: run.actor } : {}),
        ...(org && repo ? { githubOrg: org, githubRepo: repo } : {}),
        ...(run.pullRequest !== undefined ? { githubPrId: String(run.pullRequest) } : {}),
        ...(run.runUrl ? { githubRunUrl: run.runUrl } : {}),
    };
    for (const [key, value] of extra ?? [])
        meta[key] = value;
    return meta;
}

;// CONCATENATED MODULE: ./actions/deploy-vercel/src/outputs.ts
function setDeploymentOutputs(ctx, d) {
    ctx.runner.setOutput('deployment-id', d.id);
    ctx.runner.setOutput('url', `https://${d.url}`);
    if (d.inspectorUrl)
        ctx.runner.setOutput('inspector-url', d.inspectorUrl);
    ctx.runner.setOutput('ready-state', d.readyState);
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

;// CONCATENATED MODULE: ./actions/deploy-vercel/src/promote.ts
/**
 * `promote-deployment`: point production at an existing, verified deployment (no build), wait
 * until production serves it, and record what served before, for rollback. The deployment must
 * be a READY production deployment of this project (a staged one, or an earlier one).
 */






async function promoteExisting(inputs, ctx, api, project) {
    const { runner, clock } = ctx;
    const started = clock.now();
    const ref = (inputs.promoteDeployment ?? '').replace(/^https:\/\//, '').replace(/\/$/, '');
    const target = await api.getDeployment(ref);
    if (target.projectId !== undefined && target.projectId !== project.id)
        throw new errors/* UserError */.yo(`Deployment ${target.id} belongs to another project, not ${project.name} (${project.id}).`, {
            hint: 'Pass the deployment-id output of the deploy step of this project.',
        });
    if (target.readyState !== 'READY')
        throw new errors/* UserError */.yo(`Deployment ${target.id} is ${target.readyState}: only a READY deployment can be promoted.`);
    if (target.target !== 'production')
        throw new errors/* UserError */.yo(`Deployment ${target.id} is a preview deployment: promote a production one (production: true, promote: false).`);
    const previous = project.productionDeploymentId;
    if (previous)
        runner.setOutput('previous-deployment-id', previous);
    if (previous === target.id) {
        runner.info(`Production of ${(0,untrusted/* quote */.hD)(project.name, runner.secrets)} already serves ${target.id}; nothing to promote.`);
    }
    else {
        await runner.group(`Promote ${target.id} to production`, async () => {
            await api.promote(project.id, target.id);
            runner.info(`Promotion requested; production served ${previous ?? 'nothing'} until now.`);
            await waitForProduction(api, project.id, target.id, {
                timeout: inputs.timeout,
                signal: ctx.signal,
                clock,
                onProgress: (line) => runner.info(line),
            });
            runner.info(`Production of ${(0,untrusted/* quote */.hD)(project.name, runner.secrets)} serves ${target.id}.`);
        });
    }
    // Verified: the project says production is this deployment; read the deployment again for its domains.
    const live = await api.getDeployment(target.id);
    setDeploymentOutputs(ctx, live);
    runner.setOutput('aliases', JSON.stringify(live.alias));
    new Summary()
        .heading('Vercel promotion', 3)
        .table(['', ''], [
        ['Project', project.name],
        ['Promoted', live.inspectorUrl ? report_link(live.id, live.inspectorUrl) : code(live.id)],
        ['Deployment URL', report_link(`https://${live.url}`, `https://${live.url}`)],
        ['Previous production', previous ? code(previous) : 'none'],
        ['Domains', live.alias.join(', ') || 'none'],
        ['Took', (0,input_types/* formatDuration */.a3)(clock.now() - started)],
    ])
        .write(runner);
    return { status: 'success' };
}

;// CONCATENATED MODULE: ./actions/deploy-vercel/src/summary.ts
/** The job summary of a deploy: what was deployed where, how much was sent, and how it ended. */



function writeDeploySummary(runner, s) {
    const d = s.deployment;
    const url = `https://${d.url}`;
    const rows = [
        ['State', d.readyState],
        ['Target', s.target],
        ['Deployment', d.inspectorUrl ? report_link(d.id, d.inspectorUrl) : code(d.id)],
        ['URL', d.readyState === 'READY' ? report_link(url, url) : url],
    ];
    if (s.aliases.length > 0)
        rows.push(['Domains', s.aliases.join(', ')]);
    if (s.previous !== undefined)
        rows.push(['Previous production', code(s.previous)]);
    if (s.files > 0)
        rows.push([
            'Uploaded',
            `${s.uploadedFiles} of ${s.files} files (${formatBytes(s.uploadedBytes)} of ${formatBytes(s.totalBytes)})`,
        ]);
    rows.push(['Took', (0,input_types/* formatDuration */.a3)(s.elapsed)]);
    const summary = new Summary().heading(`Vercel deployment: ${d.readyState}`, 3).table(['', ''], rows);
    if (s.staged && d.readyState === 'READY')
        summary.paragraph('Staged: production still serves the previous deployment. Check this one at its URL (send the', code('x-vercel-protection-bypass'), 'header if deployment protection is on), then promote it with', code(`promote-deployment: ${d.id}`), '.');
    if (s.failure)
        summary.paragraph('Why:', s.failure);
    if (s.logs && s.logs.length > 0)
        summary.details(`Build output (last ${s.logs.length} lines)`, new Summary().codeBlock(s.logs.join('\n')));
    for (const note of s.github)
        summary.paragraph(note);
    summary.write(runner);
}

;// CONCATENATED MODULE: ./actions/deploy-vercel/src/deploy-vercel.ts
/**
 * deploy-vercel: find the project and what production serves now, deploy the tree through
 * @vercel/client (wrapped with our deadline, cancel and 429 handling), wait for READY with its
 * aliases, assign the requested aliases, and report. A production deploy with `promote: false` is
 * staged: built with production settings, production domains untouched. `promote-deployment`
 * promotes an existing deployment instead (promote.ts).
 */














/** How many lines of a failed build reach the log, the error and the summary. */
const FAILED_BUILD_LINES = 30;
function apiFor(inputs, http) {
    return new VercelApi({ http, token: inputs.token, teamId: inputs.teamId, apiUrl: inputs.apiUrl });
}
function treePath(inputs, ctx) {
    const workspace = ctx.env.GITHUB_WORKSPACE ?? process.cwd();
    const path = (0,external_node_path_.isAbsolute)(inputs.path) ? inputs.path : (0,external_node_path_.resolve)(workspace, inputs.path);
    if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isDirectory())
        throw new errors/* UserError */.yo(`Input 'path' got ${JSON.stringify(inputs.path)}: expected a folder; ${path} is not one.`, {
            hint: 'Check out the repository (actions/checkout) before this step, and give the folder relative to the workspace.',
        });
    if (inputs.prebuilt && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(path, '.vercel', 'output', 'config.json')))
        throw new errors/* UserError */.yo(`Input 'prebuilt' is true but ${(0,external_node_path_.join)(path, '.vercel', 'output', 'config.json')} does not exist: expected the output of \`vercel build\`.`, { hint: 'Run `vercel build` (or `vercel build --prod` for production) in an earlier step, in the same folder.' });
    return path;
}
async function deployVercel(inputs, ctx) {
    const { runner, clock } = ctx;
    // Masks are job-wide: only values that may be credentials are masked (variable-masking.ts).
    const variables = [...(inputs.env ?? []), ...(inputs.buildEnv ?? [])];
    if (variables.length > 0)
        runner.info(`env and build-env: ${maskVariables(runner, variables).line}.`);
    const started = clock.now();
    const http = ctx.http({ service: 'Vercel API', timeout: 30_000, deadline: Math.min(inputs.timeout, 120_000) });
    const api = apiFor(inputs, http);
    const project = await runner.group('Find the Vercel project', async () => {
        const found = await api.getProject(inputs.projectId);
        runner.info(`Project ${(0,untrusted/* quote */.hD)(found.name, runner.secrets)} (${found.id}); production serves ${found.productionDeploymentId ?? 'nothing yet'}.`);
        return found;
    });
    if (inputs.promoteDeployment !== undefined)
        return promoteExisting(inputs, ctx, api, project);
    return deployTree(inputs, ctx, api, project, started);
}
async function deployTree(inputs, ctx, api, project, started) {
    const { runner, clock } = ctx;
    const path = treePath(inputs, ctx);
    const staged = inputs.production && !inputs.promote;
    const previous = inputs.production ? project.productionDeploymentId : undefined;
    if (previous)
        runner.setOutput('previous-deployment-id', previous);
    const github = await gitHubReporter(inputs, ctx);
    // Cancelling must still reach Vercel after the run's signal has aborted every other request.
    const cancelApi = apiFor(inputs, new http/* HttpClient */.Qq({ service: 'Vercel API', timeout: 10_000, deadline: 20_000, retries: 2 }));
    const target = inputs.production ? (staged ? 'production (staged: domains not assigned)' : 'production') : 'preview';
    let created;
    const progress = new untrusted/* UntrustedStream */.D5(runner);
    const outcome = await runner.group(`Deploy ${inputs.prebuilt ? 'the prebuilt output' : inputs.path} to ${target}`, async () => {
        try {
            return await deploy({
                api,
                cancelApi,
                token: inputs.token,
                path,
                project,
                production: inputs.production,
                promote: inputs.promote,
                prebuilt: inputs.prebuilt,
                archive: inputs.archive,
                env: Object.fromEntries(inputs.env ?? []),
                buildEnv: Object.fromEntries(inputs.buildEnv ?? []),
                meta: metaOf(ctx.github, inputs.meta, ctx.env.GITHUB_HEAD_REF),
                gitMetadata: gitMetadataOf(ctx.github, ctx.env.GITHUB_HEAD_REF),
                timeout: Math.max(0, inputs.timeout - (clock.now() - started)),
                wait: inputs.wait,
                signal: ctx.signal,
                clock,
                userAgent: 'deploy-suite-deploy-vercel',
                onProgress: (line) => progress.line(line),
                onCreated: (d) => {
                    created = d;
                    setDeploymentOutputs(ctx, d);
                    void github.started(d);
                },
            });
        }
        catch (error) {
            progress.close();
            if (error instanceof DeploymentFailedError)
                return error;
            if (created) {
                // The state it was left in (CANCELED after our deadline or a cancelled run), as Vercel says.
                const last = await cancelApi.getDeployment(created.id).catch(() => created);
                runner.setOutput('ready-state', last?.readyState ?? 'unknown');
                await github.finished(last ?? created, last?.readyState === 'CANCELED' ? 'inactive' : 'failure');
            }
            throw error;
        }
        finally {
            progress.close();
        }
    });
    if (outcome instanceof DeploymentFailedError)
        return reportFailure(inputs, ctx, outcome, github, previous, started);
    const deployment = outcome.deployment;
    const aliases = [...deployment.alias];
    if (inputs.alias && inputs.alias.length > 0 && deployment.readyState === 'READY') {
        await runner.group('Assign aliases', async () => {
            for (const alias of inputs.alias ?? []) {
                const assigned = await api.assignAlias(deployment.id, alias);
                runner.info(`${assigned.alias} → ${deployment.id}${assigned.oldDeploymentId ? ` (was ${assigned.oldDeploymentId})` : ''}`);
                if (!aliases.includes(assigned.alias))
                    aliases.push(assigned.alias);
            }
        });
    }
    if (inputs.production && !staged && inputs.wait) {
        await runner.group('Check that production serves it', async () => {
            const live = await waitForProduction(api, project.id, deployment.id, {
                timeout: Math.max(1000, inputs.timeout - (clock.now() - started)),
                signal: ctx.signal,
                clock,
            });
            runner.info(`Production of ${live.name} serves ${deployment.id}.`);
        });
    }
    setDeploymentOutputs(ctx, deployment);
    runner.setOutput('aliases', JSON.stringify(aliases));
    if (staged)
        runner.info(`Staged: production still serves ${previous ?? 'nothing'}; check https://${deployment.url}, then promote it with promote-deployment: ${deployment.id}.`);
    if (deployment.readyState === 'READY')
        await github.finished(deployment, 'success');
    const summary = {
        deployment,
        target,
        project,
        previous,
        aliases,
        uploadedFiles: outcome.uploadedFiles,
        uploadedBytes: outcome.uploadedBytes,
        files: outcome.files,
        totalBytes: outcome.totalBytes,
        elapsed: clock.now() - started,
        staged,
        logs: undefined,
        failure: undefined,
        github: github.notes(),
    };
    writeDeploySummary(runner, summary);
    runner.info(`Deployment ${deployment.id} is ${deployment.readyState} at https://${deployment.url} (${(0,input_types/* formatDuration */.a3)(clock.now() - started)}).`);
    return { status: deployment.readyState === 'READY' ? 'success' : deployment.readyState.toLowerCase() };
}
async function reportFailure(inputs, ctx, error, github, previous, started) {
    const { runner } = ctx;
    const d = error.deployment;
    const logs = error.logs.slice(-FAILED_BUILD_LINES);
    setDeploymentOutputs(ctx, d);
    if (logs.length > 0) {
        await runner.group(`Build output (last ${logs.length} lines)`, async () => (0,untrusted/* untrustedBlock */.C9)(runner, logs));
    }
    await github.finished(d, d.readyState === 'CANCELED' ? 'inactive' : 'failure');
    const reason = d.errorMessage ?? d.errorCode ?? d.readyState;
    writeDeploySummary(runner, {
        deployment: d,
        target: inputs.production ? 'production' : 'preview',
        project: undefined,
        previous,
        aliases: [],
        uploadedFiles: 0,
        uploadedBytes: 0,
        files: 0,
        totalBytes: 0,
        elapsed: ctx.clock.now() - started,
        staged: inputs.production && !inputs.promote,
        logs: logs.map((line) => (0,untrusted/* excerpt */.Kb)(line, runner.secrets, 500)),
        failure: (0,untrusted/* excerpt */.Kb)(reason, runner.secrets),
        github: github.notes(),
    });
    const tail = logs.slice(-5).join(' | ');
    throw new errors/* UserError */.yo(`Vercel deployment ${d.id} ended ${d.readyState}: ${(0,untrusted/* quote */.hD)(reason, runner.secrets)}.` +
        (tail ? ` Last build lines: ${(0,untrusted/* quote */.hD)((0,untrusted/* excerpt */.Kb)(tail, runner.secrets, 600), runner.secrets, 620)}` : ''), { hint: error.hint ?? `The whole build log: ${d.inspectorUrl ?? 'the Vercel dashboard'}.` });
}


/***/ })

};
