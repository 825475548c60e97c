import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../packages/harness/src/run-bundle.ts';
import { type Sandbox, startSandbox } from '../../packages/sandbox/src/index.ts';
import { actionNamed } from '../../scripts/actions.ts';
import { runTemplate } from './runner.ts';
import { ownAction } from './steps.ts';
import { loadWorkflow } from './workflow.ts';

const FIXTURES = 'test/fixtures/workflows';

describe('the template runner: expression semantics with run: steps', () => {
  it('chains outputs step to step and job to job, with env precedence, GITHUB_ENV, continue-on-error and skipped needs', async () => {
    const run = await runTemplate(`${FIXTURES}/expressions.yml`, {
      inputs: { name: 'Ada', count: 3 },
      github: { event_name: 'workflow_dispatch', repository: 'acme/api' },
    });
    expect(run.conclusion).toBe('success');
    expect(run.order).toEqual(['first', 'only-when-flag', 'second']);
    expect(run.outputs).toEqual({
      joined: 'hello Ada from acme/api on workflow_dispatch (workflow/from-job)|by-an-earlier-step|3x|skipped',
      'first-result': 'success',
      'skipped-result': 'skipped',
    });
    const steps = run.jobs.first?.steps ?? [];
    expect(steps.find((s) => s.id === 'tolerated')).toMatchObject({ outcome: 'failure', conclusion: 'success' });
    expect(steps.find((s) => s.id === 'still-success')?.outputs).toEqual({ status: 'success', secret: 'false' });
  });

  it('runs a job whose if: reads a boolean input, and passes a secret through', async () => {
    const run = await runTemplate(`${FIXTURES}/expressions.yml`, {
      inputs: { name: 'x', flag: 'true' },
      secrets: { TOKEN: 's3cret' },
    });
    expect(run.jobs['only-when-flag']?.result).toBe('success');
    expect(run.outputs['skipped-result']).toBe('success');
    expect(run.jobs.first?.steps.find((s) => s.id === 'still-success')?.outputs.secret).toBe('true');
  });

  it('refuses what GitHub would refuse: an unknown or missing input, an undeclared secret, a mistyped boolean', async () => {
    await expect(runTemplate(`${FIXTURES}/expressions.yml`, { inputs: { name: 'x', nmae: 'y' } })).rejects.toThrow(
      /has no input 'nmae'/,
    );
    await expect(runTemplate(`${FIXTURES}/expressions.yml`)).rejects.toThrow(/input 'name' is required/);
    await expect(runTemplate(`${FIXTURES}/expressions.yml`, { inputs: { name: 'x' }, secrets: { OTHER: '1' } })).rejects.toThrow(
      /secret 'OTHER' is not defined/,
    );
    await expect(runTemplate(`${FIXTURES}/expressions.yml`, { inputs: { name: 'x', flag: 'yes' } })).rejects.toThrow(
      /input 'flag' is a boolean/,
    );
  });

  describe('fails loudly on what it cannot run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'template-fixtures-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const workflow = (name: string, steps: string, extra = ''): string => {
      const path = join(dir, name);
      writeFileSync(
        path,
        `on:\n  workflow_call:\npermissions: {}\njobs:\n  only:\n    runs-on: ubuntu-24.04\n${extra}    steps:\n${steps}`,
      );
      return path;
    };

    it('a ./ action (it would resolve in the caller), a $/ reference with a ref, an unknown action', async () => {
      await expect(runTemplate(workflow('a.yml', '      - uses: ./actions/notify\n'))).rejects.toThrow(/caller's checkout/);
      await expect(runTemplate(workflow('b.yml', '      - uses: $/actions/notify@v1\n'))).rejects.toThrow(/takes no @ref/);
      await expect(
        runTemplate(workflow('c.yml', '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n')),
      ).rejects.toThrow(/no handler for actions\/checkout/);
    });

    it('an input our action does not declare', async () => {
      await expect(
        runTemplate(
          workflow('d.yml', '      - uses: $/actions/notify\n        with:\n          webhook-urll: https://x.example\n'),
        ),
      ).rejects.toThrow(/has no input 'webhook-urll'/);
    });

    it('a matrix, an unsupported shell, a workflow that does not parse, an expression that does not evaluate', async () => {
      await expect(
        runTemplate(workflow('e.yml', '      - run: echo\n', '    strategy:\n      matrix:\n        a: [1, 2]\n')),
      ).rejects.toThrow(/strategy is not supported/);
      await expect(runTemplate(workflow('f.yml', '      - run: echo\n        shell: pwsh\n'))).rejects.toThrow(/shell: pwsh/);
      await expect(runTemplate(workflow('g.yml', '      - run: echo\n        wiht: {}\n'))).rejects.toThrow(/does not parse/);
      await expect(runTemplate(workflow('h.yml', "      - run: echo\n        if: fromJSON('{')\n"))).rejects.toThrow(
        /cannot evaluate/,
      );
    });

    it('a run: step that prints a secret', async () => {
      const path = workflow('j.yml', '      - run: echo "$T"\n        env:\n          T: ${{ secrets.T }}\n');
      writeFileSync(path, readFileSync(path, 'utf8').replace('  workflow_call:\n', '  workflow_call:\n    secrets:\n      T:\n'));
      await expect(runTemplate(path, { secrets: { T: 'canary-5f1e' } })).rejects.toThrow(/printed a secret/);
    });

    it('gives steps the event: github.event in expressions and the GITHUB_EVENT_PATH file', async () => {
      const run = await runTemplate(
        workflow(
          'k.yml',
          '      - id: pr\n        if: github.event_name == \'pull_request\' && github.event.pull_request.number == 7\n        run: grep -q \'"number":7\' "$GITHUB_EVENT_PATH"\n',
        ),
        { github: { event_name: 'pull_request', event: { pull_request: { number: 7 } } } },
      );
      expect(run.jobs.only?.steps.map((s) => [s.id, s.conclusion])).toEqual([['pr', 'success']]);
    });

    it('runs an action that is not ours only through the handler the test gives', async () => {
      const seen: string[] = [];
      const run = await runTemplate(
        workflow(
          'i.yml',
          '      - id: co\n        uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n        with:\n          ref: main\n      - run: test "$REF" = main\n        env:\n          REF: ${{ steps.co.outputs.ref }}\n',
        ),
        {
          actions: {
            'actions/checkout': async (step) => {
              seen.push(step.inputs.ref ?? '');
              return { ok: true, outputs: { ref: step.inputs.ref ?? '' } };
            },
          },
        },
      );
      expect(seen).toEqual(['main']);
      expect(run.conclusion).toBe('success');
    });
  });
});

