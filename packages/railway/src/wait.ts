/**
 * Waiting for a deployment to finish, within Railway's rate limits (1,000 requests an hour on
 * Hobby, shared by every step of every workflow using the token):
 * - while the socket is up, the `deployment(id)` subscription brings each status as it happens
 *   and the build and deploy logs stream beside it; one HTTP check a minute guards against an
 *   event lost in a silent socket, so a 20-minute wait costs about 20 requests;
 * - when the socket drops and cannot come back, the wait polls `deployment(id)` over HTTP, fast
 *   at first (a build that ends in seconds is seen in seconds) then backing off to every 30 s:
 *   a 20-minute wait costs about 45 requests;
 * - at the end one request fetches the last log lines, filling in what the socket missed.
 * Every wait has a deadline and honours the run's cancellation.
 */
import { type Clock, cancellation, systemClock } from '@deploy-suite/core/clock';
import { DeadlineError } from '@deploy-suite/core/errors';
import { formatDuration } from '@deploy-suite/core/input-types';
import type { LogLine, RailwayClient } from './client.ts';
import { BUILD_LOGS_SUBSCRIPTION, DEPLOYMENT_LOGS_SUBSCRIPTION, DEPLOYMENT_SUBSCRIPTION } from './documents.ts';
import { classifyStatus, isFinal, type Verdict } from './status.ts';
import type { Subscriptions } from './subscriptions.ts';

export type LogKind = 'build' | 'deploy';

export interface WatchOptions {
  client: RailwayClient;
  deploymentId: string;
  /** ms from now. */
  timeout: number;
  subscriptions?: Subscriptions | undefined;
  signal?: AbortSignal;
  clock?: Clock;
  /** Stream logs (and fetch the last ones at the end). */
  logs?: boolean;
  onStatus?: (status: string) => void;
  onLog?: (kind: LogKind, line: LogLine) => void;
  /** While the socket is up: one HTTP check this often, ms. */
  heartbeat?: number;
  /** Polling when the socket is down: the first pause and the longest, ms. */
  pollInitial?: number;
  pollMax?: number;
  /** What the deadline error names: "deployment 4f2c… of api". */
  what?: string;
}

export interface WatchResult {
  status: string;
  verdict: Verdict;
  /** HTTP status checks made while waiting. */
  checks: number;
  /** Whether the socket was lost and the wait ended by polling (a reconnected socket does not count). */
  fellBack: boolean;
  lines: Array<{ kind: LogKind; line: LogLine }>;
}

export async function watchDeployment(options: WatchOptions): Promise<WatchResult> {
  const clock = options.clock ?? systemClock;
  const { client, deploymentId, subscriptions } = options;
  const heartbeat = options.heartbeat ?? 60_000;
  const pollMax = options.pollMax ?? 30_000;
  let pollPause = options.pollInitial ?? 2_000;
  const deadline = clock.now() + options.timeout;
  const lines: WatchResult['lines'] = [];
  const seen = new Set<string>();
  let status = 'QUEUED';
  let checks = 0;
  let socketLost = subscriptions === undefined;
  let socketUpAtEnd = false;
  let wake = new AbortController();

  const setStatus = (next: string): void => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  };
  const addLine = (kind: LogKind, line: LogLine): void => {
    const key = `${kind}\u0000${line.timestamp}\u0000${line.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    lines.push({ kind, line });
    options.onLog?.(kind, line);
  };
  const lost = (): void => {
    socketLost = true;
    wake.abort();
  };

  const unsubscribe: Array<() => void> = [];
  if (subscriptions) {
    unsubscribe.push(
      subscriptions.subscribe<{ deployment: { status: string } }>(
        DEPLOYMENT_SUBSCRIPTION,
        { id: deploymentId },
        {
          next: (data) => {
            setStatus(data.deployment.status);
            wake.abort();
          },
          // A server that ends the subscription once the status is final has said all there is.
          error: () => {
            if (!isFinal(status)) lost();
          },
        },
      ),
    );
    if (options.logs !== false) {
      for (const [kind, query, field] of [
        ['build', BUILD_LOGS_SUBSCRIPTION, 'buildLogs'],
        ['deploy', DEPLOYMENT_LOGS_SUBSCRIPTION, 'deploymentLogs'],
      ] as const) {
        unsubscribe.push(
          subscriptions.subscribe<Record<string, LogLine[]>>(
            query,
            { deploymentId, limit: 500 },
            {
              next: (data) => {
                for (const line of data[field] ?? []) addLine(kind, line);
              },
              // A lost log stream is not a verdict: the snapshot at the end fills the gap.
              error: () => {},
            },
          ),
        );
      }
    }
  }

  try {
    while (!isFinal(status)) {
      if (options.signal?.aborted) throw cancellation(options.signal);
      const left = deadline - clock.now();
      if (left <= 0) {
        throw new DeadlineError(
          `Timed out after ${formatDuration(options.timeout)} waiting for ${options.what ?? `deployment ${deploymentId}`} to finish; last status: ${status}`,
          status,
          'Raise timeout if builds take longer, or look at the build logs on Railway.',
        );
      }
      // The socket counts while it is connecting or open; once lost, HTTP polling takes over.
      const socketUp = !socketLost && subscriptions !== undefined && subscriptions.state !== 'closed';
      const pause = Math.min(socketUp ? heartbeat : pollPause, left);
      wake = new AbortController();
      const woken = wake.signal;
      try {
        await clock.sleep(pause, options.signal ? AbortSignal.any([options.signal, woken]) : woken);
      } catch (error) {
        if (options.signal?.aborted || !woken.aborted) throw error;
        continue; // an event arrived: look at the status again, no request needed
      }
      if (!socketUp) pollPause = Math.min(pollPause * 1.5, pollMax);
      checks++;
      setStatus((await client.deployment(deploymentId)).status);
    }
  } finally {
    // Whether the socket was up when the end came, read before unsubscribing: the last
    // unsubscribe lets graphql-ws (lazy) close the socket normally, which is not a loss.
    socketUpAtEnd = !socketLost && subscriptions?.state === 'open';
    for (const stop of unsubscribe) stop();
  }

  if (options.logs !== false) {
    try {
      const last = await client.logs(deploymentId, 500);
      for (const line of last.build) addLine('build', line);
      for (const line of last.deploy) addLine('deploy', line);
    } catch {
      // The verdict stands without the tail of the logs.
    }
  }
  // Ended by polling: the socket was given up, or was down (reconnecting) when the end came.
  const fellBack = subscriptions !== undefined && !socketUpAtEnd;
  return { status, verdict: classifyStatus(status), checks, fellBack, lines };
}
