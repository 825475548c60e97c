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

type JsonSchema = Record<string, unknown>;

const either = (...values: string[]): string[] => values.flatMap((v) => [v, v.toLowerCase()]);
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const text: JsonSchema = { type: 'string' };
const count: JsonSchema = { type: 'integer', minimum: 0 };
/** Seconds, which Railway's own reference writes as strings (`"overlapSeconds": "60"`). */
const seconds: JsonSchema = { anyOf: [count, { type: 'string', pattern: '^[0-9]+$' }] };

const build: JsonSchema = {
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

const deploy: JsonSchema = {
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

export const railwayConfigSchema: JsonSchema = {
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
export const RAILWAY_SECTION_KEYS = {
  build: Object.keys(build.properties as object),
  deploy: Object.keys(deploy.properties as object),
};
