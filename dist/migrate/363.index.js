export const id = 363;
export const ids = [363];
export const modules = {

/***/ 363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  migrate: () => (/* binding */ migrate)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(638);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(421);
// EXTERNAL MODULE: ./packages/core/src/clock.ts
var clock = __webpack_require__(143);
// EXTERNAL MODULE: ./packages/core/src/input-types.ts
var input_types = __webpack_require__(657);
// EXTERNAL MODULE: ./packages/core/src/secrets.ts
var secrets = __webpack_require__(620);
;// CONCATENATED MODULE: ./packages/core/src/exec.ts
/**
 * Runs a program: argument arrays only, never a shell string, so no value is ever re-parsed by
 * a shell. Output is streamed to the log line by line (through the runner, which scrubs
 * secrets) and kept for the caller; a timeout or an abort signal stops the whole process tree;
 * a failure is a UserError that quotes the command (credentials masked) and the last lines of
 * its error output, as google-github-actions/deploy-cloudrun reports a failed gcloud.
 *
 * Why node:child_process and not @actions/exec: @actions/exec echoes `[command]…` straight to
 * process.stdout (past our secret scrubber), has no timeout, no AbortSignal and no process-group
 * kill (an `npx` or `sh -c` wrapper would leave its children running), and its errors carry
 * neither the command's stderr nor a hint. One spawn in its own process group is less code than
 * adapting it.
 */







class ExecError extends errors/* UserError */.yo {
    exitCode;
    signal;
    timedOut;
    stdout;
    stderr;
    /** The last lines of error output (or of stdout when stderr was empty), scrubbed. */
    tail;
    constructor(init) {
        super(init.message, init.hint === undefined ? {} : { hint: init.hint });
        this.name = 'ExecError';
        this.exitCode = init.exitCode;
        this.signal = init.signal;
        this.timedOut = init.timedOut;
        this.stdout = init.stdout;
        this.stderr = init.stderr;
        this.tail = init.tail;
    }
}
/** Quotes a command line for display the way a POSIX shell would read it back. */
function formatCommand(file, args, scrub = (t) => t) {
    return [file, ...args]
        .map((part) => scrub((0,secrets/* maskUrl */.y)(part)))
        .map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`))
        .join(' ');
}
/** Finds a program the way spawn will: a path as given (relative to cwd), else each PATH entry. */
function findExecutable(file, options = {}) {
    const isFile = (candidate) => {
        try {
            if (!(0,external_node_fs_.statSync)(candidate).isFile())
                return false;
            (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
            return true;
        }
        catch {
            return false;
        }
    };
    if (file.includes('/')) {
        const full = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(options.cwd ?? process.cwd(), file);
        return isFile(full) ? full : undefined;
    }
    for (const dir of (options.path ?? process.env.PATH ?? '').split(external_node_path_.delimiter)) {
        if (dir === '')
            continue;
        const candidate = (0,external_node_path_.join)((0,external_node_path_.isAbsolute)(dir) ? dir : (0,external_node_path_.resolve)(options.cwd ?? process.cwd(), dir), file);
        if (isFile(candidate))
            return candidate;
    }
    return undefined;
}
function lastLines(text, count) {
    const lines = text.replace(/\s+$/, '').split(/\r?\n/);
    return lines.slice(-count).join('\n');
}
/** Splits a byte stream into lines, holding the unfinished one until more arrives or the end. */
function lineSplitter(emit) {
    let pending = '';
    return {
        push(chunk) {
            pending += chunk;
            const lines = pending.split(/\r?\n/);
            pending = lines.pop() ?? '';
            for (const line of lines)
                emit(line);
        },
        end() {
            if (pending !== '')
                emit(pending);
            pending = '';
        },
    };
}
/** Sends a signal to the child's whole process group (it leads one: `detached`). */
function killTree(pid, signal) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, signal);
    }
    catch {
        try {
            process.kill(pid, signal);
        }
        catch {
            // Already gone.
        }
    }
}
async function exec(file, args, options = {}) {
    const scrub = options.scrub ?? ((t) => t);
    const display = formatCommand(file, args, scrub);
    const label = options.label ?? file.split('/').pop() ?? file;
    const keep = options.keep ?? true;
    const maxKeep = options.maxKeep ?? 16 * 1024 * 1024;
    const tailCount = options.tailLines ?? 20;
    if (options.signal?.aborted)
        throw (0,clock/* cancellation */.W)(options.signal);
    const started = performance.now();
    // Its own process group, so a timeout or cancel stops the wrappers' children too (npx → node).
    const child = (0,external_node_child_process_.spawn)(file, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        detached: true,
    });
    if (options.input !== undefined)
        child.stdin?.end(options.input);
    let stdout = '';
    let stderr = '';
    const outLines = lineSplitter((line) => options.onLine?.(line, 'stdout'));
    const errLines = lineSplitter((line) => options.onLine?.(line, 'stderr'));
    child.stdout?.on('data', (chunk) => {
        options.onStdout?.(chunk);
        if (!keep && !options.onLine)
            return;
        const text = chunk.toString('utf8');
        if (keep && stdout.length < maxKeep)
            stdout += text;
        outLines.push(text);
    });
    child.stderr?.on('data', (chunk) => {
        const text = chunk.toString('utf8');
        if (stderr.length < maxKeep)
            stderr += text;
        errLines.push(text);
    });
    let timedOut = false;
    let aborted = false;
    let killTimer;
    const stop = () => {
        killTree(child.pid, 'SIGTERM');
        killTimer ??= setTimeout(() => killTree(child.pid, 'SIGKILL'), options.killGrace ?? 5000);
    };
    const timer = options.timeout === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            stop();
        }, options.timeout);
    const onAbort = () => {
        aborted = true;
        stop();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const outcome = await new Promise((done) => {
        child.once('error', (error) => done({ code: null, signal: null, error }));
        child.once('close', (code, signal) => done({ code, signal }));
    });
    clearTimeout(timer);
    clearTimeout(killTimer);
    options.signal?.removeEventListener('abort', onAbort);
    outLines.end();
    errLines.end();
    // A timeout or cancel stopped the leader; make sure nothing of its group outlives us.
    if (timedOut || aborted)
        killTree(child.pid, 'SIGKILL');
    const durationMs = performance.now() - started;
    if (outcome.error) {
        const code = outcome.error.code;
        if (code === 'ENOENT') {
            throw new errors/* UserError */.yo(`${label}: the program '${file}' was not found${file.includes('/') ? '' : ' on PATH'}.`, {
                hint: `Install it in an earlier step, or check the working directory (${options.cwd ?? process.cwd()}).`,
                cause: outcome.error,
            });
        }
        if (code === 'EACCES') {
            throw new errors/* UserError */.yo(`${label}: '${file}' is not executable.`, { hint: 'Make it executable (chmod +x).' });
        }
        throw new errors/* UserError */.yo(`${label}: could not start ${display}: ${outcome.error.message}`, { cause: outcome.error });
    }
    if (aborted && options.signal)
        throw (0,clock/* cancellation */.W)(options.signal);
    const exitCode = outcome.code ?? 128;
    const ok = options.okExitCodes === 'any' || (options.okExitCodes ?? [0]).includes(exitCode);
    if (!timedOut && ok && outcome.signal === null)
        return { exitCode, stdout, stderr, durationMs, display };
    const tail = scrub(lastLines(stderr.trim() !== '' ? stderr : stdout, tailCount));
    const how = timedOut
        ? `did not finish within ${(0,input_types/* formatDuration */.a3)(options.timeout ?? 0)} and was stopped`
        : outcome.signal
            ? `was killed by ${outcome.signal}`
            : `failed with exit code ${exitCode}`;
    throw new ExecError({
        message: `${label} ${how}: ${display}${tail ? `\n${tail}` : ''}`,
        exitCode: outcome.code,
        signal: outcome.signal,
        timedOut,
        stdout,
        stderr,
        tail,
    });
}

// EXTERNAL MODULE: ./actions/migrate/src/manifest.ts + 2 modules
var manifest = __webpack_require__(966);
;// CONCATENATED MODULE: ./actions/migrate/src/database.ts
/**
 * The database URL, turned into what each consumer reads: libpq's `PG*` variables, `PGOPTIONS`
 * for the timeouts, the variables each tool expects, and a password-free connection string for
 * our own pg_dump / pg_restore / psql (the password goes through `PGPASSWORD`, never an
 * argument, so it is not in the process list or in a quoted command).
 */

function parseDatabase(url) {
    const parsed = new URL(url);
    const withoutPassword = new URL(url);
    withoutPassword.password = '';
    return {
        url,
        postgres: (0,manifest/* isPostgresUrl */.pT)(url),
        host: decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, ''),
        port: parsed.port || ((0,manifest/* isPostgresUrl */.pT)(url) ? '5432' : ''),
        user: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password),
        name: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
        conninfo: withoutPassword.toString(),
    };
}
/** The database as a user may see it: `postgres://app:***@db.internal:5432/shop`. */
function describeDatabase(db) {
    return `${db.user ? `${db.user}@` : ''}${db.host}${db.port ? `:${db.port}` : ''}/${db.name}`;
}
/** `-c lock_timeout=2000 -c statement_timeout=…` after whatever PGOPTIONS already held (the last one wins). */
function buildPgOptions(existing, timeouts) {
    const parts = existing?.trim() ? [existing.trim()] : [];
    if (timeouts.lockTimeout > 0)
        parts.push(`-c lock_timeout=${timeouts.lockTimeout}`);
    if (timeouts.statementTimeout !== undefined && timeouts.statementTimeout > 0)
        parts.push(`-c statement_timeout=${timeouts.statementTimeout}`);
    return parts.join(' ');
}
/** Whether to take a backup: `auto` means "when the database is PostgreSQL". */
function shouldBackup(setting, databaseUrl) {
    if (setting === 'false')
        return false;
    return (0,manifest/* isPostgresUrl */.pT)(databaseUrl);
}
/** libpq's variables: psql, pg_dump, psycopg2, PHP's pdo_pgsql and node-postgres read them. */
function libpqEnv(db) {
    const env = {
        PGHOST: db.host,
        PGPORT: db.port,
        PGDATABASE: db.name,
    };
    if (db.user)
        env.PGUSER = db.user;
    if (db.password)
        env.PGPASSWORD = db.password;
    const sslmode = new URL(db.url).searchParams.get('sslmode');
    if (sslmode)
        env.PGSSLMODE = sslmode;
    return env;
}
/**
 * What the migration commands get, for the tool at hand. Later layers win: the runner's
 * environment, then (a later issue) a Railway service's variables as `railway run` injects them,
 * then these, then the step's `env`.
 */
function toolEnv(tool, db, pgOptions) {
    const env = {};
    if (pgOptions)
        env.PGOPTIONS = pgOptions;
    if (!db)
        return env;
    env.DATABASE_URL = db.url;
    if (db.postgres)
        Object.assign(env, libpqEnv(db));
    if (tool === 'alembic' && db.postgres) {
        // SQLAlchemy 1.4+ refuses the `postgres://` scheme Heroku and Railway hand out.
        env.DATABASE_URL = db.url.replace(/^postgres:\/\//i, 'postgresql://');
    }
    if (tool === 'prisma' && db.postgres && pgOptions) {
        // Prisma's engine does not read PGOPTIONS; it takes the same options from the URL.
        const url = new URL(db.url);
        url.searchParams.set('options', pgOptions);
        // URLSearchParams writes spaces as '+', which libpq-style parsers keep as a plus: use %20.
        url.search = url.search.replace(/\+/g, '%20');
        env.DATABASE_URL = url.toString();
    }
    if (tool === 'laravel') {
        const connection = db.postgres ? 'pgsql' : new URL(db.url).protocol.replace(':', '');
        Object.assign(env, {
            DB_CONNECTION: connection,
            DB_URL: db.url,
            DB_HOST: db.host,
            DB_PORT: db.port,
            DB_DATABASE: db.name,
            DB_USERNAME: db.user,
            DB_PASSWORD: db.password,
        });
    }
    return env;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
;// CONCATENATED MODULE: ./actions/migrate/src/objects.ts
/**
 * Which database objects a failed migration created: those that exist now and are not in the
 * backup. The backup's table of contents (`pg_restore -l`) names every object by its catalog
 * and OID, so since we restore into the same database the comparison is exact, renames included.
 */
/** The system catalogs' own OIDs, fixed in every PostgreSQL. */
const CATALOGS = {
    '1259': 'pg_class',
    '1255': 'pg_proc',
    '1247': 'pg_type',
    '2606': 'pg_constraint',
    '2615': 'pg_namespace',
    '3079': 'pg_extension',
};
/** `216; 1259 16395 TABLE public users app` → `pg_class:16395`, for every TOC line. */
function parseTocIds(toc) {
    const ids = new Set();
    for (const line of toc.split(/\r?\n/)) {
        const match = /^\d+;\s+(\d+)\s+(\d+)\s/.exec(line);
        const catalog = match ? CATALOGS[match[1] ?? ''] : undefined;
        if (match && catalog)
            ids.add(`${catalog}:${match[2]}`);
    }
    return ids;
}
const ORDER = ['pg_constraint', 'pg_class', 'pg_proc', 'pg_type', 'pg_extension', 'pg_namespace'];
const RELATION_ORDER = ['v', 'm', 'f', 'p', 'r', 'S'];
function dropOne(o) {
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
function dropStatements(objects) {
    const rank = (o) => ORDER.indexOf(o.catalog) * 10 + (o.catalog === 'pg_class' ? Math.max(0, RELATION_ORDER.indexOf(o.kind)) : 0);
    return [...objects]
        .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
        .map(dropOne)
        .filter((s) => s !== undefined);
}

;// CONCATENATED MODULE: ./actions/migrate/src/postgres.ts
/**
 * PostgreSQL's own client programs, run for the backup and the restore: psql to check the
 * connection and drop what a failed migration created, pg_dump for the backup and to compare
 * the database with it, pg_restore to put it back. The password reaches them through
 * PGPASSWORD; the connection string they are given has none.
 */







const NEEDED = { psql: 'psql', pgDump: 'pg_dump', pgRestore: 'pg_restore' };
/** Each client on PATH, else the newest in Debian's /usr/lib/postgresql/N/bin; missing names listed. */
function findPgTools(path) {
    const found = {};
    const missing = [];
    const debian = '/usr/lib/postgresql';
    const versions = (0,external_node_fs_.existsSync)(debian)
        ? (0,external_node_fs_.readdirSync)(debian)
            .filter((v) => /^\d+$/.test(v))
            .sort((a, b) => Number(b) - Number(a))
        : [];
    for (const [key, name] of Object.entries(NEEDED)) {
        const onPath = findExecutable(name, { path });
        const fallback = versions.map((v) => (0,external_node_path_.join)(debian, v, 'bin', name)).find((p) => (0,external_node_fs_.existsSync)(p));
        const chosen = onPath ?? fallback;
        if (chosen)
            found[key] = chosen;
        else
            missing.push(name);
    }
    return missing.length === 0 ? { tools: found, missing } : { missing };
}
function pgEnv(ctx, extra = {}) {
    return {
        PATH: ctx.baseEnv.PATH ?? '',
        HOME: ctx.baseEnv.HOME ?? '/tmp',
        LANG: 'C.UTF-8',
        PGAPPNAME: 'deploy-suite-migrate',
        PGCONNECT_TIMEOUT: '15',
        ...libpqEnv(ctx.db),
        ...extra,
    };
}
function run(ctx, file, args, options = {}) {
    return exec(file, args, { env: pgEnv(ctx), scrub: ctx.scrub, ...options });
}
/** psql with no .psqlrc, no password prompt, unaligned tuples only, stopping at the first error. */
function psqlArgs(ctx, sql) {
    return ['-X', '-w', '-A', '-t', '-q', '-v', 'ON_ERROR_STOP=1', '-d', ctx.db.conninfo, '-c', sql];
}
/** One clear sentence for a failed connection, from libpq's message. */
function connectionProblem(stderr, where, user) {
    const text = stderr.replace(/\s+/g, ' ');
    if (/password authentication failed|authentication failed for user/i.test(text)) {
        return new errors/* UserError */.yo(`The database at ${where} refused the password for user '${user}'.`, {
            hint: 'Check the database-url secret: the password may have been rotated.',
        });
    }
    if (/no password supplied|password is required/i.test(text)) {
        return new errors/* UserError */.yo(`The database at ${where} asks for a password and database-url has none.`, {
            hint: 'Put the password in the URL: postgres://user:password@host:5432/db',
        });
    }
    if (/database "[^"]*" does not exist/i.test(text)) {
        return new errors/* UserError */.yo(`The database ${where} does not exist.`, {
            hint: 'Check the database name at the end of database-url, or create it first.',
        });
    }
    if (/role "[^"]*" does not exist/i.test(text)) {
        return new errors/* UserError */.yo(`The user '${user}' does not exist on the database server at ${where}.`, {
            hint: 'Check the user in database-url.',
        });
    }
    if (/no pg_hba\.conf entry|SSL/i.test(text)) {
        return new errors/* UserError */.yo(`The database at ${where} does not accept this connection: ${text.trim().slice(0, 300)}`, {
            hint: 'The server may require SSL (add ?sslmode=require to database-url) or not allow this runner to connect.',
        });
    }
    if (/could not translate host name|Name or service not known|nodename nor servname/i.test(text)) {
        return new errors/* UserError */.yo(`The database host in ${where} could not be resolved.`, {
            hint: 'Check the host in database-url; private hostnames (*.railway.internal) are not reachable from GitHub runners.',
        });
    }
    if (/Connection refused|timeout expired|timed out|Network is unreachable|No route to host|could not connect/i.test(text)) {
        return new errors/* UserError */.yo(`The database at ${where} is unreachable: ${text.trim().slice(0, 300)}`, {
            hint: 'Check the host and port in database-url, and that the database accepts connections from the runner.',
        });
    }
    return new errors/* UserError */.yo(`Could not connect to the database at ${where}: ${text.trim().slice(0, 300)}`);
}
/** Connects once and reads the server's major version: the checks that must pass before any change. */
async function checkConnection(ctx, timeout, signal) {
    try {
        const { stdout } = await run(ctx, ctx.tools.psql, psqlArgs(ctx, 'show server_version_num'), {
            timeout,
            signal,
            label: 'psql',
        });
        return Math.floor(Number(stdout.trim()) / 10000);
    }
    catch (error) {
        const stderr = error.stderr;
        if (typeof stderr === 'string')
            throw connectionProblem(ctx.scrub(stderr), describeDatabase(ctx.db), ctx.db.user);
        throw error;
    }
}
async function clientMajor(ctx, binary) {
    const { stdout } = await run(ctx, binary, ['--version'], { timeout: 15_000 });
    return Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1] ?? 0);
}
/** `pg_dump -Fc` into `file`; returns its size in bytes. */
async function backup(ctx, file, options) {
    const args = ['-Fc', '-w', '-f', file, '-d', ctx.db.conninfo];
    if (options.lockTimeout > 0)
        args.splice(2, 0, `--lock-wait-timeout=${options.lockTimeout}`);
    await run(ctx, ctx.tools.pgDump, args, { timeout: options.timeout, signal: options.signal, label: 'The backup (pg_dump)' });
    return (0,external_node_fs_.statSync)(file).size;
}
/** sha256 of a plain SQL stream, without pg_dump's per-run random `\restrict` key lines. */
function dumpHasher() {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let pending = '';
    const line = (l) => {
        if (!/^\\(un)?restrict /.test(l))
            hash.update(`${l}\n`);
    };
    return {
        push(chunk) {
            pending += chunk.toString('utf8');
            const lines = pending.split('\n');
            pending = lines.pop() ?? '';
            for (const l of lines)
                line(l);
        },
        digest() {
            if (pending !== '')
                line(pending);
            return hash.digest('hex');
        },
    };
}
/**
 * Whether the database is exactly what the backup holds, schema and data: the live database
 * dumped as SQL against the backup turned back into SQL (pg_dump writes both the same way).
 */
async function sameAsBackup(ctx, file, timeout) {
    const live = dumpHasher();
    const saved = dumpHasher();
    await Promise.all([
        run(ctx, ctx.tools.pgDump, ['-Fp', '-w', '-d', ctx.db.conninfo], {
            timeout,
            keep: false,
            onStdout: (c) => live.push(c),
            label: 'pg_dump (comparing with the backup)',
        }),
        run(ctx, ctx.tools.pgRestore, ['-f', '-', file], {
            timeout,
            keep: false,
            onStdout: (c) => saved.push(c),
            label: 'pg_restore (reading the backup)',
        }),
    ]);
    return live.digest() === saved.digest();
}
const LIVE_OBJECTS_SQL = `
with ext as (select objid, classid from pg_depend where deptype in ('e', 'i')),
sys as (select oid from pg_namespace where nspname in ('pg_catalog', 'information_schema', 'pg_toast') or nspname like 'pg\\_temp\\_%' or nspname like 'pg\\_toast\\_temp\\_%')
select 'pg_class', c.oid, c.relkind::text, format('%I.%I', n.nspname, c.relname), '' from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r','p','v','m','S','f') and c.relnamespace not in (select oid from sys)
  and not exists (select 1 from ext where ext.objid = c.oid and ext.classid = 'pg_class'::regclass)
union all
select 'pg_proc', p.oid, p.prokind::text, format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), '' from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where p.pronamespace not in (select oid from sys)
  and not exists (select 1 from ext where ext.objid = p.oid and ext.classid = 'pg_proc'::regclass)
union all
select 'pg_type', t.oid, t.typtype::text, format('%I.%I', n.nspname, t.typname), '' from pg_type t join pg_namespace n on n.oid = t.typnamespace
  where (t.typtype in ('e','d','r') or (t.typtype = 'c' and exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c')))
  and t.typnamespace not in (select oid from sys)
  and not exists (select 1 from ext where ext.objid = t.oid and ext.classid = 'pg_type'::regclass)
union all
select 'pg_constraint', k.oid, k.contype::text, format('%I', k.conname), format('%I.%I', n.nspname, c.relname) from pg_constraint k
  join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
  where k.contype = 'f' and c.relnamespace not in (select oid from sys)
union all
select 'pg_namespace', n.oid, '', format('%I', n.nspname), '' from pg_namespace n
  where n.oid not in (select oid from sys) and n.nspname <> 'public'
  and not exists (select 1 from ext where ext.objid = n.oid and ext.classid = 'pg_namespace'::regclass)
union all
select 'pg_extension', e.oid, '', format('%I', e.extname), '' from pg_extension e where e.extname <> 'plpgsql'`;
async function liveObjects(ctx, timeout) {
    const { stdout } = await run(ctx, ctx.tools.psql, [...psqlArgs(ctx, LIVE_OBJECTS_SQL), '-F', '\t'], {
        timeout,
        label: 'psql (listing objects)',
    });
    return stdout
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => {
        const [catalog = '', oid = '', kind = '', name = '', on = ''] = l.split('\t');
        return { catalog, oid: Number(oid), kind, name, on };
    });
}
async function backupIds(ctx, file, timeout) {
    const { stdout } = await run(ctx, ctx.tools.pgRestore, ['-l', file], { timeout, label: 'pg_restore -l' });
    return parseTocIds(stdout);
}
/** What exists now and not in the backup: what the failed migration created. */
async function createdSinceBackup(ctx, file, timeout) {
    const [ids, live] = await Promise.all([backupIds(ctx, file, timeout), liveObjects(ctx, timeout)]);
    return live.filter((o) => !ids.has(`${o.catalog}:${o.oid}`));
}
/**
 * Drops what the failed migration created (pg_restore --clean only drops what the backup
 * holds, and a new table referencing an old one would stop it), then restores the backup in
 * one transaction: it either all happens or none of it does.
 */
