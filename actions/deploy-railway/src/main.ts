import { runAction } from '@deploy-suite/core/run';
import { manifest } from './manifest.ts';

// The Railway client (and, through it, tar, ignore and graphql-ws) loads once the inputs are
// valid: a step that fails on its inputs starts as fast as node itself.
process.exitCode = await runAction(manifest, async (inputs, ctx) => (await import('./deploy.ts')).deployRailway(inputs, ctx));
