export const id = 96;
export const ids = [96,899];
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
const urlRule = schemas/* union */.KCZ([
    schemas/* boolean */.zMY(),
    schemas/* strictObject */.rej({
        schemes: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[a-z][a-z0-9+.-]*$/, 'expected a URL scheme such as https or postgres'))
            .min(1)
            .describe('The schemes allowed, without "://", e.g. [https] or [postgres, postgresql].'),
    }),
]);
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


/***/ }),

/***/ 8230:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var j=(e,n)=>()=>{try{return n||e((n={exports:{}}).exports,n),n.exports}catch(t){throw n=0,t}};var R=j((Z,N)=>{function T(e){return typeof e=="string"?!["false","0","no","off",""].includes(e.toLowerCase()):!!e}function U(e=process.env){let n={};for(let t of["ENCODING","PATH","QUIET","DEBUG","OVERRIDE","FAST"]){let r=e[`DOTENV_${t}`]!=null?e[`DOTENV_${t}`]:e[`DOTENV_CONFIG_${t}`];r!=null&&(n[t.toLowerCase()]=t==="ENCODING"||t==="PATH"?r:T(r))}return n}N.exports={parseBoolean:T,optionsFromEnv:U}});var P=j((ee,b)=>{var F=__webpack_require__(9896),_=__webpack_require__(6928),B=__webpack_require__(857),{URL:L,fileURLToPath:Q}=__webpack_require__(7016),{parseBoolean:$,optionsFromEnv:I}=R(),G=/(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/mg,y=new Uint8Array(256);for(let e=48;e<=57;e++)y[e]=1;for(let e=65;e<=90;e++)y[e]=1;for(let e=97;e<=122;e++)y[e]=1;y[45]=1;y[46]=1;y[95]=1;function H(e){let n={},t=e.toString();t=t.replace(/\r\n?/mg,`
`);let r;for(;(r=G.exec(t))!=null;){let o=r[1],i=r[2]||"";i=i.trim();let c=i[0];i=i.replace(/^(['"`])([\s\S]*)\1$/mg,"$2"),c==='"'&&(i=i.replace(/\\n/g,`
`),i=i.replace(/\\r/g,"\r")),n[o]=i}return n}function g(e){return e<=32?e===32||e>=9&&e<=13:e>=160&&(e===160||e===5760||e>=8192&&e<=8202||e===8232||e===8233||e===8239||e===8287||e===12288||e===65279)}function O(e){return e===10||e===8232||e===8233}function V(e){let n={},t=typeof e=="string"?e:e.toString();t.indexOf("\r")!==-1&&(t=t.replace(/\r\n?/g,`
`));let r=t.length,o=0;for(;o<r;){let i=t.charCodeAt(o);for(;o<r&&g(i);)o++,i=t.charCodeAt(o);if(o>=r)break;if(i===35){for(;o<r&&!O(t.charCodeAt(o));)o++;continue}let c=-1;if(i===101&&o+6<r&&t.charCodeAt(o+1)===120&&t.charCodeAt(o+2)===112&&t.charCodeAt(o+3)===111&&t.charCodeAt(o+4)===114&&t.charCodeAt(o+5)===116){let u=t.charCodeAt(o+6);if(g(u)){let s=o+7;for(;s<r&&g(t.charCodeAt(s));)s++;y[t.charCodeAt(s)]&&(c=o+6,o=s)}else i=t.charCodeAt(o)}let E=o,p=0;for(;o<r&&(p=t.charCodeAt(o),y[p]);)o++;if(o===E){for(;o<r&&!O(t.charCodeAt(o));)o++;continue}let k=t.slice(E,o),D=o;if(o>=r&&(p=0),g(p))do o++,p=o<r?t.charCodeAt(o):0;while(g(p));if(p===61)o++;else if(p===58&&o===D&&o+1<r&&g(t.charCodeAt(o+1)))o+=2;else{for(o=c===-1?D:c;o<r&&!O(t.charCodeAt(o));)o++;continue}let d=o,l=o;for(;l<r&&g(t.charCodeAt(l));)l++;let C=t.charCodeAt(l),a,q=!1;if(C===39||C===34||C===96){let u=t[l],s=t.indexOf(u,l+1),f=-1,h=-1;for(;s!==-1;){let x=t.charCodeAt(s-1)===92,w=s+1;for(;w<r&&!O(t.charCodeAt(w))&&g(t.charCodeAt(w));)w++;if((w===r||O(t.charCodeAt(w))||t.charCodeAt(w)===35)&&(f=s,h=w),!x)break;s=t.indexOf(u,s+1)}if(f!==-1){if(a=t.slice(l+1,f),o=h,t.charCodeAt(o)===35)for(;o<r&&!O(t.charCodeAt(o));)o++;q=!0}}if(!q){let u=t.indexOf(`
`,d);u===-1&&(u=r);let s;if(r<4096)s=t.indexOf("#",d),(s===-1||s>u)&&(s=u);else for(s=d;s<u&&t.charCodeAt(s)!==35;)s++;let f=d,h=s;for(;f<h&&g(t.charCodeAt(f));)f++;for(;h>f&&g(t.charCodeAt(h-1));)h--;let x=t.charCodeAt(f);if(a=t.slice(f,h),a.includes("\u2028")||a.includes("\u2029")?a=a.replace(/^(['"`])([\s\S]*)\1$/mg,"$2"):h-f>=2&&(x===39||x===34||x===96)&&t.charCodeAt(h-1)===x&&(a=t.slice(f+1,h-1)),o=s,s<u)for(;o<r&&!O(t.charCodeAt(o));)o++}C===34&&(q||l<o)&&a.indexOf("\\")!==-1&&(a=a.replace(/\\n/g,`
`).replace(/\\r/g,"\r")),n[k]=a}return n}function J(e,n){return n&&$(n.fast)?V(e):H(e)}function v(e){console.log(`\u2506 ${e}`)}function W(e){console.error(`\u25C7 ${e}`)}function S(e){return e[0]==="~"?_.join(B.homedir(),e.slice(1)):e}function K(e={}){let n={...e};for(let t of Object.keys(n))n[t]===void 0&&delete n[t];return{...I(),...n}}function M(e){e=K(e);let n=_.resolve(process.cwd(),".env"),t="utf8",r=process.env;e&&e.processEnv!=null&&(r=e.processEnv);let o=$(e&&e.debug);e&&e.encoding?t=e.encoding:o&&v("no encoding is specified (UTF-8 is used by default)");let i=[n];if(e&&e.path)if(!Array.isArray(e.path))i=[S(e.path)];else{i=[];for(let d of e.path)i.push(S(d))}let c,E={},p={fast:e.fast};for(let d of i)try{let l=A.parse(F.readFileSync(d,{encoding:t}),p);A.populate(E,l,e)}catch(l){o&&v(`failed to load ${d} ${l.message}`),c=l}let k=A.populate(r,E,e),D=$(Object.prototype.hasOwnProperty.call(e,"quiet")?e.quiet:I(r).quiet);if(o||!D){let d=Object.keys(k).length,l=[];for(let C of i)try{let a=_.relative(process.cwd(),C instanceof L?Q(C):C);l.push(a)}catch(a){o&&v(`failed to load ${C} ${a.message}`),c=a}W(`injected env (${d}) from ${l.join(",")}`)}return c?{parsed:E,error:c}:{parsed:E}}function Y(e){return A.configDotenv(e)}function z(e,n,t={}){let r=$(t&&t.debug),o=$(t&&t.override),i={};if(e===null||typeof e!="object"||n===null||typeof n!="object"){let c=new Error("OBJECT_REQUIRED: Please check the processEnv argument being passed to populate");throw c.code="OBJECT_REQUIRED",c}for(let c of Object.keys(n))Object.prototype.hasOwnProperty.call(e,c)?(o===!0&&(e[c]=n[c],i[c]=n[c]),r&&v(o===!0?`"${c}" is already defined and WAS overwritten`:`"${c}" is already defined and was NOT overwritten`)):(e[c]=n[c],i[c]=n[c]);return i}var A={configDotenv:M,config:Y,parse:J,populate:z};b.exports.configDotenv=A.configDotenv;b.exports.config=A.config;b.exports.parse=A.parse;b.exports.populate=A.populate;b.exports=A});var m=P();module.exports=m;module.exports.config=m.config;module.exports.configDotenv=m.configDotenv;module.exports.parse=m.parse;module.exports.populate=m.populate;


/***/ })

};
