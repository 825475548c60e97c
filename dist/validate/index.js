import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9907:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _deploy_suite_core_run__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4739);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9094);


// The body (zod, yaml, dotenv, secretlint, smol-toml) loads once the inputs are valid, and each
// heavy module only for the phase that needs it.
process.exitCode = await (0,_deploy_suite_core_run__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .C)(_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .manifest */ .eu, async (inputs, ctx) => (await __nccwpck_require__.e(/* import() */ 294).then(__nccwpck_require__.bind(__nccwpck_require__, 7294))).validate(inputs, ctx));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9094:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  my: () => (/* binding */ DEFAULT_SCHEMA),
  eu: () => (/* binding */ manifest)
});

// UNUSED EXPORTS: FAIL_ON, SCHEMA_EXAMPLE, SOURCE_KINDS, parseSourceSpec

// EXTERNAL MODULE: ./packages/core/src/input-types.ts + 1 modules
var input_types = __nccwpck_require__(9747);
// EXTERNAL MODULE: ./packages/core/src/inputs.ts
var inputs = __nccwpck_require__(7276);
;// CONCATENATED MODULE: ./packages/core/src/manifest.ts
const STATUS_OUTPUT = {
    description: "How the step ended: 'success', 'failure' or 'cancelled', or an outcome the action names.",
};
/** Declares an action; every action gets the `status` output the run wrapper always sets. */
function defineAction(manifest) {
    return { ...manifest, outputs: { ...manifest.outputs, status: STATUS_OUTPUT } };
}

;// CONCATENATED MODULE: ./actions/validate/src/manifest.ts



const FAIL_ON = ['error', 'warning', 'never'];
/** The sources of values the action can read; the parser names them when one is unknown. */
const SOURCE_KINDS = ['env', 'dotenv:<path>', 'railway', 'vercel'];
/** `env`, `dotenv:<path>`, `railway` or `vercel`; anything else is refused with the list of supported sources. */
function parseSourceSpec(raw) {
    if (raw === 'env' || raw === 'railway' || raw === 'vercel')
        return { kind: raw };
    const dotenv = /^dotenv:(.+)$/.exec(raw);
    if (dotenv?.[1] && dotenv[1].trim() !== '')
        return { kind: 'dotenv', path: dotenv[1].trim() };
    return undefined;
}
const sourceType = {
    form: `one of ${SOURCE_KINDS.map((s) => `'${s}'`).join(', ')}`,
    parse: (raw) => {
        const spec = parseSourceSpec(raw);
        return spec ? { ok: true, value: spec } : { ok: false, expected: sourceType.form };
    },
};
/** A variable or environment name as the schema spells it. */
const manifest_name = (what) => input_types/* pattern */.T1(/^[A-Za-z0-9_.-]{1,100}$/, `${what} (letters, digits, _ . -)`);
/** Where the schema is looked for unless `schema` says otherwise. */
const DEFAULT_SCHEMA = '.github/deploy-env.yml';
/** The catalog's example schema: the seeds' pre-deploy checklists, written as rules. */
const SCHEMA_EXAMPLE = `# .github/deploy-env.yml
# yaml-language-server: $schema=https://raw.githubusercontent.com/OWNER/REPO/v1/schemas/deploy-env.schema.json
environments: [production, staging]
services: [backend, worker, beat, frontend]
variables:
  DJANGO_SECRET_KEY:
    description: Django's signing key
    services: [backend, worker, beat]
    min-length: 50
  DATABASE_URL:
    services: [backend, worker, beat]
    url: { schemes: [postgres, postgresql] }
  JWT_SECRET:
    services: [backend]
    min-length: 32
  STRIPE_WEBHOOK_SECRET:
    services: [backend]
    pattern: ^whsec_
  DEBUG:
    secret: false            # a flag: its value may show in the log
    required: false
    environments:
      production: { forbid: [true, 1, yes, on] }
  FEATURE_PARTNER_MOCKED_DATA:
    secret: false
    environments:
      production: { equals: false }
      staging: { required: false }
  NEXT_PUBLIC_API_URL:
    services: [frontend]
    secret: false
    url: { schemes: [https] }`;
