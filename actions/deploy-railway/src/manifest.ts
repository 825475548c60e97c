import type { InputProblem } from '@deploy-suite/core/errors';
import * as t from '@deploy-suite/core/input-types';
import { optional, required, withDefault } from '@deploy-suite/core/inputs';
import { defineAction } from '@deploy-suite/core/manifest';

export const SOURCES = ['upload', 'commit', 'image', 'redeploy'] as const;

export const manifest = defineAction({
  name: 'deploy-railway',
  title: 'Deploy Suite: deploy to Railway',
  description:
    'Deploys one or many Railway services in parallel, by uploading the tree as `railway up` does, by commit, by image or by redeploy; sets variables first; streams the build logs; waits for a verdict over the live subscription, polling when the socket drops. No CLI needed.',
  branding: { icon: 'upload-cloud', color: 'purple' },
  inputs: {
    token: optional(
      t.text('a Railway project, account or workspace token'),
      'Railway token: a project token (one environment) or an account or workspace token (with project-id); the kind is detected. Pass it from a secret. Without it, RAILWAY_TOKEN or RAILWAY_API_TOKEN from the environment is used (never both).',
      { secret: true },
    ),
    'api-url': withDefault(t.url(), 'https://backboard.railway.com', "Railway's API origin: a proxy, or the local sandbox."),
    'project-id': optional(
      t.pattern(/^[A-Za-z0-9-]{1,64}$/, 'a Railway project id'),
      'The project. Optional with a project token, which names its project.',
    ),
    environment: optional(
      t.text('an environment name or id'),
      "Environment name or id. Default: the project token's environment, else `production`.",
    ),
    services: required(
      t.list(t.pattern(/^\S(.{0,126}\S)?$/, 'a service name or id')),
      'Services to deploy, names or ids, one a line or comma-separated; deployed in parallel.',
    ),
    source: withDefault(
      t.oneOf(SOURCES),
      'upload',
      "What to deploy: `upload` the tree at `path` (as `railway up`), a `commit` of the service's repository, an `image` (set as the service's source first), or `redeploy` the live deployment.",
    ),
    path: withDefault(
      t.text('a directory path'),
      '.',
      'The tree to upload (source: upload), filtered like `railway up`: `.gitignore`, `.railwayignore`, `.ignore`; never `.git` or `node_modules`.',
    ),
    commit: optional(
      t.pattern(/^[0-9a-f]{7,40}$/i, 'a commit sha (7 to 40 hex digits)'),
      "The commit to deploy (source: commit). Default: the workflow's commit.",
    ),
    image: optional(
      t.pattern(/^[^\s]{1,512}$/, 'an image reference such as ghcr.io/acme/api:1.4.2'),
      'The image to deploy (source: image).',
    ),
    variables: optional(
      t.keyValues(),
      "Variables to set on every service before the deploy, `KEY=VALUE` one a line; set once, without triggering deploys of their own. Values that may be credentials are masked (as deploy-vercel's `env`: the name or the value says credential); plain values such as `RELEASE=8.0.0` stay readable, since a mask hides the value in the whole job's log.",
      { secret: true },
    ),
    message: optional(t.text(), 'A message for the deployment (source: upload), shown on Railway.'),
    wait: withDefault(t.boolean(), 'true', 'Wait for each deployment to finish and fail the step when one fails.'),
    timeout: withDefault(t.duration({ min: 10_000, max: 6 * 3_600_000 }), '20m', 'How long to wait for the deployments.'),
    logs: withDefault(t.boolean(), 'true', 'Show the build and deploy logs in the step log.'),
    'request-timeout': withDefault(
      t.duration({ min: 1000, max: 300_000 }),
      '30s',
      'How long one API request may take; with its retries, one call may take four times this (uploads take longer).',
    ),
  },
  outputs: {
    'deployment-id': { description: 'The new deployment (the first service when several).' },
    url: { description: "The service's public URL (the first service when several), for health-gate." },
    'previous-deployment-id': {
      description: 'The deployment that was live before (the first service), for rollback; empty when there was none.',
    },
    deployments: {
      description: 'JSON array, one entry a service: {service, serviceId, deploymentId, previousDeploymentId, status, url}.',
    },
  },
  check: (inputs) => {
    const problems: InputProblem[] = [];
    if (inputs.source === 'image' && !inputs.image)
      problems.push({ input: 'image', shown: 'is required with source: image', expected: 'expected an image reference' });
    if (inputs.image && inputs.source !== 'image')
      problems.push({
        input: 'image',
        shown: `is set with source: ${inputs.source}`,
        expected: 'expected it only with source: image',
      });
    if (inputs.commit && inputs.source !== 'commit')
      problems.push({
        input: 'commit',
        shown: `is set with source: ${inputs.source}`,
        expected: 'expected it only with source: commit',
      });
    return problems;
  },
  example: `- name: Deploy the API and its workers
  id: railway
  uses: OWNER/REPO/actions/deploy-railway@v1
  with:
    token: \${{ secrets.RAILWAY_TOKEN }}
    services: |
      backend
      celery-worker
      celery-beat
    variables: |
      RELEASE=\${{ github.sha }}
- uses: OWNER/REPO/actions/health-gate@v1
  with:
    url: \${{ steps.railway.outputs.url }}/api/health/detailed/
    expect-version: \${{ github.sha }}`,
  notes: `### Tokens

A **project token** (Project settings → Tokens) belongs to one environment: the action learns the project and environment from it, so \`project-id\` and \`environment\` may be left out. An **account or workspace token** reaches every project of its owner and needs \`project-id\`. The \`token\` input takes either and tells them apart through Railway's \`projectToken\` query. Without it, \`RAILWAY_TOKEN\` (project) or \`RAILWAY_API_TOKEN\` (account) is read from the environment, as the CLI does; both set at once is refused instead of silently picking one.

### Waiting within Railway's rate limits

The verdict comes over Railway's \`deployment\` subscription (WebSocket, \`graphql-transport-ws\`), with the build and deploy logs streamed beside it, plus one HTTP check a minute: a 20-minute build costs about 20 requests per service. If the socket drops and cannot reconnect, the wait polls over HTTP, backing off to every 30 s (about 45 requests for 20 minutes). SUCCESS and SLEEPING pass; FAILED and CRASHED fail with the last 30 log lines; REMOVED and SKIPPED fail at once. Cancelling the run cancels the deployments the step started.`,
});

export type DeployRailwayInputs = import('@deploy-suite/core/inputs').ParsedInputs<(typeof manifest)['inputs']>;
