/**
 * The one entry wrapper every action's main goes through. It parses the inputs before anything
 * else, runs the action with a context of injected IO, and turns whatever happens into one
 * clear outcome:
 * - a user error (bad input, refused token, failed deploy): one `::error::` line with a hint,
 *   no stack;
 * - an internal error (a bug of ours): the message, and the stack only when step debugging is on;
 * - SIGINT/SIGTERM (the run was cancelled): the action's signal aborts, its cancel hooks run
 *   (cancel what it started), and the step ends as cancelled.
 * A `status` output is always set. Every message goes out as a workflow command, which escapes
 * newlines: an error carrying outside text (`…\n::set-output …`) cannot start a line of its own.
 */
import { type Clock, systemClock } from './clock.ts';
import { type RunContext, readRunContext } from './context.ts';
import { CancelledError, errorMessage, isUserError } from './errors.ts';
import { HttpClient, type HttpClientOptions } from './http.ts';
import { type InputSpecs, type ParsedInputs, parseInputs } from './inputs.ts';
import type { ActionManifest } from './manifest.ts';
import { Runner } from './runner.ts';

export interface ActionContext {
  runner: Runner;
  env: NodeJS.ProcessEnv;
  github: RunContext;
  clock: Clock;
  /** Aborts when the run is cancelled. */
  signal: AbortSignal;
  /** A client bound to the run's logger and cancellation. */
  http(options?: HttpClientOptions): HttpClient;
  /** Registers work to undo or cancel when the run is cancelled (newest first). */
  onCancel(hook: () => Promise<void> | void): void;
  /**
   * Runs work that must not be cut off half way (a restore inside its transaction). While it
   * runs, a second signal does not exit the process: it aborts `urgent` instead, so the work
   * winds down (rolls back) and the step still writes its outputs before it ends.
   */
  critical<T>(what: string, body: (urgent: AbortSignal) => Promise<T>): Promise<T>;
}

export interface ActionResult {
  /** The `status` output; 'success' when left out. */
  status?: string;
}

export interface RunDependencies {
  env: NodeJS.ProcessEnv;
  runner: Runner;
  clock: Clock;
  fetch: HttpClientOptions['fetch'];
  /** Installs signal handlers; returns the function that removes them. */
  onSignal: (handler: (signal: NodeJS.Signals) => void) => () => void;
}

const defaultOnSignal: RunDependencies['onSignal'] = (handler) => {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
};

/** Runs an action; resolves to the process exit code. */
export async function runAction<S extends InputSpecs>(
  manifest: ActionManifest<S>,
  main: (inputs: ParsedInputs<S>, ctx: ActionContext) => Promise<ActionResult | void>,
  dependencies: Partial<RunDependencies> = {},
): Promise<number> {
  const env = dependencies.env ?? process.env;
  const runner = dependencies.runner ?? new Runner({ env });
  const clock = dependencies.clock ?? systemClock;
  const controller = new AbortController();
  const cancelHooks: Array<() => Promise<void> | void> = [];
  const criticalSections = new Set<{ what: string; urgent: AbortController }>();
  let status = 'success';
  let exitCode = 0;

  const removeSignalHandlers = (dependencies.onSignal ?? defaultOnSignal)((signal) => {
    if (controller.signal.aborted && criticalSections.size > 0) {
      // A second signal while work that must not be cut runs: ask it to wind down, and wait.
      for (const section of criticalSections) {
        runner.warning(`Received ${signal} again: waiting for ${section.what} to finish or roll back before stopping.`);
        section.urgent.abort(new CancelledError(`The step was cancelled (${signal}) during ${section.what}.`));
      }
      return;
    }
    if (controller.signal.aborted) {
      // A second signal: the runner is about to kill us; leave now.
      setStatus(runner, 'cancelled');
      process.exit(1);
    }
    runner.warning(`Received ${signal}: cancelling ${manifest.name}.`);
    controller.abort(new CancelledError(`The step was cancelled (${signal}).`));
  });

  const ctx: ActionContext = {
    runner,
    env,
    github: readRunContext(env),
    clock,
    signal: controller.signal,
    http: (options = {}) =>
      new HttpClient({
        fetch: dependencies.fetch,
        clock,
        logger: runner,
        // Error excerpts of answers are scrubbed with the run's secrets before they are folded.
        secrets: runner.secrets,
        signal: controller.signal,
        userAgent: `deploy-suite-${manifest.name}`,
        ...options,
      }),
    onCancel: (hook) => cancelHooks.unshift(hook),
    critical: async (what, body) => {
      const section = { what, urgent: new AbortController() };
      criticalSections.add(section);
      try {
        return await body(section.urgent.signal);
      } finally {
        criticalSections.delete(section);
      }
    },
  };

  try {
    const inputs = parseInputs({ specs: manifest.inputs, env, runner, check: manifest.check });
    const result = await main(inputs, ctx);
    if (controller.signal.aborted) throw controller.signal.reason;
    status = result?.status ?? 'success';
  } catch (error) {
    exitCode = 1;
    if (controller.signal.aborted || error instanceof CancelledError) {
      status = 'cancelled';
      for (const hook of cancelHooks) {
        try {
          await hook();
        } catch (hookError) {
          runner.warning(`While cancelling: ${errorMessage(hookError)}`);
        }
      }
      runner.error(errorMessage(error instanceof CancelledError ? error : controller.signal.reason));
    } else if (isUserError(error)) {
      status = 'failure';
      runner.error(error.hint ? `${error.message}\nHint: ${error.hint}` : error.message);
    } else {
      status = 'failure';
      const stack = error instanceof Error ? error.stack : undefined;
      runner.error(
        `Internal error in ${manifest.name}: ${errorMessage(error)}\n` +
          'This is a bug in the action, not in your workflow. Re-run with step debug logging for the stack trace and report it.',
      );
      if (stack) runner.debug(stack);
    }
  } finally {
    removeSignalHandlers();
    runner.resumeCommands();
    setStatus(runner, status);
  }
  return exitCode;
}

/**
 * Sets the `status` output. A GITHUB_OUTPUT that cannot be written is reported as a warning: the
 * step's real outcome (and its one `::error::`) stands.
 */
function setStatus(runner: Runner, status: string): void {
  try {
    runner.setOutput('status', status);
  } catch (error) {
    runner.warning(`Could not set the status output to '${status}': ${errorMessage(error)}`);
  }
}