const manifest = defineAction({
    name: 'validate',
    title: 'Deploy Suite: validate before deploying',
    description: 'Pre-deploy readiness: every required variable set for each service and environment and passing its rules (length, pattern, URL, allowed and forbidden values), railway.json / railway.toml / vercel.json well formed, and no secret or .env file committed. Values are never printed.',
    branding: { icon: 'shield', color: 'green' },
    inputs: {
        schema: (0,inputs/* withDefault */.IQ)(input_types/* text */.Qq('a path to a YAML schema file, relative to the working directory, or none'), DEFAULT_SCHEMA, "The variables and their rules (format in the catalog). 'none' skips the variable checks."),
        'env-example': (0,inputs/* optional */.lq)(input_types/* text */.Qq('a path to a .env.example-style file'), 'A simpler schema: every key of this file is a required variable (its values are ignored). Used alongside `schema` or alone.'),
        environment: (0,inputs/* optional */.lq)(manifest_name('an environment name such as production'), "The environment being deployed, which picks the schema's per-environment rules (`environments: production: …`)."),
        services: (0,inputs/* optional */.lq)(input_types/* list */.p_(manifest_name('a service name')), "The services the values are for, which picks the schema's per-service variables and rules. Default: every variable, whatever its services."),
        sources: (0,inputs/* withDefault */.IQ)(input_types/* list */.p_(sourceType), 'env', "Where the values come from, several allowed: 'env' (the job's environment, where secrets are passed in), 'dotenv:<path>' (a dotenv file), 'railway' (the live variables of each of `services` in `environment`), 'vercel' (the variables of `vercel-project` for the environment's target). Later sources win."),
        'railway-token': (0,inputs/* optional */.lq)(input_types/* text */.Qq('a Railway project, account or workspace token'), "For the 'railway' source: a project token (one environment) or an account or workspace token (with railway-project-id). Pass it from a secret. Default: RAILWAY_TOKEN or RAILWAY_API_TOKEN from the environment.", { secret: true }),
        'railway-project-id': (0,inputs/* optional */.lq)(input_types/* pattern */.T1(/^[A-Za-z0-9-]{1,64}$/, 'a Railway project id'), "For the 'railway' source: the project. Optional with a project token, which names its project."),
        'railway-api-url': (0,inputs/* withDefault */.IQ)(input_types/* url */.OZ(), 'https://backboard.railway.com', "Railway's API origin: a proxy, or the local sandbox."),
        'vercel-token': (0,inputs/* optional */.lq)(input_types/* text */.Qq('a Vercel access token'), "For the 'vercel' source: a Vercel access token. Pass it from a secret. Default: VERCEL_TOKEN from the environment.", { secret: true }),
        'vercel-project': (0,inputs/* optional */.lq)(input_types/* pattern */.T1(/^[A-Za-z0-9._-]{1,100}$/, 'a Vercel project name or id'), "For the 'vercel' source: the project whose variables to check; the schema's service of that name applies."),
        'vercel-team-id': (0,inputs/* optional */.lq)(input_types/* pattern */.T1(/^[A-Za-z0-9_-]{1,64}$/, 'a Vercel team id'), 'The Vercel team that owns the project.'),
        'vercel-api-url': (0,inputs/* withDefault */.IQ)(input_types/* url */.OZ(), 'https://api.vercel.com', "Vercel's API origin: a proxy, or the local sandbox."),
        'scan-secrets': (0,inputs/* withDefault */.IQ)(input_types/* boolean */.zM(), 'true', "Scan the tracked files (and on a pull request, its commits) for committed secrets and .env files, with secretlint's recommended rules."),
        'secrets-ignore': (0,inputs/* withDefault */.IQ)(input_types/* text */.Qq('a path to an ignore file'), '.github/deploy-env-ignore', 'False positives of the secret scan: path globs, `fingerprint:<hex>` or `rule:<id>` lines (format in the catalog). A missing file ignores nothing.'),
        'check-config': (0,inputs/* withDefault */.IQ)(input_types/* boolean */.zM(), 'true', 'Check railway.json / railway.toml and vercel.json in the working directory, when present.'),
        'working-directory': (0,inputs/* withDefault */.IQ)(input_types/* text */.Qq(), '.', 'The repository checkout to validate.'),
        'fail-on': (0,inputs/* withDefault */.IQ)(input_types/* oneOf */.yL(FAIL_ON), 'error', "Fail the step on any error ('error'), on any error or warning ('warning'), or never ('never': report only)."),
        report: (0,inputs/* optional */.lq)(input_types/* text */.Qq('a file path'), 'Where to write the JSON report. Default: a file under RUNNER_TEMP.'),
    },
    outputs: {
        errors: { description: 'How many errors were found.' },
        warnings: { description: 'How many warnings were found.' },
        report: { description: 'Path of the JSON report: every finding with its rule, file and line (never a value).' },
        'healthcheck-path': {
            description: "The `deploy.healthcheckPath` of railway.json / railway.toml (the `environment`'s override first), the suggested path for health-gate ('' when none).",
        },
    },
    example: `- name: Validate the release
  uses: OWNER/REPO/actions/validate@v1
  env:
    DJANGO_SECRET_KEY: \${{ secrets.DJANGO_SECRET_KEY }}
    JWT_SECRET: \${{ secrets.JWT_SECRET }}
    STRIPE_WEBHOOK_SECRET: \${{ secrets.STRIPE_WEBHOOK_SECRET }}
    DEBUG: \${{ vars.DEBUG }}
  with:
    environment: production
    services: backend, worker
    sources: env`,
    notes: `### The schema file

\`schema\` (default \`.github/deploy-env.yml\`) lists the variables a release needs and the rules their values must pass. Every variable is required unless it says \`required: false\`; the other rules are checked when the value is set. The example is the seeds' pre-deploy checklist:

\`\`\`yaml
${SCHEMA_EXAMPLE}
\`\`\`

| rule | the value… | finding |
|---|---|---|
| \`required\` | is set and not blank (default \`true\`) | \`missing\`, \`set but empty\` |
| \`min-length\` | has at least this many characters | \`too short (12 < 50)\` |
| \`pattern\` | matches this regular expression (not anchored: write \`^…$\`) | \`does not match the pattern /^whsec_/\` |
| \`enum\` | is one of these | \`is not one of the allowed values (…)\` |
| \`url\` | is an absolute URL; \`{ schemes: [https] }\` limits the scheme (\`true\`: http, https) | \`is not an absolute URL\` |
| \`equals\` | is exactly this | \`does not equal the required value 'false'\` |
| \`forbid\` | is none of these | \`matches a forbidden value\` |

\`enum\`, \`equals\` and \`forbid\` compare without case (\`True\` = \`true\`) unless \`case-sensitive: true\`; bare YAML values (\`false\`, \`1\`) compare as text. **Scopes:** \`services\` and \`environments\` limit a variable to the services and environments named, as a list, or as a map whose entries add or override rules there (service rules over the variable's, environment rules over both; an empty entry, \`staging:\`, just includes it). The \`environment\` input picks the environment; without it, variables limited to environments are not checked. The \`services\` input names the services the values are for (default: every variable is checked, whatever its services); a problem shared by several is reported once, naming them. Top-level \`environments\` and \`services\` lists make a misspelt name in a scope an error.

A malformed schema fails the step before any value is read, with each problem's line and field: \`.github/deploy-env.yml:12: variables.JWT_SECRET.min-length: Invalid input: expected number, received string\`. [\`schemas/deploy-env.schema.json\`](schemas/deploy-env.schema.json), generated from the same zod schema, gives editors completion and checking (the \`yaml-language-server\` comment above).

The simpler form: \`env-example: .env.example\` makes every key of that file required (its values are ignored), alone (when there is no \`.github/deploy-env.yml\`, or with \`schema: none\`) or with a schema.

### Sources of values

\`env\` reads the job's environment (pass secrets in with \`env:\`), \`dotenv:<path>\` a dotenv file, parsed by the \`dotenv\` package as the apps read it. Several may be given; later ones win. Two read the platforms, each service on its own (a variable missing on one service is reported for that one):

- \`railway\`: the live variables of each of \`services\` in \`environment\` (shared and the service's own, rendered, as \`railway run\` gives them), with \`railway-token\` (a project token, or an account or workspace token with \`railway-project-id\`; default \`RAILWAY_TOKEN\` / \`RAILWAY_API_TOKEN\`) and \`railway-api-url\`.
- \`vercel\`: the variables of \`vercel-project\` for the target the environment maps to (\`production\`, \`development\`, else \`preview\`), checked against the schema's service of the project's name, with \`vercel-token\` (default \`VERCEL_TOKEN\`), \`vercel-team-id\` and \`vercel-api-url\`. Vercel lists names and targets but keeps values encrypted, so this source finds missing variables only; value rules apply to the sources that give values.
 Values are never printed: every value of a variable not marked \`secret: false\` is masked (\`add-mask\`) as soon as it is read, and findings say only what is wrong. A finding points at the dotenv line that sets a wrong value, or else at the schema line of the rule. Other sources are refused with the list of supported ones.

### Platform config files

\`railway.json\`, \`railway.toml\` (parsed with smol-toml) and \`vercel.json\`, at the top of the working directory and up to two folders down (\`web/vercel.json\`, \`apps/api/railway.toml\`; in a git checkout the tracked ones, as a deploy ships them; never in \`node_modules\` or dot-folders), must parse and validate (with Ajv) against a JSON Schema of each platform. Each finding names the field and its line, one per mistake; an unknown key says which key it was probably meant to be (\`healthCheckPath\`: did you mean \`healthcheckPath\`?), or for Railway that it belongs in the other section (\`deploy.buildCommand\`) (\`functions["api/*.js"].memory: must be <= 10240\`, \`deploy.restartPolicyType: expected one of "ON_FAILURE", "ALWAYS", "NEVER"\`).

- **vercel.json**: the routing keys (\`routes\`, \`rewrites\`, \`redirects\`, \`headers\`, \`cleanUrls\`, \`trailingSlash\`), \`functions\` and \`builds\` are checked against the schemas Vercel publishes in \`@vercel/routing-utils\` and \`@vercel/build-utils\`, the ones the Vercel CLI checks before it deploys: anything they refuse, an unknown key included, is an error (marked \`Vercel's schema\`). So are \`routes\` beside the newer routing keys and \`functions\` beside \`builds\`, which Vercel refuses. The other top-level keys are typed from Vercel's project configuration reference; a key outside them is a warning.
- **railway.json / railway.toml**: Railway serves its schema (\`railway.com/railway.schema.json\`) from its site only, so the schema used is written from the build and deploy settings Railway publishes in its CLI's typed configuration and its Config as Code reference (including \`environments\` overrides; enum values in either case, as Railway reads them). A wrong type or value is an error; an unknown key is a warning (a typo such as \`healthCheckPath\`, or a setting newer than the schema).

When a folder has both \`railway.toml\` and \`railway.json\`, Railway reads the TOML one: a warning says so. Railway's \`deploy.healthcheckPath\` (for \`environment\`, its override under \`environments\` first, as Railway resolves it) is the \`healthcheck-path\` output, the path to give health-gate.

### Secret scan

With \`scan-secrets\` (default on), every tracked file (\`git ls-files\`; binary files and files over 1 MiB skipped) goes through secretlint's recommended preset (AWS, GCP, GitHub, GitLab, Slack, npm, OpenAI, Anthropic, SendGrid, Shopify, private keys, basic auth and database URLs with passwords, …) plus Stripe live keys (\`sk_live_\`, \`rk_live_\`) and webhook secrets (\`whsec_\`) through secretlint's pattern rule; committed dotenv files (\`.env\`, \`.env.production\`; not \`.env.example\`, \`.sample\`, \`.template\`) are errors too. On a pull request, the lines each of its commits added are scanned as well, so a key committed and then deleted is still found (this needs \`fetch-depth: 0\`; a shallow clone gets a warning). Each finding is an annotation at its file and line, showing the secret masked (\`sk_l…(40 chars)\`) and a fingerprint. secretlint's \`secretlint-disable-line\` comments work; false positives go in \`secrets-ignore\` (default \`.github/deploy-env-ignore\`):

\`\`\`text
# one rule a line; a # after a space starts a comment. A rule that matches nothing is named in a warning.
test/fixtures/**            # a path glob; without a slash it matches at any depth
docs/                       # a folder
fingerprint:3f9a0c1b2d4e5f60   # one found value, by its fingerprint
rule:basicauth              # a whole rule (secretlint's id, or its short name; committed-env-file too)
\`\`\`

### Outcome

Every finding is an annotation (error or warning) and a row of the summary table; the JSON report (\`report\` output) lists them all with rule, file, line, service and source, never a value. \`fail-on: error\` (default) fails the step on any error, \`warning\` on any finding, \`never\` only reports.`,
    check: (inputs) => {
        const problems = [];
        if (inputs.sources.some((s) => s.kind === 'vercel') && inputs.vercelProject === undefined) {
            problems.push({
                input: 'vercel-project',
                shown: 'is required with sources: vercel',
                expected: 'expected the Vercel project name or id whose variables to check',
            });
        }
        if (inputs.sources.some((s) => s.kind === 'railway') && (inputs.services ?? []).length === 0) {
            problems.push({
                input: 'services',
                shown: 'is required with sources: railway',
                expected: 'expected the Railway services whose variables to check, e.g. backend, worker',
            });
        }
        if (inputs.schema.toLowerCase() === 'none' && inputs.envExample === undefined && !inputs.scanSecrets && !inputs.checkConfig) {
            problems.push({
                input: 'schema',
                shown: 'got "none"',
                expected: 'expected something to check: a schema, an env-example, scan-secrets or check-config',
            });
        }
        return problems;
    },
});


