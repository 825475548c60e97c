export const id = 695;
export const ids = [695];
export const modules = {

/***/ 7695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scanSecrets: () => (/* binding */ scanSecrets)
});

// UNUSED EXPORTS: MAX_FILE_BYTES, fingerprintOf, isCommittedEnvFile, maskSecret

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var exec = __webpack_require__(6192);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(3023);
;// CONCATENATED MODULE: ./actions/validate/src/secretlint-config.ts
/**
 * Stripe's published key formats (live secret `sk_live_…`, restricted `rk_live_…` and webhook
 * signing secrets `whsec_…`), as gitleaks' `stripe-access-token` rule writes them. Test-mode keys
 * (`sk_test_…`) are not secrets of consequence and stay out.
 */
const EXTRA_PATTERNS = [
    {
        name: 'Stripe live API key',
        patterns: ['/\\b(?:sk|rk)_live_[A-Za-z0-9]{10,99}\\b/'],
    },
    {
        name: 'Stripe webhook signing secret',
        patterns: ['/\\bwhsec_[A-Za-z0-9+/=]{24,}/'],
    },
];
async function secretlintConfig() {
    const [{ creator: recommended }, { creator: pattern }, { secretLintProfiler }] = await Promise.all([
        __webpack_require__.e(/* import() */ 577).then(__webpack_require__.bind(__webpack_require__, 1577)),
        __webpack_require__.e(/* import() */ 567).then(__webpack_require__.bind(__webpack_require__, 2567)),
        __webpack_require__.e(/* import() */ 806).then(__webpack_require__.bind(__webpack_require__, 806)),
    ]);
    // secretlint's profiler keeps every performance mark of the process and, at each new one,
    // searches all it kept: quadratic in the files scanned (20,000 files took hours). Nothing here
    // reads its profile, so it records nothing.
    secretLintProfiler.mark = () => { };
    return {
        rules: [
            { id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended },
            { id: '@secretlint/secretlint-rule-pattern', rule: pattern, options: { patterns: EXTRA_PATTERNS } },
        ],
    };
}

;// CONCATENATED MODULE: ./actions/validate/src/secret-scan.ts
/**
 * The secret scan: every tracked file (`git ls-files`) and, on a pull request, the lines each of
 * its commits added (a secret committed and removed in a later commit is still in the history),
 * through secretlint; plus committed dotenv files by name. A found secret is registered with the
 * runner as a secret at once, and shown only masked, with a fingerprint for the ignore file.
 */






