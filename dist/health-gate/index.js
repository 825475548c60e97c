import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 237:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _deploy_suite_core_run__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(666);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(972);


// The poll loop loads once the inputs are valid: a step that fails on its inputs starts as fast as node.
process.exitCode = await (0,_deploy_suite_core_run__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .C)(_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .manifest */ .e, async (inputs, ctx) => (await __nccwpck_require__.e(/* import() */ 794).then(__nccwpck_require__.bind(__nccwpck_require__, 794))).healthGate(inputs, ctx));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 972:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ manifest)
});

// EXTERNAL MODULE: ./packages/core/src/expect.ts + 1 modules
var expect = __nccwpck_require__(177);
// EXTERNAL MODULE: ./packages/core/src/input-types.ts
var input_types = __nccwpck_require__(657);
// EXTERNAL MODULE: ./packages/core/src/inputs.ts
var inputs = __nccwpck_require__(276);
;// CONCATENATED MODULE: ./packages/core/src/manifest.ts
const STATUS_OUTPUT = {
    description: "How the step ended: 'success', 'failure' or 'cancelled', or an outcome the action names.",
};
/** Declares an action; every action gets the `status` output the run wrapper always sets. */
function defineAction(manifest) {
    return { ...manifest, outputs: { ...manifest.outputs, status: STATUS_OUTPUT } };
}

;// CONCATENATED MODULE: ./actions/health-gate/src/manifest.ts




const manifest = defineAction({
    name: 'health-gate',
    title: 'Deploy Suite: health gate',
    description: 'Waits until a new release is live and healthy (status, JSON health document, body, served version, latency), or fails the pipeline with the last reason.',
    branding: { icon: 'activity', color: 'green' },
    inputs: {
        url: (0,inputs/* required */.mw)(input_types/* list */.p_(input_types/* url */.OZ()), 'URL(s) to poll, one a line: all must pass. Typically the `url` output of the deploy step, followed by /health.'),
        'expect-status': (0,inputs/* withDefault */.IQ)((0,expect/* statusInput */.d_)(), '200-399', 'Status codes that pass (as Kubernetes HTTP probes: 200-399).'),
        'expect-json': (0,inputs/* optional */.lq)((0,expect/* jsonAssertionsInput */.oA)(), 'Assertions on the JSON body, one a line. A wildcard must hold for every node: `$.services.* == healthy` checks each service.'),
        'expect-body': (0,inputs/* optional */.lq)((0,expect/* textMatcherInput */.mw)(), 'Text the body must contain, or a `/regex/` it must match.'),
        'expect-version': (0,inputs/* optional */.lq)(input_types/* text */.Qq(), 'The version the release must serve, e.g. the commit SHA (`github.sha`): an old release still answering 200 does not pass. Read from the JSON body at `version-path`, or from a plain-text body.'),
        'version-path': (0,inputs/* withDefault */.IQ)((0,expect/* jsonPathInput */.Kw)(), '$.version', 'Where the served version is in the JSON body.'),
        'max-latency': (0,inputs/* optional */.lq)(input_types/* duration */.p0({ min: 1, max: 600_000 }), 'An answer slower than this does not pass.'),
        headers: (0,inputs/* optional */.lq)((0,expect/* headersInput */.zE)(), "Request headers, `Name: value` one a line, e.g. Vercel's `x-vercel-protection-bypass`. Values are masked like secrets.", { secret: true }),
        timeout: (0,inputs/* withDefault */.IQ)(input_types/* duration */.p0({ min: 100, max: 6 * 3_600_000 }), '5m', 'How long to wait for the release to pass.'),
        interval: (0,inputs/* withDefault */.IQ)(input_types/* duration */.p0({ min: 50, max: 600_000 }), '5s', 'The longest pause between two polls. The first polls come quicker (a release that is up in 3 s is seen in about 3 s) and slow down to this.'),
        'initial-delay': (0,inputs/* withDefault */.IQ)(input_types/* duration */.p0({ max: 3_600_000 }), '0', 'A pause before the first poll.'),
        'request-timeout': (0,inputs/* withDefault */.IQ)(input_types/* duration */.p0({ min: 50, max: 600_000 }), '10s', 'How long one request may take.'),
        'success-threshold': (0,inputs/* withDefault */.IQ)(input_types/* integer */.nd({ min: 1, max: 100 }), '1', 'Consecutive passing polls needed: raise it for an app that flaps, so one lucky answer does not pass.'),
        'failure-threshold': (0,inputs/* withDefault */.IQ)(input_types/* integer */.nd({ min: 0, max: 1000 }), '0', 'Consecutive hard failures (the app answered, and wrongly) that end the wait early; 0 waits for the timeout.'),
    },
    outputs: {
        healthy: { description: "'true' when every URL passed, else 'false'." },
        attempts: { description: 'How many polls were made.' },
        elapsed: { description: 'Milliseconds from the start of the wait to the verdict.' },
        'status-code': { description: 'The HTTP status of the last answer (empty when nothing answered).' },
        'latency-p50': { description: 'Median latency of the answers, in milliseconds.' },
        'latency-p95': { description: '95th-percentile latency of the answers, in milliseconds.' },
        failure: { description: 'Why the last failing poll failed (empty when healthy).' },
    },
    example: `- name: Wait for the new release
  uses: OWNER/REPO/actions/health-gate@v1
  with:
    url: \${{ steps.api.outputs.url }}/api/health/detailed/
    expect-json: |
      $.status == healthy
      $.services.* == healthy
    expect-version: \${{ github.sha }}
    success-threshold: 3
    timeout: 5m
    headers: |
      x-vercel-protection-bypass: \${{ secrets.VERCEL_BYPASS }}`,
    notes: `Each poll requests every URL once (no retries inside a poll: the poll loop is the retry). A
poll passes when every URL answers with an expected status and every assertion holds; the gate
passes after \`success-threshold\` passing polls in a row.

Polls come every 0.25 s at first and then each pause is about 8% of the time waited so far, up
to \`interval\`: a release that is up after 3 s is seen within about half a second, one that
takes minutes is polled every \`interval\`.

**Hard failures** (counted by \`failure-threshold\`): the app answered and the answer is wrong: a
status outside \`expect-status\` other than 502, 503 and 504, or a failed body or JSON assertion.
Refused connections, timeouts, 502-504 answers, the old version still serving and slow answers
are the release still coming up, and only the timeout ends them.

JSON assertions: \`$.status == ok\`, \`$.services.* == healthy\`, \`$.version != 1.2.3\`,
\`$.build =~ /^v2\\./\`, \`$.metrics.error_rate < 0.05\`, \`$.checks[0].name exists\`. Values are
JSON (\`200\`, \`true\`, \`"a b"\`) or bare text; \`$.code == 200\` also holds for \`"200"\`.`,
});


/***/ }),

/***/ 143:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ cancellation),
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(638);
/** Time as a dependency, so waits and backoff can be tested without real sleeps. */

const systemClock = {
    now: () => performance.timeOrigin + performance.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(cancellation(signal));
            return;
        }
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, ms));
        const onAbort = () => {
            clearTimeout(timer);
            reject(cancellation(signal));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
/** The error to throw when a signal aborts: its own reason when that is already ours. */
function cancellation(signal) {
    const reason = signal?.reason;
    return reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc ? reason : new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc();
}


/***/ }),

