import type { InputProblem } from '@deploy-suite/core/errors';
import * as t from '@deploy-suite/core/input-types';
import { optional, required, withDefault } from '@deploy-suite/core/inputs';
import { defineAction } from '@deploy-suite/core/manifest';
import { commandLine } from './command-line.ts';
import { isPostgresUrl, parseDatabaseUrl } from './database-url.ts';

export const TOOLS = ['prisma', 'alembic', 'django', 'laravel', 'knex', 'typeorm', 'custom'] as const;
export type Tool = (typeof TOOLS)[number];

const databaseUrl: t.InputType<string> = {
  form: 'a database URL such as postgres://user:password@host:5432/db',
  parse: (raw) => {
    const parsed = parseDatabaseUrl(raw);
    return parsed.ok ? { ok: true, value: raw } : { ok: false, expected: parsed.expected };
  },
};

export const manifest = defineAction({
  name: 'migrate',
  title: 'Deploy Suite: run database migrations safely',
  description:
    "Runs the app's database migrations so they cannot lose data: status, a PostgreSQL backup (pg_dump), apply, status again; on failure the backup is restored and the step fails with the tool's error. Presets for Prisma, Alembic, Django, Laravel, Knex, TypeORM, or your own command.",
  branding: { icon: 'database', color: 'blue' },
  inputs: {
    tool: required(
      t.oneOf(TOOLS),
      "The migration tool, which picks the preset commands (see the catalog); 'custom' runs `command`.",
    ),
    command: optional(commandLine(), "The command that applies the migrations, instead of the preset's. Required for `custom`."),
    'status-command': optional(
      commandLine(),
      "The command that lists what is pending, instead of the preset's (read with the tool's parser). For `custom`: print the pending migrations one a line, nothing when up to date, exit 0.",
    ),
    'rollback-command': optional(
      commandLine(),
      'Runs after a failed migration when there is no backup to restore (backup off, not PostgreSQL), to undo what it applied, e.g. `alembic downgrade -1`.',
    ),
    'working-directory': withDefault(t.text(), '.', 'Where the commands run (the folder with manage.py, artisan, alembic.ini…).'),
    'database-url': optional(
      databaseUrl,
      'The database to migrate (or read it from Railway with railway-service). Given to the commands as `DATABASE_URL`, the libpq `PG*` variables and what each tool reads (see the catalog); used for the backup. Pass it from a secret.',
      { secret: true },
    ),
    'railway-token': optional(
      t.text('a Railway project, account or workspace token'),
      'Read the database URL from a Railway service instead of database-url, as `railway run` does: a project token (one environment) or an account or workspace token (with railway-project-id). Pass it from a secret. Default: RAILWAY_TOKEN or RAILWAY_API_TOKEN from the environment.',
      { secret: true },
    ),
    'railway-service': optional(
      t.text('a Railway service name or id'),
      "The Railway service whose variables the migration runs with (the app's, e.g. `api`): its DATABASE_URL, or DATABASE_PUBLIC_URL when DATABASE_URL is on Railway's private network, and every other variable in the commands' environment. Exclusive with database-url.",
    ),
    'railway-environment': optional(
      t.text('a Railway environment name or id'),
      "The Railway environment (name or id). Default: the project token's environment, else `production`.",
    ),
    'railway-project-id': optional(
      t.text('a Railway project id'),
      'The Railway project. Optional with a project token, which names its project.',
    ),
    'railway-api-url': withDefault(
      t.url(),
      'https://backboard.railway.com',
      "Railway's API origin: a proxy, or the local sandbox.",
    ),
    env: optional(
      t.keyValues(),
      'More environment for the commands, `KEY=VALUE` one a line. Values that may be credentials are masked, as for `railway-service` (see below).',
    ),
    backup: withDefault(
      t.oneOf(['auto', 'true', 'false'] as const),
      'auto',
      "Back up with `pg_dump -Fc` before applying: 'auto' backs up PostgreSQL databases.",
    ),
    'backup-dir': optional(t.text(), 'Where the backup file is written. Default: `$RUNNER_TEMP/migrate-backups`.'),
    'restore-on-failure': withDefault(
      t.boolean(),
      'true',
      'When a migration fails, restore the backup (or run `rollback-command` when there is none) before failing.',
    ),
    'dry-run': withDefault(
      t.boolean(),
      'false',
      "Show what would be applied (the tool's plan, pretend or offline mode) and apply nothing.",
    ),
    'lock-timeout': withDefault(
      t.duration({ min: 0, max: 3_600_000 }),
      '10s',
      "PostgreSQL `lock_timeout` for the migration's connections (through `PGOPTIONS`): a statement that waits longer for a lock fails instead of stalling production behind it. `0` turns it off.",
    ),
    'statement-timeout': optional(
      t.duration({ min: 0, max: 24 * 3_600_000 }),
      "PostgreSQL `statement_timeout` for the migration's connections (through `PGOPTIONS`).",
    ),
    direction: withDefault(
      t.oneOf(['up', 'down'] as const),
      'up',
      "'up' applies what is pending; 'down' takes the database back to `to` with the tool's own downgrade (alembic downgrade, manage.py migrate APP NAME, artisan migrate:rollback, knex migrate:down / migrate:rollback, typeorm migration:revert), with the same backup, check and restore as up. Prisma has no downgrade: restore the up run's backup instead.",
    ),
    to: optional(
      t.text(),
      "With `direction: down`, where to go back to, in the tool's terms: the `revision-before` output of the up run (alembic: a revision or `base`, default `-1`; django: `app.migration` or `app.zero` lines, required; laravel: a number of steps; knex: a migration name, default the last batch). For `custom`, given to the command as `MIGRATE_TO`.",
    ),
    timeout: withDefault(
      t.duration({ min: 1000, max: 6 * 3_600_000 }),
      '30m',
      'How long each phase (status, backup, apply, restore) may take before it is stopped.',
    ),
  },
  outputs: {
    applied: { description: 'The migrations this run applied, one a line (empty when none, or when the tool cannot list them).' },
    pending: { description: 'The migrations still pending, one a line: after a dry run, what would be applied.' },
    'backup-file': { description: 'Path of the `pg_dump -Fc` backup taken before applying (empty when none was taken).' },
    reverted: { description: 'With `direction: down`, the migrations it took back, one a line.' },
    'revision-before': {
      description:
        "Where the database was before this run, in the tool's terms (alembic: the revision or `base`; django: `app.migration` lines for the apps that had something pending; others: the last applied migration): pass it as `to` with `direction: down` to go back exactly there.",
    },
    restored: {
      description: "'true' when a failed migration was undone (backup restored or rollback command run), else 'false'.",
    },
  },
  check: (inputs) => {
    const problems: InputProblem[] = [];
    if (inputs.tool === 'custom' && inputs.command === undefined)
      problems.push({ input: 'command', shown: 'is required', expected: "expected a command line when tool is 'custom'" });
    const railwayOnly = (
      [
        ['railwayToken', 'railway-token'],
        ['railwayEnvironment', 'railway-environment'],
        ['railwayProjectId', 'railway-project-id'],
      ] as const
    )
      .filter(([key]) => inputs[key] !== undefined)
      .map(([, name]) => name);
    if (inputs.databaseUrl !== undefined && (inputs.railwayService !== undefined || railwayOnly.length > 0))
      problems.push({
        input: 'database-url',
        shown: `is given with ${inputs.railwayService !== undefined ? 'railway-service' : railwayOnly.join(', ')}`,
        expected: 'expected either database-url or railway-service (with railway-token) to name the database, not both',
      });
    else if (inputs.railwayService === undefined && railwayOnly.length > 0)
      problems.push({
        input: 'railway-service',
        shown: `is required with ${railwayOnly.join(', ')}`,
        expected: "expected the Railway service whose variables hold the database URL (the app's, e.g. api)",
      });
    if (inputs.backup === 'true' && inputs.railwayService === undefined && !isPostgresUrl(inputs.databaseUrl))
      problems.push({
        input: 'backup',
        shown: 'got "true"',
        expected: 'expected a PostgreSQL database-url (postgres:// or postgresql://) to back up; set backup to auto or false',
      });
    if (inputs.direction === 'down' && inputs.tool === 'django' && !inputs.to?.trim())
      problems.push({
        input: 'to',
        shown: 'is required',
        expected:
          "expected the Django migration to go back to with direction: down, as `app.migration` or `app.zero` (the up run's revision-before output)",
      });
    if (inputs.direction === 'down' && inputs.dryRun)
      problems.push({
        input: 'dry-run',
        shown: 'got "true"',
        expected: "expected false with direction: down (a dry run shows an 'up' plan)",
      });
    if (inputs.to !== undefined && inputs.direction !== 'down')
      problems.push({
        input: 'to',
        shown: `got ${JSON.stringify(inputs.to.slice(0, 80))}`,
        expected: 'expected only with direction: down',
      });
    return problems;
  },
  example: `- name: Migrate the database
  uses: OWNER/REPO/actions/migrate@v1
  with:
    tool: django
    working-directory: backend
    database-url: \${{ secrets.DATABASE_URL }}
    lock-timeout: 5s`,
  notes: `### Presets

Each preset runs the tool's own commands, as argument arrays (never through a shell). Node tools run from the project's \`node_modules/.bin\` (what \`npx\` would run; install dependencies first); Django runs with \`python3\` (else \`python\`).

| tool | apply | status (pending) | dry run | rollback to set in \`rollback-command\` | database settings given |
|---|---|---|---|---|---|
| prisma | \`npx prisma migrate deploy\` | \`npx prisma migrate status\` (exit 1 and "have not yet been applied" when pending) | status only | none (Prisma has no down migrations): keep the backup | \`DATABASE_URL\` (with \`options=-c lock_timeout=…\` added, as Prisma does not read \`PGOPTIONS\`) |
| alembic | \`alembic upgrade head\` | \`alembic history --indicate-current\` | \`alembic upgrade <current>:head --sql\` (offline mode) | \`alembic downgrade -1\` | \`DATABASE_URL\` as \`postgresql://\` (SQLAlchemy refuses \`postgres://\`) |
| django | \`python3 manage.py migrate --noinput\` | \`python3 manage.py showmigrations --plan\` (\`[ ]\` lines) | \`python3 manage.py migrate --plan\` | \`python3 manage.py migrate APP PREVIOUS\` | \`DATABASE_URL\` and \`PG*\` (read them in settings.py, e.g. with dj-database-url) |
| laravel | \`php artisan migrate --force\` | \`php artisan migrate:status\` ("Pending" / "No" rows; "Migration table not found" = all pending) | \`php artisan migrate --pretend --force\` | \`php artisan migrate:rollback --force\` | \`DB_CONNECTION=pgsql\`, \`DB_URL\`, \`DB_HOST\`, \`DB_PORT\`, \`DB_DATABASE\`, \`DB_USERNAME\`, \`DB_PASSWORD\` |
| knex | \`npx knex migrate:latest\` | \`npx knex migrate:list\` | status only | \`npx knex migrate:rollback\` | \`DATABASE_URL\` (read it in knexfile.js) |
| typeorm | \`npx typeorm migration:run -d data-source.js\` | \`npx typeorm migration:show -d data-source.js\` (\`[ ]\` lines; exit 1 when pending) | status only | \`npx typeorm migration:revert -d data-source.js\` | \`DATABASE_URL\` (read it in the data source) |
| custom | \`command\` | \`status-command\`: prints pending migrations one a line, nothing when up to date, exits 0 | status only | your own | \`DATABASE_URL\` and \`PG*\` |

Every command also gets the libpq variables (\`PGHOST\`, \`PGPORT\`, \`PGUSER\`, \`PGPASSWORD\`, \`PGDATABASE\`) and \`PGOPTIONS\` with \`-c lock_timeout=…\` and \`-c statement_timeout=…\`, which libpq (psycopg2, PHP's pdo_pgsql, psql) and node-postgres (Knex, TypeORM) read. \`env\` comes last and wins.

### What happens

1. **Check**: the tool's program, \`psql\`/\`pg_dump\`/\`pg_restore\` when backing up, and a connection to the database (unreachable host, wrong password, missing database: one clear error), before anything changes.
2. **Status**: what is pending, read from the tool's own status command. Nothing pending: the step succeeds at once, with no backup.
3. **Backup**: \`pg_dump -Fc\` into \`backup-dir\` (mode 600, kept after the run; its path is the \`backup-file\` output).
4. **Apply**: the tool's command, its output streamed, stopped after \`timeout\`.
5. **Status again**: nothing may be left pending.

When a migration fails, the database is compared with the backup. If the failed migration left it as it was (a transactional migration that rolled back, or a lock timeout), nothing is restored. Otherwise the restore runs as **one transaction**: it locks every table first (under \`lock-timeout\`: a session in the way fails it at once, and the error names that session — pid, application_name, query start — found with \`pg_blocking_pids\`), drops what the migration created, runs the backup's SQL (\`pg_restore -f -\` streamed into one psql session) and commits only when all of it went through. Any failure — an error, a lock, a timeout, a cancel — rolls the whole restore back: the database is then exactly as the failed migration left it, never a mix, and the error says which state it is in and where the backup is. Objects owned by another role that this role cannot have changed (an extension an admin created) are left alone, and the log says so. A second cancel signal during the restore rolls it back instead of killing it half way, and the outputs are still written. The step fails with the tool's error either way. A restore puts back the database as it was at the backup: rows the app wrote during the migration are lost, so put the app in maintenance mode for migrations that may fail half way, or set \`restore-on-failure: false\`. The backup file is private (mode 600 from its first byte), removed if pg_dump fails, and kept otherwise.

### Going back: \`direction: down\`

Every run outputs \`revision-before\`, where the database was, in the tool's terms. \`direction: down\` with \`to: \${{ steps.migrate.outputs.revision-before }}\` takes it back there with the tool's own downgrade (\`alembic downgrade <to>\`, \`manage.py migrate <app> <name>\` per line, \`artisan migrate:rollback [--step=<to>]\`, \`knex migrate:down <to>\` or \`migrate:rollback\`, \`typeorm migration:revert\`), with the same backup, verification and all-or-nothing restore: a downgrade that fails half way is restored from its backup. Prisma has no downgrade: the step refuses and points to restoring the up run's \`backup-file\`.

### Database URLs

\`postgres://\`, \`postgresql://\` and SQLAlchemy's \`postgresql+psycopg2://\` / \`+asyncpg://\` are PostgreSQL; socket URIs (\`postgresql://u:p@/db?host=/var/run/postgresql\`) and IPv6 hosts (\`[::1]\`) work. The tool always gets the URL exactly as given; the backup and restore connections take only libpq's parameters (Prisma's \`schema\`, \`connection_limit\`, \`pool_timeout\`, \`pgbouncer\` are for the tool). A password must be percent-encoded (\`@\` → \`%40\`, \`:\` → \`%3A\`, \`/\` → \`%2F\`, \`#\` → \`%23\`, \`?\` → \`%3F\`): the error says where it is not. \`*.railway.internal\` is refused (runners cannot reach Railway's private network: pass \`DATABASE_PUBLIC_URL\`). Another database (\`mysql://\`, \`sqlite:\`) runs with a warning that no backup or restore protects it.

The database URL's password is never printed: it reaches the commands through the environment, never their arguments.

### The database from a Railway service

Instead of \`database-url\`, \`railway-service\` (with \`railway-token\`, default \`RAILWAY_TOKEN\` / \`RAILWAY_API_TOKEN\`) reads the service's variables through Railway's API, as \`railway run python manage.py migrate\` does, with no CLI: the project's shared variables and the service's own, rendered, for \`railway-environment\` (default: the project token's environment, else \`production\`). The two are exclusive: both given is one input error. The database is the service's \`DATABASE_URL\` when the runner can reach it, else its \`DATABASE_PUBLIC_URL\` (\`*.railway.internal\` is Railway's private network, out of a runner's reach); the log says which variable and host were used. Before anything runs, every value that may be a credential is masked, so a tool printing it shows \`***\`: its name says so (it contains pass, secret, token, key, auth, credential, private, cookie, session, salt, signature, dsn, cert or bypass: \`SECRET_KEY\`, \`PGPASSWORD\`, \`RAILWAY_TOKEN\`), it is a URL with a password (\`DATABASE_URL\`), it starts like a token (\`sk_live_\`, \`ghp_\`…), or it is 16 or more characters of letters and digits without spaces. A mask hides the value in every later line of the whole job (deploy, health-gate and notify included), so booleans, numbers, environment names (\`production\`, \`staging\`…), release numbers (\`8.0.0\`), log levels (\`debug\`, \`info\`), values under 4 characters and Railway's own variables (\`RAILWAY_SERVICE_NAME=api\`, \`RAILWAY_ENVIRONMENT_NAME=production\`, \`RAILWAY_PUBLIC_DOMAIN\`) stay readable: masking them would turn every later "api" or "production" into \`***\`. Anything else is masked. The same rule applies to the \`env\` input. The log says how many values were masked and names (never shows) those left readable. The commands get all the service's variables, as \`railway run\` gives them: they override the runner's environment (a workflow \`env:\` of the same name included, as with \`railway run\`); then come the database variables above (\`DATABASE_URL\` is the reachable URL) and last the \`env\` input, which still wins.

\`\`\`yaml
- uses: OWNER/REPO/actions/migrate@v1
  with:
    tool: django
    working-directory: backend
    railway-token: \${{ secrets.RAILWAY_TOKEN }}
    railway-service: api
\`\`\`

### Writes during a migration: maintenance mode

A restore puts the database back as it was when the backup started: rows a live app wrote between the backup and the restore are gone. Whenever a restore ran, the step says so in a warning and in the summary, with that time window. The seeds' practice is to stop writes for the length of the migration with a maintenance flag, set before and cleared after whatever happens:

\`\`\`yaml
- name: Maintenance on
  run: railway variables --service api --set MAINTENANCE_MODE=true   # or: php artisan down (Laravel)
  env: { RAILWAY_TOKEN: \${{ secrets.RAILWAY_TOKEN }} }
- id: migrate
  uses: OWNER/REPO/actions/migrate@v1
  with:
    tool: laravel
    railway-token: \${{ secrets.RAILWAY_TOKEN }}
    railway-service: api
- name: Maintenance off
  if: always()
  run: railway variables --service api --set MAINTENANCE_MODE=false   # or: php artisan up
  env: { RAILWAY_TOKEN: \${{ secrets.RAILWAY_TOKEN }} }
\`\`\`

The app reads \`MAINTENANCE_MODE\` and answers 503 to writes while it is on (Laravel's \`php artisan down\` / \`up\` does it for you; run them where the app runs). Without a flag, a migration that cannot fail half way (one transaction) needs none; for the rest, \`restore-on-failure: false\` keeps the app's writes and leaves the failed migration in place instead.`,
});

export type MigrateInputs = import('@deploy-suite/core/inputs').ParsedInputs<(typeof manifest)['inputs']>;
