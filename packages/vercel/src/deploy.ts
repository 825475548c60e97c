/**
 * A deploy through @vercel/client's `createDeployment` (hashing, `.vercelignore`, the API's
 * `missing_files` answer, prebuilt output, `archive: 'tgz'`, the deployment's creation), wrapped
 * with what it lacks:
 * - a deadline and cancellation: its generator is pulled one event at a time and abandoned the
 *   moment the deadline passes or the run is cancelled;
 * - a sane wait: it stops being pulled once the deployment exists, because its own status loop
 *   polls forever after CANCELED and, after READY, until aliases are assigned, with no deadline.
 *   We poll `GET /v13/deployments/{id}` ourselves with the core poll (deadline, backoff);
 * - uploads through the core HTTP client: when createDeployment reports the files the API lacks,
 *   it is stopped there and upload.ts sends them (retries on 429 after `Retry-After`, 5xx and
 *   network errors; a fixed pool of workers), then createDeployment runs again and, with nothing
 *   missing, creates the deployment. Its own uploader gives up on the first 429 and slows down
 *   with the square of the file count. With `archive: 'tgz'` its uploader sends the few parts
 *   (they are packed anew on every pass, so a second pass could not find them uploaded);
 * - a creation that meets a transient failure (429, 5xx, a broken connection) starts over after
 *   the answer's `Retry-After`;
 * - its events become our progress lines.
 * It sends with the global fetch (it takes no fetch function, only an undici dispatcher, used here
 * to read `Retry-After`), so its one request, the creation, does not pass through the core HTTP
 * client; the uploads and everything after creation do.
 * @vercel/client loads on the first deploy, never at startup.
 */
import { join } from 'node:path';
import { type Clock, cancellation, systemClock } from '@deploy-suite/core/clock';
import { CancelledError, DeadlineError, errorMessage, UserError } from '@deploy-suite/core/errors';
import { formatDuration } from '@deploy-suite/core/input-types';
import { poll } from '@deploy-suite/core/poll';
import { toDeployment, type VercelApi } from './api.ts';
import { UploadMeter } from './progress.ts';
import { RetryAfterObserver } from './retry-after.ts';
import type { DeployResult, VercelDeployment, VercelProject } from './types.ts';
import { type HashedFile, uploadMissing } from './upload.ts';

export interface GitMetadata {
  commitSha?: string;
  commitRef?: string;
  commitMessage?: string;
  commitAuthorName?: string;
  remoteUrl?: string;
  dirty?: boolean;
}

/** The part of @vercel/client this wrapper uses. */
export type CreateDeployment = (
  clientOptions: Record<string, unknown>,
  deploymentOptions: Record<string, unknown>,
) => AsyncIterable<{ type: string; payload?: unknown }>;

export interface DeployRequest {
  api: VercelApi;
  /** Used to cancel the deployment when the run is cancelled (its HTTP client must not be). */
  cancelApi?: VercelApi;
  token: string;
  /** Absolute path of the tree (the project root; with `prebuilt`, the folder holding `.vercel/output`). */
  path: string;
  project: VercelProject;
  production: boolean;
  /** For production: false stages it (built with production settings, domains left where they are). */
  promote: boolean;
  prebuilt: boolean;
  archive?: 'tgz' | undefined;
  env?: Record<string, string> | undefined;
  buildEnv?: Record<string, string> | undefined;
  meta?: Record<string, string> | undefined;
  gitMetadata?: GitMetadata | undefined;
  /** For the whole deploy, upload and build included, in ms. */
  timeout: number;
  /** Wait for READY (or a failure); false returns once the deployment is created. */
  wait: boolean;
  signal?: AbortSignal | undefined;
  clock?: Clock;
  userAgent?: string;
  onProgress?: (line: string) => void;
  onCreated?: (deployment: VercelDeployment) => void;
  /** How many times a deploy that met a transient failure (429, 5xx, a broken connection) starts over; default 5. */
  rateLimitRetries?: number;
  /** Files uploaded at once; default 16. */
  uploadConcurrency?: number;
  /** Poll cap between two status checks, in ms; default 5 s. */
  pollInterval?: number;
  loadClient?: () => Promise<CreateDeployment>;
}

/** A deployment that ended in ERROR or CANCELED; carries the last lines of its build output. */
export class DeploymentFailedError extends UserError {
  readonly deployment: VercelDeployment;
  readonly logs: string[];

