/**
 * Each tool's real commands (the catalog's preset table documents the same), and how to read
 * its status. Commands are argument arrays; `node` marks a program that lives in the project's
 * node_modules/.bin (what `npx` would run, without npx's download fallback).
 */
import type { Tool } from './manifest.ts';
import {
  parseAlembic,
  parseCustom,
  parseDjango,
  parseKnex,
  parseLaravel,
  parsePrisma,
  parseTypeorm,
  type StatusParser,
  type StatusReport,
} from './status.ts';

export interface Command {
  argv: string[];
  /** Resolve argv[0] from node_modules/.bin, walking up from the working directory. */
  node?: boolean;
}

export interface Preset {
  tool: Tool;
  apply?: Command;
  status?: Command;
  parseStatus: StatusParser;
  /** The tool's plan / pretend / offline mode, given what status found; none: status only. */
  dryRun?: (status: StatusReport) => Command | undefined;
  /**
   * The tool's own downgrade to `to` (a revision in the tool's terms; undefined: one step). Several
   * commands when the tool takes one target at a time (Django: one app a command). None: Prisma.
   */
  down?: (to: string | undefined) => Command[];
  /** Where the database is, in the terms `to` takes, from the status: what `revision-before` says. */
  revision?: (status: StatusReport) => string | undefined;
  /** A file the tool needs in the working directory. */
  needs?: string;
  install: string;
}

/** The last applied migration, for tools whose downgrade target is a migration name. */
const lastApplied = (status: StatusReport): string | undefined =>
  status.ok && status.applied && status.applied.length > 0 ? status.applied[status.applied.length - 1] : undefined;

/** `shop.0001_initial` or `shop 0001_initial` lines → `manage.py migrate shop 0001_initial`, one a line. */
function djangoDown(to: string | undefined): Command[] {
  const targets = (to ?? '')
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return targets.map((target) => {
    const [app = '', name = ''] = target.split(/[.\s]+/);
    return { argv: ['python3', 'manage.py', 'migrate', app, name, '--noinput'] };
  });
}

/**
 * Django's "where the database is" for the apps with something pending: `app.<last applied>`,
 * or `app.zero` for an app with nothing applied yet — what `manage.py migrate app name` takes.
 */
function djangoRevision(status: StatusReport): string | undefined {
  if (!status.ok || status.pending === undefined) return undefined;
  const appOf = (name: string): string => name.split('.')[0] ?? name;
  const last = new Map<string, string>();
  for (const name of status.applied ?? []) last.set(appOf(name), name);
  const apps = [...new Set(status.pending.map(appOf))];
  return apps.map((app) => last.get(app) ?? `${app}.zero`).join('\n') || undefined;
}

const TYPEORM_DATA_SOURCE = 'data-source.js';

