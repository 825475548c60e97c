/**
 * The committed dist/ must be exactly what the sources build to: CI rebuilds every bundle into a
 * temp folder and fails on any difference (the diff goes to the job summary, as codeql-action's
 * check does), on `@@notfound` (a module ncc could not resolve), and on a bundle that cannot
 * start (it must answer an empty run with exit 0 or one clean `::error::`, never a crash).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS } from './actions.ts';
import { bundleAll } from './bundle.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const problems: string[] = [];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const fresh = mkdtempSync(join(tmpdir(), 'dist-check-'));
try {
  await bundleAll(fresh);

  const committed = join(root, 'dist');
  const expected = new Set(filesUnder(fresh));
  const actual = new Set(filesUnder(committed));
  const differing = [...new Set([...expected, ...actual])].filter(
    (file) =>
      !expected.has(file) || !actual.has(file) || !readFileSync(join(fresh, file)).equals(readFileSync(join(committed, file))),
  );
  if (differing.length > 0) {
    const diff = spawnSync('git', ['diff', '--no-index', '--stat', '--', committed, fresh], { encoding: 'utf8' }).stdout;
    const full = spawnSync('git', ['diff', '--no-index', '--', committed, fresh], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).stdout;
    problems.push(`dist/ is stale: ${differing.join(', ')}. Run \`npm run bundle\` and commit dist/.`);
    console.log(diff);
    const summary = process.env.GITHUB_STEP_SUMMARY;
    if (summary) {
      const excerpt = full.length > 60_000 ? `${full.slice(0, 60_000)}\n… (cut)` : full;
      appendFileSync(
        summary,
        `## dist/ is stale\n\n<details><summary>${differing.length} file(s) differ</summary>\n\n\`\`\`diff\n${excerpt}\n\`\`\`\n</details>\n`,
      );
    }
  }

  for (const file of actual) {
    if (file.endsWith('.js') && readFileSync(join(committed, file), 'utf8').includes('@@notfound')) {
      problems.push(`dist/${file} contains @@notfound: a module could not be resolved when bundling.`);
    }
  }

  for (const action of ACTIONS) {
    const entry = join(committed, action.name, 'index.js');
    const run = spawnSync(process.execPath, [entry], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
    });
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    const crashed = /\n\s+at .+:\d+:\d+/.test(`${run.stdout}\n${run.stderr}`) || run.stdout.includes('Internal error');
    if (
      run.status === null ||
      run.status > 1 ||
      crashed ||
      (run.status === 1 && errors.length !== 1) ||
      !run.stdout.includes('status=')
    ) {
      problems.push(`dist/${action.name}/index.js cannot start cleanly (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    }
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}

if (problems.length > 0) {
  for (const p of problems) console.error(`::error::${p.replace(/\n/g, '%0A')}`);
  process.exit(1);
}
console.log(`dist/ matches the sources for ${ACTIONS.length} action(s); every bundle starts.`);
