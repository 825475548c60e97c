/** The templates pass the workflow lint, and the lint catches a template that breaks an action's interface. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../packages/harness/src/run-bundle.ts';
import { lintWorkflow } from '../../scripts/lint-workflows.ts';

const TEMPLATES = ['railway.yml', 'vercel.yml', 'fullstack.yml', 'release.yml'];
const dir = join(ROOT, '.github', 'workflows');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const lint = (name: string, text: string) => lintWorkflow(`.github/workflows/${name}`, text, { workflowsDir: dir });

describe('the workflow templates under the lint', () => {
  for (const name of TEMPLATES) {
    it(`${name} passes actionlint and the suite's rules`, async () => {
      expect(await lint(name, read(name))).toEqual([]);
    });
  }

  it('fails railway.yml when a step passes an input its action does not declare', async () => {
    const broken = read('railway.yml').replace(
      '          expect-version: ${{ inputs.expect-version }}',
      '          expect-versoin: ${{ inputs.expect-version }}',
    );
    expect(broken).not.toBe(read('railway.yml'));
    const findings = await lint('railway.yml', broken);
    expect(findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/health-gate has no input 'expect-versoin' \(did you mean 'expect-version'\?\)/),
    );
  });

  it('fails vercel.yml when it reads an output its action does not set', async () => {
    const broken = read('vercel.yml').replace(
      '${{ steps.staged.outputs.deployment-id }}\n',
      '${{ steps.staged.outputs.deployment }}\n',
    );
    expect(broken).not.toBe(read('vercel.yml'));
    const findings = await lint('vercel.yml', broken);
    expect(findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/step 'staged' \(deploy-vercel\) sets no output 'deployment'/),
    );
  });

  it('fails a template that puts an expression inside run:', async () => {
    const broken = read('release.yml').replace(
      'run: gh release create "$TAG"',
      'run: gh release create "${{ github.ref_name }}"',
    );
    const findings = await lint('release.yml', broken);
    expect(findings.map((f) => f.message)).toContainEqual(expect.stringMatching(/no `\$\{\{ \}\}` inside `run:`/));
  });
});
