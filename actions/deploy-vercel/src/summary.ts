/** The job summary of a deploy: what was deployed where, how much was sent, and how it ended. */
import { formatDuration } from '@deploy-suite/core/input-types';
import { type Content, code, link, Summary } from '@deploy-suite/core/report';
import type { Runner } from '@deploy-suite/core/runner';
import { formatBytes } from '@deploy-suite/vercel/progress';
import type { VercelDeployment, VercelProject } from '@deploy-suite/vercel/types';

export interface DeploySummary {
  deployment: VercelDeployment;
  target: string;
  project: VercelProject | undefined;
  previous: string | undefined;
  aliases: string[];
  files: number;
  totalBytes: number;
  uploadedFiles: number;
  uploadedBytes: number;
  elapsed: number;
  staged: boolean;
  /** A failed build's last lines, already scrubbed and capped. */
  logs: string[] | undefined;
  failure: string | undefined;
  github: string[];
}

export function writeDeploySummary(runner: Pick<Runner, 'appendSummary'>, s: DeploySummary): void {
  const d = s.deployment;
  const url = `https://${d.url}`;
  const rows: Content[][] = [
    ['State', d.readyState],
    ['Target', s.target],
    ['Deployment', d.inspectorUrl ? link(d.id, d.inspectorUrl) : code(d.id)],
    ['URL', d.readyState === 'READY' ? link(url, url) : url],
  ];
  if (s.aliases.length > 0) rows.push(['Domains', s.aliases.join(', ')]);
  if (s.previous !== undefined) rows.push(['Previous production', code(s.previous)]);
  if (s.files > 0)
    rows.push([
      'Uploaded',
      `${s.uploadedFiles} of ${s.files} files (${formatBytes(s.uploadedBytes)} of ${formatBytes(s.totalBytes)})`,
    ]);
  rows.push(['Took', formatDuration(s.elapsed)]);
  const summary = new Summary().heading(`Vercel deployment: ${d.readyState}`, 3).table(['', ''], rows);
  if (s.staged && d.readyState === 'READY')
    summary.paragraph(
      'Staged: production still serves the previous deployment. Check this one at its URL (send the',
      code('x-vercel-protection-bypass'),
      'header if deployment protection is on), then promote it with',
      code(`promote-deployment: ${d.id}`),
      '.',
    );
  if (s.failure) summary.paragraph('Why:', s.failure);
  if (s.logs && s.logs.length > 0)
    summary.details(`Build output (last ${s.logs.length} lines)`, new Summary().codeBlock(s.logs.join('\n')));
  for (const note of s.github) summary.paragraph(note);
  summary.write(runner);
}
