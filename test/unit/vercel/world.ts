/** A Vercel sandbox world for client tests: the emulator, its fleet, an API client, and trees on disk. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TestRunner } from 'vitest';
import { HttpClient, type HttpClientOptions } from '../../../packages/core/src/http.ts';
import { AppFleet } from '../../../packages/sandbox/src/fleet.ts';
import { DEFAULT_VERCEL_TOKEN, startVercelEmulator, type VercelSandbox } from '../../../packages/sandbox/src/vercel/index.ts';
import { VercelApi } from '../../../packages/vercel/src/api.ts';
import { removeDir, tempDir } from '../../support/temp-dir.ts';

/** Trees written outside a test (in a beforeAll): no test removes them, so the world's close does. */
const treesOutsideTests = new Set<string>();

export interface VercelWorld {
  vercel: VercelSandbox;
  fleet: AppFleet;
  api(options?: Partial<HttpClientOptions> & { teamId?: string }): VercelApi;
  close(): Promise<void>;
}

export async function startWorld(): Promise<VercelWorld> {
  const fleet = new AppFleet();
  const vercel = await startVercelEmulator({ fleet });
  return {
    vercel,
    fleet,
    api: ({ teamId, ...http } = {}) =>
      new VercelApi({
        http: new HttpClient({ service: 'Vercel API', backoffBase: 20, backoffCap: 200, ...http }),
        token: DEFAULT_VERCEL_TOKEN,
        apiUrl: vercel.url,
        teamId,
      }),
    close: async () => {
      await vercel.close();
      await fleet.close();
      for (const tree of treesOutsideTests) removeDir(tree);
      treesOutsideTests.clear();
    },
  };
}

/** Writes a tree into a new temp folder, removed when the test ends, and returns its absolute path. */
export function writeTree(files: Record<string, string | Buffer>): string {
  const root = tempDir('vercel-tree-');
  if (!TestRunner.getCurrentTest()) treesOutsideTests.add(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A small app tree whose build serves `version`. */
export function appTree(version: string, extra: Record<string, string | Buffer> = {}): string {
  return writeTree({
    'sandbox.json': JSON.stringify({ version }),
    'package.json': '{"name":"web","private":true}',
    'src/index.js': `export const version = ${JSON.stringify(version)};\n`,
    'public/logo.txt': 'logo',
    ...extra,
  });
}
