/**
 * Secrets never reach a log line, a summary, a report or an error message. Values registered
 * here are masked by the runner (`::add-mask::`) and scrubbed by us from everything a reader
 * sees, in the forms they take on the way out: as given, URL- and form-encoded, JSON-escaped
 * (also with non-ASCII as `\u00fc` and `/` as `\/`), HTML/XML-escaped, base64 (standard and
 * URL-safe, at any alignment inside a longer encoded text), line by line, with whitespace
 * folded, a URL as re-serialised by a client, and a URL's password alone.
 *
 * Scrubbing is a plain substring search per registered form, never one regular expression
 * built from the secrets: a 32 KiB secret (a key file) would make that regex too large to
 * compile, and the error would print the secret. Every occurrence of every form is marked and
 * each marked stretch becomes one `***`, so overlapping secrets leave no fragment visible.
 */
const MASK = '***';

/** Derived forms shorter than this are too likely to be ordinary text. */
const MIN_DERIVED = 8;

interface Pattern {
  text: string;
  /** Smallest period: two occurrences overlap only by a multiple of it, so the next search starts there. */
  period: number;
}

export class SecretRegistry {
  private readonly patterns = new Map<string, Pattern>();

  /** Registers a secret; returns the new forms of it that need an `add-mask` command. */
  add(value: string): string[] {
    const added: string[] = [];
    for (const variant of variantsOf(value)) {
      if (variant.length < 2 || this.patterns.has(variant)) continue;
      this.patterns.set(variant, { text: variant, period: smallestPeriod(variant) });
      added.push(variant);
    }
    return added;
  }

  has(value: string): boolean {
    return this.patterns.has(value);
  }

  /** The text with every registered form of every secret replaced by `***`. */
  scrub(text: string): string {
    if (this.patterns.size === 0 || text.length < 2) return text;
    const starts: number[] = [];
    const ends: number[] = [];
    for (const { text: secret, period } of this.patterns.values()) {
      if (secret.length > text.length) continue;
      for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + period)) {
        starts.push(at);
        ends.push(at + secret.length);
      }
    }
    if (starts.length === 0) return text;
    const order = starts.map((_, i) => i).sort((a, b) => (starts[a] ?? 0) - (starts[b] ?? 0));
    let out = '';
    let copied = 0;
    let runStart = -1;
    let runEnd = -1;
    for (const i of order) {
      const start = starts[i] ?? 0;
      const end = ends[i] ?? 0;
      if (start <= runEnd) {
        runEnd = Math.max(runEnd, end);
        continue;
      }
      if (runStart !== -1) {
        out += text.slice(copied, runStart) + MASK;
        copied = runEnd;
      }
      runStart = start;
      runEnd = end;
    }
    out += text.slice(copied, runStart) + MASK + text.slice(runEnd);
    return out;
  }
}

/** The smallest p such that text[i] === text[i + p] for all i (the KMP failure function). */
function smallestPeriod(text: string): number {
  const border = new Int32Array(text.length);
  let k = 0;
  for (let i = 1; i < text.length; i++) {
    while (k > 0 && text.charCodeAt(i) !== text.charCodeAt(k)) k = border[k - 1] ?? 0;
    if (text.charCodeAt(i) === text.charCodeAt(k)) k++;
    border[i] = k;
  }
  return text.length - (border[text.length - 1] ?? 0);
}

function variantsOf(value: string): string[] {
  const trimmed = value.trim();
  const variants = [value, trimmed, ...encodedForms(trimmed)];
  // Whitespace folded, as a log formatter or an HTML renderer shows it.
  const folded = trimmed.replace(/\s+/g, ' ');
  if (folded !== trimmed) variants.push(folded, ...encodedForms(folded));
  // Multi-line secrets (keys, certificates) are masked line by line, as the runner does.
  if (/[\r\n]/.test(trimmed)) {
    for (const line of trimmed.split(/\r?\n|\r/)) if (line.trim().length >= MIN_DERIVED) variants.push(line.trim());
  }
  // A URL as a client re-serialises it (host lowercased, default port and `./` dropped).
  const normalised = normalisedUrl(trimmed);
  if (normalised !== undefined && normalised !== trimmed) variants.push(normalised, ...encodedForms(normalised));
  // A URL with a password: the password alone shows up in driver errors.
  for (const password of urlPasswords(trimmed)) {
    const decoded = decodeURIComponentSafe(password);
    variants.push(password, decoded, ...encodedForms(decoded));
  }
  return [...new Set(variants)];
}

