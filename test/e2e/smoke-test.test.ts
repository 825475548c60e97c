/** smoke-test's bundle, run as the runner runs it, against the sandbox's sample app. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { cleanFailureProblems, outcomeProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { type AppEmulator, startApp } from '../../packages/sandbox/src/app.ts';
import type { SandboxServer } from '../../packages/sandbox/src/server.ts';

/** The seed's smoke checks: API /health, frontend /, API /api/v1, each within 200 ms. */
const SEED_CHECKS = `
- name: API health
  url: /health
  expect: { status: 200, json: ["$.status == ok"], max-latency: 200ms }
- name: Frontend
  url: /
  expect: { status: 200, body: "<title>Sample shop</title>", max-latency: 200ms }
- name: API v1
  url: /api/v1
  expect: { status: 200, json: ["$.name == sample-api"], max-latency: 200ms }
`;

describe('smoke-test against the sample app', () => {
  let app: SandboxServer<AppEmulator>;
  let dir: string;
  const canary = makeCanary('bypass');
  const smoke = (inputs: Record<string, string>) =>
    runBundle('smoke-test', {
      inputs: {
        'base-url': app.url,
        headers: `x-vercel-protection-bypass: ${canary}`,
        report: join(dir, 'junit.xml'),
        ...inputs,
      },
      secrets: [canary],
    });

  beforeAll(async () => {
    app = await startApp();
    dir = mkdtempSync(join(tmpdir(), 'smoke-e2e-'));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    app.emulator.reset();
    app.emulator.configure({ protection: canary });
  });

  it("passes the seed's checks on a healthy app and writes a JUnit report", async () => {
    const run = await smoke({ checks: SEED_CHECKS });
    expect(outcomeProblems(run)).toEqual([]);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ passed: '3', failed: '0', 'report-file': join(dir, 'junit.xml') });
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testsuites name="smoke-test" tests="3" failures="0" errors="0" skipped="0"');
    expect(junit).toContain('<testcase name="API health" classname="smoke-test"');
    expect(run.summary).toContain('3 passed, 0 failed');
    expect(junit).not.toContain(canary);
  });

  it('fails only the latency assertion on a slow app, in the JUnit report and the summary', async () => {
    app.emulator.configure({ latencyMs: 300 });
    const run = await smoke({ checks: SEED_CHECKS, retries: '0' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.outputs).toMatchObject({ passed: '0', failed: '3' });
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    const types = [...junit.matchAll(/<failure message="[^"]*" type="([^"]+)"/g)].map((m) => m[1]);
    expect(types).toEqual(['max-latency', 'max-latency', 'max-latency']);
    expect(junit).not.toMatch(/type="(status|json|body)"/);
    expect(run.summary).toMatch(/max-latency: latency [\d.]+m?s over the 200ms limit/);
    expect(run.errors[0]).toMatch(/^3 of 3 smoke checks failed: API health \(latency [\d.]+m?s over the 200ms limit\)/);
  });

  it("chains a captured value from one check into the next one's URL, header and body", async () => {
    const checks = `
- name: Create an item
  url: /api/v1/items
  json: { name: smoke }
  expect: { status: 201, headers: { location: /items/ } }
  capture: { item: $.id, where: "header:location" }
- name: Read it back
  url: /api/v1/items/{{ item }}
  expect: { json: ["$.name == smoke", "$.id exists"] }
- name: Log in
  url: /api/v1/login
  method: post
  json: { user: demo }
  capture: { token: $.token }
- name: Who am I
  url: /api/v1/me
  headers: { Authorization: "Bearer {{ token }}" }
  expect: { status: 200, json: ["$.user == demo"] }
`;
    const run = await smoke({ checks });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.passed).toBe('4');
    const created = app.emulator.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/items');
    const read = app.emulator.requests.find((r) => r.method === 'GET' && r.path.startsWith('/api/v1/items/'));
    expect(created).toBeDefined();
    expect(read?.at).toBeGreaterThanOrEqual(created?.doneAt ?? Number.POSITIVE_INFINITY);
    expect(read?.status).toBe(200);
    // The captured token looks like a credential: it is masked.
    expect(run.stdout).toMatch(/::add-mask::tok_/);
  });

  it('skips a check whose capture came from a failed check, and fail-fast skips the rest', async () => {
    const checks = `
- name: Broken create
  url: /api/v1/nope
  capture: { item: $.id }
- name: Uses it
  url: /api/v1/items/{{ item }}
`;
    const run = await smoke({ checks, retries: '0' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.outputs).toMatchObject({ passed: '0', failed: '1' });
    expect(run.stdout).toContain('Uses it: skipped (it uses {{ item }} from "Broken create", which failed)');
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit).toContain('skipped="1"');

    const many = Array.from({ length: 6 }, (_, i) => `- name: c${i}\n  url: ${i === 0 ? '/missing' : '/health'}`).join('\n');
    const fast = await smoke({ checks: many, retries: '0', concurrency: '1', 'fail-fast': 'true' });
    expect(fast.outputs).toMatchObject({ passed: '0', failed: '1' });
    expect(fast.stdout).toContain('c5: skipped (fail-fast: an earlier check failed)');
  });

  it('runs independent checks concurrently, never more than the concurrency at once', async () => {
    app.emulator.configure({ latencyMs: 150 });
    const checks = Array.from({ length: 16 }, (_, i) => `- name: check ${i}\n  url: /api/v1`).join('\n');
    const run = await smoke({ checks, concurrency: '4' });
    expect(run.exitCode, run.stdout).toBe(0);
    const spans = app.emulator.requests.map((r) => [r.at, r.doneAt] as const);
    const overlap = Math.max(...spans.map(([at]) => spans.filter(([a, d]) => a <= at && d > at).length));
    expect(overlap).toBeGreaterThanOrEqual(2);
    expect(overlap).toBeLessThanOrEqual(4);
  });

  it('retries a failing check and passes when the app recovers', async () => {
    app.inject({ kind: '5xx', count: 2, path: '/api/v1' });
    const run = await smoke({ checks: '- name: API\n  url: /api/v1\n  retries: 3' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/✗ API: .* 503 .*\(attempt 1 of 4\)/);
  });

  it("fails bad check files with the check's name, the field and the line, before any request", async () => {
    const file = join(dir, 'smoke.yml');
    writeFileSync(
      file,
      [
        'checks:',
        '  - name: API health',
        '    url: /health',
        '    expect:',
        '      stauts: 200',
        '  - name: Frontend',
        '    url: /',
        '    expect: { body: "/<title(/" }',
        '  - name: Orders',
        '    url: "htp//:nowhere"',
        '  - name: Broken URL',
        '    url: "http://exa mple.com/"',
      ].join('\n'),
    );
    const started = Date.now();
    const run = await smoke({ 'checks-file': file });
    expect(cleanFailureProblems(run)).toEqual([]);
    const [error = ''] = run.errors;
    expect(error).toContain(`Input 'checks-file' (${file}) has 3 problems`);
    expect(error).toContain(`line 5, check "API health", field expect.stauts: unknown key 'stauts'`);
    expect(error).toContain('line 8, check "Frontend", field expect.body: /<title(/ is not a valid regular expression');
    expect(error).toContain('line 12, check "Broken URL", field url: "http://exa mple.com/" is not a valid URL');
    expect(app.emulator.requests.filter((r) => r.at >= started)).toEqual([]);
  });

  it('names the missing file when checks-file does not exist', async () => {
    const run = await smoke({ 'checks-file': 'no/such.yml' });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toContain('Input \'checks-file\' got "no/such.yml"');
  });
});
