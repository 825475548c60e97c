export const id = 96;
export const ids = [96];
export const modules = {

/***/ 6899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseDotenvText: () => (/* binding */ parseDotenvText)
/* harmony export */ });
/* harmony import */ var dotenv__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8230);
/* harmony import */ var dotenv__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(dotenv__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A dotenv file: values parsed by the `dotenv` package (quotes, `export`, multi-line values, as
 * the apps themselves read them), and the line each key is set on, found by a scan for the key
 * at the start of a line (the last one wins, as it does in `dotenv`).
 */

function parseDotenvText(text) {
    const values = new Map(Object.entries((0,dotenv__WEBPACK_IMPORTED_MODULE_0__.parse)(text)));
    const lines = new Map();
    text.split(/\r?\n/).forEach((line, index) => {
        const match = /^\s*(?:export\s+)?([\w.-]+)\s*[=:]/.exec(line);
        if (match?.[1] && values.has(match[1]))
            lines.set(match[1], index + 1);
    });
    return { values, lineOf: (key) => lines.get(key) };
}


/***/ }),

/***/ 7096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadEnvExample: () => (/* binding */ loadEnvExample),
  loadSchema: () => (/* binding */ loadSchema)
});

// UNUSED EXPORTS: SchemaError, parseSchemaText

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./actions/validate/src/dotenv-file.ts
var dotenv_file = __webpack_require__(6899);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./actions/validate/src/schema.ts
/**
 * The schema file (`.github/deploy-env.yml`): which variables a release needs and the rules
 * their values must pass, for every service and environment or only some. Validated with zod;
 * every problem is reported with the line and the field, so a typo is found before a deploy.
 */

/** Values in YAML are often written bare (`equals: false`, `enum: [1, 2]`); they compare as text. */
const scalar = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]).transform((v) => String(v));
const schema_name = schemas/* string */.YjP().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'expected a name of letters, digits, _ . -');
const variableName = schemas/* string */.YjP().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,200}$/, 'expected a variable name such as DATABASE_URL');
const regexSource = schemas/* string */.YjP().refine((source) => {
    try {
        new RegExp(source);
        return true;
    }
    catch {
        return false;
    }
}, { message: 'expected a valid regular expression' });
const scheme = schemas/* string */.YjP().regex(/^[a-z][a-z0-9+.-]*$/, 'expected a URL scheme such as https or postgres');
const urlRule = schemas/* union */.KCZ([
    schemas/* boolean */.zMY(),
    schemas/* strictObject */.rej({
        schemes: schemas/* union */.KCZ([scheme, schemas/* array */.YOg(scheme).min(1)])
            // One scheme may be written alone (`schemes: https`): a list of one.
            .transform((s) => (typeof s === 'string' ? [s] : s))
            .describe('The schemes allowed, without "://", e.g. [https] or [postgres, postgresql].'),
    }),
], { error: 'expected true, false or { schemes: [https, …] } (schemes without "://")' });
/** The rules a value must pass; each is checked only when the value is set (except `required`). */
const rulesShape = {
    required: schemas/* boolean */.zMY().optional().describe('The variable must be set and not empty (default true).'),
    'min-length': schemas/* number */.aig().int().min(1).optional().describe('The value is at least this many characters long.'),
    pattern: regexSource.optional().describe('A regular expression the value must match (not anchored: use ^…$).'),
    enum: schemas/* array */.YOg(scalar).min(1).optional().describe('The only values allowed.'),
    url: urlRule.optional().describe('The value is an absolute URL; `{ schemes: [...] }` limits its scheme (default http, https).'),
    equals: scalar.optional().describe('The one value allowed, e.g. `false` for DEBUG in production.'),
    forbid: schemas/* union */.KCZ([scalar, schemas/* array */.YOg(scalar).min(1)])
        .optional()
        .describe('Values not allowed, e.g. [true, "1"] for DEBUG in production.'),
    'case-sensitive': schemas/* boolean */.zMY().optional().describe('Compare enum, equals and forbid exactly (default false: True = true).'),
};
const rulesSchema = schemas/* strictObject */.rej(rulesShape);
const scoped = schemas/* union */.KCZ([schemas/* array */.YOg(schema_name).min(1), schemas/* record */.g1P(schema_name, rulesSchema.nullable())]);
const variableSchema = schemas/* strictObject */.rej({
    description: schemas/* string */.YjP().optional().describe('What the variable is for; shown in findings.'),
    secret: schemas/* boolean */.zMY()
        .optional()
        .describe('The value is masked in the log like a secret (default true; set false for flags such as DEBUG).'),
    ...rulesShape,
    services: scoped
        .optional()
        .describe('Only these services need the variable; as a map, each entry also adds or overrides rules for that service.'),
    environments: scoped
        .optional()
        .describe('Only these environments need the variable; as a map, each entry also adds or overrides rules there.'),
});
const deployEnvSchema = schemas/* strictObject */.rej({
    $schema: schemas/* string */.YjP().optional(),
    version: schemas/* literal */.euz(1).optional().describe('The format version (1).'),
    environments: schemas/* array */.YOg(schema_name).optional().describe('The known environments; a rule for any other is a typo.'),
    services: schemas/* array */.YOg(schema_name).optional().describe('The known services; a rule for any other is a typo.'),
    variables: schemas/* record */.g1P(variableName, variableSchema.nullable()).describe('Each variable the release needs, with its rules.'),
})
    .superRefine((doc, ctx) => {
    for (const [variable, spec] of Object.entries(doc.variables)) {
        for (const kind of ['environments', 'services']) {
            const known = doc[kind];
            const scope = spec?.[kind];
            if (!known || !scope)
                continue;
            const names = Array.isArray(scope) ? scope : Object.keys(scope);
            names.forEach((n, i) => {
                if (known.includes(n))
                    return;
                ctx.addIssue({
                    code: 'custom',
                    path: ['variables', variable, kind, Array.isArray(scope) ? i : n],
                    message: `unknown ${kind === 'environments' ? 'environment' : 'service'} '${n}' (known: ${known.join(', ')})`,
                });
            });
        }
    }
});
/** The JSON Schema published for editors (`schemas/deploy-env.schema.json`). */
function deployEnvJsonSchema() {
    const json = z.toJSONSchema(deployEnvSchema, { io: 'input', target: 'draft-2020-12' });
    return {
        $schema: json.$schema,
        title: 'Deploy Suite validate: variables and their rules (.github/deploy-env.yml)',
        ...json,
    };
}