/***/ }),

/***/ 1938:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export parseBytes */
/** Sizes as people write and read them: `1MiB`, `512KiB`, `10MB`, or plain bytes. */
const UNITS = {
    b: 1,
    kb: 1000,
    mb: 1000 ** 2,
    gb: 1000 ** 3,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
};
/** Parses `1MiB`, `512KiB`, `10MB`, `2048` (bytes) into bytes; undefined when unreadable. */
function parseBytes(raw) {
    const match = /^(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?$/i.exec(raw.trim());
    if (!match)
        return undefined;
    const value = Number(match[1]) * (UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1);
    return Number.isFinite(value) ? Math.floor(value) : undefined;
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 ** 2)
        return `${trim(bytes / 1024)} KiB`;
    if (bytes < 1024 ** 3)
        return `${trim(bytes / 1024 ** 2)} MiB`;
    return `${trim(bytes / 1024 ** 3)} GiB`;
}
function trim(value) {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
}


/***/ }),

/***/ 143:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ cancellation),
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7638);
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

/***/ 9713:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export parseDuration */
/** Durations as people write and read them: `90s`, `5m`, `1h`, `1m30s`, `250ms`, plain seconds. */
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


/***/ }),

/***/ 7638:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/* unused harmony export DeadlineError */
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

/***/ 8454:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qq: () => (/* binding */ HttpClient),
  j$: () => (/* binding */ HttpError)
});

// UNUSED EXPORTS: headerProblem, isIdempotent, isRedirectStatus, isRetryableStatus, retryAfterMs

// EXTERNAL MODULE: ./packages/core/src/clock.ts
var clock = __nccwpck_require__(143);
// EXTERNAL MODULE: ./packages/core/src/duration.ts
var duration = __nccwpck_require__(9713);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/bytes.ts
var bytes = __nccwpck_require__(1938);
;// CONCATENATED MODULE: ./packages/core/src/http-body.ts
/**
 * Reading an answer's body: streamed with a cap, so a server sending 600 MB costs at most the
 * cap (the rest is never read), and decoded by the charset the answer declares.
 */

/** What is read of a body unless the caller raises it. */
const DEFAULT_MAX_BODY = 1024 * 1024;
class BodyTooLargeError extends Error {
    limit;
    constructor(limit, declared) {
        super(`body larger than ${(0,bytes/* formatBytes */.z)(limit)}${declared === undefined ? '' : ` (Content-Length ${(0,bytes/* formatBytes */.z)(declared)})`}; raise the body limit if this answer is expected`);
        this.name = 'BodyTooLargeError';
        this.limit = limit;
    }
}
/** Reads at most `limit` bytes of a body; stops reading and throws past it. */
async function readCapped(response, limit) {
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limit) {
        await response.body?.cancel().catch(() => undefined);
        throw new BodyTooLargeError(limit, declared);
    }
    if (!response.body)
        return new Uint8Array(0);
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > limit) {
            await reader.cancel().catch(() => undefined);
            throw new BodyTooLargeError(limit);
        }
        chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
    }
    return bytes;
}
/** Drops a body without reading it (a redirect's), so the connection can be reused or closed. */
async function discard(response) {
    await response.body?.cancel().catch(() => undefined);
}
/** The `charset` parameter of a Content-Type, lower-cased; undefined when there is none. */
function charsetOf(contentType) {
    const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
    return match?.[1]?.toLowerCase();
}
/**
 * Decodes a body by its declared charset (`iso-8859-1`, `windows-1252`, `shift_jis`…), UTF-8
 * when none is declared or the label is unknown. Invalid bytes become U+FFFD, never an error.
 */
function decodeBody(bytes, contentType) {
    const charset = charsetOf(contentType);
    if (charset !== undefined) {
        try {
            return new TextDecoder(charset).decode(bytes);
        }
        catch {
            // An unknown label: fall back to UTF-8, as browsers do.
        }
    }
    return new TextDecoder().decode(bytes);
}

;// CONCATENATED MODULE: ./packages/core/src/proxy.ts
/**
 * Outgoing proxies, as runners behind one configure them: `HTTPS_PROXY`, `HTTP_PROXY` and
 * `NO_PROXY` (lower-case too). Node's fetch ignores them, so the client passes undici's
 * `EnvHttpProxyAgent` as fetch's `dispatcher`. undici is loaded only when a proxy variable is set:
 * most runners have none, and loading it costs every step's cold start.
 */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
/** The proxy settings of an environment; undefined when no proxy is set. */
function proxySettings(env) {
    if (!PROXY_VARIABLES.some((name) => (env[name] ?? '').trim() !== ''))
        return undefined;
    const pick = (upper, lower) => (env[lower] ?? '').trim() || (env[upper] ?? '').trim() || undefined;
    const httpProxy = pick('HTTP_PROXY', 'http_proxy');
    return {
        httpProxy,
        // As curl and undici: HTTPS_PROXY for https URLs, falling back to HTTP_PROXY.
        httpsProxy: pick('HTTPS_PROXY', 'https_proxy') ?? httpProxy,
        noProxy: pick('NO_PROXY', 'no_proxy'),
    };
}
/** The dispatcher for an environment's proxy, or undefined (and nothing loaded) when none is set. */
async function proxyDispatcher(env) {
    const settings = proxySettings(env);
    if (!settings)
        return undefined;
    const { EnvHttpProxyAgent } = await __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6752, 19));
    // npm undici's agent and Node's bundled fetch share undici's dispatcher interface.
    return new EnvHttpProxyAgent({
        ...(settings.httpProxy ? { httpProxy: settings.httpProxy } : {}),
        ...(settings.httpsProxy ? { httpsProxy: settings.httpsProxy } : {}),
        ...(settings.noProxy ? { noProxy: settings.noProxy } : {}),
    });
}

// EXTERNAL MODULE: ./packages/core/src/secrets.ts
var secrets = __nccwpck_require__(7620);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __nccwpck_require__(3023);
// EXTERNAL MODULE: ./packages/core/src/urls.ts
var urls = __nccwpck_require__(3199);
;// CONCATENATED MODULE: ./packages/core/src/http.ts
/**
 * The one HTTP client every network call goes through: a timeout for each attempt, a deadline
 * for the whole request, retries with exponential backoff and full jitter on network errors,
 * 408, 429 and 5xx (honouring `Retry-After`), never on other 4xx and never a non-idempotent
 * request unless asked; errors that carry the method, a redacted URL, the status and a scrubbed
 * excerpt of the body.
 *
 * Redirects are followed here, not by fetch (`redirect: 'manual'`): a bounded chain, 303 (and
 * 301/302 of a POST) turned into a GET as fetch does, every hop recorded, and credential headers
 * (`isCredentialHeader`: Authorization, cookies, API keys, bypass tokens) dropped on any hop to
 * another origin, where fetch would drop only `Authorization`. A caller may also take the 3xx as
 * the answer (`redirect: 'manual'`) or refuse it (`redirect: 'error'`, as @slack/webhook asks).
 *
 * A body is read streamed up to a cap (1 MiB unless raised) and decoded by its declared charset.
 * Credentials in a URL are sent as Basic auth. `HTTPS_PROXY`/`NO_PROXY` are honoured (proxy.ts).
 *
 * It sends with Node's built-in fetch, which is undici: the npm undici package would add 1.6 MB
 * to every bundle and triple its cold start, so it is loaded only when a proxy is configured.
 * `fetch` is injectable, and `client.fetch` is a fetch-compatible view of the client for
 * libraries that take one (@slack/webhook), so their requests get the same rules.
 */








