/**
 * Slack's text rules. `&`, `<` and `>` are control characters in every Slack text: a commit
 * message holding `<!channel>` would ping a whole channel if sent as is. The limits are Block
 * Kit's: a longer text makes Slack refuse the whole message with `invalid_blocks`.
 */
export const LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextText: 3000,
  buttonText: 75,
  buttonUrl: 3000,
  fallbackText: 40_000,
  altText: 2000,
  url: 3000,
} as const;

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// The suite's one truncation helper; it counts UTF-16 units, never fewer than Slack's characters.
export { truncate } from '@deploy-suite/core/untrusted';

/** A mrkdwn link; the label cannot hold `|` or `>`. */
export function mrkdwnLink(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/** `here` → `<!here>`, `U123` → `<@U123>`, `S123` → `<!subteam^S123>`; Slack's own form as is. */
export function formatMention(mention: string): string {
  if (mention.startsWith('<')) return mention;
  const id = mention.replace(/^@/, '');
  if (['here', 'channel', 'everyone'].includes(id)) return `<!${id}>`;
  return id.startsWith('S') ? `<!subteam^${id}>` : `<@${id}>`;
}