describe('the template runner: our actions against the sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => sandbox.close());
  beforeEach(() => {
    sandbox.slack.emulator.reset();
    sandbox.slack.emulator.control('rate-limit', { perSecond: 100, burst: 100 });
    sandbox.app.emulator.configure({ health: 'healthy' });
  });

  const run = () =>
    runTemplate(`${FIXTURES}/gate-and-notify.yml`, {
      inputs: { url: sandbox.app.url, 'gate-timeout': '3s' },
      secrets: { SLACK_WEBHOOK_URL: sandbox.slack.webhookUrl },
    });

  it('on a healthy release: outputs chain from the gate to the next step, to the next job and out; the failure step is skipped', async () => {
    const result = await run();
    expect(result.conclusion).toBe('success');
    const gate = result.jobs.gate;
    expect(gate?.steps.map((s) => [s.id, s.conclusion])).toEqual([
      ['gate', 'success'],
      ['verdict', 'success'],
      ['after-failure', 'skipped'],
    ]);
    const attempts = gate?.steps[0]?.outputs.attempts;
    expect(result.outputs).toEqual({
      healthy: 'true',
      verdict: `healthy=true after ${attempts} polls in production`,
      sent: 'true',
    });
    expect(gate?.environment).toEqual({ name: 'production', url: sandbox.app.url });
    const [message] = sandbox.slack.emulator.messages;
    expect(JSON.stringify(message?.payload)).toContain(`healthy=true after ${attempts} polls in production`);
    expect(result.jobs.tell?.steps[0]?.inputs.status).toBe('success');
  });

  it('on an unhealthy release: the gate fails, only the if: failure() step runs after it, and the always() job reports the failure', async () => {
    sandbox.app.emulator.configure({ health: 'unhealthy' });
    const result = await run();
    expect(result.conclusion).toBe('failure');
    expect(result.jobs.gate?.result).toBe('failure');
    expect(result.jobs.gate?.steps.map((s) => [s.id, s.conclusion])).toEqual([
      ['gate', 'failure'],
      ['verdict', 'skipped'],
      ['after-failure', 'success'],
    ]);
    expect(result.jobs.gate?.steps[2]?.outputs).toEqual({ text: 'job is failure' });
    expect(result.jobs.gate?.steps[2]?.stdout).toMatch(/the gate failed: .+/);
    expect(result.jobs.tell?.result).toBe('success');
    expect(result.jobs.tell?.steps[0]?.inputs).toMatchObject({ status: 'failure', text: 'the gate did not finish' });
    expect(result.outputs).toEqual({ healthy: 'false', verdict: '', sent: 'true' });
    expect(sandbox.slack.emulator.messages).toHaveLength(1);
  });

  it('never lets a bundle print a secret: the webhook URL stays out of every log', async () => {
    const result = await run();
    const step = result.jobs.tell?.steps[0];
    expect(step?.bundle).toBeDefined();
    expect(step?.bundle?.leaks).toEqual([]);
  });
});

