/**
 * The full-stack seed (fullstack.yml → railway.yml, vercel.yml) timed step by step: each step's
 * wall time split into the time spent waiting on the (emulated) platform — a Railway build from
 * upload to SUCCESS, a Vercel build from creation to READY, a health gate's wait for the verdict —
 * and the rest, our own overhead (process start, input parsing, uploads, API calls, reporting).
 * One warm-up release (v1) first, so the measured one (v2) has a release to replace.
 */
import { fullStackRelease, type PipelineRun, startWorld, type World } from '../packages/harness/src/scenarios.ts';
import type { StepRun } from '../test/templates/runner.ts';
import type { Bench, BenchResult } from './types.ts';

/** How long a step waited on the platform, from what the step reported and what the emulators recorded. */
function waitedMs(world: World, step: StepRun): number {
  const name = step.uses?.replace('$/actions/', '');
  if (name === 'health-gate') return Number(step.outputs.elapsed ?? 0);
  if (name === 'deploy-railway') {
    const d = world.sandbox.railway.emulator.world.deployments.get(step.outputs['deployment-id'] ?? '');
    return d ? Date.parse(d.statusUpdatedAt) - Date.parse(d.createdAt) : 0;
  }
  if (name === 'deploy-vercel' && step.inputs['promote-deployment'] === undefined) {
    const d = world.sandbox.vercel.emulator.deployments.get(step.outputs['deployment-id'] ?? '');
    return d?.ready !== undefined ? d.ready - d.createdAt : 0;
  }
  return 0;
}

export function pipelineRows(world: World, pipeline: PipelineRun, wallMs: number): BenchResult[] {
  const rows: BenchResult[] = [];
  let stepsMs = 0;
  let waitTotal = 0;
  for (const { job, step } of pipeline.steps) {
    if (!step.bundle) continue;
    const wall = step.bundle.durationMs;
    const waited = Math.min(wall, waitedMs(world, step));
    stepsMs += wall;
    waitTotal += waited;
    rows.push({
      name: `pipeline ${job} › ${step.id}`,
      value: Math.round(wall),
      unit: 'ms',
      note: `waiting ${Math.round(waited)} ms, our overhead ${Math.round(wall - waited)} ms`,
    });
  }
  rows.push({
    name: 'pipeline full stack (v2), wall',
    value: Math.round(wallMs),
    unit: 'ms',
    note: `steps ${Math.round(stepsMs)} ms (waiting ${Math.round(waitTotal)} ms, overhead ${Math.round(stepsMs - waitTotal)} ms); template runner and checkouts ${Math.round(wallMs - stepsMs)} ms`,
  });
  return rows;
}

export const pipelineBench: Bench = {
  name: 'pipeline',
  async run() {
    const world = await startWorld();
    try {
      const warm = await fullStackRelease(world, '1.0.0');
      if (warm.run.conclusion !== 'success') throw new Error('the warm-up release (v1) failed');
      const started = performance.now();
      const measured = await fullStackRelease(world, '2.0.0');
      const wall = performance.now() - started;
      if (measured.run.conclusion !== 'success') throw new Error('the measured release (v2) failed');
      return pipelineRows(world, measured, wall);
    } finally {
      await world.close();
    }
  },
};
