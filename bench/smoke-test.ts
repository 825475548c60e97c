/**
 * Smoke concurrency: 100 checks against an app that takes 50 ms an answer, run one at a time and
 * then 8 at a time. Measured from the app's request log (first request to last answer), so the
 * process start is not in the figure. Ideal: ceil(100/8)/100 = 0.13 of the sequential time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBundle } from '../packages/harness/src/run-bundle.ts';
import { startApp } from '../packages/sandbox/src/app.ts';
import type { Bench } from './types.ts';

const CHECKS = 100;
const LATENCY_MS = 50;

async function checkPhase(concurrency: number): Promise<number> {
  const app = await startApp();
  const dir = mkdtempSync(join(tmpdir(), 'smoke-bench-'));
  try {
    app.emulator.configure({ latencyMs: LATENCY_MS });
    const checks = Array.from({ length: CHECKS }, (_, i) => `- name: check ${i + 1}\n  url: /api/v1`).join('\n');
    const run = await runBundle('smoke-test', {
      inputs: { 'base-url': app.url, checks, concurrency: String(concurrency), report: join(dir, 'junit.xml') },
      timeoutMs: 120_000,
    });
    if (run.exitCode !== 0) throw new Error(`the smoke test failed: ${run.errors.join(' | ')}`);
    const { requests } = app.emulator;
    return Math.max(...requests.map((r) => r.doneAt)) - Math.min(...requests.map((r) => r.at));
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const smokeTestBench: Bench = {
  name: 'smoke-test concurrency',
  async run() {
    const sequential = await checkPhase(1);
    const concurrent = await checkPhase(8);
    const ratio = concurrent / sequential;
    return [
      {
        name: `smoke ${CHECKS} checks, concurrency 1`,
        value: Math.round(sequential),
        unit: 'ms',
        note: `${LATENCY_MS} ms an answer`,
      },
      { name: `smoke ${CHECKS} checks, concurrency 8`, value: Math.round(concurrent), unit: 'ms' },
      {
        name: 'smoke concurrency 8 / sequential',
        value: Number(ratio.toFixed(3)),
        unit: 'ratio',
        note: `1/${(1 / ratio).toFixed(1)}; ideal ceil(100/8)/100 = 0.13 (1/7.7)`,
      },
    ];
  },
};
