import { runAction } from '@deploy-suite/core/run';
import { manifest } from './manifest.ts';

// YAML, zod and the runner load once the inputs are valid: a step that fails on its inputs starts as fast as node.
process.exitCode = await runAction(manifest, async (inputs, ctx) => (await import('./smoke.ts')).smokeTest(inputs, ctx));
