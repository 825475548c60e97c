/**
 * Request headers given as an input (`Name: value` lines), and which of them are secrets: only
 * credential headers (`isCredentialHeader`: Authorization, cookies, API keys, bypass tokens)
 * are registered, with the credential alone for `Bearer X`; `X-Env: staging` is not, so the word
 * "staging" stays readable for the rest of the job.
 */
import { numberedLines } from './lines.ts';
import type { Runner } from './runner.ts';
import { credentialValues, isCredentialHeader } from './secrets.ts';

export type HeaderPairs = Array<[name: string, value: string]>;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export const HEADERS_FORM = 'HTTP headers, one `Name: value` a line';

/** `Name: value` (or `Name=value`) lines; blank lines and `#` comments skipped. */
export function parseHeaderLines(raw: string): HeaderPairs | string {
  const pairs: HeaderPairs = [];
  for (const { line, text } of numberedLines(raw)) {
    if (text.startsWith('#')) continue;
    const colon = text.indexOf(':');
    const eq = text.indexOf('=');
    const at = colon > 0 && (eq < 0 || colon < eq) ? colon : eq;
    const name = at > 0 ? text.slice(0, at).trim() : '';
    if (!TOKEN.test(name)) return `line ${line} is not \`Name: value\``;
    pairs.push([name, text.slice(at + 1).trim()]);
  }
  return pairs;
}

/** The headers to send, registering the values of credential headers as secrets first. */
export function requestHeaders(runner: Pick<Runner, 'setSecret'>, pairs: HeaderPairs | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of pairs ?? []) {
    if (isCredentialHeader(name)) for (const secret of credentialValues(value)) runner.setSecret(secret);
    headers[name] = value;
  }
  return headers;
}