async function restore(ctx, file, timeout) {
    const created = await createdSinceBackup(ctx, file, timeout);
    const statements = dropStatements(created);
    if (statements.length > 0) {
        ctx.log(`Dropping ${created.length} object(s) the failed migration created: ${created.map((o) => o.name).join(', ')}`);
        await run(ctx, ctx.tools.psql, ['-X', '-w', '-q', '-1', '-v', 'ON_ERROR_STOP=1', '-d', ctx.db.conninfo], {
            input: `${statements.join(';\n')};\n`,
            timeout,
            label: 'Dropping what the failed migration created (psql)',
            onLine: ctx.log,
        });
    }
    await run(ctx, ctx.tools.pgRestore, ['--clean', '--if-exists', '--single-transaction', '-w', '-d', ctx.db.conninfo, file], {
        timeout,
        label: 'The restore (pg_restore)',
        onLine: ctx.log,
    });
    return { dropped: created };
}

;// CONCATENATED MODULE: ./actions/migrate/src/status.ts
/**
 * "What is pending", read from each tool's own status command. The tools disagree on exit
 * codes (Prisma and TypeORM exit 1 when something is pending, Laravel exits 1 before its first
 * migration, the others exit 0) and on format; each parser turns its tool's answer into one
 * shape, or says plainly that the answer was an error.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
function linesOf(text) {
    return text.replace(ANSI, '').split(/\r?\n/);
}
function lastLine(answer) {
    const text = `${answer.stderr}\n${answer.stdout}`.trim();
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    return lines.slice(-3).join(' ').trim() || `exit code ${answer.exitCode}`;
}
const failed = (answer) => ({ ok: false, error: lastLine(answer) });
/**
 * `prisma migrate status`: exit 0 with "Database schema is up to date!", exit 1 with
 * "Following migration(s) have not yet been applied:" and the names, one a line, up to a blank
 * line. Exit 1 with anything else (a failed migration, no connection) is an error.
 */
