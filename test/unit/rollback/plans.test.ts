/** Which release a rollback goes back to, and when it refuses: the pure decisions, before any request. */
import { describe, expect, it } from 'vitest';
import { provenance, references } from '../../../actions/rollback/src/provenance.ts';
import { planService } from '../../../actions/rollback/src/railway-plan.ts';
import { checkRequested, choosePrevious } from '../../../actions/rollback/src/vercel-plan.ts';
import type { DeploymentInfo } from '../../../packages/railway/src/client.ts';
import type { VercelDeployment, VercelProject } from '../../../packages/vercel/src/types.ts';

const environment = { id: 'env-prod', name: 'production' };
const api = { id: 'svc-api', name: 'api' };

function railway(id: string, minute: number, overrides: Partial<DeploymentInfo> = {}): DeploymentInfo {
  return {
    id,
    status: 'REMOVED',
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
    updatedAt: '',
    serviceId: api.id,
    environmentId: environment.id,
    projectId: 'prj-1',
    staticUrl: null,
    url: null,
    canRollback: true,
    deploymentStopped: true,
    meta: {},
    ...overrides,
  };
}

const plan = (deployments: DeploymentInfo[], requested?: DeploymentInfo | null, requestedId?: string) =>
  planService({
    projectId: 'prj-1',
    environment,
    service: api,
    deployments,
    serviceNames: new Map([
      ['svc-api', 'api'],
      ['svc-web', 'web'],
    ]),
    ...(requestedId === undefined ? {} : { requested: requested ?? null, requestedId }),
  });

describe('choosing the Railway release to go back to', () => {
  const v1 = railway('v1', 1);
  const failed = railway('v2-failed', 2, { status: 'FAILED', canRollback: false });
  const v3 = railway('v3', 3, { status: 'SUCCESS', canRollback: false });

  it('takes the newest deployment older than the live one that went live, skipping failed builds', () => {
    const result = plan([v3, failed, v1]);
    expect(result).toMatchObject({ ok: true, target: { id: 'v1' }, live: { id: 'v3' } });
  });

  it('does not go "back" to the release the live deployment itself restored', () => {
    const v0 = railway('v0', 0);
    const restored = railway('r1', 4, { status: 'SUCCESS', canRollback: false, meta: { rollbackTo: 'v1' } });
    expect(plan([restored, v1, v0])).toMatchObject({ ok: true, target: { id: 'v0' } });
  });

  it('refuses when only one release was ever deployed', () => {
    const result = plan([railway('only', 1, { status: 'SUCCESS', canRollback: false })]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.refusal).toMatch(/only one release was ever deployed in production/);
  });

  it('refuses when nothing older went live', () => {
    const result = plan([v3, failed]);
    expect(!result.ok && result.refusal).toMatch(/no earlier good release in production/);
  });

  it('refuses when nothing was ever deployed', () => {
    expect(plan([])).toMatchObject({ ok: false, refusal: expect.stringMatching(/nothing was ever deployed/) });
  });

  it('takes an explicit `to` of this service that can be rolled back to', () => {
    expect(plan([v3, v1], v1, 'v1')).toMatchObject({ ok: true, target: { id: 'v1' } });
  });

  it('refuses a `to` that is live, of another service, environment or project, unseen, or never live', () => {
    const refusal = (requested: DeploymentInfo | null, id: string) => {
      const result = plan([v3, v1], requested, id);
      return result.ok ? 'accepted' : result.refusal;
    };
    expect(refusal(v3, 'v3')).toMatch(/deployment v3 is already live/);
    expect(refusal(railway('w1', 1, { serviceId: 'svc-web' }), 'w1')).toMatch(/belongs to service web, not api/);
    expect(refusal(railway('s1', 1, { environmentId: 'env-staging' }), 's1')).toMatch(/another environment, not production/);
    expect(refusal(railway('o1', 1, { projectId: 'prj-2' }), 'o1')).toMatch(/another project \(prj-2\)/);
    expect(refusal(null, 'ghost')).toMatch(/does not show deployment ghost to this token/);
    expect(refusal(failed, 'v2-failed')).toMatch(/is FAILED and cannot be rolled back to/);
  });
});

describe('where a Railway rollback deployment came from', () => {
  it('is confirmed by the target id anywhere in its metadata', () => {
    expect(references({ a: { b: ['x', 'v1'] } }, 'v1')).toBe(true);
    expect(provenance({ meta: { rollbackTo: 'v1' } }, { id: 'v1', meta: {} })).toBe('confirmed');
  });

  it('is confirmed by the same commit, contradicted by another, and unknown with neither', () => {
    expect(provenance({ meta: { commitHash: 'abc' } }, { id: 'v1', meta: { commitHash: 'abc' } })).toBe('confirmed');
    expect(provenance({ meta: { image: 'api:2' } }, { id: 'v1', meta: { image: 'api:1' } })).toBe('contradicted');
    expect(provenance({ meta: {} }, { id: 'v1', meta: { commitHash: 'abc' } })).toBe('unknown');
  });
});

function vercel(id: string, createdAt: number, overrides: Partial<VercelDeployment> = {}): VercelDeployment {
  return {
    id,
    url: `${id}.vercel.app`,
    name: 'web',
    projectId: 'prj_web',
    readyState: 'READY',
    target: 'production',
    createdAt,
    inspectorUrl: undefined,
    alias: [],
    aliasAssigned: true,
    aliasError: null,
    errorCode: undefined,
    errorMessage: undefined,
    meta: {},
    ...overrides,
  };
}

const project = (live: string | undefined): VercelProject => ({
  id: 'prj_web',
  name: 'web',
  accountId: 'team_acme',
  productionDeploymentId: live,
  lastAliasRequest: undefined,
});

describe('choosing the Vercel production deployment to go back to', () => {
  it('takes the newest READY production deployment older than the live one', () => {
    const live = vercel('dpl_3', 300);
    const result = choosePrevious(project('dpl_3'), live, [vercel('dpl_1', 100), vercel('dpl_2', 200), live]);
    expect(result).toMatchObject({ ok: true, target: { id: 'dpl_2' } });
  });

  it('refuses when production serves nothing, or nothing older is READY', () => {
    expect(choosePrevious(project(undefined), undefined, [])).toMatchObject({ ok: false });
    const live = vercel('dpl_1', 100);
    const result = choosePrevious(project('dpl_1'), live, [vercel('dpl_0', 50, { readyState: 'ERROR' })]);
    expect(!result.ok && result.refusal).toMatch(/No earlier good release of web/);
  });

  it('refuses a `to` of another project, a preview, one not READY, one already live, or one unseen', () => {
    const refusal = (d: VercelDeployment | null) => {
      const result = checkRequested(project('dpl_live'), 'ref', d);
      return result.ok ? 'accepted' : result.refusal;
    };
    expect(refusal(vercel('dpl_1', 1))).toBe('accepted');
    expect(refusal(vercel('dpl_d', 1, { projectId: 'prj_docs' }))).toMatch(/belongs to another project \(prj_docs\)/);
    expect(refusal(vercel('dpl_p', 1, { target: null }))).toMatch(/is a preview deployment/);
    expect(refusal(vercel('dpl_e', 1, { readyState: 'ERROR' }))).toMatch(/is ERROR: only a READY deployment/);
    expect(refusal(vercel('dpl_live', 1))).toMatch(/already what production of web serves/);
    expect(refusal(null)).toMatch(/does not show deployment ref/);
  });
});
