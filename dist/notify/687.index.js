export const id = 687;
export const ids = [687];
export const modules = {

/***/ 5687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  notificationOf: () => (/* binding */ notificationOf),
  notify: () => (/* binding */ notify)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/inputs.ts
var inputs = __webpack_require__(7276);
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

// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(3023);
// EXTERNAL MODULE: ./packages/core/src/urls.ts
var urls = __webpack_require__(3199);
// EXTERNAL MODULE: ./node_modules/@slack/webhook/dist/index.js
var dist = __webpack_require__(4443);
// EXTERNAL MODULE: ./actions/notify/src/manifest.ts + 3 modules
var manifest = __webpack_require__(7891);
// EXTERNAL MODULE: ./packages/core/src/duration.ts
var duration = __webpack_require__(9713);
;// CONCATENATED MODULE: ./actions/notify/src/slack-text.ts
/**
 * Slack's text rules. `&`, `<` and `>` are control characters in every Slack text: a commit
 * message holding `<!channel>` would ping a whole channel if sent as is. The limits are Block
 * Kit's: a longer text makes Slack refuse the whole message with `invalid_blocks`.
 */
const LIMITS = {
    blocks: 50,
    headerText: 150,
    sectionText: 3000,
    fieldText: 2000,
    fieldsPerSection: 10,
    contextText: 3000,
    buttonText: 75,
    buttonUrl: 3000,
    fallbackText: 40_000,
    altText: 2000,
    url: 3000,
};
function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
// The suite's one truncation helper; it counts UTF-16 units, never fewer than Slack's characters.

/** A mrkdwn link; the label cannot hold `|` or `>`. */
function mrkdwnLink(url, label) {
    return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}
/** `here` → `<!here>`, `U123` → `<@U123>`, `S123` → `<!subteam^S123>`; Slack's own form as is. */
function formatMention(mention) {
    if (mention.startsWith('<'))
        return mention;
    const id = mention.replace(/^@/, '');
    if (['here', 'channel', 'everyone'].includes(id))
        return `<!${id}>`;
    return id.startsWith('S') ? `<!subteam^${id}>` : `<@${id}>`;
}

;// CONCATENATED MODULE: ./actions/notify/src/message.ts


const LOOK = {
    success: { emoji: '✅', color: '#2EB67D', verb: 'succeeded' },
    failure: { emoji: '❌', color: '#E01E5A', verb: 'failed' },
    cancelled: { emoji: '⏹️', color: '#9E9E9E', verb: 'was cancelled' },
    skipped: { emoji: '⏭️', color: '#9E9E9E', verb: 'was skipped' },
    started: { emoji: '🚀', color: '#36C5F0', verb: 'started' },
    warning: { emoji: '⚠️', color: '#ECB22E', verb: 'finished with warnings' },
};
function lookOf(status) {
    return LOOK[status];
}
function defaultTitle(n) {
    const what = n.run.repository || n.run.workflow || 'Deployment';
    const where = n.environment ? ` to ${n.environment}` : '';
    return `Deploy of ${what}${where} ${LOOK[n.status].verb}`;
}
function firstLine(text) {
    return text?.split(/\r?\n/, 1)[0]?.trim() || undefined;
}
function field(label, valueMrkdwn) {
    return { type: 'mrkdwn', text: (0,untrusted/* truncate */.xv)(`*${label}*\n${valueMrkdwn}`, LIMITS.fieldText) };
}
function sectionsOfFields(fields) {
    const sections = [];
    for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
        sections.push({ type: 'section', fields: fields.slice(i, i + LIMITS.fieldsPerSection) });
    }
    return sections;
}
function buildMessage(n) {
    const look = LOOK[n.status];
    const title = n.title ?? defaultTitle(n);
    const mentionText = n.mentions.map(formatMention).join(' ');
    const summary = [field('Status', `${look.emoji} ${escapeMrkdwn(n.status)}`)];
    if (n.environment)
        summary.push(field('Environment', escapeMrkdwn(n.environment)));
    if (n.url)
        summary.push(field('URL', mrkdwnLink(n.url, n.url)));
    if (n.run.shortSha) {
        const sha = n.run.commitUrl ? mrkdwnLink(n.run.commitUrl, n.run.shortSha) : `\`${n.run.shortSha}\``;
        const message = firstLine(n.run.commitMessage);
        summary.push(field('Commit', message ? `${sha} ${escapeMrkdwn(message)}` : sha));
    }
    if (n.run.actor)
        summary.push(field('Actor', escapeMrkdwn(n.run.actor)));
    if (n.durationMs !== undefined)
        summary.push(field('Duration', (0,duration/* formatDuration */.a)(n.durationMs)));
    const extra = n.fields.map(([key, value]) => field(escapeMrkdwn(key), escapeMrkdwn(value)));
    const blocks = [
        { type: 'header', text: { type: 'plain_text', text: (0,untrusted/* truncate */.xv)(`${look.emoji} ${title}`, LIMITS.headerText), emoji: true } },
    ];
    const body = [mentionText, n.text ?? ''].filter((s) => s !== '').join(' ');
    if (body)
        blocks.push({ type: 'section', text: { type: 'mrkdwn', text: (0,untrusted/* truncate */.xv)(body, LIMITS.sectionText) } });
    blocks.push(...sectionsOfFields([...summary, ...extra]));
    if (n.reason) {
        blocks.push({
            type: 'section',
            text: { type: 'mrkdwn', text: (0,untrusted/* truncate */.xv)(`*Reason*\n${escapeMrkdwn(n.reason)}`, LIMITS.sectionText) },
        });
    }
    const context = [n.run.repository, n.run.refName, n.run.workflow && `${n.run.workflow} #${n.run.runId}`]
        .filter((s) => Boolean(s))
        .map(escapeMrkdwn)
        .join(' · ');
    if (context)
        blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: (0,untrusted/* truncate */.xv)(context, LIMITS.contextText) }] });
    const buttons = [];
    if (n.run.runUrl)
        buttons.push(message_button('View run', n.run.runUrl));
    if (n.url)
        buttons.push(message_button('Open deployment', n.url));
    if (buttons.length > 0)
        blocks.push({ type: 'actions', elements: buttons });
    // The top-level text and the fallback are mrkdwn, where `<!channel>` in a title would ping.
    const headline = `${look.emoji} ${escapeMrkdwn(title)}`;
    const fallback = [mentionText, headline].filter((s) => s !== '').join(' ');
    return {
        text: (0,untrusted/* truncate */.xv)(fallback, LIMITS.fallbackText),
        attachments: [
            {
                color: look.color,
                fallback: (0,untrusted/* truncate */.xv)(headline, LIMITS.fallbackText),
                blocks: blocks.slice(0, LIMITS.blocks),
            },
        ],
    };
}
function message_button(label, url) {
    return {
        type: 'button',
        text: { type: 'plain_text', text: (0,untrusted/* truncate */.xv)(label, LIMITS.buttonText) },
        url: url.slice(0, LIMITS.buttonUrl),
    };
}

