/**
 * The documented shape of the platforms' config files, in zod.
 *
 * The platforms' own JSON Schemas (railway.com/railway.schema.json, openapi.vercel.sh/vercel.json)
 * are served from their sites only: no npm package ships them and no licensed copy could be
 * vendored. So these are the subsets documented in Railway's "Config as Code" reference and
 * Vercel's "Project Configuration" page: the fields a deploy depends on are typed, and a key
 * outside them is a warning (it may be newer than this list, or a typo).
 */
import { z } from 'zod';

const command = z.string().nullable();

const railwayBuild = z.strictObject({
  builder: z.enum(['RAILPACK', 'DOCKERFILE', 'NIXPACKS', 'HEROKU', 'PAKETO']).optional(),
  buildCommand: command.optional(),
  watchPatterns: z.array(z.string()).optional(),
  dockerfilePath: z.string().nullable().optional(),
  railpackVersion: z.string().nullable().optional(),
  nixpacksConfigPath: z.string().nullable().optional(),
  nixpacksPlan: z.record(z.string(), z.unknown()).nullable().optional(),
  nixpacksVersion: z.string().nullable().optional(),
  buildEnvironment: z.enum(['V2', 'V3']).nullable().optional(),
});

const railwayDeploy = z.strictObject({
  startCommand: command.optional(),
  preDeployCommand: z
    .union([z.string(), z.array(z.string())])
    .nullable()
    .optional(),
  numReplicas: z.number().int().min(0).nullable().optional(),
  multiRegionConfig: z.record(z.string(), z.strictObject({ numReplicas: z.number().int().min(0) }).nullable()).optional(),
  healthcheckPath: z.string().startsWith('/', 'expected a path starting with /').nullable().optional(),
  healthcheckTimeout: z.number().int().positive().nullable().optional(),
  restartPolicyType: z.enum(['ON_FAILURE', 'ALWAYS', 'NEVER']).optional(),
  restartPolicyMaxRetries: z.number().int().min(0).nullable().optional(),
  cronSchedule: z.string().nullable().optional(),
  sleepApplication: z.boolean().nullable().optional(),
  region: z.string().nullable().optional(),
  overlapSeconds: z.number().min(0).nullable().optional(),
  drainingSeconds: z.number().min(0).nullable().optional(),
  runtime: z.enum(['V2', 'LEGACY', 'UNSPECIFIED']).nullable().optional(),
  limitOverride: z.record(z.string(), z.unknown()).nullable().optional(),
  requiredMountPath: z.string().nullable().optional(),
  useLegacyStacker: z.boolean().nullable().optional(),
});

const railwayStage = { build: railwayBuild.optional(), deploy: railwayDeploy.optional() };

export const railwayConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  ...railwayStage,
  environments: z.record(z.string(), z.strictObject(railwayStage)).optional(),
});

const source = z.string().min(1);
const condition = z.array(
  z.strictObject({
    type: z.enum(['header', 'cookie', 'host', 'query']),
    key: z.string().optional(),
    value: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  }),
);
const matched = { has: condition.optional(), missing: condition.optional() };

export const vercelConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(2).optional(),
    name: z.string().optional(),
    framework: z.string().nullable().optional(),
    buildCommand: command.optional(),
    devCommand: command.optional(),
    installCommand: command.optional(),
    ignoreCommand: command.optional(),
    outputDirectory: z.string().nullable().optional(),
    public: z.boolean().optional(),
    cleanUrls: z.boolean().optional(),
    trailingSlash: z.boolean().optional(),
    regions: z.array(z.string()).optional(),
    functionFailoverRegions: z.array(z.string()).optional(),
    bunVersion: z.string().optional(),
    fluid: z.boolean().optional(),
    functions: z
      .record(
        z.string(),
        z.strictObject({
          runtime: z.string().optional(),
          memory: z.number().int().min(128).max(10_240).optional(),
          maxDuration: z.number().int().positive().optional(),
          includeFiles: z.string().optional(),
          excludeFiles: z.string().optional(),
          regions: z.array(z.string()).optional(),
          supportsCancellation: z.boolean().optional(),
        }),
      )
      .optional(),
    crons: z.array(z.strictObject({ path: z.string().startsWith('/'), schedule: z.string().min(9) })).optional(),
    rewrites: z.array(z.strictObject({ source, destination: z.string(), ...matched })).optional(),
    redirects: z
      .array(
        z.strictObject({
          source,
          destination: z.string(),
          permanent: z.boolean().optional(),
          statusCode: z.union([z.literal(301), z.literal(302), z.literal(307), z.literal(308)]).optional(),
          ...matched,
        }),
      )
      .optional(),
    headers: z
      .array(z.strictObject({ source, headers: z.array(z.strictObject({ key: z.string(), value: z.string() })), ...matched }))
      .optional(),
    routes: z.array(z.record(z.string(), z.unknown())).optional(),
    builds: z.array(z.record(z.string(), z.unknown())).optional(),
    images: z.record(z.string(), z.unknown()).optional(),
    git: z.record(z.string(), z.unknown()).optional(),
    github: z.record(z.string(), z.unknown()).optional(),
    env: z.record(z.string(), z.string()).optional(),
    build: z.strictObject({ env: z.record(z.string(), z.string()).optional() }).optional(),
  })
  .superRefine((config, ctx) => {
    // Vercel refuses `routes` next to the newer routing keys ("mixed routing properties").
    if (config.routes === undefined) return;
    for (const key of ['rewrites', 'redirects', 'headers', 'cleanUrls', 'trailingSlash'] as const) {
      if (config[key] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `cannot be used together with \`routes\` (Vercel refuses the deployment)`,
        });
      }
    }
  });