const parsePrisma = (answer) => {
    const lines = linesOf(`${answer.stdout}\n${answer.stderr}`);
    if (lines.some((l) => /have failed:?\s*$/i.test(l))) {
        return {
            ok: false,
            error: `Prisma reports a failed migration: ${lastLine(answer)} Resolve it first (prisma migrate resolve).`,
        };
    }
    const start = lines.findIndex((l) => /have not yet been applied:?\s*$/i.test(l));
    if (start >= 0 && (answer.exitCode === 0 || answer.exitCode === 1)) {
        const pending = [];
        for (const line of lines.slice(start + 1)) {
            if (line.trim() === '') {
                if (pending.length > 0)
                    break;
                continue;
            }
            pending.push(line.trim());
        }
        return { ok: true, pending };
    }
    if (answer.exitCode === 0 && lines.some((l) => /up to date/i.test(l)))
        return { ok: true, pending: [] };
    if (answer.exitCode === 0 && lines.some((l) => /No migration found/i.test(l)))
        return { ok: true, pending: [] };
    return failed(answer);
};
/**
 * `alembic history --indicate-current`: newest first, `down -> rev (head) (current), message`.
 * Pending: every revision that is not the current one or an ancestor of it (walks the down
 * links, so branches and merges count right). No `(current)` marker: nothing applied yet.
 */
