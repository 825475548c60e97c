/**
 * A dotenv file: values parsed by the `dotenv` package (quotes, `export`, multi-line values, as
 * the apps themselves read them), and the line each key is set on, found by a scan for the key
 * at the start of a line (the last one wins, as it does in `dotenv`).
 */
import { parse } from 'dotenv';

export interface DotenvFile {
  values: Map<string, string>;
  /** The line (1-based) that sets the key, when found. */
  lineOf(key: string): number | undefined;
}

export function parseDotenvText(text: string): DotenvFile {
  const values = new Map(Object.entries(parse(text)));
  const lines = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /^\s*(?:export\s+)?([\w.-]+)\s*[=:]/.exec(line);
    if (match?.[1] && values.has(match[1])) lines.set(match[1], index + 1);
  });
  return { values, lineOf: (key) => lines.get(key) };
}
