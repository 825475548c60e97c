/**
 * @actions/core is the oracle of the runner protocol: the same calls (test/support/protocol-calls.ts)
 * made through it and through our Runner must write the same bytes to stdout and to every
 * GITHUB_* file. Two differences are by design and normalised here: heredoc delimiters are random,
 * and our Runner registers more forms of a secret (`::add-mask::` lines) than the one core sends.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { node24 } from '../../../packages/harness/src/run-bundle.ts';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '../../support/protocol-calls.ts');
const FILES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'] as const;

interface Capture {
  stdout: string;
  files: Record<(typeof FILES)[number], string>;
}

function runScript(implementation: 'core' | 'runner'): Capture {
  const dir = mkdtempSync(join(tmpdir(), `protocol-${implementation}-`));
  try {
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin', HOME: dir };
    for (const name of FILES) {
      env[name] = join(dir, name);
      writeFileSync(join(dir, name), '');
    }
    const child = spawnSync(node24(), [SCRIPT, implementation], { env, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${implementation} script failed (${child.status}): ${child.stderr}`);
    const files = Object.fromEntries(FILES.map((name) => [name, readFileSync(join(dir, name), 'utf8')])) as Capture['files'];
    return { stdout: child.stdout, files };
  } finally {
    // Runs in a beforeAll, where no test would remove it; the files are read by now.
    rmSync(dir, { recursive: true, force: true });
  }
}

const normalise = (text: string): string => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X');
const withoutMasks = (stdout: string): string => stdout.replace(/^::add-mask::.*\n/gm, '');
const masks = (stdout: string): string[] => stdout.match(/^::add-mask::.*$/gm) ?? [];

describe('the runner protocol against @actions/core', () => {
  let core: Capture;
  let ours: Capture;
  beforeAll(() => {
    core = runScript('core');
    ours = runScript('runner');
  });

  it('writes the same log lines: info, debug, annotations with every property, groups', () => {
    expect(withoutMasks(ours.stdout)).toBe(withoutMasks(core.stdout));
    expect(core.stdout).toContain('::warning title=');
  });

  it('sends every add-mask command core sends, before the value is used', () => {
    expect(masks(core.stdout).length).toBeGreaterThan(0);
    for (const line of masks(core.stdout)) expect(masks(ours.stdout)).toContain(line);
  });

  for (const file of FILES) {
    it(`writes the same bytes to ${file}`, () => {
      expect(core.files[file].length).toBeGreaterThan(0);
      expect(normalise(ours.files[file])).toBe(normalise(core.files[file]));
    });
  }
});
