export const id = 404;
export const ids = [404];
export const modules = {

/***/ 1404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  expectationsOf: () => (/* binding */ expectationsOf),
  healthGate: () => (/* binding */ healthGate)
});

// EXTERNAL MODULE: ./packages/core/src/duration.ts
var duration = __webpack_require__(9713);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/headers.ts
var src_headers = __webpack_require__(1115);
// EXTERNAL MODULE: ./packages/core/src/clock.ts
var src_clock = __webpack_require__(143);
// EXTERNAL MODULE: ./packages/core/src/input-types.ts
var input_types = __webpack_require__(8657);
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

// EXTERNAL MODULE: ./packages/core/src/http.ts + 2 modules
var src_http = __webpack_require__(8454);
;// CONCATENATED MODULE: ./packages/core/src/probe.ts


async function probe(http, clock, request) {
    const started = clock.now();
    try {
        const response = await http.request(request.url, {
            method: request.method ?? 'GET',
            headers: request.headers ?? {},
            ...(request.body === undefined ? {} : { body: request.body }),
            ...(request.maxBody === undefined ? {} : { maxBody: request.maxBody }),
            redirect: request.followRedirects === false ? 'manual' : 'follow',
            timeout: request.timeout,
            deadline: request.timeout,
            retries: 0,
            anyStatus: true,
        });
        return {
            ok: true,
            answer: {
                status: response.status,
                headers: response.headers,
                text: response.text,
                latency: clock.now() - started,
                url: response.url,
                redirects: response.redirects,
            },
        };
    }
    catch (error) {
        if (error instanceof errors/* CancelledError */.cc)
            throw error;
        if (error instanceof src_http/* HttpError */.j$)
            return {
                ok: false,
                reason: error.reason ?? error.message,
                latency: clock.now() - started,
                permanent: error.permanent,
                status: error.status,
            };
        throw error;
    }
}
/** The redirect chain for a log line: ` (via 302 → http://b/x, 307 → http://c/y)`; empty without one. */
function describeRedirects(redirects, describeUrl) {
    if (redirects.length === 0)
        return '';
    const hops = redirects.map((r) => `${r.status} → ${describeUrl(r.to)}${r.dropped.length > 0 ? ` [other origin: ${r.dropped.join(', ')} not sent]` : ''}`);
    return ` (via ${hops.join(', ')})`;
}

// EXTERNAL MODULE: ./packages/core/src/secrets.ts
var secrets = __webpack_require__(7620);
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

// EXTERNAL MODULE: ./packages/core/src/urls.ts
var src_urls = __webpack_require__(3199);
// EXTERNAL MODULE: ./packages/core/src/json.ts
var json = __webpack_require__(9051);
// EXTERNAL MODULE: ./packages/core/src/json-assertions.ts
var json_assertions = __webpack_require__(4061);
// EXTERNAL MODULE: ./packages/core/src/jsonpath.ts
var jsonpath = __webpack_require__(6024);
// EXTERNAL MODULE: ./packages/core/src/status-spec.ts
var status_spec = __webpack_require__(8655);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(3023);
;// CONCATENATED MODULE: ./packages/core/src/expect.ts
/**
 * What an HTTP answer is expected to be, shared by health-gate and smoke-test (and the verify
 * steps of deploys and rollback): a status, headers, a body substring or /regex/, JSON
 * assertions, the served version and a latency limit, checked into failures a person can act
 * on. Outside text in a failure (a served version, a header value, a body excerpt) is scrubbed,
 * capped and JSON-quoted, so it can neither start a log line nor hide a secret.
 */






