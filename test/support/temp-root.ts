/**
 * vitest globalSetup: the run gets a temp folder of its own. TMPDIR points there before the workers
 * start, so `os.tmpdir()` in the tests and in every process they spawn resolves inside it. Whatever
 * is still there when the tests end was left by a test: the closing-line reporter names it by prefix
 * (`leftoverTempFolders`), so the leak can be found; the folder goes either way, so the machine's
 * temp folder does not fill up run after run.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const PREFIX = 'vitest-run-';
/** Caches libraries keep in the temp folder (jiti's transpile cache, Node's compile cache): not leaks. */
const LIBRARY_CACHES = new Set(['jiti', 'node-compile-cache']);

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), PREFIX));
  // Like /tmp itself: the PostgreSQL clusters run as the postgres user and must reach their folder.
  chmodSync(root, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}

/** What the tests left in the run's temp folder, by prefix; empty when nothing (or outside such a run). */
export function leftoverTempFolders(): string {
  const root = process.env.TMPDIR;
  if (!root || !basename(root).startsWith(PREFIX) || !existsSync(root)) return '';
  const left = readdirSync(root).filter((name) => !LIBRARY_CACHES.has(name));
  return left.length > 0 ? byPrefix(left) : '';
}

/** `runner-* ×12, rw-wait-* ×3`: mkdtemp's six random characters after a prefix's dash folded into `*`, most common first. */
export function byPrefix(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) {
    const prefix = name.replace(/(?<=[-_])[A-Za-z0-9]{6}$/, '*');
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([prefix, count]) => `${prefix} ×${count}`)
    .join(', ');
}
