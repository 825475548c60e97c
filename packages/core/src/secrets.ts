/**
 * Secrets never reach a log line, a summary, an output or an error message. Values registered
 * here are masked by the runner (`::add-mask::`) and scrubbed by us from everything we write, in
 * the forms they commonly take on the way out: as given, URL-encoded, and JSON-escaped.
 */
const MASK = '***';

export class SecretRegistry {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  /** Registers a secret; returns the new variants that need an `add-mask` command. */
  add(value: string): string[] {
    const added: string[] = [];
    for (const variant of variantsOf(value)) {
      if (variant.length < 2 || this.values.has(variant)) continue;
      this.values.add(variant);
      added.push(variant);
    }
    if (added.length > 0) this.pattern = undefined;
    return added;
  }

  has(value: string): boolean {
    return this.values.has(value);
  }

  scrub(text: string): string {
    if (this.values.size === 0 || text === '') return text;
    this.pattern ??= new RegExp(
      // Longest first, so a URL is masked whole rather than around its password.
      [...this.values]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, MASK);
  }
}

function variantsOf(value: string): string[] {
  const trimmed = value.trim();
  const variants = [value, trimmed, encodeURIComponent(trimmed), JSON.stringify(trimmed).slice(1, -1)];
  // Multi-line secrets (keys, certificates) are masked line by line, as the runner does.
  for (const line of trimmed.split(/\r?\n/)) variants.push(line.trim());
  // A URL with a password: the password alone can show up in driver errors.
  for (const password of urlPasswords(trimmed)) variants.push(password, decodeURIComponentSafe(password));
  return [...new Set(variants)];
}

function urlPasswords(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@/\s]+)@/gi)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Masks the credentials of a URL for display: `postgres://user:***@host/db`. Query parameters
 * whose names look like credentials (token, key, secret, password, signature) are masked too.
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
    if (/token|key|secret|pass|sig|auth|code/i.test(key)) url.searchParams.set(key, MASK);
  }
  return url.toString().replace(/%2A%2A%2A/g, MASK);
}

/**
 * The one "looks like a credential" rule for header names: `Authorization`,
 * `Proxy-Authorization`, `Cookie`, and any name containing token, key, secret, password or
 * bypass (`X-Api-Key`, `x-vercel-protection-bypass`). Their values are registered as secrets and
 * never sent to another origin on a redirect; other headers (`X-Env: staging`) are neither.
 */
export function isCredentialHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower === 'authorization' ||
    lower === 'proxy-authorization' ||
    lower === 'cookie' ||
    /token|key|secret|passw|bypass/.test(lower)
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
