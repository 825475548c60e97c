/**
 * URL rules shared by every action that makes requests: no control characters (the URL parser
 * silently drops a newline, so a two-line input would request a URL nobody wrote), credentials
 * in a URL become a Basic `Authorization` header (fetch refuses them), and a base path joined
 * with a check's path the way people mean it.
 */

/** C0 controls, DEL and C1 controls: never part of a URL anyone meant. */
function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

function firstControl(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return text[i];
  return undefined;
}

export function hasControlCharacter(text: string): boolean {
  return firstControl(text) !== undefined;
}

/** Names a control character for an error message: `a line break`, `U+0009`. */
export function describeControlCharacter(text: string): string | undefined {
  const found = firstControl(text);
  if (found === undefined) return undefined;
  if (found === '\n' || found === '\r') return 'a line break';
  if (found === '\t') return 'a tab';
  return `the control character U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface UrlCredentials {
  /** The URL without `user:password@`. */
  url: string;
  /** `Basic base64(user:password)`, decoded from the URL's percent-encoding; undefined without credentials. */
  authorization: string | undefined;
  /** The decoded password (for masking); undefined when there is none. */
  password: string | undefined;
}

/** Takes `user:password@` out of a URL, as the value of a Basic `Authorization` header. */
export function splitUrlCredentials(raw: string): UrlCredentials {
  if (!URL.canParse(raw)) return { url: raw, authorization: undefined, password: undefined };
  const url = new URL(raw);
  if (url.username === '' && url.password === '') return { url: raw, authorization: undefined, password: undefined };
  const user = decode(url.username);
  const password = decode(url.password);
  url.username = '';
  url.password = '';
  return {
    url: url.toString(),
    authorization: `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`,
    password: password === '' ? undefined : password,
  };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Joins a base URL and a path: `https://h/api/v1` + `/health` → `https://h/api/v1/health`. A path
 * that starts with `/` is under the base's path, not the host's root (what `new URL()` would
 * do, and nobody means when they set a base URL with a path). The path's query and fragment are
 * kept; an absolute URL is returned as it is.
 */
export function joinUrl(base: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return new URL(path).toString();
  const root = new URL(base);
  root.search = '';
  root.hash = '';
  if (!root.pathname.endsWith('/')) root.pathname = `${root.pathname}/`;
  if (path === '' || path === '/') return root.toString();
  return new URL(path.replace(/^\/+/, ''), root).toString();
}

/** The host (and port) of a URL, for a message that must not show the rest (a webhook's secret path). */
export function hostOf(raw: string): string {
  return URL.canParse(raw) ? new URL(raw).host : '(not a URL)';
}

/**
 * Registers the credentials of a URL as secrets before it is used: the password as given and
 * decoded, and the Basic header value the client will send for it.
 */
export function registerUrlCredentials(runner: { setSecret(value: string): void }, raw: string): void {
  const { authorization, password } = splitUrlCredentials(raw);
  if (!authorization) return;
  if (password !== undefined) runner.setSecret(password);
  if (URL.canParse(raw) && new URL(raw).password !== '') runner.setSecret(new URL(raw).password);
  runner.setSecret(authorization);
  runner.setSecret(authorization.slice('Basic '.length));
}
