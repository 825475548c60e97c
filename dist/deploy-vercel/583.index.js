export const id = 583;
export const ids = [583];
export const modules = {

/***/ 16583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connectGitHub: () => (/* binding */ connectGitHub)
});

// UNUSED EXPORTS: GitHubClient

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(63023);
;// CONCATENATED MODULE: ./packages/github/src/marker.ts
/**
 * The hidden marker that identifies a comment the suite owns: `<!-- deploy-suite:<key> -->` as
 * the comment's first line. GitHub renders HTML comments as nothing, so readers see only the
 * body, and the next run finds the same comment again and edits it instead of adding another.
 */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,99}$/;
/** The marker for `key` (letters, digits and `. _ : / @ -`, so no key can close the comment early). */
function commentMarker(key) {
    if (!KEY.test(key))
        throw new TypeError(`a comment key is 1 to 100 of letters, digits and . _ : / @ -; got ${JSON.stringify(key)}`);
    return `<!-- deploy-suite:${key} -->`;
}
/**
 * Whether a comment is the one marked `marker`: the marker must open the body. A reviewer who
 * quotes our comment (`> <!-- … -->`) or mentions the marker in passing does not own it, and
 * editing their comment would be both wrong and refused.
 */
function isMarked(body, marker) {
    return typeof body === 'string' && body.startsWith(marker);
}

;// CONCATENATED MODULE: ./packages/github/src/permissions.ts
/**
 * A workflow token without the permission a call needs gets 403 "Resource not accessible by
 * integration". That is a fix in the workflow file, not a failed deploy: it becomes a warning
 * that names the exact `permissions:` line to add, and the deploy goes on.
 */
const NOT_ACCESSIBLE = 'Resource not accessible by integration';
/** GitHub's 403 for a token that lacks a permission (not a rate limit, not a blocked user). */
function isMissingPermission(error) {
    const e = error;
    if (!e || typeof e !== 'object' || e.status !== 403)
        return false;
    const data = e.response?.data;
    const message = typeof data?.message === 'string' ? data.message : String(e.message ?? '');
    return message.includes(NOT_ACCESSIBLE);
}
/** The warning for a call skipped for want of `permission`. */
function missingPermissionWarning(what, permission) {
    const [scope] = permission.split(':');
    return [
        `Skipped: ${what}. GitHub answered 403 "${NOT_ACCESSIBLE}": the workflow's token lacks \`${permission}\`.`,
        `Add it to the job's permissions:  permissions: { ${scope}: write }  (with the other scopes the job needs, e.g. contents: read).`,
        'On a pull request from a fork the token is read-only whatever the workflow asks. The deploy itself is not affected.',
    ].join(' ');
}

;// CONCATENATED MODULE: ./packages/github/src/client.ts




