/** The Railway client against the emulator: tokens, lookups, errors, deploy and rollback. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RailwayTokenError } from '../../../packages/railway/src/client.ts';
import { chooseToken, connect } from '../../../packages/railway/src/credentials.ts';
import { findNamed } from '../../../packages/railway/src/lookup.ts';
import { classifyStatus, urlOfDomain } from '../../../packages/railway/src/status.ts';
import { packTree } from '../../../packages/railway/src/tarball.ts';
import { readServiceVariables, readServiceVariablesWithToken } from '../../../packages/railway/src/variables.ts';
import { watchDeployment } from '../../../packages/railway/src/wait.ts';
import { type RailwaySandbox, startRailwayEmulator } from '../../../packages/sandbox/src/railway/index.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { clientFor, httpFor } from './helpers.ts';

let rw: RailwaySandbox;
beforeAll(async () => {
  rw = await startRailwayEmulator();
});
afterAll(async () => rw.close());
beforeEach(() => {
  rw.emulator.reset();
  rw.emulator.control('timing', { step: 20 });
});

describe('Railway tokens', () => {
  it('detects a project token through the projectToken query, with its project and environment', async () => {
    const { client, session } = await connect({
      http: httpFor(),
      apiUrl: rw.url,
      choice: { token: rw.projectToken, kind: 'detect', source: 'input' },
    });
    expect(client.credential.kind).toBe('project');
    expect(session).toEqual({
      kind: 'project',
      projectId: rw.projectId,
      environmentId: rw.environmentId,
      projectName: 'shop',
      environmentName: 'production',
    });
  });

  it('takes a token that is not a project token as an account token, sent as Bearer', async () => {
    const { client, session } = await connect({
      http: httpFor(),
      apiUrl: rw.url,
      choice: { token: rw.accountToken, kind: 'detect', source: 'input' },
    });
    expect(session).toEqual({ kind: 'account' });
    expect(client.authHeaders()).toEqual({ Authorization: `Bearer ${rw.accountToken}` });
    expect((await client.project(rw.projectId)).name).toBe('shop');
  });

  it('says "Railway rejected the token" for a wrong one', async () => {
    const { client } = await connect({
      http: httpFor(),
      apiUrl: rw.url,
      choice: { token: 'not-a-token', kind: 'detect', source: 'input' },
    });
    const error = await client.project(rw.projectId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RailwayTokenError);
    expect((error as Error).message).toBe('Railway rejected the token ("Not Authorized").');
  });

  it('refuses RAILWAY_TOKEN and RAILWAY_API_TOKEN set at once', () => {
    expect(() => chooseToken(undefined, { RAILWAY_TOKEN: 'a', RAILWAY_API_TOKEN: 'b' })).toThrow(
      /Both RAILWAY_TOKEN .* and RAILWAY_API_TOKEN .* are set/,
    );
    expect(chooseToken(undefined, { RAILWAY_TOKEN: 'a' })).toEqual({ token: 'a', kind: 'project', source: 'RAILWAY_TOKEN' });
    expect(chooseToken('c', {})).toEqual({ token: 'c', kind: 'detect', source: "input 'token'" });
  });
});

describe('lookups', () => {
  it("finds services by name or id, and lists the project's services when one is unknown", async () => {
    const project = await clientFor(rw).project(rw.projectId);
    expect(findNamed('service', 'api', project, 'services').id).toBe(rw.services.api);
    expect(findNamed('service', rw.services.web ?? '', project, 'services').name).toBe('web');
    expect(() => findNamed('service', 'backend', project, 'services')).toThrow(
      `Input 'services': no service "backend" in project "shop"; its services are: api (${rw.services.api}), web (${rw.services.web}), worker (${rw.services.worker}), beat (${rw.services.beat}).`,
    );
  });

  it("reads a service's variables from an account token, a project id and an environment name", async () => {
    const read = await readServiceVariablesWithToken({
      http: httpFor(),
      apiUrl: rw.url,
      token: rw.accountToken,
      project: rw.projectId,
      environment: 'production',
      service: 'api',
    });
    expect(read.variables.DATABASE_URL).toMatch(/@postgres\.railway\.internal:5432\//);
    expect(read.environmentId).toBe(rw.environmentId);
  });

  it("reads a service's variables by name, for migrate", async () => {
    const read = await readServiceVariables({ client: clientFor(rw), service: 'api' });
    expect(read.serviceId).toBe(rw.services.api);
    expect(read.variables.DATABASE_PUBLIC_URL).toMatch(/^postgresql:\/\/postgres:.*@127\.0\.0\.1:5432\/railway$/);
  });
});

describe('statuses', () => {
  it('classifies statuses as the design says', () => {
    expect(['SUCCESS', 'SLEEPING', 'FAILED', 'CRASHED', 'REMOVED', 'SKIPPED', 'BUILDING', 'QUEUED'].map(classifyStatus)).toEqual([
      'success',
      'success',
      'failure',
      'failure',
      'gone',
      'gone',
      'pending',
      'pending',
    ]);
    expect(urlOfDomain('api-production.up.railway.app')).toBe('https://api-production.up.railway.app');
    expect(urlOfDomain('127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
  });
});

describe('deploy and rollback', () => {
  async function deploy(version: string): Promise<string> {
    const root = tempDir('rw-deploy-');
    writeFileSync(join(root, 'sandbox.json'), JSON.stringify({ version }));
    const client = clientFor(rw);
    const { deploymentId } = await client.up({
      projectId: rw.projectId,
      environmentId: rw.environmentId,
      serviceId: rw.services.api ?? '',
      tarball: (await packTree(root)).bytes,
    });
    const result = await watchDeployment({ client, deploymentId, timeout: 30_000, pollInitial: 100, logs: false });
    expect(result.status).toBe('SUCCESS');
    return deploymentId;
  }
  const served = async (): Promise<string> => {
    const domain = (await clientFor(rw).domain(rw.projectId, rw.environmentId, rw.services.api ?? '')) ?? '';
    return ((await (await fetch(`${urlOfDomain(domain)}/health`)).json()) as { version: string }).version;
  };

  it('deploys v2 so the service serves v2, and a rollback to v1 serves v1 again', async () => {
    const v1 = await deploy('1.0.0');
    await deploy('2.0.0');
    expect(await served()).toBe('2.0.0');
    const client = clientFor(rw);
    expect(await client.rollback(v1)).toBe(true);
    const [newest] = await client.deployments({ serviceId: rw.services.api ?? '', environmentId: rw.environmentId, first: 1 });
    const result = await watchDeployment({
      client,
      deploymentId: newest?.id ?? '',
      timeout: 30_000,
      pollInitial: 100,
      logs: false,
    });
    expect(result.status).toBe('SUCCESS');
    expect(await served()).toBe('1.0.0');
  });
});
