/**
 * `npm run demo`: the full-stack pipeline (.github/workflows/fullstack.yml, which calls railway.yml
 * and vercel.yml) run through the committed bundles against the local sandbox, printed step by
 * step: v1 → v2 succeeds; v3 is unhealthy → the gate fails → the API is rolled back → Slack says
 * so. Exits 0 only when the world ends as expected: production serves v2, Slack heard it all.
 */
import { fullStackRelease, type PipelineRun, served, startWorld } from '../packages/harness/src/scenarios.ts';
import type { StepRun } from '../test/templates/runner.ts';

const tty = process.stdout.isTTY;
const paint = (code: string) => (s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = paint('1');
const dim = paint('2');
const red = paint('31');
const green = paint('32');

const MARK: Record<string, string> = { success: green('✓'), failure: red('✗'), skipped: dim('–') };

/** The lines of a step's log worth reading: annotations and plain lines, not the runner's commands. */
function logLines(step: StepRun): string[] {
  const lines: string[] = [];
  let inert = false;
  for (const line of (step.stdout ?? '').split('\n')) {
    if (/^::stop-commands::/.test(line)) inert = true;
    if (inert && /^::[0-9a-f-]+::$/.test(line)) inert = false;
    const annotation = /^::(error|warning|notice)[^:]*::(.*)$/.exec(line);
    if (annotation)
      lines.push(`${annotation[1] === 'error' ? red(annotation[1]) : annotation[1]}: ${annotation[2]?.replace(/%0A/g, ' ')}`);
    else if (line !== '' && !line.startsWith('::')) lines.push(line);
  }
  return lines;
}

/** A summary in Markdown, made readable in a terminal: tags dropped, one short line each. */
function summaryLines(step: StepRun): string[] {
  const summary = step.bundle?.summary ?? '';
  return summary
    .replace(/<[^>]+>/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '' && !/^\|[-| ]+\|$/.test(l));
}

function printStep(job: string, step: StepRun): void {
  const what = step.uses?.replace(/^\$\/actions\//, '') ?? 'run';
  const took = step.bundle ? dim(` ${(step.bundle.durationMs / 1000).toFixed(1)}s`) : '';
  console.log(
    `  ${MARK[step.conclusion] ?? step.conclusion} ${bold(`${job} › ${step.id.startsWith('__') ? what : step.id}`)} ${dim(`(${what})`)}${took}`,
  );
  if (step.conclusion === 'skipped') return;
  const log = logLines(step);
  for (const line of log.slice(-8)) console.log(dim(`      │ ${line.slice(0, 160)}`));
  const summary = summaryLines(step);
  for (const line of summary.slice(0, 6)) console.log(`      ${dim('▸')} ${line.slice(0, 160)}`);
}

function verdict(name: string, ok: boolean, detail: string): boolean {
  console.log(`  ${ok ? green('✓') : red('✗')} ${name}: ${detail}`);
  return ok;
}

function failedJobs(run: PipelineRun): string {
  return Object.values(run.run.jobs)
    .filter((j) => j.result === 'failure')
    .map((j) => j.id)
    .join(', ');
}

console.log(bold('Deploy suite demo: fullstack.yml against the local sandbox (Railway, Vercel, GitHub, Slack emulators)'));
const world = await startWorld({ onStep: printStep });
let ok = true;
try {
  console.log(dim(`Railway ${world.sandbox.railway.url}  Vercel ${world.sandbox.vercel.url}  Slack ${world.sandbox.slack.url}`));
  for (const [title, version, runtime] of [
    ['Run 1: release v1', '1.0.0', 'ok'],
    ['Run 2: release v2', '2.0.0', 'ok'],
    ['Run 3: release v3, whose API answers unhealthy', '3.0.0', 'unhealthy'],
  ] as const) {
    console.log(`\n${bold(`▶ ${title}`)}`);
    const started = Date.now();
    const run = await fullStackRelease(world, version, runtime);
    const now = await served(world);
    console.log(
      `  ${run.run.conclusion === 'success' ? green('pipeline succeeded') : red(`pipeline failed (${failedJobs(run)})`)} in ${((Date.now() - started) / 1000).toFixed(1)}s; production serves API ${bold(now.api)}, frontend ${bold(now.frontend ?? 'nothing')}`,
    );
    const expected = runtime === 'ok' ? 'success' : 'failure';
    ok = verdict(`${title}`, run.run.conclusion === expected, `expected ${expected}, got ${run.run.conclusion}`) && ok;
  }

  console.log(`\n${bold('What Slack received')}`);
  for (const m of world.sandbox.slack.emulator.messages) console.log(`  ${String(m.payload.text)}`);

  console.log(`\n${bold('The world afterwards')}`);
  const now = await served(world);
  const messages = world.sandbox.slack.emulator.messages.map((m) => JSON.stringify(m.payload));
  ok = verdict('the API serves v2 again', now.api === '2.0.0', `serves ${now.api}`) && ok;
  ok = verdict('the frontend serves v2, never v3', now.frontend === '2.0.0', `serves ${now.frontend}`) && ok;
  ok = verdict('Slack got three messages', messages.length === 3, `${messages.length}`) && ok;
  ok =
    verdict(
      'the last one says the API was rolled back',
      /Rolled back/.test(messages.at(-1) ?? ''),
      String(world.sandbox.slack.emulator.messages.at(-1)?.payload.text),
    ) && ok;
} finally {
  await world.close();
}
console.log(ok ? green(bold('\nThe demo ended as expected.')) : red(bold('\nThe demo did NOT end as expected.')));
process.exit(ok ? 0 : 1);
