export const id = 754;
export const ids = [754];
export const modules = {

/***/ 2754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkConfigFiles: () => (/* binding */ checkConfigFiles)
/* harmony export */ });
/* unused harmony export CONFIG_FILES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _deploy_suite_core_untrusted__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3023);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _yaml_lines_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8871);
/**
 * railway.json / railway.toml and vercel.json: each must parse (JSON, or TOML with smol-toml)
 * and validate, with Ajv, against the platform's JSON Schema (`railway-config-schema.ts`,
 * `vercel-config-schema.ts`); an unknown key is a warning unless Vercel's own schema refuses it.
 * Railway's `deploy.healthcheckPath` (the environment's override first, as Railway resolves it) is
 * reported as the path health-gate should probe.
 */






const CONFIG_FILES = ['railway.json', 'railway.toml', 'vercel.json'];
/** `deploy.healthcheckPath`, `rewrites[0].has[1]`, `functions["api/*.js"].memory`. */
function fieldOf(path) {
    return path
        .map((p, i) => {
        if (typeof p === 'number')
            return `[${p}]`;
        const key = String(p);
        if (!/^[$\w-]+$/.test(key))
            return `[${JSON.stringify(key)}]`;
        return i === 0 ? key : `.${key}`;
    })
        .join('');
}
/** JSON: syntax errors at their line; for the rest, the JSON document read as YAML gives each node's line. */
function parseJson(text, secrets) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        const message = error.message;
        const line = /line (\d+)/.exec(message)?.[1];
        // V8's message quotes the text around the fault: outside text, scrubbed and capped.
        return {
            error: `not valid JSON (${(0,_deploy_suite_core_untrusted__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(message.replace(/ in JSON.*$/, ''), secrets, 200)})`,
            line: line ? Number(line) : undefined,
        };
    }
    try {
        const located = (0,_yaml_lines_js__WEBPACK_IMPORTED_MODULE_4__/* .parseLocatedYaml */ .v)(text);
        return { data: located.data, lineOf: (path) => located.lineOf(path, { key: true }) };
    }
    catch {
        // Nesting deep enough to exhaust the YAML reader's stack: the findings go without lines.
        return { data, lineOf: () => undefined };
    }
}
/** TOML keeps no positions; a key's line is found after its table header (`[deploy]`) or as a dotted key. */
function tomlLineOf(text) {
    const lines = text.split(/\r?\n/);
    return (path) => {
        const keys = path.filter((p) => typeof p === 'string');
        const last = keys[keys.length - 1];
        if (last === undefined)
            return undefined;
        const table = keys.slice(0, -1).join('.');
        let inTable = table === '';
        for (const [index, line] of lines.entries()) {
            const header = /^\s*\[\s*([^\]]+?)\s*\]/.exec(line);
            if (header) {
                inTable = header[1] === table;
                if (inTable && keys.length === 1 && header[1] === last)
                    return index + 1;
                continue;
            }
            const key = /^\s*([\w."-]+)\s*=/.exec(line)?.[1]?.replace(/"/g, '');
            if (key && ((inTable && key === last) || key === keys.join('.')))
                return index + 1;
        }
        return table === '' ? undefined : tomlLineOf(text)(keys.slice(0, -1));
    };
}
const compiled = new Map();
/**
 * Each schema compiled once per process. Vercel's is compiled with the published parts the file
 * uses only: they are what takes Ajv time (a few hundred milliseconds for all of them).
 */
