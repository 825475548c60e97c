import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../packages/harness/src/run-bundle.ts';
import { suiteRules } from '../../../scripts/lint-workflows.ts';

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
