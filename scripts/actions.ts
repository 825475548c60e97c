/** The actions of the suite, in pipeline order: the one list scripts, tests and bench walk. */
import { manifest as deployRailway } from '../actions/deploy-railway/src/manifest.ts';
import { manifest as deployVercel } from '../actions/deploy-vercel/src/manifest.ts';
import { manifest as healthGate } from '../actions/health-gate/src/manifest.ts';
import { manifest as migrate } from '../actions/migrate/src/manifest.ts';
import { manifest as notify } from '../actions/notify/src/manifest.ts';
import { manifest as rollback } from '../actions/rollback/src/manifest.ts';
import { manifest as smokeTest } from '../actions/smoke-test/src/manifest.ts';
import { manifest as validate } from '../actions/validate/src/manifest.ts';
import type { ActionManifest } from '../packages/core/src/manifest.ts';

export const ACTIONS: readonly ActionManifest[] = [
  validate,
  migrate,
  deployRailway,
  deployVercel,
  healthGate,
  smokeTest,
  notify,
  rollback,
] as unknown as readonly ActionManifest[];

export function actionNamed(name: string): ActionManifest {
  const found = ACTIONS.find((a) => a.name === name);
  if (!found) throw new Error(`no action named '${name}' (known: ${ACTIONS.map((a) => a.name).join(', ')})`);
  return found;
}