const parseAlembic = (answer) => {
    if (answer.exitCode !== 0)
        return failed(answer);
    const revisions = new Map();
    const order = [];
    const current = [];
    for (const line of linesOf(answer.stdout)) {
        const match = /^\s*(.+?)\s+->\s+([0-9A-Za-z_]+)((?:\s+\([a-z]+\))*)\s*(?:,|$)/.exec(line);
        if (!match)
            continue;
        const [, downs = '', rev = '', flags = ''] = match;
        const parents = downs.trim() === '<base>'
            ? []
            : downs
                .replace(/[()]/g, '')
                .split(/[\s,]+/)
                .filter(Boolean);
        revisions.set(rev, parents);
        order.push(rev);
        if (/\(current\)/.test(flags))
            current.push(rev);
    }
    const applied = new Set();
    const stack = [...current];
    while (stack.length > 0) {
        const rev = stack.pop();
        if (applied.has(rev))
            continue;
        applied.add(rev);
        stack.push(...(revisions.get(rev) ?? []));
    }
    // Oldest first, the order they will be applied in.
    return { ok: true, pending: order.filter((rev) => !applied.has(rev)).reverse(), current };
};
/** `manage.py showmigrations --plan`: `[X]  app.0001_initial` applied, `[ ]  app.0002_x` pending. */
const parseDjango = (answer) => {
    if (answer.exitCode !== 0)
        return failed(answer);
    const pending = [];
    let seen = 0;
    for (const line of linesOf(answer.stdout)) {
        const match = /^\s*\[( |X)\]\s+(\S+)/.exec(line);
        if (!match)
            continue;
        seen++;
        if (match[1] === ' ')
            pending.push(match[2] ?? '');
    }
    if (seen === 0 && answer.stdout.trim() !== '' && !/no migrations/i.test(answer.stdout))
        return failed(answer);
    return { ok: true, pending };
};
/**
 * `php artisan migrate:status`. Laravel 9+: `  2019_12_14_000001_name ........ [1] Ran` or
 * `… Pending`; Laravel 8 and before: a table with `| Yes |` / `| No |` in the Ran? column.
 * "Migration table not found." (exit 1 since Laravel 9, 0 before): nothing applied yet.
 */
