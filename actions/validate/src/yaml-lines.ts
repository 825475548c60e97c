/**
 * A YAML document with the line of every node, so a problem found in the parsed data (a zod
 * issue's path) can be reported at the line a person edits.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export interface LocatedYaml {
  data: unknown;
  /** The line (1-based) of the value at `path`, or of its key when `key` is set; the nearest parent's line when absent. */
  lineOf(path: readonly PropertyKey[], options?: { key?: boolean }): number | undefined;
}

export class YamlSyntaxError extends Error {
  readonly problems: Array<{ line: number; message: string }>;
  constructor(problems: Array<{ line: number; message: string }>) {
    super(problems.map((p) => `line ${p.line}: ${p.message}`).join('; '));
    this.problems = problems;
  }
}

function child(node: Node | undefined, key: PropertyKey): { value: Node | undefined; key: Node | undefined } {
  if (isSeq(node)) return { value: node.items[Number(key)] as Node | undefined, key: undefined };
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
    return { value: (pair?.value ?? undefined) as Node | undefined, key: (pair?.key ?? undefined) as Node | undefined };
  }
  return { value: undefined, key: undefined };
}

export function parseLocatedYaml(text: string): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new YamlSyntaxError(
      doc.errors.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, message: e.message.split('\n')[0] ?? 'invalid YAML' })),
    );
  }
  const root = doc.contents as Node | null;
  return {
    data: doc.toJS({ maxAliasCount: 100 }) as unknown,
    lineOf(path, options = {}) {
      let node: Node | undefined = root ?? undefined;
      let keyNode: Node | undefined;
      let best: Node | undefined = node;
      for (const key of path) {
        const next = child(node, key);
        if (next.value === undefined && next.key === undefined) break;
        keyNode = next.key;
        node = next.value;
        best = (options.key ? keyNode : node) ?? keyNode ?? node ?? best;
      }
      const offset = best?.range?.[0];
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}
