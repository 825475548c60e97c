/**
 * Which Vercel deployment production goes back to, decided before anything is requested. Pure:
 * the refusals ("nothing earlier", "already live", "another project", "not a production
 * release") are settled here, so a refused rollback changes nothing.
 */
import type { VercelDeployment, VercelProject } from '@deploy-suite/vercel/types';

export type VercelPlan = { ok: true; target: VercelDeployment } | { ok: false; refusal: string };

/** Checks an explicit `to`; `requested` is null when Vercel does not show it to this token. */
export function checkRequested(project: VercelProject, requestedRef: string, requested: VercelDeployment | null): VercelPlan {
  const refuse = (refusal: string): VercelPlan => ({ ok: false, refusal });
  if (!requested)
    return refuse(
      `Vercel does not show deployment ${requestedRef} to this token: it does not exist, or it belongs to another team.`,
    );
  const id = requested.id;
  if (requested.projectId !== undefined && requested.projectId !== project.id)
    return refuse(`Deployment ${id} belongs to another project (${requested.projectId}), not ${project.name}.`);
  if (project.productionDeploymentId === id)
    return refuse(`Deployment ${id} is already what production of ${project.name} serves; there is nothing to roll back.`);
  if (requested.target !== 'production')
    return refuse(`Deployment ${id} is a preview deployment: production can only go back to an earlier production deployment.`);
  if (requested.readyState !== 'READY')
    return refuse(`Deployment ${id} is ${requested.readyState}: only a READY deployment can serve production.`);
  return { ok: true, target: requested };
}

/**
 * The previous production release: the newest READY production deployment created before the
 * one production serves. `candidates` are the project's READY production deployments, any order.
 */
export function choosePrevious(
  project: VercelProject,
  live: VercelDeployment | undefined,
  candidates: readonly VercelDeployment[],
): VercelPlan {
  if (!live)
    return {
      ok: false,
      refusal: `Production of ${project.name} serves nothing yet; there is nothing to roll back.`,
    };
  const previous = [...candidates]
    .filter((d) => d.id !== live.id && d.readyState === 'READY' && d.target === 'production' && d.createdAt < live.createdAt)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!previous)
    return {
      ok: false,
      refusal: `No earlier good release of ${project.name}: no READY production deployment is older than the live one (${live.id}).`,
    };
  return { ok: true, target: previous };
}