const noSecrets = { scrub: (text) => text };
class HttpError extends errors/* UserError */.yo {
    method;
    url;
    status;
    bodyExcerpt;
    /** Why no usable answer came back (refused, reset, timed out), when it was not a status. */
    reason;
    attempts;
    /** Trying again cannot help: the request itself cannot be sent, or the answer is refused by rule. */
    permanent;
    constructor(init) {
        const shownUrl = (init.describeUrl ?? secrets/* maskUrl */.yP)(init.url);
        const where = `${init.method} ${shownUrl}`;
        const bodyExcerpt = init.body === undefined ? undefined : (0,untrusted/* excerpt */.Kb)(init.body, init.secrets ?? noSecrets);
        const what = init.status !== undefined
            ? `answered ${init.status}${bodyExcerpt ? `: ${bodyExcerpt}` : ''}${init.reason ? ` (${init.reason})` : ''}`
            : `failed: ${init.reason ?? 'network error'}`;
        const tries = init.attempts > 1 ? ` (after ${init.attempts} attempts)` : '';
        super(`${init.service} ${where} ${what}${tries}`, { hint: init.hint ?? hintFor(init.status) });
        this.name = 'HttpError';
        this.method = init.method;
        this.url = shownUrl;
        this.status = init.status;
        this.bodyExcerpt = bodyExcerpt;
        this.reason = init.reason;
        this.attempts = init.attempts;
        this.permanent = init.permanent ?? false;
    }
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
/** Methods a server must be able to receive twice with the effect of once (RFC 9110 9.2.2). */
function isIdempotent(method) {
    return ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'].includes(method.toUpperCase());
}
function isRedirectStatus(status) {
    return [301, 302, 303, 307, 308].includes(status);
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
    if (error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated'))
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
/** A header name fetch accepts: an RFC 9110 token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A header value fetch accepts: Latin-1 without control characters other than tab. */
const HEADER_VALUE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;
/** Why a header cannot be sent, or undefined. Values are never quoted: they may be secrets. */
function headerProblem(name, value) {
    if (!TOKEN.test(name))
        return `header name ${JSON.stringify(name)} is not a valid HTTP header name`;
    if (/[\r\n]/.test(value))
        return `header ${name} holds a line break, which HTTP cannot send`;
    if (!HEADER_VALUE.test(value))
        return `header ${name} holds a character HTTP cannot send (only Latin-1 text is allowed; percent-encode others)`;
    return undefined;
}
/** Strips what fetch would send along on a redirect that becomes a GET. */
function withoutBodyHeaders(headers) {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-(type|length|encoding|language|location)$/i.test(name)));
}
class HttpClient {
    options;
    dispatcher;
    constructor(options = {}) {
        this.options = {
            fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
            timeout: options.timeout ?? 30_000,
            deadline: options.deadline ?? 120_000,
            retries: options.retries ?? 5,
            retryUnsafe: options.retryUnsafe ?? false,
            backoffBase: options.backoffBase ?? 500,
            backoffCap: options.backoffCap ?? 10_000,
            clock: options.clock ?? clock/* systemClock */.m,
            random: options.random ?? Math.random,
            service: options.service ?? 'HTTP',
            maxBody: options.maxBody ?? DEFAULT_MAX_BODY,
            maxRedirects: options.maxRedirects ?? 10,
            env: options.env ?? process.env,
            describeUrl: options.describeUrl ?? secrets/* maskUrl */.yP,
            secrets: options.secrets ?? noSecrets,
            logger: options.logger,
            headers: options.headers,
            userAgent: options.userAgent,
            signal: options.signal,
        };
    }
    /** Shows a URL as this client's errors and logs do. */
    describe(url) {
        return this.options.describeUrl(url);
    }
    async request(url, options = {}) {
        const o = this.options;
        const method = (options.method ?? 'GET').toUpperCase();
        const timeout = options.timeout ?? o.timeout;
        const retriesAllowed = isIdempotent(method) || (options.retryUnsafe ?? o.retryUnsafe);
        const retries = options.retries ?? o.retries;
        const redirectMode = options.redirect ?? 'follow';
        const maxBody = options.maxBody ?? o.maxBody;
        const start = o.clock.now();
        const deadlineAt = start + (options.deadline ?? o.deadline);
        const signals = [o.signal, options.signal].filter((s) => s !== undefined);
        const outer = signals.length > 0 ? AbortSignal.any(signals) : undefined;
        const headers = { ...o.headers, ...options.headers };
        if (o.userAgent && !Object.keys(headers).some((h) => h.toLowerCase() === 'user-agent'))
            headers['user-agent'] = o.userAgent;
        let body = options.body;
        if (options.json !== undefined) {
            body = JSON.stringify(options.json);
            if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
                headers['content-type'] = 'application/json';
        }
        const fail = (init) => new HttpError({
            service: o.service,
            method,
            secrets: o.secrets,
            describeUrl: o.describeUrl,
            ...init,
            url: init.url ?? url,
        });
        // Checked before anything is sent: trying again cannot fix these.
        const control = (0,urls/* describeControlCharacter */.WK)(url);
        if (control)
            throw fail({ reason: `the URL holds ${control}`, attempts: 0, permanent: true });
        const credentials = (0,urls/* splitUrlCredentials */.CN)(url);
        if (!URL.canParse(credentials.url))
            throw fail({ reason: 'not a valid URL', attempts: 0, permanent: true });
        if (credentials.authorization && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'))
            headers.authorization = credentials.authorization;
        for (const [name, value] of Object.entries(headers)) {
            const problem = headerProblem(name, value);
            if (problem)
                throw fail({ reason: problem, attempts: 0, permanent: true });
        }
        this.dispatcher ??= proxyDispatcher(o.env);
        const dispatcher = await this.dispatcher;
        for (let attempt = 1;; attempt++) {
            if (outer?.aborted)
                throw (0,clock/* cancellation */.W)(outer);
            const remaining = deadlineAt - o.clock.now();
            const attemptSignal = AbortSignal.any([
                // Whole milliseconds: AbortSignal.timeout refuses fractions, and clock times have them.
                AbortSignal.timeout(Math.max(1, Math.ceil(Math.min(timeout, remaining)))),
                ...(outer ? [outer] : []),
            ]);
            let retryReason;
            let waitAtLeast = 0;
            let lastFailure;
            let current = credentials.url;
            let currentMethod = method;
            let currentBody = body;
            let currentHeaders = headers;
            const redirects = [];
            try {
                let response;
                for (;;) {
                    const init = {
                        method: currentMethod,
                        headers: currentHeaders,
                        body: currentBody,
                        signal: attemptSignal,
                        redirect: 'manual',
                    };
                    if (dispatcher)
                        init.dispatcher = dispatcher;
                    response = await o.fetch(current, init);
                    const location = response.headers.get('location');
                    if (!isRedirectStatus(response.status) || location === null || redirectMode === 'manual')
                        break;
                    await discard(response);
                    const next = URL.canParse(location, current) ? new URL(location, current).toString() : undefined;
                    if (next === undefined || !/^https?:$/.test(new URL(next).protocol))
                        throw fail({
                            status: response.status,
                            reason: 'redirect to an invalid URL',
                            attempts: attempt,
                            url: current,
                            permanent: true,
                        });
                    if (redirectMode === 'error')
                        throw fail({
                            status: response.status,
                            reason: `a redirect to ${o.describeUrl(next)}, and redirects are refused for this request`,
                            attempts: attempt,
                            url: current,
                            permanent: true,
                        });
                    if (redirects.length >= o.maxRedirects)
                        throw fail({ reason: `more than ${o.maxRedirects} redirects`, attempts: attempt, url: current, permanent: true });
                    const crossOrigin = new URL(next).origin !== new URL(current).origin;
                    const dropped = crossOrigin ? Object.keys(currentHeaders).filter(secrets/* isCredentialHeader */.b5) : [];
                    if (dropped.length > 0)
                        currentHeaders = Object.fromEntries(Object.entries(currentHeaders).filter(([name]) => !(0,secrets/* isCredentialHeader */.b5)(name)));
                    // As fetch: 303 becomes a GET (HEAD stays HEAD), and so do 301 and 302 after a POST.
                    const toGet = (response.status === 303 && currentMethod !== 'GET' && currentMethod !== 'HEAD') ||
                        ([301, 302].includes(response.status) && currentMethod === 'POST');
                    if (toGet) {
                        currentMethod = 'GET';
                        currentBody = undefined;
                        currentHeaders = withoutBodyHeaders(currentHeaders);
                    }
                    redirects.push({ status: response.status, from: current, to: next, dropped });
                    o.logger?.debug(`${o.service} ${currentMethod} ${o.describeUrl(current)}: ${response.status} → ${o.describeUrl(next)}${dropped.length > 0 ? ` (another origin: ${dropped.join(', ')} not sent)` : ''}`);
                    current = next;
                }
                const finalUrl = current;
                let bytes;
                try {
                    bytes = await readCapped(response, maxBody);
                }
                catch (error) {
                    if (error instanceof BodyTooLargeError)
                        throw fail({ status: response.status, reason: error.message, attempts: attempt, url: finalUrl, permanent: true });
                    throw error;
                }
                const text = decodeBody(bytes, response.headers.get('content-type'));
                const answer = (attempts, failure) => ({
                    status: response.status,
                    headers: response.headers,
                    body: bytes,
                    text,
                    attempts,
                    url: finalUrl,
                    redirects,
                    json: () => parseJson(text, failure),
                });
                const notJson = () => fail({ status: response.status, body: text, reason: 'not JSON', attempts: attempt, url: finalUrl });
                if (!isRetryableStatus(response.status)) {
                    if (response.status >= 400 && !options.anyStatus)
                        throw fail({ status: response.status, body: text, attempts: attempt, url: finalUrl });
                    return answer(attempt, notJson);
                }
                retryReason = `status ${response.status}`;
                waitAtLeast = retryAfterMs(response.headers, Date.now()) ?? 0;
                lastFailure = fail({ status: response.status, body: text, attempts: attempt, url: finalUrl });
                // A 429 was refused, not processed: it is safe to send again whatever the method.
                const mayRetry = retriesAllowed || response.status === 429;
                if (options.anyStatus && (!mayRetry || attempt > retries || waitAtLeast > deadlineAt - o.clock.now()))
                    return answer(attempt, () => lastFailure);
                if (!mayRetry)
                    throw lastFailure;
            }
            catch (error) {
                if (error instanceof HttpError)
                    throw error;
                if (outer?.aborted)
                    throw (0,clock/* cancellation */.W)(outer);
                if (error instanceof errors/* CancelledError */.cc || !isNetworkError(error))
                    throw error;
                retryReason = networkReason(error);
                lastFailure = fail({ reason: retryReason, attempts: attempt, url: current });
                // A refused connection never reached the server; other failures may have.
                if (!retriesAllowed && !/ECONNREFUSED/.test(retryReason))
                    throw lastFailure;
            }
            const left = deadlineAt - o.clock.now();
            if (attempt > retries)
                throw lastFailure;
            if (left <= 0)
                throw fail({
                    reason: `deadline of ${(0,duration/* formatDuration */.a)(deadlineAt - start)} passed; last: ${retryReason}`,
                    attempts: attempt,
                });
            const ceiling = Math.min(o.backoffCap, o.backoffBase * 2 ** (attempt - 1));
            const delay = Math.max(waitAtLeast, o.random() * ceiling);
            if (delay > left) {
                throw fail({
                    reason: `${retryReason}; the next try (in ${(0,duration/* formatDuration */.a)(delay)}) would pass the deadline`,
                    attempts: attempt,
                });
            }
            o.logger?.debug(`${o.service} ${method} ${o.describeUrl(url)}: ${retryReason}; retry ${attempt}/${retries} in ${(0,duration/* formatDuration */.a)(delay)}`);
            await o.clock.sleep(delay, outer);
        }
    }
    /**
     * A fetch-compatible view of the client for libraries that take a fetch function: the same
     * retries, deadline, body cap and redirect rules (`redirect: 'error'` and `'manual'` are
     * honoured), and the final answer, whatever its status, as a Response.
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
            ...(init.redirect ? { redirect: init.redirect } : {}),
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

/***/ 9747:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  zM: () => (/* binding */ input_types_boolean),
  a3: () => (/* reexport */ duration/* formatDuration */.a),
  p_: () => (/* binding */ list),
  yL: () => (/* binding */ oneOf),
  T1: () => (/* binding */ pattern),
  Qq: () => (/* binding */ input_types_text),
  OZ: () => (/* binding */ url)
});

// UNUSED EXPORTS: bytes, duration, fromSchema, integer, keyValues, parseDuration, timestamp, urls

// EXTERNAL MODULE: ./packages/core/src/bytes.ts
var bytes = __nccwpck_require__(1938);
// EXTERNAL MODULE: ./packages/core/src/duration.ts
var duration = __nccwpck_require__(9713);
;// CONCATENATED MODULE: ./packages/core/src/lines.ts
/**
 * The one line splitter for multi-line inputs and documents: `\n`, `\r\n` or a lone `\r`, each
 * line trimmed, blank lines dropped. `# comments` are the caller's business (a header value or a
 * URL may hold `#`).
 */
function lines_splitLines(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
}
/** Lines as `splitLines` gives them, keeping their 1-based line numbers (for error messages). */
function lines_numberedLines(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map((raw, index) => ({ line: index + 1, text: raw.trim() }))
        .filter((entry) => entry.text !== '');
}
/** Items of a list of words: one a line or comma-separated. Never for URLs, which may hold commas. */
function splitWords(text) {
    return lines_splitLines(text).flatMap((line) => line
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''));
}