/***/ 638:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   j3: () => (/* binding */ DeadlineError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * Two kinds of failure, as in codeql-action: a user error is something the person running the
 * workflow can fix (bad input, bad token, a deploy that failed, a check that did not pass) and is
 * reported as one `::error::` line with a hint and no stack; anything else is an internal error,
 * a bug of ours, reported with its stack when step debugging is on.
 */
class UserError extends Error {
    hint;
    constructor(message, options = {}) {
        super(message, { cause: options.cause });
        this.name = 'UserError';
        this.hint = options.hint;
    }
}
/** Every invalid input of a run, reported together before any side effect. */
class InputError extends UserError {
    problems;
    constructor(problems, hint) {
        const lines = problems.map((p) => `Input '${p.input}' ${p.shown}: ${p.expected}`);
        const message = lines.length === 1 ? (lines[0] ?? '') : `${lines.length} inputs are invalid:\n${lines.map((l) => `- ${l}`).join('\n')}`;
        super(message, { hint: hint ?? 'Fix the step inputs in your workflow file.' });
        this.name = 'InputError';
        this.problems = problems;
    }
}
/** A wait that ran out of time; says what it was waiting for and what it saw last. */
class DeadlineError extends UserError {
    lastState;
    constructor(message, lastState, hint) {
        super(message, hint === undefined ? {} : { hint });
        this.name = 'DeadlineError';
        this.lastState = lastState;
    }
}
/** The run was cancelled (SIGINT/SIGTERM from the runner, or an abort signal). */
class CancelledError extends UserError {
    constructor(message = 'The step was cancelled.') {
        super(message);
        this.name = 'CancelledError';
    }
}
function isUserError(error) {
    return error instanceof UserError;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 177:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dG: () => (/* binding */ checkAnswer),
  zE: () => (/* binding */ headersInput),
  oA: () => (/* binding */ jsonAssertionsInput),
  Kw: () => (/* binding */ jsonPathInput),
  d_: () => (/* binding */ statusInput),
  mw: () => (/* binding */ textMatcherInput)
});

// UNUSED EXPORTS: ExpectationError, HEADERS_FORM, JSON_ASSERTION_FORM, STATUS_FORM, checkJsonAssertion, parseHeaderLines, parseJsonAssertion, parseJsonAssertions, parseRegexLiteral, parseStatusSpec, parseTextMatcher, servedVersion, showValue, statusMatches

// EXTERNAL MODULE: ./packages/core/src/input-types.ts
var input_types = __nccwpck_require__(657);
;// CONCATENATED MODULE: ./packages/core/src/jsonpath.ts
/**
 * The JSONPath that health and smoke assertions need, and no more: `$`, `.name`, `['name']`,
 * `[0]`, `[-1]`, `*` / `[*]` and `..` (descendants), as in RFC 9535. No filter or script
 * expressions: an assertion never needs them, and without them there is no expression evaluator
 * to get wrong (jsonpath-plus's has had remote-code-execution advisories). Hand-written also
 * because every match carries its normalized path, so a failure can name `$.services.redis`.
 */
class JsonPathError extends Error {
    position;
    constructor(message, position) {
        super(message);
        this.name = 'JsonPathError';
        this.position = position;
    }
}
const NAME = /^[A-Za-z0-9_$\-\u0080-\uffff]+/;
/** Parses a path at the start of `text`; returns it and where it ended (assertions follow it). */
function parseJsonPathPrefix(text) {
    if (text[0] !== '$')
        throw new JsonPathError('a JSONPath starts with $', 0);
    const segments = [];
    let i = 1;
    for (;;) {
        const descendants = text.startsWith('..', i);
        if (descendants)
            i += 2;
        else if (text[i] === '.')
            i += 1;
        else if (text[i] !== '[')
            break;
        if (text[i] === '[') {
            const { selector, end } = bracket(text, i);
            segments.push({ selector, descendants });
            i = end;
            continue;
        }
        if (text[i] === '*') {
            segments.push({ selector: { kind: 'wildcard' }, descendants });
            i += 1;
            continue;
        }
        const name = NAME.exec(text.slice(i))?.[0];
        if (!name)
            throw new JsonPathError(`expected a name, * or [ after '${descendants ? '..' : '.'}'`, i);
        segments.push({ selector: { kind: 'name', name }, descendants });
        i += name.length;
    }
    return { path: { source: text.slice(0, i), segments }, end: i };
}
function bracket(text, start) {
    let i = start + 1;
    const quote = text[i];
    if (quote === "'" || quote === '"') {
        let name = '';
        i += 1;
        while (i < text.length && text[i] !== quote) {
            if (text[i] === '\\' && i + 1 < text.length)
                i += 1;
            name += text[i];
            i += 1;
        }
        if (text[i] !== quote || text[i + 1] !== ']')
            throw new JsonPathError('unterminated quoted name in [ ]', start);
        return { selector: { kind: 'name', name }, end: i + 2 };
    }
    const close = text.indexOf(']', i);
    if (close < 0)
        throw new JsonPathError("missing ']'", start);
    const inner = text.slice(i, close).trim();
    if (inner === '*')
        return { selector: { kind: 'wildcard' }, end: close + 1 };
    if (/^-?\d+$/.test(inner))
        return { selector: { kind: 'index', index: Number(inner) }, end: close + 1 };
    throw new JsonPathError(`[${inner}] is not supported: use ['name'], [0] or [*]`, start);
}
/** Parses a whole path; anything after it is an error. */
function parseJsonPath(text) {
    const source = text.trim();
    const { path, end } = parseJsonPathPrefix(source);
    if (end !== source.length)
        throw new JsonPathError(`unexpected '${source.slice(end, end + 10)}'`, end);
    return path;
}
function childPath(parent, key) {
    if (typeof key === 'number')
        return `${parent}[${key}]`;
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
function children(node) {
    const { value } = node;
    if (Array.isArray(value))
        return value.map((v, i) => ({ path: childPath(node.path, i), value: v }));
    if (value !== null && typeof value === 'object')
        return Object.entries(value).map(([k, v]) => ({ path: childPath(node.path, k), value: v }));
    return [];
}
function jsonpath_select(node, selector) {
    const { value } = node;
    switch (selector.kind) {
        case 'wildcard':
            return children(node);
        case 'name':
            return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, selector.name)
                ? [{ path: childPath(node.path, selector.name), value: value[selector.name] }]
                : [];
        case 'index': {
            if (!Array.isArray(value))
                return [];
            const index = selector.index < 0 ? value.length + selector.index : selector.index;
            return index >= 0 && index < value.length ? [{ path: childPath(node.path, index), value: value[index] }] : [];
        }
    }
}
function selfAndDescendants(node) {
    const all = [node];
    for (let i = 0; i < all.length; i++)
        all.push(...children(all[i]));
    return all;
}
/** Every node the path selects, in document order. */
function queryJsonPath(path, document) {
    let nodes = [{ path: '$', value: document }];
    for (const segment of path.segments) {
        const from = segment.descendants ? nodes.flatMap(selfAndDescendants) : nodes;
        nodes = from.flatMap((node) => jsonpath_select(node, segment.selector));
    }
    return nodes;
}

