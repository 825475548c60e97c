/**
 * The database URLs people really have, end to end on a real PostgreSQL 15: each is backed up,
 * a failed migration is restored, and the tool gets the URL exactly as it was given.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { type PgCluster, startPostgres } from '../../packages/harness/src/postgres.ts';
import { cleanFailureProblems, ROOT, runBundle } from '../../packages/harness/src/run-bundle.ts';

const FIXTURE = join(ROOT, 'test/fixtures/migrate/custom');
const password = makeCanary('pgpass');
let pg: PgCluster;
let temp: string;
let count = 0;

beforeAll(async () => {
  pg = await startPostgres();
  temp = mkdtempSync(join(tmpdir(), 'migrate-urls-'));
});

afterAll(async () => {
  await pg?.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

function run(url: string, dir: string, more: Record<string, string> = {}) {
  const seen = join(temp, `url-${++count}`);
  return runBundle('migrate', {
    inputs: {
      tool: 'custom',
      command: './migrate.sh up',
      'status-command': './migrate.sh status',
      'working-directory': FIXTURE,
      'database-url': url,
      'backup-dir': join(temp, 'backups'),
      env: `MIGRATIONS_DIR=${dir}\nURL_SEEN_FILE=${seen}`,
      ...more,
    },
    secrets: [password],
    timeoutMs: 120_000,
  }).then((result) => ({ result, seen: () => readFileSync(seen, 'utf8') }));
}

const forms: Array<[string, (name: string) => string]> = [
  ['SQLAlchemy’s postgresql+psycopg2://', (name) => `postgresql+psycopg2://${name}:${password}@127.0.0.1:${pg.port}/${name}`],
  [
    'Prisma’s ?schema=public&connection_limit=5&pgbouncer=true',
    (name) => `postgresql://${name}:${password}@127.0.0.1:${pg.port}/${name}?schema=public&connection_limit=5&pgbouncer=true`,
  ],
  ['a unix socket URI', (name) => `postgresql://${name}:${password}@/${name}?host=${pg.dir}&port=${pg.port}`],
];

describe('migrate with the database URLs people have', () => {
  for (const [label, urlFor] of forms) {
    it(`backs up, restores and hands the tool ${label} unchanged`, async () => {
      const name = `url${count + 1}`;
      pg.createDatabase(name, { user: name, password });
      const url = urlFor(name);
      const first = await run(url, 'migrations-ok');
      expect(first.result.exitCode, first.result.stdout).toBe(0);
      expect(first.result.outputs['backup-file']).not.toBe('');
      expect(first.seen()).toBe(url);
      const before = pg.fingerprint(name);

      const failed = await run(url, 'migrations-fail');
      expect(cleanFailureProblems(failed.result)).toEqual([]);
      expect(failed.result.outputs.restored).toBe('true');
      expect(failed.seen()).toBe(url);
      expect(pg.fingerprint(name)).toEqual(before);
      expect(failed.result.leaks).toEqual([]);
    });
  }
});

describe('migrate refuses or warns about URLs before anything runs', () => {
  const base = { tool: 'custom', command: './migrate.sh up', 'working-directory': FIXTURE };

  it('says where the password needs percent-encoding, without showing it', async () => {
    const secret = 'Zq7@x/y';
    const result = await runBundle('migrate', {
      inputs: { ...base, 'database-url': `postgres://app:${secret}@127.0.0.1:5432/app` },
      secrets: [secret],
    });
    expect(cleanFailureProblems(result)).toEqual([]);
    expect(result.errors[0]).toContain("Input 'database-url'");
    expect(result.errors[0]).toContain("unencoded '@' at position 4");
    expect(result.leaks).toEqual([]);
  });

  it('refuses Railway’s private host and points to DATABASE_PUBLIC_URL', async () => {
    const result = await runBundle('migrate', {
      inputs: { ...base, 'database-url': 'postgresql://app:pw@postgres.railway.internal:5432/railway' },
    });
    expect(cleanFailureProblems(result)).toEqual([]);
    expect(result.errors[0]).toContain('DATABASE_PUBLIC_URL');
  });

  it('warns that nothing protects a run on a database that is not PostgreSQL', async () => {
    const seen = join(temp, 'mysql-url');
    const result = await runBundle('migrate', {
      inputs: {
        ...base,
        'database-url': 'mysql://app:pw@127.0.0.1:3306/shop',
        env: `URL_SEEN_FILE=${seen}\nMIGRATIONS_DIR=/nonexistent`,
      },
    });
    expect(result.warnings.join('\n')).toContain('no restore protects this run');
    expect(readFileSync(seen, 'utf8')).toBe('mysql://app:pw@127.0.0.1:3306/shop');
  });
});