const parseLaravel = (answer) => {
    const text = `${answer.stdout}\n${answer.stderr}`;
    if (/Migration table not found/i.test(text)) {
        return { ok: true, pending: undefined, why: 'the migrations table does not exist yet (nothing applied)' };
    }
    if (answer.exitCode !== 0)
        return failed(answer);
    const pending = [];
    for (const line of linesOf(answer.stdout)) {
        const modern = /^\s*(\S+)\s+\.+\s*(?:\[\d+\]\s+)?(Ran|Pending)\s*$/.exec(line);
        if (modern) {
            if (modern[2] === 'Pending')
                pending.push(modern[1] ?? '');
            continue;
        }
        const table = /^\|\s*(Yes|No)\s*\|\s*(\S+)\s*\|/.exec(line);
        if (table?.[1] === 'No')
            pending.push(table[2] ?? '');
    }
    return { ok: true, pending };
};
/**
 * `knex migrate:list`: "Found N Completed Migration file/files." and its names, then "Found N
 * Pending Migration file/files." and its names, or "No Pending Migration files Found.".
 */
const parseKnex = (answer) => {
    if (answer.exitCode !== 0)
        return failed(answer);
    const lines = linesOf(answer.stdout);
    const start = lines.findIndex((l) => /Pending Migration file/i.test(l));
    if (start < 0)
        return failed(answer);
    if (/No Pending Migration/i.test(lines[start] ?? ''))
        return { ok: true, pending: [] };
    const pending = [];
    for (const line of lines.slice(start + 1)) {
        if (line.trim() === '' || /Migration file/i.test(line))
            break;
        pending.push(line.trim());
    }
    return { ok: true, pending };
};
/** `typeorm migration:show`: ` [X] 1 Init1700000000000` applied, ` [ ] AddUser1700…` pending; exit 1 when pending. */
const parseTypeorm = (answer) => {
    if (answer.exitCode !== 0 && answer.exitCode !== 1)
        return failed(answer);
    const pending = [];
    let seen = 0;
    for (const line of linesOf(answer.stdout)) {
        const match = /^\s*\[( |X)\]\s+(?:\d+\s+)?(\S+)/.exec(line);
        if (!match)
            continue;
        seen++;
        if (match[1] === ' ')
            pending.push(match[2] ?? '');
    }
    if (answer.exitCode === 1 && pending.length === 0)
        return failed(answer);
    if (seen === 0 && answer.stdout.trim() !== '' && !/no migrations/i.test(answer.stdout))
        return failed(answer);
    return { ok: true, pending };
};
/** A custom status command: the pending migrations one a line, nothing when up to date, exit 0. */
const parseCustom = (answer) => {
    if (answer.exitCode !== 0)
        return failed(answer);
    return {
        ok: true,
        pending: linesOf(answer.stdout)
            .map((l) => l.trim())
            .filter((l) => l !== ''),
    };
};

;// CONCATENATED MODULE: ./actions/migrate/src/presets.ts