/** How a text is echoed by the things a secret passes through. */
function encodedForms(text: string): string[] {
  const json = JSON.stringify(text).slice(1, -1);
  const jsonAscii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const jsonAsciiUpper = jsonAscii.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`);
  const jsonForms = [json, jsonAscii, jsonAsciiUpper];
  const forms = [
    encodeURIComponent(text),
    new URLSearchParams([['', text]]).toString().slice(1),
    ...jsonForms,
    // PHP's json_encode writes `/` as `\/`.
    ...jsonForms.map((form) => form.replace(/\//g, '\\/')),
    htmlEscaped(text, "'"),
    htmlEscaped(text, '&#39;'),
    htmlEscaped(text, '&apos;'),
    htmlEscaped(text, '&#x27;'),
    // XML text content escapes only these three.
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    ...base64Forms(text),
  ];
  return forms.filter((form) => form !== text);
}

function htmlEscaped(text: string, apostrophe: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, apostrophe);
}

/**
 * Base64 of the secret wherever it sits in a longer encoded text (`Basic base64(user:pass)`, a
 * JWT, a config blob): for each of the three byte alignments, the characters that depend on the
 * secret's bytes alone. Also the whole padded encoding, so an echo of just the secret is masked
 * whole. Standard and URL-safe alphabets.
 */
function base64Forms(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const forms: string[] = [bytes.toString('base64'), bytes.toString('base64url')];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    // Character i covers bits [6i, 6i + 6); keep those inside the secret's bits.
    const first = Math.ceil((8 * shift) / 6);
    const last = Math.floor((8 * (shift + bytes.length)) / 6);
    const stable = encoded.slice(first, last);
    forms.push(stable, stable.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms.filter((form) => form.length >= MIN_DERIVED);
}

/**
 * The passwords of the URLs in a text (`scheme://user:password@host`). A linear scan from each
 * `://` to the end of its authority: a pattern that backtracks over long text would be quadratic.
 */
function urlPasswords(text: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    let end = at + 3;
    while (end < text.length && !'/?#@ \t\r\n'.includes(text.charAt(end))) end++;
    if (text.charAt(end) !== '@') continue;
    const userinfo = text.slice(at + 3, end);
    const colon = userinfo.indexOf(':');
    if (colon !== -1 && colon < userinfo.length - 1) found.push(userinfo.slice(colon + 1));
  }
  return found;
}

function normalisedUrl(text: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /\s/.test(text)) return undefined;
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Masks the credentials of a URL for display: `postgres://user:***@host/db`. Query parameters
 * whose names look like credentials (the header rule below: token, key, secret, password,
 * signature…) are masked too.
 */
export function maskUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw.replace(/\/\/([^:/@\s]*):[^@/\s]+@/g, '//$1:***@');
  }
  if (url.password) url.password = MASK;
  for (const key of [...url.searchParams.keys()]) {
    if (isCredentialHeader(key)) url.searchParams.set(key, MASK);
  }
  return url.toString().replace(/%2A%2A%2A/g, MASK);
}

/**
 * The one "looks like a credential" rule, for header names and query parameter names alike:
 * `Authorization`, `Proxy-Authorization`, `Cookie`, and any name containing token, key, secret,
 * password, bypass, auth, credential or signature (`X-Api-Key`, `x-vercel-protection-bypass`,
 * `X-Amz-Signature`), and the short query names `sig`, `code`, `pass` and `pwd`. Their values are
 * registered as secrets and never sent to another origin on a redirect; other headers
 * (`X-Env: staging`) are neither.
 */
export function isCredentialHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower === 'cookie' ||
    lower === 'sig' ||
    lower === 'code' ||
    lower === 'pass' ||
    lower === 'pwd' ||
    /token|key|secret|passw|bypass|auth|credential|signature/.test(lower)
  );
}

/**
 * The values to register for a credential header: the value, and for `Bearer X` / `Basic X` (and
 * other schemes) the credential `X` alone, which is what shows up when a tool echoes it.
 */
export function credentialValues(value: string): string[] {
  const scheme = /^\s*[A-Za-z][A-Za-z0-9_-]*\s+(\S.*)$/.exec(value);
  return scheme?.[1] ? [value, scheme[1].trim()] : [value];
}

/** The secrets a request header carries: its credential values, or none for other headers. */
export function credentialSecrets(name: string, value: string): string[] {
  return isCredentialHeader(name) ? credentialValues(value) : [];
}
