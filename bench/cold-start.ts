/**
 * Cold start of every bundle: start → exit on a missing required input (the bundle loads, parses
 * its inputs and reports), as a ratio to bare `node -e 0` measured in the same run, interleaved
 * so machine noise hits both alike. Peak memory (max RSS) from /usr/bin/time-less getrusage.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ACTIONS } from '../scripts/actions.ts';
import { node24, ROOT } from '../test/harness/run-bundle.ts';
import type { Bench, BenchResult } from './types.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Wall time of one run, and the child's max RSS in KiB (Linux reports ru_maxrss in KiB). */
function timeOnce(args: string[], env: NodeJS.ProcessEnv): { ms: number; maxRssKiB: number } {
  const probe = `
    const { spawnSync } = require('node:child_process');
    const t = process.hrtime.bigint();
    spawnSync(process.argv[1], JSON.parse(process.argv[2]), { stdio: 'ignore', env: process.env });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    process.stdout.write(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS }));`;
  // Measured from a small parent so our own process's memory is not in the figure; the parent's
  // own RSS is below a bare node's, so max RSS of children is the child's peak.
  const out = spawnSync(node24(), ['-e', probe, node24(), JSON.stringify(args)], { env, encoding: 'utf8' });
  return JSON.parse(out.stdout) as { ms: number; maxRssKiB: number };
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
      bare.push(timeOnce(['-e', '0'], env).ms);
      for (const a of ACTIONS) {
        const s = timeOnce([join(ROOT, 'dist', a.name, 'index.js')], env);
        samples.get(a.name)?.ms.push(s.ms);
        samples.get(a.name)?.rss.push(s.maxRssKiB);
      }
    }
    const bareMs = median(bare);
    results.push({ name: 'bare node -e 0', value: Number(bareMs.toFixed(1)), unit: 'ms' });
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