  constructor(deployment: VercelDeployment, logs: string[]) {
    const reason = deployment.errorMessage ?? deployment.errorCode ?? (deployment.readyState === 'CANCELED' ? 'canceled' : '');
    super(`Vercel deployment ${deployment.id} ended ${deployment.readyState}${reason ? `: ${reason}` : ''}`, {
      hint:
        deployment.readyState === 'CANCELED'
          ? 'Someone or something canceled it (a newer deployment, the dashboard, or this step on its deadline).'
          : 'The build failed: its last lines are above and in the summary; the inspector link has the whole log.',
    });
    this.name = 'DeploymentFailedError';
    this.deployment = deployment;
    this.logs = logs;
  }
}

const loadVercelClient = async (): Promise<CreateDeployment> =>
  (await import('@vercel/client')).createDeployment as unknown as CreateDeployment;

interface ClientError {
  code?: string | undefined;
  message?: string | undefined;
  status?: number | undefined;
  /** fetch failed: refused, reset, timed out. */
  network?: boolean;
}

function isRateLimited(error: ClientError): boolean {
  return error.status === 429 || error.code === 'rate_limited' || /rate.?limit/i.test(error.code ?? '');
}

/**
 * Failures worth starting over for: the API throttled or failed (429, 408, 5xx, seen in the
 * error or by the dispatcher), the connection broke (@vercel/client retries only some socket
 * errors), or files it had accepted went missing. A restart sends only what is still missing.
 */
function isTransient(error: ClientError, seenStatus: number | undefined): boolean {
  if (isRateLimited(error) || error.code === 'missing_files') return true;
  const status = error.status ?? seenStatus;
  if (status !== undefined && (status === 408 || status === 429 || status >= 500)) return true;
  return error.network === true;
}

