/**
 * The JSONPath that health and smoke assertions need, and no more: `$`, `.name`, `['name']`,
 * `[0]`, `[-1]`, `*` / `[*]` and `..` (descendants), as in RFC 9535. No filter or script
 * expressions: an assertion never needs them, and without them there is no expression evaluator
 * to get wrong (jsonpath-plus's has had remote-code-execution advisories). Hand-written also
 * because every match carries its normalized path, so a failure can name `$.services.redis`.
 */

export type Selector = { kind: 'name'; name: string } | { kind: 'index'; index: number } | { kind: 'wildcard' };

export interface Segment {
  selector: Selector;
  /** `..`: the selector applies to the node and every descendant. */
  descendants: boolean;
}

export interface JsonPath {
  source: string;
  segments: Segment[];
}

export interface Match {
  /** The normalized path of the node: `$.services.redis`, `$.items[0]`, `$['odd key']`. */
  path: string;
  value: unknown;
}

export class JsonPathError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'JsonPathError';
    this.position = position;
  }
}

const NAME = /^[A-Za-z0-9_$\-\u0080-\uffff]+/;

/** Parses a path at the start of `text`; returns it and where it ended (assertions follow it). */
export function parseJsonPathPrefix(text: string): { path: JsonPath; end: number } {
  if (text[0] !== '$') throw new JsonPathError('a JSONPath starts with $', 0);
  const segments: Segment[] = [];
  let i = 1;
  for (;;) {
    const descendants = text.startsWith('..', i);
    if (descendants) i += 2;
    else if (text[i] === '.') i += 1;
    else if (text[i] !== '[') break;

    if (text[i] === '[') {
      const { selector, end } = bracket(text, i);
      segments.push({ selector, descendants });
      i = end;
      continue;
    }
    if (text[i] === '*') {
      segments.push({ selector: { kind: 'wildcard' }, descendants });
      i += 1;
      continue;
    }
    const name = NAME.exec(text.slice(i))?.[0];
    if (!name) throw new JsonPathError(`expected a name, * or [ after '${descendants ? '..' : '.'}'`, i);
    segments.push({ selector: { kind: 'name', name }, descendants });
    i += name.length;
  }
  return { path: { source: text.slice(0, i), segments }, end: i };
}

function bracket(text: string, start: number): { selector: Selector; end: number } {
  let i = start + 1;
  const quote = text[i];
  if (quote === "'" || quote === '"') {
    let name = '';
    i += 1;
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\' && i + 1 < text.length) i += 1;
      name += text[i];
      i += 1;
    }
    if (text[i] !== quote || text[i + 1] !== ']') throw new JsonPathError('unterminated quoted name in [ ]', start);
    return { selector: { kind: 'name', name }, end: i + 2 };
  }
  const close = text.indexOf(']', i);
  if (close < 0) throw new JsonPathError("missing ']'", start);
  const inner = text.slice(i, close).trim();
  if (inner === '*') return { selector: { kind: 'wildcard' }, end: close + 1 };
  if (/^-?\d+$/.test(inner)) return { selector: { kind: 'index', index: Number(inner) }, end: close + 1 };
  throw new JsonPathError(`[${inner}] is not supported: use ['name'], [0] or [*]`, start);
}

/** Parses a whole path; anything after it is an error. */
export function parseJsonPath(text: string): JsonPath {
  const source = text.trim();
  const { path, end } = parseJsonPathPrefix(source);
  if (end !== source.length) throw new JsonPathError(`unexpected '${source.slice(end, end + 10)}'`, end);
  return path;
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function children(node: Match): Match[] {
  const { value } = node;
  if (Array.isArray(value)) return value.map((v, i) => ({ path: childPath(node.path, i), value: v }));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).map(([k, v]) => ({ path: childPath(node.path, k), value: v }));
  return [];
}

function select(node: Match, selector: Selector): Match[] {
  const { value } = node;
  switch (selector.kind) {
    case 'wildcard':
      return children(node);
    case 'name':
      return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, selector.name)
        ? [{ path: childPath(node.path, selector.name), value: (value as Record<string, unknown>)[selector.name] }]
        : [];
    case 'index': {
      if (!Array.isArray(value)) return [];
      const index = selector.index < 0 ? value.length + selector.index : selector.index;
      return index >= 0 && index < value.length ? [{ path: childPath(node.path, index), value: value[index] }] : [];
    }
  }
}

function selfAndDescendants(node: Match): Match[] {
  const all: Match[] = [node];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i] as Match));
  return all;
}

/** Every node the path selects, in document order. */
export function queryJsonPath(path: JsonPath, document: unknown): Match[] {
  let nodes: Match[] = [{ path: '$', value: document }];
  for (const segment of path.segments) {
    const from = segment.descendants ? nodes.flatMap(selfAndDescendants) : nodes;
    nodes = from.flatMap((node) => select(node, segment.selector));
  }
  return nodes;
}
