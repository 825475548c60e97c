/**
 * The Vercel client and the emulator against Vercel's OpenAPI document:
 * - every request the client sends (through @vercel/client and through our REST calls) names a
 *   path and method of the document, with only query parameters it declares, the header
 *   parameters it needs, and a JSON body its request schema accepts;
 * - every answer the emulator gave validates against the document's response schema (Ajv).
 * Documented exceptions, each with its reason, are listed below; nothing else is let through.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../packages/sandbox/src/vercel/emulator.ts';
import { DEFAULT_VERCEL_TOKEN } from '../../packages/sandbox/src/vercel/index.ts';
import { deploy, waitForProduction } from '../../packages/vercel/src/deploy.ts';
import { appTree, startWorld, type VercelWorld, writeTree } from '../unit/vercel/world.ts';
import { findOperation, loadVercelSpec, type OpenApi, openApiToJsonSchema, operationPointer } from './vercel-spec.ts';

/** Routes the client calls that this copy of the document lacks (see its SOURCE.md). */
const UNDOCUMENTED_ROUTES: Array<{ method: string; path: RegExp; why: string }> = [
  {
    method: 'POST',
    path: /^\/v9\/projects\/[^/]+\/rollback\/[^/]+$/,
    why: 'instant rollback as the Vercel CLI calls it; not in the public OpenAPI document',
  },
  {
    method: 'POST',
    path: /^\/v1\/projects\/[^/]+\/rollback\/[^/]+$/,
    why: 'the documented rollback route since 2026-01-30, newer than this copy of the document',
  },
];

/** Query parameters @vercel/client adds that the document does not declare. */
const UNDOCUMENTED_QUERY: Record<string, string[]> = {
  'post /v13/deployments': ['prebuilt'],
};

/**
 * Body fields @vercel/client and the Vercel CLI send to `POST /v13/deployments` that the public
 * document leaves out: the platform `version`, runtime and build `env`, `autoAssignCustomDomains`
 * (what `vercel --prod --skip-domain` sends), and each uploaded file's `mode`.
 */
function withoutUndocumentedBodyFields(key: string, body: unknown): unknown {
  if (key !== 'post /v13/deployments' || !body || typeof body !== 'object') return body;
  const { version: _v, env: _e, build: _b, autoAssignCustomDomains: _a, ...rest } = body as Record<string, unknown>;
  if (Array.isArray(rest.files)) rest.files = rest.files.map(({ mode: _m, ...file }: Record<string, unknown>) => file);
  return rest;
}

describe('the Vercel client and emulator against the OpenAPI contract', () => {
  let spec: OpenApi;
  let ajv: Ajv;
  let world: VercelWorld;
  let requests: RecordedRequest[];
  const validators = new Map<string, ValidateFunction>();

  const validator = (pointer: string): ValidateFunction => {
    let v = validators.get(pointer);
    if (!v) {
      v = ajv.compile({ $ref: `vercel.json${encodeURI(pointer)}` });
      validators.set(pointer, v);
    }
    return v;
  };

  beforeAll(async () => {
    spec = loadVercelSpec();
    ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
    (addFormatsPlugin as unknown as (a: Ajv) => void)(ajv);
    ajv.addSchema(openApiToJsonSchema(spec) as object, 'vercel.json');

    world = await startWorld();
    const { emulator } = world.vercel;
    emulator.control('timing', { buildMs: 40, queuedMs: 5, aliasMs: 5, aliasJobMs: 5 });
    emulator.seed({ teams: [{ id: 'team_acme' }], projects: [{ id: 'prj_web', name: 'web', teamId: 'team_acme' }] });
    emulator.recordBodies = true;
    await driveEveryClientCall(world);
    requests = emulator.requests;
  }, 120_000);
  afterAll(async () => world?.close());

  it('fails, rather than skips, when the contract is missing', () => {
    expect(() => loadVercelSpec({ CONTRACTS_DIR: '/nonexistent/contracts' })).toThrow(/Vercel contract is missing/);
  });

  it('exercised every operation the client uses', () => {
    const seen = new Set(requests.map((r) => `${r.method} ${r.path.replace(/\/(dpl|prj|env)_[^/]+/g, '/{id}')}`));
    for (const route of [
      'POST /v2/files',
      'POST /v13/deployments',
      'GET /v13/deployments/{id}',
      'GET /v6/deployments',
      'GET /v9/projects/web',
      'POST /v10/projects/{id}/promote/{id}',
      'POST /v9/projects/{id}/rollback/{id}',
      'POST /v2/deployments/{id}/aliases',
      'PATCH /v12/deployments/{id}/cancel',
      'GET /v10/projects/web/env',
      'POST /v10/projects/{id}/env',
      'GET /v3/deployments/{id}/events',
    ])
      expect(seen).toContain(route);
  });

  it('sends only requests the document describes: path, method, query and header parameters', () => {
    const problems: string[] = [];
    for (const r of requests) {
      if (UNDOCUMENTED_ROUTES.some((u) => u.method === r.method && u.path.test(r.path))) continue;
      const op = findOperation(spec, r.method, r.path);
      if (!op) {
        problems.push(`${r.method} ${r.path}: no such operation`);
        continue;
      }
      const key = `${op.method} ${op.template}`;
      const query = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
      for (const name of new URLSearchParams(r.query).keys()) {
        if (!query.includes(name) && !(UNDOCUMENTED_QUERY[key] ?? []).includes(name))
          problems.push(`${key}: query parameter '${name}' is not declared`);
      }
      for (const p of op.parameters.filter((p) => p.required && p.in === 'query'))
        if (!new URLSearchParams(r.query).has(p.name)) problems.push(`${key}: required query parameter '${p.name}' missing`);
      if (key === 'post /v2/files') {
        for (const h of ['x-now-digest', 'x-now-size']) if (!r.headers?.[h]) problems.push(`${key}: header ${h} missing`);
      }
      expect(r.headers?.authorization, key).toMatch(/^Bearer /);
    }
    expect(problems).toEqual([]);
  });

  it('sends JSON bodies the request schemas accept', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const r of requests) {
      if (r.body === undefined) continue;
      const op = findOperation(spec, r.method, r.path);
      if (!op?.operation.requestBody?.content?.['application/json']) continue;
      const key = `${op.method} ${op.template}`;
      const validate = validator(`${operationPointer(op.template, op.method)}/requestBody/content/application~1json/schema`);
      checked++;
      if (!validate(withoutUndocumentedBodyFields(key, r.body))) problems.push(`${key}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(problems).toEqual([]);
  });

  it('answers with bodies that validate against the response schemas', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const r of requests) {
      if (UNDOCUMENTED_ROUTES.some((u) => u.method === r.method && u.path.test(r.path))) continue;
      const op = findOperation(spec, r.method, r.path);
      if (!op) continue;
      const key = `${op.method} ${op.template} → ${r.status}`;
      const response = op.operation.responses[String(r.status)];
      if (!response) {
        problems.push(`${key}: the document has no ${r.status} answer`);
        continue;
      }
      const schema = response.content?.['application/json']?.schema;
      if (!schema) {
        // No body documented: a success carries none, an error carries Vercel's error shape.
        if (r.status < 400 && r.response !== undefined) problems.push(`${key}: a body where none is documented`);
        if (r.status >= 400 && !isVercelError(r.response)) problems.push(`${key}: not {error:{code,message}}`);
        continue;
      }
      const validate = validator(
        `${operationPointer(op.template, op.method)}/responses/${r.status}/content/application~1json/schema`,
      );
      checked++;
      if (!validate(r.response)) problems.push(`${key}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
  });
});