// EXTERNAL MODULE: ./packages/core/src/urls.ts
var urls = __nccwpck_require__(3199);
;// CONCATENATED MODULE: ./packages/core/src/input-types.ts
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




// Kept for the modules that still import them from here; new code imports duration.ts.

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
function input_types_text(form = 'text') {
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
function input_types_boolean() {
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
/** A duration in milliseconds. */
function input_types_duration(options = {}) {
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
        // The URL parser drops line breaks and tabs: a two-line value would request a URL nobody wrote.
        const control = (0,urls/* describeControlCharacter */.WK)(raw);
        if (control)
            return bad(`${form}, on one line; this value holds ${control}`);
        if (!URL.canParse(raw))
            return bad(form);
        const parsed = new URL(raw);
        return protocols.includes(parsed.protocol) && parsed.hostname !== '' ? ok(raw) : bad(form);
    });
}
/** URLs, one a line: never split on commas, which a URL may hold (`?checks=db,cache`). */
function input_types_urls(options = {}) {
    const item = url(options);
    const form = `URLs, one a line, each ${item.form}`;
    return type(form, (raw) => {
        const values = [];
        for (const entry of splitLines(raw)) {
            const parsed = item.parse(entry);
            if (!parsed.ok)
                return bad(`${form}; ${JSON.stringify(entry)} is not`);
            values.push(parsed.value);
        }
        return values.length > 0 ? ok(values) : bad(form);
    });
}
/** A list of words (names, statuses, ids): one a line or comma-separated; blank items dropped. */
function list(item) {
    const form = `a list, one item a line or comma-separated${item ? `, each ${item.form}` : ''}`;
    return type(form, (raw) => {
        const values = [];
        for (const entry of splitWords(raw)) {
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
/** A size in bytes: `1MiB`, `512KiB`, `10MB` or plain bytes. */
function input_types_bytes(options = {}) {
    const { min = 0, max = 1024 ** 3 } = options;
    const form = `a size such as 512KiB, 1MiB, 10MB or plain bytes, from ${formatBytes(min)} to ${formatBytes(max)}`;
    return type(form, (raw) => {
        const value = parseBytes(raw);
        return value === undefined || value < min || value > max ? bad(form) : ok(value);
    });
}
/** `KEY=VALUE`, one pair a line; blank lines and `#` comments are skipped; values may hold `=`. */
function keyValues() {
    const form = 'KEY=VALUE pairs, one a line (keys are letters, digits, _ . -)';
    return type(form, (raw) => {
        const pairs = [];
        for (const { line, text: trimmed } of numberedLines(raw)) {
            if (trimmed.startsWith('#'))
                continue;
            const eq = trimmed.indexOf('=');
            const key = eq > 0 ? trimmed.slice(0, eq).trim() : '';
            if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key))
                return bad(`${form}; line ${line} is not`);
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

/***/ 7276:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IQ: () => (/* binding */ withDefault),
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   lq: () => (/* binding */ optional)
/* harmony export */ });
/* unused harmony exports required, camelCase, inputVariable */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7638);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3023);
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
/** The value as an error may show it: scrubbed (a secret given to another input too), then cut and quoted. */
function show(raw, spec, secrets) {
    if (spec.secret)
        return 'got *** (a secret, not shown)';
    return `got ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(raw, secrets, 80)}`;
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
            problems.push({ input: name, shown: show(raw, spec, runner.secrets), expected: `expected ${result.expected}` });
    }
    if (problems.length === 0 && options.check)
        problems.push(...options.check(parsed));
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(problems);
    return parsed;
}


/***/ }),

/***/ 4739:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  C: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./packages/core/src/clock.ts
var src_clock = __nccwpck_require__(143);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./packages/core/src/context.ts
/**
 * What the run knows about itself, from the runner's `GITHUB_*` variables and the event file.
 * A light reader: @actions/github's context drags in Octokit, which no action needs just to
 * know its commit and run link.
 */

