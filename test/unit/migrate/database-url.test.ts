import { describe, expect, it } from 'vitest';
import { parseDatabase, toolEnv } from '../../../actions/migrate/src/database.ts';
import { conninfo, describeDatabaseUrl, parseDatabaseUrl } from '../../../actions/migrate/src/database-url.ts';

function parsed(url: string) {
  const result = parseDatabaseUrl(url);
  if (!result.ok) throw new Error(result.expected);
  return result.value;
}

function refused(url: string): string {
  const result = parseDatabaseUrl(url);
  if (result.ok) throw new Error(`accepted ${url}`);
  return result.expected;
}

describe('database URLs as people have them', () => {
  it('take SQLAlchemy driver schemes as PostgreSQL', () => {
    for (const scheme of ['postgresql+psycopg2', 'postgresql+asyncpg', 'postgres', 'postgresql']) {
      const db = parsed(`${scheme}://app:pw@db.example.com:6543/shop`);
      expect(db).toMatchObject({
        postgres: true,
        host: 'db.example.com',
        port: '6543',
        user: 'app',
        password: 'pw',
        name: 'shop',
      });
    }
  });

  it('keep Prisma’s own parameters out of libpq’s connection and read the schema', () => {
    const db = parsed(
      'postgresql://app:pw@db:5432/shop?schema=public&connection_limit=5&pool_timeout=10&pgbouncer=true&sslmode=require',
    );
    expect(db.libpq).toEqual({ sslmode: 'require' });
    expect(db.ignored).toEqual(['connection_limit', 'pool_timeout', 'pgbouncer']);
    expect(db.schema).toBe('public');
    expect(conninfo(db)).toBe("host='db' port='5432' dbname='shop' user='app' sslmode='require'");
  });

  it('read a socket URI, and let ?host= win over the URI’s host as libpq does', () => {
    expect(parsed('postgresql://u:p@/db?host=/var/run/postgresql')).toMatchObject({ host: '/var/run/postgresql', name: 'db' });
    expect(parsed('postgresql://u:p@localhost/db?host=/tmp/sock')).toMatchObject({ host: '/tmp/sock' });
    expect(describeDatabaseUrl(parsed('postgresql://u:p@/db?host=/var/run/postgresql'))).toBe(
      'u@(socket /var/run/postgresql):5432/db',
    );
  });

  it('show IPv6 hosts in brackets', () => {
    const db = parsed('postgres://app:pw@[2001:db8::1]:5433/shop');
    expect(db.host).toBe('2001:db8::1');
    expect(describeDatabaseUrl(db)).toBe('app@[2001:db8::1]:5433/shop');
  });

  it('say where a password has a character that must be percent-encoded', () => {
    expect(refused('postgres://app:Zq7@x/y@db:5432/shop')).toContain("unencoded '@' at position 4 of 7");
    expect(refused('postgres://app:ab#c@db/shop')).toContain("unencoded '#' at position 3");
    expect(refused('postgres://app:a:b@db/shop')).toContain("unencoded ':' at position 2");
    expect(refused('postgres://app:a?b@db/shop')).toContain('with the password percent-encoded: it has an unencoded');
    expect(parsed('postgres://app:Zq7%40%3A%2F%25%23%3F@db/shop').password).toBe('Zq7@:/%#?');
  });

  it('refuse Railway’s private network, pointing to the public URL', () => {
    expect(refused('postgresql://app:pw@postgres.railway.internal:5432/railway')).toContain('DATABASE_PUBLIC_URL');
  });

  it('accept other databases for the tool, as not PostgreSQL', () => {
    expect(parsed('mysql://app:pw@db:3306/shop')).toMatchObject({ postgres: false, scheme: 'mysql' });
    expect(parsed('sqlite:///tmp/x.db').postgres).toBe(false);
  });

  it('reach the tool unchanged', () => {
    const url = 'postgresql+psycopg2://app:pw@db:5432/shop?schema=public&connection_limit=5';
    const env = toolEnv('custom', parseDatabase(url), '-c lock_timeout=1000');
    expect(env.DATABASE_URL).toBe(url);
    expect(env.PGHOST).toBe('db');
    expect(toolEnv('alembic', parseDatabase(url), '').DATABASE_URL).toBe(url);
  });
});
