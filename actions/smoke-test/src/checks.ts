/**
 * The check list: YAML (inline or a file) validated by a zod schema into compiled checks. Every
 * problem is reported at once, each with its line, the check's name and the field:
 * `smoke.yml line 7, check "API health", expect.body: /([/ is not a valid regular expression`.
 * Lines come from the YAML document's node ranges, so they point at the key or value at fault.
 */

import { parseDuration } from '@deploy-suite/core/duration';
import { InputError, type InputProblem } from '@deploy-suite/core/errors';
import type { Expectations } from '@deploy-suite/core/expect';
import { ExpectationError } from '@deploy-suite/core/expectation-error';
import { parseJsonAssertions } from '@deploy-suite/core/json-assertions';
import { type JsonPath, JsonPathError, parseJsonPath } from '@deploy-suite/core/jsonpath';
import { parseStatusSpec, STATUS_FORM } from '@deploy-suite/core/status-spec';
import { parseRegexLiteral, parseTextMatcher } from '@deploy-suite/core/text-matcher';
import { describeControlCharacter, joinUrl } from '@deploy-suite/core/urls';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export type Capture =
  | { name: string; kind: 'json'; source: string; path: JsonPath }
  | { name: string; kind: 'header'; source: string; header: string }
  | { name: string; kind: 'regex'; source: string; regex: RegExp };

export interface Check {
  name: string;
  /** 1-based line of the check in its YAML. */
  line: number;
  /** Templates: `{{ name }}` is replaced by a captured value at run time. */
  url: string;
  method: (typeof METHODS)[number];
  headers: Record<string, string>;
  body: string | undefined;
  json: unknown;
  expect: Expectations;
  retries: number | undefined;
  /** Retry even a POST or PATCH (the check says repeating it is harmless). */
  retryUnsafe: boolean;
  followRedirects: boolean;
  timeout: number | undefined;
  captures: Capture[];
  /** Names of the captures this check uses. */
  uses: string[];
}

export const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g;

/** Compiles a field, turning its parse error into an issue at that field. */
function compiled<I, O>(schema: z.ZodType<I>, compile: (value: I) => O) {
  return schema.transform((value, ctx) => {
    try {
      return compile(value);
    } catch (error) {
      if (error instanceof ExpectationError || error instanceof JsonPathError) {
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
      throw error;
    }
  });
}

function duration(value: number | string): number {
  const ms = typeof value === 'number' ? value * 1000 : parseDuration(value);
  if (ms === undefined || ms < 0 || ms > 3_600_000)
    throw new ExpectationError(`${JSON.stringify(value)} is not a duration such as 200ms, 5s or 1m`);
  return ms;
}

const scalarText = z.union([z.string(), z.number(), z.boolean()], { error: 'expected a text value' }).transform(String);
const durationField = compiled(z.union([z.number(), z.string()], { error: 'expected a duration such as 200ms or 5s' }), duration);
const textMatcher = compiled(z.string({ error: 'expected a substring or a /regex/' }), parseTextMatcher);

const captureSource = z.string({ error: 'expected $.json.path, header:Name or a /regex/ with one group' });

const expectSchema = z.strictObject({
  status: compiled(
    z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))], {
      error: 'expected a status code, a range such as 200-299 or 2xx, or a list of them',
    }),
    (v) => {
      try {
        return parseStatusSpec(v as string | number | (string | number)[]);
      } catch (error) {
        if (error instanceof ExpectationError) throw new ExpectationError(`${error.message}; expected ${STATUS_FORM}`);
        throw error;
      }
    },
  ).optional(),
  headers: z.record(z.string(), textMatcher, { error: 'expected a map of header name to substring or /regex/' }).optional(),
  body: compiled(
    z.union([z.string(), z.array(z.string())], { error: 'expected a substring or /regex/, or a list of them' }),
    (v) => (Array.isArray(v) ? v : [v]).map(parseTextMatcher),
  ).optional(),
  json: compiled(
    z.union([z.string(), z.array(z.string())], { error: 'expected JSON assertions, one a line or a list' }),
    parseJsonAssertions,
  ).optional(),
  'max-latency': durationField.optional(),
});

const checkSchema = z.strictObject({
  name: z.string({ error: 'every check needs a name' }).trim().min(1, { error: 'every check needs a name' }),
  url: z.string({ error: 'expected a URL, absolute or relative to base-url' }).trim().min(1, { error: 'expected a URL' }),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(METHODS, { error: `expected one of ${METHODS.join(', ')}` }))
    .optional(),
  headers: z.record(z.string(), scalarText, { error: 'expected a map of header name to value' }).optional(),
  body: scalarText.optional(),
  json: z.unknown().optional(),
  expect: expectSchema.optional(),
  retries: z.number({ error: 'expected a whole number from 0 to 10' }).int().min(0).max(10).optional(),
  'retry-unsafe': z.boolean({ error: 'expected true or false' }).optional(),
  'follow-redirects': z.boolean({ error: 'expected true or false' }).optional(),
  timeout: durationField.optional(),
  capture: z
    .record(z.string().regex(/^[A-Za-z_][\w-]*$/, { error: 'a capture name is letters, digits, _ and -' }), captureSource, {
      error: 'expected a map of name to $.json.path, header:Name or /regex/',
    })
    .optional(),
});

