/**
 * Uploads the files Vercel reported missing, through the core HTTP client: each request with its
 * timeout, retries on 429 after `Retry-After`, 5xx and network errors, the run's cancellation.
 * A fixed pool of workers takes the next file as one finishes, so 10,000 files cost 10,000
 * requests and nothing more (@vercel/client's own loop races every pending upload on each
 * completion, which grows with the square of the file count, and gives up on the first 429).
 */
import { readFile } from 'node:fs/promises';
import type { VercelApi } from './api.ts';

export interface HashedFile {
  names: string[];
  /** The contents, when @vercel/client kept them (it does below 2 GiB); else read from disk. */
  data?: Uint8Array;
  size?: number;
}

export interface UploadOptions {
  concurrency?: number;
  signal?: AbortSignal | undefined;
  onUploaded?: (sha: string, file: HashedFile) => void;
}

export async function uploadMissing(
  api: VercelApi,
  files: ReadonlyMap<string, HashedFile>,
  shas: readonly string[],
  options: UploadOptions = {},
): Promise<void> {
  const queue = [...shas];
  let failed = false;
  const worker = async (): Promise<void> => {
    for (let sha = queue.shift(); sha !== undefined && !failed; sha = queue.shift()) {
      options.signal?.throwIfAborted();
      const file = files.get(sha);
      if (!file) throw new Error(`Vercel asked for a file this tree does not have (sha1 ${sha})`);
      const data = file.data ?? (await readFile(file.names[0] ?? ''));
      try {
        await api.uploadFile(sha, data, options.signal);
      } catch (error) {
        failed = true; // the other workers stop taking files
        throw error;
      }
      options.onUploaded?.(sha, { ...file, data });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 16, queue.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