/** Files larger than this are not read (build output, data dumps); the report counts them. */
const MAX_FILE_BYTES = 1024 * 1024;
/** `.env`, `.env.production`, `api/.env.local`: dotenv files that hold real values. Templates are fine. */
function isCommittedEnvFile(path) {
    const name = (0,external_node_path_.basename)(path);
    if (name !== '.env' && !name.startsWith('.env.'))
        return false;
    return !/\.(example|sample|template|dist|defaults?|schema|tpl)$/i.test(name);
}
function fingerprintOf(secret) {
    return (0,external_node_crypto_.createHash)('sha256').update(secret).digest('hex').slice(0, 16);
}
/** `sk_l…(32 chars)`: enough to recognise which key, never enough to use it. */
function maskSecret(secret) {
    const shown = secret.length >= 16 ? secret.slice(0, 4) : '';
    return `${shown}…(${secret.length} chars)`;
}
function patternName(secret) {
    const regex = (source) => new RegExp(source.slice(1, source.lastIndexOf('/')), source.slice(source.lastIndexOf('/') + 1));
    return EXTRA_PATTERNS.find((p) => p.patterns.some((source) => regex(source).test(secret)))?.name ?? 'a secret pattern';
}
async function createScanner(options) {
    const [{ lintSource }, config] = await Promise.all([__webpack_require__.e(/* import() */ 944).then(__webpack_require__.bind(__webpack_require__, 1944)), secretlintConfig()]);
    return {
        async scan(path, content, lineMap) {
            const result = await lintSource({
                source: { content, filePath: (0,external_node_path_.join)(options.cwd, path), contentType: 'text' },
                options: { config: config, maskSecrets: true },
            });
            const findings = [];
            for (const message of result.messages) {
                const secret = content.slice(message.range[0], message.range[1]);
                if (secret.length > 0)
                    options.setSecret(secret);
                const fingerprint = secret ? fingerprintOf(secret) : undefined;
                const rule = message.ruleId;
                if (options.ignore.ignoresFinding(rule, fingerprint))
                    continue;
                // secretlint masks every data value of a message, the pattern's name too: name it again.
                // Its message also carries the masked secret (`found …: *****…`): ours shows it once, shorter.
                const what = rule.endsWith('secretlint-rule-pattern')
                    ? `found ${patternName(secret)}`
                    : message.message.replace(/\s*(?:\(\*{4,}\)|:?\s*\*{4,})/g, '');
                const line = lineMap ? (lineMap[message.loc.start.line - 1] ?? message.loc.start.line) : message.loc.start.line;
                findings.push({
                    severity: 'error',
                    kind: 'secret',
                    rule,
                    message: `${(0,untrusted/* excerpt */.Kb)(what, options.secrets, 200)} — ${maskSecret(secret)}, fingerprint ${fingerprint}`,
                    file: path,
                    line,
                    column: message.loc.start.column + 1,
                    ...(fingerprint ? { fingerprint } : {}),
                });
            }
            return findings;
        },
    };
}
async function trackedFiles(options) {
    const result = await (0,exec/* exec */.m0)('git', ['-c', 'core.quotepath=off', 'ls-files', '-z'], {
        cwd: options.cwd,
        label: 'git ls-files',
        ...(options.signal ? { signal: options.signal } : {}),
    }).catch((error) => {
        throw Object.assign(error, {
            hint: 'The secret scan reads the tracked files: run actions/checkout first, or set scan-secrets: false.',
        });
    });
    return result.stdout.split('\0').filter((p) => p !== '');
}
function committedEnvFinding(path) {
    return {
        severity: 'error',
        kind: 'secret',
        rule: 'committed-env-file',
        message: 'a dotenv file is committed; its values are in the history (rotate them, git rm --cached it and add it to .gitignore)',
        file: path,
        line: 1,
    };
}
/** The lines each commit of a pull request added, per file, with their line numbers. */
async function addedLines(options, range) {
    const run = (args) => (0,exec/* exec */.m0)('git', args, { cwd: options.cwd, label: 'git', ...(options.signal ? { signal: options.signal } : {}) });
    const commits = (await run(['rev-list', '--no-merges', `${range.base}..${range.head}`])).stdout.split('\n').filter(Boolean);
    const additions = [];
    for (const commit of commits) {
        const diff = await run(['show', '--format=', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', commit]);
        let current;
        let next = 0;
        for (const line of diff.stdout.split('\n')) {
            if (line.startsWith('+++ ')) {
                const path = line === '+++ /dev/null' ? undefined : line.slice(4).replace(/^b\//, '');
                current = path === undefined ? undefined : { commit, path, lines: [], numbers: [] };
                if (current)
                    additions.push(current);
            }
            else if (line.startsWith('@@')) {
                next = Number(/\+(\d+)/.exec(line)?.[1] ?? 0);
            }
            else if (line.startsWith('+') && current) {
                current.lines.push(line.slice(1));
                current.numbers.push(next++);
            }
        }
    }
    return { commits: commits.length, additions };
}
async function readTextFile(path, stats) {
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (!info?.isFile())
        return undefined;
    if (info.size > MAX_FILE_BYTES) {
        stats.skippedLarge++;
        return undefined;
    }
    const buffer = await (0,promises_.readFile)(path);
    if (buffer.subarray(0, 8000).includes(0)) {
        stats.skippedBinary++;
        return undefined;
    }
    return buffer.toString('utf8');
}
async function scanSecrets(options) {
    const started = performance.now();
    const stats = { files: 0, skippedLarge: 0, skippedBinary: 0, ignored: 0, commits: 0, durationMs: 0 };
    const files = await trackedFiles(options);
    const scanner = await createScanner(options);
    const findings = [];
    const seen = new Set();
    const add = (f) => {
        const key = `${f.file}\0${f.rule}\0${f.fingerprint ?? f.line}`;
        if (!seen.has(key))
            findings.push(f);
        seen.add(key);
    };
    for (const path of files) {
        options.signal?.throwIfAborted();
        if (options.ignore.ignoresPath(path)) {
            stats.ignored++;
            continue;
        }
        if (isCommittedEnvFile(path) && !options.ignore.ignoresFinding('committed-env-file', undefined))
            add(committedEnvFinding(path));
        const content = await readTextFile((0,external_node_path_.join)(options.cwd, path), stats);
        if (content === undefined)
            continue;
        stats.files++;
        for (const f of await scanner.scan(path, content))
            add(f);
    }
    if (options.pullRequest) {
        const { base, head } = options.pullRequest;
        const present = await (0,exec/* exec */.m0)('git', ['cat-file', '-e', `${base}^{commit}`], { cwd: options.cwd, okExitCodes: 'any' });
        if (present.exitCode !== 0) {
            options.warn("The pull request's base commit is not in the clone, so its commits were not scanned (only the tracked files). Check out with `fetch-depth: 0` to scan them.");
        }
        else {
            const { commits, additions } = await addedLines(options, { base, head });
            stats.commits = commits;
            for (const addition of additions) {
                if (options.ignore.ignoresPath(addition.path))
                    continue;
                for (const f of await scanner.scan(addition.path, addition.lines.join('\n'), addition.numbers)) {
                    add({ ...f, message: `${f.message} (added in commit ${addition.commit.slice(0, 7)})` });
                }
            }
        }
    }
    stats.durationMs = performance.now() - started;
    return { findings, stats };
}


/***/ }),

/***/ 6192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m0: () => (/* binding */ exec)
/* harmony export */ });
/* unused harmony exports ExecError, formatCommand, findExecutable */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(143);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7638);
/* harmony import */ var _input_types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9747);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7620);
/**
 * Runs a program: argument arrays only, never a shell string, so no value is ever re-parsed by
 * a shell. Output is streamed to the log line by line (through the runner, which scrubs
 * secrets) and kept for the caller; a timeout or an abort signal stops the whole process tree;
 * a failure is a UserError that quotes the command (credentials masked) and the last lines of
 * its error output, as google-github-actions/deploy-cloudrun reports a failed gcloud.
 *
 * Why node:child_process and not @actions/exec: @actions/exec echoes `[command]…` straight to
 * process.stdout (past our secret scrubber), has no timeout, no AbortSignal and no process-group
 * kill (an `npx` or `sh -c` wrapper would leave its children running), and its errors carry
 * neither the command's stderr nor a hint. One spawn in its own process group is less code than
 * adapting it.
 */







