/**
 * What an uploaded tree asks of its build. The Railway and Vercel emulators both read a
 * `sandbox.json` at the tree's root, so tests and the demo drive real scenarios through real
 * uploads:
 *
 *   { "version": "2.0.0", "build": "ok" | "fail", "runtime": "ok" | "crash" | "unhealthy" | "slow",
 *     "buildSeconds": 1 }
 *
 * A `"services"` map overrides any of these for one service by name, so one tree uploaded to
 * four services can fail one build: `{"version": "2.0.0", "services": {"worker": {"build": "fail"}}}`.
 *
 * Everything is optional: a tree without the file builds fine and serves version "0.0.0-<short
 * digest of the tree>", so two different trees never serve the same version by accident.
 */
import { createHash } from 'node:crypto';

export type BuildOutcome = 'ok' | 'fail';
export type RuntimeBehaviour = 'ok' | 'crash' | 'unhealthy' | 'slow';

export interface BuildPlan {
  version: string;
  build: BuildOutcome;
  runtime: RuntimeBehaviour;
  /** How long the emulated build takes, in ms. */
  buildMs: number;
  /** The build log lines, in order; the last ones say how it ended. */
  logLines: string[];
}

const DEFAULT_BUILD_MS = 300;

/** Reads the plan from a tree given as path → content (only `sandbox.json` matters). */
export function planBuild(
  files: ReadonlyMap<string, Buffer | string>,
  options: { buildMs?: number; service?: string } = {},
): BuildPlan {
  const digest = createHash('sha256');
  for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    digest.update(path).update('\0').update(content).update('\0');
  }
  const raw = files.get('sandbox.json');
  let spec: Record<string, unknown> = {};
  if (raw !== undefined) {
    try {
      const parsed = JSON.parse(raw.toString()) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) spec = parsed as Record<string, unknown>;
    } catch {
      // An unreadable sandbox.json is a broken build, as a real build with a broken config would be.
      spec = { build: 'fail', reason: 'sandbox.json is not valid JSON' };
    }
  }
  const overrides = (spec.services as Record<string, unknown> | undefined)?.[options.service ?? ''];
  if (overrides && typeof overrides === 'object' && !Array.isArray(overrides)) spec = { ...spec, ...overrides };
  const version = typeof spec.version === 'string' ? spec.version : `0.0.0-${digest.digest('hex').slice(0, 7)}`;
  const build: BuildOutcome = spec.build === 'fail' ? 'fail' : 'ok';
  const runtime = (['ok', 'crash', 'unhealthy', 'slow'] as const).find((r) => r === spec.runtime) ?? 'ok';
  const buildMs =
    typeof spec.buildSeconds === 'number' && spec.buildSeconds >= 0
      ? spec.buildSeconds * 1000
      : (options.buildMs ?? DEFAULT_BUILD_MS);
  const logLines = [
    `Building version ${version} (${files.size} files)`,
    'Installing dependencies',
    'added 142 packages in 2s',
    ...(build === 'fail'
      ? [
          'Running build script',
          'Error: Cannot find module "./routes/missing"',
          typeof spec.reason === 'string' ? `Build failed: ${spec.reason}` : 'Build failed: exit code 1',
        ]
      : ['Running build script', 'Compiled successfully', `Build finished: version ${version}`]),
  ];
  return { version, build, runtime, buildMs, logLines };
}
