/**
 * The database URLs people really have, read the way libpq reads them: `postgres://` and
 * `postgresql://`, SQLAlchemy's `postgresql+psycopg2://` / `+asyncpg://`, Prisma's
 * `?schema=public&connection_limit=5&pgbouncer=true`, socket URIs
 * (`postgresql://u:p@/db?host=/var/run/postgresql`), IPv6 hosts (`[::1]`), several hosts
 * (`h1:5432,h2:5433`). The tool always gets the URL as given; our own connections (psql,
 * pg_dump, pg_restore) get only what libpq understands. Loaded by the manifest: no imports.
 */

/** The URI query parameters libpq accepts (the rest, such as Prisma's, are for the tool only). */
const LIBPQ_PARAMS = new Set([
  'host',
  'hostaddr',
  'port',
  'dbname',
  'user',
  'password',
  'passfile',
  'channel_binding',
  'connect_timeout',
  'client_encoding',
  'options',
  'application_name',
  'fallback_application_name',
  'keepalives',
  'keepalives_idle',
  'keepalives_interval',
  'keepalives_count',
  'tcp_user_timeout',
  'gssencmode',
  'sslmode',
  'requiressl',
  'sslcompression',
  'sslcert',
  'sslkey',
  'sslpassword',
  'sslrootcert',
  'sslcrl',
  'sslcrldir',
  'sslsni',
  'requirepeer',
  'ssl_min_protocol_version',
  'ssl_max_protocol_version',
  'krbsrvname',
  'gsslib',
  'service',
  'target_session_attrs',
  'load_balance_hosts',
]);

export interface DatabaseUrl {
  /** As given: what the tool receives. */
  url: string;
  /** `postgresql+psycopg2`, `mysql`… */
  scheme: string;
  postgres: boolean;
  /** Host names, IP addresses or a socket directory, comma-separated for several (libpq's PGHOST). */
  host: string;
  port: string;
  user: string;
  password: string;
  name: string;
  /** libpq parameters from the query, for our own connections (host, port, user, dbname, password excluded). */
  libpq: Record<string, string>;
  /** Parameters our connections leave out (Prisma's `connection_limit`, `pgbouncer`…). */
  ignored: string[];
  /** Prisma's `schema`. */
  schema: string | undefined;
}

export type UrlCheck = { ok: true; value: DatabaseUrl } | { ok: false; expected: string };

const FORM = 'a database URL such as postgres://user:password@host:5432/db';

export function isPostgresScheme(scheme: string): boolean {
  return /^postgres(?:ql)?(?:\+[a-z0-9_]+)?$/i.test(scheme);
}