;// CONCATENATED MODULE: ./actions/notify/src/payload.ts
/**
 * A custom payload is a template: JSON or YAML with `{{ name }}` placeholders. It is parsed
 * first and filled after, string by string, so a value can never change the payload's shape:
 * a commit message full of quotes, braces and newlines stays one string.
 */




const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;
/** Every name a payload may use, and its value for this run. */
function placeholderValues(n) {
    const look = lookOf(n.status);
    const values = {
        status: n.status,
        emoji: look.emoji,
        color: look.color,
        title: n.title ?? defaultTitle(n),
        text: n.text ?? '',
        environment: n.environment ?? '',
        url: n.url ?? '',
        reason: n.reason ?? '',
        duration: n.durationMs === undefined ? '' : (0,duration/* formatDuration */.a)(n.durationMs),
        repository: n.run.repository,
        ref: n.run.refName,
        actor: n.run.actor,
        workflow: n.run.workflow,
        job: n.run.job,
        'commit.sha': n.run.sha,
        'commit.short_sha': n.run.shortSha,
        'commit.message': n.run.commitMessage ?? '',
        'commit.url': n.run.commitUrl ?? '',
        'run.id': n.run.runId,
        'run.url': n.run.runUrl ?? '',
    };
    for (const [key, value] of n.fields)
        values[`fields.${key}`] = value;
    return values;
}
const PLACEHOLDER_NAMES = [
    'status',
    'emoji',
    'color',
    'title',
    'text',
    'environment',
    'url',
    'reason',
    'duration',
    'repository',
    'ref',
    'actor',
    'workflow',
    'job',
    'commit.sha',
    'commit.short_sha',
    'commit.message',
    'commit.url',
    'run.id',
    'run.url',
    'fields.<KEY>',
];
function payloadError(expected) {
    return new errors/* InputError */.dz([{ input: 'payload', shown: 'is not usable', expected }]);
}
/** Parses and fills a payload template; throws an InputError naming `payload` when it is unusable. */
async function renderPayload(template, n) {
    // yaml loads only for the runs that send a custom payload.
    const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    let parsed;
    try {
        parsed = parseYaml(template, { prettyErrors: true, maxAliasCount: 100 });
    }
    catch (error) {
        const where = error.linePos?.[0];
        const at = where ? ` (line ${where.line}, column ${where.col})` : '';
        throw payloadError(`expected a JSON or YAML object${at}: ${error.message.split('\n')[0]}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw payloadError('expected a JSON or YAML object (a Slack message such as {"text": "…"})');
    }
    const values = placeholderValues(n);
    const unknown = new Set();
    const fill = (value, key, ancestors) => {
        if (typeof value === 'string') {
            const context = fieldContext(key, ancestors);
            return fillString(value, values, unknown, context);
        }
        if (Array.isArray(value))
            return value.map((v) => fill(v, key, [...ancestors, value]));
        if (value !== null && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, k, [...ancestors, value])]));
        }
        return value;
    };
    const filled = fill(parsed, undefined, []);
    if (unknown.size > 0) {
        throw payloadError(`expected known placeholders; unknown: ${[...unknown].map((u) => `{{ ${u} }}`).join(', ')} (known: ${PLACEHOLDER_NAMES.join(', ')})`);
    }
    return filled;
}
/** Keys whose value is a URL: filled as is (mrkdwn escaping would turn `&` into `&amp;`). */
const URL_KEYS = new Set([
    'url',
    'image_url',
    'thumb_url',
    'title_link',
    'author_link',
    'author_icon',
    'footer_icon',
    'icon_url',
]);
/** How a string at `key` is escaped and how long it may be, from where it sits in the message. */
function fieldContext(key, ancestors) {
    const mrkdwn = { escape: escapeMrkdwn };
    if (key !== undefined && URL_KEYS.has(key))
        return { escape: (text) => text, limit: LIMITS.url };
    if (key === 'alt_text')
        return { ...mrkdwn, limit: LIMITS.altText };
    const parent = ancestors.at(-1);
    if (key === 'text' && ancestors.length === 1)
        return { ...mrkdwn, limit: LIMITS.fallbackText };
    if (key === 'fallback')
        return { ...mrkdwn, limit: LIMITS.fallbackText };
    if (key === 'text' && (parent?.type === 'plain_text' || parent?.type === 'mrkdwn')) {
        // The text object's owner: a block or element, or the `fields` array of a section.
        const owner = ancestors.at(-2);
        if (Array.isArray(owner)) {
            const holder = ancestors.at(-3);
            if (holder?.fields === owner)
                return { ...mrkdwn, limit: LIMITS.fieldText };
            return { ...mrkdwn, limit: LIMITS.contextText };
        }
        if (owner?.type === 'header')
            return { ...mrkdwn, limit: LIMITS.headerText };
        if (owner?.type === 'button')
            return { ...mrkdwn, limit: LIMITS.buttonText };
    }
    return { ...mrkdwn, limit: LIMITS.sectionText };
}
/**
 * Fills one string of the template so that the result fits its field: when it would be too long,
 * the longest filled value is cut first (the template's own text is the user's, and kept).
 */
function fillString(template, values, unknown, context) {
    const parts = [];
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
        const name = match[1] ?? '';
        parts.push({ literal: template.slice(last, match.index) });
        const value = values[name];
        if (value === undefined) {
            unknown.add(name);
            parts.push({ literal: match[0] });
        }
        else
            parts.push({ name, raw: value });
        last = (match.index ?? 0) + match[0].length;
    }
    parts.push({ literal: template.slice(last) });
    const render = (part) => ('literal' in part ? part.literal : context.escape(part.raw));
    const fillers = parts.filter((p) => 'raw' in p);
    for (;;) {
        const length = parts.reduce((sum, part) => sum + render(part).length, 0);
        if (length <= context.limit)
            break;
        const longest = fillers.reduce((best, p) => (p.raw !== '' && (!best || render(p).length > render(best).length) ? p : best), undefined);
        if (!longest)
            break;
        longest.raw = (0,untrusted/* truncate */.xv)(longest.raw, Math.max(0, longest.raw.length - (length - context.limit)));
    }
    return parts.map(render).join('');
}

;// CONCATENATED MODULE: ./actions/notify/src/notify.ts
/**
 * notify: build the message (or fill the custom payload), send it through @slack/webhook over
 * the core HTTP client (which retries 429 after `Retry-After`, 5xx and network errors: the
 * library itself does not retry 429), and report. Delivery failure is a warning unless
 * `fail-on-error` is set: a notification must never be the reason a deploy fails.
 */









function notificationOf(inputs, ctx) {
    const mentionOn = inputs.mentionOn;
    return {
        status: inputs.status,
        title: inputs.title,
        text: inputs.text,
        environment: inputs.environment,
        url: inputs.url,
        reason: inputs.reason,
        fields: inputs.fields ?? [],
        mentions: mentionOn.includes(inputs.status) ? (inputs.mention ?? []) : [],
        durationMs: inputs.startedAt === undefined ? undefined : Math.max(0, ctx.clock.now() - inputs.startedAt),
        run: ctx.github,
    };
}
/**
 * Why Slack did not take the message, in Slack's own words when it gave them: scrubbed, folded
 * onto one line, capped and quoted (an error body is outside text, and may be a megabyte).
 */
function deliveryFailure(error, secrets) {
    const e = error;
    if (e.statusCode !== undefined) {
        const body = (0,untrusted/* excerpt */.Kb)(e.body ?? '', secrets);
        return `Slack answered ${e.statusCode}: ${body ? JSON.stringify(body) : 'no body'}`;
    }
    return (0,untrusted/* excerpt */.Kb)((0,errors/* errorMessage */.gJ)(e.original !== undefined ? e.original : error), secrets);
}
/**
 * `status: ''` is what a misspelt expression gives (`\${{ job.stauts }}`); the runner sets an
 * input it was not given to its default, so an empty value was written, and reporting it as a
 * success would be a lie.
 */
function refuseEmptyStatus(env) {
    const given = env[(0,inputs/* inputVariable */.LO)('status')];
    if (given !== undefined && given.trim() === '')
        throw new errors/* InputError */.dz([
            {
                input: 'status',
                shown: 'is empty',
                expected: `expected one of ${manifest/* STATUSES */.f.join(', ')}; an empty value is usually a misspelt expression such as \${{ job.status }}`,
            },
        ]);
}
async function notify(inputs, ctx) {
    const { runner } = ctx;
    refuseEmptyStatus(ctx.env);
    const notification = notificationOf(inputs, ctx);
    // Built before anything is sent: a bad payload template is an input error, not a failed send.
    const message = inputs.payload === undefined ? buildMessage(notification) : await renderPayload(inputs.payload, notification);
    const http = ctx.http({
        service: 'Slack',
        deadline: inputs.timeout,
        timeout: inputs.requestTimeout,
        retries: 6,
        // Slack asks clients to retry its 5xx; a message sent twice beats a lost failure alert.
        retryUnsafe: true,
        secrets: runner.secrets,
        // The webhook's path is its secret: errors and logs show the host only.
        describeUrl: (url) => `${(0,urls/* hostOf */.w4)(url)} (webhook)`,
    });
    const webhook = new dist.IncomingWebhook(inputs.webhookUrl, { fetch: http.fetch });
    let failure;
    await runner.group('Send the Slack message', async () => {
        try {
            const result = await webhook.send(message);
            if (result.text?.trim() !== 'ok')
                failure = `Slack answered 200 but not 'ok': ${JSON.stringify((0,untrusted/* excerpt */.Kb)(result.text ?? '', runner.secrets))}`;
        }
        catch (error) {
            if (ctx.signal.aborted)
                throw error;
            failure = deliveryFailure(error, runner.secrets);
        }
    });
    runner.setOutput('sent', failure === undefined);
    const summary = new Summary().heading('Slack notification', 3);
    if (failure === undefined) {
        runner.info(`Slack accepted the ${notification.status} message.`);
        summary.paragraph(`Sent the ${notification.status} message${inputs.environment ? ` for ${inputs.environment}` : ''}.`);
        summary.write(runner);
        return { status: 'success' };
    }
    summary.paragraph('Not delivered:', failure);
    if (ctx.github.runUrl)
        summary.paragraph(report_link('Run', ctx.github.runUrl));
    summary.write(runner);
    if (inputs.failOnError) {
        throw new errors/* UserError */.yo(`The Slack message was not delivered. ${failure}`, {
            hint: 'Check the webhook URL secret; the app or channel behind it may have been removed.',
        });
    }
    runner.warning(`The Slack message was not delivered (fail-on-error is off, so the step passes). ${failure}`);
    return { status: 'warning' };
}


/***/ })

};
