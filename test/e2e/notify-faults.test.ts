/** notify in the fault matrix and the input fuzz test. */
import { startServer } from '../../packages/sandbox/src/server.ts';
import { SlackEmulator } from '../../packages/sandbox/src/slack.ts';
import { describeFaultMatrix } from '../harness/fault-matrix.ts';
import { describeInputFuzz } from '../harness/fuzz.ts';

async function slackWithCanary(canary: string) {
  const server = await startServer(new SlackEmulator());
  server.emulator.control('rate-limit', { perSecond: 1000, burst: 1000 });
  // The canary is the webhook's secret path segment, as a real webhook's token would be.
  const path = server.emulator.createWebhook().replace(/[^/]+$/, canary);
  server.emulator.webhooksForTest(path);
  return { server, url: `${server.url}${path}` };
}

describeFaultMatrix({
  action: 'notify',
  async start(canary) {
    const { server, url } = await slackWithCanary(canary);
    return {
      // fail-on-error: a fault that stops delivery must fail the step, so it can be seen.
      inputs: {
        'webhook-url': url,
        'fail-on-error': 'true',
        'request-timeout': '1s',
        timeout: '8s',
        status: 'failure',
        text: 'x',
      },
      target: server,
      succeeded: () => server.emulator.messages.length === 1,
      reset: () => {
        server.emulator.messages = [];
      },
      close: () => server.close(),
    };
  },
});

describeInputFuzz({
  action: 'notify',
  async start(canary) {
    const { server, url } = await slackWithCanary(canary);
    return {
      valid: {
        'webhook-url': url,
        status: 'failure',
        fields: 'A=1',
        mention: 'here',
        'started-at': '1700000000',
        payload: '{"text": "{{ status }}"}',
        timeout: '5s',
        'request-timeout': '2s',
      },
      secrets: [url, canary],
      close: () => server.close(),
    };
  },
});
