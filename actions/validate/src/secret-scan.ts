/**
 * The secret scan: every tracked file (`git ls-files`) and, on a pull request, the lines each of
 * its commits added (a secret committed and removed in a later commit is still in the history),
 * through secretlint; plus committed dotenv files by name. A found secret is registered with the
 * runner as a secret at once, and shown only masked, with a fingerprint for the ignore file.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { exec } from '@deploy-suite/core/exec';
import type { SecretRegistry } from '@deploy-suite/core/secrets';
import { excerpt } from '@deploy-suite/core/untrusted';
import type { Finding } from './findings.ts';
import type { IgnoreList } from './ignore-file.ts';
import { EXTRA_PATTERNS, type SecretlintConfig, secretlintConfig } from './secretlint-config.ts';

/** Files larger than this are not read (build output, data dumps); the report counts them. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface ScanStats {
  files: number;
  skippedLarge: number;
  skippedBinary: number;
  ignored: number;
  commits: number;
  durationMs: number;
}

export interface ScanOptions {
  cwd: string;
  ignore: IgnoreList;
  /** Registers a found secret with the runner (masked from here on). */
  setSecret(value: string): void;
  /** Scrubs registered secrets from secretlint's messages (outside text) before they are kept. */
  secrets: Pick<SecretRegistry, 'scrub'>;
  signal?: AbortSignal;
  /** A pull request's range, when the run is for one. */
  pullRequest?: { base: string; head: string };
  warn(message: string): void;
}

/** `.env`, `.env.production`, `api/.env.local`: dotenv files that hold real values. Templates are fine. */
export function isCommittedEnvFile(path: string): boolean {
  const name = basename(path);
  if (name !== '.env' && !name.startsWith('.env.')) return false;
  return !/\.(example|sample|template|dist|defaults?|schema|tpl)$/i.test(name);
}

export function fingerprintOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/** `sk_l…(32 chars)`: enough to recognise which key, never enough to use it. */
export function maskSecret(secret: string): string {
  const shown = secret.length >= 16 ? secret.slice(0, 4) : '';
  return `${shown}…(${secret.length} chars)`;
}

function patternName(secret: string): string {
  const regex = (source: string) =>
    new RegExp(source.slice(1, source.lastIndexOf('/')), source.slice(source.lastIndexOf('/') + 1));
  return EXTRA_PATTERNS.find((p) => p.patterns.some((source) => regex(source).test(secret)))?.name ?? 'a secret pattern';
}

interface Scanner {
  scan(path: string, content: string, lineMap?: readonly number[]): Promise<Finding[]>;
}

async function createScanner(options: ScanOptions): Promise<Scanner> {
  const [{ lintSource }, config] = await Promise.all([import('@secretlint/core'), secretlintConfig()]);
  return {
    async scan(path, content, lineMap) {
      const result = await lintSource({
        source: { content, filePath: join(options.cwd, path), contentType: 'text' },
        options: { config: config as SecretlintConfig, maskSecrets: true },
      });
      const findings: Finding[] = [];
      for (const message of result.messages) {
        const secret = content.slice(message.range[0], message.range[1]);
        if (secret.length > 0) options.setSecret(secret);
        const fingerprint = secret ? fingerprintOf(secret) : undefined;
        const rule = message.ruleId;
        if (options.ignore.ignoresFinding(rule, fingerprint)) continue;
        // secretlint masks every data value of a message, the pattern's name too: name it again.
        // Its message also carries the masked secret (`found …: *****…`): ours shows it once, shorter.
        const what = rule.endsWith('secretlint-rule-pattern')
          ? `found ${patternName(secret)}`
          : message.message.replace(/\s*(?:\(\*{4,}\)|:?\s*\*{4,})/g, '');
        const line = lineMap ? (lineMap[message.loc.start.line - 1] ?? message.loc.start.line) : message.loc.start.line;
        findings.push({
          severity: 'error',
          kind: 'secret',
          rule,
          message: `${excerpt(what, options.secrets, 200)} — ${maskSecret(secret)}, fingerprint ${fingerprint}`,
          file: path,
          line,
          column: message.loc.start.column + 1,
          ...(fingerprint ? { fingerprint } : {}),
        });
      }
      return findings;
    },
  };
}

