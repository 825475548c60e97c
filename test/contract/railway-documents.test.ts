/**
 * Every GraphQL document the Railway client can send validates against Railway's real public
 * schema (the official CLI's introspection copy). The documents are collected from the module
 * that holds them all, and no other file of the package may hold one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, type IntrospectionQuery, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as documents from '../../packages/railway/src/documents.ts';
import { contractFile } from './contracts-dir.ts';

const schemaJson = JSON.parse(readFileSync(contractFile('railway', 'schema.json'), 'utf8')) as { data: IntrospectionQuery };
const schema = buildClientSchema(schemaJson.data);
const all: Array<[string, string]> = Object.entries(documents as Record<string, unknown>).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string',
);

describe("the Railway client's GraphQL documents", () => {
  it('are all found in the documents module', () => {
    expect(all.length).toBeGreaterThanOrEqual(17);
  });

  for (const [name, source] of all) {
    it(`${name} validates against the real schema`, () => {
      expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
    });
  }

  it('have one operation each, with distinct names', () => {
    const names = all.map(([, source]) => {
      const operations = parse(source).definitions.filter((d) => d.kind === 'OperationDefinition');
      expect(operations).toHaveLength(1);
      return operations[0]?.kind === 'OperationDefinition' ? operations[0].name?.value : undefined;
    });
    expect(new Set(names).size).toBe(all.length);
  });

  it('live only in documents.ts: no other file of packages/railway holds a document', () => {
    const dir = join(import.meta.dirname, '../../packages/railway/src');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'documents.ts')
      .filter((f) => /`\s*(query|mutation|subscription)\s+\w+\s*[({]/.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
