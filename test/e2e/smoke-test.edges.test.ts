/** smoke-test's bundle at the network edges: base paths, unsafe retries, unsendable requests, redirects. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanFailureProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { type AppEmulator, startApp } from '../../packages/sandbox/src/app.ts';
import type { SandboxServer } from '../../packages/sandbox/src/server.ts';

describe('smoke-test at the network edges', () => {
  let app: SandboxServer<AppEmulator>;
  let dir: string;
  const report = () => join(dir, 'junit.xml');
  const smoke = (inputs: Record<string, string>) =>
    runBundle('smoke-test', { inputs: { 'base-url': app.url, report: report(), ...inputs } });

  beforeAll(async () => {
    app = await startApp();
    dir = mkdtempSync(join(tmpdir(), 'smoke-edges-'));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    app.emulator.reset();
    app.faults.clear();
  });

  it("joins a check's path under base-url's path instead of replacing it", async () => {
    const run = await smoke({
      'base-url': `${app.url}/api/v1`,
      checks:
        '- name: API index\n  url: /\n  expect: { json: ["$.name == sample-api"] }\n- name: Items\n  url: /items/none\n  expect: { status: 404 }',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(app.emulator.requests.map((r) => r.path).sort()).toEqual(['/api/v1/', '/api/v1/items/none']);
  });

  it('does not retry a POST after a 5xx unless the check says retry-unsafe, so an item is not created twice', async () => {
    const create = '- name: Create\n  url: /api/v1/items\n  method: POST\n  json: { name: smoke }\n  expect: { status: 201 }';
    app.inject({ kind: '5xx', status: 500, count: 1, path: '/api/v1/items', method: 'POST' });
    const once = await smoke({ checks: create, retries: '2' });
    expect(cleanFailureProblems(once)).toEqual([]);
    expect(once.errors[0]).toContain('Create');
    expect(app.faults.served).toHaveLength(1);
    expect(app.emulator.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(once.stdout).toContain('not retried: POST is not idempotent');

    app.faults.clear();
    app.inject({ kind: '5xx', status: 500, count: 1, path: '/api/v1/items', method: 'POST' });
    const retried = await smoke({ checks: `${create}\n  retry-unsafe: true`, retries: '2' });
    expect(retried.exitCode, retried.stdout).toBe(0);
  });

  it('fails by name a check whose captured value holds a line break, and still writes the report and outputs', async () => {
    const run = await smoke({
      checks: [
        '- name: Create',
        '  url: /api/v1/items',
        '  method: POST',
        '  json: { name: "two\\nlines" }',
        '  expect: { status: 201 }',
        '  capture: { name: $.name }',
        '- name: Use the name',
        '  url: /api/v1',
        '  headers: { X-Name: "{{ name }}" }',
        '- name: Unrelated',
        '  url: /health',
      ].join('\n'),
    });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('Use the name (header X-Name holds a line break');
    expect(run.outputs).toMatchObject({ passed: '2', failed: '1' });
    expect(readFileSync(report(), 'utf8')).toContain('<testcase name="Use the name"');
  });

  it('fails by name every check when a header value is not Latin-1, without an internal error', async () => {
    const run = await smoke({ headers: 'X-Name: José 🚀', checks: '- name: Health\n  url: /health' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('Health (header X-Name holds a character HTTP cannot send');
    expect(run.outputs.failed).toBe('1');
  });

  it('can assert a redirect itself when the check does not follow it', async () => {
    const run = await smoke({
      checks: [
        '- name: Old path',
        '  url: /api/health/detailed',
        '  follow-redirects: false',
        '  expect: { status: 301, headers: { location: /api/health/detailed/ } }',
        '- name: Followed',
        '  url: /api/health/detailed',
      ].join('\n'),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/✓ Followed: GET .* → 200 \(via 301 → .*\/api\/health\/detailed\/\)/);
  });

  it('refuses a base-url given on two lines before sending anything', async () => {
    const run = await smoke({ 'base-url': `${app.url}\n/api`, checks: '- name: Health\n  url: /health' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain("Input 'base-url'");
    expect(app.emulator.requests).toEqual([]);
  });
});
