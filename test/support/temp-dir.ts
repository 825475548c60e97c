/**
 * Temp folders for tests that do not outlive them. Inside a test (or its beforeEach) the folder is
 * removed when the test finishes, passed or failed; anywhere else (a beforeAll, a describe body)
 * there is no test to hang it on, so whoever asked for it removes it with `removeDir`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished, TestRunner } from 'vitest';

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (TestRunner.getCurrentTest()) onTestFinished(() => removeDir(dir));
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
