/**
 * A JSON Schema for vercel.json, built around Vercel's own published schemas.
 *
 * The routing keys (`routes`, `rewrites`, `redirects`, `headers`, `cleanUrls`, `trailingSlash`)
 * and `functions` / `builds` use the schemas Vercel publishes in @vercel/routing-utils and
 * @vercel/build-utils: the ones the Vercel CLI validates vercel.json with before it deploys, so
 * what fails here fails there. Vercel's whole-file schema (openapi.vercel.sh/vercel.json) is served
 * from its site only; the other top-level keys are typed from the "Project Configuration"
 * reference, and a key outside them is a warning (newer than this list, or a typo).
 */
import { buildsSchema, getFunctionsSchema } from '@vercel/build-utils/dist/schemas.js';
import {
  cleanUrlsSchema,
  headersSchema,
  redirectsSchema,
  rewritesSchema,
  routesSchema,
  trailingSlashSchema,
} from '@vercel/routing-utils/dist/schemas.js';

type JsonSchema = Record<string, unknown>;

/** The top-level keys whose schema is Vercel's published one: a failure under them is an error, as in the CLI. */
export const VERCEL_PUBLISHED_KEYS = [
  'routes',
  'rewrites',
  'redirects',
  'headers',
  'cleanUrls',
  'trailingSlash',
  'functions',
  'builds',
] as const;

const nullableText: JsonSchema = { type: ['string', 'null'] };
const strings: JsonSchema = { type: 'array', items: { type: 'string' } };
const stringMap: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };

/**
 * The whole-file schema. Vercel's published parts are the big ones (compiling `routes` alone takes
 * Ajv about 200 ms), so only those of `present` are included; the others are there as `{}` so
 * their names stay known.
 */
export function vercelConfigSchema(present: ReadonlySet<string> = new Set(VERCEL_PUBLISHED_KEYS)): JsonSchema {
  const published = (key: (typeof VERCEL_PUBLISHED_KEYS)[number], schema: () => unknown) => (present.has(key) ? schema() : {});
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'vercel.json',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      version: { const: 2 },
      name: { type: 'string' },
      framework: nullableText,
      buildCommand: nullableText,
      devCommand: nullableText,
      installCommand: nullableText,
      ignoreCommand: nullableText,
      outputDirectory: nullableText,
      public: { type: 'boolean' },
      bulkRedirectsPath: nullableText,
      regions: strings,
      functionFailoverRegions: strings,
      bunVersion: { type: 'string' },
      fluid: { type: 'boolean' },
      crons: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['path', 'schedule'],
          properties: {
            path: { type: 'string', pattern: '^/', maxLength: 512 },
            schedule: { type: 'string', minLength: 9, maxLength: 256 },
          },
        },
      },
      images: { type: 'object', required: ['sizes'], properties: { sizes: { type: 'array', items: { type: 'number' } } } },
      git: { type: 'object' },
      github: { type: 'object' },
      env: stringMap,
      build: { type: 'object', additionalProperties: false, properties: { env: stringMap } },
      alias: { anyOf: [{ type: 'string' }, strings] },
      // Multi-service projects (Vercel's own examples): a map of service name to its settings.
      services: { type: 'object', additionalProperties: { type: 'object' } },
      experimentalServices: { type: 'object', additionalProperties: { type: 'object' } },
      scope: { type: 'string' },
      routes: published('routes', () => routesSchema),
      rewrites: published('rewrites', () => rewritesSchema),
      redirects: published('redirects', () => redirectsSchema),
      headers: published('headers', () => headersSchema),
      cleanUrls: published('cleanUrls', () => cleanUrlsSchema),
      trailingSlash: published('trailingSlash', () => trailingSlashSchema),
      functions: published('functions', getFunctionsSchema),
      builds: published('builds', () => buildsSchema),
    },
  };
}

/** What Vercel refuses that no schema says: the legacy `routes` beside the newer routing keys, `functions` beside `builds`. */
export function vercelConflicts(config: unknown): { key: string; message: string }[] {
  if (typeof config !== 'object' || config === null) return [];
  const has = (key: string) => (config as Record<string, unknown>)[key] !== undefined;
  const found: { key: string; message: string }[] = [];
  if (has('routes')) {
    for (const key of ['rewrites', 'redirects', 'headers', 'cleanUrls', 'trailingSlash']) {
      if (has(key)) found.push({ key, message: 'cannot be used together with `routes` (Vercel refuses the deployment)' });
    }
  }
  if (has('functions') && has('builds')) {
    found.push({ key: 'functions', message: 'cannot be used together with `builds` (Vercel refuses the deployment)' });
  }
  return found;
}
