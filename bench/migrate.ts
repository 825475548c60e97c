/**
 * migrate's safety net on a ~200 MB database: the pg_dump -Fc backup, the comparison with the
 * backup after a failed migration, and the restore (drop what the migration created, then
 * pg_restore --clean --if-exists --single-transaction), through the action's own module,
 * against a real PostgreSQL 15 started for the bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDatabase } from '../actions/migrate/src/database.ts';
import { backup, findPgTools, type PgContext, restore, sameAsBackup } from '../actions/migrate/src/postgres.ts';
import { startPostgres } from '../packages/harness/src/postgres.ts';
import type { Bench, BenchResult } from './types.ts';

const TARGET_MB = Number(process.env.BENCH_MIGRATE_MB ?? 200);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, (performance.now() - started) / 1000];
}

export const migrateBench: Bench = {
  name: 'migrate backup and restore',
  async run() {
    const pg = await startPostgres();
    const dir = mkdtempSync(join(tmpdir(), 'bench-migrate-'));
    try {
      pg.createDatabase('big', { user: 'big', password: 'big-password' });
      const url = pg.url('big', 'big', 'big-password');
      // ~200 bytes a row on disk with its index: rows for the target size.
      const rows = Math.round((TARGET_MB * 1024 * 1024) / 200);
      pg.psql(
        'big',
        `create table events (id bigserial primary key, account int not null, kind text not null, payload text not null, at timestamptz not null);
         insert into events (account, kind, payload, at)
           select g % 5000, 'kind-' || (g % 17), md5(g::text) || md5((g * 7)::text) || md5((g * 13)::text), '2024-01-01'::timestamptz + g * interval '1 second'
           from generate_series(1, ${rows}) g;
         create index events_account on events (account);`,
        url,
      );
      const sizeMb = Number(pg.psql('big', "select pg_database_size('big')")) / 1024 / 1024;
      const found = findPgTools(process.env.PATH);
      if (!found.tools) throw new Error(`missing ${found.missing.join(', ')}`);
      const ctx: PgContext = {
        db: parseDatabase(url),
        tools: found.tools,
        baseEnv: process.env,
        scrub: (t) => t,
        log: () => {},
      };
      const file = join(dir, 'big.dump');
      const [bytes, backupS] = await timed(() => backup(ctx, file, { lockTimeout: 10_000, timeout: 600_000 }));

      // A migration that failed half way: a new table, changed rows.
      pg.psql(
        'big',
        `create table audit (id int references events (id)); insert into audit select id from events where id < 1000;
         update events set kind = 'changed' where id % 100 = 0;`,
        url,
      );
      const [same, compareS] = await timed(() => sameAsBackup(ctx, file, 600_000));
      if (same) throw new Error('the changed database compared equal to the backup');
      const [, restoreS] = await timed(() => restore(ctx, file, 600_000));
      const [restoredSame, verifyS] = await timed(() => sameAsBackup(ctx, file, 600_000));
      if (!restoredSame) throw new Error('the restored database differs from the backup');

      const note = `${sizeMb.toFixed(0)} MB database, ${rows.toLocaleString('en')} rows`;
      const results: BenchResult[] = [
        { name: 'migrate: database size', value: Number(sizeMb.toFixed(0)), unit: 'MB', note },
        {
          name: 'migrate: backup (pg_dump -Fc)',
          value: Number(backupS.toFixed(1)),
          unit: 's',
          note: `${(bytes / 1024 / 1024).toFixed(0)} MB file`,
        },
        { name: 'migrate: compare with backup', value: Number(compareS.toFixed(1)), unit: 's', note: 'after a failed migration' },
        {
          name: 'migrate: restore',
          value: Number(restoreS.toFixed(1)),
          unit: 's',
          note: 'drop new objects + pg_restore --single-transaction',
        },
        { name: 'migrate: verify restore', value: Number(verifyS.toFixed(1)), unit: 's', note: 'compare again' },
      ];
      return results;
    } finally {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
