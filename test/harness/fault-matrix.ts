/**
 * The fault matrix: every network action, against every sandbox fault, must either be retried
 * to a real success or fail cleanly; never a false success, never an unhandled exception.
 *
 * An action joins by describing one scenario: how to start its sandbox, the inputs of a run
 * that succeeds, which server and path to fault, and how to tell from the sandbox that the
 * success really happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { type BundleRun, cleanFailureProblems, outcomeProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import type { Fault, FaultKind } from '../../packages/sandbox/src/faults.ts';
import type { SandboxServer } from '../../packages/sandbox/src/server.ts';

export interface FaultScenario {
  /** Inputs of a run that succeeds; secrets among them should contain `canary`. */
  inputs: Record<string, string>;
  /** The server whose requests are faulted, and optionally the path prefix. */
  target: SandboxServer;
  path?: string;
  /** The real effect happened (the message was recorded, the deployment exists…). */
  succeeded(run: BundleRun): Promise<boolean> | boolean;
  /** Undo what a run did, between runs. */
  reset(): Promise<void> | void;
}

export interface FaultMatrixSpec {
  action: string;
  start(canary: string): Promise<FaultScenario & { close(): Promise<void> }>;
  /** For transient faults: the action must recover (default: every retryable kind). */
  recovers?: readonly FaultKind[];
  timeoutMs?: number;
}

const TRANSIENT: readonly FaultKind[] = ['5xx', '429', 'reset', 'hang'];
const ALL: readonly FaultKind[] = ['5xx', '429', 'hang', 'reset', 'malformed', '401'];

export function describeFaultMatrix(spec: FaultMatrixSpec): void {
  describe(`${spec.action} under sandbox faults`, () => {
    const canary = makeCanary();
    let scenario: FaultScenario & { close(): Promise<void> };
    beforeAll(async () => {
      scenario = await spec.start(canary);
    });
    afterAll(async () => {
      await scenario?.close();
    });

    const run = async (fault: Fault): Promise<BundleRun> => {
      await scenario.reset();
      scenario.target.faults.clear();
      scenario.target.inject({ ...fault, ...(scenario.path ? { path: scenario.path } : {}) });
      return runBundle(spec.action, { inputs: scenario.inputs, secrets: [canary], timeoutMs: spec.timeoutMs ?? 60_000 });
    };

    for (const kind of ALL) {
      const recovers = (spec.recovers ?? TRANSIENT).includes(kind);
      it(`${recovers ? 'recovers from one' : 'never reports a false success after one'} ${kind} fault`, async () => {
        const result = await run({ kind, count: 1, hangMs: 30_000 });
        expect(outcomeProblems(result)).toEqual([]);
        if (recovers) expect(result.exitCode, result.stdout).toBe(0);
        if (result.exitCode === 0) expect(await scenario.succeeded(result)).toBe(true);
      });

      it(`fails cleanly when every request meets a ${kind} fault`, async () => {
        const result = await run({ kind, count: 10_000, hangMs: 30_000 });
        expect(cleanFailureProblems(result)).toEqual([]);
        expect(result.leaks).toEqual([]);
        expect(await scenario.succeeded(result)).toBe(false);
      });
    }
  });
}
