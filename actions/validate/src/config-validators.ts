/**
 * The compiled JSON Schema validators of the platform config files, loaded only when a config file
 * is found (Ajv and Vercel's schemas stay out of a run that has none).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { railwayConfigSchema } from './railway-config-schema.ts';

const compiled = new Map<string, ValidateFunction>();

/**
 * Each schema compiled once per process. Vercel's is compiled with the published parts the file
 * uses only: they are what takes Ajv time (a few hundred milliseconds for all of them).
 */
export async function validatorFor(platform: 'railway' | 'vercel', data: unknown): Promise<ValidateFunction> {
  const keys = platform === 'vercel' && typeof data === 'object' && data !== null ? Object.keys(data).sort() : [];
  const cacheKey = `${platform}:${keys.join(',')}`;
  let validator = compiled.get(cacheKey);
  if (!validator) {
    // strict: false, because Vercel's schemas carry annotations of their own (`private`).
    // verbose: each error carries its schema, whose keys name what an unknown key was meant to be.
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    const schema =
      platform === 'vercel' ? (await import('./vercel-config-schema.ts')).vercelConfigSchema(new Set(keys)) : railwayConfigSchema;
    validator = ajv.compile(schema);
    compiled.set(cacheKey, validator);
  }
  return validator;
}
