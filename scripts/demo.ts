/**
 * `npm run demo`: the pipeline as far as it is built (packages/harness/src/scenarios.ts), printed step
 * by step: run 1, a good release; run 2, a migration that fails half way and is restored.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PG_BIN, startPostgres } from '../packages/harness/src/postgres.ts';
import { badMigration, goodRelease, type Reporter, type World } from '../packages/harness/src/scenarios.ts';
import { startSandbox } from '../packages/sandbox/src/index.ts';

const tty = process.stdout.isTTY;
const bold = (s: string): string => (tty ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string): string => (tty ? `\x1b[2m${s}\x1b[0m` : s);

const printer: Reporter = {
  step: (action, title) => console.log(`\n${bold(`▶ ${action}`)}: ${title}`),
  done: (_action, run) => {
    for (const a of run.annotations.filter((x) => x.kind !== 'debug')) console.log(`  ${a.kind}: ${a.message.split('\n')[0]}`);
    const outputs = Object.entries(run.outputs).map(([k, v]) => `${k}=${v.includes('\n') ? JSON.stringify(v) : v}`);
    console.log(dim(`  exit ${run.exitCode} in ${(run.durationMs / 1000).toFixed(1)}s; ${outputs.join(' ')}`));
  },
  note: (text) => console.log(`\n${bold('▶')} ${text}`),
};

console.log(bold('Deploy suite demo: the pipeline against the local sandbox'));
const sandbox = await startSandbox();
const world: World = { sandbox, pg: undefined, password: `demo-${Math.random().toString(36).slice(2)}`, report: printer };
try {
  if (existsSync(join(PG_BIN, 'initdb'))) {
    world.pg = await startPostgres();
    world.pg.createDatabase('shop', { user: 'shop', password: world.password });
    console.log(
      `PostgreSQL ${dim(`127.0.0.1:${world.pg.port}`)}, sample app ${dim(sandbox.app.url)}, Slack ${dim(sandbox.slack.url)}`,
    );
  } else {
    console.log(`No PostgreSQL in ${PG_BIN}: the migrate steps are skipped (bash .ci/apt-install.sh installs it).`);
  }
  console.log(`\n${bold('Run 1: a good release')}`);
  await goodRelease(world);
  if (world.pg) {
    console.log(`\n${bold('Run 2: a migration that fails half way')}`);
    await badMigration(world, world.pg);
  }
  console.log(`\n${bold('What Slack received')}`);
  for (const m of sandbox.slack.emulator.messages) console.log(`  ${String(m.payload.text)}`);
} finally {
  await world.pg?.stop();
  await sandbox.close();
}
