/**
 * Which variable values (`env` inputs, a Railway service's variables) are masked. A mask is
 * job-wide: `add-mask` hides the value in every later line of every step, so masking
 * `NODE_ENV=production` turns every later "production" in the job into `***`, and masking
 * Railway's `RAILWAY_SERVICE_NAME=api` or `PORT=8080` does the same to "api" and "8080". So the
 * rule masks every value that may be a credential and leaves readable only what plainly is not
 * one; when unsure, it masks.
 *
 * A value is masked when any of these holds:
 * - its name says credential: it contains pass, secret, token, key, auth, credential, private,
 *   cookie, session, salt, signature, dsn, cert or bypass (`DJANGO_SECRET_KEY`, `PGPASSWORD`,
 *   `SENTRY_DSN`, `RAILWAY_TOKEN`), or has pin, pwd, sig or otp as a word. Whatever the value:
 *   `SECRET=production` is masked. A substring match errs on the masking side (`MONKEY`).
 * - it carries URL credentials (`postgres://user:password@host/db`);
 * - it starts with a known token prefix (`sk_live_`, `ghp_`, `github_pat_`, `xoxb-`, `glpat-`,
 *   `AKIA`, `eyJ` for a JWT, `-----BEGIN` for a key…);
 * - it looks like a credential: no whitespace, at least 16 characters, letters and digits mixed.
 *   Platform variables (below) are exempt from this one test only: theirs are ids, commit SHAs
 *   and domains that later steps log (`deployment 3f2a…`), and masking them hides exactly those.
 * - it is none of the plainly-not-secret values below (the default).
 *
 * Plainly not secret, so readable unless one of the first four holds: booleans (`true`, `false`,
 * `yes`, `no`, `on`, `off`, `1`, `0`), numbers of up to 6 digits (ports, timeouts, counts),
 * environment names (`production`, `preview`, `development`, `staging`, `test`…), release numbers
 * (`8.0.0`, `v1.2.3-rc.1`), log levels and a few switch words (`debug`, `info`, `none`, `auto`,
 * `json`), values shorter than 4 characters, and the values of Railway's and Vercel's own variables (names
 * starting `RAILWAY_` or `VERCEL_`: `RAILWAY_SERVICE_NAME`, `RAILWAY_PUBLIC_DOMAIN`, `VERCEL_ENV`).
 * Anything else (`APP_NAME=shop`) is masked: it could be a password.
 */

const CREDENTIAL_NAME =
  /pass|secret|token|key|auth|credential|private|cookie|session|salt|signature|dsn|cert|bypass|(?:^|[^a-z])(?:pin|pwd|sig|otp)(?:[^a-z]|$)/i;
const URL_CREDENTIALS = /:\/\/[^/?#@\s]*:[^/?#@\s]+@/;
const TOKEN_PREFIX =
  /^(?:(?:sk|rk|pk)_(?:live|test)_|gh[pousr]_|github_pat_|xox[abposre]-|glpat-|npm_|sk-|AKIA|ASIA|AIza|eyJ|-----BEGIN)/;
const PLATFORM_NAME = /^(?:RAILWAY|VERCEL)_/i;
const BOOLEAN = /^(?:true|false|yes|no|on|off|1|0)$/i;
const NUMBER = /^[+-]?\d{1,6}(?:\.\d+)?$/;
const ENVIRONMENT = /^(?:production|prod|preview|development|staging|stage|test|local)$/i;
/** Release numbers: `8.0.0`, `v1.2.3`, `2.0.0-rc.1`. */
const VERSION = /^v?\d{1,4}(?:\.\d{1,6}){1,3}(?:-[0-9a-z.]{1,20})?$/i;
/** Log levels and a few switch words, which tools print in every other line. */
const COMMON_WORD = /^(?:trace|debug|info|warn|warning|error|fatal|silent|verbose|none|auto|json|text)$/i;

/** Whether the value of the variable `name` is masked: see the rule above. */
export function shouldMask(name: string, value: string): boolean {
  const text = value.trim();
  if (CREDENTIAL_NAME.test(name) || URL_CREDENTIALS.test(text) || TOKEN_PREFIX.test(text)) return true;
  if (PLATFORM_NAME.test(name)) return false;
  if (looksLikeCredential(text)) return true;
  return !(
    text.length < 4 ||
    BOOLEAN.test(text) ||
    NUMBER.test(text) ||
    ENVIRONMENT.test(text) ||
    VERSION.test(text) ||
    COMMON_WORD.test(text)
  );
}

function looksLikeCredential(text: string): boolean {
  return text.length >= 16 && !/\s/.test(text) && /[a-z]/i.test(text) && /\d/.test(text);
}

export interface MaskedVariables {
  total: number;
  masked: number;
  /** The names whose values stay readable, sorted, each once. */
  readable: string[];
  /** `Masked 6 of 14 variables; readable: PORT, RAILWAY_ENVIRONMENT_NAME`: names only. */
  line: string;
}

/** Masks the values the rule says to mask, and says which names it left readable. */
export function maskVariables(
  runner: { setSecret(value: string): void },
  entries: Iterable<readonly [string, string]>,
): MaskedVariables {
  let total = 0;
  let masked = 0;
  const readable = new Set<string>();
  for (const [name, value] of entries) {
    total++;
    if (shouldMask(name, value)) {
      runner.setSecret(value);
      masked++;
    } else readable.add(name);
  }
  const names = [...readable].sort();
  const line = `Masked ${masked} of ${total} variable${total === 1 ? '' : 's'}; readable: ${names.length > 0 ? names.join(', ') : 'none'}`;
  return { total, masked, readable: names, line };
}