export function isPostgresUrl(url: string | undefined): boolean {
  const scheme = url === undefined ? undefined : /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  return scheme !== undefined && isPostgresScheme(scheme);
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

const UNENCODED: Record<string, string> = { '@': '%40', ':': '%3A', '#': '%23', '/': '%2F', '?': '%3F' };

/** Where in the password (1-based) a character that must be percent-encoded appears, and which. */
function unencodedIn(password: string): { position: number; char: string } | undefined {
  const index = password.search(/[@:#/?]/);
  return index < 0 ? undefined : { position: index + 1, char: password[index] ?? '' };
}

function parsePostgres(raw: string, scheme: string, rest: string): UrlCheck {
  // The user part ends at the last '@' (a password may hold one, unencoded, and libpq then fails
  // with "missing key/value separator"); the host part at the first '/' or '?' after it.
  const at = rest.lastIndexOf('@');
  const userinfo = at >= 0 ? rest.slice(0, at) : '';
  const after = at >= 0 ? rest.slice(at + 1) : rest;
  const colon = userinfo.indexOf(':');
  const rawUser = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
  const rawPassword = colon >= 0 ? userinfo.slice(colon + 1) : '';
  const bad = unencodedIn(rawPassword);
  if (bad) {
    return {
      ok: false,
      expected: `${FORM} with the password percent-encoded: it has an unencoded '${bad.char}' at position ${bad.position} of ${rawPassword.length} (${Object.entries(
        UNENCODED,
      )
        .map(([c, e]) => `${c} → ${e}`)
        .join(', ')})`,
    };
  }
  if (/[@#/?]/.test(rawUser)) return { ok: false, expected: `${FORM}; percent-encode special characters in the user name` };
  const user = decode(rawUser);
  const password = decode(rawPassword);
  if (user === undefined || password === undefined) {
    return {
      ok: false,
      expected: `${FORM}; the user or password has a '%' that is not a valid percent-encoding (write % as %25)`,
    };
  }
  const hashAt = after.indexOf('#');
  const noFragment = hashAt >= 0 ? after.slice(0, hashAt) : after;
  const queryAt = noFragment.indexOf('?');
  const beforeQuery = queryAt >= 0 ? noFragment.slice(0, queryAt) : noFragment;
  const query = queryAt >= 0 ? noFragment.slice(queryAt + 1) : '';
  const slash = beforeQuery.indexOf('/');
  const hostPart = slash >= 0 ? beforeQuery.slice(0, slash) : beforeQuery;
  const name = decode(slash >= 0 ? beforeQuery.slice(slash + 1) : '');
  if (name === undefined) return { ok: false, expected: `${FORM}; the database name is not valid percent-encoding` };

  const hosts: string[] = [];
  const ports: string[] = [];
  for (const spec of hostPart === '' ? [] : hostPart.split(',')) {
    const match = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]*)(?::(\d*))?$/.exec(spec);
    if (!match) return { ok: false, expected: `${FORM}; could not read the host ${JSON.stringify(spec.slice(0, 60))}` };
    const host = decode((match[1] ?? '').replace(/^\[|\]$/g, ''));
    if (host === undefined) return { ok: false, expected: `${FORM}; the host is not valid percent-encoding` };
    hosts.push(host);
    ports.push(match[2] ?? '');
  }

  const libpq: Record<string, string> = {};
  const ignored: string[] = [];
  let schema: string | undefined;
  const params = new URLSearchParams(query);
  for (const [key, value] of params) {
    if (key === 'schema') schema = value;
    else if (LIBPQ_PARAMS.has(key)) libpq[key] = value;
    else ignored.push(key);
  }
  // As libpq: query parameters win over the URI's own parts (`@localhost/db?host=/socket`).
  const host = libpq.host ?? hosts.join(',');
  const port = libpq.port ?? (ports.some((p) => p !== '') ? ports.map((p) => p || '5432').join(',') : '5432');
  const value: DatabaseUrl = {
    url: raw,
    scheme,
    postgres: true,
    host,
    port,
    user: libpq.user ?? user,
    password: libpq.password ?? password,
    name: libpq.dbname ?? name,
    libpq: Object.fromEntries(Object.entries(libpq).filter(([k]) => !['host', 'port', 'user', 'password', 'dbname'].includes(k))),
    ignored,
    schema,
  };
  if (host === '')
    return { ok: false, expected: `${FORM}; no host (give one, or a socket directory as ?host=/var/run/postgresql)` };
  const internal = host.split(',').find((h) => /\.railway\.internal$/i.test(h));
  if (internal) {
    return {
      ok: false,
      expected: `a host the runner can reach: ${internal} is on Railway's private network, which GitHub runners cannot reach; pass the public URL instead (the service's DATABASE_PUBLIC_URL variable)`,
    };
  }
  return { ok: true, value };
}

export function parseDatabaseUrl(raw: string): UrlCheck {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is.exec(raw);
  if (match && isPostgresScheme(match[1] ?? '')) return parsePostgres(raw, (match[1] ?? '').toLowerCase(), match[2] ?? '');
  // Any other database: the tool's business; only its shape is checked.
  if (!URL.canParse(raw)) return { ok: false, expected: FORM };
  const url = new URL(raw);
  if (!/^[a-z][a-z0-9+.-]*:$/.test(url.protocol) || (url.hostname === '' && url.protocol !== 'sqlite:'))
    return { ok: false, expected: FORM };
  return {
    ok: true,
    value: {
      url: raw,
      scheme: url.protocol.replace(/:$/, ''),
      postgres: false,
      host: decode(url.hostname) ?? url.hostname,
      port: url.port,
      user: decode(url.username) ?? '',
      password: decode(url.password) ?? '',
      name: decode(url.pathname.replace(/^\//, '')) ?? '',
      libpq: {},
      ignored: [],
      schema: undefined,
    },
  };
}

/** libpq's keyword/value form, values quoted: `host='/var/run/postgresql' dbname='shop'`. */
export function conninfo(db: DatabaseUrl): string {
  const quoteValue = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const pairs: Array<[string, string]> = [
    ['host', db.host],
    ['port', db.port],
    ['dbname', db.name],
  ];
  if (db.user) pairs.push(['user', db.user]);
  for (const [k, v] of Object.entries(db.libpq)) pairs.push([k, v]);
  return pairs
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${quoteValue(v)}`)
    .join(' ');
}

/** The database as a user may see it, with no password: `app@[::1]:5432/shop`. */
export function describeDatabaseUrl(db: DatabaseUrl): string {
  const host = db.host
    .split(',')
    .map((h) => (h.startsWith('/') ? `(socket ${h})` : h.includes(':') ? `[${h}]` : h))
    .join(',');
  const port = db.port && !db.port.includes(',') ? `:${db.port}` : '';
  return `${db.user ? `${db.user}@` : ''}${host}${port}/${db.name}`;
}