async function trackedFiles(options: ScanOptions): Promise<string[]> {
  const result = await exec('git', ['-c', 'core.quotepath=off', 'ls-files', '-z'], {
    cwd: options.cwd,
    label: 'git ls-files',
    ...(options.signal ? { signal: options.signal } : {}),
  }).catch((error: unknown) => {
    throw Object.assign(error as Error, {
      hint: 'The secret scan reads the tracked files: run actions/checkout first, or set scan-secrets: false.',
    });
  });
  return result.stdout.split('\0').filter((p) => p !== '');
}

function committedEnvFinding(path: string): Finding {
  return {
    severity: 'error',
    kind: 'secret',
    rule: 'committed-env-file',
    message:
      'a dotenv file is committed; its values are in the history (rotate them, git rm --cached it and add it to .gitignore)',
    file: path,
    line: 1,
  };
}

/** The lines each commit of a pull request added, per file, with their line numbers. */
async function addedLines(options: ScanOptions, range: { base: string; head: string }) {
  const run = (args: string[]) =>
    exec('git', args, { cwd: options.cwd, label: 'git', ...(options.signal ? { signal: options.signal } : {}) });
  const commits = (await run(['rev-list', '--no-merges', `${range.base}..${range.head}`])).stdout.split('\n').filter(Boolean);
  const additions: Array<{ commit: string; path: string; lines: string[]; numbers: number[] }> = [];
  for (const commit of commits) {
    const diff = await run(['show', '--format=', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', commit]);
    let current: { commit: string; path: string; lines: string[]; numbers: number[] } | undefined;
    let next = 0;
    for (const line of diff.stdout.split('\n')) {
      if (line.startsWith('+++ ')) {
        const path = line === '+++ /dev/null' ? undefined : line.slice(4).replace(/^b\//, '');
        current = path === undefined ? undefined : { commit, path, lines: [], numbers: [] };
        if (current) additions.push(current);
      } else if (line.startsWith('@@')) {
        next = Number(/\+(\d+)/.exec(line)?.[1] ?? 0);
      } else if (line.startsWith('+') && current) {
        current.lines.push(line.slice(1));
        current.numbers.push(next++);
      }
    }
  }
  return { commits: commits.length, additions };
}

async function readTextFile(path: string, stats: ScanStats): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  if (info.size > MAX_FILE_BYTES) {
    stats.skippedLarge++;
    return undefined;
  }
  const buffer = await readFile(path);
  if (buffer.subarray(0, 8000).includes(0)) {
    stats.skippedBinary++;
    return undefined;
  }
  return buffer.toString('utf8');
}

export async function scanSecrets(options: ScanOptions): Promise<{ findings: Finding[]; stats: ScanStats }> {
  const started = performance.now();
  const stats: ScanStats = { files: 0, skippedLarge: 0, skippedBinary: 0, ignored: 0, commits: 0, durationMs: 0 };
  const files = await trackedFiles(options);
  const scanner = await createScanner(options);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (f: Finding) => {
    const key = `${f.file}\0${f.rule}\0${f.fingerprint ?? f.line}`;
    if (!seen.has(key)) findings.push(f);
    seen.add(key);
  };

  for (const path of files) {
    options.signal?.throwIfAborted();
    if (options.ignore.ignoresPath(path)) {
      stats.ignored++;
      continue;
    }
    if (isCommittedEnvFile(path) && !options.ignore.ignoresFinding('committed-env-file', undefined))
      add(committedEnvFinding(path));
    const content = await readTextFile(join(options.cwd, path), stats);
    if (content === undefined) continue;
    stats.files++;
    for (const f of await scanner.scan(path, content)) add(f);
  }

  if (options.pullRequest) {
    const { base, head } = options.pullRequest;
    const present = await exec('git', ['cat-file', '-e', `${base}^{commit}`], { cwd: options.cwd, okExitCodes: 'any' });
    if (present.exitCode !== 0) {
      options.warn(
        "The pull request's base commit is not in the clone, so its commits were not scanned (only the tracked files). Check out with `fetch-depth: 0` to scan them.",
      );
    } else {
      const { commits, additions } = await addedLines(options, { base, head });
      stats.commits = commits;
      for (const addition of additions) {
        if (options.ignore.ignoresPath(addition.path)) continue;
        for (const f of await scanner.scan(addition.path, addition.lines.join('\n'), addition.numbers)) {
          add({ ...f, message: `${f.message} (added in commit ${addition.commit.slice(0, 7)})` });
        }
      }
    }
  }
  stats.durationMs = performance.now() - started;
  return { findings, stats };
}
