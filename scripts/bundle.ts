/**
 * Builds dist/<name>/index.js for every action with ncc, plus the dist/<name>/package.json that
 * tells Node the bundle is ESM. `--out DIR` builds elsewhere (the dist check builds into a temp
 * dir and compares); `--only NAME` builds one action.
 */
import { spawn } from 'node:child_process';
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

/**
 * Bundles every action, each in a process of its own, two at a time. ncc keeps much of each
 * compilation's memory alive: nine bundles in one process ran out of heap (4 GiB), and a fresh
 * process per action also lets the two cores work at once.
 */
export async function bundleAll(outDir: string, names: readonly string[] = ACTIONS.map((a) => a.name)): Promise<void> {
  const queue = [...names];
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) await bundleInChild(name, outDir);
  };
  await Promise.all([worker(), worker()]);
}

function bundleInChild(name: string, outDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--only', name, '--out', outDir], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', fail);
    child.once('exit', (code, signal) =>
      code === 0 ? done() : fail(new Error(`bundling ${name} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
  const outDir = resolve(values.out ?? join(root, 'dist'));
  if (values.only) {
    const started = performance.now();
    await bundleAction(values.only, outDir);
    console.log(`bundled ${values.only} in ${Math.round(performance.now() - started)} ms`);
  } else {
    await bundleAll(outDir);
  }
}