const TYPEORM_DATA_SOURCE = 'data-source.js';
const PRESETS = {
    prisma: {
        tool: 'prisma',
        apply: { argv: ['prisma', 'migrate', 'deploy'], node: true },
        status: { argv: ['prisma', 'migrate', 'status'], node: true },
        parseStatus: parsePrisma,
        install: 'Add prisma to the project (npm install -D prisma) and run npm ci before this step.',
    },
    alembic: {
        tool: 'alembic',
        apply: { argv: ['alembic', 'upgrade', 'head'] },
        status: { argv: ['alembic', 'history', '--indicate-current'] },
        parseStatus: parseAlembic,
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
        dryRun: () => ({ argv: ['python3', 'manage.py', 'migrate', '--plan'] }),
        needs: 'manage.py',
        install: 'Set up Python and install the requirements (actions/setup-python, pip install -r requirements.txt) first.',
    },
    laravel: {
        tool: 'laravel',
        apply: { argv: ['php', 'artisan', 'migrate', '--force'] },
        status: { argv: ['php', 'artisan', 'migrate:status'] },
        parseStatus: parseLaravel,
        dryRun: () => ({ argv: ['php', 'artisan', 'migrate', '--pretend', '--force'] }),
        needs: 'artisan',
        install: 'Set up PHP and run composer install first (shivammathur/setup-php).',
    },
    knex: {
        tool: 'knex',
        apply: { argv: ['knex', 'migrate:latest'], node: true },
        status: { argv: ['knex', 'migrate:list'], node: true },
        parseStatus: parseKnex,
        install: 'Add knex to the project and run npm ci before this step.',
    },
    typeorm: {
        tool: 'typeorm',
        apply: { argv: ['typeorm', 'migration:run', '-d', TYPEORM_DATA_SOURCE], node: true },
        status: { argv: ['typeorm', 'migration:show', '-d', TYPEORM_DATA_SOURCE], node: true },
        parseStatus: parseTypeorm,
        install: 'Add typeorm to the project and run npm ci before this step.',
    },
    custom: {
        tool: 'custom',
        parseStatus: parseCustom,
        install: 'Check the command and the working directory.',
    },
};
/** Django's docs say `python`; Debian and Ubuntu have only `python3` unless told otherwise. */
const PYTHON_CANDIDATES = ['python3', 'python'];
/** The commands a run will use: the step's own where given, else the preset's. */
function planCommands(preset, given) {
    const apply = given.command ? { argv: given.command } : preset.apply;
    if (!apply)
        throw new Error(`the ${preset.tool} preset has no apply command and none was given`);
    return {
        apply,
        status: given.statusCommand ? { argv: given.statusCommand } : preset.status,
        rollback: given.rollbackCommand ? { argv: given.rollbackCommand } : undefined,
        // A dry run of the preset's own plan only makes sense with the preset's own apply command.
        dryRun: given.command ? undefined : preset.dryRun,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/report.ts
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
/** Markup made by this module; plain strings are always escaped. */
class Html {
    markup;
    constructor(markup) {
        this.markup = markup;
    }
    toString() {
        return this.markup;
    }
}
function render(content) {
    return content instanceof Html ? content.markup : escapeHtml(String(content));
}
function report_link(text, href) {
    return /^https?:\/\//i.test(href)
        ? new Html(`<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`)
        : new Html(escapeHtml(text));
}
function code(text) {
    return new Html(`<code>${escapeHtml(text)}</code>`);
}
class Summary {
    parts = [];
    heading(text, level = 2) {
        this.parts.push(`<h${level}>${render(text)}</h${level}>`);
        return this;
    }
    paragraph(...content) {
        this.parts.push(`<p>${content.map(render).join(' ')}</p>`);
        return this;
    }
    table(headers, rows) {
        const head = `<tr>${headers.map((h) => `<th>${render(h)}</th>`).join('')}</tr>`;
        const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${render(cell)}</td>`).join('')}</tr>`).join('');
        this.parts.push(`<table>${head}${body}</table>`);
        return this;
    }
    list(items) {
        this.parts.push(`<ul>${items.map((i) => `<li>${render(i)}</li>`).join('')}</ul>`);
        return this;
    }
    details(label, body) {
        const inner = body instanceof Summary ? body.toString() : render(body);
        this.parts.push(`<details><summary>${render(label)}</summary>\n\n${inner}\n\n</details>`);
        return this;
    }
    codeBlock(text) {
        this.parts.push(`<pre><code>${escapeHtml(text)}</code></pre>`);
        return this;
    }
    toString() {
        return `${this.parts.join('\n')}\n`;
    }
    write(runner) {
        runner.appendSummary(this.toString());
    }
}

;// CONCATENATED MODULE: ./actions/migrate/src/summary.ts
/** The job summary: what was applied, what is pending, the backup, and what happened on failure. */


function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}
function writeSummary(runner, run) {
    const { outcome } = run;
    const verdict = outcome.failure
        ? outcome.restored
            ? 'failed; the database was put back'
            : 'failed'
        : outcome.dryRun
            ? 'dry run: nothing applied'
            : outcome.applied.length > 0
                ? `applied ${outcome.applied.length}`
                : outcome.pending?.length === 0
                    ? 'up to date'
                    : 'done';
    const rows = [
        ['Tool', run.tool],
        ['Database', run.database ?? '(the tool’s own settings)'],
        ['Result', verdict],
        ['Applied', outcome.applied.length > 0 ? outcome.applied.join(', ') : 'none'],
        ['Pending', outcome.pending === undefined ? 'unknown' : outcome.pending.length > 0 ? outcome.pending.join(', ') : 'none'],
        [
            'Backup',
            outcome.backupFile
                ? code(`${outcome.backupFile}${outcome.backupBytes !== undefined ? ` (${formatBytes(outcome.backupBytes)})` : ''}`)
                : 'none',
        ],
        ['Restored', outcome.restored ? 'yes' : 'no'],
        ['Duration', (0,input_types/* formatDuration */.a3)(outcome.durationMs)],
    ];
    const summary = new Summary().heading('Database migrations', 3).table(['', ''], rows);
    if (outcome.failure)
        summary.details('Error', outcome.failure);
    summary.write(runner);
}

;// CONCATENATED MODULE: ./actions/migrate/src/migrate.ts
/**
 * migrate: check → status → backup → apply → status again → summary; on failure, put the
 * database back (restore the backup, or run the rollback command) and fail with the tool's
 * error. Everything that can be checked is checked before the first change.
 */









const SENSITIVE_KEY = /pass|secret|token|key|auth|credential|private/i;
/** Finds a node tool the way npx would: node_modules/.bin in the directory or an ancestor. */
function nodeBin(name, cwd) {
    for (let dir = cwd;; dir = (0,external_node_path_.resolve)(dir, '..')) {
        const candidate = (0,external_node_path_.join)(dir, 'node_modules', '.bin', name);
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
        if ((0,external_node_path_.resolve)(dir, '..') === dir)
            return undefined;
    }
}
function timestampForFile(ms) {
    return new Date(ms)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}