type RawCheck = z.infer<typeof checkSchema>;

interface Problem {
  /** Path inside the document, from the root. */
  path: Array<string | number>;
  /** The key itself is at fault (an unknown key), not its value. */
  key?: string;
  message: string;
}

function compileCapture(name: string, source: string): Capture {
  const text = source.trim();
  if (text.startsWith('$')) return { name, kind: 'json', source: text, path: parseJsonPath(text) };
  const header = /^header:\s*(.+)$/i.exec(text);
  if (header) return { name, kind: 'header', source: text, header: (header[1] ?? '').trim().toLowerCase() };
  const regex = parseRegexLiteral(text);
  if (regex) return { name, kind: 'regex', source: text, regex };
  throw new ExpectationError(`${JSON.stringify(text)} is not $.json.path, header:Name or a /regex/ with one group`);
}

function placeholdersIn(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  if (Array.isArray(value)) return value.flatMap(placeholdersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(placeholdersIn);
  return [];
}

function checkUrl(url: string, baseUrl: string | undefined): string | undefined {
  const control = describeControlCharacter(url);
  if (control) return `${JSON.stringify(url)} holds ${control}; a URL is one line`;
  const sample = url.replace(PLACEHOLDER, 'x');
  if (/^[a-z][a-z0-9+.-]*:/i.test(sample)) {
    if (!URL.canParse(sample)) return `${JSON.stringify(url)} is not a valid URL`;
    const { protocol, hostname } = new URL(sample);
    if (protocol !== 'http:' && protocol !== 'https:') return `${JSON.stringify(url)} is not an http or https URL`;
    if (hostname === '') return `${JSON.stringify(url)} has no host`;
    return undefined;
  }
  if (/^[^/?#]*:\/\//.test(sample)) return `${JSON.stringify(url)} is not a valid URL`;
  if (sample.startsWith('//')) return `${JSON.stringify(url)} has no scheme: write https://…`;
  if (!baseUrl) return `${JSON.stringify(url)} is relative, and the base-url input is not set`;
  try {
    joinUrl(baseUrl, sample);
    return undefined;
  } catch {
    return `${JSON.stringify(url)} is not a valid URL relative to base-url`;
  }
}

/** Semantic rules across fields and checks, on top of the schema. */
function crossCheck(
  raws: Array<RawCheck | undefined>,
  list: unknown[],
  baseUrl: string | undefined,
  problems: Problem[],
): Check[] {
  const seen = new Set<string>();
  const captured = new Set<string>();
  const checks: Check[] = [];
  raws.forEach((raw, index) => {
    if (!raw) {
      // Invalid by the schema (reported already): its captures still count, so later checks are not blamed.
      const item = list[index] as { capture?: unknown; url?: unknown } | null;
      if (item?.capture && typeof item.capture === 'object') for (const name of Object.keys(item.capture)) captured.add(name);
      const urlProblem = typeof item?.url === 'string' ? checkUrl(item.url, baseUrl) : undefined;
      if (urlProblem) problems.push({ path: [index, 'url'], message: urlProblem });
      return;
    }
    if (seen.has(raw.name))
      problems.push({ path: [index, 'name'], message: `another check is already named ${JSON.stringify(raw.name)}` });
    seen.add(raw.name);
    const urlProblem = checkUrl(raw.url, baseUrl);
    if (urlProblem) problems.push({ path: [index, 'url'], message: urlProblem });
    if (raw.body !== undefined && raw.json !== undefined)
      problems.push({ path: [index, 'json'], message: 'give body or json, not both' });

    const uses = new Set<string>();
    const fields: Array<[Array<string | number>, unknown]> = [
      [['url'], raw.url],
      [['headers'], raw.headers],
      [['body'], raw.body],
      [['json'], raw.json],
    ];
    for (const [field, value] of fields) {
      for (const name of placeholdersIn(value)) {
        if (!captured.has(name))
          problems.push({ path: [index, ...field], message: `uses {{ ${name} }}, which no earlier check captures` });
        uses.add(name);
      }
    }

    const captures: Capture[] = [];
    for (const [name, source] of Object.entries(raw.capture ?? {})) {
      try {
        const capture = compileCapture(name, source);
        if (capture.kind === 'regex' && new RegExp(`${capture.regex.source}|`).exec('')?.length !== 2)
          throw new ExpectationError(`${source} needs exactly one capturing group`);
        captures.push(capture);
      } catch (error) {
        if (!(error instanceof ExpectationError || error instanceof JsonPathError)) throw error;
        problems.push({ path: [index, 'capture', name], message: error.message });
      }
    }
    for (const c of captures) captured.add(c.name);

    const e = raw.expect ?? {};
    const bodies = e.body;
    checks.push({
      name: raw.name,
      line: 0,
      url: raw.url,
      method: raw.method ?? (raw.body !== undefined || raw.json !== undefined ? 'POST' : 'GET'),
      headers: raw.headers ?? {},
      body: raw.body,
      json: raw.json,
      expect: {
        status: e.status ?? parseStatusSpec('200-399'),
        ...(e.headers ? { headers: Object.entries(e.headers) } : {}),
        ...(bodies ? { body: bodies } : {}),
        ...(e.json ? { json: e.json } : {}),
        ...(e['max-latency'] !== undefined ? { maxLatency: e['max-latency'] } : {}),
      },
      retries: raw.retries,
      retryUnsafe: raw['retry-unsafe'] ?? false,
      followRedirects: raw['follow-redirects'] ?? true,
      timeout: raw.timeout,
      captures,
      uses: [...uses],
    });
  });
  return checks;
}

/** Where the problems are reported: "checks-file smoke.yml" or "checks". */
export interface Source {
  input: 'checks' | 'checks-file';
  label: string;
  text: string;
}

export class CheckListError extends InputError {
  constructor(source: Source, lines: string[]) {
    const problems: InputProblem[] = lines.map((l) => ({ input: source.input, shown: `(${source.label})`, expected: l }));
    super(problems, `Fix the ${source.input === 'checks' ? 'checks input' : 'check file'}; the catalog lists every field.`);
    this.message =
      lines.length === 1
        ? `Input '${source.input}' (${source.label}) is invalid: ${lines[0]}`
        : `Input '${source.input}' (${source.label}) has ${lines.length} problems:\n${lines.map((l) => `- ${l}`).join('\n')}`;
  }
}

function nodeAt(root: unknown, path: Array<string | number>): { node: Node | undefined; parent: Node | undefined } {
  let node = root as Node | undefined;
  let parent: Node | undefined;
  for (const key of path) {
    parent = node;
    if (isSeq(node)) node = node.items[Number(key)] as Node | undefined;
    else if (isMap(node))
      node = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key))?.value as
        | Node
        | undefined;
    else return { node: undefined, parent };
    if (!node) return { node: undefined, parent };
  }
  return { node, parent };
}

function keyNode(map: Node | undefined, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key as Node | undefined) ?? undefined;
}

