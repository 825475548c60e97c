/**
 * Whether a deployment came from another: Railway's `deploymentRollback` answers only true or
 * false, and the deployment it creates records its origin only in its free-form `meta`. A meta
 * value equal to the target's id names it; otherwise the same commit or image says the same
 * source was restored, and a different one says it was not.
 */
export type Provenance = 'confirmed' | 'unknown' | 'contradicted';

/** Whether any value in `meta`, at any depth, is exactly `id`. */
export function references(meta: unknown, id: string, depth = 0): boolean {
  if (depth > 4 || meta === null || meta === undefined) return false;
  if (typeof meta === 'string') return meta === id;
  if (Array.isArray(meta)) return meta.some((v) => references(v, id, depth + 1));
  if (typeof meta === 'object') return Object.values(meta).some((v) => references(v, id, depth + 1));
  return false;
}

const SOURCE_KEYS = ['commitHash', 'image'] as const;

function field(meta: unknown, key: string): string | undefined {
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) return undefined;
  const value = (meta as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function provenance(created: { meta: unknown }, target: { id: string; meta: unknown }): Provenance {
  if (references(created.meta, target.id)) return 'confirmed';
  let same = false;
  for (const key of SOURCE_KEYS) {
    const a = field(created.meta, key);
    const b = field(target.meta, key);
    if (a !== undefined && b !== undefined) {
      if (a !== b) return 'contradicted';
      same = true;
    }
  }
  return same ? 'confirmed' : 'unknown';
}