async function migrate(inputs, ctx) {
    const { runner } = ctx;
    const started = ctx.clock.now();
    const scrub = (text) => runner.secrets.scrub(text);
    const outcome = {
        applied: [],
        pending: undefined,
        backupFile: '',
        backupBytes: undefined,
        restored: false,
        dryRun: inputs.dryRun,
        failure: undefined,
        durationMs: 0,
    };
    const preset = PRESETS[inputs.tool];
    // ---- Inputs that need the file system, still before any side effect.
    const workspace = ctx.env.GITHUB_WORKSPACE ?? process.cwd();
    const cwd = (0,external_node_path_.resolve)(workspace, inputs.workingDirectory);
    if (!(0,external_node_fs_.existsSync)(cwd) || !(0,external_node_fs_.statSync)(cwd).isDirectory()) {
        throw new errors/* InputError */.dz([
            {
                input: 'working-directory',
                shown: `got ${JSON.stringify(inputs.workingDirectory.slice(0, 80))}`,
                expected: 'expected an existing directory, relative to the workspace',
            },
        ]);
    }
    for (const [key, value] of inputs.env ?? []) {
        if (SENSITIVE_KEY.test(key) || /:\/\/[^/@\s]*:[^@/\s]+@/.test(value))
            runner.setSecret(value);
    }
    const db = inputs.databaseUrl ? parseDatabase(inputs.databaseUrl) : undefined;
    if (db?.password)
        runner.setSecret(db.password);
    // ---- The commands' environment: the runner's (less our own inputs), then the database's, then `env`.
    const userEnv = new Map(inputs.env ?? []);
    const base = {};
    for (const [key, value] of Object.entries(ctx.env))
        if (!key.startsWith('INPUT_'))
            base[key] = value;
    const pgOptions = buildPgOptions(userEnv.get('PGOPTIONS') ?? base.PGOPTIONS, {
        lockTimeout: inputs.lockTimeout,
        statementTimeout: inputs.statementTimeout,
    });
    const env = { ...base, ...toolEnv(inputs.tool, db, pgOptions) };
    for (const [key, value] of userEnv)
        if (key !== 'PGOPTIONS')
            env[key] = value;
    const commands = planCommands(preset, {
        command: inputs.command,
        statusCommand: inputs.statusCommand,
        rollbackCommand: inputs.rollbackCommand,
    });
    const doBackup = shouldBackup(inputs.backup, inputs.databaseUrl) && !inputs.dryRun;
    let pg;
    /** argv[0] made runnable: node tools from node_modules/.bin, `python3` or `python` for Django. */
    const resolveCommand = (command, role) => {
        const [program = '', ...args] = command.argv;
        let file;
        if (command.node)
            file = nodeBin(program, cwd);
        else if (program === 'python3' && inputs.tool === 'django' && !inputs.command)
            file = PYTHON_CANDIDATES.map((p) => findExecutable(p, { cwd, path: env.PATH })).find(Boolean);
        else
            file = findExecutable(program, { cwd, path: env.PATH });
        if (!file) {
            const where = command.node ? `node_modules/.bin in ${cwd} or above` : 'PATH';
            throw new errors/* UserError */.yo(`The ${role} command's program '${program}' was not found (looked in ${where}).`, {
                hint: preset.install,
            });
        }
        return [file, ...args];
    };
    const runTool = (argv, label, stream = true) => {
        const [file = '', ...args] = argv;
        return exec(file, args, {
            cwd,
            env,
            timeout: inputs.timeout,
            signal: ctx.signal,
            label,
            scrub,
            okExitCodes: stream ? [0] : 'any',
            ...(stream ? { onLine: (line) => runner.info(line) } : {}),
        });
    };
    const readStatus = async (argv) => {
        if (!argv)
            return undefined;
        const answer = await runTool(argv, 'The status command', false);
        for (const line of `${answer.stdout}`.split('\n').filter((l) => l.trim() !== ''))
            runner.info(`  ${line}`);
        const report = preset.parseStatus(answer);
        if (!report.ok) {
            throw new errors/* UserError */.yo(`Could not read the migration status (${answer.display}): ${scrub(report.error)}`, {
                hint: 'Nothing was changed. Check the database settings the tool reads and the status command.',
            });
        }
        return report;
    };
    const publish = () => {
        outcome.durationMs = ctx.clock.now() - started;
        runner.setOutput('applied', outcome.applied.join('\n'));
        runner.setOutput('pending', (outcome.pending ?? []).join('\n'));
        runner.setOutput('backup-file', outcome.backupFile);
        runner.setOutput('restored', outcome.restored);
        writeSummary(runner, { tool: inputs.tool, database: db ? describeDatabase(db) : undefined, outcome });
    };
    let rollbackArgv;
    try {
        // ---- Check: programs, files and the database, before anything changes.
        let statusArgv;
        let applyArgv = [];
        await runner.group('Check the tools and the database', async () => {
            if (preset.needs && !inputs.command && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, preset.needs))) {
                throw new errors/* UserError */.yo(`No ${preset.needs} in ${cwd}: is this the ${inputs.tool} project?`, {
                    hint: 'Set working-directory to the folder that holds it.',
                });
            }
            applyArgv = resolveCommand(commands.apply, 'apply');
            statusArgv = commands.status ? resolveCommand(commands.status, 'status') : undefined;
            rollbackArgv = commands.rollback ? resolveCommand(commands.rollback, 'rollback') : undefined;
            runner.info(`Tool: ${inputs.tool}; apply: ${commands.apply.argv.join(' ')}`);
            if (pgOptions)
                runner.info(`PGOPTIONS: ${pgOptions}`);
            if (!db) {
                runner.warning('No database-url: no backup is taken, and the tool reads its own database settings. Give database-url to back up first.');
                return;
            }
            if (!db.postgres) {
                runner.info(`The database is not PostgreSQL (${new URL(db.url).protocol}): no backup.`);
                return;
            }
            const found = findPgTools(env.PATH);
            if (!found.tools) {
                if (doBackup) {
                    throw new errors/* UserError */.yo(`The PostgreSQL client programs needed for the backup are missing: ${found.missing.join(', ')}.`, {
                        hint: 'Install them first (sudo apt-get install -y postgresql-client), or set backup: false.',
                    });
                }
                runner.info(`No ${found.missing.join(', ')} here: the connection is not checked ahead.`);
                return;
            }
            pg = { db, tools: found.tools, baseEnv: env, scrub, log: (line) => runner.info(line) };
            const serverMajor = await checkConnection(pg, Math.min(inputs.timeout, 60_000), ctx.signal);
            runner.info(`Connected to PostgreSQL ${serverMajor} at ${describeDatabase(db)}.`);
            if (doBackup) {
                const dumpMajor = await clientMajor(pg, found.tools.pgDump);
                if (dumpMajor < serverMajor) {
                    throw new errors/* UserError */.yo(`pg_dump ${dumpMajor} cannot back up a PostgreSQL ${serverMajor} server.`, {
                        hint: `Install postgresql-client-${serverMajor} in an earlier step (the PostgreSQL apt repository has it).`,
                    });
                }
            }
        });
        // ---- Status: what is pending.
        const before = await runner.group('Status: what is pending', () => readStatus(statusArgv));
        if (before?.ok && before.pending !== undefined) {
            outcome.pending = before.pending;
            runner.info(before.pending.length === 0 ? 'Nothing is pending.' : `Pending (${before.pending.length}): ${before.pending.join(', ')}`);
            if (before.pending.length === 0) {
                runner.info('The database is up to date: nothing to back up or apply.');
                return { status: 'success' };
            }
        }
        else if (before?.ok) {
            runner.info(`Pending: unknown, ${before.why}.`);
        }
        else {
            runner.info('No status command: what is pending is unknown, so the migration runs.');
        }
        // ---- Dry run: the tool's plan, and nothing else.
        if (inputs.dryRun) {
            const plan = before && commands.dryRun ? commands.dryRun(before) : undefined;
            if (plan) {
                const argv = resolveCommand(plan, 'dry-run');
                await runner.group(`Dry run: ${plan.argv.join(' ')}`, () => runTool(argv, 'The dry run'));
            }
            else {
                runner.info(`Dry run: ${inputs.tool} has no plan mode here; the pending list above is what would be applied.`);
            }
            return { status: 'success' };
        }
        // ---- Backup.
        const backupDir = (0,external_node_path_.resolve)(workspace, inputs.backupDir ?? (0,external_node_path_.join)(ctx.env.RUNNER_TEMP ?? '/tmp', 'migrate-backups'));
        if (doBackup && pg) {
            const context = pg;
            await runner.group('Back up the database (pg_dump -Fc)', async () => {
                try {
                    (0,external_node_fs_.mkdirSync)(backupDir, { recursive: true, mode: 0o700 });
                }
                catch (error) {
                    throw new errors/* UserError */.yo(`Cannot create the backup directory ${backupDir}: ${(0,errors/* errorMessage */.gJ)(error)}`, {
                        hint: 'Set backup-dir to a writable folder.',
                    });
                }
                const name = (db?.name || 'database').replace(/[^\w.-]+/g, '_');
                const file = (0,external_node_path_.join)(backupDir, `${name}-${timestampForFile(ctx.clock.now())}.dump`);
                const t0 = ctx.clock.now();
                const bytes = await backup(context, file, {
                    lockTimeout: inputs.lockTimeout,
                    timeout: inputs.timeout,
                    signal: ctx.signal,
                });
                (0,external_node_fs_.chmodSync)(file, 0o600);
                outcome.backupFile = file;
                outcome.backupBytes = bytes;
                runner.info(`Backed up to ${file} (${formatBytes(bytes)}) in ${(0,input_types/* formatDuration */.a3)(ctx.clock.now() - t0)}.`);
            });
        }
        // ---- Apply, then status again: nothing may be left pending.
        try {
            await runner.group(`Apply: ${commands.apply.argv.join(' ')}`, () => runTool(applyArgv, 'The migration'));
            const after = await runner.group('Status again: nothing may be pending', () => readStatus(statusArgv));
            if (after?.ok) {
                if (after.pending === undefined || after.pending.length > 0) {
                    throw new errors/* UserError */.yo(`The migration command succeeded but ${after.pending ? `${after.pending.length} migration(s) are still pending: ${after.pending.join(', ')}` : `the status is still unknown (${after.why})`}.`);
                }
                outcome.pending = [];
                outcome.applied = before?.ok && before.pending ? before.pending : [];
            }
            runner.info(outcome.applied.length > 0
                ? `Applied ${outcome.applied.length}: ${outcome.applied.join(', ')}`
                : 'The migration command succeeded.');
            return { status: 'success' };
        }
        catch (error) {
            outcome.failure = (0,errors/* errorMessage */.gJ)(error);
            const undo = await undoFailure(error);
            throw new errors/* UserError */.yo(`${(0,errors/* errorMessage */.gJ)(error)}\n${undo}`, {
                hint: outcome.restored
                    ? 'The database is back as it was before this step. Fix the migration and run again.'
                    : outcome.backupFile
                        ? `The backup taken before the migration is kept at ${outcome.backupFile}.`
                        : 'Check the database state before running again.',
            });
        }
    }
    finally {
        publish();
    }
    /** Puts the database back after a failed migration; says what it did, in one sentence. */
    async function undoFailure(cause) {
        if (ctx.signal.aborted)
            runner.warning('Cancelled during the migration: putting the database back before stopping.');
        if (!inputs.restoreOnFailure) {
            return `restore-on-failure is off: the database was left as the failed migration left it${outcome.backupFile ? `; the backup is at ${outcome.backupFile}` : ''}.`;
        }
        if (outcome.backupFile && pg) {
            const context = pg;
            const file = outcome.backupFile;
            return runner.group('Restore the backup', async () => {
                try {
                    // Restoring costs the app's writes since the backup: only when there is something to undo.
                    if (await sameAsBackup(context, file, inputs.timeout)) {
                        runner.info('The failed migration left the database exactly as the backup has it: nothing to restore.');
                        return 'The database was left unchanged (checked against the backup).';
                    }
                    const { dropped } = await restore(context, file, inputs.timeout);
                    outcome.restored = true;
                    runner.info(`Restored ${file}${dropped.length ? `, after dropping ${dropped.length} new object(s)` : ''}.`);
                    if (await sameAsBackup(context, file, inputs.timeout))
                        runner.info('Verified: the database matches the backup.');
                    else
                        runner.warning('After the restore the database differs from the backup: the app may have written to it since.');
                    return `The database was restored from the backup ${file}.`;
                }
                catch (restoreError) {
                    throw new errors/* UserError */.yo(`${(0,errors/* errorMessage */.gJ)(cause)}\nThe restore failed too: ${(0,errors/* errorMessage */.gJ)(restoreError)}\nThe backup is kept at ${file}.`, {
                        hint: `Restore it by hand: pg_restore --clean --if-exists --single-transaction -d "$DATABASE_URL" ${file}`,
                    });
                }
            });
        }
        if (rollbackArgv) {
            const argv = rollbackArgv;
            return runner.group(`Roll back: ${commands.rollback?.argv.join(' ')}`, async () => {
                try {
                    const [file = '', ...args] = argv;
                    await exec(file, args, {
                        cwd,
                        env,
                        timeout: inputs.timeout,
                        label: 'The rollback',
                        scrub,
                        onLine: (l) => runner.info(l),
                    });
                    outcome.restored = true;
                    return 'The rollback command ran.';
                }
                catch (rollbackError) {
                    throw new errors/* UserError */.yo(`${(0,errors/* errorMessage */.gJ)(cause)}\nThe rollback failed too: ${(0,errors/* errorMessage */.gJ)(rollbackError)}`);
                }
            });
        }
        return 'There was no backup and no rollback-command: check the database by hand.';
    }
}


/***/ })

};
