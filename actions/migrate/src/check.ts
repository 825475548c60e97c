/**
 * The check phase: the tool's programs and files, then the database — its URL's kind, the
 * PostgreSQL client programs, a connection, and a pg_dump new enough for the server — before
 * anything changes. Returns what the backup and restore need, or nothing when there is no
 * PostgreSQL database to protect.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@deploy-suite/core/errors';
import type { ActionContext } from '@deploy-suite/core/run';
import { describeDatabase } from './database.ts';
import type { Plan } from './plan.ts';
import { checkConnection, clientMajor, findPgTools, type PgContext } from './postgres.ts';
import type { Tools } from './tools.ts';

export interface Checked {
  pg: PgContext | undefined;
  apply: string[];
  /** Further commands after `apply` (Django's downgrade of several apps). */
  more: string[][];
  status: string[] | undefined;
  rollback: string[] | undefined;
}

export async function check(plan: Plan, tools: Tools, ctx: ActionContext): Promise<Checked> {
  const { runner } = ctx;
  const { inputs, preset, commands, db, cwd } = plan;
  if (preset.needs && !inputs.command && !existsSync(join(cwd, preset.needs))) {
    throw new UserError(`No ${preset.needs} in ${cwd}: is this the ${inputs.tool} project?`, {
      hint: 'Set working-directory to the folder that holds it.',
    });
  }
  const checked: Checked = {
    pg: undefined,
    apply: tools.resolve(commands.apply, plan.down ? 'down' : 'apply'),
    more: commands.more.map((c) => tools.resolve(c, plan.down ? 'down' : 'apply')),
    status: commands.status ? tools.resolve(commands.status, 'status') : undefined,
    rollback: commands.rollback ? tools.resolve(commands.rollback, 'rollback') : undefined,
  };
  const shown = [commands.apply, ...commands.more].map((c) => c.argv.join(' ')).join('; ');
  runner.info(`Tool: ${inputs.tool}; ${plan.down ? 'down' : 'apply'}: ${shown}`);
  if (plan.pgOptions) runner.info(`PGOPTIONS: ${plan.pgOptions}`);

  if (!db) {
    runner.warning(
      'No database-url: no backup is taken, and the tool reads its own database settings. Give database-url to back up first.',
    );
    return checked;
  }
  if (!db.postgres) {
    runner.warning(
      `The database is not PostgreSQL (${db.scheme}://): no backup is taken, and no restore protects this run if a migration fails half way.`,
    );
    return checked;
  }
  if (db.ignored.length > 0) runner.info(`For the tool only (left out of our own connections): ${db.ignored.join(', ')}.`);
  const found = findPgTools(plan.env.PATH);
  if (!found.tools) {
    if (plan.doBackup) {
      throw new UserError(`The PostgreSQL client programs needed for the backup are missing: ${found.missing.join(', ')}.`, {
        hint: 'Install them first (sudo apt-get install -y postgresql-client), or set backup: false.',
      });
    }
    runner.info(`No ${found.missing.join(', ')} here: the connection is not checked ahead.`);
    return checked;
  }
  const pg: PgContext = {
    db,
    tools: found.tools,
    baseEnv: plan.env,
    scrub: (text) => runner.secrets.scrub(text),
    log: (line) => runner.info(line),
  };
  const serverMajor = await checkConnection(pg, Math.min(inputs.timeout, 60_000), ctx.signal);
  runner.info(`Connected to PostgreSQL ${serverMajor} at ${describeDatabase(db)}.`);
  if (plan.doBackup) {
    const dumpMajor = await clientMajor(pg, found.tools.pgDump);
    if (dumpMajor < serverMajor) {
      throw new UserError(`pg_dump ${dumpMajor} cannot back up a PostgreSQL ${serverMajor} server.`, {
        hint: `Install postgresql-client-${serverMajor} in an earlier step (the PostgreSQL apt repository has it).`,
      });
    }
  }
  checked.pg = pg;
  return checked;
}
