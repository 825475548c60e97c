/** A Runner that writes into memory and temp files, for tests of code that logs and sets outputs. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseKeyValueFile, Runner } from '../../packages/core/src/runner.ts';
import { tempDir } from './temp-dir.ts';

export interface CapturedRunner {
  runner: Runner;
  env: NodeJS.ProcessEnv;
  stdout(): string;
  outputs(): Record<string, string>;
  summary(): string;
}

export function captureRunner(env: NodeJS.ProcessEnv = {}): CapturedRunner {
  const dir = tempDir('runner-');
  const files = {
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_PATH: join(dir, 'path'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const fullEnv: NodeJS.ProcessEnv = { ...files, ...env };
  let out = '';
  const runner = new Runner({ env: fullEnv, write: (text) => (out += text) });
  return {
    runner,
    env: fullEnv,
    stdout: () => out,
    outputs: () => parseKeyValueFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: () => readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}
