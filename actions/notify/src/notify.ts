/**
 * notify: build the message (or fill the custom payload), send it through @slack/webhook over
 * the core HTTP client (which retries 429 after `Retry-After`, 5xx and network errors: the
 * library itself does not retry 429), and report. Delivery failure is a warning unless
 * `fail-on-error` is set: a notification must never be the reason a deploy fails.
 */

import { errorMessage, InputError, UserError } from '@deploy-suite/core/errors';
import { inputVariable } from '@deploy-suite/core/inputs';
import { link, Summary } from '@deploy-suite/core/report';
import type { ActionContext, ActionResult } from '@deploy-suite/core/run';
import type { SecretRegistry } from '@deploy-suite/core/secrets';
import { excerpt } from '@deploy-suite/core/untrusted';
import { hostOf } from '@deploy-suite/core/urls';
import { IncomingWebhook } from '@slack/webhook';
import { type NotifyInputs, STATUSES } from './manifest.ts';
import { buildMessage, type Notification } from './message.ts';
import { renderPayload } from './payload.ts';

export function notificationOf(inputs: NotifyInputs, ctx: Pick<ActionContext, 'github' | 'clock'>): Notification {
  const mentionOn: readonly string[] = inputs.mentionOn;
  return {
    status: inputs.status,
    title: inputs.title,
    text: inputs.text,
    environment: inputs.environment,
    url: inputs.url,
    reason: inputs.reason,
    fields: inputs.fields ?? [],
    mentions: mentionOn.includes(inputs.status) ? (inputs.mention ?? []) : [],
    durationMs: inputs.startedAt === undefined ? undefined : Math.max(0, ctx.clock.now() - inputs.startedAt),
    run: ctx.github,
  };
}

/**
 * Why Slack did not take the message, in Slack's own words when it gave them: scrubbed, folded
 * onto one line, capped and quoted (an error body is outside text, and may be a megabyte).
 */
function deliveryFailure(error: unknown, secrets: Pick<SecretRegistry, 'scrub'>): string {
  const e = error as { statusCode?: number; body?: string; original?: unknown };
  if (e.statusCode !== undefined) {
    const body = excerpt(e.body ?? '', secrets);
    return `Slack answered ${e.statusCode}: ${body ? JSON.stringify(body) : 'no body'}`;
  }
  return excerpt(errorMessage(e.original !== undefined ? e.original : error), secrets);
}

/**
 * `status: ''` is what a misspelt expression gives (`\${{ job.stauts }}`); the runner sets an
 * input it was not given to its default, so an empty value was written, and reporting it as a
 * success would be a lie.
 */
function refuseEmptyStatus(env: NodeJS.ProcessEnv): void {
  const given = env[inputVariable('status')];
  if (given !== undefined && given.trim() === '')
    throw new InputError([
      {
        input: 'status',
        shown: 'is empty',
        expected: `expected one of ${STATUSES.join(', ')}; an empty value is usually a misspelt expression such as \${{ job.status }}`,
      },
    ]);
}

export async function notify(inputs: NotifyInputs, ctx: ActionContext): Promise<ActionResult> {
  const { runner } = ctx;
  refuseEmptyStatus(ctx.env);
  const notification = notificationOf(inputs, ctx);
  // Built before anything is sent: a bad payload template is an input error, not a failed send.
  const message = inputs.payload === undefined ? buildMessage(notification) : await renderPayload(inputs.payload, notification);

  const http = ctx.http({
    service: 'Slack',
    deadline: inputs.timeout,
    timeout: inputs.requestTimeout,
    retries: 6,
    // Slack asks clients to retry its 5xx; a message sent twice beats a lost failure alert.
    retryUnsafe: true,
    secrets: runner.secrets,
    // The webhook's path is its secret: errors and logs show the host only.
    describeUrl: (url) => `${hostOf(url)} (webhook)`,
  });
  const webhook = new IncomingWebhook(inputs.webhookUrl, { fetch: http.fetch });

  let failure: string | undefined;
  await runner.group('Send the Slack message', async () => {
    try {
      const result = await webhook.send(message);
      if (result.text?.trim() !== 'ok')
        failure = `Slack answered 200 but not 'ok': ${JSON.stringify(excerpt(result.text ?? '', runner.secrets))}`;
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      failure = deliveryFailure(error, runner.secrets);
    }
  });

  runner.setOutput('sent', failure === undefined);
  const summary = new Summary().heading('Slack notification', 3);
  if (failure === undefined) {
    runner.info(`Slack accepted the ${notification.status} message.`);
    summary.paragraph(`Sent the ${notification.status} message${inputs.environment ? ` for ${inputs.environment}` : ''}.`);
    summary.write(runner);
    return { status: 'success' };
  }
  summary.paragraph('Not delivered:', failure);
  if (ctx.github.runUrl) summary.paragraph(link('Run', ctx.github.runUrl));
  summary.write(runner);
  if (inputs.failOnError) {
    throw new UserError(`The Slack message was not delivered. ${failure}`, {
      hint: 'Check the webhook URL secret; the app or channel behind it may have been removed.',
    });
  }
  runner.warning(`The Slack message was not delivered (fail-on-error is off, so the step passes). ${failure}`);
  return { status: 'warning' };
}