function readEvent(path) {
    if (!path || !(0,external_node_fs_.existsSync)(path))
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
function readRunContext(env = process.env) {
    const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
    const repository = env.GITHUB_REPOSITORY ?? '';
    const event = readEvent(env.GITHUB_EVENT_PATH);
    // `${{ github.sha }}` is GITHUB_SHA in every event: a deploy stamped with it and a gate that
    // expects it must agree, so the head of a pull request is a field of its own.
    const sha = env.GITHUB_SHA ?? '';
    const headSha = event.pull_request?.head?.sha ?? sha;
    const runId = env.GITHUB_RUN_ID ?? '';
    const runAttempt = env.GITHUB_RUN_ATTEMPT ?? '1';
    const repoUrl = repository ? `${serverUrl}/${repository}` : undefined;
    return {
        serverUrl,
        apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
        repository,
        sha,
        shortSha: sha.slice(0, 7),
        headSha,
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
var errors = __nccwpck_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/http.ts + 2 modules
var http = __nccwpck_require__(8454);
// EXTERNAL MODULE: ./packages/core/src/inputs.ts
var src_inputs = __nccwpck_require__(7276);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/secrets.ts
var secrets = __nccwpck_require__(7620);
;// CONCATENATED MODULE: ./packages/core/src/runner.ts
/**
 * The GitHub runner protocol: workflow commands on stdout (`::error::`, `::add-mask::`,
 * `::group::`) and the environment files (`GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_STATE`,
 * `GITHUB_PATH`, `GITHUB_STEP_SUMMARY`), as documented in "Workflow commands for GitHub Actions".
 *
 * Why not @actions/core: at load time it imports @actions/http-client, which imports undici for
 * OIDC tokens. That one import takes a bundle's cold start from 1.2x to 2.5x bare `node -e 0`
 * (measured here, Node 24), and every action pays it even when it exits on a missing input. The
 * protocol itself is a handful of escaping rules and a heredoc format; @actions/core stays the
 * oracle: test/unit/core/runner-differential.test.ts makes the same calls through both and
 * compares the bytes.
 *
 * What reaches a reader (log lines, annotations, the summary) is scrubbed of registered secrets
 * before it is escaped or cut: the runner masks `add-mask`ed values in its log, but not in the
 * summary, and not in a local run. What feeds later steps (outputs, exported variables, state,
 * the path) is written as given: a later step must get the real value, so no secret may be put
 * into one in the first place (mask at the source: `maskUrl`, `excerpt`, `quote`).
 */





/**
 * The runner refuses a step summary over 1 MiB (and shows none of it). Stay well below, leaving
 * room for the note that says the summary was cut.
 */
const SUMMARY_LIMIT = 1024 * 1024 - 16 * 1024;
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** Our property names → the runner's, in the order @actions/core sends them. Others are dropped. */
const wireNames = [
    ['title', 'title'],
    ['file', 'file'],
    ['startLine', 'line'],
    ['endLine', 'endLine'],
    ['startColumn', 'col'],
    ['endColumn', 'endColumn'],
];
class Runner {
    env;
    secrets;
    write;
    randomId;
    summaryLimit;
    summaryFull = false;
    /** Set while outside lines are being written inside a `stop-commands` block. */
    stopToken;
    constructor(options = {}) {
        this.env = options.env ?? process.env;
        this.write = options.write ?? ((text) => process.stdout.write(text));
        this.secrets = options.secrets ?? new secrets/* SecretRegistry */.ks();
        this.randomId = options.randomId ?? external_node_crypto_.randomUUID;
        this.summaryLimit = options.summaryLimit ?? SUMMARY_LIMIT;
    }
    get isDebug() {
        return this.env.RUNNER_DEBUG === '1' || this.env.ACTIONS_STEP_DEBUG === 'true';
    }
    /**
     * Issues `::name props::message`. Message and property values are scrubbed, then escaped, so
     * the command stays one line whatever the text holds (a newline becomes %0A: text after it
     * can never start a line of its own, let alone a command). Empty values are left out.
     */
    command(name, message, properties = {}) {
        this.resumeCommands();
        const props = Object.entries(properties)
            .filter(([, v]) => v !== undefined && v !== '' && v !== 0)
            .map(([k, v]) => `${k}=${escapeProperty(this.secrets.scrub(String(v)))}`)
            .join(',');
        this.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(this.secrets.scrub(message))}${external_node_os_namespaceObject.EOL}`);
    }
    /** One line of our own; outside text goes through `quote` (untrusted.ts) or `untrusted`. */
    info(message) {
        this.write(`${this.secrets.scrub(message)}${external_node_os_namespaceObject.EOL}`);
    }
    /**
     * One line of outside text (tool output, a build log), scrubbed and written inside a
     * `stop-commands` block with a random token, so nothing in it (`::set-output …`, an indented
     * `::stop-commands::`, `##[…]` mid-line) is executed. The block opens at the first such line and
     * is closed before any command of ours, which the runner would otherwise ignore.
     */
    untrusted(line) {
        if (this.stopToken === undefined) {
            this.stopToken = this.randomId();
            this.write(`::stop-commands::${this.stopToken}${external_node_os_namespaceObject.EOL}`);
        }
        this.write(`${this.secrets.scrub(line)}${external_node_os_namespaceObject.EOL}`);
    }
    /** Ends an open `stop-commands` block: the runner processes commands again. */
    resumeCommands() {
        if (this.stopToken === undefined)
            return;
        this.write(`::${this.stopToken}::${external_node_os_namespaceObject.EOL}`);
        this.stopToken = undefined;
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
     * Registers a secret: the runner masks it in the log, and this process scrubs it (and the
     * encoded forms it takes on the way out) from everything a reader sees. Empty and
     * one-character values are not registered: masking them would garble every line.
     */
    setSecret(value) {
        const variants = this.secrets.add(value);
        if (variants.length > 0)
            this.resumeCommands();
        for (const variant of variants) {
            this.write(`::add-mask::${escapeData(variant)}${external_node_os_namespaceObject.EOL}`);
        }
    }
    /**
     * Registers the credential a request header carries, if its name says it carries one
     * (`Authorization`, `Cookie`, `X-Api-Key`…; for `Bearer X` also `X` alone). Other headers
     * (`X-Env: staging`) are not secrets and stay readable. Returns whether it was a credential.
     */
    setSecretHeader(name, value) {
        const values = (0,secrets/* credentialSecrets */.DJ)(name, value);
        for (const secret of values)
            this.setSecret(secret);
        return values.length > 0;
    }
    startGroup(name) {
        this.resumeCommands();
        this.write(`::group::${escapeData(this.secrets.scrub(name))}${external_node_os_namespaceObject.EOL}`);
    }
    endGroup() {
        this.resumeCommands();
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
    /** Sets a step output to the value as given (never scrubbed: it feeds later steps). */
    setOutput(name, value) {
        const file = this.env.GITHUB_OUTPUT;
        // Outside a runner (a local run): the value is shown in the log, which is scrubbed.
        if (!file)
            this.info(`${name}=${value}`);
        else
            (0,external_node_fs_.appendFileSync)(file, this.keyValue(name, String(value)), 'utf8');
    }
    /** Sets a variable for this process and every later step of the job. */
    exportVariable(name, value) {
        this.env[name] = value;
        const file = this.env.GITHUB_ENV;
        if (file)
            (0,external_node_fs_.appendFileSync)(file, this.keyValue(name, value), 'utf8');
    }
    saveState(name, value) {
        const file = this.env.GITHUB_STATE;
        if (file)
            (0,external_node_fs_.appendFileSync)(file, this.keyValue(name, value), 'utf8');
    }
    getState(name) {
        return this.env[`STATE_${name}`] ?? '';
    }
    /** Puts a directory first on the PATH of this process and of every later step of the job. */
    addPath(path) {
        const file = this.env.GITHUB_PATH;
        if (file)
            (0,external_node_fs_.appendFileSync)(file, `${path}${external_node_os_namespaceObject.EOL}`, 'utf8');
        this.env.PATH = `${path}${external_node_path_.delimiter}${this.env.PATH ?? ''}`;
    }
    /**
     * Appends HTML/Markdown to the job summary; a no-op outside a runner. Scrubbed first, then
     * capped below the runner's limit (cut with a note). A summary that cannot be written is a
     * warning: the step's real outcome does not depend on it.
     */
    appendSummary(content) {
        const file = this.env.GITHUB_STEP_SUMMARY;
        if (!file || this.summaryFull)
            return;
        const scrub = (text) => this.secrets.scrub(text);
        const markup = scrub(typeof content === 'string' ? content : content.render(scrub));
        try {
            const used = sizeOf(file);
            const room = this.summaryLimit - used;
            const bytes = Buffer.byteLength(markup, 'utf8');
            if (bytes <= room) {
                (0,external_node_fs_.appendFileSync)(file, markup, 'utf8');
                return;
            }
            this.summaryFull = true;
            const note = `\n\n<p><em>The rest of this summary was cut: job summaries are limited to 1 MiB.</em></p>\n`;
            (0,external_node_fs_.appendFileSync)(file, cutToBytes(markup, room - Buffer.byteLength(note, 'utf8')) + note, 'utf8');
            this.warning('The job summary reached its size limit and was cut; the full details are in the log.');
        }
        catch (error) {
            this.summaryFull = true;
            this.warning(`Could not write the job summary to ${file}: ${error.message}`);
        }
    }
    /**
     * A `name<<delimiter` heredoc block, the multi-line-safe form of the environment files. The
     * delimiter is random; a name or value that holds it anyway is refused, as @actions/core does.
     */
    keyValue(name, value) {
        const delimiter = `ghadelimiter_${this.randomId()}`;
        if (name.includes(delimiter))
            throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
        if (value.includes(delimiter))
            throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
        return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`;
    }
}
function sizeOf(file) {
    try {
        return (0,external_node_fs_.statSync)(file).size;
    }
    catch {
        return 0;
    }
}
/**
 * At most `max` bytes of UTF-8, cut where markup is least likely to break: after the last tag
 * or line end in the final quarter, and never inside a character.
 */
function cutToBytes(text, max) {
    if (max <= 0)
        return '';
    let cut = Buffer.from(text, 'utf8').subarray(0, max).toString('utf8');
    if (cut.endsWith('\uFFFD'))
        cut = cut.slice(0, -1);
    const boundary = Math.max(cut.lastIndexOf('>'), cut.lastIndexOf('\n'));
    return boundary >= cut.length * 0.75 ? cut.slice(0, boundary + 1) : cut;
}
function annotationProps(properties) {
    const out = {};
    for (const [ours, wire] of wireNames)
        out[wire] = properties[ours];
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
 * A `status` output is always set. Every message goes out as a workflow command, which escapes
 * newlines: an error carrying outside text (`…\n::set-output …`) cannot start a line of its own.
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
    const criticalSections = new Set();
    let status = 'success';
    let exitCode = 0;
    const removeSignalHandlers = (dependencies.onSignal ?? defaultOnSignal)((signal) => {
        if (controller.signal.aborted && criticalSections.size > 0) {
            // A second signal while work that must not be cut runs: ask it to wind down, and wait.
            for (const section of criticalSections) {
                runner.warning(`Received ${signal} again: waiting for ${section.what} to finish or roll back before stopping.`);
                section.urgent.abort(new errors/* CancelledError */.cc(`The step was cancelled (${signal}) during ${section.what}.`));
            }
            return;
        }
        if (controller.signal.aborted) {
            // A second signal: the runner is about to kill us; leave now.
            setStatus(runner, 'cancelled');
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
            // Error excerpts of answers are scrubbed with the run's secrets before they are folded.
            secrets: runner.secrets,
            signal: controller.signal,
            userAgent: `deploy-suite-${manifest.name}`,
            ...options,
        }),
        onCancel: (hook) => cancelHooks.unshift(hook),
        critical: async (what, body) => {
            const section = { what, urgent: new AbortController() };
            criticalSections.add(section);
            try {
                return await body(section.urgent.signal);
            }
            finally {
                criticalSections.delete(section);
            }
        },
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
        runner.resumeCommands();
        setStatus(runner, status);
    }
    return exitCode;
}
/**
 * Sets the `status` output. A GITHUB_OUTPUT that cannot be written is reported as a warning: the
 * step's real outcome (and its one `::error::`) stands.
 */
function setStatus(runner, status) {
    try {
        runner.setOutput('status', status);
    }
    catch (error) {
        runner.warning(`Could not set the status output to '${status}': ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}


/***/ }),

/***/ 7620:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ credentialSecrets),
/* harmony export */   b5: () => (/* binding */ isCredentialHeader),
/* harmony export */   ks: () => (/* binding */ SecretRegistry),
/* harmony export */   yP: () => (/* binding */ maskUrl)
/* harmony export */ });
/* unused harmony export credentialValues */
/**
 * Secrets never reach a log line, a summary, a report or an error message. Values registered
 * here are masked by the runner (`::add-mask::`) and scrubbed by us from everything a reader
 * sees, in the forms they take on the way out: as given, URL- and form-encoded, JSON-escaped
 * (also with non-ASCII as `\u00fc` and `/` as `\/`), HTML/XML-escaped, base64 (standard and
 * URL-safe, at any alignment inside a longer encoded text), line by line, with whitespace
 * folded, a URL as re-serialised by a client, and a URL's password alone.
 *
 * Scrubbing is a plain substring search per registered form, never one regular expression
 * built from the secrets: a 32 KiB secret (a key file) would make that regex too large to
 * compile, and the error would print the secret. Every occurrence of every form is marked and
 * each marked stretch becomes one `***`, so overlapping secrets leave no fragment visible.
 */
const MASK = '***';
/** Derived forms shorter than this are too likely to be ordinary text. */
const MIN_DERIVED = 8;
class SecretRegistry {
    patterns = new Map();
    /** Registers a secret; returns the new forms of it that need an `add-mask` command. */
    add(value) {
        const added = [];
        for (const variant of variantsOf(value)) {
            if (variant.length < 2 || this.patterns.has(variant))
                continue;
            this.patterns.set(variant, { text: variant, period: smallestPeriod(variant) });
            added.push(variant);
        }
        return added;
    }
    has(value) {
        return this.patterns.has(value);
    }
    /** The text with every registered form of every secret replaced by `***`. */
    scrub(text) {
        if (this.patterns.size === 0 || text.length < 2)
            return text;
        const starts = [];
        const ends = [];
        for (const { text: secret, period } of this.patterns.values()) {
            if (secret.length > text.length)
                continue;
            for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + period)) {
                starts.push(at);
                ends.push(at + secret.length);
            }
        }
        if (starts.length === 0)
            return text;
        const order = starts.map((_, i) => i).sort((a, b) => (starts[a] ?? 0) - (starts[b] ?? 0));
        let out = '';
        let copied = 0;
        let runStart = -1;
        let runEnd = -1;
        for (const i of order) {
            const start = starts[i] ?? 0;
            const end = ends[i] ?? 0;
            if (start <= runEnd) {
                runEnd = Math.max(runEnd, end);
                continue;
            }
            if (runStart !== -1) {
                out += text.slice(copied, runStart) + MASK;
                copied = runEnd;
            }
            runStart = start;
            runEnd = end;
        }
        out += text.slice(copied, runStart) + MASK + text.slice(runEnd);
        return out;
    }
}
/** The smallest p such that text[i] === text[i + p] for all i (the KMP failure function). */
function smallestPeriod(text) {
    const border = new Int32Array(text.length);
    let k = 0;
    for (let i = 1; i < text.length; i++) {
        while (k > 0 && text.charCodeAt(i) !== text.charCodeAt(k))
            k = border[k - 1] ?? 0;
        if (text.charCodeAt(i) === text.charCodeAt(k))
            k++;
        border[i] = k;
    }
    return text.length - (border[text.length - 1] ?? 0);
}
function variantsOf(value) {
    const trimmed = value.trim();
    const variants = [value, trimmed, ...encodedForms(trimmed)];
    // Whitespace folded, as a log formatter or an HTML renderer shows it.
    const folded = trimmed.replace(/\s+/g, ' ');
    if (folded !== trimmed)
        variants.push(folded, ...encodedForms(folded));
    // Multi-line secrets (keys, certificates) are masked line by line, as the runner does.
    if (/[\r\n]/.test(trimmed)) {
        for (const line of trimmed.split(/\r?\n|\r/))
            if (line.trim().length >= MIN_DERIVED)
                variants.push(line.trim());
    }
    // A URL as a client re-serialises it (host lowercased, default port and `./` dropped).
    const normalised = normalisedUrl(trimmed);
    if (normalised !== undefined && normalised !== trimmed)
        variants.push(normalised, ...encodedForms(normalised));
    // A URL with a password: the password alone shows up in driver errors.
    for (const password of urlPasswords(trimmed)) {
        const decoded = decodeURIComponentSafe(password);
        variants.push(password, decoded, ...encodedForms(decoded));
    }
    return [...new Set(variants)];
}
/** How a text is echoed by the things a secret passes through. */
function encodedForms(text) {
    const json = JSON.stringify(text).slice(1, -1);
    const jsonAscii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const jsonAsciiUpper = jsonAscii.replace(/\\u([0-9a-f]{4})/g, (_, hex) => `\\u${hex.toUpperCase()}`);
    const jsonForms = [json, jsonAscii, jsonAsciiUpper];
    const forms = [
        encodeURIComponent(text),
        new URLSearchParams([['', text]]).toString().slice(1),
        ...jsonForms,
        // PHP's json_encode writes `/` as `\/`.
        ...jsonForms.map((form) => form.replace(/\//g, '\\/')),
        htmlEscaped(text, "'"),
        htmlEscaped(text, '&#39;'),
        htmlEscaped(text, '&apos;'),
        htmlEscaped(text, '&#x27;'),
        // XML text content escapes only these three.
        text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
        ...base64Forms(text),
    ];
    return forms.filter((form) => form !== text);
}
function htmlEscaped(text, apostrophe) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, apostrophe);
}
/**
 * Base64 of the secret wherever it sits in a longer encoded text (`Basic base64(user:pass)`, a
 * JWT, a config blob): for each of the three byte alignments, the characters that depend on the
 * secret's bytes alone. Also the whole padded encoding, so an echo of just the secret is masked
 * whole. Standard and URL-safe alphabets.
 */
