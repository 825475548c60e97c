/**
 * deploy-vercel at scale: a 10,000-file tree of about 100 MB (generated in a temp folder) deployed
 * against the Vercel emulator through the client the action uses, file by file (hashing, the
 * missing files uploaded by a pool of workers) and as one tgz archive. Reports hashing and upload
 * throughput, the whole deploy, and a redeploy of the unchanged tree: file by file it must upload
 * 0 bytes (a tgz is packed afresh each time, so it is sent again). Phases are timed from the
 * client's progress lines.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '../packages/core/src/http.ts';
import { AppFleet } from '../packages/sandbox/src/fleet.ts';
import { DEFAULT_VERCEL_TOKEN, startVercelEmulator } from '../packages/sandbox/src/vercel/index.ts';
import { VercelApi } from '../packages/vercel/src/api.ts';
import { deploy } from '../packages/vercel/src/deploy.ts';
import type { Bench, BenchResult } from './types.ts';

const FILE_BYTES = 10_000;

function generateTree(files: number): string {
  const root = mkdtempSync(join(tmpdir(), 'vercel-bench-'));
  for (let dir = 0; dir < files / 100; dir++) {
    const folder = join(root, 'src', `module-${dir}`);
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < 100; i++) writeFileSync(join(folder, `file-${i}.js`), randomBytes(FILE_BYTES));
  }
  writeFileSync(join(root, 'sandbox.json'), '{"version":"1.0.0","buildSeconds":0.2}');
  return root;
}

/** When each progress line was written, by its first words. */
function timeline() {
  const marks: Array<{ at: number; line: string }> = [];
  return {
    onProgress: (line: string) => {
      marks.push({ at: performance.now(), line });
      if (process.env.BENCH_VERBOSE) console.error(line);
    },
    at: (prefix: string) => marks.find((m) => m.line.startsWith(prefix))?.at,
  };
}

const mbPerSecond = (bytes: number, ms: number) => Number((bytes / 1024 / 1024 / (ms / 1000)).toFixed(1));

async function measure(files: number, archive: 'tgz' | undefined): Promise<BenchResult[]> {
  const tree = generateTree(files);
  const fleet = new AppFleet();
  const vercel = await startVercelEmulator({ fleet });
  try {
    vercel.emulator.seed({ projects: [{ id: 'prj_bench', name: 'bench' }] });
    const api = new VercelApi({
      http: new HttpClient({ service: 'Vercel API' }),
      token: DEFAULT_VERCEL_TOKEN,
      apiUrl: vercel.url,
    });
    const project = await api.getProject('bench');
    const once = async () => {
      const t = timeline();
      const start = performance.now();
      const result = await deploy({
        api,
        token: DEFAULT_VERCEL_TOKEN,
        path: tree,
        project,
        production: true,
        promote: true,
        prebuilt: false,
        archive,
        timeout: 1_800_000,
        wait: true,
        pollInterval: 500,
        onProgress: t.onProgress,
      });
      return { result, t, start, total: performance.now() - start };
    };

    const first = await once();
    const hashed = (first.t.at(archive ? 'Packed' : 'Hashed') ?? first.start) - first.start;
    const uploadStart = first.t.at('Uploading') ?? first.start;
    const uploadEnd = first.t.at('All files uploaded') ?? uploadStart;
    const second = await once();
    const secondHash = (second.t.at(archive ? 'Packed' : 'Hashed') ?? second.start) - second.start;
    const label = `vercel ${files} files${archive ? `, ${archive}` : ', file by file'}`;
    const mib = Number((first.result.totalBytes / 1024 / 1024).toFixed(1));
    return [
      {
        name: `${label}: hashing`,
        value: Math.round(hashed),
        unit: 'ms',
        note: `${mib} MiB at ${mbPerSecond(first.result.totalBytes, hashed)} MiB/s${archive ? ' (tar, gzip, sha1)' : ' (sha1)'}`,
      },
      {
        name: `${label}: upload`,
        value: Math.round(uploadEnd - uploadStart),
        unit: 'ms',
        note: `${first.result.uploadedFiles} uploads, ${mbPerSecond(first.result.uploadedBytes, uploadEnd - uploadStart)} MiB/s`,
      },
      { name: `${label}: deploy until READY`, value: Math.round(first.total), unit: 'ms' },
      {
        name: `${label}: redeploy unchanged`,
        value: Math.round(second.total),
        unit: 'ms',
        note: `hashing ${Math.round(secondHash)} ms`,
      },
      {
        name: `${label}: redeploy uploaded`,
        value: second.result.uploadedBytes,
        unit: 'bytes',
        note: archive
          ? `${second.result.uploadedFiles} parts: a tgz is packed anew`
          : `${second.result.uploadedFiles} files; must be 0`,
      },
    ];
  } finally {
    await vercel.close();
    await fleet.close();
    rmSync(tree, { recursive: true, force: true });
  }
}

export const deployVercelBench: Bench = {
  name: 'deploy-vercel 10,000 files',
  async run(): Promise<BenchResult[]> {
    return [...(await measure(10_000, undefined)), ...(await measure(10_000, 'tgz'))];
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await deployVercelBench.run()) console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
}
