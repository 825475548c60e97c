/**
 * A real PostgreSQL 15 cluster for tests: initdb in a temp dir, 127.0.0.1 only, a free port,
 * scram password authentication (so a wrong password is refused for real), the unix socket
 * inside the temp dir. initdb and postgres refuse to run as root, and tests (and CI) run as
 * root: the cluster runs as the `postgres` system user, in a directory it owns.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PG_BIN = process.env.PG_BIN ?? newestPgBin();

function newestPgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return join(root, versions.find((v) => v === '15') ?? versions[0] ?? '15', 'bin');
}

export interface PgCluster {
  host: string;
  port: number;
  /** The superuser's password (role `postgres`). */
  superPassword: string;
  /** A URL for a database, as a user (the superuser by default). */
  url(database: string, user?: string, password?: string): string;
  /** Runs SQL as the superuser (or a given URL); returns psql's unaligned, tuples-only output. */
  psql(database: string, sql: string, url?: string): string;
  /** Creates a role with a password and a database it owns. */
  createDatabase(database: string, owner?: { user: string; password: string }): void;
  dropDatabase(database: string): void;
  /** Starts a session that runs `sql` and keeps its transaction open until `release()`. */
  hold(database: string, sql: string, as?: { applicationName?: string; url?: string }): Promise<{ release(): Promise<void> }>;
  /** md5 of every table's rows, and the schema dump: equal before and after means restored exactly. */
  fingerprint(database: string): { tables: Record<string, string>; schema: string };
  stop(): Promise<void>;
  dir: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresIds(): { uid: number; gid: number } {
  if (process.getuid?.() !== 0) return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** One line saying what to install, instead of a spawn error per test, on a machine without PostgreSQL. */
function requireServerPrograms(): void {
  const missing = ['initdb', 'postgres', 'psql', 'pg_dump', 'pg_restore'].filter((p) => !existsSync(join(PG_BIN, p)));
  if (missing.length > 0) {
    throw new Error(
      `PostgreSQL programs missing in ${PG_BIN} (${missing.join(', ')}): run \`bash .ci/apt-install.sh\` (or \`sudo apt-get install -y postgresql-15 postgresql-client-15\`).`,
    );
  }
}

export async function startPostgres(): Promise<PgCluster> {
  requireServerPrograms();
  const ids = postgresIds();
  const dir = mkdtempSync(join(tmpdir(), 'pg-test-'));
  chmodSync(dir, 0o700);
  chownSync(dir, ids.uid, ids.gid);
  const data = join(dir, 'data');
  const superPassword = `super-${Math.random().toString(36).slice(2)}`;
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${superPassword}\n`, { mode: 0o600 });
  chownSync(pwfile, ids.uid, ids.gid);
  const asPostgres = { uid: ids.uid, gid: ids.gid, env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } };

  const init = spawnSync(
    join(PG_BIN, 'initdb'),
    [
      '-D',
      data,
      '-U',
      'postgres',
      '--pwfile',
      pwfile,
      '--auth',
      'scram-sha-256',
      '-E',
      'UTF8',
      '--no-sync',
      '--locale',
      'C.UTF-8',
    ],
    { ...asPostgres, encoding: 'utf8', cwd: dir },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);

  const port = await freePort();
  const server: ChildProcess = spawn(
    join(PG_BIN, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${dir}`,
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=50',
    ],
    { ...asPostgres, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let serverLog = '';
  server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    serverLog = (serverLog + chunk).slice(-20_000);
  });

  const host = '127.0.0.1';
  const url = (database: string, user = 'postgres', password = user === 'postgres' ? superPassword : user): string =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}`;

  const psqlEnv = (target: string): NodeJS.ProcessEnv => {
    const u = new URL(target);
    return {
      PATH: process.env.PATH ?? '',
      PGHOST: u.hostname,
      PGPORT: u.port,
      PGUSER: decodeURIComponent(u.username),
      PGPASSWORD: decodeURIComponent(u.password),
      PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
      PGCONNECT_TIMEOUT: '5',
    };
  };
  const psql = (database: string, sql: string, target = url(database)): string => {
    const result = spawnSync(join(PG_BIN, 'psql'), ['-X', '-w', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
      env: psqlEnv(target),
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
    return result.stdout.trim();
  };

  // Ready when a real query answers (pg_ctl-style polling, with a deadline).
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited: ${serverLog}`);
    try {
      psql('postgres', 'select 1');
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`postgres did not start in 30s: ${String(error)}\n${serverLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const cluster: PgCluster = {
    host,
    port,
    superPassword,
    dir,
    url,
    psql,
    createDatabase(database, owner) {
      if (owner) {
        const password = owner.password.replace(/'/g, "''");
        psql('postgres', `CREATE ROLE "${owner.user}" LOGIN PASSWORD '${password}'`);
      }
      psql('postgres', `CREATE DATABASE "${database}"${owner ? ` OWNER "${owner.user}"` : ''}`);
    },
    dropDatabase(database) {
      psql('postgres', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
    async hold(database, sql, as = {}) {
      const session = spawn(join(PG_BIN, 'psql'), ['-X', '-w', '-q', '-v', 'ON_ERROR_STOP=1'], {
        env: { ...psqlEnv(as.url ?? url(database)), PGAPPNAME: as.applicationName ?? 'test-holder' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      session.stdout?.setEncoding('utf8').on('data', (c: string) => {
        out += c;
      });
      session.stderr?.setEncoding('utf8').on('data', (c: string) => {
        out += c;
      });
      session.stdin?.write(`BEGIN;\n${sql};\n\\echo held\n`);
      const until = Date.now() + 15_000;
      while (!out.includes('held')) {
        if (session.exitCode !== null || Date.now() > until) throw new Error(`could not hold: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return {
        release: async () => {
          session.stdin?.end('ROLLBACK;\n');
          await new Promise<void>((r) => {
            if (session.exitCode !== null) r();
            else session.on('close', () => r());
          });
        },
      };
    },
    fingerprint(database) {
      const tables = psql(
        database,
        `select format('%I.%I', schemaname, tablename) from pg_tables where schemaname not in ('pg_catalog','information_schema') order by 1`,
      )
        .split('\n')
        .filter(Boolean);
      const sums: Record<string, string> = {};
      for (const table of tables) {
        sums[table] = psql(
          database,
          `select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from ${table} t`,
        );
      }
      const u = url(database);
      const dump = spawnSync(join(PG_BIN, 'pg_dump'), ['--schema-only', '--no-password'], {
        env: psqlEnv(u),
        encoding: 'utf8',
      });
      if (dump.status !== 0) throw new Error(`pg_dump --schema-only failed: ${dump.stderr}`);
      // pg_dump 15.14+ writes a random \restrict key into every dump: not part of the schema.
      const schema = dump.stdout
        .split('\n')
        .filter((line) => !/^\\(un)?restrict /.test(line))
        .join('\n');
      return { tables: sums, schema };
    },
    async stop() {
      if (server.exitCode === null) {
        server.kill('SIGINT'); // fast shutdown: disconnects clients and stops
        const stopped = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), 15_000);
          server.on('exit', () => {
            clearTimeout(timer);
            resolve(true);
          });
        });
        if (!stopped) server.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
