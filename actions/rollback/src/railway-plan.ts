/**
 * Which Railway deployment each service goes back to, decided from what Railway lists before
 * anything is requested. Pure: the refusals ("nothing earlier", "already live", "another
 * service") are settled here, so a refused rollback changes nothing anywhere.
 */
import type { DeploymentInfo } from '@deploy-suite/railway/client';
import { references } from './provenance.ts';

export interface Named {
  id: string;
  name: string;
}

export interface PlanInput {
  projectId: string;
  environment: Named;
  service: Named;
  /** The service's deployments in the environment, any order. */
  deployments: readonly DeploymentInfo[];
  /** The `to` deployment as Railway answered it; `null` when Railway did not show it. */
  requested?: DeploymentInfo | null;
  requestedId?: string;
  /** Names of the project's services by id, to say whose deployment `to` is. */
  serviceNames: ReadonlyMap<string, string>;
}

export type Plan =
  | { ok: true; live: DeploymentInfo | undefined; target: DeploymentInfo }
  | { ok: false; live: DeploymentInfo | undefined; refusal: string };

const newestFirst = (a: DeploymentInfo, b: DeploymentInfo) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

/** The deployment serving now: the newest SUCCESS or SLEEPING one. */
export function liveOf(deployments: readonly DeploymentInfo[]): DeploymentInfo | undefined {
  return [...deployments].sort(newestFirst).find((d) => d.status === 'SUCCESS' || d.status === 'SLEEPING');
}

export function planService(input: PlanInput): Plan {
  const sorted = [...input.deployments].sort(newestFirst);
  const live = liveOf(sorted);
  const name = input.service.name;
  const refuse = (refusal: string): Plan => ({ ok: false, live, refusal });

  if (input.requestedId !== undefined) {
    const d = input.requested;
    const id = input.requestedId;
    if (!d)
      return refuse(
        `${name}: Railway does not show deployment ${id} to this token: it does not exist, or it belongs to another project or environment.`,
      );
    if (d.projectId !== input.projectId) return refuse(`${name}: deployment ${id} belongs to another project (${d.projectId}).`);
    if (d.environmentId !== input.environment.id)
      return refuse(`${name}: deployment ${id} belongs to another environment, not ${input.environment.name}.`);
    if (d.serviceId !== input.service.id) {
      const owner = d.serviceId ? (input.serviceNames.get(d.serviceId) ?? d.serviceId) : 'no service';
      return refuse(`${name}: deployment ${id} belongs to service ${owner}, not ${name}.`);
    }
    if (live?.id === d.id) return refuse(`${name}: deployment ${id} is already live; there is nothing to roll back.`);
    if (!d.canRollback)
      return refuse(
        `${name}: deployment ${id} is ${d.status} and cannot be rolled back to (Railway restores only deployments that went live).`,
      );
    return { ok: true, live, target: d };
  }

  if (sorted.length === 0)
    return refuse(`${name}: nothing was ever deployed in ${input.environment.name}; there is nothing to roll back to.`);
  const liveAt = live ? Date.parse(live.createdAt) : Number.POSITIVE_INFINITY;
  const target = sorted.find(
    (d) =>
      d.id !== live?.id &&
      d.canRollback &&
      Date.parse(d.createdAt) < liveAt &&
      // The live deployment may itself be a rollback to this one: going "back" to it changes nothing.
      !(live && references(live.meta, d.id)),
  );
  if (!target)
    return refuse(
      sorted.length === 1
        ? `${name}: only one release was ever deployed in ${input.environment.name}; there is no earlier release to roll back to.`
        : `${name}: no earlier good release in ${input.environment.name}: none of the ${sorted.length - (live ? 1 : 0)} other deployments older than the live one went live and can be rolled back to.`,
    );
  return { ok: true, live, target };
}