function validatorFor(platform, data) {
    const keys = platform === 'vercel' && typeof data === 'object' && data !== null ? Object.keys(data).sort().join(',') : '';
    const cacheKey = `${platform}:${keys}`;
    let validator = compiled.get(cacheKey);
    if (!validator) {
        validator = (async () => {
            // strict: false, because Vercel's schemas carry annotations of their own (`private`).
            const ajv = new ajv__WEBPACK_IMPORTED_MODULE_5__.Ajv({ allErrors: true, strict: false });
            const schema = platform === 'vercel'
                ? (await __webpack_require__.e(/* import() */ 918).then(__webpack_require__.bind(__webpack_require__, 6918))).vercelConfigSchema(new Set(keys.split(',')))
                : (await __webpack_require__.e(/* import() */ 520).then(__webpack_require__.bind(__webpack_require__, 2520))).railwayConfigSchema;
            return ajv.compile(schema);
        })();
        compiled.set(cacheKey, validator);
    }
    return validator;
}
/** Past this many, a file's findings stop: the first ones say what is wrong, a flood only hides it. */
const MAX_FINDINGS_PER_FILE = 25;
async function shapeFindings(file, data, lineOf) {
    const platform = kindOf(file) === 'vercel.json' ? 'vercel' : 'railway';
    const validate = await validatorFor(platform, data);
    validate(data);
    const { schemaProblems } = await __webpack_require__.e(/* import() */ 786).then(__webpack_require__.bind(__webpack_require__, 7786));
    const findings = [];
    const located = (path) => {
        const line = lineOf(path);
        return line !== undefined ? { line } : {};
    };
    const { VERCEL_PUBLISHED_KEYS, vercelConflicts } = await __webpack_require__.e(/* import() */ 918).then(__webpack_require__.bind(__webpack_require__, 6918));
    const publishedByVercel = (path) => platform === 'vercel' && VERCEL_PUBLISHED_KEYS.includes(path[0] ?? '');
    const problems = schemaProblems(validate.errors, data);
    for (const problem of problems.slice(0, MAX_FINDINGS_PER_FILE)) {
        const field = fieldOf(problem.path) || '(top level)';
        // Under Vercel's published schemas an unknown key fails the CLI's check: an error, as there.
        if (problem.unknownKey && !publishedByVercel(problem.path)) {
            findings.push({
                severity: 'warning',
                kind: 'config',
                rule: 'unknown-key',
                message: `${field}: unknown key (not in the ${platform === 'vercel' ? 'Vercel' : 'Railway'} config schema)`,
                file,
                ...located(problem.path),
            });
            continue;
        }
        findings.push({
            severity: 'error',
            kind: 'config',
            rule: 'config-shape',
            message: `${field}: ${problem.message}${publishedByVercel(problem.path) ? " (Vercel's schema)" : ''}`,
            file,
            ...located(problem.path),
        });
    }
    if (problems.length > MAX_FINDINGS_PER_FILE) {
        findings.push({
            severity: findings.some((f) => f.severity === 'error') ? 'error' : 'warning',
            kind: 'config',
            rule: 'config-shape',
            message: `…and ${problems.length - MAX_FINDINGS_PER_FILE} more problem(s) in this file, not listed; fix the ones above first`,
            file,
        });
    }
    if (platform === 'vercel') {
        for (const conflict of vercelConflicts(data)) {
            findings.push({
                severity: 'error',
                kind: 'config',
                rule: 'config-shape',
                message: `${conflict.key}: ${conflict.message}`,
                file,
                ...located([conflict.key]),
            });
        }
    }
    return findings;
}
/** The config files at the top and one folder down (a monorepo's `web/vercel.json`). */
async function findConfigFiles(dir) {
    const folders = [
        '',
        ...(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true }))
            .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
            .map((e) => e.name)
            .sort(),
    ];
    return folders.flatMap((folder) => CONFIG_FILES.map((name) => (folder ? `${folder}/${name}` : name)).filter((p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, p))));
}
function kindOf(path) {
    return CONFIG_FILES.find((name) => path === name || path.endsWith(`/${name}`)) ?? 'railway.json';
}
async function checkOne(dir, file, secrets) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, file), 'utf8');
    let parsed;
    if (file.endsWith('.toml')) {
        const { parse, TomlError } = await __webpack_require__.e(/* import() */ 292).then(__webpack_require__.bind(__webpack_require__, 3292));
        try {
            parsed = { data: parse(text), lineOf: tomlLineOf(text) };
        }
        catch (error) {
            if (!(error instanceof TomlError))
                throw error;
            // The parser's words (its first line: later lines quote the file) are outside text.
            const message = (0,_deploy_suite_core_untrusted__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid', secrets, 200);
            return {
                findings: [
                    {
                        severity: 'error',
                        kind: 'config',
                        rule: 'config-syntax',
                        message: `not valid TOML (${message})`,
                        file,
                        line: error.line,
                    },
                ],
                data: undefined,
            };
        }
    }
    else {
        const result = parseJson(text, secrets);
        if ('error' in result) {
            return {
                findings: [
                    {
                        severity: 'error',
                        kind: 'config',
                        rule: 'config-syntax',
                        message: result.error,
                        file,
                        ...(result.line !== undefined ? { line: result.line } : {}),
                    },
                ],
                data: undefined,
            };
        }
        parsed = result;
    }
    const findings = await shapeFindings(file, parsed.data, parsed.lineOf);
    return {
        findings: findings.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER)),
        data: parsed.data,
    };
}
/** The health check path Railway uses in `environment`: its override in `environments`, else the base one. */
function railwayHealthcheckPath(data, environment) {
    const config = data;
    const override = environment ? config?.environments?.[environment]?.deploy?.healthcheckPath : undefined;
    const path = override ?? config?.deploy?.healthcheckPath;
    return typeof path === 'string' && path.startsWith('/') ? path : undefined;
}
async function checkConfigFiles(dir, secrets = { scrub: (text) => text }, environment) {
    const result = { checked: [], findings: [], healthcheckPath: undefined };
    const present = await findConfigFiles(dir);
    for (const toml of present.filter((p) => kindOf(p) === 'railway.toml')) {
        if (!present.includes(toml.replace(/\.toml$/, '.json')))
            continue;
        result.findings.push({
            severity: 'warning',
            kind: 'config',
            rule: 'config-duplicate',
            message: 'both railway.json and railway.toml exist here: Railway reads railway.toml and ignores railway.json; keep one',
            file: toml,
        });
    }
    // Vercel reads one of vercel.ts and vercel.json ("use only one configuration file").
    for (const json of present.filter((p) => kindOf(p) === 'vercel.json')) {
        const programmatic = json.replace(/\.json$/, '.ts');
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, programmatic)))
            continue;
        result.findings.push({
            severity: 'warning',
            kind: 'config',
            rule: 'config-duplicate',
            message: `both vercel.json and vercel.ts exist here: Vercel takes one configuration file; keep one`,
            file: json,
        });
    }
    for (const file of present) {
        const { findings, data } = await checkOne(dir, file, secrets);
        result.checked.push(file);
        result.findings.push(...findings);
        if (kindOf(file) !== 'vercel.json')
            result.healthcheckPath ??= railwayHealthcheckPath(data, environment);
    }
    return result;
}