;// CONCATENATED MODULE: ./packages/core/src/expect.ts


class ExpectationError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ExpectationError';
    }
}
const STATUS_FORM = 'status codes or ranges such as 200, 200-299, 2xx, comma-separated (100 to 599)';
function parseStatusSpec(raw) {
    const parts = (Array.isArray(raw) ? raw.map(String) : String(raw).split(/[\s,]+/)).map((p) => p.trim()).filter(Boolean);
    if (parts.length === 0)
        throw new ExpectationError(`expected ${STATUS_FORM}`);
    const ranges = [];
    for (const part of parts) {
        let range;
        const single = /^(\d{3})$/.exec(part);
        const span = /^(\d{3})\s*-\s*(\d{3})$/.exec(part);
        const klass = /^([1-5])xx$/i.exec(part);
        if (single)
            range = [Number(single[1]), Number(single[1])];
        else if (span)
            range = [Number(span[1]), Number(span[2])];
        else if (klass)
            range = [Number(klass[1]) * 100, Number(klass[1]) * 100 + 99];
        if (!range || range[0] < 100 || range[1] > 599 || range[0] > range[1])
            throw new ExpectationError(`'${part}' is not a status code or range; expected ${STATUS_FORM}`);
        ranges.push(range);
    }
    return { text: parts.join(', '), ranges };
}
function statusMatches(spec, status) {
    return spec.ranges.some(([low, high]) => status >= low && status <= high);
}
/** `/re/flags`: only JavaScript's flag letters after the last slash, so `/api/health` stays text. */
const REGEX_LITERAL = /^\/(.+)\/([dgimsuvy]*)$/s;
/** Compiles `/re/flags` (g and y are dropped: they make `test` stateful); undefined when not one. */
function parseRegexLiteral(raw) {
    const literal = REGEX_LITERAL.exec(raw.trim());
    if (!literal)
        return undefined;
    const flags = (literal[2] ?? '').replace(/[gy]/g, '');
    try {
        return new RegExp(literal[1] ?? '', flags);
    }
    catch (error) {
        throw new ExpectationError(`${raw.trim()} is not a valid regular expression (${error.message})`);
    }
}
/** A substring, or a regular expression when written `/like this/` (flags i, m, s, u allowed). */
function parseTextMatcher(raw) {
    const source = raw.trim();
    const regex = parseRegexLiteral(source);
    return { source, regex, test: (text) => (regex ? regex.test(text) : text.includes(source)) };
}
const JSON_ASSERTION_FORM = 'one assertion a line: a JSONPath, then == VALUE, != VALUE, =~ /regex/, < <= > >= NUMBER, or exists; e.g. $.services.* == healthy';
function operandValue(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function parseJsonAssertion(line) {
    const source = line.trim();
    let parsed;
    try {
        parsed = parseJsonPathPrefix(source);
    }
    catch (error) {
        if (error instanceof JsonPathError)
            throw new ExpectationError(`'${source}': ${error.message}`);
        throw error;
    }
    const rest = source.slice(parsed.end).trim();
    if (rest === 'exists')
        return { source, path: parsed.path, operator: 'exists', operand: '', expected: undefined, regex: undefined };
    const op = /^(==|!=|=~|<=|>=|<|>)\s*(.*)$/s.exec(rest);
    if (!op)
        throw new ExpectationError(`'${source}': after the path, expected ==, !=, =~, <, <=, >, >= or exists`);
    const operator = op[1];
    const operand = (op[2] ?? '').trim();
    if (operand === '')
        throw new ExpectationError(`'${source}': ${operator} needs a value`);
    if (/^[=~]/.test(operand))
        throw new ExpectationError(`'${source}': '${operator}${operand[0]}' is not an operator`);
    let regex;
    if (operator === '=~') {
        regex = parseRegexLiteral(operand);
        if (!regex)
            throw new ExpectationError(`'${source}': =~ takes a /regex/`);
    }
    const expected = operandValue(operand);
    if (['<', '<=', '>', '>='].includes(operator) && typeof expected !== 'number')
        throw new ExpectationError(`'${source}': ${operator} compares with a number`);
    return { source, path: parsed.path, operator, operand, expected, regex };
}
/** Lines of assertions; blank lines and `#` comments are skipped. */
function parseJsonAssertions(text) {
    const lines = typeof text === 'string' ? text.split(/\r?\n/) : text;
    return lines
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map(parseJsonAssertion);
}
function isDeepEqual(a, b) {
    if (Object.is(a, b))
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (ka.length === kb.length && ka.every((k) => isDeepEqual(a[k], b[k])));
}
/** `$.code == 200` holds for 200 and "200"; `$.ok == true` for true and "true". */
function equalsOperand(actual, assertion) {
    if (isDeepEqual(actual, assertion.expected))
        return true;
    return ((typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean') &&
        String(actual) === (typeof assertion.expected === 'string' ? assertion.expected : assertion.operand));
}
function showValue(value) {
    const text = value === undefined ? 'undefined' : JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
function holds(actual, a) {
    switch (a.operator) {
        case '==':
            return equalsOperand(actual, a);
        case '!=':
            return !equalsOperand(actual, a);
        case '=~':
            return a.regex?.test(typeof actual === 'string' ? actual : JSON.stringify(actual)) ?? false;
        case 'exists':
            return true;
        default: {
            const n = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : NaN;
            const limit = a.expected;
            if (Number.isNaN(n))
                return false;
            return a.operator === '<' ? n < limit : a.operator === '<=' ? n <= limit : a.operator === '>' ? n > limit : n >= limit;
        }
    }
}
/**
 * Checks one assertion against a parsed document; undefined when it holds. With a wildcard every
 * selected node must satisfy it (`$.services.* == healthy`: each service), and the reason names
 * the first node that does not.
 */
function checkJsonAssertion(a, document) {
    const matches = queryJsonPath(a.path, document);
    if (matches.length === 0)
        return `${a.source}: ${a.path.source} is not in the document`;
    if (a.operator === 'exists')
        return undefined;
    const wrong = matches.filter((m) => !holds(m.value, a));
    if (wrong.length === 0)
        return undefined;
    const [first] = wrong;
    const more = wrong.length > 1
        ? ` (and ${wrong.length - 1} more: ${wrong
            .slice(1, 4)
            .map((m) => m.path)
            .join(', ')})`
        : '';
    const want = a.operator === '==' ? `expected ${a.operand}` : `expected ${a.operator} ${a.operand}`;
    return `${a.source}: ${first.path} is ${showValue(first.value)}, ${want}${more}`;
}
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADERS_FORM = 'HTTP headers, one `Name: value` a line';
/** `Name: value` (or `Name=value`) lines; blank lines and `#` comments skipped. */
function parseHeaderLines(raw) {
    const pairs = [];
    for (const [index, line] of raw.split(/\r?\n/).entries()) {
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        const colon = trimmed.indexOf(':');
        const eq = trimmed.indexOf('=');
        const at = colon > 0 && (eq < 0 || colon < eq) ? colon : eq;
        const name = at > 0 ? trimmed.slice(0, at).trim() : '';
        if (!TOKEN.test(name))
            return `line ${index + 1} is not \`Name: value\``;
        pairs.push([name, trimmed.slice(at + 1).trim()]);
    }
    return pairs;
}
// ---- input types ----------------------------------------------------------------------------------
function inputType(form, parse) {
    return {
        form,
        parse: (raw) => {
            try {
                return { ok: true, value: parse(raw) };
            }
            catch (error) {
                if (error instanceof ExpectationError)
                    return { ok: false, expected: `${form}; ${error.message}` };
                throw error;
            }
        },
    };
}
const statusInput = () => inputType(STATUS_FORM, parseStatusSpec);
const textMatcherInput = () => inputType('a substring, or a /regular expression/ (flags i, m, s, u)', parseTextMatcher);
const jsonAssertionsInput = () => inputType(JSON_ASSERTION_FORM, parseJsonAssertions);
const jsonPathInput = () => inputType("a JSONPath such as $.version or $['build']['sha']", (raw) => {
    try {
        return parseJsonPath(raw);
    }
    catch (error) {
        if (error instanceof JsonPathError)
            throw new ExpectationError(error.message);
        throw error;
    }
});
const headersInput = () => inputType(HEADERS_FORM, (raw) => {
    const parsed = parseHeaderLines(raw);
    if (typeof parsed === 'string')
        throw new ExpectationError(parsed);
    return parsed;
});
function excerpt(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
/** The served version: the JSON body at `path`, or the whole body when it is short plain text. */
function servedVersion(answer, path) {
    let document;
    try {
        document = JSON.parse(answer.text);
    }
    catch {
        const text = answer.text.trim();
        return text !== '' && text.length <= 100 && !/[\s<>{}]/.test(text) ? text : undefined;
    }
    const found = queryJsonPath(path, document)[0]?.value;
    return typeof found === 'string' || typeof found === 'number' ? String(found) : undefined;
}
/** Every failed expectation of an answer, in a fixed order: status first, latency last. */
function checkAnswer(expect, answer) {
    const failures = [];
    if (expect.status && !statusMatches(expect.status, answer.status))
        failures.push({ assertion: 'status', message: `status ${answer.status}, expected ${expect.status.text}` });
    for (const [name, matcher] of expect.headers ?? []) {
        const value = answer.headers.get(name);
        if (value === null)
            failures.push({ assertion: 'header', message: `header ${name} is missing` });
        else if (!matcher.test(value))
            failures.push({ assertion: 'header', message: `header ${name} is ${showValue(value)}, expected ${matcher.source}` });
    }
    for (const matcher of expect.body ?? []) {
        if (!matcher.test(answer.text))
            failures.push({
                assertion: 'body',
                message: `body ${matcher.regex ? 'does not match' : 'does not contain'} ${matcher.source}${answer.text ? ` (got: ${excerpt(answer.text)})` : ' (empty)'}`,
            });
    }
    if (expect.json && expect.json.length > 0) {
        let document;
        let parsed = true;
        try {
            document = JSON.parse(answer.text);
        }
        catch {
            parsed = false;
            failures.push({ assertion: 'json', message: `the body is not JSON (got: ${excerpt(answer.text) || 'nothing'})` });
        }
        if (parsed) {
            for (const assertion of expect.json) {
                const reason = checkJsonAssertion(assertion, document);
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
                    : `version ${served} is serving, expected ${expect.version.expected}`,
            });
    }
    if (expect.maxLatency !== undefined && answer.latency > expect.maxLatency)
        failures.push({
            assertion: 'max-latency',
            message: `latency ${(0,input_types/* formatDuration */.a3)(answer.latency)} over the ${(0,input_types/* formatDuration */.a3)(expect.maxLatency)} limit`,
        });
    return failures;
}


/***/ }),

/***/ 457:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   j$: () => (/* binding */ HttpError)
/* harmony export */ });
/* unused harmony exports isRetryableStatus, retryAfterMs */
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(143);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(638);
/* harmony import */ var _input_types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(657);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(620);
/**
 * The one HTTP client every network call goes through: a timeout for each attempt, a deadline
 * for the whole request, retries with exponential backoff and full jitter on network errors,
 * 408, 429 and 5xx (honouring `Retry-After`), never on other 4xx; errors that carry the method,
 * a redacted URL, the status and an excerpt of the body.
 *
 * It sends with Node's built-in fetch, which is undici: the npm undici package would add 1.6 MB
 * to every bundle and triple its cold start, for the same code Node already has in its snapshot.
 * `fetch` is injectable, and `client.fetch` is a fetch-compatible view of the client for
 * libraries that take one (@slack/webhook), so their requests get the same retries.
 */