function base64Forms(text) {
    const bytes = Buffer.from(text, 'utf8');
    const forms = [bytes.toString('base64'), bytes.toString('base64url')];
    for (let shift = 0; shift < 3; shift++) {
        const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
        // Character i covers bits [6i, 6i + 6); keep those inside the secret's bits.
        const first = Math.ceil((8 * shift) / 6);
        const last = Math.floor((8 * (shift + bytes.length)) / 6);
        const stable = encoded.slice(first, last);
        forms.push(stable, stable.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    return forms.filter((form) => form.length >= MIN_DERIVED);
}
/**
 * The passwords of the URLs in a text (`scheme://user:password@host`). A linear scan from each
 * `://` to the end of its authority: a pattern that backtracks over long text would be quadratic.
 */
function urlPasswords(text) {
    const found = [];
    for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
        let end = at + 3;
        while (end < text.length && !'/?#@ \t\r\n'.includes(text.charAt(end)))
            end++;
        if (text.charAt(end) !== '@')
            continue;
        const userinfo = text.slice(at + 3, end);
        const colon = userinfo.indexOf(':');
        if (colon !== -1 && colon < userinfo.length - 1)
            found.push(userinfo.slice(colon + 1));
    }
    return found;
}
function normalisedUrl(text) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /\s/.test(text))
        return undefined;
    try {
        return new URL(text).href;
    }
    catch {
        return undefined;
    }
}
function decodeURIComponentSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/**
 * Masks the credentials of a URL for display: `postgres://user:***@host/db`. Query parameters
 * whose names look like credentials (the header rule below: token, key, secret, password,
 * signature…) are masked too.
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
        if (isCredentialHeader(key))
            url.searchParams.set(key, MASK);
    }
    return url.toString().replace(/%2A%2A%2A/g, MASK);
}
/**
 * The one "looks like a credential" rule, for header names and query parameter names alike:
 * `Authorization`, `Proxy-Authorization`, `Cookie`, and any name containing token, key, secret,
 * password, bypass, auth, credential or signature (`X-Api-Key`, `x-vercel-protection-bypass`,
 * `X-Amz-Signature`), and the short query names `sig`, `code`, `pass` and `pwd`. Their values are
 * registered as secrets and never sent to another origin on a redirect; other headers
 * (`X-Env: staging`) are neither.
 */