export const PRESETS: Record<Tool, Preset> = {
  prisma: {
    tool: 'prisma',
    apply: { argv: ['prisma', 'migrate', 'deploy'], node: true },
    status: { argv: ['prisma', 'migrate', 'status'], node: true },
    parseStatus: parsePrisma,
    revision: lastApplied,
    install: 'Add prisma to the project (npm install -D prisma) and run npm ci before this step.',
  },
  alembic: {
    tool: 'alembic',
    apply: { argv: ['alembic', 'upgrade', 'head'] },
    status: { argv: ['alembic', 'history', '--indicate-current'] },
    parseStatus: parseAlembic,
    down: (to) => [{ argv: ['alembic', 'downgrade', to ?? '-1'] }],
    revision: (status) => (status.ok && status.pending !== undefined ? (status.current ?? []).join(' ') || 'base' : undefined),
    dryRun: (status) => {
      const current = status.ok && status.pending !== undefined ? (status.current ?? []) : [];
      // Offline mode starts from the base unless told where the database is.
      const range = current.length === 1 ? `${current[0]}:head` : 'head';
      return { argv: ['alembic', 'upgrade', range, '--sql'] };
    },
    needs: 'alembic.ini',
    install: 'Install alembic in an earlier step (pip install alembic, or your requirements file).',
  },
  django: {
    tool: 'django',
    apply: { argv: ['python3', 'manage.py', 'migrate', '--noinput'] },
    status: { argv: ['python3', 'manage.py', 'showmigrations', '--plan'] },
    parseStatus: parseDjango,
    down: djangoDown,
    revision: djangoRevision,
    dryRun: () => ({ argv: ['python3', 'manage.py', 'migrate', '--plan'] }),
    needs: 'manage.py',
    install: 'Set up Python and install the requirements (actions/setup-python, pip install -r requirements.txt) first.',
  },
  laravel: {
    tool: 'laravel',
    apply: { argv: ['php', 'artisan', 'migrate', '--force'] },
    status: { argv: ['php', 'artisan', 'migrate:status'] },
    parseStatus: parseLaravel,
    down: (to) => [{ argv: ['php', 'artisan', 'migrate:rollback', '--force', ...(to ? [`--step=${to}`] : [])] }],
    revision: lastApplied,
    dryRun: () => ({ argv: ['php', 'artisan', 'migrate', '--pretend', '--force'] }),
    needs: 'artisan',
    install: 'Set up PHP and run composer install first (shivammathur/setup-php).',
  },
  knex: {
    tool: 'knex',
    apply: { argv: ['knex', 'migrate:latest'], node: true },
    status: { argv: ['knex', 'migrate:list'], node: true },
    parseStatus: parseKnex,
    down: (to) => [{ argv: to ? ['knex', 'migrate:down', to] : ['knex', 'migrate:rollback'], node: true }],
    revision: lastApplied,
    install: 'Add knex to the project and run npm ci before this step.',
  },
  typeorm: {
    tool: 'typeorm',
    apply: { argv: ['typeorm', 'migration:run', '-d', TYPEORM_DATA_SOURCE], node: true },
    status: { argv: ['typeorm', 'migration:show', '-d', TYPEORM_DATA_SOURCE], node: true },
    parseStatus: parseTypeorm,
    down: () => [{ argv: ['typeorm', 'migration:revert', '-d', TYPEORM_DATA_SOURCE], node: true }],
    revision: lastApplied,
    install: 'Add typeorm to the project and run npm ci before this step.',
  },
  custom: {
    tool: 'custom',
    parseStatus: parseCustom,
    install: 'Check the command and the working directory.',
  },
};

/** Django's docs say `python`; Debian and Ubuntu have only `python3` unless told otherwise. */
export const PYTHON_CANDIDATES = ['python3', 'python'] as const;

export interface PlannedCommands {
  apply: Command;
  /** Further commands run after `apply`, in order (Django's downgrade of several apps). */
  more: Command[];
  status: Command | undefined;
  rollback: Command | undefined;
  dryRun: ((status: StatusReport) => Command | undefined) | undefined;
}

/** The commands a run will use: the step's own where given, else the preset's. */
export function planCommands(
  preset: Preset,
  given: { command?: string[]; statusCommand?: string[]; rollbackCommand?: string[]; down?: { to: string | undefined } },
): PlannedCommands {
  const presetSteps = given.down ? (preset.down?.(given.down.to) ?? []) : preset.apply ? [preset.apply] : [];
  const [first, ...more] = given.command ? [{ argv: given.command }] : presetSteps;
  if (!first) throw new Error(`the ${preset.tool} preset has no ${given.down ? 'down' : 'apply'} command and none was given`);
  return {
    apply: first,
    more,
    status: given.statusCommand ? { argv: given.statusCommand } : preset.status,
    rollback: given.rollbackCommand ? { argv: given.rollbackCommand } : undefined,
    // A dry run of the preset's own plan only makes sense with the preset's own apply command.
    dryRun: given.command || given.down ? undefined : preset.dryRun,
  };
}