function isVercelError(body: unknown): boolean {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return typeof e?.code === 'string' && typeof e.message === 'string';
}

/** Every call of the client, against a team project: deploys of each kind and every REST call. */
async function driveEveryClientCall(world: VercelWorld): Promise<void> {
  const api = world.api({ teamId: 'team_acme' });
  const project = await api.getProject('web');
  const base = { api, token: DEFAULT_VERCEL_TOKEN, project, prebuilt: false, timeout: 60_000, wait: true, pollInterval: 50 };
  const v1 = await deploy({
    ...base,
    path: appTree('1.0.0'),
    production: true,
    promote: true,
    meta: { githubCommitSha: 'abc' },
    gitMetadata: {
      commitSha: 'abc',
      commitRef: 'main',
      commitMessage: 'One',
      commitAuthorName: 'dev',
      remoteUrl: 'https://github.com/o/r',
    },
    env: { API_URL: 'https://api' },
    buildEnv: { NODE_ENV: 'production' },
  });
  const staged = await deploy({ ...base, path: appTree('2.0.0'), production: true, promote: false });
  await deploy({ ...base, path: appTree('3.0.0'), production: false, promote: true, archive: 'tgz' });
  await deploy({
    ...base,
    path: writeTree({ '.vercel/output/config.json': '{"version":3}', '.vercel/output/static/index.html': 'hi' }),
    production: false,
    promote: true,
    prebuilt: true,
  });
  await deploy({ ...base, path: writeTree({ 'sandbox.json': '{"build":"fail"}' }), production: false, promote: true }).catch(
    () => {},
  );
  await api.promote(project.id, staged.deployment.id);
  await waitForProduction(api, project.id, staged.deployment.id, { timeout: 10_000, interval: 50 });
  await api.rollback(project.id, v1.deployment.id);
  await waitForProduction(api, project.id, v1.deployment.id, { timeout: 10_000, interval: 50 });
  await api.assignAlias(v1.deployment.id, 'www.example.com');
  await api.listDeployments({ projectId: project.id, target: 'production', state: 'READY', limit: 2 });
  await api.findDeployment({ projectId: project.id, limit: 1 }, () => false, 3);
  await api.getDeployment(v1.deployment.url);
  world.vercel.emulator.control('hold', {});
  const held = await deploy({ ...base, path: appTree('4.0.0'), production: false, promote: true, wait: false });
  await api.cancel(held.deployment.id);
  world.vercel.emulator.control('release', {});
  await api.upsertEnv(project.id, [{ key: 'API_URL', value: 'https://api' }], ['production']);
  await api.listEnv('web');
  await api.buildLogs(v1.deployment.id);
  await api.getDeployment('dpl_unknown').catch(() => {});
}