/***/ }),

/***/ 8871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ YamlSyntaxError),
/* harmony export */   v: () => (/* binding */ parseLocatedYaml)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * A YAML document with the line of every node, so a problem found in the parsed data (a zod
 * issue's path) can be reported at the line a person edits.
 */

class YamlSyntaxError extends Error {
    problems;
    constructor(problems) {
        super(problems.map((p) => `line ${p.line}: ${p.message}`).join('; '));
        this.problems = problems;
    }
}
function child(node, key) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
        return { value: node.items[Number(key)], key: undefined };
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
        const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(p) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && String(p.key.value) === String(key));
        return { value: (pair?.value ?? undefined), key: (pair?.key ?? undefined) };
    }
    return { value: undefined, key: undefined };
}
function parseLocatedYaml(text) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
        throw new YamlSyntaxError(doc.errors.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, message: e.message.split('\n')[0] ?? 'invalid YAML' })));
    }
    const root = doc.contents;
    return {
        data: doc.toJS({ maxAliasCount: 100 }),
        lineOf(path, options = {}) {
            let node = root ?? undefined;
            let keyNode;
            let best = node;
            for (const key of path) {
                const next = child(node, key);
                if (next.value === undefined && next.key === undefined)
                    break;
                keyNode = next.key;
                node = next.value;
                best = (options.key ? keyNode : node) ?? keyNode ?? node ?? best;
            }
            const offset = best?.range?.[0];
            return offset === undefined ? undefined : lineCounter.linePos(offset).line;
        },
    };
}


/***/ })

};
