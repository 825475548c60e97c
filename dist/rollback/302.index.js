export const id = 302;
export const ids = [302];
export const modules = {

/***/ 2302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   watchDeployment: () => (/* binding */ watchDeployment)
/* harmony export */ });
/* harmony import */ var _deploy_suite_core_clock__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(143);
/* harmony import */ var _deploy_suite_core_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7638);
/* harmony import */ var _deploy_suite_core_input_types__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9747);
/* harmony import */ var _documents_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4357);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2541);
/**
 * Waiting for a deployment to finish, within Railway's rate limits (1,000 requests an hour on
 * Hobby, shared by every step of every workflow using the token):
 * - while the socket is up, the `deployment(id)` subscription brings each status as it happens
 *   and the build and deploy logs stream beside it; one HTTP check a minute guards against an
 *   event lost in a silent socket, so a 20-minute wait costs about 20 requests;
 * - when the socket drops and cannot come back, the wait polls `deployment(id)` over HTTP, fast
 *   at first (a build that ends in seconds is seen in seconds) then backing off to every 30 s:
 *   a 20-minute wait costs about 45 requests;
 * - at the end one request fetches the last log lines, filling in what the socket missed.
 * Every wait has a deadline and honours the run's cancellation.
 */





async function watchDeployment(options) {
    const clock = options.clock ?? _deploy_suite_core_clock__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
    const { client, deploymentId, subscriptions } = options;
    const heartbeat = options.heartbeat ?? 60_000;
    const pollMax = options.pollMax ?? 30_000;
    let pollPause = options.pollInitial ?? 2_000;
    const deadline = clock.now() + options.timeout;
    const lines = [];
    const seen = new Set();
    let status = 'QUEUED';
    let checks = 0;
    let socketLost = subscriptions === undefined;
    let socketUpAtEnd = false;
    let wake = new AbortController();
    const setStatus = (next) => {
        if (next === status)
            return;
        status = next;
        options.onStatus?.(next);
    };
    const addLine = (kind, line) => {
        const key = `${kind}\u0000${line.timestamp}\u0000${line.message}`;
        if (seen.has(key))
            return;
        seen.add(key);
        lines.push({ kind, line });
        options.onLog?.(kind, line);
    };
    const lost = () => {
        socketLost = true;
        wake.abort();
    };
    const unsubscribe = [];
    if (subscriptions) {
        unsubscribe.push(subscriptions.subscribe(_documents_js__WEBPACK_IMPORTED_MODULE_3__/* .DEPLOYMENT_SUBSCRIPTION */ .eL, { id: deploymentId }, {
            next: (data) => {
                setStatus(data.deployment.status);
                wake.abort();
            },
            // A server that ends the subscription once the status is final has said all there is.
            error: () => {
                if (!(0,_status_js__WEBPACK_IMPORTED_MODULE_4__/* .isFinal */ .dR)(status))
                    lost();
            },
        }));
        if (options.logs !== false) {
            for (const [kind, query, field] of [
                ['build', _documents_js__WEBPACK_IMPORTED_MODULE_3__/* .BUILD_LOGS_SUBSCRIPTION */ .n9, 'buildLogs'],
                ['deploy', _documents_js__WEBPACK_IMPORTED_MODULE_3__/* .DEPLOYMENT_LOGS_SUBSCRIPTION */ .yI, 'deploymentLogs'],
            ]) {
                unsubscribe.push(subscriptions.subscribe(query, { deploymentId, limit: 500 }, {
                    next: (data) => {
                        for (const line of data[field] ?? [])
                            addLine(kind, line);
                    },
                    // A lost log stream is not a verdict: the snapshot at the end fills the gap.
                    error: () => { },
                }));
            }
        }
    }
    try {
        while (!(0,_status_js__WEBPACK_IMPORTED_MODULE_4__/* .isFinal */ .dR)(status)) {
            if (options.signal?.aborted)
                throw (0,_deploy_suite_core_clock__WEBPACK_IMPORTED_MODULE_0__/* .cancellation */ .W)(options.signal);
            const left = deadline - clock.now();
            if (left <= 0) {
                throw new _deploy_suite_core_errors__WEBPACK_IMPORTED_MODULE_1__/* .DeadlineError */ .j3(`Timed out after ${(0,_deploy_suite_core_input_types__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(options.timeout)} waiting for ${options.what ?? `deployment ${deploymentId}`} to finish; last status: ${status}`, status, 'Raise timeout if builds take longer, or look at the build logs on Railway.');
            }
            // The socket counts while it is connecting or open; once lost, HTTP polling takes over.
            const socketUp = !socketLost && subscriptions !== undefined && subscriptions.state !== 'closed';
            const pause = Math.min(socketUp ? heartbeat : pollPause, left);
            wake = new AbortController();
            const woken = wake.signal;
            try {
                await clock.sleep(pause, options.signal ? AbortSignal.any([options.signal, woken]) : woken);
            }
            catch (error) {
                if (options.signal?.aborted || !woken.aborted)
                    throw error;
                continue; // an event arrived: look at the status again, no request needed
            }
            if (!socketUp)
                pollPause = Math.min(pollPause * 1.5, pollMax);
            checks++;
            setStatus((await client.deployment(deploymentId)).status);
        }
    }
    finally {
        // Whether the socket was up when the end came, read before unsubscribing: the last
        // unsubscribe lets graphql-ws (lazy) close the socket normally, which is not a loss.
        socketUpAtEnd = !socketLost && subscriptions?.state === 'open';
        for (const stop of unsubscribe)
            stop();
    }
    if (options.logs !== false) {
        try {
            const last = await client.logs(deploymentId, 500);
            for (const line of last.build)
                addLine('build', line);
            for (const line of last.deploy)
                addLine('deploy', line);
        }
        catch {
            // The verdict stands without the tail of the logs.
        }
    }
    // Ended by polling: the socket was given up, or was down (reconnecting) when the end came.
    const fellBack = subscriptions !== undefined && !socketUpAtEnd;
    return { status, verdict: (0,_status_js__WEBPACK_IMPORTED_MODULE_4__/* .classifyStatus */ .xo)(status), checks, fellBack, lines };
}


/***/ })

};
