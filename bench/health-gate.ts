/**
 * Gate detection latency: how long after the app turns healthy the gate's process exits, with
 * the default `interval` (5s) and `timeout`. The app's moment of health is spread evenly around
 * the nominal time (3 s ± 0.5 s, 30 s ± 2.5 s) so the figures cover every phase of the poll
 * schedule rather than one lucky alignment. Runs are concurrent, each with its own app.
 */

import { median } from '../packages/core/src/stats.ts';
import { runBundle } from '../packages/harness/src/run-bundle.ts';
import { startApp } from '../packages/sandbox/src/app.ts';
import type { Bench, BenchResult } from './types.ts';

const DEFAULT_INTERVAL_MS = 5000;

async function detection(upAfterMs: number, spreadMs: number, runs: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: runs }, async (_, i) => {
      const app = await startApp();
      try {
        const upAfter = upAfterMs - spreadMs + ((i + 0.5) * 2 * spreadMs) / runs;
        app.emulator.start({ refuseFor: Math.min(1000, upAfter), startingFor: upAfter });
        const run = await runBundle('health-gate', { inputs: { url: `${app.url}/health` }, timeoutMs: upAfterMs + 60_000 });
        const exitedAt = Date.now();
        if (run.exitCode !== 0) throw new Error(`the gate failed: ${run.errors.join(' | ')}`);
        return exitedAt - app.emulator.upAt();
      } finally {
        await app.close();
      }
    }),
  );
}

export const healthGateBench: Bench = {
  name: 'health-gate detection',
  async run() {
    const results: BenchResult[] = [];
    for (const [upAfter, spread, runs, budget, budgetText] of [
      [3000, 500, 9, 1000, '≤ 1 s'],
      [30_000, 2500, 7, DEFAULT_INTERVAL_MS / 2, '≤ interval/2 = 2.5 s'],
    ] as const) {
      const samples = await detection(upAfter, spread, runs);
      const m = median(samples) ?? 0;
      results.push({
        name: `gate detection (healthy after ${upAfter / 1000}s)`,
        value: Math.round(m),
        unit: 'ms median',
        note: `${runs} runs, max ${Math.round(Math.max(...samples))} ms; budget ${budgetText}${m <= budget ? '' : ' — OVER'}`,
      });
    }
    return results;
  },
};
