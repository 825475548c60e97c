/**
 * migrate's safety net on a database of BENCH_MIGRATE_MB megabytes (default 1024): the
 * pg_dump -Fc backup, the comparison with the backup after a failed migration, the
 * all-or-nothing restore and its verification, through the action's own modules, each set
 * against plain `pg_dump -Fc` and `pg_restore --clean --if-exists --single-transaction` of the
 * same database in the same run, on a real PostgreSQL 15 started for the bench.
 *   BENCH_MIGRATE_MB=100 npm run bench -- migrate
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dumpDatabase } from '../actions/migrate/src/backup.ts';
import { parseDatabase } from '../actions/migrate/src/database.ts';
import { findPgTools, type PgContext, sameAsBackup } from '../actions/migrate/src/postgres.ts';
import { restoreAtomically } from '../actions/migrate/src/restore.ts';
import { PG_BIN, startPostgres } from '../packages/harness/src/postgres.ts';
import type { Bench, BenchResult } from './types.ts';

const TARGET_MB = Number(process.env.BENCH_MIGRATE_MB ?? 1024);
/** Rows per INSERT: each statement stays well inside the test helper's 60 s psql limit. */
const BATCH = 400_000;

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, (performance.now() - started) / 1000];
}

function plain(program: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(join(PG_BIN, program), args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr}`);
}

const seconds = (s: number): number => Number(s.toFixed(1));

export const migrateBench: Bench = {
  name: 'migrate backup and restore',
  async run() {
    const pg = await startPostgres();
    const dir = mkdtempSync(join(tmpdir(), 'bench-migrate-'));
    try {
      pg.createDatabase('big', { user: 'big', password: 'big-password' });
      const url = pg.url('big', 'big', 'big-password');
      // ~200 bytes a row on disk with its indexes: rows for the target size.
      const rows = Math.max(1000, Math.round((TARGET_MB * 1024 * 1024) / 200));
      pg.psql(
        'big',
        'create table events (id bigserial primary key, account int not null, kind text not null, payload text not null, at timestamptz not null)',
        url,
      );
      for (let from = 1; from <= rows; from += BATCH) {
        const to = Math.min(rows, from + BATCH - 1);
        pg.psql(
          'big',
          `insert into events (account, kind, payload, at)
             select g % 5000, 'kind-' || (g % 17), md5(g::text) || md5((g * 7)::text) || md5((g * 13)::text), '2024-01-01'::timestamptz + g * interval '1 second'
             from generate_series(${from}, ${to}) g`,
          url,
        );
      }
      pg.psql('big', 'create index events_account on events (account)', url);
      const sizeMb = Number(pg.psql('big', "select pg_database_size('big')")) / 1024 / 1024;
      const found = findPgTools(process.env.PATH);
      if (!found.tools) throw new Error(`missing ${found.missing.join(', ')}`);
      const ctx: PgContext = { db: parseDatabase(url), tools: found.tools, baseEnv: process.env, scrub: (t) => t, log: () => {} };
      const env = {
        PATH: process.env.PATH ?? '',
        PGHOST: pg.host,
        PGPORT: String(pg.port),
        PGUSER: 'big',
        PGPASSWORD: 'big-password',
        PGDATABASE: 'big',
      };

      // The same database, plain tools first: the baseline.
      const plainFile = join(dir, 'plain.dump');
      const [, plainDumpS] = await timed(() => plain('pg_dump', ['-Fc', '-w', '-f', plainFile], env));
      const file = join(dir, 'big.dump');
      const [bytes, backupS] = await timed(() => dumpDatabase(ctx, file, { lockTimeout: 10_000, timeout: 3_600_000 }));

      // A migration that failed half way: a new table, changed rows.
      pg.psql(
        'big',
        `create table audit (id int references events (id)); insert into audit select id from events where id < 1000;
         update events set kind = 'changed' where id % 100 = 0;`,
        url,
      );
      const [same, compareS] = await timed(() => sameAsBackup(ctx, file, 3_600_000));
      if (same) throw new Error('the changed database compared equal to the backup');
      const [report, restoreS] = await timed(() =>
        restoreAtomically(ctx, file, { timeout: 3_600_000, lockTimeout: 10_000, stop: new AbortController().signal }),
      );
      if (!report.restored) throw new Error(`the restore did not commit: ${report.failure}`);
      const [restoredSame, verifyS] = await timed(() => sameAsBackup(ctx, file, 3_600_000));
      if (!restoredSame) throw new Error('the restored database differs from the backup');

      // Plain pg_restore of the same database's plain dump over it, for comparison.
      const [, plainRestoreS] = await timed(() =>
        plain('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '-w', '-d', 'big', plainFile], env),
      );

      const note = `${sizeMb.toFixed(0)} MB database, ${rows.toLocaleString('en')} rows`;
      const results: BenchResult[] = [
        { name: 'migrate: database size', value: Number(sizeMb.toFixed(0)), unit: 'MB', note },
        {
          name: 'migrate: backup',
          value: seconds(backupS),
          unit: 's',
          note: `plain pg_dump -Fc ${seconds(plainDumpS)} s; ${(bytes / 1024 / 1024).toFixed(0)} MB file (plain ${(statSync(plainFile).size / 1024 / 1024).toFixed(0)} MB)`,
        },
        { name: 'migrate: compare with backup', value: seconds(compareS), unit: 's', note: 'after a failed migration' },
        {
          name: 'migrate: restore (one transaction)',
          value: seconds(restoreS),
          unit: 's',
          note: `plain pg_restore --clean --single-transaction ${seconds(plainRestoreS)} s`,
        },
        { name: 'migrate: verify restore', value: seconds(verifyS), unit: 's', note: 'compare again' },
      ];
      return results;
    } finally {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
