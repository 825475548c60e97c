/**
 * The one line splitter for multi-line inputs and documents: `\n`, `\r\n` or a lone `\r`, each
 * line trimmed, blank lines dropped. `# comments` are the caller's business (a header value or a
 * URL may hold `#`).
 */
export function splitLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Lines as `splitLines` gives them, keeping their 1-based line numbers (for error messages). */
export function numberedLines(text: string): Array<{ line: number; text: string }> {
  return text
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ line: index + 1, text: raw.trim() }))
    .filter((entry) => entry.text !== '');
}

/** Items of a list of words: one a line or comma-separated. Never for URLs, which may hold commas. */
export function splitWords(text: string): string[] {
  return splitLines(text).flatMap((line) =>
    line
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );
}