describe('the template runner: nested templates', () => {
  it('calls $/.github/workflows/<file> in the same repository, with its inputs, secrets and outputs', async () => {
    const run = await runTemplate('.github/workflows/outer.yml', {
      repositoryRoot: `${FIXTURES}/repo`,
      secrets: { TOKEN: 't0ken' },
    });
    expect(run.conclusion).toBe('success');
    expect(run.jobs.call?.called?.outputs).toEqual({ said: 'hello nested (token true)' });
    expect(run.outputs).toEqual({ said: 'hello nested (token true), then after' });
  });
});

describe("the suite's own templates", () => {
  const dir = join(ROOT, '.github/workflows');
  const templates = readdirSync(dir).filter(
    (f) => /\.ya?ml$/.test(f) && /^\s+workflow_call:/m.test(readFileSync(join(dir, f), 'utf8')),
  );

  it('are there to check', () => {
    expect(templates.length).toBeGreaterThan(0);
  });

  for (const file of templates) {
    it(`${file} loads through GitHub's parser, and every step is one the runner can run`, async () => {
      const workflow = await loadWorkflow(join(dir, file));
      for (const job of workflow.template.jobs) {
        if (job.type === 'reusableWorkflowJob') {
          expect(job.ref.value, `jobs.${job.id.value}`).toMatch(/^\$\/\.github\/workflows\/[\w.-]+\.ya?ml$/);
          continue;
        }
        for (const key of ['strategy', 'container', 'services'] as const)
          expect(job[key], `jobs.${job.id.value}.${key}`).toBeUndefined();
        expect(workflow.rawSteps(job.id.value)).toHaveLength(job.steps.length);
        for (const step of job.steps) {
          expect('run' in step || 'uses' in step, `jobs.${job.id.value}: ${step.id}`).toBe(true);
          const uses = 'uses' in step ? step.uses.value : undefined;
          if (uses === undefined) continue;
          const own = ownAction(uses);
          if (own !== undefined) expect(() => actionNamed(own)).not.toThrow();
          else expect(uses, 'a third-party action the tests give a handler for').toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
        }
      }
    });
  }
});
