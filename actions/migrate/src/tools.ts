/**
 * Runs the migration tool's commands: finds the program (node tools in node_modules/.bin,
 * `python3` or `python` for Django), streams its output inside a `stop-commands` block (tool
 * output is outside text: a line like `::set-output …` must not reach the runner as a command),
 * reads its status, and turns a Python tool's missing module into one line that says what to
 * install instead of a traceback.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '@deploy-suite/core/errors';
import { type ExecResult, exec, findExecutable } from '@deploy-suite/core/exec';
import type { ActionContext } from '@deploy-suite/core/run';
import { excerpt, UntrustedStream, untrustedBlock } from '@deploy-suite/core/untrusted';
import type { Plan } from './plan.ts';
import { type Command, PYTHON_CANDIDATES } from './presets.ts';
import type { StatusReport } from './status.ts';

/** Finds a node tool the way npx would: node_modules/.bin in the directory or an ancestor. */
function nodeBin(name: string, cwd: string): string | undefined {
  for (let dir = cwd; ; dir = resolve(dir, '..')) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (existsSync(candidate)) return candidate;
    if (resolve(dir, '..') === dir) return undefined;
  }
}

/** Debian packages for the Python modules the presets need. */
const DEBIAN_PYTHON: Record<string, string> = {
  django: 'python3-django',
  alembic: 'python3-alembic',
  sqlalchemy: 'python3-sqlalchemy',
  psycopg2: 'python3-psycopg2',
  psycopg: 'python3-psycopg',
};

/** `ModuleNotFoundError: No module named 'django'` → one clear error, else undefined. */
export function missingPythonModule(output: string, label: string): UserError | undefined {
  const name = /ModuleNotFoundError: No module named '([\w.]+)'/.exec(output)?.[1];
  if (!name) return undefined;
  const top = name.split('.')[0] ?? name;
  const debian = DEBIAN_PYTHON[top.toLowerCase()] ?? `python3-${top.toLowerCase()}`;
  return new UserError(`${label} cannot run: the Python module '${name}' is not installed for the Python it runs with.`, {
    hint: `Install the project's requirements in an earlier step (pip install -r requirements.txt), or on Debian/Ubuntu: sudo apt-get install -y ${debian}.`,
  });
}

export class Tools {
  private readonly plan: Plan;
  private readonly ctx: ActionContext;

  constructor(plan: Plan, ctx: ActionContext) {
    this.plan = plan;
    this.ctx = ctx;
  }

  /** argv[0] made runnable, or a clear error naming the program and where it was looked for. */
  resolve(command: Command, role: string): string[] {
    const { cwd, env, inputs, preset } = this.plan;
    const [program = '', ...args] = command.argv;
    let file: string | undefined;
    if (command.node) file = nodeBin(program, cwd);
    else if (program === 'python3' && inputs.tool === 'django' && !inputs.command)
      file = PYTHON_CANDIDATES.map((p) => findExecutable(p, { cwd, path: env.PATH })).find(Boolean);
    else file = findExecutable(program, { cwd, path: env.PATH });
    if (!file) {
      const where = command.node ? `node_modules/.bin in ${cwd} or above` : 'PATH';
      throw new UserError(`The ${role} command's program '${program}' was not found (looked in ${where}).`, {
        hint: preset.install,
      });
    }
    return [file, ...args];
  }

  /**
   * Runs a command; with `stream`, its output goes to the log as it comes, inert. `signal`
   * replaces the run's cancellation (a rollback must not be stopped by the cancel that caused it).
   */
  async run(
    argv: string[],
    label: string,
    stream = true,
    signal: AbortSignal | undefined = this.ctx.signal,
  ): Promise<ExecResult> {
    const [file = '', ...args] = argv;
    const { runner } = this.ctx;
    const block = new UntrustedStream(runner);
    try {
      return await exec(file, args, {
        cwd: this.plan.cwd,
        env: this.plan.env,
        timeout: this.plan.inputs.timeout,
        signal,
        label,
        scrub: (text) => runner.secrets.scrub(text),
        okExitCodes: stream ? [0] : 'any',
        ...(stream ? { onLine: (line: string) => block.line(line) } : {}),
      });
    } catch (error) {
      const stderr = (error as { stderr?: unknown }).stderr;
      const missing = typeof stderr === 'string' ? missingPythonModule(stderr, label) : undefined;
      throw missing ?? error;
    } finally {
      block.close();
    }
  }

  /** The tool's status, its output shown inert; an answer the parser calls an error stops the run. */
  async status(argv: string[] | undefined): Promise<StatusReport | undefined> {
    if (!argv) return undefined;
    const { runner } = this.ctx;
    const answer = await this.run(argv, 'The status command', false);
    const lines = answer.stdout.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 0)
      untrustedBlock(
        runner,
        lines.map((l) => `  ${l}`),
      );
    const report = this.plan.preset.parseStatus(answer);
    if (!report.ok) {
      const missing = missingPythonModule(`${answer.stderr}\n${answer.stdout}`, 'The status command');
      if (missing) throw missing;
      throw new UserError(`Could not read the migration status (${answer.display}): ${excerpt(report.error, runner.secrets)}`, {
        hint: 'Nothing was changed. Check the database settings the tool reads and the status command.',
      });
    }
    return report;
  }
}
