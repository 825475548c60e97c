import { runAction } from '@deploy-suite/core/run';
import { manifest } from './manifest.ts';

// The Vercel client (and @vercel/client behind it) loads once the inputs are valid, so a step that
// fails on its inputs starts as fast as node itself.
process.exitCode = await runAction(manifest, async (inputs, ctx) =>
  (await import('./deploy-vercel.ts')).deployVercel(inputs, ctx),
);
