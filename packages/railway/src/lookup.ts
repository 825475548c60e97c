/**
 * Environments and services named by name or id, as users write them in workflows. A name that
 * matches nothing is an error listing what the project has, so the fix is one look away.
 */
import { UserError } from '@deploy-suite/core/errors';
import type { Named, ProjectInfo } from './client.ts';

function describe(items: readonly Named[]): string {
  return items.length === 0 ? 'none' : items.map((i) => `${i.name} (${i.id})`).join(', ');
}

export function findNamed(kind: 'environment' | 'service', wanted: string, project: ProjectInfo, input: string): Named {
  const items = kind === 'environment' ? project.environments : project.services;
  const found =
    items.find((i) => i.id === wanted) ??
    items.find((i) => i.name === wanted) ??
    (() => {
      const folded = items.filter((i) => i.name.toLowerCase() === wanted.toLowerCase());
      return folded.length === 1 ? folded[0] : undefined;
    })();
  if (found) return found;
  throw new UserError(
    `Input '${input}': no ${kind} ${JSON.stringify(wanted)} in project ${JSON.stringify(project.name)}; its ${kind}s are: ${describe(items)}.`,
    {
      hint: `Use one of the ${kind} names or ids listed.`,
    },
  );
}