/** GitHub's cap on a comment body. */
const MAX_COMMENT = 65_536;
const MAX_DESCRIPTION = 140;
/** Pages of 100 comments searched for the marker: 5,000 comments, far past any real pull request. */
const MAX_COMMENT_PAGES = 50;
async function connectGitHub(options) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 92413));
    const debug = (message) => options.logger.debug(`GitHub: ${message}`);
    const octokit = getOctokit(options.token, {
        baseUrl: (options.apiUrl || (options.env ?? process.env).GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'deploy-suite',
        request: { fetch: options.http.fetch },
        // Octokit's own notices (deprecations) go to the step's debug log, never raw to the console.
        log: { debug, info: debug, warn: debug, error: debug },
    });
    return new GitHubClient(octokit, options);
}
class GitHubClient {
    octokit;
    owner;
    repo;
    logger;
    secrets;
    /** Permissions found missing: later calls needing them are skipped without asking again. */
    missing = new Set();
    constructor(octokit, options) {
        const [owner, repo, ...rest] = options.repository.split('/');
        if (!owner || !repo || rest.length > 0)
            throw new errors/* UserError */.yo(`The repository must be owner/name; got ${JSON.stringify(options.repository)}.`);
        this.octokit = octokit;
        this.owner = owner;
        this.repo = repo;
        this.logger = options.logger;
        this.secrets = options.secrets ?? { scrub: (text) => text };
    }
    /** Creates a GitHub deployment; `undefined` when the token lacks `deployments: write`. */
    createDeployment(request) {
        return this.call(`create a GitHub deployment for ${request.environment}`, 'deployments: write', async () => {
            const { data } = await this.octokit.rest.repos.createDeployment({
                owner: this.owner,
                repo: this.repo,
                ref: request.ref,
                environment: request.environment,
                // Never merge the default branch into the ref: the deployed commit is the one built.
                auto_merge: false,
                // By default GitHub requires every status check of the commit to pass, and the run that
                // deploys is itself still pending: the request would fail with 409.
                required_contexts: [],
                ...(request.description === undefined ? {} : { description: (0,untrusted/* truncate */.xv)(request.description, MAX_DESCRIPTION) }),
                ...(request.transient === undefined ? {} : { transient_environment: request.transient }),
                ...(request.production === undefined ? {} : { production_environment: request.production }),
                ...(request.payload === undefined ? {} : { payload: request.payload }),
            });
            const created = answer(data, 'the deployment');
            if (typeof created.id !== 'number')
                throw new errors/* UserError */.yo(`GitHub did not create the deployment: ${(0,untrusted/* excerpt */.Kb)(String(created.message ?? ''), this.secrets)}`);
            return { id: created.id, environment: String(created.environment), url: String(created.url) };
        });
    }
    /** Records a deployment's state; `undefined` when the token lacks `deployments: write`. */
    setDeploymentStatus(deploymentId, request) {
        return this.call(`set GitHub deployment ${deploymentId} to ${request.state}`, 'deployments: write', async () => {
            const { data } = await this.octokit.rest.repos.createDeploymentStatus({
                owner: this.owner,
                repo: this.repo,
                deployment_id: deploymentId,
                state: request.state,
                ...(request.environmentUrl === undefined ? {} : { environment_url: request.environmentUrl }),
                ...(request.logUrl === undefined ? {} : { log_url: request.logUrl }),
                ...(request.description === undefined ? {} : { description: (0,untrusted/* truncate */.xv)(request.description, MAX_DESCRIPTION) }),
                ...(request.autoInactive === undefined ? {} : { auto_inactive: request.autoInactive }),
            });
            return { id: idOf(answer(data, 'the deployment status')) };
        });
    }
    /**
     * Creates the pull request's comment for `key`, or edits it in place when an earlier run left
     * one: the comments are searched page by page (100 a page) for the marker, stopping at the
     * first match. `undefined` when the token lacks `pull-requests: write`.
     */
    upsertComment(request) {
        const marker = commentMarker(request.key);
        const body = `${marker}\n${(0,untrusted/* truncate */.xv)(request.body, MAX_COMMENT - marker.length - 1)}`;
        return this.call(`comment on #${request.issueNumber}`, 'pull-requests: write', async () => {
            const existing = await this.findComment(request.issueNumber, marker);
            if (existing !== undefined) {
                const { data } = await this.octokit.rest.issues.updateComment({
                    owner: this.owner,
                    repo: this.repo,
                    comment_id: existing,
                    body,
                });
                const comment = answer(data, 'the comment');
                return { id: idOf(comment), url: String(comment.html_url), action: 'updated' };
            }
            const { data } = await this.octokit.rest.issues.createComment({
                owner: this.owner,
                repo: this.repo,
                issue_number: request.issueNumber,
                body,
            });
            const comment = answer(data, 'the comment');
            return { id: idOf(comment), url: String(comment.html_url), action: 'created' };
        });
    }
    async findComment(issueNumber, marker) {
        const pages = this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, {
            owner: this.owner,
            repo: this.repo,
            issue_number: issueNumber,
            per_page: 100,
        });
        let read = 0;
        for await (const page of notJsonAsUserError(pages, 'the list of comments')) {
            if (!Array.isArray(page.data))
                throw notJson('the list of comments');
            const found = page.data.find((comment) => isMarked(comment.body, marker));
            if (found)
                return found.id;
            if (++read >= MAX_COMMENT_PAGES) {
                this.logger.debug(`GitHub: no marked comment in the first ${read * 100} comments of #${issueNumber}; adding one`);
                return undefined;
            }
        }
        return undefined;
    }
    /** Runs one call: a missing permission becomes a warning and `undefined`, other refusals a UserError. */
    async call(what, permission, work) {
        if (this.missing.has(permission)) {
            this.logger.debug(`GitHub: skipped (${what}): the token lacks ${permission}`);
            return undefined;
        }
        try {
            return await work();
        }
        catch (error) {
            if (isMissingPermission(error)) {
                this.missing.add(permission);
                this.logger.warning(missingPermissionWarning(what, permission));
                return undefined;
            }
            throw this.failure(what, error);
        }
    }
    failure(what, error) {
        // The core client's own errors (network, deadline, cancel) arrive wrapped by Octokit.
        const cause = error.cause;
        if (cause instanceof errors/* CancelledError */.cc || cause instanceof errors/* UserError */.yo)
            return cause;
        if (error instanceof errors/* UserError */.yo)
            return error;
        const e = error;
        if (typeof e.status !== 'number')
            return error instanceof Error ? error : new Error(String(error));
        const data = e.response?.data;
        const said = data === undefined ? '' : typeof data === 'string' ? data : JSON.stringify({ message: data.message, errors: data.errors });
        return new errors/* UserError */.yo(`Could not ${what}: GitHub answered ${e.status}${said ? `: ${(0,untrusted/* excerpt */.Kb)(said, this.secrets)}` : ''}`, {
            hint: hintFor(e.status),
            cause: error,
        });
    }
}
/**
 * Octokit's paginate inspects each page with `in`, which throws a TypeError when a proxy or an
 * outage answers with a body that is not JSON: that is GitHub's answer being wrong, not our bug.
 */
async function* notJsonAsUserError(pages, what) {
    try {
        for await (const page of pages)
            yield page;
    }
    catch (error) {
        if (error instanceof TypeError && error.message.includes("Cannot use 'in' operator"))
            throw notJson(what);
        throw error;
    }
}
/** GitHub's JSON answer as an object; anything else (an HTML error page, a cut body) is a user error. */
function answer(data, what) {
    if (data !== null && typeof data === 'object' && !Array.isArray(data))
        return data;
    throw notJson(what);
}
function notJson(what) {
    return new errors/* UserError */.yo(`GitHub answered with ${what} in a form that is not the expected JSON.`, {
        hint: 'A proxy or an outage may be in the way: check GITHUB_API_URL and try again.',
    });
}
function idOf(data) {
    if (typeof data.id !== 'number')
        throw new errors/* UserError */.yo('GitHub answered without the id of what it made.');
    return data.id;
}
function hintFor(status) {
    if (status === 401)
        return 'The GitHub token was refused: pass `github-token` (default: the workflow token) and check it has not expired.';
    if (status === 403)
        return 'The token may not write here: check its scopes, or whether the repository blocks Actions from writing.';
    if (status === 404)
        return 'Check the repository and the pull-request number; a token scoped to another repository sees 404.';
    if (status === 409)
        return "GitHub refused the deployment for the commit's state; see its message.";
    if (status === 422)
        return 'GitHub refused the request as invalid; see its message.';
    return undefined;
}


/***/ })

};
