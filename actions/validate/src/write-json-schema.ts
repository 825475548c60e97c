/**
 * Writes schemas/deploy-env.schema.json, the JSON Schema of the schema file, from the zod schema
 * the action validates with (so editors complete and check exactly what the action accepts).
 * `node actions/validate/src/write-json-schema.ts`; a unit test fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployEnvJsonSchema } from './schema.ts';

export const JSON_SCHEMA_PATH = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../..'),
  'schemas',
  'deploy-env.schema.json',
);

export function jsonSchemaText(): string {
  return `${JSON.stringify(deployEnvJsonSchema(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(JSON_SCHEMA_PATH, jsonSchemaText());
  console.log(`wrote ${JSON_SCHEMA_PATH}`);
}
