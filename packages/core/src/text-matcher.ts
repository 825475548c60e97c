/** Body and header expectations: a substring, or a `/regular expression/flags`. */
import { ExpectationError } from './expectation-error.ts';

export interface TextMatcher {
  /** As written: `ok` or `/"status":\s*"ok"/i`. */
  source: string;
  regex: RegExp | undefined;
  test(text: string): boolean;
}

/** `/re/flags`: only JavaScript's flag letters after the last slash, so `/api/health` stays text. */
const REGEX_LITERAL = /^\/(.+)\/([dgimsuvy]*)$/s;

/** Compiles `/re/flags` (g and y are dropped: they make `test` stateful); undefined when not one. */
export function parseRegexLiteral(raw: string): RegExp | undefined {
  const literal = REGEX_LITERAL.exec(raw.trim());
  if (!literal) return undefined;
  const flags = (literal[2] ?? '').replace(/[gy]/g, '');
  try {
    return new RegExp(literal[1] ?? '', flags);
  } catch (error) {
    throw new ExpectationError(`${raw.trim()} is not a valid regular expression (${(error as Error).message})`);
  }
}

/** A substring, or a regular expression when written `/like this/` (flags i, m, s, u allowed). */
export function parseTextMatcher(raw: string): TextMatcher {
  const source = raw.trim();
  const regex = parseRegexLiteral(source);
  return { source, regex, test: (text) => (regex ? regex.test(text) : text.includes(source)) };
}
