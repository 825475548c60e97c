import { runAction } from '@deploy-suite/core/run';
import { manifest } from './manifest.ts';

// The body (presets, pg_dump/pg_restore handling, the summary) loads once the inputs are valid,
// so a step that fails on its inputs starts as fast as node itself.
process.exitCode = await runAction(manifest, async (inputs, ctx) => (await import('./migrate.ts')).migrate(inputs, ctx));
