/** smoke-test in the harness's fault matrix and input fuzz, with a canary in its headers. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../packages/sandbox/src/app.ts';
import { describeFaultMatrix } from '../harness/fault-matrix.ts';
import { describeInputFuzz } from '../harness/fuzz.ts';

const CHECKS = `- name: API
  url: /api/v1
  expect: { status: 200, json: ["$.name == sample-api"] }`;

describeFaultMatrix({
  action: 'smoke-test',
  async start(canary) {
    const app = await startApp();
    app.emulator.configure({ protection: canary });
    return {
      inputs: {
        'base-url': app.url,
        checks: CHECKS,
        retries: '3',
        timeout: '8s',
        'request-timeout': '1s',
        headers: `x-vercel-protection-bypass: ${canary}`,
      },
      target: app,
      path: '/api/v1',
      succeeded: (run) => run.outputs.passed === '1' && app.emulator.requests.some((r) => r.status === 200),
      reset: () => {
        app.emulator.reset();
        app.emulator.configure({ protection: canary });
      },
      close: () => app.close(),
    };
  },
  // A check is retried after any failed attempt: it recovers from every single fault.
  recovers: ['5xx', '429', 'hang', 'reset', 'malformed', '401'],
});

describeInputFuzz({
  action: 'smoke-test',
  async start(canary) {
    const app = await startApp();
    app.emulator.configure({ protection: canary });
    const dir = mkdtempSync(join(tmpdir(), 'smoke-fuzz-'));
    const file = join(dir, 'checks.yml');
    writeFileSync(file, CHECKS);
    return {
      valid: {
        'base-url': app.url,
        checks: CHECKS,
        'checks-file': file,
        concurrency: '4',
        retries: '1',
        'request-timeout': '2s',
        'max-latency': '5s',
        'fail-fast': 'false',
        headers: `x-vercel-protection-bypass: ${canary}`,
      },
      secrets: [canary],
      close: async () => {
        await app.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  // A random report path could be anywhere on the machine ('/re(/'): keep it in the run's temp.
  fixed: { timeout: '5s', report: 'junit.xml' },
});
