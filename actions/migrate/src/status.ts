/**
 * "What is pending", read from each tool's own status command. The tools disagree on exit
 * codes (Prisma and TypeORM exit 1 when something is pending, Laravel exits 1 before its first
 * migration, the others exit 0) and on format; each parser turns its tool's answer into one
 * shape, or says plainly that the answer was an error.
 */

export interface StatusAnswer {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type StatusReport =
  /** `applied`: what the tool lists as already applied, oldest first, when it lists it. */
  | { ok: true; pending: string[]; current?: string[]; applied?: string[] }
  /** The tool answered but cannot list what is pending (e.g. no migration table yet): something is. */
  | { ok: true; pending: undefined; why: string; applied?: string[] }
  | { ok: false; error: string };

export type StatusParser = (answer: StatusAnswer) => StatusReport;

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

function linesOf(text: string): string[] {
  return text.replace(ANSI, '').split(/\r?\n/);
}

function lastLine(answer: StatusAnswer): string {
  const text = `${answer.stderr}\n${answer.stdout}`.trim();
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(-3).join(' ').trim() || `exit code ${answer.exitCode}`;
}

const failed = (answer: StatusAnswer): StatusReport => ({ ok: false, error: lastLine(answer) });

/**
 * `prisma migrate status`: exit 0 with "Database schema is up to date!", exit 1 with
 * "Following migration(s) have not yet been applied:" and the names, one a line, up to a blank
 * line. Exit 1 with anything else (a failed migration, no connection) is an error.
 */
export const parsePrisma: StatusParser = (answer) => {
  const lines = linesOf(`${answer.stdout}\n${answer.stderr}`);
  if (lines.some((l) => /have failed:?\s*$/i.test(l))) {
    return {
      ok: false,
      error: `Prisma reports a failed migration: ${lastLine(answer)} Resolve it first (prisma migrate resolve).`,
    };
  }
  const start = lines.findIndex((l) => /have not yet been applied:?\s*$/i.test(l));
  if (start >= 0 && (answer.exitCode === 0 || answer.exitCode === 1)) {
    const pending: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (line.trim() === '') {
        if (pending.length > 0) break;
        continue;
      }
      pending.push(line.trim());
    }
    return { ok: true, pending };
  }
  if (answer.exitCode === 0 && lines.some((l) => /up to date/i.test(l))) return { ok: true, pending: [] };
  if (answer.exitCode === 0 && lines.some((l) => /No migration found/i.test(l))) return { ok: true, pending: [] };
  return failed(answer);
};

/**
 * `alembic history --indicate-current`: newest first, `down -> rev (head) (current), message`.
 * Pending: every revision that is not the current one or an ancestor of it (walks the down
 * links, so branches and merges count right). No `(current)` marker: nothing applied yet.
 */
export const parseAlembic: StatusParser = (answer) => {
  if (answer.exitCode !== 0) return failed(answer);
  const revisions = new Map<string, string[]>();
  const order: string[] = [];
  const current: string[] = [];
  for (const line of linesOf(answer.stdout)) {
    const match = /^\s*(.+?)\s+->\s+([0-9A-Za-z_]+)((?:\s+\([a-z]+\))*)\s*(?:,|$)/.exec(line);
    if (!match) continue;
    const [, downs = '', rev = '', flags = ''] = match;
    const parents =
      downs.trim() === '<base>'
        ? []
        : downs
            .replace(/[()]/g, '')
            .split(/[\s,]+/)
            .filter(Boolean);
    revisions.set(rev, parents);
    order.push(rev);
    if (/\(current\)/.test(flags)) current.push(rev);
  }
  const applied = new Set<string>();
  const stack = [...current];
  while (stack.length > 0) {
    const rev = stack.pop() as string;
    if (applied.has(rev)) continue;
    applied.add(rev);
    stack.push(...(revisions.get(rev) ?? []));
  }
  // Oldest first, the order they will be applied in.
  return { ok: true, pending: order.filter((rev) => !applied.has(rev)).reverse(), current };
};

