/**
 * Where the platform config files are: at the top of the working directory and up to two folders
 * down, so a monorepo's `web/vercel.json` and `apps/api/railway.toml` are found. In a git work tree
 * only tracked files count (what a deploy ships; build output and ignored copies do not); outside
 * one, the folders are walked. Dot-folders and node_modules are never looked in.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exec } from '@deploy-suite/core/exec';

export const CONFIG_FILES = ['railway.json', 'railway.toml', 'vercel.json'] as const;

/** Folders below the working directory that are searched. */
const MAX_DEPTH = 2;

const skipped = (folder: string) => folder.startsWith('.') || folder === 'node_modules';

function wanted(path: string): boolean {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  return (CONFIG_FILES as readonly string[]).includes(name) && parts.length <= MAX_DEPTH && !parts.some(skipped);
}

/** Tracked config files, or undefined when `dir` is not in a git work tree (or git is missing). */
async function tracked(dir: string): Promise<string[] | undefined> {
  const patterns = CONFIG_FILES.map((name) => `:(glob)**/${name}`);
  try {
    const result = await exec('git', ['-c', 'core.quotepath=off', 'ls-files', '-z', '--', ...patterns], {
      cwd: dir,
      label: 'git ls-files',
      okExitCodes: 'any',
    });
    if (result.exitCode !== 0) return undefined;
    // A tracked file deleted in the work tree is not there to check.
    return result.stdout.split('\0').filter((p) => p !== '' && existsSync(join(dir, p)));
  } catch {
    return undefined;
  }
}

async function walk(dir: string, folder: string, depth: number, found: string[]): Promise<void> {
  for (const entry of await readdir(join(dir, folder), { withFileTypes: true })) {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isFile() && wanted(path)) found.push(path);
    else if (entry.isDirectory() && depth < MAX_DEPTH && !skipped(entry.name)) await walk(dir, path, depth + 1, found);
  }
}

/** The config files, the top folder's first, then by folder and name. */
export async function findConfigFiles(dir: string): Promise<string[]> {
  let found = await tracked(dir);
  if (!found) {
    found = [];
    await walk(dir, '', 0, found);
  }
  const depth = (p: string) => p.split('/').length;
  return found.filter(wanted).sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}
