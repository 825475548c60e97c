/**
 * A custom payload is a template: JSON or YAML with `{{ name }}` placeholders. It is parsed
 * first and filled after, string by string, so a value can never change the payload's shape:
 * a commit message full of quotes, braces and newlines stays one string.
 */
import { InputError } from '@deploy-suite/core/errors';
import { formatDuration } from '@deploy-suite/core/duration';
import { defaultTitle, lookOf, type Notification } from './message.ts';
import { escapeMrkdwn } from './slack-text.ts';

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
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(PLACEHOLDER, (whole, name: string) => {
        const replacement = values[name];
        if (replacement === undefined) {
          unknown.add(name);
          return whole;
        }
        return escapeMrkdwn(replacement);
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    }
    return value;
  };
  const filled = fill(parsed) as Record<string, unknown>;
  if (unknown.size > 0) {
    throw payloadError(
      `expected known placeholders; unknown: ${[...unknown].map((u) => `{{ ${u} }}`).join(', ')} (known: ${PLACEHOLDER_NAMES.join(', ')})`,
    );
  }
  return filled;
}
