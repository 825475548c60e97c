/**
 * A command given as one input line, split into an argument array the way a POSIX shell splits
 * words (single and double quotes, backslash escapes), but never run by a shell: anything a
 * shell would do more (pipes, `&&`, redirections, `$VAR`, backticks, globs) is refused, so
 * what the workflow says is exactly what runs. Loaded by the manifest: no imports.
 */
import type { InputType, Parsed } from '@deploy-suite/core/input-types';

const FORM =
  "one command with its arguments, such as './scripts/migrate.sh production' (quotes allowed; no shell: no pipes, &&, ;, redirections, $VARIABLES or backticks — put those in a script)";

export function splitCommandLine(raw: string): Parsed<string[]> {
  const bad = (why: string): Parsed<string[]> => ({ ok: false, expected: `${FORM}; ${why}` });
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && /["\\$`]/.test(raw[i + 1] ?? '')) word += raw[++i];
      else if (c === '$' || c === '`') return bad(`found ${c} inside double quotes`);
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 >= raw.length) return bad('it ends with a backslash');
      word += raw[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (c === '\n' || c === '\r') return bad('it spans several lines');
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (/[|&;<>()$`*?[\]{}~]/.test(c) || (c === '#' && !inWord)) {
      return bad(`found the shell character ${JSON.stringify(c)}`);
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return bad(`a ${quote} quote is not closed`);
  if (inWord) words.push(word);
  if (words.length === 0) return bad('it is empty');
  return { ok: true, value: words };
}

export function commandLine(): InputType<string[]> {
  return { form: FORM, parse: splitCommandLine };
}