function isCredentialHeader(name) {
    const lower = name.toLowerCase();
    return (lower === 'cookie' ||
        lower === 'sig' ||
        lower === 'code' ||
        lower === 'pass' ||
        lower === 'pwd' ||
        /token|key|secret|passw|bypass|auth|credential|signature/.test(lower));
}
/**
 * The values to register for a credential header: the value, and for `Bearer X` / `Basic X` (and
 * other schemes) the credential `X` alone, which is what shows up when a tool echoes it.
 */
function credentialValues(value) {
    const scheme = /^\s*[A-Za-z][A-Za-z0-9_-]*\s+(\S.*)$/.exec(value);
    return scheme?.[1] ? [value, scheme[1].trim()] : [value];
}
/** The secrets a request header carries: its credential values, or none for other headers. */
function credentialSecrets(name, value) {
    return isCredentialHeader(name) ? credentialValues(value) : [];
}


/***/ }),

/***/ 3023:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony exports LOG_EXCERPT, SUMMARY_EXCERPT, untrustedBlock, UntrustedStream */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Text from outside the workflow — HTTP bodies and headers, a served version, build and tool
 * logs, a provider's error body — is data. The runner executes any log line that starts with
 * `::name::` (and the older `##[name]` form), and the job summary renders Markdown and HTML, so
 * such text reaches the log only quoted or inside a `stop-commands` block, and the summary only
 * escaped and capped. The order is fixed: scrub secrets first, then normalise, cap and escape,
 * so no transformation can hide a secret from the scrubber or cut one in half.
 *
 * Every action uses these helpers; none prints outside text any other way.
 */

/** How much of an outside text a log line or error message quotes. */
const LOG_EXCERPT = 300;
/** How much of an outside text a summary shows in one place. */
const SUMMARY_EXCERPT = 500;
/**
 * Cuts text to at most `max` characters, ending with an ellipsis when cut. Never splits a
 * surrogate pair. The one truncation helper of the suite.
 */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    if (max <= 1)
        return '…'.slice(0, max);
    let end = max - 1;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end--;
    return `${text.slice(0, end)}…`;
}
/**
 * A scrubbed, one-line, capped excerpt of outside text: secrets first, then whitespace folded,
 * then the cap. For error messages (the `::error::` command escapes it) and summaries (report.ts
 * escapes it for HTML); not for a bare log line, which takes `quote`.
 */
function excerpt(text, secrets, max = LOG_EXCERPT) {
    return truncate(secrets.scrub(text).replace(/\s+/g, ' ').trim(), max);
}
/**
 * Outside text as a quoted literal for one log line: scrubbed, capped and JSON-quoted, so a
 * newline inside it cannot start a line of its own (and the line starts with `"`, never `::`).
 * The older `##[command]` form works anywhere in a line, so its `#` is written `\u0023`: the
 * literal still decodes to the same text.
 */
function quote(text, secrets, max = LOG_EXCERPT) {
    return JSON.stringify(truncate(secrets.scrub(text), max)).replace(/##\[/g, '#\\u0023[');
}
/**
 * Writes outside lines (build logs, tool output) inside a `stop-commands` block whose token is
 * random, so no line of the text can end the block or run a command; the runner resumes
 * processing at the token.
 */
function untrustedBlock(writer, lines) {
    const stream = new UntrustedStream(writer);
    try {
        for (const line of lines)
            stream.line(line);
    }
    finally {
        stream.close();
    }
}
/**
 * A long-lived `stop-commands` block for streamed output (a child process, a log subscription):
 * `line()` for each line, `close()` after the last; lines written between are inert. Given the
 * Runner, the block is also closed around every command the action issues meanwhile (a warning,
 * an `add-mask`), which the runner would otherwise ignore, and reopened with a new token.
 */
class UntrustedStream {
    token;
    writer;
    constructor(writer) {
        this.writer = writer;
    }
    line(text) {
        if ('untrusted' in this.writer) {
            this.writer.untrusted(text);
            return;
        }
        if (this.token === undefined) {
            this.token = randomUUID();
            this.writer.info(`::stop-commands::${this.token}`);
        }
        this.writer.info(text);
    }
    /** Resumes command processing; safe to call twice or with nothing written. */
    close() {
        if ('untrusted' in this.writer) {
            this.writer.resumeCommands();
            return;
        }
        if (this.token === undefined)
            return;
        this.writer.info(`::${this.token}::`);
        this.token = undefined;
    }
}


/***/ }),

/***/ 3199:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CN: () => (/* binding */ splitUrlCredentials),
/* harmony export */   WK: () => (/* binding */ describeControlCharacter)
/* harmony export */ });
/* unused harmony exports hasControlCharacter, joinUrl, hostOf, registerUrlCredentials */
/**
 * URL rules shared by every action that makes requests: no control characters (the URL parser
 * silently drops a newline, so a two-line input would request a URL nobody wrote), credentials
 * in a URL become a Basic `Authorization` header (fetch refuses them), and a base path joined
 * with a check's path the way people mean it.
 */
/** C0 controls, DEL and C1 controls: never part of a URL anyone meant. */
function isControl(code) {
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}
function firstControl(text) {
    for (let i = 0; i < text.length; i++)
        if (isControl(text.charCodeAt(i)))
            return text[i];
    return undefined;
}
function hasControlCharacter(text) {
    return firstControl(text) !== undefined;
}
/** Names a control character for an error message: `a line break`, `U+0009`. */
function describeControlCharacter(text) {
    const found = firstControl(text);
    if (found === undefined)
        return undefined;
    if (found === '\n' || found === '\r')
        return 'a line break';
    if (found === '\t')
        return 'a tab';
    return `the control character U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
/** Takes `user:password@` out of a URL, as the value of a Basic `Authorization` header. */
function splitUrlCredentials(raw) {
    if (!URL.canParse(raw))
        return { url: raw, authorization: undefined, password: undefined };
    const url = new URL(raw);
    if (url.username === '' && url.password === '')
        return { url: raw, authorization: undefined, password: undefined };
    const user = decode(url.username);
    const password = decode(url.password);
    url.username = '';
    url.password = '';
    return {
        url: url.toString(),
        authorization: `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`,
        password: password === '' ? undefined : password,
    };
}
function decode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/**
 * Joins a base URL and a path: `https://h/api/v1` + `/health` → `https://h/api/v1/health`. A path
 * that starts with `/` is under the base's path, not the host's root (what `new URL()` would
 * do, and nobody means when they set a base URL with a path). The path's query and fragment are
 * kept; an absolute URL is returned as it is.
 */
function joinUrl(base, path) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path))
        return new URL(path).toString();
    const root = new URL(base);
    root.search = '';
    root.hash = '';
    if (!root.pathname.endsWith('/'))
        root.pathname = `${root.pathname}/`;
    if (path === '' || path === '/')
        return root.toString();
    return new URL(path.replace(/^\/+/, ''), root).toString();
}
/** The host (and port) of a URL, for a message that must not show the rest (a webhook's secret path). */
function hostOf(raw) {
    return URL.canParse(raw) ? new URL(raw).host : '(not a URL)';
}
/**
 * Registers the credentials of a URL as secrets before it is used: the password as given and
 * decoded, and the Basic header value the client will send for it.
 */
function registerUrlCredentials(runner, raw) {
    const { authorization, password } = splitUrlCredentials(raw);
    if (!authorization)
        return;
    if (password !== undefined)
        runner.setSecret(password);
    if (URL.canParse(raw) && new URL(raw).password !== '')
        runner.setSecret(new URL(raw).password);
    runner.setSecret(authorization);
    runner.setSecret(authorization.slice('Basic '.length));
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

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
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
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
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
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
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
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
/******/ var __webpack_exports__ = __nccwpck_require__(9907);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
