/**
 * GitHub's list paging: `per_page` (default 30, at most 100) and `page` (from 1), and a `Link`
 * header with `first`, `prev`, `next` and `last` as GitHub sends them, so a client that follows
 * `rel="next"` (Octokit's paginate) walks the list exactly as it would on github.com.
 */
export interface Page<T> {
  items: T[];
  link: string | undefined;
}

export class PagingError extends Error {}

function whole(value: string | null, fallback: number, name: string): number {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new PagingError(`${name} must be a positive integer`);
  return Number(value);
}

export function pageOf<T>(all: readonly T[], query: URLSearchParams, base: string, path: string): Page<T> {
  const perPage = Math.min(100, Math.max(1, whole(query.get('per_page'), 30, 'per_page')));
  const page = Math.max(1, whole(query.get('page'), 1, 'page'));
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  const href = (n: number): string => {
    const q = new URLSearchParams(query);
    q.set('per_page', String(perPage));
    q.set('page', String(n));
    return `<${base}${path}?${q.toString()}>`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`${href(page - 1)}; rel="prev"`);
  if (page < last) rels.push(`${href(page + 1)}; rel="next"`, `${href(last)}; rel="last"`);
  if (page > 1) rels.push(`${href(1)}; rel="first"`);
  return { items, link: rels.length > 0 ? rels.join(', ') : undefined };
}
