/**
 * Secret scan throughput: a generated repository of 20,000 tracked source files (about 1.5 KiB
 * each, in 200 folders) with 10 planted live keys, scanned by the validate bundle. Measured from
 * the scan's own timing in the JSON report (git ls-files, reading, secretlint), so process start
 * is not in the figure; the run must find exactly the 10 planted keys.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBundle } from '../packages/harness/src/run-bundle.ts';
import { token } from '../test/fixtures/validate/seed-repo.ts';
import type { Bench } from './types.ts';

const FILES = Number(process.env.BENCH_VALIDATE_FILES ?? 20_000);
const PLANTED = 10;

function sourceFile(i: number): string {
  const lines = [`// module ${i}`, "import { request } from '../lib/http.js';", ''];
  for (let f = 0; f < 8; f++) {
    lines.push(
      `export async function handler${f}(input) {`,
      `  const url = process.env.API_URL + '/v1/items/${i}/${f}';`,
      `  const res = await request(url, { method: 'POST', body: JSON.stringify({ id: '${token(12, i * 8 + f)}', input }) });`,
      '  if (!res.ok) throw new Error(`failed: ${res.status}`);',
      '  return res.json();',
      '}',
      '',
    );
  }
  return lines.join('\n');
}

export function generateRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'validate-bench-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  for (let i = 0; i < FILES; i++) {
    const folder = join(dir, 'src', `pkg${i % 200}`);
    if (i < 200) mkdirSync(folder, { recursive: true });
    let text = sourceFile(i);
    // Spread the planted keys through the tree, mid-file.
    if (i % Math.floor(FILES / PLANTED) === 7) text += `\nconst key = '${['sk', 'live', token(32, i)].join('_')}';\n`;
    writeFileSync(join(folder, `file${i}.js`), text);
  }
  execFileSync('git', ['add', '-A'], { cwd: dir });
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.test', 'commit', '-q', '-m', 'generated'], {
    cwd: dir,
  });
  return dir;
}

export const validateBench: Bench = {
  name: 'validate secret scan',
  async run() {
    const dir = generateRepository();
    try {
      const reportPath = join(dir, '..', `${dir.split('/').pop()}-report.json`);
      const run = await runBundle('validate', {
        cwd: dir,
        inputs: { schema: 'none', 'check-config': 'false', 'fail-on': 'never', report: reportPath },
        timeoutMs: 30 * 60_000,
      });
      if (run.exitCode !== 0) throw new Error(`the scan failed: ${run.errors.join(' | ')}`);
      const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
        errors: number;
        checked: { secretScan: { files: number; durationMs: number } };
      };
      rmSync(reportPath, { force: true });
      const { files, durationMs } = report.checked.secretScan;
      if (files !== FILES || report.errors !== PLANTED) {
        throw new Error(`scanned ${files} files and found ${report.errors} secrets; expected ${FILES} and ${PLANTED}`);
      }
      return [
        {
          name: `validate secret scan, ${FILES} files`,
          value: Math.round(files / (durationMs / 1000)),
          unit: 'files/s',
          note: `${(durationMs / 1000).toFixed(1)} s; ${PLANTED}/${PLANTED} planted keys found`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** A vercel.json and a railway.toml of the size a real project has, with three findings to report (a misspelt `value` is one unknown key and one missing key). */
const CONFIG_FILES = {
  'web/vercel.json': JSON.stringify(
    {
      framework: 'nextjs',
      functions: { 'api/**/*.ts': { memory: 1024, maxDuration: 60 } },
      headers: [{ source: '/(.*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] }],
      redirects: Array.from({ length: 200 }, (_, i) => ({ source: `/old/${i}`, destination: `/new/${i}`, permanent: true })),
      rewrites: [{ source: '/api/(.*)', destination: 'https://api.shop.test/api/$1', has: [{ type: 'host', valu: 'x' }] }],
    },
    null,
    2,
  ),
  'api/railway.toml': '[build]\nbuilder = "RAILPACK"\n\n[deploy]\nhealthcheckPath = "/health"\nhealthCheckTimeout = 100\n',
};

/**
 * The cost of the platform config check: the validate bundle with nothing else to do, in a folder
 * with a vercel.json (200 redirects) and a railway.toml, against the same run in an empty folder.
 * The difference is loading Ajv and Vercel's schemas, compiling them, and the check itself.
 */
export const validateConfigBench: Bench = {
  name: 'validate config check',
  async run() {
    const withFiles = mkdtempSync(join(tmpdir(), 'validate-config-bench-'));
    const empty = mkdtempSync(join(tmpdir(), 'validate-config-bench-'));
    try {
      for (const [path, text] of Object.entries(CONFIG_FILES)) {
        mkdirSync(join(withFiles, path, '..'), { recursive: true });
        writeFileSync(join(withFiles, path), text);
      }
      const inputs = { schema: 'none', 'scan-secrets': 'false', 'fail-on': 'never' };
      const median = async (cwd: string, expectFindings: number) => {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const run = await runBundle('validate', { cwd, inputs });
          const found = Number(run.outputs.errors ?? 0) + Number(run.outputs.warnings ?? 0);
          if (run.exitCode !== 0 || found !== expectFindings) {
            throw new Error(`expected ${expectFindings} finding(s), got ${found}: ${run.errors.join(' | ')}`);
          }
          times.push(run.durationMs);
        }
        return times.sort((a, b) => a - b)[2] ?? 0;
      };
      const base = await median(empty, 0);
      const checked = await median(withFiles, 3);
      return [
        {
          name: 'validate config check (vercel.json + railway.toml)',
          value: Math.round(checked - base),
          unit: 'ms',
          note: `median of 5 runs: ${Math.round(checked)} ms with the files, ${Math.round(base)} ms without`,
        },
      ];
    } finally {
      rmSync(withFiles, { recursive: true, force: true });
      rmSync(empty, { recursive: true, force: true });
    }
  },
};
