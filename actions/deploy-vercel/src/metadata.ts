/**
 * What Vercel records about the commit a deployment came from: `gitMetadata` (shown in the
 * dashboard next to the deployment) and `meta` keys in the form Vercel's Git integration uses
 * (`githubCommitSha`, …), so a deployment made by this action reads like one made by a push.
 */

import type { RunContext } from '@deploy-suite/core/context';
import type { KeyValues } from '@deploy-suite/core/input-types';
import type { GitMetadata } from '@deploy-suite/vercel/deploy';

/**
 * On a pull request the commit is the branch's head (what Vercel's Git integration records and
 * what the reviewer pushed), and the ref its branch (`GITHUB_HEAD_REF`), not the merge ref.
 */
export function gitMetadataOf(run: RunContext, headRef?: string): GitMetadata | undefined {
  if (!run.headSha) return undefined;
  const [firstLine] = (run.commitMessage ?? '').split(/\r?\n/);
  const ref = headRef || run.refName;
  return {
    commitSha: run.headSha,
    ...(ref ? { commitRef: ref } : {}),
    ...(firstLine ? { commitMessage: firstLine.slice(0, 1000) } : {}),
    ...(run.actor ? { commitAuthorName: run.actor } : {}),
    ...(run.repository ? { remoteUrl: `${run.serverUrl}/${run.repository}` } : {}),
    dirty: false,
  };
}

export function metaOf(run: RunContext, extra: KeyValues | undefined, headRef?: string): Record<string, string> {
  const [org, repo] = run.repository.split('/');
  const ref = headRef || run.refName;
  const meta: Record<string, string> = {
    ...(run.headSha ? { githubCommitSha: run.headSha } : {}),
    ...(ref ? { githubCommitRef: ref } : {}),
    ...(run.commitMessage ? { githubCommitMessage: run.commitMessage.slice(0, 1000) } : {}),
    ...(run.actor ? { githubCommitAuthorLogin: run.actor } : {}),
    ...(org && repo ? { githubOrg: org, githubRepo: repo } : {}),
    ...(run.pullRequest !== undefined ? { githubPrId: String(run.pullRequest) } : {}),
    ...(run.runUrl ? { githubRunUrl: run.runUrl } : {}),
  };
  for (const [key, value] of extra ?? []) meta[key] = value;
  return meta;
}
