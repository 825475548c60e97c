import * as t from '@deploy-suite/core/input-types';
import { optional, required, withDefault } from '@deploy-suite/core/inputs';
import { defineAction } from '@deploy-suite/core/manifest';

export const STATUSES = ['success', 'failure', 'cancelled', 'skipped', 'started', 'warning'] as const;
export type NotifyStatus = (typeof STATUSES)[number];

/** `here`, `channel`, `everyone` (with or without `@`), a user (U…/W…), a user group (S…), or Slack's own `<…>` form. */
const mention = t.pattern(
  /^(@?(here|channel|everyone)|@?[UWS][A-Z0-9]{2,}|<[@!#][^<>\s]+>)$/,
  "'here', 'channel', 'everyone' (or '@here'…), a user id (U…/W…), a user-group id (S…) or Slack's <@…>/<!…> form",
);

export const manifest = defineAction({
  name: 'notify',
  title: 'Deploy Suite: notify Slack',
  description:
    'Sends a Slack message about the run (status, environment, URL, commit, actor, run link, duration, reason) through an incoming webhook. Never fails the job unless asked.',
  branding: { icon: 'bell', color: 'purple' },
  inputs: {
    'webhook-url': required(
      t.url({ form: 'a Slack incoming-webhook URL such as https://hooks.slack.com/services/T…/B…/…' }),
      'Slack incoming-webhook URL. Pass it from a secret.',
      { secret: true },
    ),
    status: withDefault(
      t.oneOf(STATUSES),
      'success',
      "The outcome to report; pass the `job.status` expression to report the job's. An empty value (a misspelt expression) is refused rather than reported as a success.",
    ),
    title: optional(
      t.text(),
      'Headline of the message. Default: the status and repository, e.g. "Deployed acme/api to production".',
    ),
    text: optional(t.text(), 'Body of the message, in Slack mrkdwn.'),
    environment: optional(t.text(), 'Environment the run deployed to, e.g. production.'),
    url: optional(t.url(), 'URL of the deployment, e.g. the `url` output of the deploy step.'),
    reason: optional(t.text(), 'Why a rollback or failure happened; shown as its own section.'),
    fields: optional(t.keyValues(), 'Extra fields, `KEY=VALUE` one a line, shown in the message.'),
    mention: optional(t.list(mention), 'Who to mention when the status is in `mention-on`, e.g. `here` or `S0123ABCD`.'),
    'mention-on': withDefault(t.list(t.oneOf(STATUSES)), 'failure', 'Statuses that trigger the mention.'),
    'started-at': optional(
      t.timestamp(),
      'When the run started (ISO 8601 or epoch seconds), to show its duration, e.g. from a first step that runs `date +%s`.',
    ),
    payload: optional(
      t.text('a Slack message as JSON or YAML, with {{ name }} placeholders'),
      'A custom message (JSON or YAML) sent instead of the built one. `{{ status }}`, `{{ commit.message }}`, `{{ run.url }}` and the other placeholders listed in the catalog are filled in safely.',
    ),
    'fail-on-error': withDefault(
      t.boolean(),
      'false',
      'Fail the step when the message cannot be delivered. By default a failed notification is a warning.',
    ),
    timeout: withDefault(t.duration({ min: 1000, max: 600_000 }), '30s', 'How long delivery may take, retries included.'),
    'request-timeout': withDefault(t.duration({ min: 100, max: 120_000 }), '10s', 'How long one attempt may take.'),
  },
  outputs: {
    sent: { description: "'true' when Slack accepted the message, else 'false'." },
  },
  example: `- name: Tell Slack
  if: always()
  uses: OWNER/REPO/actions/notify@v1
  with:
    webhook-url: \${{ secrets.SLACK_WEBHOOK_URL }}
    status: \${{ job.status }}
    environment: production
    url: \${{ steps.api.outputs.url }}
    mention: here
    fields: |
      Version=\${{ github.sha }}
      Region=eu-west`,
  notes: `### Custom payloads

\`payload\` replaces the built message with your own Slack message, as JSON or YAML. It is parsed first and then filled: each \`{{ name }}\` inside a string is replaced with the value, escaped for Slack (\`&\`, \`<\`, \`>\`), so a commit message full of quotes, braces or \`<!channel>\` can neither change the message's shape nor ping anyone. In URL fields (\`url\`, \`image_url\`, \`title_link\`…) values are put as they are, not escaped. A filled string is cut to its field's Block Kit limit (a header's 150 characters, a button's 75, a section's 3,000, a field's 2,000), shortening the filled values rather than your text, so a long commit message cannot make Slack refuse the message. An unknown name is an input error, reported before anything is sent.

| placeholder | value |
|---|---|
| \`{{ status }}\`, \`{{ emoji }}\`, \`{{ color }}\` | the status, and its emoji and colour |
| \`{{ title }}\`, \`{{ text }}\`, \`{{ reason }}\` | the inputs (\`title\` defaults to the built headline) |
| \`{{ environment }}\`, \`{{ url }}\`, \`{{ duration }}\` | the inputs; the duration since \`started-at\` |
| \`{{ repository }}\`, \`{{ ref }}\`, \`{{ actor }}\`, \`{{ workflow }}\`, \`{{ job }}\` | the run |
| \`{{ commit.sha }}\`, \`{{ commit.short_sha }}\`, \`{{ commit.message }}\`, \`{{ commit.url }}\` | the commit (the head commit of a push, the pull request's title) |
| \`{{ run.id }}\`, \`{{ run.url }}\` | the workflow run and its link |
| \`{{ fields.<KEY> }}\` | a value given in \`fields\` |

Delivery: Slack's 429 is retried after its \`Retry-After\`, 5xx and network errors with backoff, each attempt within \`request-timeout\` and all within \`timeout\`. A message Slack refuses (a revoked webhook: 404 \`no_service\`) is a warning with Slack's error (escaped and cut to a few hundred characters) unless \`fail-on-error\` is true. A redirect is refused, never followed with the message to another host, and the webhook URL is never printed: only its host.`,
});

export type NotifyInputs = import('@deploy-suite/core/inputs').ParsedInputs<(typeof manifest)['inputs']>;