class HttpError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    method;
    url;
    status;
    bodyExcerpt;
    /** Why no usable answer came back (refused, reset, timed out), when it was not a status. */
    reason;
    attempts;
    constructor(init) {
        const where = `${init.method} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .maskUrl */ .y)(init.url)}`;
        const excerpt = init.body === undefined ? undefined : excerptOf(init.body);
        const what = init.status !== undefined
            ? `answered ${init.status}${excerpt ? `: ${excerpt}` : ''}`
            : `failed: ${init.reason ?? 'network error'}`;
        const tries = init.attempts > 1 ? ` (after ${init.attempts} attempts)` : '';
        super(`${init.service} ${where} ${what}${tries}`, { hint: init.hint ?? hintFor(init.status) });
        this.name = 'HttpError';
        this.method = init.method;
        this.url = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .maskUrl */ .y)(init.url);
        this.status = init.status;
        this.bodyExcerpt = excerpt;
        this.reason = init.reason;
        this.attempts = init.attempts;
    }
}
function excerptOf(body) {
    const flat = body.replace(/\s+/g, ' ').trim();
    return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
function hintFor(status) {
    if (status === 401)
        return 'The token was refused: check that the secret is set and has not expired.';
    if (status === 403)
        return 'The token lacks access to this resource: check its scope and team.';
    if (status === 404)
        return 'Check the ids and URL: the resource does not exist or the token cannot see it.';
    if (status === 429)
        return 'The service is rate limiting: retry later or lower the request rate.';
    if (status !== undefined && status >= 500)
        return 'The service is failing; it was retried. Try again later.';
    return undefined;
}
function isRetryableStatus(status) {
    return status === 408 || status === 429 || status >= 500;
}
/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
function retryAfterMs(headers, now) {
    const value = headers.get('retry-after')?.trim();
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value))
        return Number(value) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * fetch's own failures: its "fetch failed" TypeError (with the socket error as cause), a
 * timeout, or an error carrying a socket code. Anything else thrown from fetch is a bug and is
 * not retried.
 */
