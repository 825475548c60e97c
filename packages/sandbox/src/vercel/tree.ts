/**
 * The tree a Vercel deployment was created from, put back together from what the client sent:
 * file references (`{file, sha}`, contents uploaded earlier to `/v2/files`), inline files
 * (`{file, data, encoding}`, which @vercel/client uses for a few small static files), or, with
 * `archive: 'tgz'`, the parts `.vercel/source.tgz.part1…N` of one gzipped tar.
 */
import { gunzipSync } from 'node:zlib';

export interface DeploymentFile {
  file: string;
  sha?: string;
  size?: number;
  data?: string;
  encoding?: 'base64' | 'utf-8';
  mode?: number;
}

export type Tree = Map<string, Buffer>;

const TGZ_PART = /^\.vercel\/source\.tgz\.part(\d+)$/;

/** The sha1s referenced by `files` that are not in `store`, in order, without repeats. */
export function missingShas(files: readonly DeploymentFile[], store: ReadonlyMap<string, Buffer>): string[] {
  const missing = new Set<string>();
  for (const f of files) if (f.data === undefined && f.sha !== undefined && !store.has(f.sha)) missing.add(f.sha);
  return [...missing];
}

/** Path → contents of the deployed tree; every referenced sha must be in `store`. */
export function assembleTree(files: readonly DeploymentFile[], store: ReadonlyMap<string, Buffer>): Tree {
  const tree: Tree = new Map();
  for (const f of files) {
    const content =
      f.data !== undefined ? Buffer.from(f.data, f.encoding === 'base64' ? 'base64' : 'utf8') : store.get(f.sha ?? '');
    if (content) tree.set(f.file.replace(/^\/+/, ''), content);
  }
  const parts = [...tree.keys()]
    .map((path) => ({ path, index: Number(TGZ_PART.exec(path)?.[1] ?? Number.NaN) }))
    .filter((p) => !Number.isNaN(p.index))
    .sort((a, b) => a.index - b.index);
  if (parts.length === 0) return tree;
  const archive = Buffer.concat(parts.map((p) => tree.get(p.path) ?? Buffer.alloc(0)));
  for (const p of parts) tree.delete(p.path);
  for (const [path, content] of readTar(gunzipSync(archive))) tree.set(path, content);
  return tree;
}

/** The regular files of a tar (ustar, with GNU/pax long names), as path → contents. */
export function readTar(tar: Buffer): Tree {
  const out: Tree = new Map();
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    if (type === 'x') {
      const path = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
      if (path) longName = path;
      continue;
    }
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    if (type === '0' || type === '\0') out.set(name.replace(/^\.\//, ''), Buffer.from(body));
  }
  return out;
}
