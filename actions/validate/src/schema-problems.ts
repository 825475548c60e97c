/**
 * Ajv's errors, turned into one problem per real mistake.
 *
 * With `allErrors`, a value that fails an `anyOf`/`oneOf` reports every branch's complaint plus
 * the summary ("must match a schema in anyOf"): four lines for one typo. Here each such group
 * becomes either one "expected a string or an object" (when every branch disagrees on the type
 * alone) or the complaints of the branch that came closest (the fewest, not counting branches
 * of the wrong type). Innermost groups first, so nested alternatives condense too.
 */
import type { ErrorObject } from 'ajv';

export interface SchemaProblem {
  /** Where, as keys and array indexes (an unknown or missing key included). */
  path: (string | number)[];
  message: string;
  /** A key the schema does not allow: a warning or an error, as the caller decides. */
  unknownKey: boolean;
  /** The schema location that failed (`#/properties/routes/items/...`). */
  schemaPath: string;
  /** For an unknown key, the keys allowed beside it (Ajv's `verbose` gives the schema). */
  allowedKeys?: string[];
}

/**
 * The allowed key an unknown one was probably meant to be: the same but for case
 * (`healthCheckPath`), or a few letters off (`permanant`, `restartPolicyMaxRetry`).
 */
export function nearestKey(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameCase = allowed.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: { key: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = editDistance(lower, candidate.toLowerCase());
    const limit = key.length > 12 ? 3 : key.length > 5 ? 2 : 1;
    if (distance <= limit && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

/** The allowed value a wrong one was probably meant to be: a few letters off, or cut short (`DOCKER`). */
function nearestValue(value: string, allowed: readonly unknown[]): string | undefined {
  const strings = allowed.filter((v): v is string => typeof v === 'string');
  const upper = value.toUpperCase();
  const cutShort = upper.length >= 3 ? strings.find((v) => v.toUpperCase().startsWith(upper)) : undefined;
  return cutShort ?? nearestKey(value, strings);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

type AjvError = ErrorObject<string, Record<string, unknown>>;
const COMPOSITE = new Set(['anyOf', 'oneOf']);
const SHAPE = new Set(['type', 'enum', 'const']);

function article(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Enum values as a reader wants them: each once, whatever the case (Railway accepts both). */
function listValues(values: readonly unknown[]): string {
  const seen = new Set<string>();
  const shown: string[] = [];
  for (const value of values) {
    const key = typeof value === 'string' ? value.toLowerCase() : JSON.stringify(value);
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push(JSON.stringify(value));
  }
  return shown.join(', ');
}

/** What the branches would have accepted, when they differ only in shape. */
function expectedShapes(errors: readonly AjvError[]): string {
  const shapes: string[] = [];
  for (const e of errors) {
    if (e.keyword === 'type') {
      const types = Array.isArray(e.params.type) ? e.params.type : [e.params.type];
      shapes.push(...types.map((t) => article(String(t))));
    } else if (e.keyword === 'enum') shapes.push(`one of ${listValues(e.params.allowedValues as unknown[])}`);
    else shapes.push(JSON.stringify(e.params.allowedValue));
  }
  return `expected ${[...new Set(shapes)].join(' or ')}`;
}

function condense(input: readonly AjvError[]): AjvError[] {
  let errors = input.filter((e) => e.keyword !== 'if');
  const composites = errors.filter((e) => COMPOSITE.has(e.keyword)).sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const composite of composites) {
    const prefix = `${composite.schemaPath}/`;
    const branches = new Map<string, AjvError[]>();
    for (const e of errors) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    // `oneOf` matched by several branches has no branch errors: its own message says it.
    if (branches.size === 0) continue;
    const all = [...branches.values()].flat();
    const wrongShape = (e: AjvError) => e.instancePath === composite.instancePath && SHAPE.has(e.keyword);
    let replacement: AjvError[];
    if (all.every(wrongShape)) {
      replacement = [{ ...composite, keyword: 'expected', message: expectedShapes(all), params: {} }];
    } else {
      const candidates = [...branches.values()].filter((b) => !b.some(wrongShape));
      replacement = (candidates.length > 0 ? candidates : [...branches.values()]).reduce((best, b) =>
        b.length < best.length ? b : best,
      );
    }
    errors = [...errors.filter((e) => e !== composite && !e.schemaPath.startsWith(prefix)), ...replacement];
  }
  return errors;
}

/** JSON pointer segments, as numbers where the document has an array there. */
function pathOf(pointer: string, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(node) ? Number(segment) : segment;
    path.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

function messageOf(e: AjvError): string {
  switch (e.keyword) {
    case 'expected':
      return e.message ?? 'not an accepted shape';
    case 'type':
      return expectedShapes([e]);
    case 'enum': {
      const allowed = e.params.allowedValues as unknown[];
      const meant = typeof e.data === 'string' ? nearestValue(e.data, allowed) : undefined;
      return `expected one of ${listValues(allowed)}${meant ? `; did you mean ${JSON.stringify(meant)}?` : ''}`;
    }
    case 'const':
      return `expected ${JSON.stringify(e.params.allowedValue)}`;
    case 'required':
      return 'missing (required here)';
    case 'additionalProperties':
      return 'unknown key';
    case 'pattern':
      return `does not match the pattern ${String(e.params.pattern)}`;
    default:
      return e.message ?? e.keyword;
  }
}

function propertiesOf(schema: unknown): string[] {
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}

export function schemaProblems(errors: readonly AjvError[] | null | undefined, data: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of condense(errors ?? [])) {
    const path = pathOf(e.instancePath, data);
    if (e.keyword === 'additionalProperties') path.push(String(e.params.additionalProperty));
    if (e.keyword === 'required') path.push(String(e.params.missingProperty));
    const problem = {
      path,
      message: messageOf(e),
      unknownKey: e.keyword === 'additionalProperties',
      schemaPath: e.schemaPath,
      ...(e.keyword === 'additionalProperties' ? { allowedKeys: propertiesOf(e.parentSchema) } : {}),
    };
    const key = JSON.stringify([problem.path, problem.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
