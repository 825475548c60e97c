/**
 * railway.json / railway.toml and vercel.json: each must parse (JSON, or TOML with smol-toml)
 * and validate, with Ajv, against the platform's JSON Schema (`railway-config-schema.ts`,
 * `vercel-config-schema.ts`); an unknown key is a warning unless Vercel's own schema refuses it.
 * Railway's `deploy.healthcheckPath` (the environment's override first, as Railway resolves it) is
 * reported as the path health-gate should probe.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretRegistry } from '@deploy-suite/core/secrets';
import { excerpt, truncate } from '@deploy-suite/core/untrusted';
import { CONFIG_FILES, findConfigFiles } from './find-config-files.ts';
import type { Finding } from './findings.ts';
import { RAILWAY_SECTION_KEYS } from './railway-config-schema.ts';
import { nearestKey, schemaProblems } from './schema-problems.ts';
import { parseLocatedYaml } from './yaml-lines.ts';

type ConfigFile = (typeof CONFIG_FILES)[number];

export interface ConfigResult {
  checked: string[];
  findings: Finding[];
  healthcheckPath: string | undefined;
}

type LineOf = (path: readonly PropertyKey[]) => number | undefined;

/** `deploy.healthcheckPath`, `rewrites[0].has[1]`, `functions["api/*.js"].memory`; keys come from the file: capped. */
function fieldOf(path: readonly PropertyKey[]): string {
  const field = path
    .map((p, i) => {
      if (typeof p === 'number') return `[${p}]`;
      const key = String(p);
      if (!/^[$\w-]+$/.test(key)) return `[${JSON.stringify(key)}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join('');
  return truncate(field, 200);
}

/** JSON: syntax errors at their line; for the rest, the JSON document read as YAML gives each node's line. */
function parseJson(
  text: string,
  secrets: Scrubber,
): { data: unknown; lineOf: LineOf } | { error: string; line: number | undefined } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    // V8's message quotes the text around the fault: outside text, scrubbed and capped.
    return {
      error: `not valid JSON (${excerpt(message.replace(/ in JSON.*$/, ''), secrets, 200)})`,
      line: line ? Number(line) : undefined,
    };
  }
  try {
    const located = parseLocatedYaml(text);
    return { data: located.data, lineOf: (path) => located.lineOf(path, { key: true }) };
  } catch {
    // Nesting deep enough to exhaust the YAML reader's stack: the findings go without lines.
    return { data, lineOf: () => undefined };
  }
}

/** `"a".b . 'c'` as `a.b.c`: a TOML key or table name without its quotes and spaces. */
function tomlName(raw: string): string {
  return raw
    .split('.')
    .map((part) => part.trim().replace(/^["']|["']$/g, ''))
    .join('.');
}

/**
 * TOML keeps no positions, so each table header (`[deploy]`, `[[x]]`) and each key is listed by
 * its full dotted name with its line; a path's line is its own entry's, else the first table under
 * it (`volumes` is at `[volumes.data]`), else its parent's.
 */
function tomlLineOf(text: string): LineOf {
  const entries: { name: string; line: number }[] = [];
  let table = '';
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line)?.[1];
    if (header !== undefined) {
      table = tomlName(header);
      entries.push({ name: table, line: index + 1 });
      continue;
    }
    const key = /^\s*([\w"'.\- ]+?)\s*=/.exec(line)?.[1];
    if (key !== undefined) entries.push({ name: table ? `${table}.${tomlName(key)}` : tomlName(key), line: index + 1 });
  }
  return (path) => {
    const keys = path.filter((p): p is string => typeof p === 'string');
    for (let n = keys.length; n > 0; n--) {
      const name = keys.slice(0, n).join('.');
      const hit = entries.find((e) => e.name === name) ?? entries.find((e) => e.name.startsWith(`${name}.`));
      if (hit) return hit.line;
    }
    return undefined;
  };
}

/** `; did you mean healthcheckPath?`, or for Railway's two sections `; it belongs under build`. */
function meantKey(platform: 'railway' | 'vercel', path: readonly PropertyKey[], allowed: readonly string[]): string {
  const key = String(path[path.length - 1]);
  const near = nearestKey(key, allowed);
  if (near) return `; did you mean ${near}?`;
  const section = path[path.length - 2];
  if (platform === 'railway' && (section === 'build' || section === 'deploy')) {
    const other = section === 'build' ? 'deploy' : 'build';
    if (RAILWAY_SECTION_KEYS[other].includes(key)) return `; it belongs under ${other}`;
  }
  return '';
}

/** Past this many, a file's findings stop: the first ones say what is wrong, a flood only hides it. */
const MAX_FINDINGS_PER_FILE = 25;

async function shapeFindings(file: string, data: unknown, lineOf: LineOf): Promise<Finding[]> {
  const platform = kindOf(file) === 'vercel.json' ? 'vercel' : 'railway';
  const { validatorFor } = await import('./config-validators.ts');
  const validate = await validatorFor(platform, data);
  validate(data);
  const findings: Finding[] = [];
  const located = (path: readonly PropertyKey[]) => {
    const line = lineOf(path);
    return line !== undefined ? { line } : {};
  };
  // Vercel's module (and its published schemas) loads for a vercel.json only.
  const vercel = platform === 'vercel' ? await import('./vercel-config-schema.ts') : undefined;
  const publishedByVercel = (path: readonly PropertyKey[]) =>
    (vercel?.VERCEL_PUBLISHED_KEYS as readonly PropertyKey[] | undefined)?.includes(path[0] ?? '') ?? false;
  const problems = schemaProblems(validate.errors, data);
  for (const problem of problems.slice(0, MAX_FINDINGS_PER_FILE)) {
    const field = fieldOf(problem.path) || '(top level)';
    // Under Vercel's published schemas an unknown key fails the CLI's check: an error, as there.
    if (problem.unknownKey && !publishedByVercel(problem.path)) {
      findings.push({
        severity: 'warning',
        kind: 'config',
        rule: 'unknown-key',
        message: `${field}: unknown key (not in the ${platform === 'vercel' ? 'Vercel' : 'Railway'} config schema)${meantKey(platform, problem.path, problem.allowedKeys ?? [])}`,
        file,
        ...located(problem.path),
      });
      continue;
    }
    findings.push({
      severity: 'error',
      kind: 'config',
      rule: 'config-shape',
      message: `${field}: ${problem.message}${publishedByVercel(problem.path) ? " (Vercel's schema)" : ''}${
        problem.unknownKey ? meantKey(platform, problem.path, problem.allowedKeys ?? []) : ''
      }`,
      file,
      ...located(problem.path),
    });
  }
  if (problems.length > MAX_FINDINGS_PER_FILE) {
    findings.push({
      severity: findings.some((f) => f.severity === 'error') ? 'error' : 'warning',
      kind: 'config',
      rule: 'config-shape',
      message: `…and ${problems.length - MAX_FINDINGS_PER_FILE} more problem(s) in this file, not listed; fix the ones above first`,
      file,
    });
  }
  if (vercel) {
    for (const conflict of vercel.vercelConflicts(data)) {
      findings.push({
        severity: 'error',
        kind: 'config',
        rule: 'config-shape',
        message: `${conflict.key}: ${conflict.message}`,
        file,
        ...located([conflict.key]),
      });
    }
  }
  return findings;
}

function kindOf(path: string): ConfigFile {
  return CONFIG_FILES.find((name) => path === name || path.endsWith(`/${name}`)) ?? 'railway.json';
}

type Scrubber = Pick<SecretRegistry, 'scrub'>;

async function checkOne(dir: string, file: string, secrets: Scrubber): Promise<{ findings: Finding[]; data: unknown }> {
  const text = await readFile(join(dir, file), 'utf8');
  let parsed: { data: unknown; lineOf: LineOf };
  if (file.endsWith('.toml')) {
    const { parse, TomlError } = await import('smol-toml');
    try {
      parsed = { data: parse(text), lineOf: tomlLineOf(text) };
    } catch (error) {
      if (!(error instanceof TomlError)) throw error;
      // The parser's words (its first line: later lines quote the file) are outside text.
      const message = excerpt(error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid', secrets, 200);
      return {
        findings: [
          {
            severity: 'error',
            kind: 'config',
            rule: 'config-syntax',
            message: `not valid TOML (${message})`,
            file,
            line: error.line,
          },
        ],
        data: undefined,
      };
    }
  } else {
    const result = parseJson(text, secrets);
    if ('error' in result) {
      return {
        findings: [
          {
            severity: 'error',
            kind: 'config',
            rule: 'config-syntax',
            message: result.error,
            file,
            ...(result.line !== undefined ? { line: result.line } : {}),
          },
        ],
        data: undefined,
      };
    }
    parsed = result;
  }
  const findings = await shapeFindings(file, parsed.data, parsed.lineOf);
  return {
    findings: findings.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER)),
    data: parsed.data,
  };
}

type RailwayStage = { deploy?: { healthcheckPath?: unknown } };

/** The health check path Railway uses in `environment`: its override in `environments`, else the base one. */
function railwayHealthcheckPath(data: unknown, environment: string | undefined): string | undefined {
  const config = data as (RailwayStage & { environments?: Record<string, RailwayStage | undefined> }) | undefined;
  const override = environment ? config?.environments?.[environment]?.deploy?.healthcheckPath : undefined;
  const path = override ?? config?.deploy?.healthcheckPath;
  return typeof path === 'string' && path.startsWith('/') ? path : undefined;
}

export async function checkConfigFiles(
  dir: string,
  secrets: Scrubber = { scrub: (text) => text },
  environment?: string,
): Promise<ConfigResult> {
  const result: ConfigResult = { checked: [], findings: [], healthcheckPath: undefined };
  const present = await findConfigFiles(dir);
  for (const toml of present.filter((p) => kindOf(p) === 'railway.toml')) {
    if (!present.includes(toml.replace(/\.toml$/, '.json'))) continue;
    result.findings.push({
      severity: 'warning',
      kind: 'config',
      rule: 'config-duplicate',
      message: 'both railway.json and railway.toml exist here: Railway reads railway.toml and ignores railway.json; keep one',
      file: toml,
    });
  }
  // Vercel reads one of vercel.ts and vercel.json ("use only one configuration file").
  for (const json of present.filter((p) => kindOf(p) === 'vercel.json')) {
    const programmatic = json.replace(/\.json$/, '.ts');
    if (!existsSync(join(dir, programmatic))) continue;
    result.findings.push({
      severity: 'warning',
      kind: 'config',
      rule: 'config-duplicate',
      message: `both vercel.json and vercel.ts exist here: Vercel takes one configuration file; keep one`,
      file: json,
    });
  }
  for (const file of present) {
    const { findings, data } = await checkOne(dir, file, secrets);
    result.checked.push(file);
    result.findings.push(...findings);
    if (kindOf(file) !== 'vercel.json') result.healthcheckPath ??= railwayHealthcheckPath(data, environment);
  }
  return result;
}