function isNetworkError(error) {
    if (!(error instanceof Error))
        return false;
    if (error.name === 'TimeoutError' || error.name === 'AbortError')
        return true;
    if (error instanceof TypeError && error.message === 'fetch failed')
        return true;
    const code = error.code ?? error.cause?.code;
    return typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code);
}
function networkReason(error) {
    if (error instanceof Error) {
        if (error.name === 'TimeoutError')
            return 'timed out';
        const cause = error.cause;
        if (cause instanceof Error) {
            const code = cause.code;
            return code ? `${code} (${cause.message})` : cause.message;
        }
        return error.message;
    }
    return String(error);
}
class HttpClient {
    options;
    constructor(options = {}) {
        this.options = {
            fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
            timeout: options.timeout ?? 30_000,
            deadline: options.deadline ?? 120_000,
            retries: options.retries ?? 5,
            backoffBase: options.backoffBase ?? 500,
            backoffCap: options.backoffCap ?? 10_000,
            clock: options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m,
            random: options.random ?? Math.random,
            service: options.service ?? 'HTTP',
            logger: options.logger,
            headers: options.headers,
            userAgent: options.userAgent,
            signal: options.signal,
        };
    }
    async request(url, options = {}) {
        const o = this.options;
        const method = (options.method ?? 'GET').toUpperCase();
        const timeout = options.timeout ?? o.timeout;
        const retries = options.retries ?? o.retries;
        const start = o.clock.now();
        const deadlineAt = start + (options.deadline ?? o.deadline);
        const signals = [o.signal, options.signal].filter((s) => s !== undefined);
        const outer = signals.length > 0 ? AbortSignal.any(signals) : undefined;
        const headers = { ...o.headers, ...options.headers };
        if (o.userAgent)
            headers['user-agent'] ??= o.userAgent;
        let body = options.body;
        if (options.json !== undefined) {
            body = JSON.stringify(options.json);
            headers['content-type'] ??= 'application/json';
        }
        const fail = (init) => new HttpError({ service: o.service, method, url, ...init });
        for (let attempt = 1;; attempt++) {
            if (outer?.aborted)
                throw (0,_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .cancellation */ .W)(outer);
            const remaining = deadlineAt - o.clock.now();
            const attemptSignal = AbortSignal.any([
                // Whole milliseconds: AbortSignal.timeout refuses fractions, and clock times have them.
                AbortSignal.timeout(Math.max(1, Math.ceil(Math.min(timeout, remaining)))),
                ...(outer ? [outer] : []),
            ]);
            let retryReason;
            let waitAtLeast = 0;
            let lastFailure;
            try {
                const response = await o.fetch(url, { method, headers, body, signal: attemptSignal, redirect: 'follow' });
                const bytes = new Uint8Array(await response.arrayBuffer());
                const text = new TextDecoder().decode(bytes);
                if (!isRetryableStatus(response.status)) {
                    if (response.status >= 400 && !options.anyStatus)
                        throw fail({ status: response.status, body: text, attempts: attempt });
                    return {
                        status: response.status,
                        headers: response.headers,
                        body: bytes,
                        text,
                        attempts: attempt,
                        json: () => parseJson(text, () => fail({ status: response.status, body: text, reason: 'not JSON', attempts: attempt })),
                    };
                }
                retryReason = `status ${response.status}`;
                waitAtLeast = retryAfterMs(response.headers, Date.now()) ?? 0;
                lastFailure = fail({ status: response.status, body: text, attempts: attempt });
                if (options.anyStatus && (attempt > retries || waitAtLeast > deadlineAt - o.clock.now())) {
                    return {
                        status: response.status,
                        headers: response.headers,
                        body: bytes,
                        text,
                        attempts: attempt,
                        json: () => parseJson(text, () => lastFailure),
                    };
                }
            }
            catch (error) {
                if (error instanceof HttpError)
                    throw error;
                if (outer?.aborted)
                    throw (0,_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .cancellation */ .W)(outer);
                if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc || !isNetworkError(error))
                    throw error;
                retryReason = networkReason(error);
                lastFailure = fail({ reason: retryReason, attempts: attempt });
            }
            const left = deadlineAt - o.clock.now();
            if (attempt > retries)
                throw lastFailure;
            if (left <= 0)
                throw fail({
                    reason: `deadline of ${(0,_input_types_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(deadlineAt - start)} passed; last: ${retryReason}`,
                    attempts: attempt,
                });
            const ceiling = Math.min(o.backoffCap, o.backoffBase * 2 ** (attempt - 1));
            const delay = Math.max(waitAtLeast, o.random() * ceiling);
            if (delay > left) {
                throw fail({
                    reason: `${retryReason}; the next try (in ${(0,_input_types_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(delay)}) would pass the deadline`,
                    attempts: attempt,
                });
            }
            o.logger?.debug(`${o.service} ${method} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .maskUrl */ .y)(url)}: ${retryReason}; retry ${attempt}/${retries} in ${(0,_input_types_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(delay)}`);
            await o.clock.sleep(delay, outer);
        }
    }
    /**
     * A fetch-compatible view of the client for libraries that take a fetch function: the same
     * retries and deadline, and the final answer, whatever its status, as a Response.
     */
    fetch = async (input, init = {}) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
        const headers = Object.fromEntries(new Headers(init.headers).entries());
        const body = await bodyBytes(init.body);
        if (init.body instanceof URLSearchParams)
            headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
        const response = await this.request(url, {
            method: init.method ?? 'GET',
            headers,
            ...(body === undefined ? {} : { body }),
            ...(init.signal ? { signal: init.signal } : {}),
            anyStatus: true,
        });
        const nullBody = [101, 204, 205, 304].includes(response.status);
        return new Response(nullBody ? null : response.body, { status: response.status, headers: response.headers });
    };
}
/** A fetch body as bytes we can send again on a retry; streams cannot be replayed, so they are refused. */
async function bodyBytes(body) {
    if (body === undefined || body === null)
        return undefined;
    if (typeof body === 'string' || body instanceof Uint8Array)
        return body;
    if (body instanceof URLSearchParams)
        return body.toString();
    if (body instanceof ArrayBuffer)
        return new Uint8Array(body);
    if (ArrayBuffer.isView(body))
        return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    if (body instanceof Blob)
        return new Uint8Array(await body.arrayBuffer());
    throw new TypeError('HttpClient.fetch: a streamed body cannot be retried; pass a string or bytes');
}
function parseJson(text, error) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw error();
    }
}


/***/ }),

/***/ 657:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   OZ: () => (/* binding */ url),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   nd: () => (/* binding */ integer),
/* harmony export */   p0: () => (/* binding */ duration),
/* harmony export */   p_: () => (/* binding */ list)
/* harmony export */ });
/* unused harmony exports fromSchema, pattern, oneOf, boolean, parseDuration, splitList, keyValues, timestamp */
/**
 * The types a scalar input can have. Each is a parser from the raw string to the typed value,
 * plus the expected form in words: that sentence is the error for a bad value and the catalog's
 * description of the input, so the two cannot disagree.
 *
 * These are small typed parsers rather than zod schemas on purpose: every action parses its
 * inputs at start, and zod's module evaluation alone costs 0.5-0.7x a bare `node -e 0` (measured
 * with the bundles here). zod validates the structured documents (check files, API answers),
 * which load with the action bodies; `fromZod` turns such a schema into an input type.
 */
