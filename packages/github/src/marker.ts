/**
 * The hidden marker that identifies a comment the suite owns: `<!-- deploy-suite:<key> -->` as
 * the comment's first line. GitHub renders HTML comments as nothing, so readers see only the
 * body, and the next run finds the same comment again and edits it instead of adding another.
 */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,99}$/;

/** The marker for `key` (letters, digits and `. _ : / @ -`, so no key can close the comment early). */
export function commentMarker(key: string): string {
  if (!KEY.test(key))
    throw new TypeError(`a comment key is 1 to 100 of letters, digits and . _ : / @ -; got ${JSON.stringify(key)}`);
  return `<!-- deploy-suite:${key} -->`;
}

/**
 * Whether a comment is the one marked `marker`: the marker must open the body. A reviewer who
 * quotes our comment (`> <!-- … -->`) or mentions the marker in passing does not own it, and
 * editing their comment would be both wrong and refused.
 */
export function isMarked(body: string | undefined | null, marker: string): boolean {
  return typeof body === 'string' && body.startsWith(marker);
}
