/**
 * Cold start of every bundle: start → exit on a missing required input (the bundle loads, parses
 * its inputs and reports), as a ratio to bare `node -e 0` measured in the same run, interleaved
 * so machine noise hits both alike. Peak memory is the bundle's own max RSS, reported at exit by
 * a preloaded hook in separate runs (so the hook costs nothing in the timed ones).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { node24, ROOT } from '../packages/harness/src/run-bundle.ts';
import { ACTIONS } from '../scripts/actions.ts';
import type { Bench, BenchResult } from './types.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Wall time of one run, measured by a small parent so our own process's work is not in it. */
function timeOnce(args: string[], env: NodeJS.ProcessEnv): number {
  const probe = `
    const { spawnSync } = require('node:child_process');
    const t = process.hrtime.bigint();
    spawnSync(process.argv[1], JSON.parse(process.argv[2]), { stdio: 'ignore', env: process.env });
    process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  const out = spawnSync(node24(), ['-e', probe, node24(), JSON.stringify(args)], { env, encoding: 'utf8' });
  return Number(out.stdout);
}

// Runs in the measured process: its peak resident memory, in KiB (Linux reports ru_maxrss in KiB).
const REPORT_MAX_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`;

function peakRssKiB(args: string[], env: NodeJS.ProcessEnv): number {
  const out = spawnSync(node24(), ['--import', REPORT_MAX_RSS, ...args], { env, encoding: 'utf8' });
  const match = /maxrss=(\d+)/.exec(out.stderr);
  if (!match) throw new Error(`no memory report from ${args.join(' ')}: ${out.stderr}`);
  return Number(match[1]);
}

export const coldStart: Bench = {
  name: 'cold start',
  async run() {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
    const bare: number[] = [];
    const results: BenchResult[] = [];
    const samples = new Map<string, { ms: number[]; rss: number[] }>();
    for (const a of ACTIONS) samples.set(a.name, { ms: [], rss: [] });
    for (let i = 0; i < RUNS; i++) {
      bare.push(timeOnce(['-e', '0'], env));
      for (const a of ACTIONS) {
        const bundle = [join(ROOT, 'dist', a.name, 'index.js')];
        samples.get(a.name)?.ms.push(timeOnce(bundle, env));
        if (i < 3) samples.get(a.name)?.rss.push(peakRssKiB(bundle, env));
      }
    }
    const bareMs = median(bare);
    results.push({ name: 'bare node -e 0', value: Number(bareMs.toFixed(1)), unit: 'ms' });
    results.push({ name: 'peak memory bare node', value: Number((peakRssKiB(['-e', '0'], env) / 1024).toFixed(1)), unit: 'MiB' });
    for (const [name, s] of samples) {
      const ms = median(s.ms);
      results.push({
        name: `cold start ${name}`,
        value: Number((ms / bareMs).toFixed(2)),
        unit: 'x bare node',
        note: `${ms.toFixed(1)} ms; budget ≤ 2x`,
      });
      results.push({
        name: `peak memory ${name}`,
        value: Number((Math.max(...s.rss) / 1024).toFixed(1)),
        unit: 'MiB',
        note: 'budget ≤ 70 MiB',
      });
    }
    return results;
  },
};
