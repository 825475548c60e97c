/** The Railway emulator answers as the real API does: schema-checked GraphQL, auth, limits, /up, subscriptions. */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { create as createTar } from 'tar';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RailwaySandbox, startRailwayEmulator } from '../../../packages/sandbox/src/railway/index.ts';

let rw: RailwaySandbox;
beforeAll(async () => {
  rw = await startRailwayEmulator();
});
afterAll(async () => rw.close());
beforeEach(() => {
  rw.emulator.reset();
  rw.emulator.control('timing', { step: 10 });
});

async function gql(
  query: string,
  variables: object = {},
  headers: Record<string, string> = { authorization: `Bearer ${rw.accountToken}` },
) {
  const response = await fetch(rw.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ message: string; locations?: unknown }>;
    },
  };
}

async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'rw-tar-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of createTar({ gzip: true, cwd: dir, portable: true }, ['.'])) chunks.push(chunk as Buffer);
  rmSync(dir, { recursive: true, force: true });
  return Buffer.concat(chunks);
}

async function up(files: Record<string, string>, service = 'api', token = rw.projectToken) {
  const url = `${rw.url}/project/${rw.projectId}/environment/${rw.environmentId}/up?serviceId=${rw.services[service]}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'project-access-token': token, 'content-type': 'application/gzip' },
    body: await tarOf(files),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      deploymentId: string;
      url: string;
      logsUrl: string;
      deploymentDomain: string;
      message?: string;
    },
  };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never: ${what}`);
}

