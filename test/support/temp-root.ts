/**
 * vitest globalSetup: the run gets a temp folder of its own. TMPDIR points there before the workers
 * start, so `os.tmpdir()` in the tests and in every process they spawn resolves inside it. At the end
 * whatever is still there was left by a test: it is named by prefix, so the leak can be found, and
 * the folder goes either way, so the machine's temp folder does not fill up run after run.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'vitest-run-'));
  // Like /tmp itself: the PostgreSQL clusters run as the postgres user and must reach their folder.
  chmodSync(root, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = readdirSync(root);
    // A warning, not a failure: the run's verdict stays the tests' own.
    if (left.length > 0) console.warn(`\n⚠ temp folders left by tests: ${byPrefix(left)}\n`);
    rmSync(root, { recursive: true, force: true });
  };
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
