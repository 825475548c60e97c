/**
 * Seed 1, full stack, through .github/workflows/fullstack.yml (which calls railway.yml and
 * vercel.yml): the API on Railway, the frontend on Vercel, smoke tests across both, Slack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FRONTEND,
  FRONTEND_URL,
  fullStackRelease,
  served,
  startWorld,
  type World,
} from '../../packages/harness/src/scenarios.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.close());

const slackTexts = () => world.sandbox.slack.emulator.messages.map((m) => JSON.stringify(m.payload));

describe('the full-stack pipeline', () => {
  it('releases v1 then v2: both apps serve v2, the frontend was staged then promoted, Slack hears one success each', async () => {
    const first = await fullStackRelease(world, '1.0.0');
    expect(first.run.conclusion, JSON.stringify(first.run.outputs)).toBe('success');
    const second = await fullStackRelease(world, '2.0.0');
    expect(second.run.conclusion).toBe('success');

    expect(await served(world)).toEqual({ api: '2.0.0', frontend: '2.0.0' });
    const backend = second.run.jobs.backend?.called;
    expect(backend?.order).toEqual(['validate', 'deploy', 'rollback', 'notify']);
    expect(backend?.jobs.rollback?.result).toBe('skipped');
    expect(backend?.jobs.deploy?.steps.map((s) => [s.id, s.conclusion])).toEqual([
      expect.arrayContaining([expect.any(String), 'success']),
      ['migrate', 'skipped'],
      ['railway', 'success'],
      ['gate', 'success'],
      ['smoke', 'skipped'],
    ]);
    // What GitHub records: the deploy job's environment and its URL.
    expect(backend?.jobs.deploy?.environment).toEqual({ name: 'production', url: second.run.outputs['api-url'] });

    const frontend = second.run.jobs.frontend?.called;
    expect(frontend?.jobs.preview?.result).toBe('skipped');
    const production = frontend?.jobs.production;
    expect(production?.environment).toEqual({ name: 'production', url: FRONTEND_URL });
    const staged = production?.steps.find((s) => s.id === 'staged');
    expect(staged?.inputs).toMatchObject({ production: 'true', promote: 'false' });
    const promote = production?.steps.find((s) => s.id === 'promote');
    expect(promote?.outputs['previous-deployment-id']).toBe(first.run.outputs['frontend-deployment-id']);
    const project = world.sandbox.vercel.emulator.projects.get(FRONTEND.projectId);
    expect(project?.productionDeploymentId).toBe(second.run.outputs['frontend-deployment-id']);
    // The staged deployment was checked at its own https://…vercel.app URL, through the edge.
    expect(world.edge.seen.some((s) => s === `${staged?.outputs.url?.replace('https://', '')}/health → 200`)).toBe(true);

    const smoke = second.run.jobs.smoke?.steps ?? [];
    expect(smoke.map((s) => [s.id, s.outputs.passed, s.outputs.failed])).toEqual([
      ['api', '2', '0'],
      ['web', '1', '0'],
    ]);
    const texts = slackTexts();
    expect(texts).toHaveLength(2);
    expect(texts.every((t) => t.includes('succeeded'))).toBe(true);
  });

  it('v3 is unhealthy: the gate fails, the API is rolled back to v2, the frontend is never touched, Slack says so', async () => {
    const before = world.sandbox.slack.emulator.messages.length;
    const frontendBefore = world.sandbox.vercel.emulator.projects.get(FRONTEND.projectId)?.productionDeploymentId;
    const bad = await fullStackRelease(world, '3.0.0', 'unhealthy');
    expect(bad.run.conclusion).toBe('failure');

    expect(await served(world)).toEqual({ api: '2.0.0', frontend: '2.0.0' });
    const backend = bad.run.jobs.backend?.called;
    expect(backend?.jobs.deploy?.steps.find((s) => s.id === 'gate')?.conclusion).toBe('failure');
    const rollback = backend?.jobs.rollback;
    expect(rollback?.result).toBe('success');
    expect(rollback?.steps.find((s) => s.id === 'gate')?.outputs.healthy).toBe('true');
    expect(rollback?.outputs['rolled-back-to']).not.toBe('');
    expect(bad.run.jobs.frontend?.result).toBe('skipped');
    expect(bad.run.jobs.smoke?.result).toBe('skipped');
    expect(world.sandbox.vercel.emulator.projects.get(FRONTEND.projectId)?.productionDeploymentId).toBe(frontendBefore);

    const messages = world.sandbox.slack.emulator.messages.slice(before);
    expect(messages).toHaveLength(1);
    const text = JSON.stringify(messages[0]?.payload);
    expect(text).toContain(`Rolled back ${'acme/shop'} in production`);
    expect(text).toContain(rollback?.outputs['rolled-back-to'] ?? 'missing');
    expect(text).toMatch(/unhealthy|503|status/i);
    expect(bad.run.outputs.failure).not.toBe('');
  });
});
