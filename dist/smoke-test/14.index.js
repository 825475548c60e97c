export const id = 14;
export const ids = [14];
export const modules = {

/***/ 6014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  smokeTest: () => (/* binding */ smokeTest)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/headers.ts
var src_headers = __webpack_require__(1115);
// EXTERNAL MODULE: ./packages/core/src/urls.ts
var urls = __webpack_require__(3199);
// EXTERNAL MODULE: ./packages/core/src/duration.ts
var duration = __webpack_require__(9713);
// EXTERNAL MODULE: ./packages/core/src/expectation-error.ts
var expectation_error = __webpack_require__(1728);
// EXTERNAL MODULE: ./packages/core/src/json-assertions.ts
var json_assertions = __webpack_require__(4061);
// EXTERNAL MODULE: ./packages/core/src/jsonpath.ts
var jsonpath = __webpack_require__(6024);
// EXTERNAL MODULE: ./packages/core/src/status-spec.ts
var status_spec = __webpack_require__(8655);
// EXTERNAL MODULE: ./packages/core/src/text-matcher.ts
var text_matcher = __webpack_require__(4621);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./actions/smoke-test/src/checks.ts
/**
 * The check list: YAML (inline or a file) validated by a zod schema into compiled checks. Every
 * problem is reported at once, each with its line, the check's name and the field:
 * `smoke.yml line 7, check "API health", expect.body: /([/ is not a valid regular expression`.
 * Lines come from the YAML document's node ranges, so they point at the key or value at fault.
 */










const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g;
/** Compiles a field, turning its parse error into an issue at that field. */
function compiled(schema, compile) {
    return schema.transform((value, ctx) => {
        try {
            return compile(value);
        }
        catch (error) {
            if (error instanceof expectation_error/* ExpectationError */.x || error instanceof jsonpath/* JsonPathError */.UK) {
                ctx.addIssue({ code: 'custom', message: error.message });
                return core/* NEVER */.tm;
            }
            throw error;
        }
    });
}
function checks_duration(value) {
    const ms = typeof value === 'number' ? value * 1000 : (0,duration/* parseDuration */.E)(value);
    if (ms === undefined || ms < 0 || ms > 3_600_000)
        throw new expectation_error/* ExpectationError */.x(`${JSON.stringify(value)} is not a duration such as 200ms, 5s or 1m`);
    return ms;
}
const scalarText = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()], { error: 'expected a text value' }).transform(String);
const durationField = compiled(schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()], { error: 'expected a duration such as 200ms or 5s' }), checks_duration);
const textMatcher = compiled(schemas/* string */.YjP({ error: 'expected a substring or a /regex/' }), text_matcher/* parseTextMatcher */.X);
const captureSource = schemas/* string */.YjP({ error: 'expected $.json.path, header:Name or a /regex/ with one group' });
const expectSchema = schemas/* strictObject */.rej({
    status: compiled(schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]))], {
        error: 'expected a status code, a range such as 200-299 or 2xx, or a list of them',
    }), (v) => {
        try {
            return (0,status_spec/* parseStatusSpec */.L1)(v);
        }
        catch (error) {
            if (error instanceof expectation_error/* ExpectationError */.x)
                throw new expectation_error/* ExpectationError */.x(`${error.message}; expected ${status_spec/* STATUS_FORM */.ef}`);
            throw error;
        }
    }).optional(),
    headers: schemas/* record */.g1P(schemas/* string */.YjP(), textMatcher, { error: 'expected a map of header name to substring or /regex/' }).optional(),
    body: compiled(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP())], { error: 'expected a substring or /regex/, or a list of them' }), (v) => (Array.isArray(v) ? v : [v]).map(text_matcher/* parseTextMatcher */.X)).optional(),
    json: compiled(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP())], { error: 'expected JSON assertions, one a line or a list' }), json_assertions/* parseJsonAssertions */.ji).optional(),
    'max-latency': durationField.optional(),
});
const checkSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP({ error: 'every check needs a name' }).trim().min(1, { error: 'every check needs a name' }),
    url: schemas/* string */.YjP({ error: 'expected a URL, absolute or relative to base-url' }).trim().min(1, { error: 'expected a URL' }),
    method: schemas/* string */.YjP()
        .transform((m) => m.toUpperCase())
        .pipe(schemas/* enum */.k5n(METHODS, { error: `expected one of ${METHODS.join(', ')}` }))
        .optional(),
    headers: schemas/* record */.g1P(schemas/* string */.YjP(), scalarText, { error: 'expected a map of header name to value' }).optional(),
    body: scalarText.optional(),
    json: schemas/* unknown */.L5J().optional(),
    expect: expectSchema.optional(),
    retries: schemas/* number */.aig({ error: 'expected a whole number from 0 to 10' }).int().min(0).max(10).optional(),
    'retry-unsafe': schemas/* boolean */.zMY({ error: 'expected true or false' }).optional(),
    'follow-redirects': schemas/* boolean */.zMY({ error: 'expected true or false' }).optional(),
    timeout: durationField.optional(),
    capture: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z_][\w-]*$/, { error: 'a capture name is letters, digits, _ and -' }), captureSource, {
        error: 'expected a map of name to $.json.path, header:Name or /regex/',
    })
        .optional(),
});
function compileCapture(name, source) {
    const text = source.trim();
    if (text.startsWith('$'))
        return { name, kind: 'json', source: text, path: (0,jsonpath/* parseJsonPath */.Hf)(text) };
    const header = /^header:\s*(.+)$/i.exec(text);
    if (header)
        return { name, kind: 'header', source: text, header: (header[1] ?? '').trim().toLowerCase() };
    const regex = (0,text_matcher/* parseRegexLiteral */.e)(text);
    if (regex)
        return { name, kind: 'regex', source: text, regex };
    throw new expectation_error/* ExpectationError */.x(`${JSON.stringify(text)} is not $.json.path, header:Name or a /regex/ with one group`);
}
function placeholdersIn(value) {
    if (typeof value === 'string')
        return [...value.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
    if (Array.isArray(value))
        return value.flatMap(placeholdersIn);
    if (value !== null && typeof value === 'object')
        return Object.values(value).flatMap(placeholdersIn);
    return [];
}
function checkUrl(url, baseUrl) {
    const control = (0,urls/* describeControlCharacter */.WK)(url);
    if (control)
        return `${JSON.stringify(url)} holds ${control}; a URL is one line`;
    const sample = url.replace(PLACEHOLDER, 'x');
    if (/^[a-z][a-z0-9+.-]*:/i.test(sample)) {
        if (!URL.canParse(sample))
            return `${JSON.stringify(url)} is not a valid URL`;
        const { protocol, hostname } = new URL(sample);
        if (protocol !== 'http:' && protocol !== 'https:')
            return `${JSON.stringify(url)} is not an http or https URL`;
        if (hostname === '')
            return `${JSON.stringify(url)} has no host`;
        return undefined;
    }
    if (/^[^/?#]*:\/\//.test(sample))
        return `${JSON.stringify(url)} is not a valid URL`;
    if (sample.startsWith('//'))
        return `${JSON.stringify(url)} has no scheme: write https://…`;
    if (!baseUrl)
        return `${JSON.stringify(url)} is relative, and the base-url input is not set`;
    try {
        (0,urls/* joinUrl */.we)(baseUrl, sample);
        return undefined;
    }
    catch {
        return `${JSON.stringify(url)} is not a valid URL relative to base-url`;
    }
}
/** Semantic rules across fields and checks, on top of the schema. */
function crossCheck(raws, list, baseUrl, problems) {
    const seen = new Set();
    const captured = new Set();
    const checks = [];
    raws.forEach((raw, index) => {
        if (!raw) {
            // Invalid by the schema (reported already): its captures still count, so later checks are not blamed.
            const item = list[index];
            if (item?.capture && typeof item.capture === 'object')
                for (const name of Object.keys(item.capture))
                    captured.add(name);
            const urlProblem = typeof item?.url === 'string' ? checkUrl(item.url, baseUrl) : undefined;
            if (urlProblem)
                problems.push({ path: [index, 'url'], message: urlProblem });
            return;
        }
        if (seen.has(raw.name))
            problems.push({ path: [index, 'name'], message: `another check is already named ${JSON.stringify(raw.name)}` });
        seen.add(raw.name);
        const urlProblem = checkUrl(raw.url, baseUrl);
        if (urlProblem)
            problems.push({ path: [index, 'url'], message: urlProblem });
        if (raw.body !== undefined && raw.json !== undefined)
            problems.push({ path: [index, 'json'], message: 'give body or json, not both' });
        const uses = new Set();
        const fields = [
            [['url'], raw.url],
            [['headers'], raw.headers],
            [['body'], raw.body],
            [['json'], raw.json],
        ];
        for (const [field, value] of fields) {
            for (const name of placeholdersIn(value)) {
                if (!captured.has(name))
                    problems.push({ path: [index, ...field], message: `uses {{ ${name} }}, which no earlier check captures` });
                uses.add(name);
            }
        }
        const captures = [];
        for (const [name, source] of Object.entries(raw.capture ?? {})) {
            try {
                const capture = compileCapture(name, source);
                if (capture.kind === 'regex' && new RegExp(`${capture.regex.source}|`).exec('')?.length !== 2)
                    throw new expectation_error/* ExpectationError */.x(`${source} needs exactly one capturing group`);
                captures.push(capture);
            }
            catch (error) {
                if (!(error instanceof expectation_error/* ExpectationError */.x || error instanceof jsonpath/* JsonPathError */.UK))
                    throw error;
                problems.push({ path: [index, 'capture', name], message: error.message });
            }
        }
        for (const c of captures)
            captured.add(c.name);
        const e = raw.expect ?? {};
        const bodies = e.body;
        checks.push({
            name: raw.name,
            line: 0,
            url: raw.url,
            method: raw.method ?? (raw.body !== undefined || raw.json !== undefined ? 'POST' : 'GET'),
            headers: raw.headers ?? {},
            body: raw.body,
            json: raw.json,
            expect: {
                status: e.status ?? (0,status_spec/* parseStatusSpec */.L1)('200-399'),
                ...(e.headers ? { headers: Object.entries(e.headers) } : {}),
                ...(bodies ? { body: bodies } : {}),
                ...(e.json ? { json: e.json } : {}),
                ...(e['max-latency'] !== undefined ? { maxLatency: e['max-latency'] } : {}),
            },
            retries: raw.retries,
            retryUnsafe: raw['retry-unsafe'] ?? false,
            followRedirects: raw['follow-redirects'] ?? true,
            timeout: raw.timeout,
            captures,
            uses: [...uses],
        });
    });
    return checks;
}
class CheckListError extends errors/* InputError */.dz {
    constructor(source, lines) {
        const problems = lines.map((l) => ({ input: source.input, shown: `(${source.label})`, expected: l }));
        super(problems, `Fix the ${source.input === 'checks' ? 'checks input' : 'check file'}; the catalog lists every field.`);
        this.message =
            lines.length === 1
                ? `Input '${source.input}' (${source.label}) is invalid: ${lines[0]}`
                : `Input '${source.input}' (${source.label}) has ${lines.length} problems:\n${lines.map((l) => `- ${l}`).join('\n')}`;
    }
}
function nodeAt(root, path) {
    let node = root;
    let parent;
    for (const key of path) {
        parent = node;
        if ((0,dist/* isSeq */.oP)(node))
            node = node.items[Number(key)];
        else if ((0,dist/* isMap */.jh)(node))
            node = node.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(key))?.value;
        else
            return { node: undefined, parent };
        if (!node)
            return { node: undefined, parent };
    }
    return { node, parent };
}
function keyNode(map, key) {
    if (!(0,dist/* isMap */.jh)(map))
        return undefined;
    const pair = map.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === key);
    return pair?.key ?? undefined;
}
function fieldName(path) {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
/** Parses and validates a check list; throws one CheckListError with every problem. */
function parseChecks(source, baseUrl) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(source.text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
        throw new CheckListError(source, doc.errors.map((e) => `line ${lineCounter.linePos(e.pos[0]).line}: not valid YAML (${e.message.split('\n')[0]})`));
    }
    const data = doc.toJS();
    let prefix = [];
    let list = data;
    if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'checks' in data) {
        prefix = ['checks'];
        list = data.checks;
    }
    if (!Array.isArray(list) || list.length === 0)
        throw new CheckListError(source, ['expected a non-empty YAML list of checks (or a map with a `checks` list)']);
    const listNode = nodeAt(doc.contents, prefix).node;
    const problems = [];
    const raws = [];
    list.forEach((item, index) => {
        const result = checkSchema.safeParse(item);
        raws.push(result.success ? result.data : undefined);
        if (result.success)
            return;
        for (const issue of result.error.issues) {
            const path = [index, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
            if (issue.code === 'unrecognized_keys') {
                const allowed = Object.keys(issue.path.includes('expect') ? expectSchema.shape : checkSchema.shape).join(', ');
                for (const key of issue.keys)
                    problems.push({ path, key, message: `unknown key '${key}' (expected one of: ${allowed})` });
            }
            else
                problems.push({ path, message: issue.message });
        }
    });
    const checks = crossCheck(raws, list, baseUrl, problems);
    const lineOf = (path, key) => {
        const { node, parent } = nodeAt(listNode, path);
        const at = key !== undefined ? keyNode(node, key) : (node ?? parent);
        const offset = at?.range?.[0];
        return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    };
    const named = (index) => {
        const name = list[index]?.name;
        return typeof name === 'string' && name.trim() !== '' ? `check ${JSON.stringify(name)}` : `check #${index + 1}`;
    };
    if (problems.length > 0) {
        throw new CheckListError(source, problems
            .map((p) => {
            const [index = 0, ...field] = p.path;
            const line = lineOf(p.path, p.key);
            const where = [line === undefined ? undefined : `line ${line}`, named(Number(index))].filter(Boolean).join(', ');
            const fieldPath = p.key === undefined ? field : [...field, p.key];
            return {
                line: line ?? Number.MAX_SAFE_INTEGER,
                text: `${where}${fieldPath.length > 0 ? `, field ${fieldName(fieldPath)}` : ''}: ${p.message}`,
            };
        })
            .sort((a, b) => a.line - b.line)
            .map((p) => p.text));
    }
    return checks.map((check, index) => ({ ...check, line: lineOf([index]) ?? 0 }));
}

;// CONCATENATED MODULE: ./actions/smoke-test/src/junit.ts
/** Characters XML 1.0 cannot hold at all, even escaped. */
const INVALID_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
function xmlEscape(text) {
    return escapeXml(text);
}
function escapeXml(text) {
    return text
        .replace(INVALID_XML, '\uFFFD')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}
const seconds = (ms) => ((ms ?? 0) / 1000).toFixed(3);
function renderJunit(results, options) {
    // Secrets are scrubbed before escaping: `p&ss<w>rd` escaped first would no longer match.
    const scrub = options.secrets?.scrub.bind(options.secrets) ?? ((text) => text);
    const xmlEscape = (text) => escapeXml(scrub(text));
    const suite = options.suite ?? 'smoke-test';
    const failures = results.filter((r) => r.outcome === 'failed').length;
    const skipped = results.filter((r) => r.outcome === 'skipped').length;
    const counts = `tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(options.elapsed)}"`;
    const stamp = options.timestamp.toISOString().replace(/\.\d+Z$/, '');
    const cases = results.map((r) => {
        const open = `    <testcase name="${xmlEscape(r.check.name)}" classname="${xmlEscape(suite)}" time="${seconds(r.duration)}">`;
        if (r.outcome === 'passed')
            return `${open}</testcase>`;
        if (r.outcome === 'skipped')
            return `${open}\n      <skipped message="${xmlEscape(r.skipped ?? 'skipped')}"/>\n    </testcase>`;
        const first = r.failures[0];
        const answered = r.status === undefined ? 'no answer' : `${r.status} in ${Math.round(r.latency ?? 0)}ms`;
        const detail = [
            `${r.method} ${r.url} → ${answered} (${r.attempts} attempt${r.attempts === 1 ? '' : 's'})`,
            ...r.failures.map((f) => `${f.assertion}: ${f.message}`),
        ].join('\n');
        return `${open}\n      <failure message="${xmlEscape(first?.message ?? 'failed')}" type="${xmlEscape(first?.assertion ?? 'failure')}">${xmlEscape(detail)}</failure>\n    </testcase>`;
    });
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${xmlEscape(suite)}" ${counts}>`,
        `  <testsuite name="${xmlEscape(suite)}" ${counts} timestamp="${stamp}">`,
        ...cases,
        '  </testsuite>',
        '</testsuites>',
        '',
    ].join('\n');
}

