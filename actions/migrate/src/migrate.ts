/**
 * migrate: check → status → backup → apply → status again → summary; on failure, put the
 * database back (restore the backup, or run the rollback command) and fail with the tool's
 * error. Everything that can be checked is checked before the first change.
 */
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { errorMessage, InputError, UserError } from '@deploy-suite/core/errors';
import { type ExecResult, exec, findExecutable } from '@deploy-suite/core/exec';
import { formatDuration } from '@deploy-suite/core/input-types';
import type { ActionContext, ActionResult } from '@deploy-suite/core/run';
import { buildPgOptions, type Database, describeDatabase, parseDatabase, shouldBackup, toolEnv } from './database.ts';
import type { MigrateInputs } from './manifest.ts';
import {
  checkConnection,
  clientMajor,
  backup as dumpDatabase,
  findPgTools,
  type PgContext,
  restore,
  sameAsBackup,
} from './postgres.ts';
import { type Command, PRESETS, PYTHON_CANDIDATES, planCommands } from './presets.ts';
import type { StatusReport } from './status.ts';
import { formatBytes, writeSummary } from './summary.ts';

export interface Outcome {
  applied: string[];
  pending: string[] | undefined;
  backupFile: string;
  backupBytes: number | undefined;
  restored: boolean;
  dryRun: boolean;
  failure: string | undefined;
  durationMs: number;
}

const SENSITIVE_KEY = /pass|secret|token|key|auth|credential|private/i;

/** Finds a node tool the way npx would: node_modules/.bin in the directory or an ancestor. */
function nodeBin(name: string, cwd: string): string | undefined {
  for (let dir = cwd; ; dir = resolve(dir, '..')) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (existsSync(candidate)) return candidate;
    if (resolve(dir, '..') === dir) return undefined;
  }
}

