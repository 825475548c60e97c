/**
 * The message built from the run: a coloured attachment (the colour bar shows the status at a
 * glance) holding Block Kit blocks, and a plain fallback `text` for notifications and mentions.
 */
import type { RunContext } from '@deploy-suite/core/context';
import { formatDuration } from '@deploy-suite/core/duration';
import type { KeyValues } from '@deploy-suite/core/input-types';
import type { NotifyStatus } from './manifest.ts';
import { escapeMrkdwn, formatMention, LIMITS, mrkdwnLink, truncate } from './slack-text.ts';

export interface Notification {
  status: NotifyStatus;
  title: string | undefined;
  text: string | undefined;
  environment: string | undefined;
  url: string | undefined;
  reason: string | undefined;
  fields: KeyValues;
  mentions: string[];
  durationMs: number | undefined;
  run: RunContext;
}

const LOOK: Record<NotifyStatus, { emoji: string; color: string; verb: string }> = {
  success: { emoji: '✅', color: '#2EB67D', verb: 'succeeded' },
  failure: { emoji: '❌', color: '#E01E5A', verb: 'failed' },
  cancelled: { emoji: '⏹️', color: '#9E9E9E', verb: 'was cancelled' },
  skipped: { emoji: '⏭️', color: '#9E9E9E', verb: 'was skipped' },
  started: { emoji: '🚀', color: '#36C5F0', verb: 'started' },
  warning: { emoji: '⚠️', color: '#ECB22E', verb: 'finished with warnings' },
};

export function lookOf(status: NotifyStatus): { emoji: string; color: string; verb: string } {
  return LOOK[status];
}

export function defaultTitle(n: Notification): string {
  const what = n.run.repository || n.run.workflow || 'Deployment';
  const where = n.environment ? ` to ${n.environment}` : '';
  return `Deploy of ${what}${where} ${LOOK[n.status].verb}`;
}

export function firstLine(text: string | undefined): string | undefined {
  return text?.split(/\r?\n/, 1)[0]?.trim() || undefined;
}

type Block = Record<string, unknown>;

function field(label: string, valueMrkdwn: string): Block {
  return { type: 'mrkdwn', text: truncate(`*${label}*\n${valueMrkdwn}`, LIMITS.fieldText) };
}

function sectionsOfFields(fields: Block[]): Block[] {
  const sections: Block[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
    sections.push({ type: 'section', fields: fields.slice(i, i + LIMITS.fieldsPerSection) });
  }
  return sections;
}

export function buildMessage(n: Notification): Record<string, unknown> {
  const look = LOOK[n.status];
  const title = n.title ?? defaultTitle(n);
  const mentionText = n.mentions.map(formatMention).join(' ');

  const summary: Block[] = [field('Status', `${look.emoji} ${escapeMrkdwn(n.status)}`)];
  if (n.environment) summary.push(field('Environment', escapeMrkdwn(n.environment)));
  if (n.url) summary.push(field('URL', mrkdwnLink(n.url, n.url)));
  if (n.run.shortSha) {
    const sha = n.run.commitUrl ? mrkdwnLink(n.run.commitUrl, n.run.shortSha) : `\`${n.run.shortSha}\``;
    const message = firstLine(n.run.commitMessage);
    summary.push(field('Commit', message ? `${sha} ${escapeMrkdwn(message)}` : sha));
  }
  if (n.run.actor) summary.push(field('Actor', escapeMrkdwn(n.run.actor)));
  if (n.durationMs !== undefined) summary.push(field('Duration', formatDuration(n.durationMs)));
  const extra = n.fields.map(([key, value]) => field(escapeMrkdwn(key), escapeMrkdwn(value)));

  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${look.emoji} ${title}`, LIMITS.headerText), emoji: true } },
  ];
  const body = [mentionText, n.text ?? ''].filter((s) => s !== '').join(' ');
  if (body) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(body, LIMITS.sectionText) } });
  blocks.push(...sectionsOfFields([...summary, ...extra]));
  if (n.reason) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*Reason*\n${escapeMrkdwn(n.reason)}`, LIMITS.sectionText) },
    });
  }

  const context = [n.run.repository, n.run.refName, n.run.workflow && `${n.run.workflow} #${n.run.runId}`]
    .filter((s): s is string => Boolean(s))
    .map(escapeMrkdwn)
    .join(' · ');
  if (context) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(context, LIMITS.contextText) }] });

  const buttons: Block[] = [];
  if (n.run.runUrl) buttons.push(button('View run', n.run.runUrl));
  if (n.url) buttons.push(button('Open deployment', n.url));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });

  // The top-level text and the fallback are mrkdwn, where `<!channel>` in a title would ping.
  const headline = `${look.emoji} ${escapeMrkdwn(title)}`;
  const fallback = [mentionText, headline].filter((s) => s !== '').join(' ');
  return {
    text: truncate(fallback, LIMITS.fallbackText),
    attachments: [
      {
        color: look.color,
        fallback: truncate(headline, LIMITS.fallbackText),
        blocks: blocks.slice(0, LIMITS.blocks),
      },
    ],
  };
}

function button(label: string, url: string): Block {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(label, LIMITS.buttonText) },
    url: url.slice(0, LIMITS.buttonUrl),
  };
}
