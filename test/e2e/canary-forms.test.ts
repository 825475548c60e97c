/**
 * The canary in every shape (plain, doubled spaces, tabs, HTML-special) and in URLs, through the
 * bundles that take credentials and write reports: nothing of it may be readable in the log,
 * the outputs, the summary, the env files or the JUnit report, in any form. The runs fail on
 * purpose, so the canary passes through error messages, failure outputs and report entries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY_SHAPES, makeCanary } from '../../packages/harness/src/canary.ts';
import { runBundle } from '../../packages/harness/src/run-bundle.ts';
import { type AppEmulator, startApp } from '../../packages/sandbox/src/app.ts';
import type { SandboxServer } from '../../packages/sandbox/src/server.ts';

describe('canaries of every shape never leak', () => {
  let app: SandboxServer<AppEmulator>;
  let dir: string;
  beforeAll(async () => {
    app = await startApp();
    dir = mkdtempSync(join(tmpdir(), 'canary-e2e-'));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const shape of CANARY_SHAPES) {
    it(`smoke-test keeps a ${shape} canary out of the log, outputs, summary and JUnit report`, async () => {
      const canary = makeCanary('bypass', shape);
      const inUrl = makeCanary('url', shape);
      app.emulator.reset();
      app.emulator.configure({ protection: canary });
      const run = await runBundle('smoke-test', {
        inputs: {
          'base-url': app.url,
          headers: `x-vercel-protection-bypass: ${canary}`,
          checks: [
            '- name: health',
            '  url: /health',
            '- name: missing item',
            `  url: /api/v1/items/1?token=${encodeURIComponent(inUrl)}`,
            // The expectation quotes the secret: it reaches the failure message, the summary and the report.
            `  expect: { status: 200, body: ${JSON.stringify(canary)} }`,
          ].join('\n'),
          report: join(dir, `${shape}.xml`),
        },
        secrets: [canary, inUrl],
      });
      expect(run.exitCode, run.stdout).toBe(1);
      expect(run.outputs['report-file']).toBe(join(dir, `${shape}.xml`));
      expect(run.leaks).toEqual([]);
    });

    it(`health-gate keeps a ${shape} canary out of the log, outputs and summary`, async () => {
      const canary = makeCanary('bypass', shape);
      const inUrl = makeCanary('url', shape);
      app.emulator.reset();
      app.emulator.configure({ protection: canary });
      const run = await runBundle('health-gate', {
        inputs: {
          url: `${app.url}/health?api_key=${encodeURIComponent(inUrl)}`,
          headers: `x-vercel-protection-bypass: ${canary}`,
          'expect-body': 'never served',
          timeout: '2s',
          interval: '1s',
        },
        secrets: [canary, inUrl],
      });
      expect(run.exitCode, run.stdout).toBe(1);
      expect(run.leaks).toEqual([]);
    });
  }
});