/** Resolves with the promise, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // The abandoned promise may still reject later; that must not become an unhandled rejection.
  promise.catch(() => {});
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export async function deploy(request: DeployRequest): Promise<DeployResult> {
  const clock = request.clock ?? systemClock;
  const progress = request.onProgress ?? (() => {});
  const started = clock.now();
  const deadlineAt = started + request.timeout;
  const deadlineError = () =>
    new DeadlineError(`The deploy did not finish within ${formatDuration(request.timeout)} (the timeout input).`);

  // One signal for the upload phase: the run's cancellation or our deadline, whichever is first.
  const stopTimer = new AbortController();
  const deadline = new AbortController();
  clock.sleep(request.timeout, stopTimer.signal).then(
    () => deadline.abort(deadlineError()),
    () => {},
  );
  const stop = AbortSignal.any([deadline.signal, ...(request.signal ? [request.signal] : [])]);
  const reasonOf = (): Error =>
    request.signal?.aborted ? cancellation(request.signal) : ((deadline.signal.reason as Error) ?? deadlineError());

  let created: VercelDeployment | undefined;
  try {
    const createDeployment = await (request.loadClient ?? loadVercelClient)();
    const observer = new RetryAfterObserver();
    const dispatcher = await observer.dispatcher();
    const meter = new UploadMeter(progress, clock);
    const maxRetries = request.rateLimitRetries ?? 5;
    let attempts = 0;
    let uploadRounds = 0;

    while (created === undefined) {
      attempts++;
      observer.take(); // what an earlier attempt saw says nothing about this one
      const outcome = await runCreate(request, createDeployment, dispatcher, meter, stop, reasonOf);
      if ('deployment' in outcome) {
        created = outcome.deployment;
        break;
      }
      if ('missing' in outcome) {
        if (++uploadRounds > maxRetries)
          throw new UserError(`Vercel still reports ${outcome.missing.length} files missing after ${maxRetries} uploads.`, {
            hint: 'Run the step again; if it persists, the API is losing uploads.',
          });
        meter.missing(outcome.missing, outcome.files);
        await untilAborted(
          uploadMissing(request.api, outcome.files, outcome.missing, {
            signal: stop,
            concurrency: request.uploadConcurrency ?? 16,
            onUploaded: (_, file) => meter.uploaded(file),
          }),
          stop,
        ).catch((error: unknown) => {
          throw stop.aborted ? reasonOf() : error;
        });
        meter.done();
        continue;
      }
      const error = outcome.error;
      const seen = observer.take();
      if (!isTransient(error, seen.status) || attempts > maxRetries) {
        throw new UserError(
          `Vercel refused the deployment: ${error.code ? `${error.code}: ` : ''}${error.message ?? 'no reason given'}`,
          { hint: hintFor(error) },
        );
      }
      const wait = seen.retryAfterMs ?? Math.min(30_000, 1000 * 2 ** (attempts - 1));
      if (clock.now() + wait > deadlineAt) throw deadlineError();
      const why =
        isRateLimited(error) || seen.status === 429
          ? 'Vercel is rate limiting'
          : `Vercel failed (${error.code ?? seen.status ?? error.message})`;
      progress(`${why}; trying again in ${formatDuration(wait)} (attempt ${attempts + 1}).`);
      await clock.sleep(wait, stop).catch(() => {
        throw reasonOf();
      });
    }

    request.onCreated?.(created);
    progress(`Created deployment ${created.id}: https://${created.url}`);
    if (created.inspectorUrl) progress(`Inspect: ${created.inspectorUrl}`);
    const counts = meter.totals();
    const result = (deployment: VercelDeployment): DeployResult => ({ deployment, ...counts, attempts });
    if (!request.wait) return result(created);

    const final = await waitForDeployment(request.api, created.id, {
      timeout: Math.max(0, deadlineAt - clock.now()),
      signal: request.signal,
      clock,
      interval: request.pollInterval ?? 5000,
      onProgress: progress,
      initial: created,
    });
    if (final.readyState !== 'READY') {
      const logs = await request.api.buildLogs(final.id).catch(() => []);
      throw new DeploymentFailedError(final, logs);
    }
    if (final.aliasError)
      throw new UserError(`Vercel could not assign the aliases: ${final.aliasError.message ?? final.aliasError.code}`);
    return result(final);
  } catch (error) {
    if (created && (error instanceof DeadlineError || error instanceof CancelledError || request.signal?.aborted)) {
      await cancelQuietly(request.cancelApi ?? request.api, created.id, progress);
      if (error instanceof DeadlineError)
        throw new DeadlineError(`${error.message} Deployment ${created.id} was canceled.`, error.lastState);
    }
    throw error;
  } finally {
    stopTimer.abort();
  }
}

/** One run of createDeployment, up to the `created` event or an error event. */
async function runCreate(
  request: DeployRequest,
  createDeployment: CreateDeployment,
  dispatcher: unknown,
  meter: UploadMeter,
  stop: AbortSignal,
  reasonOf: () => Error,
): Promise<{ deployment: VercelDeployment } | { error: ClientError } | { missing: string[]; files: Map<string, HashedFile> }> {
  const production = request.production;
  const clientOptions: Record<string, unknown> = {
    token: request.token,
    path: request.path,
    apiUrl: request.api.apiUrl,
    ...(request.api.teamId ? { teamId: request.api.teamId } : {}),
    ...(request.prebuilt ? { prebuilt: true, vercelOutputDir: join(request.path, '.vercel', 'output') } : {}),
    ...(request.archive ? { archive: request.archive } : {}),
    ...(request.userAgent ? { userAgent: request.userAgent } : {}),
    ...(dispatcher ? { dispatcher } : {}),
    projectName: request.project.name,
  };
  const deploymentOptions: Record<string, unknown> = {
    name: request.project.name,
    project: request.project.id,
    ...(production ? { target: 'production' } : {}),
    ...(production && !request.promote ? { autoAssignCustomDomains: false } : {}),
    ...(request.env && Object.keys(request.env).length > 0 ? { env: request.env } : {}),
    ...(request.buildEnv && Object.keys(request.buildEnv).length > 0 ? { build: { env: request.buildEnv } } : {}),
    ...(request.meta && Object.keys(request.meta).length > 0 ? { meta: request.meta } : {}),
    ...(request.gitMetadata ? { gitMetadata: request.gitMetadata } : {}),
  };

  let iterator: AsyncIterator<{ type: string; payload?: unknown }>;
  try {
    iterator = createDeployment(clientOptions, deploymentOptions)[Symbol.asyncIterator]();
  } catch (error) {
    return { error: clientError(error) };
  }
  try {
    for (;;) {
      let step: IteratorResult<{ type: string; payload?: unknown }>;
      try {
        step = await untilAborted(iterator.next(), stop);
      } catch (error) {
        if (stop.aborted) throw reasonOf();
        return { error: clientError(error) };
      }
      if (step.done) throw new Error('@vercel/client ended without creating a deployment');
      const { type, payload } = step.value;
      switch (type) {
        case 'hashes-calculated':
          meter.hashed(payload as Record<string, { names: string[]; data?: Uint8Array; size?: number }>);
          break;
        case 'file-count': {
          const p = payload as { missing: string[]; total: Map<string, HashedFile> };
          // The API's missing_files: we upload them (upload.ts). Not a tgz: it is packed afresh
          // on every pass (in no fixed order), so the parts must go up in the pass that made them.
          if (!request.archive) return { missing: p.missing, files: p.total };
          meter.missing(p.missing, p.total);
          break;
        }
        case 'file-uploaded':
          meter.uploaded((payload as { file: HashedFile }).file);
          break;
        case 'all-files-uploaded':
          meter.done();
          break;
        case 'warning':
        case 'notice':
        case 'tip':
          request.onProgress?.(`Vercel ${type}: ${String(payload)}`);
          break;
        case 'created':
          return { deployment: toDeployment(payload as Record<string, unknown>) };
        case 'error':
          return { error: clientError(payload) };
        default:
          break;
      }
    }
  } finally {
    // A suspended generator finishes here; a running one finishes on its next step, unobserved.
    iterator.return?.().catch(() => {});
  }
}

