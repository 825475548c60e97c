import type { InputProblem } from '@deploy-suite/core/errors';
import * as t from '@deploy-suite/core/input-types';
import { optional, required, withDefault } from '@deploy-suite/core/inputs';
import { defineAction } from '@deploy-suite/core/manifest';

/** A hostname such as `www.example.com` or `shop-preview.vercel.app`. */
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** A deployment id (`dpl_…`) or a deployment URL/host (`web-abc123.vercel.app`). */
const deploymentRef = t.pattern(
  /^(dpl_[A-Za-z0-9]+|(https:\/\/)?[a-z0-9][a-z0-9.-]*\.[a-z]{2,63}\/?)$/i,
  'a deployment id (dpl_…) or its URL',
);

export const manifest = defineAction({
  name: 'deploy-vercel',
  title: 'Deploy Suite: deploy to Vercel',
  description:
    'Deploys a tree (or prebuilt .vercel/output) to Vercel through its API, with no CLI install: preview or production, staged production with a later promote, aliases, git metadata, a PR comment with the preview URL, build logs on failure, a deadline that cancels what it started.',
  branding: { icon: 'triangle', color: 'gray-dark' },
  inputs: {
    token: required(t.text('a Vercel access token'), 'Vercel access token. Pass it from a secret.', { secret: true }),
    'api-url': withDefault(t.url(), 'https://api.vercel.com', "Vercel's API base URL; point it at a proxy or the sandbox."),
    'team-id': optional(
      t.pattern(/^[A-Za-z0-9_-]{1,100}$/, 'a team id (team_…) or slug'),
      'The team that owns the project (sent as ?teamId=). Leave empty for a personal account.',
    ),
    'project-id': required(
      t.pattern(/^[A-Za-z0-9._-]{1,100}$/, 'a project id (prj_…) or name'),
      'The Vercel project, by id (prj_…) or name.',
    ),
    path: withDefault(
      t.text('a folder path'),
      '.',
      'The folder to deploy, relative to the workspace (with `prebuilt`, the folder holding `.vercel/output`).',
    ),
    prebuilt: withDefault(
      t.boolean(),
      'false',
      'Deploy the `.vercel/output` folder that `vercel build` produced, without building on Vercel.',
    ),
    production: withDefault(t.boolean(), 'false', 'Deploy to production; otherwise a preview deployment.'),
    promote: withDefault(
      t.boolean(),
      'true',
      'For a production deploy: false builds it with production settings but leaves the production domains where they are (staged), so it can be checked at its own URL and promoted later with `promote-deployment`.',
    ),
    'promote-deployment': optional(
      deploymentRef,
      'Promote this existing READY production deployment (id or URL) instead of deploying: no build; waits until production serves it.',
    ),
    alias: optional(
      t.list(),
      'Domains to assign to the deployment once it is READY (hostnames such as www.example.com), one a line or comma-separated.',
    ),
    env: optional(
      t.keyValues(),
      'Runtime environment variables of the deployment, `KEY=VALUE` one a line. Values that may be credentials are masked; see Masking.',
      {
        secret: true,
      },
    ),
    'build-env': optional(
      t.keyValues(),
      'Build-time environment variables, `KEY=VALUE` one a line. Values that may be credentials are masked; see Masking.',
      {
        secret: true,
      },
    ),
    meta: optional(
      t.keyValues(),
      'Extra deployment metadata, `KEY=VALUE` one a line. The commit SHA, ref, message, author and repository are added from the workflow run.',
    ),
    archive: optional(t.oneOf(['tgz']), 'Send the tree as one `tgz` archive: faster for trees of thousands of files.'),
    'pr-comment': withDefault(
      t.oneOf(['auto', 'true', 'false']),
      'auto',
      'Comment on the pull request with the preview URL, inspector link, commit and status, updating the same comment on every push. `auto`: on pull_request events.',
    ),
    'github-deployment': withDefault(
      t.boolean(),
      'false',
      'Create a GitHub deployment and its statuses (for jobs that do not use `environment:`).',
    ),
    'github-token': optional(
      t.text('a GitHub token'),
      'Token for the PR comment and GitHub deployment: pass the `github.token` of the run. Needs `pull-requests: write` and `deployments: write`.',
      { secret: true },
    ),
    wait: withDefault(t.boolean(), 'true', 'Wait until the deployment is READY (or failed); false returns once it is created.'),
    timeout: withDefault(
      t.duration({ min: 1000, max: 6 * 3_600_000 }),
      '30m',
      'How long the whole deploy may take, upload and build included. Past it the step fails and cancels the deployment.',
    ),
  },
  outputs: {
    'deployment-id': { description: 'The id of the deployment (dpl_…).' },
    url: { description: 'The https URL of the deployment itself (not the production domain).' },
    'inspector-url': { description: 'The deployment in the Vercel dashboard.' },
    'ready-state': { description: 'READY, ERROR, CANCELED, or the state when the step stopped waiting.' },
    'previous-deployment-id': {
      description: 'For production: the deployment production served before this step (for the rollback action).',
    },
    aliases: { description: 'JSON array of the domains pointing at the deployment.' },
  },
  example: `- name: Deploy the frontend
  id: web
  uses: OWNER/REPO/actions/deploy-vercel@v1
  with:
    token: \${{ secrets.VERCEL_TOKEN }}
    team-id: team_abc123
    project-id: shop-web
    production: \${{ github.ref == 'refs/heads/main' }}
    alias: www.shop.example
    build-env: |
      NEXT_PUBLIC_API_URL=https://api.shop.example
    github-token: \${{ github.token }}`,
  notes: `### Masking

A mask hides a value in every later line of the whole job, not just this step, so \`env\` and \`build-env\` values are masked only when they may be credentials: the name says so (it contains pass, secret, token, key, auth, credential, private, cookie, session, salt, signature, dsn, cert or bypass: \`STRIPE_SECRET_KEY\`, \`SENTRY_DSN\`), the value is a URL with a password, starts like a token (\`sk_live_\`, \`ghp_\`, \`xoxb-\`…), or is 16 or more characters of letters and digits without spaces. Booleans, numbers, environment names (\`production\`, \`preview\`…), release numbers (\`8.0.0\`), log levels (\`debug\`, \`info\`), values under 4 characters and \`VERCEL_*\` variables stay readable, so \`NODE_ENV=production\` does not turn every later "production" in the job into \`***\`. Anything else is masked. The log names the variables left readable (never their values).

### Staged production and promote

A production deploy with \`promote: false\` is built with production settings and variables but leaves the production domains where they are (as \`vercel --prod --skip-domain\`). Check it at its own \`url\` (a protected deployment needs the \`x-vercel-protection-bypass: <secret>\` header: pass it to health-gate's and smoke-test's \`headers\`), then promote it with a second step: \`promote-deployment: \${{ steps.web.outputs.deployment-id }}\`. That step promotes, waits until production serves it, and sets \`previous-deployment-id\` for rollback. A staged deployment whose checks fail is never promoted: nothing was switched, so nothing needs rolling back.

### Uploads, limits and waiting

Files are hashed (SHA-1) and only those Vercel does not already have are uploaded, so a redeploy of an unchanged tree sends nothing. A 429 on upload is waited out (\`Retry-After\`) and the deploy resumes with the files still missing. The step's \`timeout\` covers everything; past it the deployment is canceled, as it is when the run is cancelled.`,
  check: (inputs) => {
    const problems: InputProblem[] = [];
    // Checked here so the error quotes the one bad domain as `got "…"`, like every input error.
    for (const domain of inputs.alias ?? [])
      if (!HOSTNAME.test(domain))
        problems.push({
          input: 'alias',
          shown: `got ${JSON.stringify(domain)}`,
          expected: 'expected hostnames such as www.example.com (no scheme, no path)',
        });
    if (!inputs.promote && !inputs.production && inputs.promoteDeployment === undefined)
      problems.push({
        input: 'promote',
        shown: 'got "false"',
        expected: 'expected true unless production is true (only a production deploy can be staged)',
      });
    if (inputs.promoteDeployment !== undefined && !inputs.promote)
      problems.push({
        input: 'promote-deployment',
        shown: `got ${JSON.stringify(inputs.promoteDeployment)}`,
        expected: 'expected it without promote: false (promote-deployment promotes)',
      });
    return problems;
  },
});

export type DeployVercelInputs = import('@deploy-suite/core/inputs').ParsedInputs<(typeof manifest)['inputs']>;
