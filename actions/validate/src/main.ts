import { runAction } from '@deploy-suite/core/run';
import { manifest } from './manifest.ts';

// The body (zod, yaml, dotenv, secretlint, smol-toml) loads once the inputs are valid, and each
// heavy module only for the phase that needs it.
process.exitCode = await runAction(manifest, async (inputs, ctx) => (await import('./validate.ts')).validate(inputs, ctx));