// EXTERNAL MODULE: ./packages/core/src/json.ts
var json = __webpack_require__(9051);
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
;// CONCATENATED MODULE: ./actions/smoke-test/src/run-checks.ts









const RETRY_PAUSE_MS = 250;
const RETRY_PAUSE_CAP_MS = 5_000;
const SECRET_LOOKING = /token|secret|pass|key|auth|session|cookie|jwt|bearer/i;
function fill(template, captures, encode) {
    return template.replace(PLACEHOLDER, (_, name) => {
        const value = captures.get(name) ?? '';
        return encode ? encodeURIComponent(value) : value;
    });
}
function fillDeep(value, captures) {
    if (typeof value === 'string')
        return fill(value, captures, false);
    if (Array.isArray(value))
        return value.map((v) => fillDeep(v, captures));
    if (value !== null && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, captures)]));
    return value;
}
function captureValue(capture, answer) {
    if (capture.kind === 'header')
        return answer.headers.get(capture.header) ?? undefined;
    if (capture.kind === 'regex')
        return capture.regex.exec(answer.text)?.[1];
    const parsed = (0,json/* tryParseJsonExact */.S9)(answer.text);
    if (!parsed.ok)
        return undefined;
    const value = (0,jsonpath/* queryJsonPath */.UG)(capture.path, parsed.value)[0]?.value;
    if (value === undefined || value === null)
        return undefined;
    return typeof value === 'string' ? value : (0,json/* stringifyJson */.sd)(value);
}
async function runChecks(checks, options) {
    const { clock } = options;
    const begin = clock.now();
    const deadlineAt = begin + options.timeout;
    const captures = new Map();
    const producer = new Map();
    checks.forEach((check, index) => {
        for (const c of check.captures)
            if (!producer.has(c.name))
                producer.set(c.name, index);
    });
    const results = checks.map(() => undefined);
    const pending = checks.map((_, index) => index);
    const running = new Map();
    let stopped = false;
    const skip = (index, reason) => {
        const check = checks[index];
        results[index] = skipResult(check, reason, clock.now() - begin);
        options.logger.info(`- ${check.name}: skipped (${reason})`);
    };
    /** 'ready', 'wait' (a producer is still running) or a reason to skip. */
    const readiness = (index) => {
        for (const name of checks[index].uses) {
            const from = producer.get(name);
            const done = from === undefined ? undefined : results[from];
            if (!done)
                return 'wait';
            if (done.outcome !== 'passed')
                return `it uses {{ ${name} }} from "${done.check.name}", which ${done.outcome}`;
        }
        return 'ready';
    };
    while (pending.length > 0 || running.size > 0) {
        if (options.signal?.aborted)
            break;
        for (let i = 0; i < pending.length && running.size < options.concurrency;) {
            const index = pending[i];
            if (stopped) {
                pending.splice(i, 1);
                skip(index, 'fail-fast: an earlier check failed');
                continue;
            }
            const state = readiness(index);
            if (state === 'wait') {
                i++;
                continue;
            }
            pending.splice(i, 1);
            if (state !== 'ready') {
                skip(index, state);
                continue;
            }
            const task = runOne(checks[index], captures, options, begin, deadlineAt).then((result) => {
                results[index] = result;
                running.delete(index);
                if (result.outcome === 'failed' && options.failFast)
                    stopped = true;
            });
            running.set(index, task);
        }
        if (running.size === 0) {
            if (pending.length > 0 && !stopped) {
                // Only checks waiting on producers that never run (cannot happen after validation): skip them.
                for (const index of pending.splice(0))
                    skip(index, 'its captures were never made');
            }
            continue;
        }
        await Promise.race(running.values());
    }
    return results.map((r, index) => r ?? skipResult(checks[index], 'the run was cancelled'));
}
function skipResult(check, reason, startedAt = 0) {
    return {
        check,
        outcome: 'skipped',
        attempts: 0,
        method: check.method,
        url: (0,secrets/* maskUrl */.yP)(check.url),
        status: undefined,
        latency: undefined,
        failures: [],
        skipped: reason,
        startedAt,
        duration: 0,
    };
}
async function runOne(check, captures, options, begin, deadlineAt) {
    const { clock } = options;
    const startedAt = clock.now();
    const retries = check.retries ?? options.retries;
    // A POST or PATCH that failed may still have happened (a 500 after the item was created):
    // sending it again could do it twice, so only a check that says so is retried.
    const repeatable = check.retryUnsafe || (0,src_http/* isIdempotent */.ky)(check.method);
    const expect = { ...check.expect, maxLatency: check.expect.maxLatency ?? options.maxLatency };
    const filledUrl = fill(check.url, captures, true);
    const url = options.baseUrl === undefined ? new URL(filledUrl).toString() : (0,urls/* joinUrl */.we)(options.baseUrl, filledUrl);
    const headers = { ...options.headers };
    for (const [name, value] of Object.entries(check.headers))
        headers[name] = fill(value, captures, false);
    let body;
    if (check.json !== undefined) {
        body = JSON.stringify(fillDeep(check.json, captures));
        if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
            headers['content-type'] = 'application/json';
    }
    else if (check.body !== undefined)
        body = fill(check.body, captures, false);
    let failures = [];
    let status;
    let latency;
    let attempt = 0;
    for (;;) {
        attempt += 1;
        const left = deadlineAt - clock.now();
        if (left <= 0) {
            failures = [{ assertion: 'timeout', message: `the run's timeout passed before attempt ${attempt}` }];
            break;
        }
        const timeout = Math.max(1, Math.min(check.timeout ?? options.requestTimeout, left));
        const result = await probe(options.http, clock, {
            url,
            method: check.method,
            headers,
            ...(body === undefined ? {} : { body }),
            ...(options.maxBody === undefined ? {} : { maxBody: options.maxBody }),
            followRedirects: check.followRedirects,
            timeout,
        });
        let retryAfter = 0;
        /** Whether sending the request again can help, and cannot do the work twice. */
        let retryable;
        let via = '';
        if (!result.ok) {
            status = result.status;
            latency = result.latency;
            failures = [{ assertion: result.permanent ? 'request' : 'connection', message: result.reason }];
            // A refused connection never reached the server: safe to repeat whatever the method.
            retryable = !result.permanent && (repeatable || /ECONNREFUSED/.test(result.reason));
        }
        else {
            status = result.answer.status;
            latency = result.answer.latency;
            via = describeRedirects(result.answer.redirects, secrets/* maskUrl */.yP);
            failures = checkAnswer(expect, result.answer, options.secrets);
            if (failures.length === 0)
                failures = takeCaptures(check, result.answer, captures, options);
            if (status === 429)
                retryAfter = (0,src_http/* retryAfterMs */.Vs)(result.answer.headers, Date.now()) ?? 0;
            // A 429 was refused, not processed: safe to repeat whatever the method.
            retryable = repeatable || status === 429;
        }
        const tries = retries > 0 && retryable ? ` (attempt ${attempt} of ${retries + 1})` : '';
        const answered = status === undefined ? 'no answer' : `${status}${via} in ${Math.round(latency ?? 0)}ms`;
        options.logger.info(failures.length === 0
            ? `✓ ${check.name}: ${check.method} ${(0,secrets/* maskUrl */.yP)(url)} → ${answered}`
            : `✗ ${check.name}: ${check.method} ${(0,secrets/* maskUrl */.yP)(url)} → ${answered}: ${failures.map((f) => f.message).join('; ')}${tries}`);
        if (failures.length === 0 || attempt > retries)
            break;
        if (!retryable) {
            const permanent = !result.ok && result.permanent;
            if (!permanent && !repeatable)
                options.logger.info(`  not retried: ${check.method} is not idempotent (set retry-unsafe: true on the check to retry it)`);
            break;
        }
        const pause = Math.max(retryAfter, Math.min(RETRY_PAUSE_CAP_MS, RETRY_PAUSE_MS * 2 ** (attempt - 1)));
        if (pause >= deadlineAt - clock.now()) {
            failures.push({
                assertion: 'timeout',
                message: `no time left to retry within the run's timeout (next try in ${(0,duration/* formatDuration */.a)(pause)})`,
            });
            break;
        }
        await clock.sleep(pause, options.signal);
    }
    return {
        check,
        outcome: failures.length === 0 ? 'passed' : 'failed',
        attempts: attempt,
        method: check.method,
        url: (0,secrets/* maskUrl */.yP)(url),
        status,
        latency,
        failures,
        skipped: undefined,
        startedAt: startedAt - begin,
        duration: clock.now() - startedAt,
    };
}
function takeCaptures(check, answer, captures, options) {
    const failures = [];
    for (const capture of check.captures) {
        const value = captureValue(capture, answer);
        if (value === undefined) {
            failures.push({ assertion: 'capture', message: `capture ${capture.name}: ${capture.source} found nothing in the answer` });
            continue;
        }
        if (SECRET_LOOKING.test(capture.name) || SECRET_LOOKING.test(capture.source))
            options.onSecret?.(value);
        captures.set(capture.name, value);
    }
    return failures;
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

;// CONCATENATED MODULE: ./actions/smoke-test/src/summary.ts
/** The smoke test's job summary: the count, then one row per check with its failed assertion. */

const ICON = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped' };
function renderSmokeSummary(results, reportFile, elapsed, secrets = { scrub: (text) => text }) {
    // Scrubbed here, before the summary escapes them: an escaped secret would no longer match.
    const scrub = (text) => secrets.scrub(text);
    const passed = results.filter((r) => r.outcome === 'passed').length;
    const failed = results.filter((r) => r.outcome === 'failed').length;
    const skipped = results.length - passed - failed;
    const summary = new Summary().heading(`Smoke test: ${failed === 0 && skipped === 0 ? 'passed ✅' : 'failed ❌'}`, 3);
    summary.paragraph(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} in ${(elapsed / 1000).toFixed(1)}s. JUnit report:`, code(reportFile));
    summary.table(['check', 'status', 'answer', 'latency', 'failed assertion'], results.map((r) => [
        scrub(r.check.name),
        ICON[r.outcome],
        r.status ?? '—',
        r.latency === undefined ? '—' : `${Math.round(r.latency)}ms`,
        scrub(r.outcome === 'skipped' ? (r.skipped ?? '') : r.failures.map((f) => `${f.assertion}: ${f.message}`).join('; ')),
    ]));
    return summary;
}

;// CONCATENATED MODULE: ./actions/smoke-test/src/smoke.ts
/**
 * smoke-test: read and validate the checks (every problem before any request), run them, write
 * the JUnit report and the summary, set the outputs, and fail when a check failed.
 */










function workspace(ctx) {
    return ctx.env.GITHUB_WORKSPACE ?? process.cwd();
}
function checkSource(inputs, ctx) {
    if (inputs.checks !== undefined)
        return { input: 'checks', label: 'inline', text: inputs.checks };
    const given = inputs.checksFile ?? '';
    const path = (0,external_node_path_.resolve)(workspace(ctx), given);
    if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isFile())
        throw new errors/* InputError */.dz([
            {
                input: 'checks-file',
                shown: `got ${JSON.stringify(given)}`,
                expected: 'expected a YAML file in the workspace; there is none at that path',
            },
        ]);
    return { input: 'checks-file', label: given, text: (0,external_node_fs_.readFileSync)(path, 'utf8') };
}
function reportPath(inputs, ctx) {
    if (inputs.report)
        return (0,external_node_path_.isAbsolute)(inputs.report) ? inputs.report : (0,external_node_path_.resolve)(workspace(ctx), inputs.report);
    return (0,external_node_path_.join)(ctx.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'smoke-test', `junit-${process.pid}.xml`);
}
async function smokeTest(inputs, ctx) {
    const { runner, clock } = ctx;
    const headers = (0,src_headers/* requestHeaders */.A1)(runner, inputs.headers);
    if (inputs.baseUrl)
        (0,urls/* registerUrlCredentials */.ZY)(runner, inputs.baseUrl);
    const checks = parseChecks(checkSource(inputs, ctx), inputs.baseUrl);
    for (const check of checks)
        (0,urls/* registerUrlCredentials */.ZY)(runner, check.url.replace(PLACEHOLDER, 'x'));
    const file = reportPath(inputs, ctx);
    const begin = clock.now();
    runner.info(`Running ${checks.length} check${checks.length === 1 ? '' : 's'}, ${inputs.concurrency} at a time.`);
    const results = await runChecks(checks, {
        http: ctx.http({ service: 'Smoke check', retries: 0, secrets: runner.secrets, maxBody: inputs.maxBody }),
        secrets: runner.secrets,
        clock,
        logger: runner,
        baseUrl: inputs.baseUrl,
        headers,
        concurrency: inputs.concurrency,
        retries: inputs.retries,
        requestTimeout: inputs.requestTimeout,
        maxLatency: inputs.maxLatency,
        timeout: inputs.timeout,
        failFast: inputs.failFast,
        signal: ctx.signal,
        onSecret: (value) => runner.setSecret(value),
    });
    if (ctx.signal.aborted)
        throw ctx.signal.reason;
    const elapsed = clock.now() - begin;
    try {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
        (0,external_node_fs_.writeFileSync)(file, runner.secrets.scrub(renderJunit(results, { elapsed, timestamp: new Date(begin), secrets: runner.secrets })), 'utf8');
    }
    catch (error) {
        throw new errors/* UserError */.yo(`Could not write the JUnit report to ${file}: ${error.message}`, {
            hint: 'Point the report input at a writable path in the workspace.',
        });
    }
    const passed = results.filter((r) => r.outcome === 'passed').length;
    const failed = results.filter((r) => r.outcome === 'failed');
    runner.setOutput('passed', passed);
    runner.setOutput('failed', failed.length);
    runner.setOutput('report-file', file);
    renderSmokeSummary(results, file, elapsed, runner.secrets).write(runner);
    runner.info(`${passed} passed, ${failed.length} failed in ${(elapsed / 1000).toFixed(1)}s; JUnit report: ${file}`);
    if (failed.length > 0) {
        const named = failed
            .slice(0, 5)
            .map((r) => `${r.check.name} (${r.failures[0]?.message ?? 'failed'})`)
            .join('; ');
        throw new errors/* UserError */.yo(`${failed.length} of ${results.length} smoke check${results.length === 1 ? '' : 's'} failed: ${named}${failed.length > 5 ? '; …' : ''}`, { hint: 'The summary table and the JUnit report list every failed assertion.' });
    }
    return { status: 'success' };
}


/***/ })

};
