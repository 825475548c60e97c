/**
 * Where the real API contracts are: `CONTRACTS_DIR`, else `../shared/contracts` beside the
 * repository. A contract that is missing fails the test that needs it; it is never skipped.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function contractsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(ROOT, env.CONTRACTS_DIR ?? '../shared/contracts');
}

/** The path of one contract file; throws, naming where it looked, when it is not there. */
export function contractFile(...parts: string[]): string {
  const path = join(contractsDir(), ...parts);
  if (!existsSync(path)) {
    throw new Error(
      `Contract ${parts.join('/')} is missing: looked for ${path}. Set CONTRACTS_DIR to the folder holding the contracts.`,
    );
  }
  return path;
}
