/**
 * What the run knows about itself, from the runner's `GITHUB_*` variables and the event file.
 * A light reader: @actions/github's context drags in Octokit, which no action needs just to
 * know its commit and run link.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface RunContext {
  serverUrl: string;
  apiUrl: string;
  repository: string;
  /** The commit the run is for, exactly `${{ github.sha }}` (on a pull request: the merge commit). */
  sha: string;
  shortSha: string;
  /** The pull request's head commit on a pull request event; `sha` otherwise. */
  headSha: string;
  ref: string;
  refName: string;
  actor: string;
  workflow: string;
  job: string;
  eventName: string;
  runId: string;
  runAttempt: string;
  runUrl: string | undefined;
  commitUrl: string | undefined;
  /** The head commit's message (push events) or the pull request's title. */
  commitMessage: string | undefined;
  pullRequest: number | undefined;
}

interface EventPayload {
  head_commit?: { message?: string };
  pull_request?: { number?: number; title?: string; head?: { sha?: string } };
}

function readEvent(path: string | undefined): EventPayload {
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
  } catch {
    return {};
  }
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
  const repository = env.GITHUB_REPOSITORY ?? '';
  const event = readEvent(env.GITHUB_EVENT_PATH);
  // `${{ github.sha }}` is GITHUB_SHA in every event: a deploy stamped with it and a gate that
  // expects it must agree, so the head of a pull request is a field of its own.
  const sha = env.GITHUB_SHA ?? '';
  const headSha = event.pull_request?.head?.sha ?? sha;
  const runId = env.GITHUB_RUN_ID ?? '';
  const runAttempt = env.GITHUB_RUN_ATTEMPT ?? '1';
  const repoUrl = repository ? `${serverUrl}/${repository}` : undefined;
  return {
    serverUrl,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    repository,
    sha,
    shortSha: sha.slice(0, 7),
    headSha,
    ref: env.GITHUB_REF ?? '',
    refName: env.GITHUB_REF_NAME ?? '',
    actor: env.GITHUB_TRIGGERING_ACTOR ?? env.GITHUB_ACTOR ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    runId,
    runAttempt,
    runUrl:
      repoUrl && runId ? `${repoUrl}/actions/runs/${runId}${runAttempt !== '1' ? `/attempts/${runAttempt}` : ''}` : undefined,
    commitUrl: repoUrl && sha ? `${repoUrl}/commit/${sha}` : undefined,
    commitMessage: event.head_commit?.message ?? event.pull_request?.title,
    pullRequest: event.pull_request?.number,
  };
}
