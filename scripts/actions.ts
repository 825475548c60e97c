/** The actions of the suite, in pipeline order: the one list scripts, tests and bench walk. */
import { manifest as notify } from '../actions/notify/src/manifest.ts';
import type { ActionManifest } from '../packages/core/src/manifest.ts';

export const ACTIONS: readonly ActionManifest[] = [notify] as unknown as readonly ActionManifest[];

export function actionNamed(name: string): ActionManifest {
  const found = ACTIONS.find((a) => a.name === name);
  if (!found) throw new Error(`no action named '${name}' (known: ${ACTIONS.map((a) => a.name).join(', ')})`);
  return found;
}
