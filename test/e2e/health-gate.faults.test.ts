/** health-gate in the harness's fault matrix and input fuzz, with a canary in its headers. */
import { startApp } from '../../packages/sandbox/src/app.ts';
import { describeFaultMatrix } from '../harness/fault-matrix.ts';
import { describeInputFuzz } from '../harness/fuzz.ts';

describeFaultMatrix({
  action: 'health-gate',
  async start(canary) {
    const app = await startApp();
    app.emulator.configure({ protection: canary });
    return {
      // The JSON assertion is what tells a malformed 200 from a healthy answer.
      inputs: {
        url: `${app.url}/health`,
        'expect-json': '$.status == ok',
        headers: `x-vercel-protection-bypass: ${canary}`,
        timeout: '4s',
        interval: '300ms',
        'request-timeout': '1s',
      },
      target: app,
      path: '/health',
      succeeded: (run) => run.outputs.healthy === 'true' && app.emulator.requests.some((r) => r.status === 200),
      reset: () => {
        app.emulator.reset();
        app.emulator.configure({ protection: canary });
      },
      close: () => app.close(),
    };
  },
  // A gate polls again after any failed answer: it recovers from every single fault.
  recovers: ['5xx', '429', 'hang', 'reset', 'malformed', '401'],
});

describeInputFuzz({
  action: 'health-gate',
  async start(canary) {
    const app = await startApp();
    app.emulator.configure({ protection: canary });
    return {
      valid: {
        url: `${app.url}/health`,
        'expect-status': '200',
        'expect-json': '$.status == ok',
        'expect-body': 'ok',
        'expect-version': '1.0.0',
        'version-path': '$.version',
        'max-latency': '5s',
        headers: `x-vercel-protection-bypass: ${canary}`,
        interval: '200ms',
        'initial-delay': '0',
        'request-timeout': '1s',
        'success-threshold': '2',
        'failure-threshold': '3',
      },
      secrets: [canary],
      close: () => app.close(),
    };
  },
  fixed: { timeout: '2s' },
});