// EXTERNAL MODULE: ./actions/validate/src/yaml-lines.ts
var yaml_lines = __webpack_require__(8871);
;// CONCATENATED MODULE: ./actions/validate/src/load-schema.ts
/**
 * Reads the schema file and the .env.example-style file. A malformed schema fails the step with
 * every problem at its line and field ("line 7, variables.JWT_SECRET.min-length: expected a
 * number"), before any value is read.
 */





class SchemaError extends errors/* UserError */.yo {
    file;
    problems;
    constructor(file, problems) {
        const lines = problems.map((p) => `${file}${p.line === undefined ? '' : `:${p.line}`}: ${p.field ? `${p.field}: ` : ''}${p.message}`);
        super(lines.length === 1
            ? `The schema file is invalid: ${lines[0]}`
            : `The schema file has ${lines.length} problems:\n${lines.map((l) => `- ${l}`).join('\n')}`, { hint: 'The catalog (validate) documents the format; schemas/deploy-env.schema.json gives editors completion.' });
        this.name = 'SchemaError';
        this.file = file;
        this.problems = problems;
    }
}
function fieldOf(path) {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}
/** Parses schema text; `file` is the name problems are reported under. */
function parseSchemaText(text, file) {
    let located;
    try {
        located = (0,yaml_lines/* parseLocatedYaml */.v)(text);
    }
    catch (error) {
        if (!(error instanceof yaml_lines/* YamlSyntaxError */.n))
            throw error;
        throw new SchemaError(file, error.problems.map((p) => ({ line: p.line, field: '', message: `not valid YAML (${p.message})` })));
    }
    const result = deployEnvSchema.safeParse(located.data ?? {});
    if (result.success)
        return { file, schema: result.data, lineOf: located.lineOf };
    const problems = result.error.issues.flatMap((issue) => {
        if (issue.code === 'unrecognized_keys') {
            return issue.keys.map((key) => ({
                line: located.lineOf([...issue.path, key], { key: true }),
                field: fieldOf([...issue.path, key]),
                message: 'unknown field',
            }));
        }
        // A missing field is reported at its parent, the place to add it.
        return [{ line: located.lineOf(issue.path, { key: true }), field: fieldOf(issue.path), message: issue.message }];
    });
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new SchemaError(file, problems);
}
async function readText(path, what, input) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* UserError */.yo(`The ${what} '${path}' could not be read${code === 'ENOENT' ? ': no such file' : ` (${code})`}.`, {
            hint: `Check the \`${input}\` input and the working directory; it must be committed, or written by an earlier step.`,
        });
    }
}
async function loadSchema(path, display) {
    return parseSchemaText(await readText(path, 'schema file', 'schema'), display);
}
async function loadEnvExample(path, display) {
    const parsed = (0,dotenv_file.parseDotenvText)(await readText(path, 'env-example file', 'env-example'));
    return {
        file: display,
        keys: [...parsed.values.keys()].map((name) => ({ name, line: parsed.lineOf(name) ?? 1 })),
    };
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
