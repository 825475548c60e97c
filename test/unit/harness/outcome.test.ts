import { describe, expect, it } from 'vitest';
import { type BundleRun, errorMessageProblems, outcomeProblems } from '../../../packages/harness/src/run-bundle.ts';

const INPUTS = ['url', 'timeout', 'headers'];

function failed(errors: string[], overrides: Partial<BundleRun> = {}): BundleRun {
  return {
    exitCode: 1,
    signal: null,
    stdout: errors.map((e) => `::error::${e}`).join('\n'),
    stderr: '',
    outputs: { status: 'failure' },
    summary: '',
    exportedEnv: {},
    state: {},
    annotations: errors.map((message) => ({ kind: 'error' as const, message, properties: {} })),
    errors,
    warnings: [],
    leaks: [],
    durationMs: 1,
    timedOut: false,
    ...overrides,
  };
}

describe('what the fuzz accepts as a failure', () => {
  it('accepts one error naming a declared input, or saying what failed and why', () => {
    expect(errorMessageProblems('Input \'timeout\' got "soon": expected a duration', INPUTS)).toEqual([]);
    expect(errorMessageProblems("2 inputs are invalid:\n- Input 'url' is required\n- Input 'headers' got \"x\"", INPUTS)).toEqual(
      [],
    );
    expect(errorMessageProblems('Not healthy: the body does not contain READY\nHint: check the app', INPUTS)).toEqual([]);
    expect(errorMessageProblems(`Input 'timeout' got "N\\"aN": a " quote; Input 'url' got "undefined"`, INPUTS)).toEqual([]);
    expect(outcomeProblems(failed(["Input 'url' is required: expected a URL"]))).toEqual([]);
  });

  it('refuses an error that names no input and no cause, or an input the action lacks', () => {
    expect(errorMessageProblems('Failed.', INPUTS)).toHaveLength(1);
    expect(errorMessageProblems('Error: undefined', INPUTS).length).toBeGreaterThan(0);
    expect(errorMessageProblems("Input 'uri' is required", INPUTS)).toEqual(["names an input the action does not have: 'uri'"]);
  });

  it('refuses two errors, a stack, a missing or wrong status output', () => {
    expect(outcomeProblems(failed(['Deploy failed: a', 'Deploy failed: b']))).toHaveLength(1);
    expect(outcomeProblems(failed(['Deploy failed: build error'], { stderr: '    at main (file:///x.js:1:2)' }))).toEqual([
      'a stack trace was printed',
    ]);
    expect(outcomeProblems(failed(['Deploy failed: build error'], { outputs: {} }))).toEqual(['no status output']);
    expect(outcomeProblems(failed(['Deploy failed: build error'], { outputs: { status: 'success' } }))).toEqual([
      "status output 'success' on a failure",
    ]);
  });
});
