/**
 * The reusable workflow templates and a caller of each for the seed scenarios: the catalog's
 * template sections are generated from these and from the template files themselves (inputs,
 * secrets, outputs), so the catalog cannot drift from what the templates accept.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface TemplateDoc {
  file: string;
  title: string;
  summary: string;
  /** Callers, one per seed shape the template serves. */
  examples: Array<{ seed: string; yaml: string }>;
}

export const TEMPLATES: TemplateDoc[] = [
  {
    file: 'railway.yml',
    title: 'Railway release',
    summary:
      'validate → migrate → deploy the services → health-gate → smoke-test → notify; when the gate or the smoke tests fail: rollback (the database too with `rollback-database`) → health-gate → notify.',
    examples: [
      {
        seed: 'Multi-service Railway (Django, Celery worker and beat, Next.js)',
        yaml: `on:
  push:
    branches: [main]
jobs:
  release:
    uses: OWNER/REPO/.github/workflows/railway.yml@v1
    with:
      services: |
        backend
        frontend
        celery-worker
        celery-beat
      migrate-tool: django
      migrate-directory: backend
      rollback-database: true
      health-path: /api/health/detailed/
      health-expect-json: $.services.* == healthy
      expect-version: \${{ github.sha }}
    secrets:
      RAILWAY_TOKEN: \${{ secrets.RAILWAY_TOKEN }}
      DATABASE_URL: \${{ secrets.DATABASE_URL }}
      SLACK_WEBHOOK_URL: \${{ secrets.SLACK_WEBHOOK_URL }}`,
      },
      {
        seed: 'Laravel on Railway',
        yaml: `on:
  push:
    branches: [main]
jobs:
  release:
    uses: OWNER/REPO/.github/workflows/railway.yml@v1
    with:
      services: app
      migrate-tool: laravel
      health-path: /up
      smoke-checks: |
        - { name: Home, url: /, expect: { status: 200, max-latency: 200ms } }
        - { name: API, url: /api/v1, expect: { status: 200, max-latency: 200ms } }
    secrets:
      RAILWAY_TOKEN: \${{ secrets.RAILWAY_TOKEN }}
      DATABASE_URL: \${{ secrets.DATABASE_URL }}
      SLACK_WEBHOOK_URL: \${{ secrets.SLACK_WEBHOOK_URL }}`,
      },
      {
        seed: 'Alembic service (upgrade head; downgrade in a rollback)',
        yaml: `on:
  push:
    branches: [main]
jobs:
  release:
    uses: OWNER/REPO/.github/workflows/railway.yml@v1
    with:
      services: api
      migrate-tool: alembic
      rollback-database: true
      health-path: /health
    secrets:
      RAILWAY_TOKEN: \${{ secrets.RAILWAY_TOKEN }}
      DATABASE_URL: \${{ secrets.DATABASE_URL }}
      SLACK_WEBHOOK_URL: \${{ secrets.SLACK_WEBHOOK_URL }}`,
      },
    ],
  },
  {
    file: 'vercel.yml',
    title: 'Vercel release',
    summary:
      'Pull requests: a preview deployment, a PR comment with its URL, health-gate and smoke-test. The default branch: production built staged (the domains stay on the live release), checked at its own URL, promoted, checked again at `production-url`, rolled back if that fails; then notify.',
    examples: [
      {
        seed: 'Next.js frontend: previews on pull requests, production on main',
        yaml: `on:
  pull_request:
  push:
    branches: [main]
jobs:
  web:
    permissions:
      contents: read
      pull-requests: write   # the preview comment
    uses: OWNER/REPO/.github/workflows/vercel.yml@v1
    with:
      project-id: prj_shopweb
      team-id: team_acme
      production-url: https://shop.example
      health-path: /api/health
      smoke-checks: |
        - { name: Home, url: /, expect: { status: 200, body: "<title>" } }
    secrets:
      VERCEL_TOKEN: \${{ secrets.VERCEL_TOKEN }}
      SLACK_WEBHOOK_URL: \${{ secrets.SLACK_WEBHOOK_URL }}`,
      },
    ],
  },
  {
    file: 'fullstack.yml',
    title: 'Full-stack release',
    summary:
      'railway.yml for the API, then (only if it passed) vercel.yml for the frontend, then smoke tests across both live releases, then one Slack message with whatever was rolled back.',
    examples: [
      {
        seed: 'Full stack: Express API on Railway, Next.js on Vercel',
        yaml: `on:
  push:
    branches: [main]
jobs:
  release:
    uses: OWNER/REPO/.github/workflows/fullstack.yml@v1
    with:
      backend-services: api
      backend-path: api
      frontend-project-id: prj_shopweb
      frontend-path: web
      frontend-url: https://shop.example
      health-timeout: 150s          # the runbook's 30 × 5 s
      expect-version: \${{ github.sha }}
      api-smoke-checks: |
        - { name: API health, url: /health, expect: { status: 200 } }
        - { name: API v1, url: /api/v1, expect: { status: 200 } }
    secrets:
      RAILWAY_TOKEN: \${{ secrets.RAILWAY_TOKEN }}
      VERCEL_TOKEN: \${{ secrets.VERCEL_TOKEN }}
      SLACK_WEBHOOK_URL: \${{ secrets.SLACK_WEBHOOK_URL }}`,
      },
    ],
  },
  {
    file: 'rollback.yml',
    title: 'Rollback',
    summary:
      'By hand (`gh workflow run rollback.yml -f environment=production -f reason="…"`) or called: the database step when asked, rollback, health-gate on the restored release, notify with the reason and who asked.',
    examples: [
      {
        seed: 'Manual rollback with a reason (every seed)',
        yaml: `# .github/workflows/rollback.yml in your repository
on:
  workflow_dispatch:
    inputs:
      reason:
        required: true
        type: string
jobs:
  rollback:
    uses: OWNER/REPO/.github/workflows/rollback.yml@v1
    with:
      environment: production
      provider: railway
      services: backend
      reason: \${{ inputs.reason }}
    secrets: inherit`,
      },
    ],
  },
];

