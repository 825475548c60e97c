/**
 * Reads an uploaded `railway up` body: a gzipped tar. Keeps every entry name (to compare with
 * what the real CLI sends) and the files' contents (the build plan reads `sandbox.json`, and the
 * default version is a digest of the tree).
 */
import { gunzipSync } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';

export interface Tarball {
  entries: string[];
  files: Map<string, Buffer>;
}

export class TarballError extends Error {}

/** `./src/a.js` → `src/a.js`; the root entry `./` → ''. */
export function relativeName(entry: string): string {
  return entry.replace(/^(\.\/)+/, '').replace(/\/$/, '');
}

export function readTarball(body: Buffer): Promise<Tarball> {
  if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) {
    return Promise.reject(new TarballError('the body is not a gzipped tar'));
  }
  let tar: Buffer;
  try {
    tar = gunzipSync(body);
  } catch (error) {
    return Promise.reject(new TarballError(`the body is not valid gzip: ${String(error)}`));
  }
  return new Promise((resolve, reject) => {
    const entries: string[] = [];
    const files = new Map<string, Buffer>();
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        entries.push(entry.path);
        if (entry.type !== 'File' && entry.type !== 'OldFile') {
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => files.set(relativeName(entry.path), Buffer.concat(chunks)));
      },
    });
    parser.on('error', (error: Error) => reject(new TarballError(`the tar is unreadable: ${error.message}`)));
    parser.on('end', () => resolve({ entries, files }));
    parser.end(tar);
  });
}
