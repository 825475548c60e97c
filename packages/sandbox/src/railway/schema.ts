/**
 * Railway's real public GraphQL schema, read from the shared contracts (the official CLI's copy
 * of the introspection result). The emulator executes every request against it, so a document
 * the real API would refuse is refused here too. A missing contract is an error, never a
 * fallback to a hand-written schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** `CONTRACTS_DIR`, or `../shared/contracts` beside the repository. */
export function contractsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(REPO_ROOT, env.CONTRACTS_DIR ?? '../shared/contracts');
}

export function railwaySchemaPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(contractsDir(env), 'railway', 'schema.json');
}

let cached: { path: string; schema: GraphQLSchema } | undefined;

export function loadRailwaySchema(path = railwaySchemaPath()): GraphQLSchema {
  if (cached?.path === path) return cached.schema;
  if (!existsSync(path)) {
    throw new Error(`Railway's schema is missing at ${path}: set CONTRACTS_DIR to the folder holding railway/schema.json`);
  }
  const json = JSON.parse(readFileSync(path, 'utf8')) as { data?: IntrospectionQuery } & Partial<IntrospectionQuery>;
  const schema = buildClientSchema((json.data ?? json) as IntrospectionQuery);
  cached = { path, schema };
  return schema;
}