describe('the Railway emulator', () => {
  it('rejects a document that does not validate against the real schema with 400 and GraphQL errors', async () => {
    const { status, body } = await gql('query { deployment(id: "x") { id statusx } }');
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toBe('Cannot query field "statusx" on type "Deployment". Did you mean "status"?');
    expect(body.errors?.[0]?.locations).toEqual([{ line: 1, column: 34 }]);
  });

  it('rejects a syntax error with 400 and its location', async () => {
    const { status, body } = await gql('query { project(id: "x") { id ');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/^Syntax Error: Expected Name, found <EOF>/);
  });

  it('answers a refused token with "Not Authorized" in a 200 body', async () => {
    const { status, body } = await gql('query { projectToken { id } }', {}, { 'project-access-token': 'wrong' });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.message).toBe('Not Authorized');
  });

  it('tells a project token its project and environment', async () => {
    const { body } = await gql(
      'query { projectToken { projectId environmentId project { name } environment { name } } }',
      {},
      { 'project-access-token': rw.projectToken },
    );
    expect(body.data?.projectToken).toEqual({
      projectId: rw.projectId,
      environmentId: rw.environmentId,
      project: { name: 'shop' },
      environment: { name: 'production' },
    });
  });

  it('keeps a project token inside its one environment', async () => {
    const staging = rw.environments.staging;
    const { body } = await gql(
      'query($p: String!, $e: String!, $s: String) { variables(projectId: $p, environmentId: $e, serviceId: $s) }',
      { p: rw.projectId, e: staging, s: rw.services.api },
      { 'project-access-token': rw.projectToken },
    );
    expect(body.errors?.[0]?.message).toBe('Not Authorized');
  });

  it("lists a project's services and environments as connections", async () => {
    const { body } = await gql(
      'query($id: String!) { project(id: $id) { services { edges { node { name } } } environments { edges { node { name } } } } }',
      { id: rw.projectId },
    );
    expect(body.data?.project).toEqual({
      services: { edges: ['api', 'web', 'worker', 'beat'].map((name) => ({ node: { name } })) },
      environments: { edges: ['production', 'staging'].map((name) => ({ node: { name } })) },
    });
  });

  it('builds an upload to SUCCESS, serves its version, and keeps the tar listing', async () => {
    const { status, body } = await up({ 'sandbox.json': '{"version":"2.0.0"}', 'src/app.js': 'x' });
    expect(status).toBe(200);
    expect(body.deploymentDomain).toMatch(/^127\.0\.0\.1:\d+$/);
    const d = () => rw.emulator.world.deployments.get(body.deploymentId);
    await until(() => d()?.status === 'SUCCESS', 'SUCCESS');
    expect(rw.emulator.world.uploads.get(body.deploymentId)?.files).toEqual(['sandbox.json', 'src/app.js']);
    const served = (await (await fetch(`http://${body.deploymentDomain}/health`)).json()) as { version: string };
    expect(served.version).toBe('2.0.0');
    expect(d()?.buildLogs.map((l) => l.message)).toContain('Build finished: version 2.0.0');
  });

  it('fails a build that asks to fail and crashes one that asks to crash', async () => {
    const failed = await up({ 'sandbox.json': '{"build":"fail"}' }, 'web');
    const crashed = await up({ 'sandbox.json': '{"runtime":"crash"}' }, 'worker');
    await until(() => rw.emulator.world.deployments.get(failed.body.deploymentId)?.status === 'FAILED', 'FAILED');
    await until(() => rw.emulator.world.deployments.get(crashed.body.deploymentId)?.status === 'CRASHED', 'CRASHED');
  });

  it('rolls back only to a deployment that served, and serves its version again', async () => {
    const v1 = await up({ 'sandbox.json': '{"version":"1.0.0"}' });
    await until(() => rw.emulator.world.deployments.get(v1.body.deploymentId)?.status === 'SUCCESS', 'v1');
    const v2 = await up({ 'sandbox.json': '{"version":"2.0.0"}' });
    await until(() => rw.emulator.world.deployments.get(v1.body.deploymentId)?.status === 'REMOVED', 'v1 replaced');
    const refused = await gql('mutation($id: String!) { deploymentRollback(id: $id) }', { id: v2.body.deploymentId });
    expect(refused.body.errors?.[0]?.message).toBe('Deployment cannot be rolled back');
    const rolled = await gql('mutation($id: String!) { deploymentRollback(id: $id) }', { id: v1.body.deploymentId });
    expect(rolled.body.data).toEqual({ deploymentRollback: true });
    const key = `railway:${rw.services.api}:${rw.environmentId}`;
    await until(
      () =>
        rw.fleet.liveRelease(key)?.version === '1.0.0' &&
        rw.emulator.world.deployments.get(v2.body.deploymentId)?.status === 'REMOVED',
      'v1 live again',
    );
  });

  it('answers 429 with Retry-After past the hourly budget, and counts requests', async () => {
    rw.emulator.control('budget', { perHour: 3 });
    for (let i = 0; i < 3; i++)
      expect((await gql('query { projectToken { id } }', {}, { 'project-access-token': rw.projectToken })).status).toBe(200);
    const response = await fetch(rw.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'project-access-token': rw.projectToken },
      body: '{"query":"{ projectToken { id } }"}',
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(rw.emulator.requests).toMatchObject({ total: 3, graphql: 3, rateLimited: 1, byField: { projectToken: 3 } });
  });

  it("streams a deployment's statuses and build logs over graphql-transport-ws", async () => {
    rw.emulator.control('timing', { step: 40 });
    const { body } = await up({ 'sandbox.json': '{"version":"3.0.0","buildSeconds":0.3}' });
    const client = createClient({
      url: rw.graphqlUrl.replace('http', 'ws'),
      webSocketImpl: class extends WebSocket {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, { protocols, headers: { 'project-access-token': rw.projectToken } } as unknown as string[]);
        }
      },
    });
    const statuses: string[] = [];
    const lines: string[] = [];
    const logs = client.iterate<{ buildLogs: Array<{ message: string }> }>({
      query: 'subscription($id: String!) { buildLogs(deploymentId: $id) { message timestamp } }',
      variables: { id: body.deploymentId },
    });
    void (async () => {
      for await (const r of logs) lines.push(...(r.data?.buildLogs ?? []).map((l) => l.message));
    })();
    for await (const r of client.iterate<{ deployment: { status: string } }>({
      query: 'subscription($id: String!) { deployment(id: $id) { id status } }',
      variables: { id: body.deploymentId },
    })) {
      const s = r.data?.deployment.status ?? '';
      if (statuses.at(-1) !== s) statuses.push(s);
      if (s === 'SUCCESS') break;
    }
    await client.dispose();
    expect(statuses.at(-1)).toBe('SUCCESS');
    expect(statuses).toContain('BUILDING');
    expect(lines).toContain('Build finished: version 3.0.0');
  });
});
