export const id = 794;
export const ids = [794];
export const modules = {

/***/ 794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  expectationsOf: () => (/* binding */ expectationsOf),
  healthGate: () => (/* binding */ healthGate)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(638);
// EXTERNAL MODULE: ./packages/core/src/input-types.ts
var input_types = __webpack_require__(657);
// EXTERNAL MODULE: ./packages/core/src/clock.ts
var src_clock = __webpack_require__(143);
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

// EXTERNAL MODULE: ./packages/core/src/http.ts
var src_http = __webpack_require__(457);
;// CONCATENATED MODULE: ./packages/core/src/probe.ts


async function probe(http, clock, request) {
    const started = clock.now();
    try {
        const response = await http.request(request.url, {
            method: request.method ?? 'GET',
            headers: request.headers ?? {},
            ...(request.body === undefined ? {} : { body: request.body }),
            timeout: request.timeout,
            deadline: request.timeout,
            retries: 0,
            anyStatus: true,
        });
        return {
            ok: true,
            answer: { status: response.status, headers: response.headers, text: response.text, latency: clock.now() - started },
        };
    }
    catch (error) {
        if (error instanceof errors/* CancelledError */.cc)
            throw error;
        if (error instanceof src_http/* HttpError */.j$)
            return { ok: false, reason: error.reason ?? error.message, latency: clock.now() - started };
        throw error;
    }
}
/** Request headers from a `headers` input; every value is masked first (bypass tokens, cookies). */
function secretHeaders(runner, pairs) {
    const headers = {};
    for (const [name, value] of pairs ?? []) {
        runner.setSecret(value);
        headers[name] = value;
    }
    return headers;
}

// EXTERNAL MODULE: ./packages/core/src/secrets.ts
var secrets = __webpack_require__(620);
;// CONCATENATED MODULE: ./packages/core/src/stats.ts
/** Latency figures for summaries and outputs. */
/** The nearest-rank percentile (p from 0 to 100) of the values; undefined when there are none. */
function percentile(values, p) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[Math.min(rank, sorted.length) - 1];
}
function median(values) {
    return percentile(values, 50);
}

// EXTERNAL MODULE: ./packages/core/src/expect.ts + 1 modules
var src_expect = __webpack_require__(177);
;// CONCATENATED MODULE: ./actions/health-gate/src/judge.ts
/**
 * One attempt's verdict: passed, or the first failed assertion, and whether the failure is hard
 * (the app answered, and wrongly) or soft (the release is still coming up).
 */

