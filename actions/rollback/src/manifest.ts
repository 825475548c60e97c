import type { InputProblem } from '@deploy-suite/core/errors';
import * as t from '@deploy-suite/core/input-types';
import { optional, required, withDefault } from '@deploy-suite/core/inputs';
import { defineAction } from '@deploy-suite/core/manifest';
import { rollbackTo } from './targets.ts';

export const PROVIDERS = ['railway', 'vercel'] as const;

export const manifest = defineAction({
  name: 'rollback',
  title: 'Deploy Suite: roll back to the last good release',
  description:
    'Restores the previous good release on Railway (deploymentRollback, one or many services in parallel) or Vercel (instant rollback of production), or an explicit deployment; waits for it and verifies the live release is the target before reporting success. Refuses, changing nothing, when there is nothing earlier to go back to.',
  branding: { icon: 'rotate-ccw', color: 'orange' },
  inputs: {
    provider: required(t.oneOf(PROVIDERS), 'Where the release runs: `railway` or `vercel`.'),
    token: optional(
      t.text('a Railway or Vercel token'),
      'The provider token. Railway: a project token (one environment) or an account or workspace token (with project-id), the kind detected; without it RAILWAY_TOKEN or RAILWAY_API_TOKEN is read (never both). Vercel: an access token (required). Pass it from a secret.',
      { secret: true },
    ),
    'api-url': optional(
      t.url(),
      "The provider's API origin (a proxy, or the sandbox). Default: https://backboard.railway.com or https://api.vercel.com.",
    ),
    'project-id': optional(
      t.pattern(/^[A-Za-z0-9._-]{1,100}$/, 'a project id (or, for Vercel, its name)'),
      'The project. Railway: optional with a project token. Vercel: required, id (prj_…) or name.',
    ),
    environment: optional(
      t.text('an environment name or id'),
      "Railway: the environment, by name or id (default: the project token's environment, else `production`). Vercel: only `production` (instant rollback moves the production domains).",
    ),
    services: optional(
      t.list(t.pattern(/^[^\s=]{1,128}$/, 'a service name or id')),
      'Railway: the services to roll back, names or ids, one a line or comma-separated; rolled back in parallel.',
    ),
    'team-id': optional(
      t.pattern(/^[A-Za-z0-9_-]{1,100}$/, 'a team id (team_…) or slug'),
      'Vercel: the team that owns the project (sent as ?teamId=).',
    ),
    to: optional(
      rollbackTo(),
      "The deployment to go back to: an id, or `service=id` lines for several Railway services (a deploy step's `previous-deployment-id`). Default: the newest good release older than the live one (Railway: a deployment that went live and can be rolled back to; Vercel: the previous READY production deployment).",
    ),
    reason: optional(
      t.pattern(/^[\s\S]{1,1000}$/, 'text of at most 1,000 characters'),
      'Why the rollback happens; shown in the log, the summary and the `reason` output. Required when the run was started by hand (workflow_dispatch).',
    ),
    wait: withDefault(
      t.boolean(),
      'true',
      'Wait until the restored release is live and verify it; false returns once the rollback is requested (nothing verified).',
    ),
    timeout: withDefault(
      t.duration({ min: 10_000, max: 6 * 3_600_000 }),
      '15m',
      'How long the whole rollback may take. Past it the step fails; the rollback already requested goes on at the provider.',
    ),
    'request-timeout': withDefault(
      t.duration({ min: 1000, max: 300_000 }),
      '30s',
      'How long one API request may take; with its retries, one call may take four times this.',
    ),
  },
  outputs: {
    'rolled-back-from': { description: 'The deployment that was live before (the first service when several).' },
    'rolled-back-to': { description: 'The deployment restored (the first service when several).' },
    url: { description: "The restored release's public URL (the first service when several), for health-gate." },
    reason: { description: 'The `reason` input, for notify.' },
    deployments: {
      description:
        'JSON array, one entry a service: {service, serviceId, from, to, deploymentId (the new Railway deployment, or the target on Vercel), status, verified, url}.',
    },
  },
  check: (inputs) => {
    const problems: InputProblem[] = [];
    const shown = (value: unknown) => `got ${JSON.stringify(value).slice(0, 80)}`;
    if (inputs.provider === 'vercel') {
      if (inputs.services !== undefined)
        problems.push({
          input: 'services',
          shown: shown(inputs.services.join(',')),
          expected: 'expected it only with provider: railway',
        });
      if (inputs.to?.kind === 'per-service')
        problems.push({
          input: 'to',
          shown: 'got service=id lines',
          expected: 'expected one deployment id with provider: vercel',
        });
      if (inputs.projectId === undefined)
        problems.push({
          input: 'project-id',
          shown: 'is required with provider: vercel',
          expected: 'expected a project id (prj_…) or name',
        });
      if (inputs.token === undefined)
        problems.push({ input: 'token', shown: 'is required with provider: vercel', expected: 'expected a Vercel access token' });
      if (inputs.environment !== undefined && inputs.environment !== 'production')
        problems.push({
          input: 'environment',
          shown: shown(inputs.environment),
          expected: "expected 'production' or nothing with provider: vercel (instant rollback moves the production domains)",
        });
    } else {
      if (inputs.teamId !== undefined)
        problems.push({ input: 'team-id', shown: shown(inputs.teamId), expected: 'expected it only with provider: vercel' });
      const named = inputs.to?.kind === 'per-service' ? inputs.to.pairs.map(([service]) => service) : [];
      if (inputs.services === undefined && named.length === 0)
        problems.push({
          input: 'services',
          shown: 'is required with provider: railway',
          expected: 'expected the services to roll back (or `service=id` lines in to)',
        });
      if (inputs.services !== undefined && inputs.services.length > 1 && inputs.to?.kind === 'one')
        problems.push({
          input: 'to',
          shown: shown(inputs.to.id),
          expected: 'expected one `service=id` line per service when several services are rolled back',
        });
      for (const service of named) {
        if (inputs.services !== undefined && !inputs.services.includes(service))
          problems.push({
            input: 'to',
            shown: `names service ${JSON.stringify(service)}`,
            expected: `expected only services listed in services (${inputs.services.join(', ')})`,
          });
      }
    }
    return problems;
  },
  example: `- name: Roll back the API and its workers
  if: failure() && steps.railway.outputs.previous-deployment-id != ''
  uses: OWNER/REPO/actions/rollback@v1
  with:
    provider: railway
    token: \${{ secrets.RAILWAY_TOKEN }}
    services: backend
    to: \${{ steps.railway.outputs.previous-deployment-id }}
    reason: the health gate failed after deploying \${{ github.sha }}`,
  notes: `### What is verified

Railway: \`deploymentRollback\` answers only true or false, so the action finds the deployment it created (a new one of the service, newer than the call), waits for it like a deploy (the \`deployment\` subscription, its logs in the step log, polling if the socket drops), and reports success only when it reached SUCCESS, is the service's live deployment, and came from the target (the target's id in its metadata, or the same commit or image). Vercel: instant rollback (\`POST /v9/projects/{id}/rollback/{deploymentId}\`, \`/v1/…\` when v9 answers 404), then the project is read until production points at the target; success only when it does.

### Refusals that change nothing

Every service's target is settled before anything is requested. The step fails, and nothing is rolled back, when a service has no earlier good release, when \`to\` is already live, or when \`to\` belongs to another project, environment or service, or is not a release that can be restored (a failed build, a preview deployment).

### The default target

Railway: per service, the newest deployment older than the live one that Railway can roll back to (it went live), skipping the one the live deployment itself restored. Vercel: the newest READY production deployment older than the one production serves. Vercel does not say whether a production deployment ever served: a staged one (\`promote: false\`) that was never promoted counts too, so when you stage releases pass \`to\` (deploy-vercel's \`previous-deployment-id\`).

### Cancelling

Cancelling the run stops the wait. A rollback already requested is not undone: it goes on at the provider, and the log says so.

### Vercel after an instant rollback

Vercel stops pointing the production domains at new production deployments after an instant rollback, until one is promoted (deploy-vercel \`promote-deployment\`) — so the bad release cannot come back by itself with the next push.`,
});

export type RollbackInputs = import('@deploy-suite/core/inputs').ParsedInputs<(typeof manifest)['inputs']>;
