/**
 * Everything decided before the first side effect: the working directory (checked), which
 * values are secrets, the commands' environment, the commands themselves, whether to back up
 * and where. A plan is pure data; the phases run it.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, UserError } from '@deploy-suite/core/errors';
import type { ActionContext } from '@deploy-suite/core/run';
import { maskVariables } from '@deploy-suite/core/variable-masking';
import { buildPgOptions, type Database, parseDatabase, shouldBackup, toolEnv } from './database.ts';
import type { MigrateInputs } from './manifest.ts';
import { type PlannedCommands, PRESETS, type Preset, planCommands } from './presets.ts';
import type { RailwayDatabase } from './railway-source.ts';

export interface Plan {
  inputs: MigrateInputs;
  preset: Preset;
  cwd: string;
  db: Database | undefined;
  /** Where the database URL came from, when a Railway service gave it. */
  railway: RailwayDatabase | undefined;
  /** The commands' whole environment. */
  env: NodeJS.ProcessEnv;
  pgOptions: string;
  commands: PlannedCommands;
  doBackup: boolean;
  backupDir: string;
  down: boolean;
}

/** The working directory, checked: an input error before anything else happens. */
export function workingDirectory(inputs: MigrateInputs, ctx: Pick<ActionContext, 'env'>): string {
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
  return cwd;
}

export function makePlan(inputs: MigrateInputs, ctx: ActionContext, railway?: RailwayDatabase): Plan {
  const { runner } = ctx;
  const preset = PRESETS[inputs.tool];
  const workspace = ctx.env.GITHUB_WORKSPACE ?? process.cwd();
  const cwd = workingDirectory(inputs, ctx);
  if (inputs.env?.length) runner.info(`env: ${maskVariables(runner, inputs.env).line}.`);
  const databaseUrl = railway?.url ?? inputs.databaseUrl;
  const db = databaseUrl ? parseDatabase(databaseUrl) : undefined;
  if (db?.password) runner.setSecret(db.password);
  if (railway && inputs.backup === 'true' && !db?.postgres) {
    throw new UserError(
      `backup is true, but ${railway.variable} of the Railway service '${railway.service}' is not PostgreSQL.`,
      {
        hint: 'Set backup to auto or false.',
      },
    );
  }

  // The commands' environment: the runner's (less our own inputs), then the Railway service's
  // variables (they override the runner's, as `railway run` does), then the database's, then `env`.
  const userEnv = new Map(inputs.env ?? []);
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(ctx.env)) if (!key.startsWith('INPUT_')) base[key] = value;
  Object.assign(base, railway?.variables);
  const pgOptions = buildPgOptions(userEnv.get('PGOPTIONS') ?? base.PGOPTIONS, {
    lockTimeout: inputs.lockTimeout,
    statementTimeout: inputs.statementTimeout,
  });
  // Python block-buffers a pipe: without this, Django's "Applying …" lines arrive after its traceback.
  const env: NodeJS.ProcessEnv = { ...base, PYTHONUNBUFFERED: '1', ...toolEnv(inputs.tool, db, pgOptions) };
  if (inputs.direction === 'down' && inputs.to) env.MIGRATE_TO = inputs.to;
  for (const [key, value] of userEnv) if (key !== 'PGOPTIONS') env[key] = value;

  const down = inputs.direction === 'down';
  if (down && inputs.tool === 'prisma') {
    throw new UserError('Prisma has no down migrations: migrate cannot take a Prisma database back to a revision.', {
      hint: 'Restore the backup the up run took (its backup-file output): pg_restore --clean --if-exists --no-owner --single-transaction -d "$DATABASE_URL" <backup-file>, or write a new migration that undoes it.',
    });
  }
  const commands = planCommands(preset, {
    command: inputs.command,
    statusCommand: inputs.statusCommand,
    rollbackCommand: inputs.rollbackCommand,
    down: down ? { to: inputs.to } : undefined,
  });
  return {
    inputs,
    preset,
    cwd,
    db,
    railway,
    env,
    pgOptions,
    commands,
    doBackup: shouldBackup(inputs.backup, databaseUrl) && !inputs.dryRun,
    backupDir: resolve(workspace, inputs.backupDir ?? join(ctx.env.RUNNER_TEMP ?? '/tmp', 'migrate-backups')),
    down,
  };
}