function clientError(error: unknown): ClientError {
  if (error && typeof error === 'object') {
    const e = error as ClientError & { cause?: { code?: unknown } };
    const network =
      (error instanceof TypeError && e.message === 'fetch failed') ||
      (typeof e.cause?.code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(e.cause.code));
    return { code: e.code, message: e.message ?? errorMessage(error), status: e.status, network };
  }
  return { message: String(error) };
}

function hintFor(error: ClientError): string {
  if (error.status === 401 || error.status === 403 || error.code === 'forbidden')
    return 'Check the token secret and, for a team project, the team-id input.';
  if (error.code === 'missing_files') return 'Vercel lost uploaded files; run the step again.';
  if (error.status === 429 || error.code === 'rate_limited') return 'Vercel kept rate limiting; try again later.';
  return 'Check the path and project inputs; the message above is Vercel’s.';
}

async function cancelQuietly(api: VercelApi, id: string, progress: (line: string) => void): Promise<void> {
  try {
    await api.cancel(id);
    progress(`Canceled deployment ${id}.`);
  } catch (error) {
    progress(`Could not cancel deployment ${id}: ${errorMessage(error)}`);
  }
}

export interface WaitOptions {
  timeout: number;
  signal?: AbortSignal | undefined;
  clock?: Clock;
  interval?: number;
  onProgress?: (line: string) => void;
  /** The deployment as last seen, so the first change is reported once. */
  initial?: VercelDeployment;
}

/**
 * Polls a deployment until it is READY with its aliases assigned (or an alias error), ERROR or
 * CANCELED. A deadline ends the wait with what was seen last.
 */
export async function waitForDeployment(api: VercelApi, id: string, options: WaitOptions): Promise<VercelDeployment> {
  let lastState = options.initial?.readyState;
  const { value } = await poll<VercelDeployment>({
    what: `deployment ${id} to be ready`,
    timeout: options.timeout,
    interval: options.interval ?? 5000,
    initialInterval: Math.min(500, options.interval ?? 5000),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    hint: 'Raise the timeout input for long builds, or look at the build in the inspector.',
    check: async () => {
      const d = await api.getDeployment(id);
      if (d.readyState !== lastState) {
        options.onProgress?.(`Deployment ${id}: ${d.readyState}`);
        lastState = d.readyState;
      }
      if (d.readyState === 'ERROR' || d.readyState === 'CANCELED' || d.readyState === 'DELETED') return { done: true, value: d };
      if (d.readyState === 'READY' && (d.aliasAssigned || d.aliasError)) return { done: true, value: d };
      return { done: false, state: d.readyState === 'READY' ? 'READY, aliases not yet assigned' : d.readyState };
    },
  });
  return value;
}

/**
 * After a promote or rollback: polls the project until production points at the deployment and
 * the alias job succeeded. Returns the project as seen then.
 */
export async function waitForProduction(
  api: VercelApi,
  projectId: string,
  deploymentId: string,
  options: Omit<WaitOptions, 'initial'>,
): Promise<VercelProject> {
  const { value } = await poll<VercelProject>({
    what: `production of project ${projectId} to serve ${deploymentId}`,
    timeout: options.timeout,
    interval: options.interval ?? 5000,
    initialInterval: Math.min(500, options.interval ?? 5000),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    check: async () => {
      const project = await api.getProject(projectId);
      const job = project.lastAliasRequest;
      if (job && job.toDeploymentId === deploymentId && job.jobStatus === 'failed')
        throw new UserError(`Vercel could not switch production to ${deploymentId}: the ${job.type} job failed.`);
      if (
        project.productionDeploymentId === deploymentId &&
        (!job || job.toDeploymentId !== deploymentId || job.jobStatus === 'succeeded')
      )
        return { done: true, value: project };
      return {
        done: false,
        state: `production is ${project.productionDeploymentId ?? 'none'}${job ? `, ${job.type} ${job.jobStatus}` : ''}`,
      };
    },
  });
  return value;
}
