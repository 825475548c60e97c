/**
 * deploy-railway's upload path:
 * - packing a 5,000-file, 50 MB tree as `railway up` does (walk with the ignore rules, tar,
 *   gzip) against plain `tar -cz` of the same files, interleaved in one run (aim: at least 0.8×
 *   tar's speed);
 * - the time from the step's start to the upload reaching Railway, for a small tree (cold
 *   start, token check, lookups, the live deployment, packing), against the sandbox.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBundle } from '../packages/harness/src/run-bundle.ts';
import { packTree } from '../packages/railway/src/tarball.ts';
import { startRailwayEmulator } from '../packages/sandbox/src/railway/index.ts';
import { prng } from '../test/harness/fuzz.ts';
import type { Bench, BenchResult } from './types.ts';

const FILES = 5000;
const TOTAL_BYTES = 50 * 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const WORDS =
  'const let function return import export from default class extends async await if else for while new this null true false'.split(
    ' ',
  );

/** Source-like text (compressible as code is), seeded so every run packs the same tree. */
function makeTree(root: string): void {
  const random = prng(42);
  const size = Math.floor(TOTAL_BYTES / FILES);
  for (let i = 0; i < FILES; i++) {
    const dir = join(root, `pkg${i % 50}`, `mod${i % 7}`);
    mkdirSync(dir, { recursive: true });
    let text = '';
    while (text.length < size) {
      text += `${WORDS[Math.floor(random() * WORDS.length)]} x${Math.floor(random() * 1e6).toString(36)};\n`;
    }
    writeFileSync(join(dir, `file${i}.js`), text.slice(0, size));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function packing(): Promise<BenchResult[]> {
  const root = mkdtempSync(join(tmpdir(), 'bench-railway-tree-'));
  const out = mkdtempSync(join(tmpdir(), 'bench-railway-out-'));
  try {
    makeTree(root);
    const ours: number[] = [];
    const theirs: number[] = [];
    let bytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const a = performance.now();
      bytes = (await packTree(root)).bytes.length;
      ours.push(performance.now() - a);
      const b = performance.now();
      // To a real file: GNU tar skips reading the files when the archive is /dev/null.
      const tar = spawnSync('tar', ['-cz', '-f', join(out, 'tree.tgz'), '-C', root, '.'], { stdio: 'ignore' });
      if (tar.status !== 0) throw new Error('tar -cz failed');
      theirs.push(performance.now() - b);
    }
    const o = median(ours);
    const t = median(theirs);
    return [
      {
        name: 'railway pack 5,000 files / 50 MB',
        value: Math.round(o),
        unit: 'ms',
        note: `${(bytes / 1024 / 1024).toFixed(1)} MB gzipped; median of ${ROUNDS}`,
      },
      { name: 'tar -cz of the same tree', value: Math.round(t), unit: 'ms' },
      { name: 'railway pack speed / tar -cz', value: Number((t / o).toFixed(2)), unit: 'x', note: 'aim ≥ 0.8' },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

async function timeToUpload(): Promise<BenchResult[]> {
  const rw = await startRailwayEmulator();
  const root = mkdtempSync(join(tmpdir(), 'bench-railway-small-'));
  try {
    writeFileSync(join(root, 'sandbox.json'), '{"version":"1.0.0"}');
    writeFileSync(join(root, 'server.js'), 'console.log(1)\n');
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rw.emulator.reset();
      const start = Date.now();
      const run = await runBundle('deploy-railway', {
        inputs: { 'api-url': rw.url, token: rw.projectToken, services: 'api', path: root, wait: 'false' },
      });
      if (run.exitCode !== 0) throw new Error(`deploy-railway failed: ${run.errors.join(' | ')}`);
      const [upload] = rw.emulator.world.uploads.values();
      if (!upload) throw new Error('no upload arrived');
      times.push(upload.receivedAt - start);
    }
    return [
      {
        name: 'deploy-railway start → upload sent (small tree)',
        value: Math.round(median(times)),
        unit: 'ms',
        note: `median of ${ROUNDS}, process start included`,
      },
    ];
  } finally {
    await rw.close();
    rmSync(root, { recursive: true, force: true });
  }
}

export const deployRailwayBench: Bench = {
  name: 'deploy-railway upload',
  async run() {
    return [...(await packing()), ...(await timeToUpload())];
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await deployRailwayBench.run()) console.log(`${r.name}: ${r.value} ${r.unit} ${r.note ?? ''}`);
}
