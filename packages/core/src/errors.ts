/**
 * Two kinds of failure, as in codeql-action: a user error is something the person running the
 * workflow can fix (bad input, bad token, a deploy that failed, a check that did not pass) and is
 * reported as one `::error::` line with a hint and no stack; anything else is an internal error,
 * a bug of ours, reported with its stack when step debugging is on.
 */
export class UserError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'UserError';
    this.hint = options.hint;
  }
}

/** One problem with one input: the input's name, what was given, and the form that is expected. */
export interface InputProblem {
  input: string;
  /** The value as it may be shown: already masked when the input is a secret. */
  shown: string;
  expected: string;
}

/** Every invalid input of a run, reported together before any side effect. */
export class InputError extends UserError {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[], hint?: string) {
    const lines = problems.map((p) => `Input '${p.input}' ${p.shown}: ${p.expected}`);
    const message =
      lines.length === 1 ? (lines[0] ?? '') : `${lines.length} inputs are invalid:\n${lines.map((l) => `- ${l}`).join('\n')}`;
    super(message, { hint: hint ?? 'Fix the step inputs in your workflow file.' });
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** A wait that ran out of time; says what it was waiting for and what it saw last. */
export class DeadlineError extends UserError {
  readonly lastState: string | undefined;

  constructor(message: string, lastState?: string, hint?: string) {
    super(message, hint === undefined ? {} : { hint });
    this.name = 'DeadlineError';
    this.lastState = lastState;
  }
}

/** The run was cancelled (SIGINT/SIGTERM from the runner, or an abort signal). */
export class CancelledError extends UserError {
  constructor(message = 'The step was cancelled.') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
