import { runAction } from '@deploy-suite/core/run';
import { manifest } from './manifest.ts';

// The provider clients (and graphql-ws behind Railway's) load once the inputs are valid, so a
// step that fails on its inputs starts as fast as node itself.
process.exitCode = await runAction(manifest, async (inputs, ctx) => (await import('./rollback.ts')).rollback(inputs, ctx));
