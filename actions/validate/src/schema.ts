/**
 * The schema file (`.github/deploy-env.yml`): which variables a release needs and the rules
 * their values must pass, for every service and environment or only some. Validated with zod;
 * every problem is reported with the line and the field, so a typo is found before a deploy.
 */
import { z } from 'zod';

/** Values in YAML are often written bare (`equals: false`, `enum: [1, 2]`); they compare as text. */
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));
const name = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'expected a name of letters, digits, _ . -');
const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,200}$/, 'expected a variable name such as DATABASE_URL');

const regexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a valid regular expression' },
);

const scheme = z.string().regex(/^[a-z][a-z0-9+.-]*$/, 'expected a URL scheme such as https or postgres');

const urlRule = z.union(
  [
    z.boolean(),
    z.strictObject({
      schemes: z
        .union([scheme, z.array(scheme).min(1)])
        // One scheme may be written alone (`schemes: https`): a list of one.
        .transform((s) => (typeof s === 'string' ? [s] : s))
        .describe('The schemes allowed, without "://", e.g. [https] or [postgres, postgresql].'),
    }),
  ],
  { error: 'expected true, false or { schemes: [https, …] } (schemes without "://")' },
);

/** The rules a value must pass; each is checked only when the value is set (except `required`). */
export const rulesShape = {
  required: z.boolean().optional().describe('The variable must be set and not empty (default true).'),
  'min-length': z.number().int().min(1).optional().describe('The value is at least this many characters long.'),
  pattern: regexSource.optional().describe('A regular expression the value must match (not anchored: use ^…$).'),
  enum: z.array(scalar).min(1).optional().describe('The only values allowed.'),
  url: urlRule.optional().describe('The value is an absolute URL; `{ schemes: [...] }` limits its scheme (default http, https).'),
  equals: scalar.optional().describe('The one value allowed, e.g. `false` for DEBUG in production.'),
  forbid: z
    .union([scalar, z.array(scalar).min(1)])
    .optional()
    .describe('Values not allowed, e.g. [true, "1"] for DEBUG in production.'),
  'case-sensitive': z.boolean().optional().describe('Compare enum, equals and forbid exactly (default false: True = true).'),
};

export const rulesSchema = z.strictObject(rulesShape);
export type RawRules = z.output<typeof rulesSchema>;

const scoped = z.union([z.array(name).min(1), z.record(name, rulesSchema.nullable())]);

export const variableSchema = z.strictObject({
  description: z.string().optional().describe('What the variable is for; shown in findings.'),
  secret: z
    .boolean()
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

export const deployEnvSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1).optional().describe('The format version (1).'),
    environments: z.array(name).optional().describe('The known environments; a rule for any other is a typo.'),
    services: z.array(name).optional().describe('The known services; a rule for any other is a typo.'),
    variables: z.record(variableName, variableSchema.nullable()).describe('Each variable the release needs, with its rules.'),
  })
  .superRefine((doc, ctx) => {
    for (const [variable, spec] of Object.entries(doc.variables)) {
      for (const kind of ['environments', 'services'] as const) {
        const known = doc[kind];
        const scope = spec?.[kind];
        if (!known || !scope) continue;
        const names = Array.isArray(scope) ? scope : Object.keys(scope);
        names.forEach((n, i) => {
          if (known.includes(n)) return;
          ctx.addIssue({
            code: 'custom',
            path: ['variables', variable, kind, Array.isArray(scope) ? i : n],
            message: `unknown ${kind === 'environments' ? 'environment' : 'service'} '${n}' (known: ${known.join(', ')})`,
          });
        });
      }
    }
  });

export type DeployEnvSchema = z.output<typeof deployEnvSchema>;
export type VariableSpec = z.output<typeof variableSchema>;

/** The JSON Schema published for editors (`schemas/deploy-env.schema.json`). */
export function deployEnvJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(deployEnvSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: json.$schema,
    title: 'Deploy Suite validate: variables and their rules (.github/deploy-env.yml)',
    ...json,
  };
}