/** `manage.py showmigrations --plan`: `[X]  app.0001_initial` applied, `[ ]  app.0002_x` pending. */
export const parseDjango: StatusParser = (answer) => {
  if (answer.exitCode !== 0) return failed(answer);
  const pending: string[] = [];
  const applied: string[] = [];
  for (const line of linesOf(answer.stdout)) {
    const match = /^\s*\[( |X)\]\s+(\S+)/.exec(line);
    if (!match) continue;
    (match[1] === ' ' ? pending : applied).push(match[2] ?? '');
  }
  if (pending.length + applied.length === 0 && answer.stdout.trim() !== '' && !/no migrations/i.test(answer.stdout))
    return failed(answer);
  return { ok: true, pending, applied };
};

/**
 * `php artisan migrate:status`. Laravel 9+: `  2019_12_14_000001_name ........ [1] Ran` or
 * `… Pending`; Laravel 8 and before: a table with `| Yes |` / `| No |` in the Ran? column.
 * "Migration table not found." (exit 1 since Laravel 9, 0 before): nothing applied yet.
 */
export const parseLaravel: StatusParser = (answer) => {
  const text = `${answer.stdout}\n${answer.stderr}`;
  if (/Migration table not found/i.test(text)) {
    return { ok: true, pending: undefined, why: 'the migrations table does not exist yet (nothing applied)', applied: [] };
  }
  if (answer.exitCode !== 0) return failed(answer);
  const pending: string[] = [];
  const applied: string[] = [];
  for (const line of linesOf(answer.stdout)) {
    const modern = /^\s*(\S+)\s+\.+\s*(?:\[\d+\]\s+)?(Ran|Pending)\s*$/.exec(line);
    if (modern) {
      (modern[2] === 'Pending' ? pending : applied).push(modern[1] ?? '');
      continue;
    }
    const table = /^\|\s*(Yes|No)\s*\|\s*(\S+)\s*\|/.exec(line);
    if (table) (table[1] === 'No' ? pending : applied).push(table[2] ?? '');
  }
  return { ok: true, pending, applied };
};

/**
 * `knex migrate:list`: "Found N Completed Migration file/files." and its names, then "Found N
 * Pending Migration file/files." and its names, or "No Pending Migration files Found.".
 */
export const parseKnex: StatusParser = (answer) => {
  if (answer.exitCode !== 0) return failed(answer);
  const lines = linesOf(answer.stdout);
  const start = lines.findIndex((l) => /Pending Migration file/i.test(l));
  if (start < 0) return failed(answer);
  if (/No Pending Migration/i.test(lines[start] ?? '')) return { ok: true, pending: [] };
  const pending: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || /Migration file/i.test(line)) break;
    pending.push(line.trim());
  }
  return { ok: true, pending };
};

/** `typeorm migration:show`: ` [X] 1 Init1700000000000` applied, ` [ ] AddUser1700…` pending; exit 1 when pending. */
export const parseTypeorm: StatusParser = (answer) => {
  if (answer.exitCode !== 0 && answer.exitCode !== 1) return failed(answer);
  const pending: string[] = [];
  let seen = 0;
  for (const line of linesOf(answer.stdout)) {
    const match = /^\s*\[( |X)\]\s+(?:\d+\s+)?(\S+)/.exec(line);
    if (!match) continue;
    seen++;
    if (match[1] === ' ') pending.push(match[2] ?? '');
  }
  if (answer.exitCode === 1 && pending.length === 0) return failed(answer);
  if (seen === 0 && answer.stdout.trim() !== '' && !/no migrations/i.test(answer.stdout)) return failed(answer);
  return { ok: true, pending };
};

/** A custom status command: the pending migrations one a line, nothing when up to date, exit 0. */
export const parseCustom: StatusParser = (answer) => {
  if (answer.exitCode !== 0) return failed(answer);
  return {
    ok: true,
    pending: linesOf(answer.stdout)
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  };
};
