/**
 * Which database objects a failed migration created: those that exist now and are not in the
 * backup. The backup's table of contents (`pg_restore -l`) names every object by its catalog
 * and OID, so since we restore into the same database the comparison is exact, renames included.
 */

export interface LiveObject {
  /** The system catalog it lives in: pg_class, pg_proc, pg_type, pg_constraint, pg_namespace, pg_extension. */
  catalog: string;
  oid: number;
  /** relkind, prokind, typtype or contype. */
  kind: string;
  /** Quoted, schema-qualified name (with argument types for routines). */
  name: string;
  /** For a constraint: its table. */
  on: string;
  /** Whether the connected role owns it (or is a member of its owner): only then may it drop it. */
  owned: boolean;
  owner: string;
}

/** The system catalogs' own OIDs, fixed in every PostgreSQL. */
const CATALOGS: Record<string, string> = {
  '1259': 'pg_class',
  '1255': 'pg_proc',
  '1247': 'pg_type',
  '2606': 'pg_constraint',
  '2615': 'pg_namespace',
  '3079': 'pg_extension',
};

/** `216; 1259 16395 TABLE public users app` → `pg_class:16395`, for every TOC line. */
export function parseTocIds(toc: string): Set<string> {
  const ids = new Set<string>();
  for (const line of toc.split(/\r?\n/)) {
    const match = /^\d+;\s+(\d+)\s+(\d+)\s/.exec(line);
    const catalog = match ? CATALOGS[match[1] ?? ''] : undefined;
    if (match && catalog) ids.add(`${catalog}:${match[2]}`);
  }
  return ids;
}

const ORDER = ['pg_constraint', 'pg_class', 'pg_proc', 'pg_type', 'pg_extension', 'pg_namespace'];
const RELATION_ORDER = ['v', 'm', 'f', 'p', 'r', 'S'];

function dropOne(o: LiveObject): string | undefined {
  switch (o.catalog) {
    case 'pg_constraint':
      return `ALTER TABLE IF EXISTS ${o.on} DROP CONSTRAINT IF EXISTS ${o.name}`;
    case 'pg_class': {
      const what = { v: 'VIEW', m: 'MATERIALIZED VIEW', f: 'FOREIGN TABLE', p: 'TABLE', r: 'TABLE', S: 'SEQUENCE' }[o.kind];
      return what ? `DROP ${what} IF EXISTS ${o.name} CASCADE` : undefined;
    }
    case 'pg_proc':
      return `DROP ROUTINE IF EXISTS ${o.name} CASCADE`;
    case 'pg_type':
      return `DROP ${o.kind === 'd' ? 'DOMAIN' : 'TYPE'} IF EXISTS ${o.name} CASCADE`;
    case 'pg_extension':
      return `DROP EXTENSION IF EXISTS ${o.name} CASCADE`;
    case 'pg_namespace':
      return `DROP SCHEMA IF EXISTS ${o.name} CASCADE`;
    default:
      return undefined;
  }
}

/**
 * DROP statements, dependents first (foreign keys, then views, then tables…), each with IF
 * EXISTS and CASCADE: an earlier drop may already have taken a later object with it.
 */
export function dropStatements(objects: readonly LiveObject[]): string[] {
  const rank = (o: LiveObject): number =>
    ORDER.indexOf(o.catalog) * 10 + (o.catalog === 'pg_class' ? Math.max(0, RELATION_ORDER.indexOf(o.kind)) : 0);
  return [...objects]
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
    .map(dropOne)
    .filter((s): s is string => s !== undefined);
}

/** `EXTENSION citext`, `SCHEMA audit`: how a TOC names an object in COMMENT and ACL entries. */
const TOC_KIND: Record<string, string> = { pg_extension: 'EXTENSION', pg_namespace: 'SCHEMA' };

/**
 * The backup's table of contents without the objects this role does not own and the failed
 * migration cannot have changed (it ran as this role, and only an owner alters or drops an
 * object): an extension an admin created, a schema another role owns. Restoring them would
 * fail (`must be owner of extension`) and is not needed. Their COMMENT and ACL entries go too.
 */
export function leaveAlone(toc: string, live: readonly LiveObject[]): { toc: string; skipped: LiveObject[] } {
  const notOwned = new Map(
    live
      .filter((o) => !o.owned && (o.catalog === 'pg_extension' || o.catalog === 'pg_namespace'))
      .map((o) => [`${o.catalog}:${o.oid}`, o]),
  );
  const skipped = new Map<string, LiveObject>();
  const described = new Set([...notOwned.values()].map((o) => `${TOC_KIND[o.catalog]} ${o.name}`));
  const kept = toc.split(/\r?\n/).filter((line) => {
    const match = /^\d+;\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!match) return true;
    const object = notOwned.get(`${CATALOGS[match[1] ?? ''] ?? ''}:${match[2]}`);
    if (object) {
      skipped.set(`${object.catalog}:${object.oid}`, object);
      return false;
    }
    const rest = ` ${(match[3] ?? '').trim()} `;
    return !(/^ (?:COMMENT|ACL) /.test(rest) && [...described].some((d) => rest.includes(` ${d} `)));
  });
  return { toc: kept.join('\n'), skipped: [...skipped.values()] };
}