/** How much of a body a failure quotes, and of a header value or served version. */
const BODY_EXCERPT = 120;
const VALUE_EXCERPT = 80;
const noSecrets = { scrub: (text) => text };
/** The served version: the JSON body at `path`, or the whole body when it is short plain text. */
function servedVersion(answer, path) {
    const parsed = (0,json/* tryParseJsonExact */.S9)(answer.text);
    if (!parsed.ok) {
        const text = answer.text.trim();
        return text !== '' && text.length <= 100 && !/[\s<>{}]/.test(text) ? text : undefined;
    }
    const found = (0,jsonpath/* queryJsonPath */.UG)(path, parsed.value)[0]?.value;
    return typeof found === 'string' || typeof found === 'number' || typeof found === 'bigint' ? String(found) : undefined;
}
function bodyExcerpt(text, secrets) {
    return JSON.stringify((0,untrusted/* excerpt */.Kb)(text, secrets, BODY_EXCERPT));
}
/** Every failed expectation of an answer, in a fixed order: status first, latency last. */
function checkAnswer(expect, answer, secrets = noSecrets) {
    const failures = [];
    if (expect.status && !(0,status_spec/* statusMatches */.W_)(expect.status, answer.status))
        failures.push({ assertion: 'status', message: `status ${answer.status}, expected ${expect.status.text}` });
    for (const [name, matcher] of expect.headers ?? []) {
        const value = answer.headers.get(name);
        if (value === null)
            failures.push({ assertion: 'header', message: `header ${name} is missing` });
        else if (!matcher.test(value))
            failures.push({
                assertion: 'header',
                message: `header ${name} is ${(0,untrusted/* quote */.hD)(value, secrets, VALUE_EXCERPT)}, expected ${matcher.source}`,
            });
    }
    for (const matcher of expect.body ?? []) {
        if (!matcher.test(answer.text))
            failures.push({
                assertion: 'body',
                message: `body ${matcher.regex ? 'does not match' : 'does not contain'} ${matcher.source}${answer.text ? ` (got: ${bodyExcerpt(answer.text, secrets)})` : ' (empty)'}`,
            });
    }
    if (expect.json && expect.json.length > 0) {
        const parsed = (0,json/* tryParseJsonExact */.S9)(answer.text);
        if (!parsed.ok)
            failures.push({
                assertion: 'json',
                message: `the body is not JSON (got: ${answer.text.trim() ? bodyExcerpt(answer.text, secrets) : 'nothing'})`,
            });
        else {
            for (const assertion of expect.json) {
                const reason = (0,json_assertions/* checkJsonAssertion */.f0)(assertion, parsed.value, secrets);
                if (reason)
                    failures.push({ assertion: 'json', message: reason });
            }
        }
    }
    if (expect.version) {
        const served = servedVersion(answer, expect.version.path);
        if (served !== expect.version.expected)
            failures.push({
                assertion: 'version',
                message: served === undefined
                    ? `no version at ${expect.version.path.source}, expected ${expect.version.expected}`
                    : `version ${(0,untrusted/* quote */.hD)(served, secrets, VALUE_EXCERPT)} is serving, expected ${expect.version.expected}`,
            });
    }
    if (expect.maxLatency !== undefined && answer.latency > expect.maxLatency)
        failures.push({
            assertion: 'max-latency',
            message: `latency ${(0,duration/* formatDuration */.a)(answer.latency)} over the ${(0,duration/* formatDuration */.a)(expect.maxLatency)} limit`,
        });
    return failures;
}

;// CONCATENATED MODULE: ./actions/health-gate/src/judge.ts
/**
 * One attempt's verdict: passed, or the first failed assertion, and whether the failure is hard
 * (the app answered, and wrongly) or soft (the release is still coming up).
 */

