/**
 * `npm run demo`: the pipeline as far as it is built, through the committed bundles, run as the
 * runner runs them, against the built-in sandbox. Each step prints its outcome and outputs; the
 * end shows what the sandbox's services received.
 */
import { type Sandbox, startSandbox } from '../packages/sandbox/src/index.ts';
import { type BundleRun, runBundle } from '../test/harness/run-bundle.ts';

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

async function step(title: string, action: string, inputs: Record<string, string>, secrets: string[]): Promise<BundleRun> {
  console.log(`\n${bold(`▶ ${title}`)}  (dist/${action}/index.js)`);
  const run = await runBundle(action, { inputs, secrets });
  for (const a of run.annotations.filter((x) => x.kind !== 'debug')) console.log(`  ${a.kind}: ${a.message.split('\n')[0]}`);
  console.log(`  exit ${run.exitCode} in ${Math.round(run.durationMs)} ms; outputs ${JSON.stringify(run.outputs)}`);
  if (run.leaks.length > 0) throw new Error(`a secret leaked from ${action}`);
  return run;
}

async function main(sandbox: Sandbox): Promise<void> {
  const webhook = sandbox.slack.webhookUrl;
  const secrets = [webhook];
  const startedAt = String(Math.floor(Date.now() / 1000));

  console.log(bold('Deploy suite demo: the pipeline against the local sandbox'));
  console.log(`Slack emulator at ${sandbox.slack.url}`);

  await step(
    'notify: the deploy succeeded',
    'notify',
    {
      'webhook-url': webhook,
      status: 'success',
      environment: 'production',
      url: 'https://shop.example',
      'started-at': startedAt,
      fields: 'Version=1.4.2',
    },
    secrets,
  );

  sandbox.slack.inject({ kind: '429', retryAfter: 1 });
  await step(
    'notify: a failure, with Slack rate limiting once (retried after Retry-After)',
    'notify',
    {
      'webhook-url': webhook,
      status: 'failure',
      environment: 'production',
      reason: 'health gate failed',
      mention: 'here',
      'started-at': startedAt,
    },
    secrets,
  );

  await step(
    'notify: a dead webhook warns but never fails the deploy',
    'notify',
    { 'webhook-url': `${sandbox.slack.url}/services/T0/B0/revoked`, status: 'success' },
    [`${sandbox.slack.url}/services/T0/B0/revoked`],
  );

  console.log(`\n${bold('What Slack received')}`);
  for (const m of sandbox.slack.emulator.messages) console.log(`  ${String(m.payload.text)}`);
  for (const r of sandbox.slack.emulator.rejected) console.log(`  rejected ${r.status} ${r.error}`);
}

const sandbox = await startSandbox();
try {
  await main(sandbox);
} finally {
  await sandbox.close();
}
