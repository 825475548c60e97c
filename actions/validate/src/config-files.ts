/**
 * railway.json / railway.toml and vercel.json: each must parse (JSON, or TOML with smol-toml)
 * and match the platform's documented shape; an unknown key is a warning. Railway's
 * `deploy.healthcheckPath` is reported as the path health-gate should probe.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretRegistry } from '@deploy-suite/core/secrets';
import { excerpt } from '@deploy-suite/core/untrusted';
import type { z } from 'zod';
import type { Finding } from './findings.ts';
import { parseLocatedYaml } from './yaml-lines.ts';

export const CONFIG_FILES = ['railway.json', 'railway.toml', 'vercel.json'] as const;
type ConfigFile = (typeof CONFIG_FILES)[number];

export interface ConfigResult {
  checked: string[];
  findings: Finding[];
  healthcheckPath: string | undefined;
}

type LineOf = (path: readonly PropertyKey[]) => number | undefined;

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** JSON: syntax errors at their line; for the rest, the JSON document read as YAML gives each node's line. */
function parseJson(
  text: string,
  secrets: Scrubber,
): { data: unknown; lineOf: LineOf } | { error: string; line: number | undefined } {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    // V8's message quotes the text around the fault: outside text, scrubbed and capped.
    return {
      error: `not valid JSON (${excerpt(message.replace(/ in JSON.*$/, ''), secrets, 200)})`,
      line: line ? Number(line) : undefined,
    };
  }
  const located = parseLocatedYaml(text);
  return { data: located.data, lineOf: (path) => located.lineOf(path, { key: true }) };
}

/** TOML keeps no positions; a key's line is found after its table header (`[deploy]`) or as a dotted key. */
function tomlLineOf(text: string): LineOf {
  const lines = text.split(/\r?\n/);
  return (path) => {
    const keys = path.filter((p): p is string => typeof p === 'string');
    const last = keys[keys.length - 1];
    if (last === undefined) return undefined;
    const table = keys.slice(0, -1).join('.');
    let inTable = table === '';
    for (const [index, line] of lines.entries()) {
      const header = /^\s*\[\s*([^\]]+?)\s*\]/.exec(line);
      if (header) {
        inTable = header[1] === table;
        if (inTable && keys.length === 1 && header[1] === last) return index + 1;
        continue;
      }
      const key = /^\s*([\w."-]+)\s*=/.exec(line)?.[1]?.replace(/"/g, '');
      if (key && ((inTable && key === last) || key === keys.join('.'))) return index + 1;
    }
    return table === '' ? undefined : tomlLineOf(text)(keys.slice(0, -1));
  };
}

function issuesToFindings(file: string, issues: readonly z.core.$ZodIssue[], lineOf: LineOf): Finding[] {
  const findings: Finding[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const line = lineOf(path);
        findings.push({
          severity: 'warning',
          kind: 'config',
          rule: 'unknown-key',
          message: `${fieldOf(path)}: unknown key (not in the documented ${kindOf(file) === 'vercel.json' ? 'Vercel' : 'Railway'} config)`,
          file,
          ...(line !== undefined ? { line } : {}),
        });
      }
      continue;
    }
    const line = lineOf(issue.path);
    findings.push({
      severity: 'error',
      kind: 'config',
      rule: 'config-shape',
      message: `${fieldOf(issue.path) || '(top level)'}: ${issue.message}`,
      file,
      ...(line !== undefined ? { line } : {}),
    });
  }
  return findings;
}

/** The config files at the top and one folder down (a monorepo's `web/vercel.json`). */
async function findConfigFiles(dir: string): Promise<string[]> {
  const folders = [
    '',
    ...(await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
      .map((e) => e.name)
      .sort(),
  ];
  return folders.flatMap((folder) =>
    CONFIG_FILES.map((name) => (folder ? `${folder}/${name}` : name)).filter((p) => existsSync(join(dir, p))),
  );
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
  const { railwayConfigSchema, vercelConfigSchema } = await import('./platform-configs.ts');
  const schema = kindOf(file) === 'vercel.json' ? vercelConfigSchema : railwayConfigSchema;
  const result = schema.safeParse(parsed.data);
  const findings = result.success ? [] : issuesToFindings(file, result.error.issues, parsed.lineOf);
  return { findings: findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), data: parsed.data };
}

export async function checkConfigFiles(dir: string, secrets: Scrubber = { scrub: (text) => text }): Promise<ConfigResult> {
  const result: ConfigResult = { checked: [], findings: [], healthcheckPath: undefined };
  const present = await findConfigFiles(dir);
  for (const toml of present.filter((p) => kindOf(p) === 'railway.toml')) {
    if (!present.includes(toml.replace(/\.toml$/, '.json'))) continue;
    result.findings.push({
      severity: 'warning',
      kind: 'config',
      rule: 'config-duplicate',
      message: 'both railway.json and railway.toml exist here; keep one so it is clear which Railway reads',
      file: toml,
    });
  }
  for (const file of present) {
    const { findings, data } = await checkOne(dir, file, secrets);
    result.checked.push(file);
    result.findings.push(...findings);
    const path = (data as { deploy?: { healthcheckPath?: unknown } } | undefined)?.deploy?.healthcheckPath;
    if (kindOf(file) !== 'vercel.json' && typeof path === 'string' && path.startsWith('/')) result.healthcheckPath ??= path;
  }
  return result;
}
