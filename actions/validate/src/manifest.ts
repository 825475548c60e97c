import type { InputProblem } from '@deploy-suite/core/errors';
import * as t from '@deploy-suite/core/input-types';
import { optional, withDefault } from '@deploy-suite/core/inputs';
import { defineAction } from '@deploy-suite/core/manifest';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** The sources of values the action can read; the parser names them when one is unknown. */
export const SOURCE_KINDS = ['env', 'dotenv:<path>', 'railway', 'vercel'] as const;

export type SourceSpec = { kind: 'env' } | { kind: 'dotenv'; path: string } | { kind: 'railway' } | { kind: 'vercel' };

/** `env`, `dotenv:<path>`, `railway` or `vercel`; anything else is refused with the list of supported sources. */
export function parseSourceSpec(raw: string): SourceSpec | undefined {
  if (raw === 'env' || raw === 'railway' || raw === 'vercel') return { kind: raw };
  const dotenv = /^dotenv:(.+)$/.exec(raw);
  if (dotenv?.[1] && dotenv[1].trim() !== '') return { kind: 'dotenv', path: dotenv[1].trim() };
  return undefined;
}

const sourceType: t.InputType<SourceSpec> = {
  form: `one of ${SOURCE_KINDS.map((s) => `'${s}'`).join(', ')}`,
  parse: (raw) => {
    const spec = parseSourceSpec(raw);
    return spec ? { ok: true, value: spec } : { ok: false, expected: sourceType.form };
  },
};

/** A variable or environment name as the schema spells it. */
const name = (what: string) => t.pattern(/^[A-Za-z0-9_.-]{1,100}$/, `${what} (letters, digits, _ . -)`);

/** Where the schema is looked for unless `schema` says otherwise. */
export const DEFAULT_SCHEMA = '.github/deploy-env.yml';

/** The catalog's example schema: the seeds' pre-deploy checklists, written as rules. */
export const SCHEMA_EXAMPLE = `# .github/deploy-env.yml
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

export const manifest = defineAction({
  name: 'validate',
  title: 'Deploy Suite: validate before deploying',
  description:
    'Pre-deploy readiness: every required variable set for each service and environment and passing its rules (length, pattern, URL, allowed and forbidden values), railway.json / railway.toml / vercel.json well formed, and no secret or .env file committed. Values are never printed.',
  branding: { icon: 'shield', color: 'green' },
  inputs: {
    schema: withDefault(
      t.text('a path to a YAML schema file, relative to the working directory, or none'),
      DEFAULT_SCHEMA,
      "The variables and their rules (format in the catalog). 'none' skips the variable checks.",
    ),
    'env-example': optional(
      t.text('a path to a .env.example-style file'),
      'A simpler schema: every key of this file is a required variable (its values are ignored). Used alongside `schema` or alone.',
    ),
    environment: optional(
      name('an environment name such as production'),
      "The environment being deployed, which picks the schema's per-environment rules (`environments: production: …`).",
    ),
    services: optional(
      t.list(name('a service name')),
      "The services the values are for, which picks the schema's per-service variables and rules. Default: every variable, whatever its services.",
    ),
    sources: withDefault(
      t.list(sourceType),
      'env',
      "Where the values come from, several allowed: 'env' (the job's environment, where secrets are passed in), 'dotenv:<path>' (a dotenv file), 'railway' (the live variables of each of `services` in `environment`), 'vercel' (the variables of `vercel-project` for the environment's target). Later sources win.",
    ),
    'railway-token': optional(
      t.text('a Railway project, account or workspace token'),
      "For the 'railway' source: a project token (one environment) or an account or workspace token (with railway-project-id). Pass it from a secret. Default: RAILWAY_TOKEN or RAILWAY_API_TOKEN from the environment.",
      { secret: true },
    ),
    'railway-project-id': optional(
      t.pattern(/^[A-Za-z0-9-]{1,64}$/, 'a Railway project id'),
      "For the 'railway' source: the project. Optional with a project token, which names its project.",
    ),
    'railway-api-url': withDefault(
      t.url(),
      'https://backboard.railway.com',
      "Railway's API origin: a proxy, or the local sandbox.",
    ),
    'vercel-token': optional(
      t.text('a Vercel access token'),
      "For the 'vercel' source: a Vercel access token. Pass it from a secret. Default: VERCEL_TOKEN from the environment.",
      { secret: true },
    ),
    'vercel-project': optional(
      t.pattern(/^[A-Za-z0-9._-]{1,100}$/, 'a Vercel project name or id'),
      "For the 'vercel' source: the project whose variables to check; the schema's service of that name applies.",
    ),
    'vercel-team-id': optional(t.pattern(/^[A-Za-z0-9_-]{1,64}$/, 'a Vercel team id'), 'The Vercel team that owns the project.'),
    'vercel-api-url': withDefault(t.url(), 'https://api.vercel.com', "Vercel's API origin: a proxy, or the local sandbox."),
    'scan-secrets': withDefault(
      t.boolean(),
      'true',
      "Scan the tracked files (and on a pull request, its commits) for committed secrets and .env files, with secretlint's recommended rules.",
    ),
    'secrets-ignore': withDefault(
      t.text('a path to an ignore file'),
      '.github/deploy-env-ignore',
      'False positives of the secret scan: path globs, `fingerprint:<hex>` or `rule:<id>` lines (format in the catalog). A missing file ignores nothing.',
    ),
    'check-config': withDefault(
      t.boolean(),
      'true',
      'Check railway.json / railway.toml and vercel.json in the working directory, when present.',
    ),
    'working-directory': withDefault(t.text(), '.', 'The repository checkout to validate.'),
    'fail-on': withDefault(
      t.oneOf(FAIL_ON),
      'error',
      "Fail the step on any error ('error'), on any error or warning ('warning'), or never ('never': report only).",
    ),
    report: optional(t.text('a file path'), 'Where to write the JSON report. Default: a file under RUNNER_TEMP.'),
  },
  outputs: {
    errors: { description: 'How many errors were found.' },
    warnings: { description: 'How many warnings were found.' },
    report: { description: 'Path of the JSON report: every finding with its rule, file and line (never a value).' },
    'healthcheck-path': {
      description:
        "The `deploy.healthcheckPath` of railway.json / railway.toml (the `environment`'s override first), the suggested path for health-gate ('' when none).",
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
    const problems: InputProblem[] = [];
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

export type ValidateInputs = import('@deploy-suite/core/inputs').ParsedInputs<(typeof manifest)['inputs']>;
