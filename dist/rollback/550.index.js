export const id = 550;
export const ids = [550];
export const modules = {

/***/ 6550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollbackVercel: () => (/* binding */ rollbackVercel)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/http.ts + 2 modules
var src_http = __webpack_require__(8454);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(3023);
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
function api_toDeployment(json) {
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
        return api_toDeployment(body);
    }
    async listDeployments(query = {}) {
        const { body } = await this.call('GET', '/v6/deployments', {
            query: { projectId: query.projectId, target: query.target, state: query.state, limit: query.limit, until: query.until },
        });
        return {
            deployments: (body.deployments ?? []).map(api_toDeployment),
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
            if (!(error instanceof src_http/* HttpError */.j$) || error.status !== 404)
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
        return api_toDeployment(body);
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/clock.ts
var clock = __webpack_require__(143);
// EXTERNAL MODULE: ./packages/core/src/input-types.ts + 1 modules
var input_types = __webpack_require__(9747);
// EXTERNAL MODULE: ./packages/core/src/poll.ts
var src_poll = __webpack_require__(9908);
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
class progress_UploadMeter {
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
        this.say(`All files uploaded in ${formatDuration(ms)}${rate}.`);
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
class retry_after_RetryAfterObserver {
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
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./packages/vercel/src/upload.ts
/**
 * Uploads the files Vercel reported missing, through the core HTTP client: each request with its
 * timeout, retries on 429 after `Retry-After`, 5xx and network errors, the run's cancellation.
 * A fixed pool of workers takes the next file as one finishes, so 10,000 files cost 10,000
 * requests and nothing more (@vercel/client's own loop races every pending upload on each
 * completion, which grows with the square of the file count, and gives up on the first 429).
 */

async function upload_uploadMissing(api, files, shas, options = {}) {
    const queue = [...shas];
    let failed = false;
    const worker = async () => {
        for (let sha = queue.shift(); sha !== undefined && !failed; sha = queue.shift()) {
            options.signal?.throwIfAborted();
            const file = files.get(sha);
            if (!file)
                throw new Error(`Vercel asked for a file this tree does not have (sha1 ${sha})`);
            const data = file.data ?? (await readFile(file.names[0] ?? ''));
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
const loadVercelClient = async () => (await Promise.all(/* import() */[__webpack_require__.e(208), __webpack_require__.e(865)]).then(__webpack_require__.t.bind(__webpack_require__, 1208, 23))).createDeployment;
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
    const clock = request.clock ?? systemClock;
    const progress = request.onProgress ?? (() => { });
    const started = clock.now();
    const deadlineAt = started + request.timeout;
    const deadlineError = () => new DeadlineError(`The deploy did not finish within ${formatDuration(request.timeout)} (the timeout input).`);
    // One signal for the upload phase: the run's cancellation or our deadline, whichever is first.
    const stopTimer = new AbortController();
    const deadline = new AbortController();
    clock.sleep(request.timeout, stopTimer.signal).then(() => deadline.abort(deadlineError()), () => { });
    const stop = AbortSignal.any([deadline.signal, ...(request.signal ? [request.signal] : [])]);
    const reasonOf = () => request.signal?.aborted ? cancellation(request.signal) : (deadline.signal.reason ?? deadlineError());
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
                    throw new UserError(`Vercel still reports ${outcome.missing.length} files missing after ${maxRetries} uploads.`, {
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
                throw new UserError(`Vercel refused the deployment: ${error.code ? `${error.code}: ` : ''}${error.message ?? 'no reason given'}`, { hint: hintFor(error) });
            }
            const wait = seen.retryAfterMs ?? Math.min(30_000, 1000 * 2 ** (attempts - 1));
            if (clock.now() + wait > deadlineAt)
                throw deadlineError();
            const why = isRateLimited(error) || seen.status === 429
                ? 'Vercel is rate limiting'
                : `Vercel failed (${error.code ?? seen.status ?? error.message})`;
            progress(`${why}; trying again in ${formatDuration(wait)} (attempt ${attempts + 1}).`);
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
            throw new UserError(`Vercel could not assign the aliases: ${final.aliasError.message ?? final.aliasError.code}`);
        return result(final);
    }
    catch (error) {
        if (created && (error instanceof DeadlineError || error instanceof CancelledError || request.signal?.aborted)) {
            await cancelQuietly(request.cancelApi ?? request.api, created.id, progress);
            if (error instanceof DeadlineError)
                throw new DeadlineError(`${error.message} Deployment ${created.id} was canceled.`, error.lastState);
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
        ...(request.prebuilt ? { prebuilt: true, vercelOutputDir: join(request.path, '.vercel', 'output') } : {}),
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
        return { code: e.code, message: e.message ?? errorMessage(error), status: e.status, network };
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
        progress(`Could not cancel deployment ${id}: ${errorMessage(error)}`);
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
    const { value } = await (0,src_poll/* poll */.w)({
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

;// CONCATENATED MODULE: ./actions/rollback/src/vercel-plan.ts
/** Checks an explicit `to`; `requested` is null when Vercel does not show it to this token. */
function checkRequested(project, requestedRef, requested) {
    const refuse = (refusal) => ({ ok: false, refusal });
    if (!requested)
        return refuse(`Vercel does not show deployment ${requestedRef} to this token: it does not exist, or it belongs to another team.`);
    const id = requested.id;
    if (requested.projectId !== undefined && requested.projectId !== project.id)
        return refuse(`Deployment ${id} belongs to another project (${requested.projectId}), not ${project.name}.`);
    if (project.productionDeploymentId === id)
        return refuse(`Deployment ${id} is already what production of ${project.name} serves; there is nothing to roll back.`);
    if (requested.target !== 'production')
        return refuse(`Deployment ${id} is a preview deployment: production can only go back to an earlier production deployment.`);
    if (requested.readyState !== 'READY')
        return refuse(`Deployment ${id} is ${requested.readyState}: only a READY deployment can serve production.`);
    return { ok: true, target: requested };
}
/**
 * The previous production release: the newest READY production deployment created before the
 * one production serves. `candidates` are the project's READY production deployments, any order.
 */
function choosePrevious(project, live, candidates) {
    if (!live)
        return {
            ok: false,
            refusal: `Production of ${project.name} serves nothing yet; there is nothing to roll back.`,
        };
    const previous = [...candidates]
        .filter((d) => d.id !== live.id && d.readyState === 'READY' && d.target === 'production' && d.createdAt < live.createdAt)
        .sort((a, b) => b.createdAt - a.createdAt)[0];
    if (!previous)
        return {
            ok: false,
            refusal: `No earlier good release of ${project.name}: no READY production deployment is older than the live one (${live.id}).`,
        };
    return { ok: true, target: previous };
}

;// CONCATENATED MODULE: ./actions/rollback/src/vercel.ts
/**
 * Vercel: settle the target (refusing, with nothing changed, when there is nothing earlier, when
 * it is already live, or when it is another project's) → instant rollback (v9, v1 when v9 is
 * unknown) → read the project until production points at the target → verify, and report.
 */






async function readDeployment(api, ref) {
    try {
        return await api.getDeployment(ref);
    }
    catch (error) {
        if (error instanceof src_http/* HttpError */.j$ && (error.status === 404 || error.status === 403))
            return null;
        throw error;
    }
}
async function plan(api, project, to) {
    if (to !== undefined)
        return checkRequested(project, to, await readDeployment(api, to));
    const live = project.productionDeploymentId ? await api.getDeployment(project.productionDeploymentId) : undefined;
    const candidates = [];
    if (live) {
        const previous = await api.findDeployment({ projectId: project.id, target: 'production', state: 'READY', limit: 20, until: live.createdAt }, (d) => d.id !== live.id && d.createdAt < live.createdAt && d.readyState === 'READY');
        if (previous)
            candidates.push(previous);
    }
    return choosePrevious(project, live, candidates);
}
/** The production URL: a domain of the project's own, else the first alias, else the deployment's. */
function productionUrl(d) {
    const host = d.alias.find((a) => !a.endsWith('.vercel.app')) ?? d.alias[0] ?? d.url;
    return `https://${host}`;
}
async function rollbackVercel(inputs, ctx) {
    const { runner, clock } = ctx;
    const started = clock.now();
    const token = inputs.token ?? '';
    const http = ctx.http({ service: 'Vercel API', timeout: inputs.requestTimeout, deadline: inputs.requestTimeout * 4 });
    const api = new VercelApi({ http, token, teamId: inputs.teamId, apiUrl: inputs.apiUrl ?? 'https://api.vercel.com' });
    const ref = inputs.to?.kind === 'one' ? inputs.to.id.replace(/^https:\/\//, '').replace(/\/$/, '') : undefined;
    const project = await runner.group('Find the Vercel project', async () => {
        const found = await api.getProject(inputs.projectId ?? '');
        runner.info(`Project ${(0,untrusted/* quote */.hD)(found.name, runner.secrets)} (${found.id}); production serves ${found.productionDeploymentId ?? 'nothing yet'}.`);
        return found;
    });
    const chosen = await runner.group('Choose the release to go back to', async () => {
        const p = await plan(api, project, ref);
        if (!p.ok)
            throw new errors/* UserError */.yo(`Nothing was rolled back. ${p.refusal}`, {
                hint: 'Pass `to` with an earlier READY production deployment of this project (a deploy step sets it as previous-deployment-id).',
            });
        runner.info(`Production: ${project.productionDeploymentId ?? 'nothing'} → back to ${p.target.id} (https://${p.target.url})`);
        return p.target;
    });
    const row = {
        service: project.name,
        serviceId: project.id,
        from: project.productionDeploymentId,
        to: chosen.id,
        deploymentId: chosen.id,
        status: 'REQUESTED',
        verified: false,
        url: undefined,
        failure: undefined,
        tail: [],
        durationMs: 0,
    };
    let requested = false;
    ctx.onCancel(() => {
        if (requested)
            runner.warning(`The rollback of ${project.name} to ${chosen.id} was requested before the cancel and is not undone; Vercel finishes it.`);
    });
    await runner.group(`Roll production of ${project.name} back to ${chosen.id}`, async () => {
        try {
            await api.rollback(project.id, chosen.id);
        }
        catch (error) {
            // A retried request whose first attempt went through: Vercel says the switch is already made or under way.
            if (!(error instanceof src_http/* HttpError */.j$ && error.status === 409) || !(await switching(api, project.id, chosen.id)))
                throw error;
        }
        requested = true;
        runner.info(`Instant rollback requested; production served ${project.productionDeploymentId ?? 'nothing'} until now.`);
        if (!inputs.wait)
            return;
        try {
            await waitForProduction(api, project.id, chosen.id, {
                timeout: Math.max(1000, inputs.timeout - (clock.now() - started)),
                signal: ctx.signal,
                clock,
                onProgress: (line) => runner.info(line),
            });
        }
        catch (error) {
            if (!(error instanceof errors/* DeadlineError */.j3))
                throw error;
            row.status = 'TIMEOUT';
            row.failure = error.message;
        }
    });
    row.durationMs = clock.now() - started;
    if (!inputs.wait || row.failure)
        return [row];
    // Verify: read the project again; production must be the target.
    const after = await api.getProject(project.id);
    const live = await api.getDeployment(chosen.id);
    row.status = live.readyState;
    row.url = productionUrl(live);
    if (after.productionDeploymentId !== chosen.id) {
        row.failure = `production of ${project.name} serves ${after.productionDeploymentId ?? 'nothing'}, not ${chosen.id}.`;
        return [row];
    }
    row.verified = true;
    runner.info(`Production of ${(0,untrusted/* quote */.hD)(project.name, runner.secrets)} serves ${chosen.id} again.`);
    return [row];
}
async function switching(api, projectId, deploymentId) {
    const project = await api.getProject(projectId);
    return project.productionDeploymentId === deploymentId || project.lastAliasRequest?.toDeploymentId === deploymentId;
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


/***/ })

};