const ok = (value) => ({ ok: true, value });
const bad = (expected) => ({ ok: false, expected });
function type(form, parse) {
    return { form, parse };
}
/** An input type from any schema with zod's `safeParse` shape (kept structural: no zod import here). */
function fromSchema(form, schema) {
    return type(form, (raw) => {
        const result = schema.safeParse(raw);
        if (result.success)
            return ok(result.data);
        const issue = result.error.issues[0];
        const at = issue && issue.path.length > 0 ? ` (at ${issue.path.map(String).join('.')})` : '';
        return bad(issue ? `${form}${at}: ${issue.message}` : form);
    });
}
function text(form = 'text') {
    return type(form, (raw) => ok(raw));
}
function pattern(re, form) {
    return type(form, (raw) => (re.test(raw) ? ok(raw) : bad(form)));
}
function oneOf(values) {
    const form = `one of ${values.map((v) => `'${v}'`).join(', ')}`;
    return type(form, (raw) => {
        const value = raw.toLowerCase();
        return values.includes(value) ? ok(value) : bad(form);
    });
}
/** Strict booleans, as the YAML 1.2 core schema spells them (the runner's own rule). */
function boolean() {
    const form = "'true' or 'false'";
    return type(form, (raw) => {
        if (['true', 'True', 'TRUE'].includes(raw))
            return ok(true);
        if (['false', 'False', 'FALSE'].includes(raw))
            return ok(false);
        return bad(form);
    });
}
function integer(options = {}) {
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
    const range = options.min !== undefined && options.max !== undefined
        ? ` from ${min} to ${max}`
        : options.min !== undefined
            ? ` of at least ${min}`
            : '';
    const form = `a whole number${range}`;
    return type(form, (raw) => {
        if (!/^[+-]?\d+$/.test(raw))
            return bad(form);
        const value = Number(raw);
        return value < min || value > max || !Number.isSafeInteger(value) ? bad(form) : ok(value);
    });
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Parses `90s`, `5m`, `1h`, `1m30s`, `250ms` or plain seconds into milliseconds. */
function parseDuration(raw) {
    const value = raw.trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(value))
        return undefined;
    let total = 0;
    for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
        total += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 1000);
    }
    return Math.round(total);
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const seconds = ms / 1000;
    if (seconds < 60)
        return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`;
    const minutes = Math.floor(seconds / 60);
    const rest = Math.round(seconds - minutes * 60);
    if (minutes < 60)
        return rest ? `${minutes}m${rest}s` : `${minutes}m`;
    const hours = Math.floor(minutes / 60);
    const restMinutes = minutes - hours * 60;
    return restMinutes ? `${hours}h${restMinutes}m` : `${hours}h`;
}
/** A duration in milliseconds. */
function duration(options = {}) {
    const { min = 0, max = 24 * 3_600_000 } = options;
    const form = `a duration such as 90s, 5m, 1h or plain seconds, from ${formatDuration(min)} to ${formatDuration(max)}`;
    return type(form, (raw) => {
        const ms = parseDuration(raw);
        return ms === undefined || ms < min || ms > max ? bad(form) : ok(ms);
    });
}
function url(options = {}) {
    const protocols = options.protocols ?? ['http:', 'https:'];
    const form = options.form ?? `an absolute ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL`;
    return type(form, (raw) => {
        if (!URL.canParse(raw))
            return bad(form);
        const parsed = new URL(raw);
        return protocols.includes(parsed.protocol) && parsed.hostname !== '' ? ok(raw) : bad(form);
    });
}
/** Splits a list given one item a line or comma-separated; blank items are dropped. */
function splitList(raw) {
    return raw
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
function list(item) {
    const form = `a list, one item a line or comma-separated${item ? `, each ${item.form}` : ''}`;
    return type(form, (raw) => {
        const values = [];
        for (const entry of splitList(raw)) {
            if (!item) {
                values.push(entry);
                continue;
            }
            const parsed = item.parse(entry);
            if (!parsed.ok)
                return bad(`${form}; item ${JSON.stringify(entry)} is not ${item.form}`);
            values.push(parsed.value);
        }
        return ok(values);
    });
}
/** `KEY=VALUE`, one pair a line; blank lines and `#` comments are skipped; values may hold `=`. */
function keyValues() {
    const form = 'KEY=VALUE pairs, one a line (keys are letters, digits, _ . -)';
    return type(form, (raw) => {
        const pairs = [];
        for (const [index, line] of raw.split(/\r?\n/).entries()) {
            const trimmed = line.trim();
            if (trimmed === '' || trimmed.startsWith('#'))
                continue;
            const eq = trimmed.indexOf('=');
            const key = eq > 0 ? trimmed.slice(0, eq).trim() : '';
            if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key))
                return bad(`${form}; line ${index + 1} is not`);
            pairs.push([key, trimmed.slice(eq + 1).trim()]);
        }
        return ok(pairs);
    });
}
/** A date-time: ISO 8601 or Unix epoch seconds; returns epoch milliseconds. */
function timestamp() {
    const form = 'an ISO 8601 date-time or Unix epoch seconds';
    return type(form, (raw) => {
        if (/^\d{9,11}(\.\d+)?$/.test(raw))
            return ok(Math.round(Number(raw) * 1000));
        const ms = /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : Number.NaN;
        return Number.isNaN(ms) ? bad(form) : ok(ms);
    });
}


/***/ }),

/***/ 276:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IQ: () => (/* binding */ withDefault),
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   lq: () => (/* binding */ optional),
/* harmony export */   mw: () => (/* binding */ required)
/* harmony export */ });
/* unused harmony exports camelCase, inputVariable */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(638);
/**
 * An action's inputs are declared once, in its manifest. From that one declaration come the
 * typed parser used at run time (here), the generated action.yml and the catalog
 * (scripts/generate.ts). Every input is parsed before the action does anything, and every
 * invalid one is reported in the same error.
 */

/** An input the step must give. */
function required(type, description, options = {}) {
    return { description, type, required: true, default: undefined, secret: options.secret ?? false };
}
/** An input that may be left out; its parsed value is then `undefined`. */
function optional(type, description, options = {}) {
    return { description, type, required: false, default: undefined, secret: options.secret ?? false };
}
/** An input with a default, written as a user would write it. */
function withDefault(type, defaultValue, description, options = {}) {
    return { description, type, required: false, default: defaultValue, secret: options.secret ?? false };
}
function camelCase(name) {
    return name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}
/** The environment variable the runner sets for an input (it keeps hyphens). */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
function show(raw, spec) {
    if (spec.secret)
        return 'got *** (a secret, not shown)';
    const shown = raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
    return `got ${JSON.stringify(shown)}`;
}
function parseInputs(options) {
    const { specs, env, runner } = options;
    // Mask first: a secret must already be masked if anything below mentions it.
    for (const [name, spec] of Object.entries(specs)) {
        const raw = env[inputVariable(name)];
        if (spec.secret && raw)
            runner.setSecret(raw);
    }
    const problems = [];
    const parsed = {};
    for (const [name, spec] of Object.entries(specs)) {
        // Multi-line values keep their inner lines; only the ends are trimmed, as the runner does.
        const given = (env[inputVariable(name)] ?? '').trim();
        const raw = given === '' ? (spec.default ?? '') : given;
        if (raw === '') {
            if (spec.required)
                problems.push({ input: name, shown: 'is required', expected: `expected ${spec.type.form}` });
            parsed[camelCase(name)] = undefined;
            continue;
        }
        const result = spec.type.parse(raw);
        if (result.ok)
            parsed[camelCase(name)] = result.value;
        else
            problems.push({ input: name, shown: show(raw, spec), expected: `expected ${result.expected}` });
    }
    if (problems.length === 0 && options.check)
        problems.push(...options.check(parsed));
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(problems);
    return parsed;
}


