/**
 * The pull-request comment: one per project and PR, updated in place on every push (the GitHub
 * client finds it by a hidden marker), with the preview URL, the inspector link, the commit and
 * the state. Vercel's text (an error message) is escaped: Markdown in it renders as text.
 */
import type { RunContext } from '@deploy-suite/core/context';
import type { VercelDeployment } from '@deploy-suite/vercel/types';

const STATE_LABEL: Record<string, string> = {
  READY: '✅ Ready',
  ERROR: '❌ Failed',
  CANCELED: '⏹️ Canceled',
  BUILDING: '🔨 Building',
  QUEUED: '⏳ Queued',
  INITIALIZING: '⏳ Queued',
};

/** Markdown and HTML inert: a Vercel message or a commit title shows as the text it is. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>&~-]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\r?\n/g, ' ');
}

export function commentKey(projectName: string): string {
  return `deploy-vercel:${projectName}`;
}

export function commentBody(d: VercelDeployment, run: RunContext, options: { production: boolean; staged: boolean }): string {
  const state = STATE_LABEL[d.readyState] ?? markdownText(d.readyState);
  const kind = options.production ? (options.staged ? 'Staged production' : 'Production') : 'Preview';
  // The pull request's head commit (what was pushed), not the merge commit the run checks out.
  const short = run.headSha.slice(0, 7);
  const repoUrl = run.repository ? `${run.serverUrl}/${run.repository}` : undefined;
  const commit = run.headSha ? (repoUrl ? `[\`${short}\`](${repoUrl}/commit/${run.headSha})` : `\`${short}\``) : '—';
  const id = /^[A-Za-z0-9_]+$/.test(d.id) ? d.id : markdownText(d.id);
  const rows = [
    ['Project', markdownText(d.name)],
    ['State', state + (d.errorMessage ? `: ${markdownText(d.errorMessage).slice(0, 300)}` : '')],
    [kind, d.readyState === 'READY' && /^[a-z0-9.-]+$/i.test(d.url) ? `https://${d.url}` : '—'],
    ['Inspect', d.inspectorUrl && /^https:\/\/[^\s()<>[\]]+$/.test(d.inspectorUrl) ? `[${id}](${d.inspectorUrl})` : id],
    ['Commit', commit],
    ...(run.runUrl ? [['Run', `[#${run.runId}](${run.runUrl})`]] : []),
    ['Updated', new Date().toISOString().replace(/\.\d+Z$/, 'Z')],
  ];
  return [
    `### Vercel ${kind.toLowerCase()} deployment`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
  ].join('\n');
}
