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
/* harmony import */ var _yaml_lines_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8871);
/**
 * railway.json / railway.toml and vercel.json: each must parse (JSON, or TOML with smol-toml)
 * and match the platform's documented shape; an unknown key is a warning. Railway's
 * `deploy.healthcheckPath` is reported as the path health-gate should probe.
 */





const CONFIG_FILES = ['railway.json', 'railway.toml', 'vercel.json'];
function fieldOf(path) {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}
/** JSON: syntax errors at their line; for the rest, the JSON document read as YAML gives each node's line. */
function parseJson(text, secrets) {
    try {
        JSON.parse(text);
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
    const located = (0,_yaml_lines_js__WEBPACK_IMPORTED_MODULE_4__/* .parseLocatedYaml */ .v)(text);
    return { data: located.data, lineOf: (path) => located.lineOf(path, { key: true }) };
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
function issuesToFindings(file, issues, lineOf) {
    const findings = [];
    for (const issue of issues) {
        if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys) {
                const path = [...issue.path, key];
                const line = lineOf(path);
                findings.push({
                    severity: 'warning',
                    kind: 'config',
                    rule: 'unknown-key',
                    message: `${fieldOf(path)}: unknown key (not in the documented ${kindOf(file) === 'vercel.json' ? 'Vercel' : 'Railway'} config)`,
                    file,
                    ...(line !== undefined ? { line } : {}),
                });
            }
            continue;
        }
        const line = lineOf(issue.path);
        findings.push({
            severity: 'error',
            kind: 'config',
            rule: 'config-shape',
            message: `${fieldOf(issue.path) || '(top level)'}: ${issue.message}`,
            file,
            ...(line !== undefined ? { line } : {}),
        });
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
    const { railwayConfigSchema, vercelConfigSchema } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(831)]).then(__webpack_require__.bind(__webpack_require__, 5831));
    const schema = kindOf(file) === 'vercel.json' ? vercelConfigSchema : railwayConfigSchema;
    const result = schema.safeParse(parsed.data);
    const findings = result.success ? [] : issuesToFindings(file, result.error.issues, parsed.lineOf);
    return { findings: findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), data: parsed.data };
}
async function checkConfigFiles(dir, secrets = { scrub: (text) => text }) {
    const result = { checked: [], findings: [], healthcheckPath: undefined };
    const present = await findConfigFiles(dir);
    for (const toml of present.filter((p) => kindOf(p) === 'railway.toml')) {
        if (!present.includes(toml.replace(/\.toml$/, '.json')))
            continue;
        result.findings.push({
            severity: 'warning',
            kind: 'config',
            rule: 'config-duplicate',
            message: 'both railway.json and railway.toml exist here; keep one so it is clear which Railway reads',
            file: toml,
        });
    }
    for (const file of present) {
        const { findings, data } = await checkOne(dir, file, secrets);
        result.checked.push(file);
        result.findings.push(...findings);
        const path = data?.deploy?.healthcheckPath;
        if (kindOf(file) !== 'vercel.json' && typeof path === 'string' && path.startsWith('/'))
            result.healthcheckPath ??= path;
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
