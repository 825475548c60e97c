/**
 * Secrets made for one test run: they must never be readable anywhere the harness looks, in any
 * form a step could print them. Canaries come in the shapes that broke scrubbers before: plain,
 * with doubled spaces or tabs (a formatter that folds whitespace shows them changed), with
 * HTML-special characters (an escaper changes them), each with a random tail so no text
 * contains one by chance.
 */
import { randomBytes } from 'node:crypto';

export type CanaryShape = 'raw' | 'spaced' | 'tabbed' | 'html';

export const CANARY_SHAPES: readonly CanaryShape[] = ['raw', 'spaced', 'tabbed', 'html'];

export function makeCanary(label = 'canary', shape: CanaryShape = 'raw'): string {
  const tail = randomBytes(12).toString('hex');
  switch (shape) {
    case 'raw':
      return `${label}-${tail}`;
    case 'spaced':
      return `Canary  two  spaces  ${tail}`;
    case 'tabbed':
      return `Canary\t\ttabs\t${tail}`;
    case 'html':
      return `p&ss<w>"rd'Z-${tail}`;
  }
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
 * The forms in which a secret counts as leaked: as given, trimmed, whitespace folded,
 * HTML/XML-escaped, URL-encoded (component, form, and as a URL path or query shows it),
 * JSON-escaped and base64.
 */
export function leakForms(secret: string): string[] {
  const trimmed = secret.trim();
  const folded = trimmed.replace(/\s+/g, ' ');
  const forms = new Set<string>();
  for (const text of [secret, trimmed, folded]) {
    forms.add(text);
    for (const apostrophe of ["'", '&#39;', '&apos;', '&#x27;']) forms.add(htmlEscaped(text, apostrophe));
    forms.add(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    forms.add(encodeURIComponent(text));
    forms.add(new URLSearchParams([['', text]]).toString().slice(1));
    forms.add(encodeURI(text));
    forms.add(new URL(`http://h/${text}`).pathname.slice(1));
    forms.add(new URL(`http://h/?q=${text}`).search.slice(3));
    forms.add(JSON.stringify(text).slice(1, -1));
    forms.add(Buffer.from(text).toString('base64'));
  }
  return [...forms].filter((form) => form.length >= 8);
}

/** Where each secret was found, in any of its forms: `place: form of secret #i`. */
export function findLeaks(places: Record<string, string>, secrets: readonly string[]): string[] {
  const found: string[] = [];
  secrets.forEach((secret, index) => {
    if (secret === '') return;
    const forms = leakForms(secret);
    for (const [place, text] of Object.entries(places)) {
      const form = forms.find((f) => text.includes(f));
      if (form !== undefined) found.push(`${place}: secret #${index + 1} as ${JSON.stringify(form.slice(0, 12))}…`);
    }
  });
  return found;
}
