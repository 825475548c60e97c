export const id = 241;
export const ids = [241];
export const modules = {

/***/ 6241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  migrate: () => (/* binding */ migrate)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
;// CONCATENATED MODULE: ./actions/migrate/src/verify.ts
/**
 * What the status says after the tool ran, held against what it said before: up leaves nothing
 * pending and names what it applied; down names what it took back and, where the tool reports
 * its revision, checks it reached `to`. Anything else is a failure, and the database goes back.
 */

function verifyUp(before, after, outcome) {
    if (!after?.ok)
        return;
    if (after.pending === undefined || after.pending.length > 0) {
        throw new errors/* UserError */.yo(`The migration command succeeded but ${after.pending ? `${after.pending.length} migration(s) are still pending: ${after.pending.join(', ')}` : `the status is still unknown (${after.why})`}.`);
    }
    outcome.pending = [];
    if (before?.ok && before.pending)
        outcome.applied = before.pending;
    else if (after.applied) {
        // The first run of a tool with no migrations table yet: what it lists now, less what it listed before.
        const earlier = new Set(before?.ok ? (before.applied ?? []) : []);
        outcome.applied = after.applied.filter((name) => !earlier.has(name));
    }
}
function verifyDown(plan, before, after, outcome) {
    if (!after?.ok || after.pending === undefined)
        return;
    const earlier = new Set(before?.ok ? (before.pending ?? []) : []);
    outcome.reverted = after.pending.filter((name) => !earlier.has(name));
    outcome.pending = after.pending;
    const to = plan.inputs.to?.trim();
    if (plan.inputs.tool === 'alembic' && to && !/^[-+]\d+$/.test(to) && !plan.inputs.command) {
        const current = (after.current ?? []).join(' ') || 'base';
        if (current !== to)
            throw new errors/* UserError */.yo(`The downgrade command succeeded but the database is at ${current}, not ${to}.`);
    }
}

;// CONCATENATED MODULE: ./actions/migrate/src/apply.ts

async function applyAndVerify(plan, checked, tools, ctx, outcome, before) {
    const { runner } = ctx;
    const steps = [plan.commands.apply, ...plan.commands.more];
    const argvs = [checked.apply, ...checked.more];
    outcome.phase = plan.down ? 'the downgrade' : 'the migration';
    for (const [i, argv] of argvs.entries()) {
        const shown = steps[i]?.argv.join(' ') ?? '';
        await runner.group(`${plan.down ? 'Down' : 'Apply'}: ${shown}`, () => tools.run(argv, plan.down ? 'The downgrade' : 'The migration'));
    }
    outcome.phase = 'the check after it';
    const after = await runner.group(plan.down ? 'Status again: where the database is now' : 'Status again: nothing may be pending', () => tools.status(checked.status));
    if (plan.down) {
        verifyDown(plan, before, after, outcome);
        runner.info(outcome.reverted.length > 0
            ? `Took back ${outcome.reverted.length}: ${outcome.reverted.join(', ')}`
            : 'The downgrade command succeeded.');
    }
    else {
        verifyUp(before, after, outcome);
        runner.info(outcome.applied.length > 0
            ? `Applied ${outcome.applied.length}: ${outcome.applied.join(', ')}`
            : 'The migration command succeeded.');
    }
    outcome.phase = undefined;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/input-types.ts + 1 modules
var input_types = __webpack_require__(9747);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./packages/core/src/clock.ts
var clock = __webpack_require__(143);
// EXTERNAL MODULE: ./packages/core/src/secrets.ts
var secrets = __webpack_require__(7620);
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
    return ([file, ...args]
        // Scrub first: maskUrl re-serialises a URL (case, percent-encoding), which would hide a secret from the scrubber.
        .map((part) => (0,secrets/* maskUrl */.yP)(scrub(part)))
        .map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`))
        .join(' '));
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

// EXTERNAL MODULE: ./actions/migrate/src/database-url.ts
var database_url = __webpack_require__(52);
;// CONCATENATED MODULE: ./actions/migrate/src/database.ts
/**
 * The database URL, turned into what each consumer reads: libpq's `PG*` variables, `PGOPTIONS`
 * for the timeouts, the variables each tool expects, and a password-free connection string for
 * our own pg_dump / pg_restore / psql (the password goes through `PGPASSWORD`, never an
 * argument, so it is not in the process list or in a quoted command).
 */

/** The database-url input, already checked by the manifest's parser. */
function parseDatabase(url) {
    const parsed = (0,database_url/* parseDatabaseUrl */.mx)(url);
    if (!parsed.ok)
        throw new Error(`database-url passed the input check but not the parser: ${parsed.expected}`);
    return { ...parsed.value, conninfo: (0,database_url/* conninfo */.Zf)(parsed.value) };
}
const describeDatabase = database_url/* describeDatabaseUrl */.u5;
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
    return (0,database_url/* isPostgresUrl */.pT)(databaseUrl);
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
    const sslmode = db.libpq.sslmode;
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
        // Appended as given (no re-serialising: the rest of the URL stays byte for byte the user's).
        const options = `options=${encodeURIComponent(pgOptions)}`;
        const hash = db.url.indexOf('#');
        const [base, fragment] = hash >= 0 ? [db.url.slice(0, hash), db.url.slice(hash)] : [db.url, ''];
        env.DATABASE_URL = `${base}${base.includes('?') ? '&' : '?'}${options}${fragment}`;
    }
    if (tool === 'laravel') {
        const connection = db.postgres ? 'pgsql' : db.scheme;
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
async function sameAsBackup(ctx, file, timeout, signal) {
    const live = dumpHasher();
    const saved = dumpHasher();
    await Promise.all([
        run(ctx, ctx.tools.pgDump, ['-Fp', '-w', '-d', ctx.db.conninfo], {
            timeout,
            signal,
            keep: false,
            onStdout: (c) => live.push(c),
            label: 'pg_dump (comparing with the backup)',
        }),
        run(ctx, ctx.tools.pgRestore, ['-f', '-', file], {
            timeout,
            signal,
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
select 'pg_class', c.oid, c.relkind::text, format('%I.%I', n.nspname, c.relname), '', pg_has_role(c.relowner, 'MEMBER'), pg_get_userbyid(c.relowner) from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r','p','v','m','S','f') and c.relnamespace not in (select oid from sys)
  and not exists (select 1 from ext where ext.objid = c.oid and ext.classid = 'pg_class'::regclass)
union all
select 'pg_proc', p.oid, p.prokind::text, format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), '', pg_has_role(p.proowner, 'MEMBER'), pg_get_userbyid(p.proowner) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where p.pronamespace not in (select oid from sys)
  and not exists (select 1 from ext where ext.objid = p.oid and ext.classid = 'pg_proc'::regclass)
union all
select 'pg_type', t.oid, t.typtype::text, format('%I.%I', n.nspname, t.typname), '', pg_has_role(t.typowner, 'MEMBER'), pg_get_userbyid(t.typowner) from pg_type t join pg_namespace n on n.oid = t.typnamespace
  where (t.typtype in ('e','d','r') or (t.typtype = 'c' and exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c')))
  and t.typnamespace not in (select oid from sys)
  and not exists (select 1 from ext where ext.objid = t.oid and ext.classid = 'pg_type'::regclass)
union all
select 'pg_constraint', k.oid, k.contype::text, format('%I', k.conname), format('%I.%I', n.nspname, c.relname), pg_has_role(c.relowner, 'MEMBER'), pg_get_userbyid(c.relowner) from pg_constraint k
  join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
  where k.contype = 'f' and c.relnamespace not in (select oid from sys)
union all
select 'pg_namespace', n.oid, '', format('%I', n.nspname), '', pg_has_role(n.nspowner, 'MEMBER'), pg_get_userbyid(n.nspowner) from pg_namespace n
  where n.oid not in (select oid from sys) and n.nspname <> 'public'
  and not exists (select 1 from ext where ext.objid = n.oid and ext.classid = 'pg_namespace'::regclass)
union all
select 'pg_extension', e.oid, '', format('%I', e.extname), '', pg_has_role(e.extowner, 'MEMBER'), pg_get_userbyid(e.extowner) from pg_extension e where e.extname <> 'plpgsql'`;
async function liveObjects(ctx, timeout) {
    const { stdout } = await run(ctx, ctx.tools.psql, [...psqlArgs(ctx, LIVE_OBJECTS_SQL), '-F', '\t'], {
        timeout,
        label: 'psql (listing objects)',
    });
    return stdout
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => {
        const [catalog = '', oid = '', kind = '', name = '', on = '', owned = 't', owner = ''] = l.split('\t');
        return { catalog, oid: Number(oid), kind, name, on, owned: owned === 't', owner };
    });
}
/** The backup's table of contents, as `pg_restore -l` prints it. */
async function backupToc(ctx, file, timeout) {
    const { stdout } = await run(ctx, ctx.tools.pgRestore, ['-l', file], { timeout, label: 'pg_restore -l' });
    return stdout;
}

;// CONCATENATED MODULE: ./actions/migrate/src/backup.ts
/**
 * The backup: `pg_dump -Fc` into a file that is private from its first byte (created here with
 * mode 0600 before pg_dump opens it; pg_dump truncates it and keeps the mode), and removed when
 * the dump fails or is cancelled, so no half backup is ever left behind to be mistaken for one.
 */


async function dumpDatabase(ctx, file, options) {
    // 'wx': never overwrite, never follow a planted symlink.
    (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(file, 'wx', 0o600));
    const args = ['-Fc', '-w', '-f', file, '-d', ctx.db.conninfo];
    if (options.lockTimeout > 0)
        args.splice(2, 0, `--lock-wait-timeout=${options.lockTimeout}`);
    try {
        await run(ctx, ctx.tools.pgDump, args, { timeout: options.timeout, signal: options.signal, label: 'The backup (pg_dump)' });
    }
    catch (error) {
        try {
            (0,external_node_fs_.unlinkSync)(file);
        }
        catch {
            // Already gone.
        }
        throw error;
    }
    return (0,external_node_fs_.statSync)(file).size;
}

;// CONCATENATED MODULE: ./packages/core/src/report.ts
const asIs = (text) => text;
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
/** Markup made by this module; plain strings are always escaped. */
class Html {
    build;
    constructor(build) {
        this.build = build;
    }
    render(scrub) {
        return this.build(scrub);
    }
    /** The markup with nothing scrubbed (for tests and callers without secrets). */
    get markup() {
        return this.build(asIs);
    }
    toString() {
        return this.markup;
    }
}
/** Scrub, then escape: the order that keeps a secret recognisable. */
function report_text(content, scrub) {
    return content instanceof Html ? content.render(scrub) : escapeHtml(scrub(String(content)));
}
function report_link(label, href) {
    return /^https?:\/\//i.test(href)
        ? new Html((s) => `<a href="${escapeHtml(s(href))}">${escapeHtml(s(label))}</a>`)
        : new Html((s) => escapeHtml(s(label)));
}
function code(content) {
    return new Html((s) => `<code>${escapeHtml(s(content))}</code>`);
}
class Summary {
    parts = [];
    heading(content, level = 2) {
        this.parts.push((s) => `<h${level}>${report_text(content, s)}</h${level}>`);
        return this;
    }
    paragraph(...content) {
        this.parts.push((s) => `<p>${content.map((c) => report_text(c, s)).join(' ')}</p>`);
        return this;
    }
    table(headers, rows) {
        this.parts.push((s) => {
            const head = `<tr>${headers.map((h) => `<th>${report_text(h, s)}</th>`).join('')}</tr>`;
            const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${report_text(cell, s)}</td>`).join('')}</tr>`).join('');
            return `<table>${head}${body}</table>`;
        });
        return this;
    }
    list(items) {
        this.parts.push((s) => `<ul>${items.map((i) => `<li>${report_text(i, s)}</li>`).join('')}</ul>`);
        return this;
    }
    details(label, body) {
        this.parts.push((s) => {
            const inner = body instanceof Summary ? body.render(s) : report_text(body, s);
            return `<details><summary>${report_text(label, s)}</summary>\n\n${inner}\n\n</details>`;
        });
        return this;
    }
    codeBlock(content) {
        this.parts.push((s) => `<pre><code>${escapeHtml(s(content))}</code></pre>`);
        return this;
    }
    render(scrub) {
        return `${this.parts.map((part) => part(scrub)).join('\n')}\n`;
    }
    toString() {
        return this.render(asIs);
    }
    /** Appends to the job summary; the runner scrubs each text before it is escaped. */
    write(runner) {
        runner.appendSummary(this);
    }
}

;// CONCATENATED MODULE: ./actions/migrate/src/lost-writes.ts
/**
 * What a restore costs: the backup is the database as it was when pg_dump started, so whatever
 * a live app wrote between then and the restore is gone. Said plainly, with the window, so the
 * team can look for those writes (orders, sign-ups) in the app's logs.
 */

const clockTime = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
/** The sentence for a run whose restore committed, else undefined. */
function lostWritesWarning(outcome) {
    const { backupAt, restoredAt } = outcome;
    const window = backupAt !== undefined && restoredAt !== undefined
        ? ` between ${clockTime(backupAt)} (the backup) and ${clockTime(restoredAt)} (the restore), ${(0,input_types/* formatDuration */.a3)(Math.max(0, restoredAt - backupAt))}`
        : ' between the backup and the restore';
    return `The restore put the database back as it was at the backup: rows a live app wrote${window}, are gone. Put the app in maintenance mode around migrations (see the catalog) so nothing writes in that window.`;
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
    const failedWhere = outcome.phase ? ` during ${outcome.phase}` : '';
    const verdict = outcome.failure
        ? `${outcome.cancelled ? 'cancelled' : 'failed'}${failedWhere}${outcome.restored ? '; the database was put back' : ''}`
        : outcome.dryRun
            ? 'dry run: nothing applied'
            : outcome.direction === 'down'
                ? outcome.reverted.length > 0
                    ? `reverted ${outcome.reverted.length}`
                    : 'down: done'
                : outcome.applied.length > 0
                    ? `applied ${outcome.applied.length}`
                    : outcome.pending?.length === 0
                        ? 'up to date'
                        : 'done';
    const rows = [
        ['Tool', run.tool],
        ['Database', run.database ?? '(the tool’s own settings)'],
        ['Result', verdict],
        outcome.direction === 'down'
            ? ['Reverted', outcome.reverted.length > 0 ? outcome.reverted.join(', ') : 'none']
            : ['Applied', outcome.applied.length > 0 ? outcome.applied.join(', ') : 'none'],
        ['Pending', outcome.pending === undefined ? 'unknown' : outcome.pending.length > 0 ? outcome.pending.join(', ') : 'none'],
        [
            'Backup',
            outcome.backupFile
                ? code(`${outcome.backupFile}${outcome.backupBytes !== undefined ? ` (${formatBytes(outcome.backupBytes)})` : ''}`)
                : 'none',
        ],
        ['Revision before', outcome.revisionBefore ? code(outcome.revisionBefore) : 'unknown'],
        ['Restored', outcome.restored ? 'yes' : 'no'],
        ['Duration', (0,input_types/* formatDuration */.a3)(outcome.durationMs)],
    ];
    const summary = new Summary().heading('Database migrations', 3).table(['', ''], rows);
    if (outcome.restoredAt !== undefined)
        summary.paragraph(`⚠️ ${lostWritesWarning(outcome)}`);
    if (outcome.failure)
        summary.details('Error', outcome.failure);
    summary.write(runner);
}

;// CONCATENATED MODULE: ./actions/migrate/src/backup-phase.ts
/** The backup phase: a private directory, a timestamped file, `pg_dump -Fc` into it. */






function timestampForFile(ms) {
    return new Date(ms)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}
async function takeBackup(plan, pg, ctx, outcome) {
    const { runner } = ctx;
    try {
        (0,external_node_fs_.mkdirSync)(plan.backupDir, { recursive: true, mode: 0o700 });
    }
    catch (error) {
        throw new errors/* UserError */.yo(`Cannot create the backup directory ${plan.backupDir}: ${(0,errors/* errorMessage */.gJ)(error)}`, {
            hint: 'Set backup-dir to a writable folder.',
        });
    }
    const name = (pg.db.name || 'database').replace(/[^\w.-]+/g, '_');
    const file = (0,external_node_path_.join)(plan.backupDir, `${name}-${timestampForFile(ctx.clock.now())}.dump`);
    const started = ctx.clock.now();
    const bytes = await dumpDatabase(pg, file, {
        lockTimeout: plan.inputs.lockTimeout,
        timeout: plan.inputs.timeout,
        signal: ctx.signal,
    });
    outcome.backupFile = file;
    outcome.backupBytes = bytes;
    outcome.backupAt = started;
    runner.info(`Backed up to ${file} (${formatBytes(bytes)}) in ${(0,input_types/* formatDuration */.a3)(ctx.clock.now() - started)}.`);
}

;// CONCATENATED MODULE: ./actions/migrate/src/check.ts
/**
 * The check phase: the tool's programs and files, then the database — its URL's kind, the
 * PostgreSQL client programs, a connection, and a pg_dump new enough for the server — before
 * anything changes. Returns what the backup and restore need, or nothing when there is no
 * PostgreSQL database to protect.
 */





async function check(plan, tools, ctx) {
    const { runner } = ctx;
    const { inputs, preset, commands, db, cwd } = plan;
    if (preset.needs && !inputs.command && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, preset.needs))) {
        throw new errors/* UserError */.yo(`No ${preset.needs} in ${cwd}: is this the ${inputs.tool} project?`, {
            hint: 'Set working-directory to the folder that holds it.',
        });
    }
    const checked = {
        pg: undefined,
        apply: tools.resolve(commands.apply, plan.down ? 'down' : 'apply'),
        more: commands.more.map((c) => tools.resolve(c, plan.down ? 'down' : 'apply')),
        status: commands.status ? tools.resolve(commands.status, 'status') : undefined,
        rollback: commands.rollback ? tools.resolve(commands.rollback, 'rollback') : undefined,
    };
    const shown = [commands.apply, ...commands.more].map((c) => c.argv.join(' ')).join('; ');
    runner.info(`Tool: ${inputs.tool}; ${plan.down ? 'down' : 'apply'}: ${shown}`);
    if (plan.pgOptions)
        runner.info(`PGOPTIONS: ${plan.pgOptions}`);
    if (!db) {
        runner.warning('No database-url: no backup is taken, and the tool reads its own database settings. Give database-url to back up first.');
        return checked;
    }
    if (!db.postgres) {
        runner.warning(`The database is not PostgreSQL (${db.scheme}://): no backup is taken, and no restore protects this run if a migration fails half way.`);
        return checked;
    }
    if (db.ignored.length > 0)
        runner.info(`For the tool only (left out of our own connections): ${db.ignored.join(', ')}.`);
    const found = findPgTools(plan.env.PATH);
    if (!found.tools) {
        if (plan.doBackup) {
            throw new errors/* UserError */.yo(`The PostgreSQL client programs needed for the backup are missing: ${found.missing.join(', ')}.`, {
                hint: 'Install them first (sudo apt-get install -y postgresql-client), or set backup: false.',
            });
        }
        runner.info(`No ${found.missing.join(', ')} here: the connection is not checked ahead.`);
        return checked;
    }
    const pg = {
        db,
        tools: found.tools,
        baseEnv: plan.env,
        scrub: (text) => runner.secrets.scrub(text),
        log: (line) => runner.info(line),
    };
    const serverMajor = await checkConnection(pg, Math.min(inputs.timeout, 60_000), ctx.signal);
    runner.info(`Connected to PostgreSQL ${serverMajor} at ${describeDatabase(db)}.`);
    if (plan.doBackup) {
        const dumpMajor = await clientMajor(pg, found.tools.pgDump);
        if (dumpMajor < serverMajor) {
            throw new errors/* UserError */.yo(`pg_dump ${dumpMajor} cannot back up a PostgreSQL ${serverMajor} server.`, {
                hint: `Install postgresql-client-${serverMajor} in an earlier step (the PostgreSQL apt repository has it).`,
            });
        }
    }
    checked.pg = pg;
    return checked;
}

