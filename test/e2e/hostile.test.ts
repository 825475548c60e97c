/**
 * Every bundle that makes requests, against every hostile answer: never a false success, never a
 * stack or an internal error, never a secret in the log, outputs, summary or report, never a
 * command the server wrote executed by the runner, and memory bounded (a 600 MB body is not read).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { type BundleRun, outcomeProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import {
  bigSecret,
  HOSTILE_TARGETS,
  type HostileServer,
  injectedCommands,
  NON_LATIN1,
  startHostileServer,
} from '../harness/hostile.ts';

const canary = makeCanary('hostile');
const big = bigSecret();

describe.each(HOSTILE_TARGETS)('$name against a hostile server', (target) => {
  let server: HostileServer;
  /** The working directory with the target's files (validate's schema), when it needs one. */
  let cwd: string | undefined;
  beforeAll(async () => {
    server = await startHostileServer({ password: canary });
    if (target.files) {
      const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
      for (const [path, text] of Object.entries(target.files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      cwd = dir;
    }
  });
  afterAll(async () => {
    await server?.close();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });
  beforeEach(() => server.reset());

  const run = (
    path: string,
    headers: Record<string, string> = {},
    url = `${server.url}${path}`,
    token = canary,
  ): Promise<BundleRun> =>
    runBundle(target.action, {
      inputs: target.inputs(url, headers, token),
      secrets: [canary, big],
      timeoutMs: 90_000,
      ...(cwd ? { cwd } : {}),
    });

  /** What every hostile run must hold to. */
  const sane = (result: BundleRun): void => {
    expect(outcomeProblems(result), result.stdout.slice(-3000)).toEqual([]);
    expect(injectedCommands(result.stdout)).toEqual([]);
    expect(result.leaks).toEqual([]);
  };

  it('quotes a served version that injects workflow commands, and does not pass', async () => {
    const result = await run('/inject');
    sane(result);
    expect(target.claimedSuccess(result)).toBe(false);
    expect(result.outputs.healthy ?? 'false').toBe('false');
  });

  it('does not carry credential headers, or a POST body, to another origin on a redirect', async () => {
    const credentials = { authorization: `Bearer ${canary}`, 'x-vercel-protection-bypass': canary, 'X-Api-Key': canary };
    const result = await run('/redirect', target.takesHeaders ? credentials : {}, undefined, big);
    sane(result);
    if (!target.acceptsHealthy) expect(target.claimedSuccess(result)).toBe(false);
    for (const arrived of server.landed) {
      // Under any header name (Railway's project token travels as Project-Access-Token).
      expect(JSON.stringify(arrived)).not.toContain(big);
      expect(JSON.stringify(arrived)).not.toContain(canary);
      expect(arrived.headers.authorization).toBeUndefined();
      expect(arrived.headers['x-vercel-protection-bypass']).toBeUndefined();
      expect(arrived.headers['x-api-key']).toBeUndefined();
      expect(arrived.body).not.toContain('hostile');
    }
    if (target.action === 'notify') expect(server.landed).toEqual([]);
  });

  it('sends credentials in the URL as Basic auth and never shows the password', async () => {
    const url = new URL(`${server.url}/auth`);
    url.username = 'admin';
    url.password = canary;
    const result = await run('', {}, url.toString());
    sane(result);
    expect(result.errors.join('\n')).not.toMatch(/Internal error/);
    // An API client gets past the Basic check to a document that is no API answer: a clean failure.
    expect(target.claimedSuccess(result)).toBe(target.acceptsHealthy);
  });

  it('stops reading a 600 MB body at the cap and fails cleanly', async () => {
    const result = await run('/huge');
    sane(result);
    expect(target.claimedSuccess(result)).toBe(false);
    expect(result.stdout).toContain('body larger than 1 MiB');
    // Socket buffers hold a few MiB past the cap; the other 590-odd MB were never sent.
    expect(server.streamed()).toBeLessThan(64 * 1024 * 1024);
  });

  it('never shows a 32 KiB secret the server echoes back', async () => {
    const result = target.takesHeaders
      ? await run('/echo', { authorization: `Bearer ${big}` })
      : target.takesToken
        ? await run('/echo', {}, undefined, big)
        : await run('', {}, `${server.url}/echo/${big}`);
    sane(result);
    expect(target.claimedSuccess(result)).toBe(false);
  });

  it('reads an answer with a non-Latin-1 header, and refuses to send one, without crashing', async () => {
    const answered = await run('/non-latin1');
    sane(answered);
    if (target.takesHeaders) {
      const sent = await run('/auth', { 'X-Name': NON_LATIN1 });
      sane(sent);
      expect(target.claimedSuccess(sent)).toBe(false);
      expect(sent.errors.join('\n')).toContain('X-Name');
    }
  });
});
