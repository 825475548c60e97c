export const id = 350;
export const ids = [350];
export const modules = {

/***/ 7350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkConfigFiles: () => (/* binding */ checkConfigFiles)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(3023);
// EXTERNAL MODULE: ./packages/core/src/exec.ts
var exec = __webpack_require__(6192);
;// CONCATENATED MODULE: ./actions/validate/src/find-config-files.ts
/**
 * Where the platform config files are: at the top of the working directory and up to two folders
 * down, so a monorepo's `web/vercel.json` and `apps/api/railway.toml` are found. In a git work tree
 * only tracked files count (what a deploy ships; build output and ignored copies do not); outside
 * one, the folders are walked. Dot-folders and node_modules are never looked in.
 */




const CONFIG_FILES = ['railway.json', 'railway.toml', 'vercel.json'];
/** Folders below the working directory that are searched. */
const MAX_DEPTH = 2;
const skipped = (folder) => folder.startsWith('.') || folder === 'node_modules';
function wanted(path) {
    const parts = path.split('/');
    const name = parts.pop() ?? '';
    return CONFIG_FILES.includes(name) && parts.length <= MAX_DEPTH && !parts.some(skipped);
}
/** Tracked config files, or undefined when `dir` is not in a git work tree (or git is missing). */
async function tracked(dir) {
    const patterns = CONFIG_FILES.map((name) => `:(glob)**/${name}`);
    try {
        const result = await (0,exec/* exec */.m0)('git', ['-c', 'core.quotepath=off', 'ls-files', '-z', '--', ...patterns], {
            cwd: dir,
            label: 'git ls-files',
            okExitCodes: 'any',
        });
        if (result.exitCode !== 0)
            return undefined;
        // A tracked file deleted in the work tree is not there to check.
        return result.stdout.split('\0').filter((p) => p !== '' && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, p)));
    }
    catch {
        return undefined;
    }
}
async function walk(dir, folder, depth, found) {
    for (const entry of await (0,promises_.readdir)((0,external_node_path_.join)(dir, folder), { withFileTypes: true })) {
        const path = folder ? `${folder}/${entry.name}` : entry.name;
        if (entry.isFile() && wanted(path))
            found.push(path);
        else if (entry.isDirectory() && depth < MAX_DEPTH && !skipped(entry.name))
            await walk(dir, path, depth + 1, found);
    }
}
/** The config files, the top folder's first, then by folder and name. */
async function findConfigFiles(dir) {
    let found = await tracked(dir);
    if (!found) {
        found = [];
        await walk(dir, '', 0, found);
    }
    const depth = (p) => p.split('/').length;
    return found.filter(wanted).sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}

// EXTERNAL MODULE: ./actions/validate/src/railway-config-schema.ts
var railway_config_schema = __webpack_require__(2520);
;// CONCATENATED MODULE: ./actions/validate/src/schema-problems.ts
/**
 * The allowed key an unknown one was probably meant to be: the same but for case
 * (`healthCheckPath`), or a few letters off (`permanant`, `restartPolicyMaxRetry`).
 */
