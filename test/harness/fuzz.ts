/**
 * The input fuzz test: random values for every input of an action → exit 0, or exactly one
 * `::error::` naming the input or the cause, no stack trace, a `status` output; never an internal
 * error, never a leak (the canary in any form, anywhere the harness looks).
 * Seeded, so a failure can be replayed (the seed is in the test name).
 */
import { describe, expect, it } from 'vitest';
import { errorMessageProblems, outcomeProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { actionNamed } from '../../scripts/actions.ts';

/** Mulberry32: small, fast, seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// No value here is a URL to anywhere: fuzzing must not send traffic off this machine.
const JUNK = [
  ' ',
  'true',
  'FALSE',
  'yes',
  '0',
  '-1',
  '1e309',
  'NaN',
  '9'.repeat(30),
  '5m',
  '90s',
  '1h',
  '0s',
  '-5m',
  '1.5',
  'abc',
  '::error::injected',
  '%0A%25',
  'a\nb\nc',
  '{"a":1}',
  '[1,2]',
  '{{ status }}',
  'KEY=VALUE',
  '=x',
  'K=',
  'ü☃💥',
  'x'.repeat(5000),
  '${{ github.token }}',
  '<script>alert(1)</script>',
  '\'"`',
  'null',
  'undefined',
  '200-299',
  '$.a == b',
  '/re(/',
  'here',
  'U',
  '\t\t',
  'a,b,,c',
  '127.0.0.1',
  'http://',
  'https://127.0.0.1:1/x',
];

function randomText(random: () => number): string {
  const alphabet = 'abcXYZ019 _-.=,;#*?!%{}[]()\'"\\\n\t';
  const length = Math.floor(random() * 40);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

export interface FuzzSpec {
  action: string;
  /** Sets up the sandbox and returns valid values some inputs take half the time. */
  start(canary: string): Promise<{ valid: Record<string, string>; secrets: string[]; close(): Promise<void> }>;
  iterations?: number;
  seed?: number;
  /**
   * Inputs held at one value in every iteration: a wait's `timeout`, which a random value ('5m',
   * or empty for a 5m default) would stretch past the test's time. Their parsing is unit-tested.
   */
  fixed?: Record<string, string>;
}

export function describeInputFuzz(spec: FuzzSpec): void {
  const seed = spec.seed ?? Number(process.env.FUZZ_SEED ?? 20261123);
  const iterations = spec.iterations ?? Number(process.env.FUZZ_ITERATIONS ?? 24);
  describe(`${spec.action} input fuzz`, () => {
    it(`answers ${iterations} random input sets (seed ${seed}) with success or one clear error`, {
      timeout: iterations * 20_000,
    }, async () => {
      const manifest = actionNamed(spec.action);
      const { makeCanary } = await import('../../packages/harness/src/canary.ts');
      const canary = makeCanary();
      const env = await spec.start(canary);
      const random = prng(seed);
      try {
        for (let i = 0; i < iterations; i++) {
          const inputs: Record<string, string> = {};
          for (const name of Object.keys(manifest.inputs)) {
            const roll = random();
            const valid = env.valid[name];
            if (valid !== undefined && roll < 0.55) inputs[name] = valid;
            else if (roll < 0.65) inputs[name] = '';
            else if (roll < 0.85) inputs[name] = JUNK[Math.floor(random() * JUNK.length)] ?? '';
            else inputs[name] = randomText(random);
          }
          Object.assign(inputs, spec.fixed);
          const run = await runBundle(spec.action, { inputs, secrets: env.secrets, timeoutMs: 60_000 });
          // A failure is exactly one ::error:: (no stack, a status output) naming an input or a cause.
          const problems = outcomeProblems(run);
          if (run.exitCode !== 0 && run.errors.length === 1)
            problems.push(...errorMessageProblems(run.errors[0] ?? '', Object.keys(manifest.inputs)));
          expect(problems, `iteration ${i} with ${JSON.stringify(inputs).slice(0, 2000)}\n${run.stdout.slice(-2000)}`).toEqual(
            [],
          );
        }
      } finally {
        await env.close();
      }
    });
  });
}
