/**
 * A custom payload is a template: JSON or YAML with `{{ name }}` placeholders. It is parsed
 * first and filled after, string by string, so a value can never change the payload's shape:
 * a commit message full of quotes, braces and newlines stays one string.
 */

import { formatDuration } from '@deploy-suite/core/duration';
import { InputError } from '@deploy-suite/core/errors';
import { defaultTitle, lookOf, type Notification } from './message.ts';
import { escapeMrkdwn, LIMITS, truncate } from './slack-text.ts';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/** Every name a payload may use, and its value for this run. */
export function placeholderValues(n: Notification): Record<string, string> {
  const look = lookOf(n.status);
  const values: Record<string, string> = {
    status: n.status,
    emoji: look.emoji,
    color: look.color,
    title: n.title ?? defaultTitle(n),
    text: n.text ?? '',
    environment: n.environment ?? '',
    url: n.url ?? '',
    reason: n.reason ?? '',
    duration: n.durationMs === undefined ? '' : formatDuration(n.durationMs),
    repository: n.run.repository,
    ref: n.run.refName,
    actor: n.run.actor,
    workflow: n.run.workflow,
    job: n.run.job,
    'commit.sha': n.run.sha,
    'commit.short_sha': n.run.shortSha,
    'commit.message': n.run.commitMessage ?? '',
    'commit.url': n.run.commitUrl ?? '',
    'run.id': n.run.runId,
    'run.url': n.run.runUrl ?? '',
  };
  for (const [key, value] of n.fields) values[`fields.${key}`] = value;
  return values;
}

export const PLACEHOLDER_NAMES = [
  'status',
  'emoji',
  'color',
  'title',
  'text',
  'environment',
  'url',
  'reason',
  'duration',
  'repository',
  'ref',
  'actor',
  'workflow',
  'job',
  'commit.sha',
  'commit.short_sha',
  'commit.message',
  'commit.url',
  'run.id',
  'run.url',
  'fields.<KEY>',
] as const;

function payloadError(expected: string): InputError {
  return new InputError([{ input: 'payload', shown: 'is not usable', expected }]);
}

/** Parses and fills a payload template; throws an InputError naming `payload` when it is unusable. */
export async function renderPayload(template: string, n: Notification): Promise<Record<string, unknown>> {
  // yaml loads only for the runs that send a custom payload.
  const { parse: parseYaml } = await import('yaml');
  let parsed: unknown;
  try {
    parsed = parseYaml(template, { prettyErrors: true, maxAliasCount: 100 });
  } catch (error) {
    const where = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    const at = where ? ` (line ${where.line}, column ${where.col})` : '';
    throw payloadError(`expected a JSON or YAML object${at}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw payloadError('expected a JSON or YAML object (a Slack message such as {"text": "…"})');
  }

  const values = placeholderValues(n);
  const unknown = new Set<string>();
  const fill = (value: unknown, key: string | undefined, ancestors: readonly unknown[]): unknown => {
    if (typeof value === 'string') {
      const context = fieldContext(key, ancestors);
      return fillString(value, values, unknown, context);
    }
    if (Array.isArray(value)) return value.map((v) => fill(v, key, [...ancestors, value]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, k, [...ancestors, value])]));
    }
    return value;
  };
  const filled = fill(parsed, undefined, []) as Record<string, unknown>;
  if (unknown.size > 0) {
    throw payloadError(
      `expected known placeholders; unknown: ${[...unknown].map((u) => `{{ ${u} }}`).join(', ')} (known: ${PLACEHOLDER_NAMES.join(', ')})`,
    );
  }
  return filled;
}

/** Keys whose value is a URL: filled as is (mrkdwn escaping would turn `&` into `&amp;`). */
const URL_KEYS = new Set([
  'url',
  'image_url',
  'thumb_url',
  'title_link',
  'author_link',
  'author_icon',
  'footer_icon',
  'icon_url',
]);

interface FieldContext {
  escape: (text: string) => string;
  limit: number;
}

/** How a string at `key` is escaped and how long it may be, from where it sits in the message. */
export function fieldContext(key: string | undefined, ancestors: readonly unknown[]): FieldContext {
  const mrkdwn = { escape: escapeMrkdwn };
  if (key !== undefined && URL_KEYS.has(key)) return { escape: (text) => text, limit: LIMITS.url };
  if (key === 'alt_text') return { ...mrkdwn, limit: LIMITS.altText };
  const parent = ancestors.at(-1) as { type?: unknown } | undefined;
  if (key === 'text' && ancestors.length === 1) return { ...mrkdwn, limit: LIMITS.fallbackText };
  if (key === 'fallback') return { ...mrkdwn, limit: LIMITS.fallbackText };
  if (key === 'text' && (parent?.type === 'plain_text' || parent?.type === 'mrkdwn')) {
    // The text object's owner: a block or element, or the `fields` array of a section.
    const owner = ancestors.at(-2) as { type?: unknown } | unknown[] | undefined;
    if (Array.isArray(owner)) {
      const holder = ancestors.at(-3) as { type?: unknown; fields?: unknown } | undefined;
      if (holder?.fields === owner) return { ...mrkdwn, limit: LIMITS.fieldText };
      return { ...mrkdwn, limit: LIMITS.contextText };
    }
    if (owner?.type === 'header') return { ...mrkdwn, limit: LIMITS.headerText };
    if (owner?.type === 'button') return { ...mrkdwn, limit: LIMITS.buttonText };
  }
  return { ...mrkdwn, limit: LIMITS.sectionText };
}

/**
 * Fills one string of the template so that the result fits its field: when it would be too long,
 * the longest filled value is cut first (the template's own text is the user's, and kept).
 */
function fillString(template: string, values: Record<string, string>, unknown: Set<string>, context: FieldContext): string {
  const parts: Array<{ literal: string } | { name: string; raw: string }> = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    parts.push({ literal: template.slice(last, match.index) });
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      parts.push({ literal: match[0] });
    } else parts.push({ name, raw: value });
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push({ literal: template.slice(last) });
  const render = (part: (typeof parts)[number]): string => ('literal' in part ? part.literal : context.escape(part.raw));
  const fillers = parts.filter((p): p is { name: string; raw: string } => 'raw' in p);
  for (;;) {
    const length = parts.reduce((sum, part) => sum + render(part).length, 0);
    if (length <= context.limit) break;
    const longest = fillers.reduce<{ name: string; raw: string } | undefined>(
      (best, p) => (p.raw !== '' && (!best || render(p).length > render(best).length) ? p : best),
      undefined,
    );
    if (!longest) break;
    longest.raw = truncate(longest.raw, Math.max(0, longest.raw.length - (length - context.limit)));
  }
  return parts.map(render).join('');
}
