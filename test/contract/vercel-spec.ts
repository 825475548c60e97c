/**
 * Vercel's OpenAPI document, read from `CONTRACTS_DIR` (default `../shared/contracts` from the
 * repository root), and matching of requests against it. A missing contract is an error, never
 * a skipped test: a contract test that cannot find its contract proves nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function contractsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(repoRoot, env.CONTRACTS_DIR ?? join('..', 'shared', 'contracts'));
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
}

export interface Operation {
  operationId?: string;
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation> & { parameters?: Parameter[] }>;
  components?: Record<string, Record<string, unknown>>;
}

export function loadVercelSpec(env: NodeJS.ProcessEnv = process.env): OpenApi {
  const file = join(contractsDir(env), 'vercel', 'vercel-spec.json');
  if (!existsSync(file))
    throw new Error(
      `The Vercel contract is missing: ${file} does not exist. Set CONTRACTS_DIR to the folder holding vercel/vercel-spec.json.`,
    );
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApi;
}

export interface MatchedOperation {
  template: string;
  method: string;
  operation: Operation;
  parameters: Parameter[];
}

/** The spec's operation for a concrete request path, or undefined when there is none. */
export function findOperation(spec: OpenApi, method: string, path: string): MatchedOperation | undefined {
  const m = method.toLowerCase();
  for (const [template, item] of Object.entries(spec.paths)) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = item[m] as Operation | undefined;
    if (!operation || !pattern.test(path)) continue;
    const resolveParam = (p: Parameter | { $ref: string }): Parameter => ('$ref' in p ? (pointer(spec, p.$ref) as Parameter) : p);
    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolveParam);
    return { template, method: m, operation, parameters };
  }
  return undefined;
}

/** Resolves a local `#/…` JSON pointer inside the document. */
export function pointer(spec: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec);
}

/** The JSON pointer of a path's operation inside the document, for `$ref`s. */
export function operationPointer(template: string, method: string): string {
  return `#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;
}

/**
 * The document's schemas as JSON Schema that Ajv reads, in a converted copy:
 * - OpenAPI 3.0's `nullable: true` becomes `type: [T, 'null']` (and `null` in an `enum`), or
 *   `anyOf [schema, null]` when no type is given;
 * - `oneOf` becomes `anyOf`: the document's unions overlap (a deployment with its private fields
 *   also matches the public-only branch, any `{urls}` matches the bare-object branch), so no real
 *   answer could match exactly one branch. An answer must still match one branch in full.
 */
export function openApiToJsonSchema<T>(node: T): T {
  if (Array.isArray(node)) return node.map((n) => openApiToJsonSchema(n)) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'nullable') out[k === 'oneOf' ? 'anyOf' : k] = openApiToJsonSchema(v);
  if ((node as { nullable?: unknown }).nullable !== true) return out as T;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out as T;
  }
  return { anyOf: [out, { type: 'null' }] } as T;
}
