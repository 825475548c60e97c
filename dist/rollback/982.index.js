export const id = 982;
export const ids = [982];
export const modules = {

/***/ 982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  requireReason: () => (/* binding */ requireReason),
  rollback: () => (/* binding */ rollback)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(3023);
// EXTERNAL MODULE: ./packages/core/src/input-types.ts + 1 modules
var input_types = __webpack_require__(9747);
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

;// CONCATENATED MODULE: ./actions/rollback/src/summary.ts
/** The job summary of a rollback: why, who asked, and each service's from → to, status and verification. */


function verdict(r, waited) {
    if (r.verified)
        return 'verified';
    if (r.failure)
        return 'failed';
    return waited ? 'not verified' : 'requested (not waited for)';
}
function writeRollbackSummary(runner, s) {
    const failed = s.rows.some((r) => r.failure !== undefined);
    const title = failed ? 'Rollback failed' : s.waited ? 'Rolled back' : 'Rollback requested';
    const rows = s.rows.map((r) => [
        r.service,
        r.from ? code(r.from) : 'nothing',
        code(r.to),
        r.deploymentId && r.deploymentId !== r.to ? code(r.deploymentId) : '',
        r.status,
        verdict(r, s.waited),
        r.url ? report_link(r.url, r.url) : '',
        (0,input_types/* formatDuration */.a3)(r.durationMs),
    ]);
    const summary = new Summary()
        .heading(`${title}: ${s.provider === 'railway' ? 'Railway' : 'Vercel'} ${s.environment}`, 3)
        .paragraph('Reason:', s.reason ?? 'none given', '— asked by', s.actor || 'unknown')
        .table([s.provider === 'railway' ? 'Service' : 'Project', 'From', 'To', 'New deployment', 'Status', 'Check', 'URL', 'Took'], rows);
    for (const r of s.rows) {
        if (r.failure)
            summary.paragraph(`${r.service}:`, r.failure);
        if (r.tail.length > 0)
            summary.details(`Logs of ${r.service} (last ${r.tail.length} lines)`, new Summary().codeBlock(r.tail.join('\n')));
    }
    if (!s.waited)
        summary.paragraph('wait: false — the restored release was not waited for, and nothing was verified.');
    summary.write(runner);
}

;// CONCATENATED MODULE: ./actions/rollback/src/rollback.ts
/**
 * rollback: check who asks and why → the provider's rollback (railway.ts, vercel.ts), which
 * settles every target before changing anything, then waits and verifies → outputs, summary,
 * and a loud failure when any restored release is not verified.
 */



/** A manual run must say why: the reason goes to the summary, the outputs and the notification. */
function requireReason(inputs, eventName) {
    if (eventName === 'workflow_dispatch' && (inputs.reason ?? '').trim() === '')
        throw new errors/* InputError */.dz([
            {
                input: 'reason',
                shown: 'is required when the run was started by hand (workflow_dispatch)',
                expected: 'expected a few words on why production goes back',
            },
        ]);
}
async function rollback(inputs, ctx) {
    const { runner } = ctx;
    requireReason(inputs, ctx.github.eventName);
    const reason = inputs.reason?.trim() || undefined;
    if (reason) {
        runner.setOutput('reason', reason);
        runner.info(`Reason: ${(0,untrusted/* quote */.hD)(reason, runner.secrets)} (asked by ${ctx.github.actor || 'unknown'})`);
    }
    let rows;
    if (inputs.provider === 'railway') {
        const { rollbackRailway } = await __webpack_require__.e(/* import() */ 294).then(__webpack_require__.bind(__webpack_require__, 2294));
        rows = await rollbackRailway(inputs, ctx);
    }
    else {
        const { rollbackVercel } = await __webpack_require__.e(/* import() */ 550).then(__webpack_require__.bind(__webpack_require__, 6550));
        rows = await rollbackVercel(inputs, ctx);
    }
    const first = rows[0];
    runner.setOutput('rolled-back-from', first?.from ?? '');
    runner.setOutput('rolled-back-to', first?.to ?? '');
    runner.setOutput('url', first?.url ?? '');
    runner.setOutput('deployments', JSON.stringify(rows.map((r) => ({
        service: r.service,
        serviceId: r.serviceId,
        from: r.from ?? null,
        to: r.to,
        deploymentId: r.deploymentId ?? null,
        status: r.status,
        verified: r.verified,
        url: r.url ?? null,
    }))));
    writeRollbackSummary(runner, {
        provider: inputs.provider,
        environment: inputs.environment ?? (inputs.provider === 'vercel' ? 'production' : ''),
        reason: reason === undefined ? undefined : (0,untrusted/* excerpt */.Kb)(reason, runner.secrets, 500),
        actor: ctx.github.actor,
        // A failure quotes provider answers (statuses, ids, what a wait saw last): outside text, capped.
        rows: rows.map((r) => ({ ...r, failure: r.failure === undefined ? undefined : (0,untrusted/* excerpt */.Kb)(r.failure, runner.secrets, 500) })),
        waited: inputs.wait,
    });
    const failed = rows.filter((r) => r.failure !== undefined || (inputs.wait && !r.verified));
    if (failed.length > 0)
        throw failureError(failed, rows.length);
    for (const r of rows)
        runner.info(`${r.service}: ${inputs.wait ? 'rolled back' : 'rollback requested'} from ${r.from ?? 'nothing'} to ${r.to}${r.url ? ` (${r.url})` : ''}.`);
    return { status: inputs.wait ? 'success' : 'requested' };
}
function failureError(failed, total) {
    const parts = failed.map((r) => {
        const tail = r.tail.length > 0 ? `\nLast ${r.tail.length} log lines of ${r.service}:\n${r.tail.map((l) => `  ${l}`).join('\n')}` : '';
        return `${r.service}: ${r.failure ?? 'the restored release could not be verified.'}${tail}`;
    });
    const head = total > 1 ? `${failed.length} of ${total} rollbacks are not verified: ${failed.map((r) => r.service).join(', ')}.\n` : '';
    return new errors/* UserError */.yo(`Rollback NOT verified. ${head}${parts.join('\n')}`, {
        hint: 'The previous release is not confirmed live: look at the provider now, and roll back by hand if needed.',
    });
}


/***/ })

};
