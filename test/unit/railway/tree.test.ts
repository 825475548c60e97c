/**
 * The upload holds exactly what `railway up` sends: ignore files at every level with their
 * precedence, `.git` and `node_modules` always out. The expected lists follow the CLI's walker
 * (the Rust `ignore` crate with `.railwayignore` added, hidden files kept).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packTree } from '../../../packages/railway/src/tarball.ts';
import { listUploadTree } from '../../../packages/railway/src/tree.ts';
import { type RailwaySandbox, startRailwayEmulator } from '../../../packages/sandbox/src/railway/index.ts';
import { clientFor } from './helpers.ts';

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rw-tree-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const files = async (root: string): Promise<string[]> =>
  (await listUploadTree(root)).filter((e) => !e.directory).map((e) => e.path);

/** A repository as a workflow checks it out, with every kind of rule the CLI honours. */
const REPO = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.git/config': '[core]\n',
  '.git/info/exclude': 'local-notes.txt\n',
  '.gitignore': 'dist/\n*.log\n.env\n!keep.log\n',
  '.railwayignore': 'docs/\n',
  '.env': 'SECRET=1\n',
  '.env.example': 'SECRET=\n',
  'local-notes.txt': 'x',
  'keep.log': 'kept by !keep.log',
  'debug.log': 'x',
  'dist/bundle.js': 'x',
  'docs/index.md': 'x',
  'node_modules/left-pad/index.js': 'x',
  'package.json': '{}',
  'sandbox.json': '{"version":"2.0.0"}',
  'src/app.js': 'x',
  'src/.gitignore': 'generated/\n!important.log\n',
  'src/generated/types.js': 'x',
  'src/important.log': 'nested negation beats the root *.log',
  'src/node_modules/x.js': 'x',
  'src/.ignore': 'scratch.js\n',
  'src/scratch.js': 'x',
  'web/.railwayignore': '!dist/\n',
  'web/dist/index.html': 'a deeper .railwayignore re-includes dist/ here',
  'web/.git': 'gitdir: ../.git/modules/web\n',
};

describe('the railway up tree', () => {
  it('keeps exactly what the CLI sends from a repository with every kind of ignore rule', async () => {
    expect(await files(tree(REPO))).toEqual([
      '.env.example',
      '.gitignore',
      '.railwayignore',
      'keep.log',
      'package.json',
      'sandbox.json',
      'src/.gitignore',
      'src/.ignore',
      'src/app.js',
      'src/important.log',
      'web/.railwayignore',
      'web/dist/index.html',
    ]);
  });

  it('ignores .gitignore outside a git repository, as git and the CLI do, but not .railwayignore', async () => {
    const root = tree({ '.gitignore': 'dist/\n', '.railwayignore': 'tmp/\n', 'dist/a.js': 'x', 'tmp/b': 'x', 'c.js': 'x' });
    expect(await files(root)).toEqual(['.gitignore', '.railwayignore', 'c.js', 'dist/a.js']);
  });

  it('reads the repository root .gitignore when the upload path is a subdirectory', async () => {
    const root = tree({ '.git/HEAD': 'x', '.gitignore': '*.pyc\n', 'backend/app.py': 'x', 'backend/app.pyc': 'x' });
    expect(await files(join(root, 'backend'))).toEqual(['app.py']);
  });

  it('follows symlinks to files and directories, as the CLI does', async () => {
    const root = tree({ 'shared/lib.js': 'x', 'app/main.js': 'x' });
    symlinkSync(join(root, 'shared'), join(root, 'app', 'lib'));
    expect(await files(join(root, 'app'))).toEqual(['lib/lib.js', 'main.js']);
  });
});

describe('the /up upload', () => {
  let rw: RailwaySandbox;
  beforeAll(async () => {
    rw = await startRailwayEmulator();
  });
  afterAll(async () => rw.close());

  it('stores exactly the files the real CLI would send, as ./ entries of a gzipped tar', async () => {
    const root = tree(REPO);
    const client = clientFor(rw);
    const tarball = await packTree(root);
    const result = await client.up({
      projectId: rw.projectId,
      environmentId: rw.environmentId,
      serviceId: rw.services.api ?? '',
      tarball: tarball.bytes,
    });
    const stored = rw.emulator.world.uploads.get(result.deploymentId);
    expect(stored?.files).toEqual(await files(root));
    expect(stored?.entries).toContain('./');
    expect(stored?.entries).toContain('./src/app.js');
    expect(stored?.entries.some((e) => e.includes('node_modules') || e.includes('.git/') || e.endsWith('/.git'))).toBe(false);
    expect(result.deploymentDomain).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});