type Spec = { description?: string; type?: string; required?: boolean; default?: unknown };

function cell(text: unknown): string {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ')
    .trim();
}

/** The catalog's template sections, read from the template files. */
export function templateCatalog(root: string): string {
  const lines = [
    '# Workflow templates',
    '',
    'Reusable workflows (`on: workflow_call`) that chain the actions into whole pipelines.',
    '',
  ];
  for (const t of TEMPLATES) {
    const doc = parse(readFileSync(join(root, '.github', 'workflows', t.file), 'utf8')) as {
      on?: { workflow_call?: { inputs?: Record<string, Spec>; secrets?: Record<string, Spec>; outputs?: Record<string, Spec> } };
    };
    const call = doc.on?.workflow_call ?? {};
    lines.push(
      `## ${t.file}`,
      '',
      `**${t.title}.** ${t.summary}`,
      '',
      `\`uses: OWNER/REPO/.github/workflows/${t.file}@v1\` ([source](.github/workflows/${t.file}))`,
      '',
    );
    lines.push('### Inputs', '', '| input | type | required | default | description |', '|---|---|---|---|---|');
    for (const [name, spec] of Object.entries(call.inputs ?? {}))
      lines.push(
        `| \`${name}\` | ${spec.type ?? ''} | ${spec.required ? 'yes' : 'no'} | ${spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``} | ${cell(spec.description)} |`,
      );
    lines.push('', '### Secrets', '', '| secret | required | description |', '|---|---|---|');
    for (const [name, spec] of Object.entries(call.secrets ?? {}))
      lines.push(`| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${cell(spec.description)} |`);
    lines.push('', '### Outputs', '', '| output | description |', '|---|---|');
    for (const [name, spec] of Object.entries(call.outputs ?? {})) lines.push(`| \`${name}\` | ${cell(spec.description)} |`);
    for (const example of t.examples) lines.push('', `### Example: ${example.seed}`, '', '```yaml', example.yaml, '```');
    lines.push('');
  }
  return lines.join('\n');
}