/***/ }),

/***/ 666:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  C: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./packages/core/src/clock.ts
var src_clock = __nccwpck_require__(143);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./packages/core/src/context.ts
/**
 * What the run knows about itself, from the runner's `GITHUB_*` variables and the event file.
 * A light reader: @actions/github's context drags in Octokit, which no action needs just to
 * know its commit and run link.
 */

function readEvent(path) {
    if (!path || !(0,external_node_fs_namespaceObject.existsSync)(path))
        return {};
    try {
        return JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
function readRunContext(env = process.env) {
    const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
    const repository = env.GITHUB_REPOSITORY ?? '';
    const event = readEvent(env.GITHUB_EVENT_PATH);
    const sha = event.pull_request?.head?.sha ?? env.GITHUB_SHA ?? '';
    const runId = env.GITHUB_RUN_ID ?? '';
    const runAttempt = env.GITHUB_RUN_ATTEMPT ?? '1';
    const repoUrl = repository ? `${serverUrl}/${repository}` : undefined;
    return {
        serverUrl,
        apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
        repository,
        sha,
        shortSha: sha.slice(0, 7),
        ref: env.GITHUB_REF ?? '',
        refName: env.GITHUB_REF_NAME ?? '',
        actor: env.GITHUB_TRIGGERING_ACTOR ?? env.GITHUB_ACTOR ?? '',
        workflow: env.GITHUB_WORKFLOW ?? '',
        job: env.GITHUB_JOB ?? '',
        eventName: env.GITHUB_EVENT_NAME ?? '',
        runId,
        runAttempt,
        runUrl: repoUrl && runId ? `${repoUrl}/actions/runs/${runId}${runAttempt !== '1' ? `/attempts/${runAttempt}` : ''}` : undefined,
        commitUrl: repoUrl && sha ? `${repoUrl}/commit/${sha}` : undefined,
        commitMessage: event.head_commit?.message ?? event.pull_request?.title,
        pullRequest: event.pull_request?.number,
    };
}

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(638);
// EXTERNAL MODULE: ./packages/core/src/http.ts
var http = __nccwpck_require__(457);
// EXTERNAL MODULE: ./packages/core/src/inputs.ts
var src_inputs = __nccwpck_require__(276);
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: ./packages/core/src/secrets.ts
var secrets = __nccwpck_require__(620);
;// CONCATENATED MODULE: ./packages/core/src/runner.ts
/**
 * The GitHub runner protocol: workflow commands on stdout (`::error::`, `::add-mask::`,
 * `::group::`) and the environment files (`GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_STATE`,
 * `GITHUB_STEP_SUMMARY`), as documented in "Workflow commands for GitHub Actions".
 *
 * Why not @actions/core: at load time it imports @actions/http-client, which imports undici for
 * OIDC tokens. That one import takes a bundle's cold start from 1.2x to 2.5x bare `node -e 0`
 * (measured here, Node 24), and every action pays it even when it exits on a missing input. The
 * protocol itself is a handful of escaping rules and a heredoc format, tested in
 * test/unit/core/runner.test.ts against the runner's own parsing rules.
 *
 * Every line this writes passes through the secret scrubber: the runner masks `add-mask`ed
 * values in its log, but not in files a step writes, and not in a local run.
 */




function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
const propertyNames = {
    title: 'title',
    file: 'file',
    line: 'line',
    endLine: 'endLine',
    col: 'col',
    endColumn: 'endColumn',
};
class Runner {
    env;
    secrets;
    write;
    constructor(options = {}) {
        this.env = options.env ?? process.env;
        this.write = options.write ?? ((text) => process.stdout.write(text));
        this.secrets = options.secrets ?? new secrets/* SecretRegistry */.k();
    }
    get isDebug() {
        return this.env.RUNNER_DEBUG === '1' || this.env.ACTIONS_STEP_DEBUG === 'true';
    }
    /** Issues `::name props::message`; the message is scrubbed of secrets first. */
    command(name, message, properties = {}) {
        const props = Object.entries(properties)
            .filter(([, v]) => v !== undefined && v !== '')
            .map(([k, v]) => `${k}=${escapeProperty(this.secrets.scrub(String(v)))}`)
            .join(',');
        this.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(this.secrets.scrub(message))}${external_node_os_namespaceObject.EOL}`);
    }
    info(message) {
        this.write(`${this.secrets.scrub(message)}${external_node_os_namespaceObject.EOL}`);
    }
    debug(message) {
        this.command('debug', message);
    }
    warning(message, properties = {}) {
        this.command('warning', message, annotationProps(properties));
    }
    error(message, properties = {}) {
        this.command('error', message, annotationProps(properties));
    }
    notice(message, properties = {}) {
        this.command('notice', message, annotationProps(properties));
    }
    /**
     * Registers a secret: the runner masks it in the log, and this process scrubs it (and its
     * URL-encoded form) from everything it writes. Empty and one-character values are not
     * registered: masking them would garble every line.
     */
    setSecret(value) {
        for (const variant of this.secrets.add(value)) {
            this.write(`::add-mask::${escapeData(variant)}${external_node_os_namespaceObject.EOL}`);
        }
    }
    startGroup(name) {
        this.write(`::group::${escapeData(this.secrets.scrub(name))}${external_node_os_namespaceObject.EOL}`);
    }
    endGroup() {
        this.write(`::endgroup::${external_node_os_namespaceObject.EOL}`);
    }
    /** Runs one phase inside a collapsible log group. */
    async group(name, fn) {
        this.startGroup(name);
        try {
            return await fn();
        }
        finally {
            this.endGroup();
        }
    }
    setOutput(name, value) {
        this.appendKeyValue('GITHUB_OUTPUT', name, String(value));
    }
    exportVariable(name, value) {
        this.env[name] = value;
        this.appendKeyValue('GITHUB_ENV', name, value);
    }
    saveState(name, value) {
        this.appendKeyValue('GITHUB_STATE', name, value);
    }
    getState(name) {
        return this.env[`STATE_${name}`] ?? '';
    }
    /** Appends HTML/Markdown to the job summary; a no-op outside a runner. */
    appendSummary(markdown) {
        const file = this.env.GITHUB_STEP_SUMMARY;
        if (!file)
            return;
        (0,external_node_fs_namespaceObject.appendFileSync)(file, this.secrets.scrub(markdown), 'utf8');
    }
    /**
     * Writes `name<<delimiter` heredoc blocks, the multi-line-safe form of the environment files.
     * The delimiter is random so no value can end the block early.
     */
    appendKeyValue(fileVariable, name, value) {
        const safeValue = this.secrets.scrub(value);
        const file = this.env[fileVariable];
        if (!file) {
            // Outside a runner (a local run): the old stdout command keeps the value visible.
            if (fileVariable === 'GITHUB_OUTPUT')
                this.info(`${name}=${safeValue}`);
            return;
        }
        const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
        (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${safeValue}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
    }
}
function annotationProps(properties) {
    const out = {};
    for (const [key, value] of Object.entries(properties)) {
        out[propertyNames[key]] = value;
    }
    return out;
}
/** Parses a GITHUB_OUTPUT-style file the way the runner does (heredoc and `k=v` lines). */
function parseKeyValueFile(text) {
    const result = {};
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (line === '')
            continue;
        const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
        if (heredoc) {
            const [, key = '', delimiter] = heredoc;
            const value = [];
            i++;
            while (i < lines.length && lines[i] !== delimiter)
                value.push(lines[i++] ?? '');
            if (i >= lines.length)
                throw new Error(`unterminated heredoc for '${key}'`);
            result[key] = value.join('\n');
            continue;
        }
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw new Error(`malformed line: ${line}`);
        result[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return result;
}

;// CONCATENATED MODULE: ./packages/core/src/run.ts
/**
 * The one entry wrapper every action's main goes through. It parses the inputs before anything
 * else, runs the action with a context of injected IO, and turns whatever happens into one
 * clear outcome:
 * - a user error (bad input, refused token, failed deploy): one `::error::` line with a hint,
 *   no stack;
 * - an internal error (a bug of ours): the message, and the stack only when step debugging is on;
 * - SIGINT/SIGTERM (the run was cancelled): the action's signal aborts, its cancel hooks run
 *   (cancel what it started), and the step ends as cancelled.
 * A `status` output is always set.
 */






const defaultOnSignal = (handler) => {
    const signals = ['SIGINT', 'SIGTERM'];
    for (const s of signals)
        process.on(s, handler);
    return () => {
        for (const s of signals)
            process.off(s, handler);
    };
};
/** Runs an action; resolves to the process exit code. */
async function runAction(manifest, main, dependencies = {}) {
    const env = dependencies.env ?? process.env;
    const runner = dependencies.runner ?? new Runner({ env });
    const clock = dependencies.clock ?? src_clock/* systemClock */.m;
    const controller = new AbortController();
    const cancelHooks = [];
    let status = 'success';
    let exitCode = 0;
    const removeSignalHandlers = (dependencies.onSignal ?? defaultOnSignal)((signal) => {
        if (controller.signal.aborted) {
            // A second signal: the runner is about to kill us; leave now.
            runner.setOutput('status', 'cancelled');
            process.exit(1);
        }
        runner.warning(`Received ${signal}: cancelling ${manifest.name}.`);
        controller.abort(new errors/* CancelledError */.cc(`The step was cancelled (${signal}).`));
    });
    const ctx = {
        runner,
        env,
        github: readRunContext(env),
        clock,
        signal: controller.signal,
        http: (options = {}) => new http/* HttpClient */.Qq({
            fetch: dependencies.fetch,
            clock,
            logger: runner,
            signal: controller.signal,
            userAgent: `deploy-suite-${manifest.name}`,
            ...options,
        }),
        onCancel: (hook) => cancelHooks.unshift(hook),
    };
    try {
        const inputs = (0,src_inputs/* parseInputs */.TL)({ specs: manifest.inputs, env, runner, check: manifest.check });
        const result = await main(inputs, ctx);
        if (controller.signal.aborted)
            throw controller.signal.reason;
        status = result?.status ?? 'success';
    }
    catch (error) {
        exitCode = 1;
        if (controller.signal.aborted || error instanceof errors/* CancelledError */.cc) {
            status = 'cancelled';
            for (const hook of cancelHooks) {
                try {
                    await hook();
                }
                catch (hookError) {
                    runner.warning(`While cancelling: ${(0,errors/* errorMessage */.gJ)(hookError)}`);
                }
            }
            runner.error((0,errors/* errorMessage */.gJ)(error instanceof errors/* CancelledError */.cc ? error : controller.signal.reason));
        }
        else if ((0,errors/* isUserError */.iU)(error)) {
            status = 'failure';
            runner.error(error.hint ? `${error.message}\nHint: ${error.hint}` : error.message);
        }
        else {
            status = 'failure';
            const stack = error instanceof Error ? error.stack : undefined;
            runner.error(`Internal error in ${manifest.name}: ${(0,errors/* errorMessage */.gJ)(error)}\n` +
                'This is a bug in the action, not in your workflow. Re-run with step debug logging for the stack trace and report it.');
            if (stack)
                runner.debug(stack);
        }
    }
    finally {
        removeSignalHandlers();
        runner.setOutput('status', status);
    }
    return exitCode;
}


/***/ }),

/***/ 620:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ SecretRegistry),
/* harmony export */   y: () => (/* binding */ maskUrl)
/* harmony export */ });
/**
 * Secrets never reach a log line, a summary, an output or an error message. Values registered
 * here are masked by the runner (`::add-mask::`) and scrubbed by us from everything we write, in
 * the forms they commonly take on the way out: as given, URL-encoded, and JSON-escaped.
 */
const MASK = '***';
class SecretRegistry {
    values = new Set();
    pattern;
    /** Registers a secret; returns the new variants that need an `add-mask` command. */
    add(value) {
        const added = [];
        for (const variant of variantsOf(value)) {
            if (variant.length < 2 || this.values.has(variant))
                continue;
            this.values.add(variant);
            added.push(variant);
        }
        if (added.length > 0)
            this.pattern = undefined;
        return added;
    }
    has(value) {
        return this.values.has(value);
    }
    scrub(text) {
        if (this.values.size === 0 || text === '')
            return text;
        this.pattern ??= new RegExp(
        // Longest first, so a URL is masked whole rather than around its password.
        [...this.values]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|'), 'g');
        return text.replace(this.pattern, MASK);
    }
}
function variantsOf(value) {
    const trimmed = value.trim();
    const variants = [value, trimmed, encodeURIComponent(trimmed), JSON.stringify(trimmed).slice(1, -1)];
    // Multi-line secrets (keys, certificates) are masked line by line, as the runner does.
    for (const line of trimmed.split(/\r?\n/))
        variants.push(line.trim());
    // A URL with a password: the password alone can show up in driver errors.
    for (const password of urlPasswords(trimmed))
        variants.push(password, decodeURIComponentSafe(password));
    return [...new Set(variants)];
}
function urlPasswords(text) {
    const found = [];
    for (const match of text.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@/\s]+)@/gi)) {
        if (match[1])
            found.push(match[1]);
    }
    return found;
}
function decodeURIComponentSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Masks the credentials of a URL for display: `postgres://user:***@host/db`. Query parameters
 * whose names look like credentials (token, key, secret, password, signature) are masked too.
 */
function maskUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return raw.replace(/\/\/([^:/@\s]*):[^@/\s]+@/g, '//$1:***@');
    }
    if (url.password)
        url.password = MASK;
    for (const key of [...url.searchParams.keys()]) {
        if (/token|key|secret|pass|sig|auth|code/i.test(key))
            url.searchParams.set(key, MASK);
    }
    return url.toString().replace(/%2A%2A%2A/g, MASK);
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(237);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
