/**
 * The `railway up` archive: the entries `listUploadTree` keeps, as `./path` names (the CLI's
 * form), gzipped, produced as a stream and gathered as it comes, so the uncompressed tar never
 * exists in memory or on disk. The bytes are what the core HTTP client sends (and can send
 * again on a retry, which a one-shot stream could not).
 */
import { listUploadTree } from './tree.ts';

export interface Tarball {
  bytes: Uint8Array;
  /** Regular files and directories in the archive. */
  files: number;
  directories: number;
}

export async function packTree(root: string, options: { level?: number } = {}): Promise<Tarball> {
  const entries = await listUploadTree(root);
  const { create } = await import('tar');
  const names = ['./', ...entries.map((e) => `./${e.path}`)];
  const stream = create(
    { cwd: root, gzip: { level: options.level ?? 6 }, portable: true, follow: true, noDirRecurse: true },
    names,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const directories = entries.filter((e) => e.directory).length;
  return { bytes: Buffer.concat(chunks), files: entries.length - directories, directories };
}