class ExecError extends _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo {
    exitCode;
    signal;
    timedOut;
    stdout;
    stderr;
    /** The last lines of error output (or of stdout when stderr was empty), scrubbed. */
    tail;
    constructor(init) {
        super(init.message, init.hint === undefined ? {} : { hint: init.hint });
        this.name = 'ExecError';
        this.exitCode = init.exitCode;
        this.signal = init.signal;
        this.timedOut = init.timedOut;
        this.stdout = init.stdout;
        this.stderr = init.stderr;
        this.tail = init.tail;
    }
}
/** Quotes a command line for display the way a POSIX shell would read it back. */
function formatCommand(file, args, scrub = (t) => t) {
    return ([file, ...args]
        // Scrub first: maskUrl re-serialises a URL (case, percent-encoding), which would hide a secret from the scrubber.
        .map((part) => (0,_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .maskUrl */ .yP)(scrub(part)))
        .map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`))
        .join(' '));
}
/** Finds a program the way spawn will: a path as given (relative to cwd), else each PATH entry. */
function findExecutable(file, options = {}) {
    const isFile = (candidate) => {
        try {
            if (!statSync(candidate).isFile())
                return false;
            accessSync(candidate, constants.X_OK);
            return true;
        }
        catch {
            return false;
        }
    };
    if (file.includes('/')) {
        const full = isAbsolute(file) ? file : resolve(options.cwd ?? process.cwd(), file);
        return isFile(full) ? full : undefined;
    }
    for (const dir of (options.path ?? process.env.PATH ?? '').split(delimiter)) {
        if (dir === '')
            continue;
        const candidate = join(isAbsolute(dir) ? dir : resolve(options.cwd ?? process.cwd(), dir), file);
        if (isFile(candidate))
            return candidate;
    }
    return undefined;
}
function lastLines(text, count) {
    const lines = text.replace(/\s+$/, '').split(/\r?\n/);
    return lines.slice(-count).join('\n');
}
/** Splits a byte stream into lines, holding the unfinished one until more arrives or the end. */
function lineSplitter(emit) {
    let pending = '';
    return {
        push(chunk) {
            pending += chunk;
            const lines = pending.split(/\r?\n/);
            pending = lines.pop() ?? '';
            for (const line of lines)
                emit(line);
        },
        end() {
            if (pending !== '')
                emit(pending);
            pending = '';
        },
    };
}
/** Sends a signal to the child's whole process group (it leads one: `detached`). */
function killTree(pid, signal) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, signal);
    }
    catch {
        try {
            process.kill(pid, signal);
        }
        catch {
            // Already gone.
        }
    }
}
async function exec(file, args, options = {}) {
    const scrub = options.scrub ?? ((t) => t);
    const display = formatCommand(file, args, scrub);
    const label = options.label ?? file.split('/').pop() ?? file;
    const keep = options.keep ?? true;
    const maxKeep = options.maxKeep ?? 16 * 1024 * 1024;
    const tailCount = options.tailLines ?? 20;
    if (options.signal?.aborted)
        throw (0,_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .cancellation */ .W)(options.signal);
    const started = performance.now();
    // Its own process group, so a timeout or cancel stops the wrappers' children too (npx → node).
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        detached: true,
    });
    if (options.input !== undefined)
        child.stdin?.end(options.input);
    let stdout = '';
    let stderr = '';
    const outLines = lineSplitter((line) => options.onLine?.(line, 'stdout'));
    const errLines = lineSplitter((line) => options.onLine?.(line, 'stderr'));
    child.stdout?.on('data', (chunk) => {
        options.onStdout?.(chunk);
        if (!keep && !options.onLine)
            return;
        const text = chunk.toString('utf8');
        if (keep && stdout.length < maxKeep)
            stdout += text;
        outLines.push(text);
    });
    child.stderr?.on('data', (chunk) => {
        const text = chunk.toString('utf8');
        if (stderr.length < maxKeep)
            stderr += text;
        errLines.push(text);
    });
    let timedOut = false;
    let aborted = false;
    let killTimer;
    const stop = () => {
        killTree(child.pid, 'SIGTERM');
        killTimer ??= setTimeout(() => killTree(child.pid, 'SIGKILL'), options.killGrace ?? 5000);
    };
    const timer = options.timeout === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            stop();
        }, options.timeout);
    const onAbort = () => {
        aborted = true;
        stop();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const outcome = await new Promise((done) => {
        child.once('error', (error) => done({ code: null, signal: null, error }));
        child.once('close', (code, signal) => done({ code, signal }));
    });
    clearTimeout(timer);
    clearTimeout(killTimer);
    options.signal?.removeEventListener('abort', onAbort);
    outLines.end();
    errLines.end();
    // A timeout or cancel stopped the leader; make sure nothing of its group outlives us.
    if (timedOut || aborted)
        killTree(child.pid, 'SIGKILL');
    const durationMs = performance.now() - started;
    if (outcome.error) {
        const code = outcome.error.code;
        if (code === 'ENOENT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${label}: the program '${file}' was not found${file.includes('/') ? '' : ' on PATH'}.`, {
                hint: `Install it in an earlier step, or check the working directory (${options.cwd ?? process.cwd()}).`,
                cause: outcome.error,
            });
        }
        if (code === 'EACCES') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${label}: '${file}' is not executable.`, { hint: 'Make it executable (chmod +x).' });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${label}: could not start ${display}: ${outcome.error.message}`, { cause: outcome.error });
    }
    if (aborted && options.signal)
        throw (0,_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .cancellation */ .W)(options.signal);
    const exitCode = outcome.code ?? 128;
    const ok = options.okExitCodes === 'any' || (options.okExitCodes ?? [0]).includes(exitCode);
    if (!timedOut && ok && outcome.signal === null)
        return { exitCode, stdout, stderr, durationMs, display };
    const tail = scrub(lastLines(stderr.trim() !== '' ? stderr : stdout, tailCount));
    const how = timedOut
        ? `did not finish within ${(0,_input_types_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(options.timeout ?? 0)} and was stopped`
        : outcome.signal
            ? `was killed by ${outcome.signal}`
            : `failed with exit code ${exitCode}`;
    throw new ExecError({
        message: `${label} ${how}: ${display}${tail ? `\n${tail}` : ''}`,
        exitCode: outcome.code,
        signal: outcome.signal,
        timedOut,
        stdout,
        stderr,
        tail,
    });
}


/***/ })

};
