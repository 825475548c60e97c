import { runAction } from '@deploy-suite/core/run';
import { manifest } from './manifest.ts';

// The poll loop loads once the inputs are valid: a step that fails on its inputs starts as fast as node.
process.exitCode = await runAction(manifest, async (inputs, ctx) => (await import('./gate.ts')).healthGate(inputs, ctx));