function timestampForFile(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export async function migrate(inputs: MigrateInputs, ctx: ActionContext): Promise<ActionResult> {
  const { runner } = ctx;
  const started = ctx.clock.now();
  const scrub = (text: string): string => runner.secrets.scrub(text);
  const outcome: Outcome = {
    applied: [],
    pending: undefined,
    backupFile: '',
    backupBytes: undefined,
    restored: false,
    dryRun: inputs.dryRun,
    failure: undefined,
    durationMs: 0,
  };
  const preset = PRESETS[inputs.tool];

  // ---- Inputs that need the file system, still before any side effect.
  const workspace = ctx.env.GITHUB_WORKSPACE ?? process.cwd();
  const cwd = resolve(workspace, inputs.workingDirectory);
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    throw new InputError([
      {
        input: 'working-directory',
        shown: `got ${JSON.stringify(inputs.workingDirectory.slice(0, 80))}`,
        expected: 'expected an existing directory, relative to the workspace',
      },
    ]);
  }
  for (const [key, value] of inputs.env ?? []) {
    if (SENSITIVE_KEY.test(key) || /:\/\/[^/@\s]*:[^@/\s]+@/.test(value)) runner.setSecret(value);
  }
  const db: Database | undefined = inputs.databaseUrl ? parseDatabase(inputs.databaseUrl) : undefined;
  if (db?.password) runner.setSecret(db.password);

  // ---- The commands' environment: the runner's (less our own inputs), then the database's, then `env`.
  const userEnv = new Map(inputs.env ?? []);
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(ctx.env)) if (!key.startsWith('INPUT_')) base[key] = value;
  const pgOptions = buildPgOptions(userEnv.get('PGOPTIONS') ?? base.PGOPTIONS, {
    lockTimeout: inputs.lockTimeout,
    statementTimeout: inputs.statementTimeout,
  });
  const env: NodeJS.ProcessEnv = { ...base, ...toolEnv(inputs.tool, db, pgOptions) };
  for (const [key, value] of userEnv) if (key !== 'PGOPTIONS') env[key] = value;

  const commands = planCommands(preset, {
    command: inputs.command,
    statusCommand: inputs.statusCommand,
    rollbackCommand: inputs.rollbackCommand,
  });
  const doBackup = shouldBackup(inputs.backup, inputs.databaseUrl) && !inputs.dryRun;
  let pg: PgContext | undefined;

  /** argv[0] made runnable: node tools from node_modules/.bin, `python3` or `python` for Django. */
  const resolveCommand = (command: Command, role: string): string[] => {
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
  };

  const runTool = (argv: string[], label: string, stream = true): Promise<ExecResult> => {
    const [file = '', ...args] = argv;
    return exec(file, args, {
      cwd,
      env,
      timeout: inputs.timeout,
      signal: ctx.signal,
      label,
      scrub,
      okExitCodes: stream ? [0] : 'any',
      ...(stream ? { onLine: (line: string) => runner.info(line) } : {}),
    });
  };

  const readStatus = async (argv: string[] | undefined): Promise<StatusReport | undefined> => {
    if (!argv) return undefined;
    const answer = await runTool(argv, 'The status command', false);
    for (const line of `${answer.stdout}`.split('\n').filter((l) => l.trim() !== '')) runner.info(`  ${line}`);
    const report = preset.parseStatus(answer);
    if (!report.ok) {
      throw new UserError(`Could not read the migration status (${answer.display}): ${scrub(report.error)}`, {
        hint: 'Nothing was changed. Check the database settings the tool reads and the status command.',
      });
    }
    return report;
  };

  const publish = (): void => {
    outcome.durationMs = ctx.clock.now() - started;
    runner.setOutput('applied', outcome.applied.join('\n'));
    runner.setOutput('pending', (outcome.pending ?? []).join('\n'));
    runner.setOutput('backup-file', outcome.backupFile);
    runner.setOutput('restored', outcome.restored);
    writeSummary(runner, { tool: inputs.tool, database: db ? describeDatabase(db) : undefined, outcome });
  };

  let rollbackArgv: string[] | undefined;
  try {
    // ---- Check: programs, files and the database, before anything changes.
    let statusArgv: string[] | undefined;
    let applyArgv: string[] = [];
    await runner.group('Check the tools and the database', async () => {
      if (preset.needs && !inputs.command && !existsSync(join(cwd, preset.needs))) {
        throw new UserError(`No ${preset.needs} in ${cwd}: is this the ${inputs.tool} project?`, {
          hint: 'Set working-directory to the folder that holds it.',
        });
      }
      applyArgv = resolveCommand(commands.apply, 'apply');
      statusArgv = commands.status ? resolveCommand(commands.status, 'status') : undefined;
      rollbackArgv = commands.rollback ? resolveCommand(commands.rollback, 'rollback') : undefined;
      runner.info(`Tool: ${inputs.tool}; apply: ${commands.apply.argv.join(' ')}`);
      if (pgOptions) runner.info(`PGOPTIONS: ${pgOptions}`);

      if (!db) {
        runner.warning(
          'No database-url: no backup is taken, and the tool reads its own database settings. Give database-url to back up first.',
        );
        return;
      }
      if (!db.postgres) {
        runner.info(`The database is not PostgreSQL (${new URL(db.url).protocol}): no backup.`);
        return;
      }
      const found = findPgTools(env.PATH);
      if (!found.tools) {
        if (doBackup) {
          throw new UserError(`The PostgreSQL client programs needed for the backup are missing: ${found.missing.join(', ')}.`, {
            hint: 'Install them first (sudo apt-get install -y postgresql-client), or set backup: false.',
          });
        }
        runner.info(`No ${found.missing.join(', ')} here: the connection is not checked ahead.`);
        return;
      }
      pg = { db, tools: found.tools, baseEnv: env, scrub, log: (line) => runner.info(line) };
      const serverMajor = await checkConnection(pg, Math.min(inputs.timeout, 60_000), ctx.signal);
      runner.info(`Connected to PostgreSQL ${serverMajor} at ${describeDatabase(db)}.`);
      if (doBackup) {
        const dumpMajor = await clientMajor(pg, found.tools.pgDump);
        if (dumpMajor < serverMajor) {
          throw new UserError(`pg_dump ${dumpMajor} cannot back up a PostgreSQL ${serverMajor} server.`, {
            hint: `Install postgresql-client-${serverMajor} in an earlier step (the PostgreSQL apt repository has it).`,
          });
        }
      }
    });

    // ---- Status: what is pending.
    const before = await runner.group('Status: what is pending', () => readStatus(statusArgv));
    if (before?.ok && before.pending !== undefined) {
      outcome.pending = before.pending;
      runner.info(
        before.pending.length === 0 ? 'Nothing is pending.' : `Pending (${before.pending.length}): ${before.pending.join(', ')}`,
      );
      if (before.pending.length === 0) {
        runner.info('The database is up to date: nothing to back up or apply.');
        return { status: 'success' };
      }
    } else if (before?.ok) {
      runner.info(`Pending: unknown, ${before.why}.`);
    } else {
      runner.info('No status command: what is pending is unknown, so the migration runs.');
    }

    // ---- Dry run: the tool's plan, and nothing else.
    if (inputs.dryRun) {
      const plan = before && commands.dryRun ? commands.dryRun(before) : undefined;
      if (plan) {
        const argv = resolveCommand(plan, 'dry-run');
        await runner.group(`Dry run: ${plan.argv.join(' ')}`, () => runTool(argv, 'The dry run'));
      } else {
        runner.info(`Dry run: ${inputs.tool} has no plan mode here; the pending list above is what would be applied.`);
      }
      return { status: 'success' };
    }

    // ---- Backup.
    const backupDir = resolve(workspace, inputs.backupDir ?? join(ctx.env.RUNNER_TEMP ?? '/tmp', 'migrate-backups'));
    if (doBackup && pg) {
      const context = pg;
      await runner.group('Back up the database (pg_dump -Fc)', async () => {
        try {
          mkdirSync(backupDir, { recursive: true, mode: 0o700 });
        } catch (error) {
          throw new UserError(`Cannot create the backup directory ${backupDir}: ${errorMessage(error)}`, {
            hint: 'Set backup-dir to a writable folder.',
          });
        }
        const name = (db?.name || 'database').replace(/[^\w.-]+/g, '_');
        const file = join(backupDir, `${name}-${timestampForFile(ctx.clock.now())}.dump`);
        const t0 = ctx.clock.now();
        const bytes = await dumpDatabase(context, file, {
          lockTimeout: inputs.lockTimeout,
          timeout: inputs.timeout,
          signal: ctx.signal,
        });
        chmodSync(file, 0o600);
        outcome.backupFile = file;
        outcome.backupBytes = bytes;
        runner.info(`Backed up to ${file} (${formatBytes(bytes)}) in ${formatDuration(ctx.clock.now() - t0)}.`);
      });
    }

    // ---- Apply, then status again: nothing may be left pending.
    try {
      await runner.group(`Apply: ${commands.apply.argv.join(' ')}`, () => runTool(applyArgv, 'The migration'));
      const after = await runner.group('Status again: nothing may be pending', () => readStatus(statusArgv));
      if (after?.ok) {
        if (after.pending === undefined || after.pending.length > 0) {
          throw new UserError(
            `The migration command succeeded but ${after.pending ? `${after.pending.length} migration(s) are still pending: ${after.pending.join(', ')}` : `the status is still unknown (${after.why})`}.`,
          );
        }
        outcome.pending = [];
        outcome.applied = before?.ok && before.pending ? before.pending : [];
      }
      runner.info(
        outcome.applied.length > 0
          ? `Applied ${outcome.applied.length}: ${outcome.applied.join(', ')}`
          : 'The migration command succeeded.',
      );
      return { status: 'success' };
    } catch (error) {
      outcome.failure = errorMessage(error);
      const undo = await undoFailure(error);
      throw new UserError(`${errorMessage(error)}\n${undo}`, {
        hint: outcome.restored
          ? 'The database is back as it was before this step. Fix the migration and run again.'
          : outcome.backupFile
            ? `The backup taken before the migration is kept at ${outcome.backupFile}.`
            : 'Check the database state before running again.',
      });
    }
  } finally {
    publish();
  }

  /** Puts the database back after a failed migration; says what it did, in one sentence. */
  async function undoFailure(cause: unknown): Promise<string> {
    if (ctx.signal.aborted) runner.warning('Cancelled during the migration: putting the database back before stopping.');
    if (!inputs.restoreOnFailure) {
      return `restore-on-failure is off: the database was left as the failed migration left it${outcome.backupFile ? `; the backup is at ${outcome.backupFile}` : ''}.`;
    }
    if (outcome.backupFile && pg) {
      const context = pg;
      const file = outcome.backupFile;
      return runner.group('Restore the backup', async () => {
        try {
          // Restoring costs the app's writes since the backup: only when there is something to undo.
          if (await sameAsBackup(context, file, inputs.timeout)) {
            runner.info('The failed migration left the database exactly as the backup has it: nothing to restore.');
            return 'The database was left unchanged (checked against the backup).';
          }
          const { dropped } = await restore(context, file, inputs.timeout);
          outcome.restored = true;
          runner.info(`Restored ${file}${dropped.length ? `, after dropping ${dropped.length} new object(s)` : ''}.`);
          if (await sameAsBackup(context, file, inputs.timeout)) runner.info('Verified: the database matches the backup.');
          else runner.warning('After the restore the database differs from the backup: the app may have written to it since.');
          return `The database was restored from the backup ${file}.`;
        } catch (restoreError) {
          throw new UserError(
            `${errorMessage(cause)}\nThe restore failed too: ${errorMessage(restoreError)}\nThe backup is kept at ${file}.`,
            {
              hint: `Restore it by hand: pg_restore --clean --if-exists --single-transaction -d "$DATABASE_URL" ${file}`,
            },
          );
        }
      });
    }
    if (rollbackArgv) {
      const argv = rollbackArgv;
      return runner.group(`Roll back: ${commands.rollback?.argv.join(' ')}`, async () => {
        try {
          const [file = '', ...args] = argv;
          await exec(file, args, {
            cwd,
            env,
            timeout: inputs.timeout,
            label: 'The rollback',
            scrub,
            onLine: (l) => runner.info(l),
          });
          outcome.restored = true;
          return 'The rollback command ran.';
        } catch (rollbackError) {
          throw new UserError(`${errorMessage(cause)}\nThe rollback failed too: ${errorMessage(rollbackError)}`);
        }
      });
    }
    return 'There was no backup and no rollback-command: check the database by hand.';
  }
}