// EXTERNAL MODULE: ./packages/core/src/variable-masking.ts
var variable_masking = __webpack_require__(396);
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
    const applied = [];
    for (const line of linesOf(answer.stdout)) {
        const match = /^\s*\[( |X)\]\s+(\S+)/.exec(line);
        if (!match)
            continue;
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
const parseLaravel = (answer) => {
    const text = `${answer.stdout}\n${answer.stderr}`;
    if (/Migration table not found/i.test(text)) {
        return { ok: true, pending: undefined, why: 'the migrations table does not exist yet (nothing applied)', applied: [] };
    }
    if (answer.exitCode !== 0)
        return failed(answer);
    const pending = [];
    const applied = [];
    for (const line of linesOf(answer.stdout)) {
        const modern = /^\s*(\S+)\s+\.+\s*(?:\[\d+\]\s+)?(Ran|Pending)\s*$/.exec(line);
        if (modern) {
            (modern[2] === 'Pending' ? pending : applied).push(modern[1] ?? '');
            continue;
        }
        const table = /^\|\s*(Yes|No)\s*\|\s*(\S+)\s*\|/.exec(line);
        if (table)
            (table[1] === 'No' ? pending : applied).push(table[2] ?? '');
    }
    return { ok: true, pending, applied };
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

/** The last applied migration, for tools whose downgrade target is a migration name. */
const lastApplied = (status) => status.ok && status.applied && status.applied.length > 0 ? status.applied[status.applied.length - 1] : undefined;
/** `shop.0001_initial` or `shop 0001_initial` lines → `manage.py migrate shop 0001_initial`, one a line. */
function djangoDown(to) {
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
function djangoRevision(status) {
    if (!status.ok || status.pending === undefined)
        return undefined;
    const appOf = (name) => name.split('.')[0] ?? name;
    const last = new Map();
    for (const name of status.applied ?? [])
        last.set(appOf(name), name);
    const apps = [...new Set(status.pending.map(appOf))];
    return apps.map((app) => last.get(app) ?? `${app}.zero`).join('\n') || undefined;
}
const TYPEORM_DATA_SOURCE = 'data-source.js';
const PRESETS = {
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
const PYTHON_CANDIDATES = ['python3', 'python'];
/** The commands a run will use: the step's own where given, else the preset's. */
function planCommands(preset, given) {
    const presetSteps = given.down ? (preset.down?.(given.down.to) ?? []) : preset.apply ? [preset.apply] : [];
    const [first, ...more] = given.command ? [{ argv: given.command }] : presetSteps;
    if (!first)
        throw new Error(`the ${preset.tool} preset has no ${given.down ? 'down' : 'apply'} command and none was given`);
    return {
        apply: first,
        more,
        status: given.statusCommand ? { argv: given.statusCommand } : preset.status,
        rollback: given.rollbackCommand ? { argv: given.rollbackCommand } : undefined,
        // A dry run of the preset's own plan only makes sense with the preset's own apply command.
        dryRun: given.command || given.down ? undefined : preset.dryRun,
    };
}

;// CONCATENATED MODULE: ./actions/migrate/src/plan.ts
/**
 * Everything decided before the first side effect: the working directory (checked), which
 * values are secrets, the commands' environment, the commands themselves, whether to back up
 * and where. A plan is pure data; the phases run it.
 */






/** The working directory, checked: an input error before anything else happens. */
function workingDirectory(inputs, ctx) {
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
    return cwd;
}
function makePlan(inputs, ctx, railway) {
    const { runner } = ctx;
    const preset = PRESETS[inputs.tool];
    const workspace = ctx.env.GITHUB_WORKSPACE ?? process.cwd();
    const cwd = workingDirectory(inputs, ctx);
    if (inputs.env?.length)
        runner.info(`env: ${(0,variable_masking/* maskVariables */.a)(runner, inputs.env).line}.`);
    const databaseUrl = railway?.url ?? inputs.databaseUrl;
    const db = databaseUrl ? parseDatabase(databaseUrl) : undefined;
    if (db?.password)
        runner.setSecret(db.password);
    if (railway && inputs.backup === 'true' && !db?.postgres) {
        throw new errors/* UserError */.yo(`backup is true, but ${railway.variable} of the Railway service '${railway.service}' is not PostgreSQL.`, {
            hint: 'Set backup to auto or false.',
        });
    }
    // The commands' environment: the runner's (less our own inputs), then the Railway service's
    // variables (they override the runner's, as `railway run` does), then the database's, then `env`.
    const userEnv = new Map(inputs.env ?? []);
    const base = {};
    for (const [key, value] of Object.entries(ctx.env))
        if (!key.startsWith('INPUT_'))
            base[key] = value;
    Object.assign(base, railway?.variables);
    const pgOptions = buildPgOptions(userEnv.get('PGOPTIONS') ?? base.PGOPTIONS, {
        lockTimeout: inputs.lockTimeout,
        statementTimeout: inputs.statementTimeout,
    });
    // Python block-buffers a pipe: without this, Django's "Applying …" lines arrive after its traceback.
    const env = { ...base, PYTHONUNBUFFERED: '1', ...toolEnv(inputs.tool, db, pgOptions) };
    if (inputs.direction === 'down' && inputs.to)
        env.MIGRATE_TO = inputs.to;
    for (const [key, value] of userEnv)
        if (key !== 'PGOPTIONS')
            env[key] = value;
    const down = inputs.direction === 'down';
    if (down && inputs.tool === 'prisma') {
        throw new errors/* UserError */.yo('Prisma has no down migrations: migrate cannot take a Prisma database back to a revision.', {
            hint: 'Restore the backup the up run took (its backup-file output): pg_restore --clean --if-exists --no-owner --single-transaction -d "$DATABASE_URL" <backup-file>, or write a new migration that undoes it.',
        });
    }
    const commands = planCommands(preset, {
        command: inputs.command,
        statusCommand: inputs.statusCommand,
        rollbackCommand: inputs.rollbackCommand,
        down: down ? { to: inputs.to } : undefined,
    });
    return {
        inputs,
        preset,
        cwd,
        db,
        railway,
        env,
        pgOptions,
        commands,
        doBackup: shouldBackup(inputs.backup, databaseUrl) && !inputs.dryRun,
        backupDir: (0,external_node_path_.resolve)(workspace, inputs.backupDir ?? (0,external_node_path_.join)(ctx.env.RUNNER_TEMP ?? '/tmp', 'migrate-backups')),
        down,
    };
}

;// CONCATENATED MODULE: ./actions/migrate/src/report.ts


function newOutcome(plan) {
    return {
        direction: plan.down ? 'down' : 'up',
        applied: [],
        reverted: [],
        pending: undefined,
        revisionBefore: '',
        backupFile: '',
        backupBytes: undefined,
        backupAt: undefined,
        restoredAt: undefined,
        restored: false,
        dryRun: plan.inputs.dryRun,
        failure: undefined,
        phase: undefined,
        cancelled: false,
        durationMs: 0,
    };
}
function publish(plan, outcome, ctx, tool) {
    const { runner } = ctx;
    runner.setOutput('applied', outcome.applied.join('\n'));
    runner.setOutput('reverted', outcome.reverted.join('\n'));
    runner.setOutput('pending', (outcome.pending ?? []).join('\n'));
    runner.setOutput('revision-before', outcome.revisionBefore);
    runner.setOutput('backup-file', outcome.backupFile);
    runner.setOutput('restored', outcome.restored);
    const from = plan?.railway ? ` (${plan.railway.variable} of the Railway service ${plan.railway.service})` : '';
    writeSummary(runner, { tool, database: plan?.db ? `${describeDatabase(plan.db)}${from}` : undefined, outcome });
}

// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(3023);
;// CONCATENATED MODULE: ./actions/migrate/src/tools.ts
/**
 * Runs the migration tool's commands: finds the program (node tools in node_modules/.bin,
 * `python3` or `python` for Django), streams its output inside a `stop-commands` block (tool
 * output is outside text: a line like `::set-output …` must not reach the runner as a command),
 * reads its status, and turns a Python tool's missing module into one line that says what to
 * install instead of a traceback.
 */






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
/** Debian packages for the Python modules the presets need. */
const DEBIAN_PYTHON = {
    django: 'python3-django',
    alembic: 'python3-alembic',
    sqlalchemy: 'python3-sqlalchemy',
    psycopg2: 'python3-psycopg2',
    psycopg: 'python3-psycopg',
};
/** `ModuleNotFoundError: No module named 'django'` → one clear error, else undefined. */
function missingPythonModule(output, label) {
    const name = /ModuleNotFoundError: No module named '([\w.]+)'/.exec(output)?.[1];
    if (!name)
        return undefined;
    const top = name.split('.')[0] ?? name;
    const debian = DEBIAN_PYTHON[top.toLowerCase()] ?? `python3-${top.toLowerCase()}`;
    return new errors/* UserError */.yo(`${label} cannot run: the Python module '${name}' is not installed for the Python it runs with.`, {
        hint: `Install the project's requirements in an earlier step (pip install -r requirements.txt), or on Debian/Ubuntu: sudo apt-get install -y ${debian}.`,
    });
}
class Tools {
    plan;
    ctx;
    constructor(plan, ctx) {
        this.plan = plan;
        this.ctx = ctx;
    }
    /** argv[0] made runnable, or a clear error naming the program and where it was looked for. */
    resolve(command, role) {
        const { cwd, env, inputs, preset } = this.plan;
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
    }
    /**
     * Runs a command; with `stream`, its output goes to the log as it comes, inert. `signal`
     * replaces the run's cancellation (a rollback must not be stopped by the cancel that caused it).
     */
    async run(argv, label, stream = true, signal = this.ctx.signal) {
        const [file = '', ...args] = argv;
        const { runner } = this.ctx;
        const block = new untrusted/* UntrustedStream */.D5(runner);
        try {
            return await exec(file, args, {
                cwd: this.plan.cwd,
                env: this.plan.env,
                timeout: this.plan.inputs.timeout,
                signal,
                label,
                scrub: (text) => runner.secrets.scrub(text),
                okExitCodes: stream ? [0] : 'any',
                ...(stream ? { onLine: (line) => block.line(line) } : {}),
            });
        }
        catch (error) {
            const stderr = error.stderr;
            const missing = typeof stderr === 'string' ? missingPythonModule(stderr, label) : undefined;
            throw missing ?? error;
        }
        finally {
            block.close();
        }
    }
    /** The tool's status, its output shown inert; an answer the parser calls an error stops the run. */
    async status(argv) {
        if (!argv)
            return undefined;
        const { runner } = this.ctx;
        const answer = await this.run(argv, 'The status command', false);
        const lines = answer.stdout.split('\n').filter((l) => l.trim() !== '');
        if (lines.length > 0)
            (0,untrusted/* untrustedBlock */.C9)(runner, lines.map((l) => `  ${l}`));
        const report = this.plan.preset.parseStatus(answer);
        if (!report.ok) {
            const missing = missingPythonModule(`${answer.stderr}\n${answer.stdout}`, 'The status command');
            if (missing)
                throw missing;
            throw new errors/* UserError */.yo(`Could not read the migration status (${answer.display}): ${(0,untrusted/* excerpt */.Kb)(report.error, runner.secrets)}`, {
                hint: 'Nothing was changed. Check the database settings the tool reads and the status command.',
            });
        }
        return report;
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./actions/migrate/src/blockers.ts
/**
 * Who is in the way of the restore: while it runs, a second session watches its backend with
 * `pg_blocking_pids` and remembers each session that blocks it (pid, application_name, when its
 * query started, its state), so a lock timeout can name the session to end. Should the watcher
 * miss it (a short lock_timeout on a slow machine), the sessions still holding locks on this
 * database's tables are named instead.
 */

const MARK = 'blocker|';
const FIELDS = `'${MARK}' || b.pid || '|' || coalesce(b.application_name, '') || '|' || coalesce(b.query_start::text, '') || '|' || coalesce(b.state, '') || '|' || coalesce(replace(left(b.query, 120), E'\\n', ' '), '')`;
function parseBlockers(text) {
    const found = new Map();
    for (const line of text.split('\n')) {
        if (!line.startsWith(MARK))
            continue;
        const [pid = '', applicationName = '', queryStart = '', state = '', ...query] = line.slice(MARK.length).split('|');
        found.set(pid, { pid, applicationName, queryStart, state, query: query.join('|') });
    }
    return [...found.values()];
}
/** Watches the backend named `appName` until `stop`; resolves to every session seen blocking it. */
async function watchBlockers(ctx, appName, stop) {
    const sql = `select ${FIELDS} from pg_stat_activity w cross join lateral unnest(pg_blocking_pids(w.pid)) as bp(pid) join pg_stat_activity b on b.pid = bp.pid where w.application_name = '${appName.replace(/'/g, "''")}'`;
    let output = '';
    try {
        await run(ctx, ctx.tools.psql, ['-X', '-w', '-q', '-A', '-t', '-d', ctx.db.conninfo], {
            input: `${sql}\n\\watch 0.5\n`,
            signal: stop,
            keep: false,
            onLine: (line) => {
                if (line.startsWith(MARK))
                    output += `${line}\n`;
            },
            label: 'psql (watching for locks)',
        });
    }
    catch {
        // Stopped when the restore ended, or could not connect: what it saw is all there is.
    }
    return parseBlockers(output);
}
/** Sessions other than ours holding a lock on a table of this database. */
async function lockHolders(ctx, ownAppName) {
    const sql = `select distinct ${FIELDS} from pg_locks l join pg_stat_activity b on b.pid = l.pid join pg_class c on c.oid = l.relation
    where l.granted and l.locktype = 'relation' and l.database = (select oid from pg_database where datname = current_database())
    and b.pid <> pg_backend_pid() and coalesce(b.application_name, '') <> '${ownAppName.replace(/'/g, "''")}'
    and c.relnamespace not in (select oid from pg_namespace where nspname in ('pg_catalog', 'information_schema'))`;
    const { stdout } = await run(ctx, ctx.tools.psql, psqlArgs(ctx, sql), { timeout: 15_000, label: 'psql (lock holders)' });
    return parseBlockers(stdout);
}
function describeBlocker(b) {
    const parts = [`backend ${b.pid}`];
    parts.push(b.applicationName ? `application_name '${b.applicationName}'` : 'no application_name');
    parts.push(b.queryStart ? `query started ${b.queryStart}` : 'query start hidden (needs pg_read_all_stats)');
    if (b.state)
        parts.push(b.state);
    return parts.join(', ');
}

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
/** `EXTENSION citext`, `SCHEMA audit`: how a TOC names an object in COMMENT and ACL entries. */
const TOC_KIND = { pg_extension: 'EXTENSION', pg_namespace: 'SCHEMA' };
/**
 * The backup's table of contents without the objects this role does not own and the failed
 * migration cannot have changed (it ran as this role, and only an owner alters or drops an
 * object): an extension an admin created, a schema another role owns. Restoring them would
 * fail (`must be owner of extension`) and is not needed. Their COMMENT and ACL entries go too.
 */
function leaveAlone(toc, live) {
    const notOwned = new Map(live
        .filter((o) => !o.owned && (o.catalog === 'pg_extension' || o.catalog === 'pg_namespace'))
        .map((o) => [`${o.catalog}:${o.oid}`, o]));
    const skipped = new Map();
    const described = new Set([...notOwned.values()].map((o) => `${TOC_KIND[o.catalog]} ${o.name}`));
    const kept = toc.split(/\r?\n/).filter((line) => {
        const match = /^\d+;\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line);
        if (!match)
            return true;
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

;// CONCATENATED MODULE: ./actions/migrate/src/restore-pipeline.ts
/**
 * The restore as one transaction: `pg_restore -f -` turns the backup into SQL, which streams
 * into one psql session after our own `BEGIN` and the drops of what the failed migration
 * created; `COMMIT` is written only once pg_restore has finished cleanly. So any failure — an
 * error in the SQL (ON_ERROR_STOP), a lock timeout, pg_restore dying, a timeout, a cancel, or
 * this process being killed (psql then reads end-of-input with the transaction still open) —
 * rolls everything back and leaves the database exactly as the failed migration left it.
 *
 * Why not `psql --single-transaction`: psql sends its COMMIT at the end of its input, and a
 * pipe that ends early (pg_restore killed, this process killed) is an end of input too, which
 * would commit half a restore. Why not core's exec(): it takes stdin as one string, and a
 * restore streams gigabytes from one process into another with back-pressure.
 */

const XID_MARK = 'deploy-suite-restore-xid:';
function killGroup(pid, signal) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, signal);
    }
    catch {
        // Already gone.
    }
}
async function restoreInOneTransaction(options) {
    // Each in its own process group: the runner's signals reach us, and we decide what they stop.
    const psql = (0,external_node_child_process_.spawn)(options.psql, options.psqlArgs, {
        env: options.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
    });
    const restore = (0,external_node_child_process_.spawn)(options.pgRestore, [...options.restoreArgs, '-f', '-', options.file], {
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    // Listened for from the start: a child that is gone before anyone waits must still count.
    const closed = (child) => new Promise((resolve) => {
        child.once('error', () => resolve(null));
        child.once('close', (code) => resolve(code));
    });
    const psqlClosed = closed(psql);
    const restoreClosed = closed(restore);
    let xid;
    const psqlErrors = [];
    const restoreErrors = [];
    const keep = (list, line) => {
        if (line.trim() === '')
            return;
        list.push(line);
        if (list.length > 20)
            list.shift();
    };
    const lines = (stream, each) => {
        let pending = '';
        stream?.setEncoding('utf8');
        stream?.on('data', (chunk) => {
            pending += chunk;
            const parts = pending.split(/\r?\n/);
            pending = parts.pop() ?? '';
            for (const part of parts)
                each(part);
        });
        stream?.on('end', () => {
            if (pending !== '')
                each(pending);
        });
    };
    lines(psql.stdout, (line) => {
        if (line.startsWith(XID_MARK))
            xid = line.slice(XID_MARK.length).trim();
    });
    lines(psql.stderr, (line) => {
        keep(psqlErrors, line);
        options.onLine(line);
    });
    lines(restore.stderr, (line) => {
        keep(restoreErrors, line);
        options.onLine(line);
    });
    // psql may stop reading (an error, ON_ERROR_STOP): its stdin then breaks; that is reported below.
    psql.stdin.on('error', () => undefined);
    psql.stdin.write(`BEGIN;\nSELECT '${XID_MARK}' || txid_current();\n${options.prelude}`);
    restore.stdout.pipe(psql.stdin, { end: false });
    let stopped;
    const stopAll = (why) => {
        stopped ??= why;
        restore.stdout.unpipe(psql.stdin);
        // Unpiped output must still be read, or the stream never ends and 'close' never comes.
        restore.stdout.resume();
        // Closing the session without COMMIT is what rolls the transaction back.
        killGroup(restore.pid, 'SIGTERM');
        killGroup(psql.pid, 'SIGTERM');
    };
    const timer = setTimeout(() => stopAll('timeout'), options.timeout);
    const onStop = () => stopAll('cancelled');
    if (options.stop.aborted)
        onStop();
    else
        options.stop.addEventListener('abort', onStop, { once: true });
    const restoreExit = await restoreClosed;
    if (restoreExit === 0 && stopped === undefined)
        psql.stdin.end('COMMIT;\n');
    else {
        // pg_restore failed: never commit what it wrote so far.
        restore.stdout.unpipe(psql.stdin);
        restore.stdout.resume();
        psql.stdin.end();
        killGroup(psql.pid, 'SIGTERM');
    }
    const psqlExit = await psqlClosed;
    clearTimeout(timer);
    options.stop.removeEventListener('abort', onStop);
    const committed = restoreExit === 0 && psqlExit === 0 && stopped === undefined;
    const lockTimeout = psqlErrors.some((l) => /canceling statement due to lock timeout/i.test(l));
    let failure;
    if (!committed) {
        if (stopped === 'timeout')
            failure = 'it did not finish in time and was stopped';
        else if (stopped === 'cancelled')
            failure = 'the step was cancelled';
        else if (psqlExit !== 0 && psqlErrors.length > 0)
            failure = psqlErrors.slice(-6).join('\n');
        else if (restoreExit !== 0)
            failure = `pg_restore failed (exit ${restoreExit}): ${restoreErrors.slice(-6).join('\n')}`;
        else
            failure = `psql exited with ${psqlExit}`;
    }
    return { committed, xid, failure, lockTimeout, stopped };
}

;// CONCATENATED MODULE: ./actions/migrate/src/restore.ts
/**
 * Puts the database back as the backup has it, all or nothing: one transaction takes every
 * table's lock first (under lock_timeout, so a session in the way fails it at once instead of
 * stalling), drops what the failed migration created, and runs the backup's SQL; it commits
 * only when all of it went through. Objects this role does not own and could not have changed
 * are left alone. When the transaction does not commit, the database is exactly as the failed
 * migration left it, and the report says so and, for a lock, which session holds it.
 */









const AS_FAILED = 'the restore was rolled back as a whole: the database is exactly as the failed migration left it (nothing of the restore applied)';
const RESTORED = 'the database is exactly as the backup has it';
/** `LOCK TABLE a, b IN ACCESS EXCLUSIVE MODE`: every table the restore will drop, taken first (names come quoted). */
function lockStatement(live) {
    const tables = live.filter((o) => o.catalog === 'pg_class' && (o.kind === 'r' || o.kind === 'p') && o.owned);
    return tables.length > 0 ? `LOCK TABLE ${tables.map((t) => t.name).join(', ')} IN ACCESS EXCLUSIVE MODE;\n` : '';
}
/**
 * After psql was stopped: did the COMMIT reach the server first? A backend whose client was just
 * killed reports its transaction 'in progress' until it notices the closed socket and aborts it,
 * so an answer of 'in progress' is asked again for a few seconds before it is reported.
 */
async function transactionStatus(ctx, xid) {
    if (!/^\d+$/.test(xid))
        return undefined;
    let status;
    for (let attempt = 0; attempt < 20; attempt++) {
        try {
            const { stdout } = await run(ctx, ctx.tools.psql, psqlArgs(ctx, `select txid_status(${xid})`), {
                timeout: 15_000,
                label: 'psql (transaction status)',
            });
            status = stdout.trim();
        }
        catch {
            return status;
        }
        if (status !== 'in progress')
            return status;
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return status;
}
async function restoreAtomically(ctx, file, options) {
    const [toc, live] = await Promise.all([backupToc(ctx, file, options.timeout), liveObjects(ctx, options.timeout)]);
    const inBackup = parseTocIds(toc);
    const created = live.filter((o) => !inBackup.has(`${o.catalog}:${o.oid}`));
    const dropped = created.filter((o) => o.owned);
    const { toc: list, skipped } = leaveAlone(toc, live);
    const leftAlone = [...skipped, ...created.filter((o) => !o.owned)];
    if (leftAlone.length > 0) {
        ctx.log(`Left alone (owned by another role, which this role cannot have changed): ${leftAlone.map((o) => `${o.catalog.replace('pg_', '')} ${o.name} (owner ${o.owner})`).join(', ')}.`);
    }
    if (dropped.length > 0) {
        ctx.log(`Dropping ${dropped.length} object(s) the failed migration created: ${dropped.map((o) => o.name).join(', ')}`);
    }
    const temp = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'migrate-restore-'));
    const appName = `deploy-suite-migrate-restore-${process.pid}`;
    const watcher = new AbortController();
    const seen = watchBlockers(ctx, appName, watcher.signal);
    try {
        const restoreArgs = ['--clean', '--if-exists', '--no-owner'];
        if (skipped.length > 0) {
            const listFile = (0,external_node_path_.join)(temp, 'restore.list');
            (0,external_node_fs_.writeFileSync)(listFile, list, { mode: 0o600 });
            restoreArgs.push('-L', listFile);
        }
        const lockTimeout = options.lockTimeout > 0 ? `-c lock_timeout=${options.lockTimeout}` : '';
        const env = pgEnv(ctx, { PGAPPNAME: appName, PGOPTIONS: lockTimeout });
        const prelude = `${lockStatement(live)}${dropStatements(dropped)
            .map((s) => `${s};\n`)
            .join('')}`;
        ctx.log(`Restoring ${file} in one transaction (pg_restore -f - into psql; COMMIT only when all of it went through).`);
        // psql's and pg_restore's messages quote names from the database: outside text, shown inert.
        const output = new untrusted/* UntrustedStream */.D5({ info: ctx.log });
        const result = await restoreInOneTransaction({
            pgRestore: ctx.tools.pgRestore,
            restoreArgs,
            file,
            psql: ctx.tools.psql,
            psqlArgs: ['-X', '-w', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', ctx.db.conninfo],
            env,
            prelude,
            timeout: options.timeout,
            stop: options.stop,
            onLine: (line) => output.line(ctx.scrub(line)),
        });
        output.close();
        watcher.abort();
        let restored = result.committed;
        let state = restored ? RESTORED : AS_FAILED;
        if (!restored && result.stopped && result.xid) {
            // Stopped around the COMMIT: the server knows which side of it the transaction ended on.
            const status = await transactionStatus(ctx, result.xid);
            if (status === 'committed') {
                restored = true;
                state = RESTORED;
            }
            else if (status !== 'aborted') {
                state = `the restore's transaction ${result.xid} ended ${status ?? 'in an unknown state'}: it is applied whole or not at all, never in part`;
            }
        }
        let blockers = [];
        if (result.lockTimeout) {
            blockers = await seen;
            if (blockers.length === 0)
                blockers = await lockHolders(ctx, appName).catch(() => []);
        }
        return {
            restored,
            state,
            dropped: restored ? dropped : [],
            leftAlone,
            failure: restored ? undefined : result.failure,
            blockers,
            stopped: result.stopped,
        };
    }
    catch (error) {
        return {
            restored: false,
            state: AS_FAILED,
            dropped: [],
            leftAlone,
            failure: (0,errors/* errorMessage */.gJ)(error),
            blockers: [],
            stopped: undefined,
        };
    }
    finally {
        watcher.abort();
        (0,external_node_fs_.rmSync)(temp, { recursive: true, force: true });
    }
}
/** One sentence per blocking session, for the error. */
function describeBlockers(blockers) {
    return blockers.map(describeBlocker).join('; ');
}

;// CONCATENATED MODULE: ./actions/migrate/src/undo.ts
/**
 * After a failed migration: put the database back. With a backup, compare first (a failed
 * migration that rolled itself back needs nothing), then restore all or nothing inside a
 * critical section (a second cancel signal rolls the restore back instead of killing it half
 * way), then verify. Without one, run the rollback command. Returns one sentence on what it
 * did; throws one error saying what state the database is in and where the backup is.
 */




const byHand = (file) => `pg_restore --clean --if-exists --no-owner --single-transaction -d "$DATABASE_URL" ${file}`;
async function undoFailure(plan, checked, outcome, tools, ctx, cause) {
    const { runner } = ctx;
    const { inputs } = plan;
    if (ctx.signal.aborted)
        runner.warning('Cancelled during the migration: putting the database back before stopping.');
    if (!inputs.restoreOnFailure) {
        return `restore-on-failure is off: the database was left as the failed migration left it${outcome.backupFile ? `; the backup is at ${outcome.backupFile}` : ''}.`;
    }
    const pg = checked.pg;
    if (outcome.backupFile && pg) {
        const file = outcome.backupFile;
        outcome.phase = 'the restore';
        return runner.group('Restore the backup', () => ctx.critical('the restore', async (urgent) => {
            // Restoring costs the app's writes since the backup: only when there is something to undo.
            const unchanged = await sameAsBackup(pg, file, inputs.timeout, urgent).catch(() => false);
            if (unchanged) {
                runner.info('The failed migration left the database exactly as the backup has it: nothing to restore.');
                return 'The database was left unchanged (checked against the backup).';
            }
            const report = await restoreAtomically(pg, file, {
                timeout: inputs.timeout,
                lockTimeout: inputs.lockTimeout,
                stop: urgent,
            });
            if (!report.restored) {
                const blockers = report.blockers.length > 0 ? `\nBlocked by: ${describeBlockers(report.blockers)}.` : '';
                const why = pg.scrub(report.failure ?? 'unknown');
                throw new errors/* UserError */.yo(`${(0,errors/* errorMessage */.gJ)(cause)}\nThe restore did not complete (${why}): ${report.state}. The backup is kept at ${file}.${blockers}`, {
                    hint: report.blockers.length > 0
                        ? `End the blocking session (select pg_terminate_backend(${report.blockers[0]?.pid})), then restore by hand: ${byHand(file)}`
                        : `Restore it by hand: ${byHand(file)}`,
                });
            }
            outcome.restored = true;
            outcome.restoredAt = ctx.clock.now();
            runner.warning(lostWritesWarning(outcome));
            runner.info(`Restored ${file} in one transaction${report.dropped.length ? `, after dropping ${report.dropped.length} new object(s)` : ''}.`);
            if (await sameAsBackup(pg, file, inputs.timeout, urgent).catch(() => false))
                runner.info('Verified: the database matches the backup.');
            else
                runner.warning('After the restore the database differs from the backup: the app may have written to it since.');
            return `The database was restored from the backup ${file}: ${report.state}.`;
        }));
    }
    if (checked.rollback) {
        const argv = checked.rollback;
        outcome.phase = 'the rollback';
        return runner.group(`Roll back: ${plan.commands.rollback?.argv.join(' ')}`, async () => {
            try {
                await tools.run(argv, 'The rollback', true, undefined);
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

;// CONCATENATED MODULE: ./actions/migrate/src/migrate.ts
/**
 * migrate: check → status → backup → apply (or downgrade) → status again → summary; on failure,
 * put the database back (restore the backup all or nothing, or run the rollback command) and
 * fail with the tool's error. Everything that can be checked is checked before the first
 * change. Each phase lives in its own module; this file only orders them.
 */








async function migrate(inputs, ctx) {
    const started = ctx.clock.now();
    let railway;
    if (inputs.railwayService !== undefined) {
        workingDirectory(inputs, ctx);
        // The Railway client loads only for a run that reads from Railway.
        const { readRailwayDatabase } = await __webpack_require__.e(/* import() */ 963).then(__webpack_require__.bind(__webpack_require__, 1963));
        railway = await ctx.runner.group(`Read the database from the Railway service '${inputs.railwayService}'`, () => readRailwayDatabase(inputs, ctx));
    }
    const plan = makePlan(inputs, ctx, railway);
    const outcome = newOutcome(plan);
    const tools = new Tools(plan, ctx);
    try {
        return await migrate_run(plan, outcome, tools, ctx);
    }
    catch (error) {
        outcome.failure ??= (0,errors/* errorMessage */.gJ)(error);
        outcome.cancelled = ctx.signal.aborted;
        throw error;
    }
    finally {
        outcome.durationMs = ctx.clock.now() - started;
        publish(plan, outcome, ctx, inputs.tool);
    }
}
async function migrate_run(plan, outcome, tools, ctx) {
    const { runner } = ctx;
    const { inputs } = plan;
    outcome.phase = 'the check';
    const checked = await runner.group('Check the tools and the database', () => check(plan, tools, ctx));
    outcome.phase = 'the status';
    const before = await runner.group('Status: what is pending', () => tools.status(checked.status));
    if (before?.ok)
        outcome.revisionBefore = plan.preset.revision?.(before) ?? '';
    if (!plan.down && reportPending(before, outcome, ctx))
        return { status: 'success' };
    if (inputs.dryRun) {
        outcome.phase = 'the dry run';
        const planCommand = before && plan.commands.dryRun ? plan.commands.dryRun(before) : undefined;
        if (planCommand) {
            const argv = tools.resolve(planCommand, 'dry-run');
            await runner.group(`Dry run: ${planCommand.argv.join(' ')}`, () => tools.run(argv, 'The dry run'));
        }
        else {
            runner.info(`Dry run: ${inputs.tool} has no plan mode here; the pending list above is what would be applied.`);
        }
        outcome.phase = undefined;
        return { status: 'success' };
    }
    if (plan.doBackup && checked.pg) {
        outcome.phase = 'the backup';
        const pg = checked.pg;
        await runner.group('Back up the database (pg_dump -Fc)', () => takeBackup(plan, pg, ctx, outcome));
    }
    try {
        await applyAndVerify(plan, checked, tools, ctx, outcome, before);
        return { status: 'success' };
    }
    catch (error) {
        outcome.failure = (0,errors/* errorMessage */.gJ)(error);
        const failedPhase = outcome.phase;
        let undo;
        try {
            undo = await undoFailure(plan, checked, outcome, tools, ctx, error);
        }
        catch (undoError) {
            if (ctx.signal.aborted)
                throw new errors/* CancelledError */.cc(`${(0,errors/* errorMessage */.gJ)(ctx.signal.reason)}\n${(0,errors/* errorMessage */.gJ)(undoError)}`);
            throw undoError;
        }
        outcome.phase = failedPhase;
        if (ctx.signal.aborted)
            throw new errors/* CancelledError */.cc(`${(0,errors/* errorMessage */.gJ)(ctx.signal.reason)}\n${(0,errors/* errorMessage */.gJ)(error)}\n${undo}`);
        throw new errors/* UserError */.yo(`${(0,errors/* errorMessage */.gJ)(error)}\n${undo}`, {
            hint: outcome.restored
                ? 'The database is back as it was before this step. Fix the migration and run again.'
                : outcome.backupFile
                    ? `The backup taken before the migration is kept at ${outcome.backupFile}.`
                    : 'Check the database state before running again.',
        });
    }
}
/** Logs what is pending; true when nothing is (the run is done: nothing to back up or apply). */
function reportPending(before, outcome, ctx) {
    const { runner } = ctx;
    if (before?.ok && before.pending !== undefined) {
        outcome.pending = before.pending;
        runner.info(before.pending.length === 0 ? 'Nothing is pending.' : `Pending (${before.pending.length}): ${before.pending.join(', ')}`);
        if (before.pending.length === 0) {
            runner.info('The database is up to date: nothing to back up or apply.');
            outcome.phase = undefined;
            return true;
        }
    }
    else if (before?.ok) {
        runner.info(`Pending: unknown, ${before.why}.`);
    }
    else {
        runner.info('No status command: what is pending is unknown, so the migration runs.');
    }
    return false;
}


/***/ }),

/***/ 396:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ maskVariables)
/* harmony export */ });
/* unused harmony export shouldMask */
/**
 * Which variable values (`env` inputs, a Railway service's variables) are masked. A mask is
 * job-wide: `add-mask` hides the value in every later line of every step, so masking
 * `NODE_ENV=production` turns every later "production" in the job into `***`, and masking
 * Railway's `RAILWAY_SERVICE_NAME=api` or `PORT=8080` does the same to "api" and "8080". So the
 * rule masks every value that may be a credential and leaves readable only what plainly is not
 * one; when unsure, it masks.
 *
 * A value is masked when any of these holds:
 * - its name says credential: it contains pass, secret, token, key, auth, credential, private,
 *   cookie, session, salt, signature, dsn, cert or bypass (`DJANGO_SECRET_KEY`, `PGPASSWORD`,
 *   `SENTRY_DSN`, `RAILWAY_TOKEN`), or has pin, pwd, sig or otp as a word. Whatever the value:
 *   `SECRET=production` is masked. A substring match errs on the masking side (`MONKEY`).
 * - it carries URL credentials (`postgres://user:password@host/db`);
 * - it starts with a known token prefix (`sk_live_`, `ghp_`, `github_pat_`, `xoxb-`, `glpat-`,
 *   `AKIA`, `eyJ` for a JWT, `-----BEGIN` for a key…);
 * - it looks like a credential: no whitespace, at least 16 characters, letters and digits mixed.
 *   Platform variables (below) are exempt from this one test only: theirs are ids, commit SHAs
 *   and domains that later steps log (`deployment 3f2a…`), and masking them hides exactly those.
 * - it is none of the plainly-not-secret values below (the default).
 *
 * Plainly not secret, so readable unless one of the first four holds: booleans (`true`, `false`,
 * `yes`, `no`, `on`, `off`, `1`, `0`), numbers of up to 6 digits (ports, timeouts, counts),
 * environment names (`production`, `preview`, `development`, `staging`, `test`…), release numbers
 * (`8.0.0`, `v1.2.3-rc.1`), log levels and a few switch words (`debug`, `info`, `none`, `auto`,
 * `json`), values shorter than 4 characters, and the values of Railway's and Vercel's own variables (names
 * starting `RAILWAY_` or `VERCEL_`: `RAILWAY_SERVICE_NAME`, `RAILWAY_PUBLIC_DOMAIN`, `VERCEL_ENV`).
 * Anything else (`APP_NAME=shop`) is masked: it could be a password.
 */
const CREDENTIAL_NAME = /pass|secret|token|key|auth|credential|private|cookie|session|salt|signature|dsn|cert|bypass|(?:^|[^a-z])(?:pin|pwd|sig|otp)(?:[^a-z]|$)/i;
const URL_CREDENTIALS = /:\/\/[^/?#@\s]*:[^/?#@\s]+@/;
const TOKEN_PREFIX = /^(?:(?:sk|rk|pk)_(?:live|test)_|gh[pousr]_|github_pat_|xox[abposre]-|glpat-|npm_|sk-|AKIA|ASIA|AIza|eyJ|-----BEGIN)/;
const PLATFORM_NAME = /^(?:RAILWAY|VERCEL)_/i;
const BOOLEAN = /^(?:true|false|yes|no|on|off|1|0)$/i;
const NUMBER = /^[+-]?\d{1,6}(?:\.\d+)?$/;
const ENVIRONMENT = /^(?:production|prod|preview|development|staging|stage|test|local)$/i;
/** Release numbers: `8.0.0`, `v1.2.3`, `2.0.0-rc.1`. */
const VERSION = /^v?\d{1,4}(?:\.\d{1,6}){1,3}(?:-[0-9a-z.]{1,20})?$/i;
/** Log levels and a few switch words, which tools print in every other line. */
const COMMON_WORD = /^(?:trace|debug|info|warn|warning|error|fatal|silent|verbose|none|auto|json|text)$/i;
/** Whether the value of the variable `name` is masked: see the rule above. */
function shouldMask(name, value) {
    const text = value.trim();
    if (CREDENTIAL_NAME.test(name) || URL_CREDENTIALS.test(text) || TOKEN_PREFIX.test(text))
        return true;
    if (PLATFORM_NAME.test(name))
        return false;
    if (looksLikeCredential(text))
        return true;
    return !(text.length < 4 ||
        BOOLEAN.test(text) ||
        NUMBER.test(text) ||
        ENVIRONMENT.test(text) ||
        VERSION.test(text) ||
        COMMON_WORD.test(text));
}
function looksLikeCredential(text) {
    return text.length >= 16 && !/\s/.test(text) && /[a-z]/i.test(text) && /\d/.test(text);
}
/** Masks the values the rule says to mask, and says which names it left readable. */
function maskVariables(runner, entries) {
    let total = 0;
    let masked = 0;
    const readable = new Set();
    for (const [name, value] of entries) {
        total++;
        if (shouldMask(name, value)) {
            runner.setSecret(value);
            masked++;
        }
        else
            readable.add(name);
    }
    const names = [...readable].sort();
    const line = `Masked ${masked} of ${total} variable${total === 1 ? '' : 's'}; readable: ${names.length > 0 ? names.join(', ') : 'none'}`;
    return { total, masked, readable: names, line };
}


/***/ })

};