/** Answers a proxy or platform gives while the release is not up yet. */
const NOT_UP_YET = new Set([429, 502, 503, 504]);
const judge_noSecrets = { scrub: (text) => text };
function judge(expect, result, where, secrets = judge_noSecrets) {
    if (!result.ok) {
        return {
            ...where,
            status: result.status,
            latency: result.latency,
            passed: false,
            failure: result.reason,
            hard: false,
            redirects: [],
        };
    }
    const { answer } = result;
    const failures = checkAnswer(expect, answer, secrets);
    const first = failures[0];
    const hard = !NOT_UP_YET.has(answer.status) && failures.some((f) => ['status', 'header', 'body', 'json'].includes(f.assertion));
    return {
        ...where,
        status: answer.status,
        latency: answer.latency,
        passed: first === undefined,
        failure: first === undefined ? undefined : failures.map((f) => f.message).join('; '),
        hard,
        redirects: answer.redirects,
    };
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

;// CONCATENATED MODULE: ./actions/health-gate/src/summary.ts
/** The gate's job summary: the verdict, latency figures and the table of attempts. */




/** A long wait makes hundreds of attempts; the last ones tell the story. */
const MAX_ROWS = 40;
function renderGateSummary(report) {
    const summary = new Summary().heading(`Health gate: ${report.healthy ? 'healthy ✅' : 'not healthy ❌'}`, 3);
    const p50 = percentile(report.latencies, 50);
    const p95 = percentile(report.latencies, 95);
    summary.paragraph(report.healthy
        ? `Passed after ${(0,duration/* formatDuration */.a)(report.elapsed)} and ${report.polls} poll${report.polls === 1 ? '' : 's'}.`
        : (report.verdict ?? 'Not healthy.'), p50 === undefined ? '' : `Latency p50 ${Math.round(p50)}ms, p95 ${Math.round(p95 ?? p50)}ms.`);
    summary.list(report.urls.map((u) => code((0,secrets/* maskUrl */.yP)(u))));
    const shown = report.attempts.slice(-MAX_ROWS);
    if (shown.length < report.attempts.length)
        summary.paragraph(`${report.attempts.length - shown.length} earlier attempts are not shown.`);
    summary.table(['poll', 'at', ...(report.urls.length > 1 ? ['URL'] : []), 'status', 'latency', 'result'], shown.map((a) => [
        a.poll,
        `+${(0,duration/* formatDuration */.a)(a.at)}`,
        ...(report.urls.length > 1 ? [(0,secrets/* maskUrl */.yP)(a.url)] : []),
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
 * (or `failure-threshold` hard failures in a row) ends the wait. Every attempt is one log line
 * (outside text in it quoted), the summary has the table of attempts and the verdict; the
 * outputs say how it went, and a timeout reports the last real answer, not only "timed out".
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
    const where = multipleUrls ? ` ${(0,secrets/* maskUrl */.yP)(attempt.url)}` : '';
    const what = attempt.status === undefined ? 'no answer' : `${attempt.status}`;
    const verdict = attempt.passed ? 'pass' : `FAIL (${attempt.failure})`;
    const via = describeRedirects(attempt.redirects, secrets/* maskUrl */.yP);
    return `#${attempt.poll} +${(0,duration/* formatDuration */.a)(attempt.at)}${where}: ${what}${via} in ${Math.round(attempt.latency)}ms ${verdict}`;
}
/**
 * Why an attempt failed, told by the last real answer: when the last poll got no answer (it
 * timed out on the deadline, or the connection dropped) after the URL had answered, the answer
 * is the reason worth reading (`body does not contain READY`); the lost poll is a note after it.
 */
function lastRealReason(attempt, lastAnswer) {
    const failure = attempt.failure ?? 'failed';
    if (attempt.status !== undefined || !lastAnswer || lastAnswer.passed)
        return { reason: failure, note: '' };
    return {
        reason: lastAnswer.failure ?? 'failed',
        note: ` (status ${lastAnswer.status} at poll #${lastAnswer.poll}; the last poll: ${failure})`,
    };
}
async function healthGate(inputs, ctx) {
    const { runner, clock } = ctx;
    const headers = (0,src_headers/* requestHeaders */.A1)(runner, inputs.headers);
    const urls = inputs.url;
    for (const url of urls)
        (0,src_urls/* registerUrlCredentials */.ZY)(runner, url);
    const expectations = expectationsOf(inputs);
    const http = ctx.http({ service: 'Health check', retries: 0, secrets: runner.secrets, maxBody: inputs.maxBody });
    const attempts = [];
    const lastAnswers = new Map();
    let passesInARow = 0;
    let hardInARow = 0;
    /** The last failing poll's reasons, by the last real answers: the `failure` output. */
    let lastFailure = '';
    /** The same, with how the last poll itself ended: the error message. */
    let lastTold = '';
    const begin = clock.now();
    const deadlineAt = begin + inputs.timeout;
    runner.info(`Waiting up to ${(0,duration/* formatDuration */.a)(inputs.timeout)} for ${urls.map(secrets/* maskUrl */.yP).join(', ')} to pass ` +
        `${inputs.successThreshold} poll${inputs.successThreshold > 1 ? 's' : ''} in a row (status ${inputs.expectStatus.text}` +
        `${inputs.expectVersion ? `, version ${JSON.stringify(inputs.expectVersion)}` : ''}${inputs.followRedirects ? '' : ', redirects not followed'}).`);
    const check = async (pollNumber) => {
        const timeout = Math.max(50, Math.min(inputs.requestTimeout, deadlineAt - clock.now()));
        const results = await Promise.all(urls.map(async (url) => {
            const at = clock.now() - begin;
            const result = await probe(http, clock, { url, headers, timeout, followRedirects: inputs.followRedirects });
            const attempt = judge(expectations, result, { poll: pollNumber, url, at }, runner.secrets);
            runner.info(line(attempt, urls.length > 1));
            return attempt;
        }));
        attempts.push(...results);
        const failing = results.filter((a) => !a.passed);
        const reasons = failing.map((a) => {
            const { reason, note } = lastRealReason(a, lastAnswers.get(a.url));
            const where = urls.length > 1 ? `${(0,secrets/* maskUrl */.yP)(a.url)}: ` : '';
            return { reason: `${where}${reason}`, told: `${where}${reason}${note}` };
        });
        lastFailure = reasons.map((r) => r.reason).join('; ');
        lastTold = reasons.map((r) => r.told).join('; ');
        for (const a of results)
            if (a.status !== undefined)
                lastAnswers.set(a.url, a);
        if (failing.length === 0) {
            hardInARow = 0;
            passesInARow += 1;
            if (passesInARow >= inputs.successThreshold)
                return { done: true, value: pollNumber };
            return { done: false, state: `passed ${passesInARow} of ${inputs.successThreshold} polls in a row` };
        }
        passesInARow = 0;
        hardInARow = failing.some((a) => a.hard) ? hardInARow + 1 : 0;
        if (inputs.failureThreshold > 0 && hardInARow >= inputs.failureThreshold) {
            throw new errors/* UserError */.yo(`Not healthy: ${hardInARow} hard failure${hardInARow > 1 ? 's' : ''} in a row (failure-threshold ${inputs.failureThreshold}); last: ${lastTold}`, { hint: 'The app answered, and wrongly: check its logs and the assertions of the step.' });
        }
        return { done: false, state: lastTold };
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
        verdict = error instanceof errors/* DeadlineError */.j3 ? timeoutError(inputs, attempts, lastTold, passesInARow) : error;
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
    runner.info(`Healthy after ${(0,duration/* formatDuration */.a)(elapsed)} (${polls} poll${polls === 1 ? '' : 's'}).`);
    return { status: 'success' };
}
function timeoutError(inputs, attempts, lastFailure, passesInARow) {
    const polls = attempts.at(-1)?.poll ?? 0;
    const last = lastFailure === ''
        ? `only ${passesInARow} of ${inputs.successThreshold} polls in a row passed`
        : passesInARow > 0
            ? `${lastFailure} (then ${passesInARow} of ${inputs.successThreshold} passes in a row)`
            : lastFailure;
    return new errors/* DeadlineError */.j3(`Not healthy after ${(0,duration/* formatDuration */.a)(inputs.timeout)} (${polls} poll${polls === 1 ? '' : 's'}): ${last}`, lastFailure, 'The release did not pass in time: check its deploy logs, or raise `timeout` if it is only slow to start.');
}


/***/ })

};