/** Answers a proxy or platform gives while the release is not up yet. */
const NOT_UP_YET = new Set([429, 502, 503, 504]);
function judge(expect, result, where) {
    if (!result.ok) {
        return { ...where, status: undefined, latency: result.latency, passed: false, failure: result.reason, hard: false };
    }
    const { answer } = result;
    const failures = (0,src_expect/* checkAnswer */.dG)(expect, answer);
    const first = failures[0];
    const hard = !NOT_UP_YET.has(answer.status) && failures.some((f) => ['status', 'header', 'body', 'json'].includes(f.assertion));
    return {
        ...where,
        status: answer.status,
        latency: answer.latency,
        passed: first === undefined,
        failure: first === undefined ? undefined : failures.map((f) => f.message).join('; '),
        hard,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/report.ts
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
/** Markup made by this module; plain strings are always escaped. */
class Html {
    markup;
    constructor(markup) {
        this.markup = markup;
    }
    toString() {
        return this.markup;
    }
}
function render(content) {
    return content instanceof Html ? content.markup : escapeHtml(String(content));
}
function report_link(text, href) {
    return /^https?:\/\//i.test(href)
        ? new Html(`<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`)
        : new Html(escapeHtml(text));
}
function code(text) {
    return new Html(`<code>${escapeHtml(text)}</code>`);
}
class Summary {
    parts = [];
    heading(text, level = 2) {
        this.parts.push(`<h${level}>${render(text)}</h${level}>`);
        return this;
    }
    paragraph(...content) {
        this.parts.push(`<p>${content.map(render).join(' ')}</p>`);
        return this;
    }
    table(headers, rows) {
        const head = `<tr>${headers.map((h) => `<th>${render(h)}</th>`).join('')}</tr>`;
        const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${render(cell)}</td>`).join('')}</tr>`).join('');
        this.parts.push(`<table>${head}${body}</table>`);
        return this;
    }
    list(items) {
        this.parts.push(`<ul>${items.map((i) => `<li>${render(i)}</li>`).join('')}</ul>`);
        return this;
    }
    details(label, body) {
        const inner = body instanceof Summary ? body.toString() : render(body);
        this.parts.push(`<details><summary>${render(label)}</summary>\n\n${inner}\n\n</details>`);
        return this;
    }
    codeBlock(text) {
        this.parts.push(`<pre><code>${escapeHtml(text)}</code></pre>`);
        return this;
    }
    toString() {
        return `${this.parts.join('\n')}\n`;
    }
    write(runner) {
        runner.appendSummary(this.toString());
    }
}

;// CONCATENATED MODULE: ./actions/health-gate/src/summary.ts
/** The gate's job summary: the verdict, latency figures and the table of attempts. */




/** A long wait makes hundreds of attempts; the last ones tell the story. */
const MAX_ROWS = 40;
function renderGateSummary(report) {
    const summary = new Summary().heading(`Health gate: ${report.healthy ? 'healthy ✅' : 'not healthy ❌'}`, 3);
    const p50 = percentile(report.latencies, 50);
    const p95 = percentile(report.latencies, 95);
    summary.paragraph(report.healthy
        ? `Passed after ${(0,input_types/* formatDuration */.a3)(report.elapsed)} and ${report.polls} poll${report.polls === 1 ? '' : 's'}.`
        : (report.verdict ?? 'Not healthy.'), p50 === undefined ? '' : `Latency p50 ${Math.round(p50)}ms, p95 ${Math.round(p95 ?? p50)}ms.`);
    summary.list(report.urls.map((u) => code((0,secrets/* maskUrl */.y)(u))));
    const shown = report.attempts.slice(-MAX_ROWS);
    if (shown.length < report.attempts.length)
        summary.paragraph(`${report.attempts.length - shown.length} earlier attempts are not shown.`);
    summary.table(['poll', 'at', ...(report.urls.length > 1 ? ['URL'] : []), 'status', 'latency', 'result'], shown.map((a) => [
        a.poll,
        `+${(0,input_types/* formatDuration */.a3)(a.at)}`,
        ...(report.urls.length > 1 ? [(0,secrets/* maskUrl */.y)(a.url)] : []),
        a.status ?? '—',
        `${Math.round(a.latency)}ms`,
        a.passed ? 'pass' : (a.failure ?? 'fail'),
    ]));
    return summary;
}
function writeGateSummary(runner, report) {
    renderGateSummary(report).write(runner);
}

;// CONCATENATED MODULE: ./actions/health-gate/src/gate.ts
/**
 * health-gate: poll every URL until all pass `success-threshold` polls in a row, or the timeout
 * (or `failure-threshold` hard failures in a row) ends the wait. Every attempt is one log line;
 * the summary has the table of attempts and the verdict; the outputs say how it went.
 */








/**
 * The first pause, and the growth of each next one: a geometric schedule makes each pause about
 * 8% of the time waited so far (a release up after 3 s is seen ~0.2 s later, one up after 30 s
 * ~1.3 s later on average) while a long wait settles at one poll an `interval`.
 */
const FIRST_PAUSE_MS = 250;
const GROWTH = 1.08;
function expectationsOf(inputs) {
    return {
        status: inputs.expectStatus,
        ...(inputs.expectJson ? { json: inputs.expectJson } : {}),
        ...(inputs.expectBody ? { body: [inputs.expectBody] } : {}),
        ...(inputs.expectVersion ? { version: { expected: inputs.expectVersion, path: inputs.versionPath } } : {}),
        ...(inputs.maxLatency !== undefined ? { maxLatency: inputs.maxLatency } : {}),
    };
}
function line(attempt, multipleUrls) {
    const where = multipleUrls ? ` ${(0,secrets/* maskUrl */.y)(attempt.url)}` : '';
    const what = attempt.status === undefined ? 'no answer' : `${attempt.status}`;
    const verdict = attempt.passed ? 'pass' : `FAIL (${attempt.failure})`;
    return `#${attempt.poll} +${(0,input_types/* formatDuration */.a3)(attempt.at)}${where}: ${what} in ${Math.round(attempt.latency)}ms ${verdict}`;
}
async function healthGate(inputs, ctx) {
    const { runner, clock } = ctx;
    const headers = secretHeaders(runner, inputs.headers);
    const expectations = expectationsOf(inputs);
    const http = ctx.http({ service: 'Health check', retries: 0 });
    const urls = inputs.url;
    const attempts = [];
    let passesInARow = 0;
    let hardInARow = 0;
    let lastFailure = '';
    const begin = clock.now();
    const deadlineAt = begin + inputs.timeout;
    runner.info(`Waiting up to ${(0,input_types/* formatDuration */.a3)(inputs.timeout)} for ${urls.map(secrets/* maskUrl */.y).join(', ')} to pass ` +
        `${inputs.successThreshold} poll${inputs.successThreshold > 1 ? 's' : ''} in a row (status ${inputs.expectStatus.text}` +
        `${inputs.expectVersion ? `, version ${inputs.expectVersion}` : ''}).`);
    const check = async (pollNumber) => {
        const timeout = Math.max(50, Math.min(inputs.requestTimeout, deadlineAt - clock.now()));
        const results = await Promise.all(urls.map(async (url) => {
            const at = clock.now() - begin;
            const result = await probe(http, clock, { url, headers, timeout });
            const attempt = judge(expectations, result, { poll: pollNumber, url, at });
            runner.info(line(attempt, urls.length > 1));
            return attempt;
        }));
        attempts.push(...results);
        const failing = results.filter((a) => !a.passed);
        if (failing.length === 0) {
            hardInARow = 0;
            passesInARow += 1;
            if (passesInARow >= inputs.successThreshold)
                return { done: true, value: pollNumber };
            return { done: false, state: `passed ${passesInARow} of ${inputs.successThreshold} polls in a row` };
        }
        passesInARow = 0;
        hardInARow = failing.some((a) => a.hard) ? hardInARow + 1 : 0;
        lastFailure = failing.map((a) => (urls.length > 1 ? `${(0,secrets/* maskUrl */.y)(a.url)}: ${a.failure}` : a.failure)).join('; ');
        if (inputs.failureThreshold > 0 && hardInARow >= inputs.failureThreshold) {
            throw new errors/* UserError */.yo(`Not healthy: ${hardInARow} hard failure${hardInARow > 1 ? 's' : ''} in a row (failure-threshold ${inputs.failureThreshold}); last: ${lastFailure}`, { hint: 'The app answered, and wrongly: check its logs and the assertions of the step.' });
        }
        return { done: false, state: lastFailure };
    };
    let verdict;
    try {
        await poll({
            what: 'the release to be healthy',
            timeout: inputs.timeout,
            interval: inputs.interval,
            initialInterval: Math.min(FIRST_PAUSE_MS, inputs.interval),
            factor: GROWTH,
            initialDelay: inputs.initialDelay,
            signal: ctx.signal,
            clock,
            check,
        });
    }
    catch (error) {
        if (ctx.signal.aborted || !(error instanceof errors/* UserError */.yo))
            throw error;
        verdict = error instanceof errors/* DeadlineError */.j3 ? timeoutError(inputs, attempts, lastFailure, passesInARow) : error;
    }
    const elapsed = clock.now() - begin;
    const healthy = verdict === undefined;
    const latencies = attempts.filter((a) => a.status !== undefined).map((a) => a.latency);
    const polls = attempts.at(-1)?.poll ?? 0;
    const last = [...attempts].reverse().find((a) => a.status !== undefined);
    runner.setOutput('healthy', healthy);
    runner.setOutput('attempts', polls);
    runner.setOutput('elapsed', Math.round(elapsed));
    runner.setOutput('status-code', last?.status ?? '');
    runner.setOutput('latency-p50', Math.round(percentile(latencies, 50) ?? 0));
    runner.setOutput('latency-p95', Math.round(percentile(latencies, 95) ?? 0));
    runner.setOutput('failure', healthy ? '' : lastFailure || (verdict?.message ?? ''));
    writeGateSummary(runner, { urls, healthy, elapsed, polls, attempts, latencies, verdict: verdict?.message });
    if (verdict)
        throw verdict;
    runner.info(`Healthy after ${(0,input_types/* formatDuration */.a3)(elapsed)} (${polls} poll${polls === 1 ? '' : 's'}).`);
    return { status: 'success' };
}
function timeoutError(inputs, attempts, lastFailure, passesInARow) {
    const polls = attempts.at(-1)?.poll ?? 0;
    const last = lastFailure === ''
        ? `only ${passesInARow} of ${inputs.successThreshold} polls in a row passed`
        : passesInARow > 0
            ? `${lastFailure} (then ${passesInARow} of ${inputs.successThreshold} passes in a row)`
            : lastFailure;
    return new errors/* DeadlineError */.j3(`Not healthy after ${(0,input_types/* formatDuration */.a3)(inputs.timeout)} (${polls} poll${polls === 1 ? '' : 's'}): ${last}`, lastFailure, 'The release did not pass in time: check its deploy logs, or raise `timeout` if it is only slow to start.');
}


/***/ })

};
