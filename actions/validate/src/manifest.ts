import type { InputProblem } from '@deploy-suite/core/errors';
import * as t from '@deploy-suite/core/input-types';
import { optional, withDefault } from '@deploy-suite/core/inputs';
import { defineAction } from '@deploy-suite/core/manifest';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** The sources of values this build of the action can read; the parser names them when one is unknown. */
export const SOURCE_KINDS = ['env', 'dotenv:<path>'] as const;

export type SourceSpec = { kind: 'env' } | { kind: 'dotenv'; path: string };

/** `env` or `dotenv:<path>`; anything else is refused with the list of supported sources. */
export function parseSourceSpec(raw: string): SourceSpec | undefined {
  if (raw === 'env') return { kind: 'env' };
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

export const manifest = defineAction({
  name: 'validate',
  title: 'Deploy Suite: validate before deploying',
  description:
    'Pre-deploy readiness: every required variable set for each service and environment and passing its rules (length, pattern, URL, allowed and forbidden values), railway.json / railway.toml / vercel.json well formed, and no secret or .env file committed. Values are never printed.',
  branding: { icon: 'shield', color: 'green' },
  inputs: {
    schema: withDefault(
      t.text('a path to a YAML schema file, relative to the working directory, or none'),
      '.github/deploy-env.yml',
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
      "The services being deployed, which picks the schema's per-service rules. Default: every service the schema names.",
    ),
    sources: withDefault(
      t.list(sourceType),
      'env',
      "Where the values come from, several allowed: 'env' (the job's environment, where secrets are passed in) and 'dotenv:<path>' (a dotenv file). Later sources win.",
    ),
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
        "The `deploy.healthcheckPath` of railway.json / railway.toml, the suggested path for health-gate ('' when none).",
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
  check: (inputs) => {
    const problems: InputProblem[] = [];
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
