/**
 * Builds dist/<name>/index.js for every action with ncc, plus the dist/<name>/package.json that
 * tells Node the bundle is ESM. `--out DIR` builds elsewhere (the dist check builds into a temp
 * dir and compares); `--only NAME` builds one action.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ncc from '@vercel/ncc';
import { ACTIONS } from './actions.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleAction(name: string, outDir: string): Promise<void> {
  const entry = join(root, 'actions', name, 'src', 'main.ts');
  const { code, assets } = await ncc(entry, {
    cache: false,
    minify: false,
    sourceMap: false,
    license: '',
    quiet: true,
    target: 'es2024',
  });
  const dir = join(outDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.js'), code);
  for (const [file, asset] of Object.entries(assets ?? {})) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, asset.source);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
  const outDir = resolve(values.out ?? join(root, 'dist'));
  const names = values.only ? [values.only] : ACTIONS.map((a) => a.name);
  for (const name of names) {
    const started = performance.now();
    await bundleAction(name, outDir);
    console.log(`bundled ${name} in ${Math.round(performance.now() - started)} ms`);
  }
}