function nearestKey(key, allowed) {
    const lower = key.toLowerCase();
    const sameCase = allowed.find((k) => k.toLowerCase() === lower);
    if (sameCase)
        return sameCase;
    let best;
    for (const candidate of allowed) {
        const distance = editDistance(lower, candidate.toLowerCase());
        const limit = key.length > 12 ? 3 : key.length > 5 ? 2 : 1;
        if (distance <= limit && (!best || distance < best.distance))
            best = { key: candidate, distance };
    }
    return best?.key;
}
/** The allowed value a wrong one was probably meant to be: a few letters off, or cut short (`DOCKER`). */
function nearestValue(value, allowed) {
    const strings = allowed.filter((v) => typeof v === 'string');
    const upper = value.toUpperCase();
    const cutShort = upper.length >= 3 ? strings.find((v) => v.toUpperCase().startsWith(upper)) : undefined;
    return cutShort ?? nearestKey(value, strings);
}
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 3)
        return 4;
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
const COMPOSITE = new Set(['anyOf', 'oneOf']);
const SHAPE = new Set(['type', 'enum', 'const']);
function article(type) {
    if (type === 'null')
        return 'null';
    return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
/** Enum values as a reader wants them: each once, whatever the case (Railway accepts both). */
function listValues(values) {
    const seen = new Set();
    const shown = [];
    for (const value of values) {
        const key = typeof value === 'string' ? value.toLowerCase() : JSON.stringify(value);
        if (seen.has(key))
            continue;
        seen.add(key);
        shown.push(JSON.stringify(value));
    }
    return shown.join(', ');
}
/** What the branches would have accepted, when they differ only in shape. */
function expectedShapes(errors) {
    const shapes = [];
    for (const e of errors) {
        if (e.keyword === 'type') {
            const types = Array.isArray(e.params.type) ? e.params.type : [e.params.type];
            shapes.push(...types.map((t) => article(String(t))));
        }
        else if (e.keyword === 'enum')
            shapes.push(`one of ${listValues(e.params.allowedValues)}`);
        else
            shapes.push(JSON.stringify(e.params.allowedValue));
    }
    return `expected ${[...new Set(shapes)].join(' or ')}`;
}
function condense(input) {
    let errors = input.filter((e) => e.keyword !== 'if');
    const composites = errors.filter((e) => COMPOSITE.has(e.keyword)).sort((a, b) => b.schemaPath.length - a.schemaPath.length);
    for (const composite of composites) {
        const prefix = `${composite.schemaPath}/`;
        const branches = new Map();
        for (const e of errors) {
            if (!e.schemaPath.startsWith(prefix))
                continue;
            const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
            branches.set(branch, [...(branches.get(branch) ?? []), e]);
        }
        // `oneOf` matched by several branches has no branch errors: its own message says it.
        if (branches.size === 0)
            continue;
        const all = [...branches.values()].flat();
        const wrongShape = (e) => e.instancePath === composite.instancePath && SHAPE.has(e.keyword);
        let replacement;
        if (all.every(wrongShape)) {
            replacement = [{ ...composite, keyword: 'expected', message: expectedShapes(all), params: {} }];
        }
        else {
            const candidates = [...branches.values()].filter((b) => !b.some(wrongShape));
            replacement = (candidates.length > 0 ? candidates : [...branches.values()]).reduce((best, b) => b.length < best.length ? b : best);
        }
        errors = [...errors.filter((e) => e !== composite && !e.schemaPath.startsWith(prefix)), ...replacement];
    }
    return errors;
}
/** JSON pointer segments, as numbers where the document has an array there. */
function pathOf(pointer, data) {
    const path = [];
    let node = data;
    for (const raw of pointer.split('/').slice(1)) {
        const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        const key = Array.isArray(node) ? Number(segment) : segment;
        path.push(key);
        node = node !== null && typeof node === 'object' ? node[key] : undefined;
    }
    return path;
}
function messageOf(e) {
    switch (e.keyword) {
        case 'expected':
            return e.message ?? 'not an accepted shape';
        case 'type':
            return expectedShapes([e]);
        case 'enum': {
            const allowed = e.params.allowedValues;
            const meant = typeof e.data === 'string' ? nearestValue(e.data, allowed) : undefined;
            return `expected one of ${listValues(allowed)}${meant ? `; did you mean ${JSON.stringify(meant)}?` : ''}`;
        }
        case 'const':
            return `expected ${JSON.stringify(e.params.allowedValue)}`;
        case 'required':
            return 'missing (required here)';
        case 'additionalProperties':
            return 'unknown key';
        case 'pattern':
            return `does not match the pattern ${String(e.params.pattern)}`;
        default:
            return e.message ?? e.keyword;
    }
}
function propertiesOf(schema) {
    const properties = schema?.properties;
    return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}
function schemaProblems(errors, data) {
    const problems = [];
    const seen = new Set();
    for (const e of condense(errors ?? [])) {
        const path = pathOf(e.instancePath, data);
        if (e.keyword === 'additionalProperties')
            path.push(String(e.params.additionalProperty));
        if (e.keyword === 'required')
            path.push(String(e.params.missingProperty));
        const problem = {
            path,
            message: messageOf(e),
            unknownKey: e.keyword === 'additionalProperties',
            schemaPath: e.schemaPath,
            ...(e.keyword === 'additionalProperties' ? { allowedKeys: propertiesOf(e.parentSchema) } : {}),
        };
        const key = JSON.stringify([problem.path, problem.message]);
        if (seen.has(key))
            continue;
        seen.add(key);
        problems.push(problem);
    }
    return problems;
}

// EXTERNAL MODULE: ./actions/validate/src/yaml-lines.ts
var yaml_lines = __webpack_require__(8871);
;// CONCATENATED MODULE: ./actions/validate/src/config-files.ts
/**
 * railway.json / railway.toml and vercel.json: each must parse (JSON, or TOML with smol-toml)
 * and validate, with Ajv, against the platform's JSON Schema (`railway-config-schema.ts`,
 * `vercel-config-schema.ts`); an unknown key is a warning unless Vercel's own schema refuses it.
 * Railway's `deploy.healthcheckPath` (the environment's override first, as Railway resolves it) is
 * reported as the path health-gate should probe.
 */








/** `deploy.healthcheckPath`, `rewrites[0].has[1]`, `functions["api/*.js"].memory`; keys come from the file: capped. */
function fieldOf(path) {
    const field = path
        .map((p, i) => {
        if (typeof p === 'number')
            return `[${p}]`;
        const key = String(p);
        if (!/^[$\w-]+$/.test(key))
            return `[${JSON.stringify(key)}]`;
        return i === 0 ? key : `.${key}`;
    })
        .join('');
    return (0,untrusted/* truncate */.xv)(field, 200);
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
            error: `not valid JSON (${(0,untrusted/* excerpt */.Kb)(message.replace(/ in JSON.*$/, ''), secrets, 200)})`,
            line: line ? Number(line) : undefined,
        };
    }
    try {
        const located = (0,yaml_lines/* parseLocatedYaml */.v)(text);
        return { data: located.data, lineOf: (path) => located.lineOf(path, { key: true }) };
    }
    catch {
        // Nesting deep enough to exhaust the YAML reader's stack: the findings go without lines.
        return { data, lineOf: () => undefined };
    }
}
/** `"a".b . 'c'` as `a.b.c`: a TOML key or table name without its quotes and spaces. */
function tomlName(raw) {
    return raw
        .split('.')
        .map((part) => part.trim().replace(/^["']|["']$/g, ''))
        .join('.');
}
/**
 * TOML keeps no positions, so each table header (`[deploy]`, `[[x]]`) and each key is listed by
 * its full dotted name with its line; a path's line is its own entry's, else the first table under
 * it (`volumes` is at `[volumes.data]`), else its parent's.
 */
function tomlLineOf(text) {
    const entries = [];
    let table = '';
    for (const [index, line] of text.split(/\r?\n/).entries()) {
        const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line)?.[1];
        if (header !== undefined) {
            table = tomlName(header);
            entries.push({ name: table, line: index + 1 });
            continue;
        }
        const key = /^\s*([\w"'.\- ]+?)\s*=/.exec(line)?.[1];
        if (key !== undefined)
            entries.push({ name: table ? `${table}.${tomlName(key)}` : tomlName(key), line: index + 1 });
    }
    return (path) => {
        const keys = path.filter((p) => typeof p === 'string');
        for (let n = keys.length; n > 0; n--) {
            const name = keys.slice(0, n).join('.');
            const hit = entries.find((e) => e.name === name) ?? entries.find((e) => e.name.startsWith(`${name}.`));
            if (hit)
                return hit.line;
        }
        return undefined;
    };
}
/** `; did you mean healthcheckPath?`, or for Railway's two sections `; it belongs under build`. */
function meantKey(platform, path, allowed) {
    const key = String(path[path.length - 1]);
    const near = nearestKey(key, allowed);
    if (near)
        return `; did you mean ${near}?`;
    const section = path[path.length - 2];
    if (platform === 'railway' && (section === 'build' || section === 'deploy')) {
        const other = section === 'build' ? 'deploy' : 'build';
        if (railway_config_schema/* RAILWAY_SECTION_KEYS */.j[other].includes(key))
            return `; it belongs under ${other}`;
    }
    return '';
}
/** Past this many, a file's findings stop: the first ones say what is wrong, a flood only hides it. */
const MAX_FINDINGS_PER_FILE = 25;
async function shapeFindings(file, data, lineOf) {
    const platform = kindOf(file) === 'vercel.json' ? 'vercel' : 'railway';
    const { validatorFor } = await Promise.all(/* import() */[__webpack_require__.e(463), __webpack_require__.e(402)]).then(__webpack_require__.bind(__webpack_require__, 4402));
    const validate = await validatorFor(platform, data);
    validate(data);
    const findings = [];
    const located = (path) => {
        const line = lineOf(path);
        return line !== undefined ? { line } : {};
    };
    // Vercel's module (and its published schemas) loads for a vercel.json only.
    const vercel = platform === 'vercel' ? await __webpack_require__.e(/* import() */ 918).then(__webpack_require__.bind(__webpack_require__, 6918)) : undefined;
    const publishedByVercel = (path) => vercel?.VERCEL_PUBLISHED_KEYS?.includes(path[0] ?? '') ?? false;
    const problems = schemaProblems(validate.errors, data);
    for (const problem of problems.slice(0, MAX_FINDINGS_PER_FILE)) {
        const field = fieldOf(problem.path) || '(top level)';
        // Under Vercel's published schemas an unknown key fails the CLI's check: an error, as there.
        if (problem.unknownKey && !publishedByVercel(problem.path)) {
            findings.push({
                severity: 'warning',
                kind: 'config',
                rule: 'unknown-key',
                message: `${field}: unknown key (not in the ${platform === 'vercel' ? 'Vercel' : 'Railway'} config schema)${meantKey(platform, problem.path, problem.allowedKeys ?? [])}`,
                file,
                ...located(problem.path),
            });
            continue;
        }
        findings.push({
            severity: 'error',
            kind: 'config',
            rule: 'config-shape',
            message: `${field}: ${problem.message}${publishedByVercel(problem.path) ? " (Vercel's schema)" : ''}${problem.unknownKey ? meantKey(platform, problem.path, problem.allowedKeys ?? []) : ''}`,
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
    if (vercel) {
        for (const conflict of vercel.vercelConflicts(data)) {
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
function kindOf(path) {
    return CONFIG_FILES.find((name) => path === name || path.endsWith(`/${name}`)) ?? 'railway.json';
}
async function checkOne(dir, file, secrets) {
    const text = await (0,promises_.readFile)((0,external_node_path_.join)(dir, file), 'utf8');
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
            const message = (0,untrusted/* excerpt */.Kb)(error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid', secrets, 200);
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
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, programmatic)))
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

/***/ 2520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ railwayConfigSchema),
/* harmony export */   j: () => (/* binding */ RAILWAY_SECTION_KEYS)
/* harmony export */ });
/**
 * A JSON Schema (draft-07) for railway.json / railway.toml ("Config as Code").
 *
 * Railway publishes its schema only from its site (railway.com/railway.schema.json): no package or
 * repository carries a copy that could be vendored here. This document is written from the two
 * things Railway does publish as data and prose: the typed build/deploy settings of a service in
 * its CLI (MIT; `BuildConfig` / `DeployConfig` in `src/controllers/config/environment.rs`, the
 * same settings Config as Code writes) and the Config as Code reference (the `environments`
 * overrides, the builders, which fields take `null`). Every object is closed, so a key outside it
 * is reported, as a warning: it may be a typo (`healthCheckPath`) or newer than this document.
 *
 * Railway reads enum values in any case (its docs write `builder = "nixpacks"`), so both cases
 * are listed.
 */
const either = (...values) => values.flatMap((v) => [v, v.toLowerCase()]);
const nullable = (schema) => ({ anyOf: [schema, { type: 'null' }] });
const text = { type: 'string' };
const count = { type: 'integer', minimum: 0 };
/** Seconds, which Railway's own reference writes as strings (`"overlapSeconds": "60"`). */
const seconds = { anyOf: [count, { type: 'string', pattern: '^[0-9]+$' }] };
const build = {
    type: 'object',
    additionalProperties: false,
    properties: {
        builder: { enum: either('RAILPACK', 'DOCKERFILE', 'NIXPACKS', 'HEROKU', 'PAKETO') },
        buildCommand: nullable(text),
        watchPatterns: nullable({ type: 'array', items: text }),
        dockerfilePath: nullable(text),
        railpackVersion: nullable(text),
        nixpacksConfigPath: nullable(text),
        nixpacksPlan: nullable({ type: 'object' }),
        nixpacksVersion: nullable(text),
        buildEnvironment: nullable({ enum: either('V2', 'V3') }),
    },
};
const deploy = {
    type: 'object',
    additionalProperties: false,
    properties: {
        startCommand: nullable(text),
        preDeployCommand: nullable({ anyOf: [text, { type: 'array', items: text }] }),
        healthcheckPath: nullable({ type: 'string', pattern: '^/' }),
        healthcheckTimeout: nullable({ type: 'integer', minimum: 1 }),
        ipv6EgressEnabled: nullable({ type: 'boolean' }),
        numReplicas: nullable(count),
        multiRegionConfig: nullable({
            type: 'object',
            additionalProperties: nullable({
                type: 'object',
                additionalProperties: false,
                properties: { numReplicas: count },
            }),
        }),
        cronSchedule: nullable(text),
        restartPolicyType: { enum: either('ON_FAILURE', 'ALWAYS', 'NEVER') },
        restartPolicyMaxRetries: nullable(count),
        sleepApplication: nullable({ type: 'boolean' }),
        registryCredentials: nullable({
            type: 'object',
            additionalProperties: false,
            properties: { username: text, password: text },
        }),
        limitOverride: nullable({
            type: 'object',
            additionalProperties: false,
            properties: {
                containers: {
                    type: 'object',
                    additionalProperties: false,
                    properties: { cpu: { type: 'number', minimum: 0 }, memoryBytes: count, diskBytes: count },
                },
            },
        }),
        requiredMountPath: nullable(text),
        overlapSeconds: nullable(seconds),
        drainingSeconds: nullable(seconds),
        region: nullable(text),
        runtime: nullable({ enum: either('V2', 'LEGACY', 'UNSPECIFIED') }),
        useLegacyStacker: nullable({ type: 'boolean' }),
    },
};
const railwayConfigSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'railway.json / railway.toml (Config as Code)',
    type: 'object',
    additionalProperties: false,
    properties: {
        $schema: text,
        build,
        deploy,
        environments: {
            type: 'object',
            additionalProperties: {
                type: 'object',
                additionalProperties: false,
                properties: { build, deploy },
            },
        },
    },
};
/** The keys of each section, to tell a key written in the other one (`deploy.buildCommand`). */
const RAILWAY_SECTION_KEYS = {
    build: Object.keys(build.properties),
    deploy: Object.keys(deploy.properties),
};


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
