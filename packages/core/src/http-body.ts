/**
 * Reading an answer's body: streamed with a cap, so a server sending 600 MB costs at most the
 * cap (the rest is never read), and decoded by the charset the answer declares.
 */
import { formatBytes } from './bytes.ts';

/** What is read of a body unless the caller raises it. */
export const DEFAULT_MAX_BODY = 1024 * 1024;

export class BodyTooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number, declared?: number) {
    super(
      `body larger than ${formatBytes(limit)}${declared === undefined ? '' : ` (Content-Length ${formatBytes(declared)})`}; raise the body limit if this answer is expected`,
    );
    this.name = 'BodyTooLargeError';
    this.limit = limit;
  }
}

/** Reads at most `limit` bytes of a body; stops reading and throws past it. */
export async function readCapped(response: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limit, declared);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Drops a body without reading it (a redirect's), so the connection can be reused or closed. */
export async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** The `charset` parameter of a Content-Type, lower-cased; undefined when there is none. */
export function charsetOf(contentType: string | null): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/**
 * Decodes a body by its declared charset (`iso-8859-1`, `windows-1252`, `shift_jis`…), UTF-8
 * when none is declared or the label is unknown. Invalid bytes become U+FFFD, never an error.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const charset = charsetOf(contentType);
  if (charset !== undefined) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: fall back to UTF-8, as browsers do.
    }
  }
  return new TextDecoder().decode(bytes);
}
