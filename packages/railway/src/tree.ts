/**
 * Which files `railway up` sends. The CLI walks the tree with the Rust `ignore` crate's
 * defaults plus `.railwayignore`, following symlinks and keeping hidden files, then drops any
 * path with a `.git` or `node_modules` component. So, as there:
 * - `.railwayignore`, `.ignore` and `.gitignore` apply at every level, each to the paths under
 *   its own directory; a deeper file overrides a shallower one, and at one level `.railwayignore`
 *   beats `.ignore`, which beats `.gitignore`; `!pattern` re-includes;
 * - `.gitignore` (and `.git/info/exclude`) count only inside a git repository, as git's own
 *   rules do (the crate's `require_git`), and are read from the parent directories up to the
 *   repository's root; `.ignore` and `.railwayignore` are read from every parent directory;
 * - an ignored directory is not descended into, so nothing under it can come back;
 * - `.git` and `node_modules` are always left out, at any depth.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Ignore } from 'ignore';

type IgnoreFactory = () => Ignore;

const ALWAYS_LEFT_OUT = new Set(['.git', 'node_modules']);
/** Highest precedence first, at one level. */
const IGNORE_FILES = ['.railwayignore', '.ignore', '.gitignore'] as const;

interface Level {
  /** The level's directory, relative to the upload root ('' for the root; '../..' for a parent). */
  prefix: string;
  /** Its ignore files, highest precedence first. */
  matchers: Ignore[];
}

export interface TreeEntry {
  /** Relative to the root, `/`-separated. */
  path: string;
  directory: boolean;
}

function readRules(directory: string, names: readonly string[], create: IgnoreFactory): Ignore[] {
  const found: Ignore[] = [];
  for (const name of names) {
    const file = join(directory, name);
    if (!existsSync(file)) continue;
    try {
      found.push(create().add(readFileSync(file, 'utf8')));
    } catch {
      // An unreadable ignore file is skipped, as the crate skips it with a warning.
    }
  }
  return found;
}

/** The nearest directory at or above `start` that holds `.git` (a directory, or a worktree's file). */
export function gitRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function posix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * A path against one ignore file's rules alone, as the crate matches it. The package's public
 * `test()` also re-judges every parent directory with the same file, so a `dist/` that a deeper
 * file re-included would still hide `dist/index.html`; the walk has already settled the parents
 * (an ignored directory is never entered), so only the path's own match counts. The package's
 * rule list is internal: the version is pinned, and the tree tests fail if it changes shape.
 */
function ownRules(matcher: Ignore, path: string): { ignored: boolean; unignored: boolean } {
  const rules = (
    matcher as unknown as { _rules?: { test?: (p: string, mode: string) => { ignored: boolean; unignored: boolean } } }
  )._rules;
  return typeof rules?.test === 'function' ? rules.test(path, 'regex') : matcher.test(path);
}

/** Ignored (true), re-included (false), or no rule says (undefined), for one path at one level. */
function decide(level: Level, path: string, directory: boolean): boolean | undefined {
  const within = level.prefix === '' ? path : `${level.prefix}/${path}`;
  const candidate = directory ? `${within}/` : within;
  for (const matcher of level.matchers) {
    const result = ownRules(matcher, candidate);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return undefined;
}

/** Every entry `railway up` would put in the archive, directories included, in walk order. */
export async function listUploadTree(root: string): Promise<TreeEntry[]> {
  const ignore = (await import('ignore')).default as unknown as IgnoreFactory;
  const absoluteRoot = resolve(root);
  const repository = gitRoot(absoluteRoot);
  const gitNames = repository === undefined ? [] : IGNORE_FILES;
  const plainNames = IGNORE_FILES.filter((n) => n !== '.gitignore');

  // Parent directories, outermost first; their paths see ours through a prefix.
  const parents: Level[] = [];
  for (let dir = dirname(absoluteRoot), child = absoluteRoot; dir !== child; child = dir, dir = dirname(dir)) {
    const insideRepository = repository !== undefined && (dir === repository || dir.startsWith(`${repository}${sep}`));
    const matchers = readRules(dir, insideRepository ? gitNames : plainNames, ignore);
    if (matchers.length > 0) parents.unshift({ prefix: posix(relative(dir, absoluteRoot)), matchers });
  }
  const exclude =
    repository === undefined
      ? []
      : readRules(join(repository, '.git', 'info'), ['exclude'], ignore).map((matcher) => ({
          prefix: posix(relative(repository, absoluteRoot)),
          matchers: [matcher],
        }));

  const entries: TreeEntry[] = [];
  const walk = (directory: string, relativeDir: string, levels: Level[], seen: Set<string>): void => {
    const own = readRules(directory, repository === undefined ? plainNames : gitNames, ignore);
    const stack = own.length > 0 ? [...levels, { prefix: '', matchers: own, base: relativeDir }] : levels;
    let names: string[];
    try {
      names = readdirSync(directory).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (ALWAYS_LEFT_OUT.has(name)) continue;
      const path = relativeDir === '' ? name : `${relativeDir}/${name}`;
      const absolute = join(directory, name);
      let stats: ReturnType<typeof statSync>;
      try {
        stats = statSync(absolute); // follows symlinks, as the CLI does
      } catch {
        continue; // a dangling symlink
      }
      const isDirectory = stats.isDirectory();
      if (isIgnored(stack, path, isDirectory)) continue;
      entries.push({ path, directory: isDirectory });
      if (isDirectory) {
        const real = safeRealDir(absolute);
        if (real !== undefined && seen.has(real)) continue; // a symlink loop
        walk(absolute, path, stack, real === undefined ? seen : new Set([...seen, real]));
      }
    }
  };
  const levels: Level[] = [...exclude, ...parents];
  walk(absoluteRoot, '', levels, new Set([safeRealDir(absoluteRoot) ?? absoluteRoot]));
  return entries;
}

function safeRealDir(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The deepest level with an opinion decides. A level below the root matches paths relative to
 * its own directory (`base`), a parent level sees them through its prefix.
 */
function isIgnored(stack: Array<Level & { base?: string }>, path: string, directory: boolean): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const level = stack[i];
    if (!level) continue;
    const base = level.base;
    const within = base === undefined ? path : base === '' ? path : path.slice(base.length + 1);
    const decision = decide(base === undefined ? level : { prefix: '', matchers: level.matchers }, within, directory);
    if (decision !== undefined) return decision;
  }
  return false;
}