function fieldName(path: Array<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Parses and validates a check list; throws one CheckListError with every problem. */
export function parseChecks(source: Source, baseUrl: string | undefined): Check[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new CheckListError(
      source,
      doc.errors.map((e) => `line ${lineCounter.linePos(e.pos[0]).line}: not valid YAML (${e.message.split('\n')[0]})`),
    );
  }
  const data = doc.toJS() as unknown;
  let prefix: Array<string | number> = [];
  let list: unknown = data;
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'checks' in data) {
    prefix = ['checks'];
    list = (data as { checks: unknown }).checks;
  }
  if (!Array.isArray(list) || list.length === 0)
    throw new CheckListError(source, ['expected a non-empty YAML list of checks (or a map with a `checks` list)']);
  const listNode = nodeAt(doc.contents, prefix).node;

  const problems: Problem[] = [];
  const raws: Array<RawCheck | undefined> = [];
  list.forEach((item, index) => {
    const result = checkSchema.safeParse(item);
    raws.push(result.success ? result.data : undefined);
    if (result.success) return;
    for (const issue of result.error.issues) {
      const path = [index, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
      if (issue.code === 'unrecognized_keys') {
        const allowed = Object.keys(issue.path.includes('expect') ? expectSchema.shape : checkSchema.shape).join(', ');
        for (const key of issue.keys) problems.push({ path, key, message: `unknown key '${key}' (expected one of: ${allowed})` });
      } else problems.push({ path, message: issue.message });
    }
  });
  const checks = crossCheck(raws, list, baseUrl, problems);

  const lineOf = (path: Array<string | number>, key?: string): number | undefined => {
    const { node, parent } = nodeAt(listNode, path);
    const at = key !== undefined ? keyNode(node, key) : (node ?? parent);
    const offset = at?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const named = (index: number): string => {
    const name = (list[index] as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name.trim() !== '' ? `check ${JSON.stringify(name)}` : `check #${index + 1}`;
  };
  if (problems.length > 0) {
    throw new CheckListError(
      source,
      problems
        .map((p) => {
          const [index = 0, ...field] = p.path;
          const line = lineOf(p.path, p.key);
          const where = [line === undefined ? undefined : `line ${line}`, named(Number(index))].filter(Boolean).join(', ');
          const fieldPath = p.key === undefined ? field : [...field, p.key];
          return {
            line: line ?? Number.MAX_SAFE_INTEGER,
            text: `${where}${fieldPath.length > 0 ? `, field ${fieldName(fieldPath)}` : ''}: ${p.message}`,
          };
        })
        .sort((a, b) => a.line - b.line)
        .map((p) => p.text),
    );
  }
  return checks.map((check, index) => ({ ...check, line: lineOf([index]) ?? 0 }));
}
