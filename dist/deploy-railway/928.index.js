export const id = 928;
export const ids = [928];
export const modules = {

/***/ 8928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  packTree: () => (/* binding */ packTree)
});

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/railway/src/tree.ts
/**
 * Which files `railway up` sends. The CLI walks the tree with the Rust `ignore` crate's
 * defaults plus `.railwayignore`, following symlinks and keeping hidden files, then drops any
 * path with a `.git` or `node_modules` component. So, as there:
 * - `.railwayignore`, `.ignore` and `.gitignore` apply at every level, each to the paths under
 *   its own directory; a deeper file overrides a shallower one, and at one level `.railwayignore`
 *   beats `.ignore`, which beats `.gitignore`; `!pattern` re-includes;
 * - `.gitignore` (and `.git/info/exclude`) count only inside a git repository, as git's own
 *   rules do (the crate's `require_git`), and are read from the parent directories up to the
 *   repository's root; `.ignore` and `.railwayignore` are read from every parent directory;
 * - an ignored directory is not descended into, so nothing under it can come back;
 * - `.git` and `node_modules` are always left out, at any depth.
 */


const ALWAYS_LEFT_OUT = new Set(['.git', 'node_modules']);
/** Highest precedence first, at one level. */
const IGNORE_FILES = ['.railwayignore', '.ignore', '.gitignore'];
function readRules(directory, names, create) {
    const found = [];
    for (const name of names) {
        const file = (0,external_node_path_.join)(directory, name);
        if (!(0,external_node_fs_.existsSync)(file))
            continue;
        try {
            found.push(create().add((0,external_node_fs_.readFileSync)(file, 'utf8')));
        }
        catch {
            // An unreadable ignore file is skipped, as the crate skips it with a warning.
        }
    }
    return found;
}
/** The nearest directory at or above `start` that holds `.git` (a directory, or a worktree's file). */
function gitRoot(start) {
    for (let dir = (0,external_node_path_.resolve)(start);; dir = (0,external_node_path_.dirname)(dir)) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, '.git')))
            return dir;
        if ((0,external_node_path_.dirname)(dir) === dir)
            return undefined;
    }
}
function posix(path) {
    return external_node_path_.sep === '/' ? path : path.split(external_node_path_.sep).join('/');
}
/**
 * A path against one ignore file's rules alone, as the crate matches it. The package's public
 * `test()` also re-judges every parent directory with the same file, so a `dist/` that a deeper
 * file re-included would still hide `dist/index.html`; the walk has already settled the parents
 * (an ignored directory is never entered), so only the path's own match counts. The package's
 * rule list is internal: the version is pinned, and the tree tests fail if it changes shape.
 */
function ownRules(matcher, path) {
    const rules = matcher._rules;
    return typeof rules?.test === 'function' ? rules.test(path, 'regex') : matcher.test(path);
}
/** Ignored (true), re-included (false), or no rule says (undefined), for one path at one level. */
function decide(level, path, directory) {
    const within = level.prefix === '' ? path : `${level.prefix}/${path}`;
    const candidate = directory ? `${within}/` : within;
    for (const matcher of level.matchers) {
        const result = ownRules(matcher, candidate);
        if (result.ignored)
            return true;
        if (result.unignored)
            return false;
    }
    return undefined;
}
/** Every entry `railway up` would put in the archive, directories included, in walk order. */
async function listUploadTree(root) {
    const ignore = (await __webpack_require__.e(/* import() */ 298).then(__webpack_require__.t.bind(__webpack_require__, 298, 23))).default;
    const absoluteRoot = (0,external_node_path_.resolve)(root);
    const repository = gitRoot(absoluteRoot);
    const gitNames = repository === undefined ? [] : IGNORE_FILES;
    const plainNames = IGNORE_FILES.filter((n) => n !== '.gitignore');
    // Parent directories, outermost first; their paths see ours through a prefix.
    const parents = [];
    for (let dir = (0,external_node_path_.dirname)(absoluteRoot), child = absoluteRoot; dir !== child; child = dir, dir = (0,external_node_path_.dirname)(dir)) {
        const insideRepository = repository !== undefined && (dir === repository || dir.startsWith(`${repository}${external_node_path_.sep}`));
        const matchers = readRules(dir, insideRepository ? gitNames : plainNames, ignore);
        if (matchers.length > 0)
            parents.unshift({ prefix: posix((0,external_node_path_.relative)(dir, absoluteRoot)), matchers });
    }
    const exclude = repository === undefined
        ? []
        : readRules((0,external_node_path_.join)(repository, '.git', 'info'), ['exclude'], ignore).map((matcher) => ({
            prefix: posix((0,external_node_path_.relative)(repository, absoluteRoot)),
            matchers: [matcher],
        }));
    const entries = [];
    const walk = (directory, relativeDir, levels, seen) => {
        const own = readRules(directory, repository === undefined ? plainNames : gitNames, ignore);
        const stack = own.length > 0 ? [...levels, { prefix: '', matchers: own, base: relativeDir }] : levels;
        let names;
        try {
            names = (0,external_node_fs_.readdirSync)(directory).sort();
        }
        catch {
            return;
        }
        for (const name of names) {
            if (ALWAYS_LEFT_OUT.has(name))
                continue;
            const path = relativeDir === '' ? name : `${relativeDir}/${name}`;
            const absolute = (0,external_node_path_.join)(directory, name);
            let stats;
            try {
                stats = (0,external_node_fs_.statSync)(absolute); // follows symlinks, as the CLI does
            }
            catch {
                continue; // a dangling symlink
            }
            const isDirectory = stats.isDirectory();
            if (isIgnored(stack, path, isDirectory))
                continue;
            entries.push({ path, directory: isDirectory });
            if (isDirectory) {
                const real = safeRealDir(absolute);
                if (real !== undefined && seen.has(real))
                    continue; // a symlink loop
                walk(absolute, path, stack, real === undefined ? seen : new Set([...seen, real]));
            }
        }
    };
    const levels = [...exclude, ...parents];
    walk(absoluteRoot, '', levels, new Set([safeRealDir(absoluteRoot) ?? absoluteRoot]));
    return entries;
}
function safeRealDir(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return undefined;
    }
}
/**
 * The deepest level with an opinion decides. A level below the root matches paths relative to
 * its own directory (`base`), a parent level sees them through its prefix.
 */
function isIgnored(stack, path, directory) {
    for (let i = stack.length - 1; i >= 0; i--) {
        const level = stack[i];
        if (!level)
            continue;
        const base = level.base;
        const within = base === undefined ? path : base === '' ? path : path.slice(base.length + 1);
        const decision = decide(base === undefined ? level : { prefix: '', matchers: level.matchers }, within, directory);
        if (decision !== undefined)
            return decision;
    }
    return false;
}

;// CONCATENATED MODULE: ./packages/railway/src/tarball.ts
/**
 * The `railway up` archive: the entries `listUploadTree` keeps, as `./path` names (the CLI's
 * form), in a gzipped tar. Headers are encoded by the `tar` package (ustar, with a PAX header
 * for long names); the bodies are written here, straight into one gzip stream, because the
 * package's own packer costs about a millisecond a file in stream plumbing (5,000 files: 4 s
 * before any compression, where `tar -cz` takes under one). Files are read while zlib
 * compresses on its thread, and the archive is gathered as it comes: the uncompressed tar never
 * exists in memory. The bytes are what the core HTTP client sends, and can send again on a
 * retry, which a one-shot stream could not.
 */




const BLOCK = 512;
/** Writes to gzip in batches of about this many bytes. */
const BATCH = 1 << 20;
async function packTree(root, options = {}) {
    const entries = await listUploadTree(root);
    const { Header, Pax } = await __webpack_require__.e(/* import() */ 697).then(__webpack_require__.bind(__webpack_require__, 8697));
    const { createGzip } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8522, 23));
    const gzip = createGzip({ level: options.level ?? 6 });
    const out = [];
    gzip.on('data', (chunk) => out.push(chunk));
    const ended = (0,external_node_events_.once)(gzip, 'end');
    let batch = [];
    let batched = 0;
    const flush = async () => {
        if (batched === 0)
            return;
        const chunk = Buffer.concat(batch, batched);
        batch = [];
        batched = 0;
        if (!gzip.write(chunk))
            await (0,external_node_events_.once)(gzip, 'drain');
    };
    const push = async (buffer) => {
        batch.push(buffer);
        batched += buffer.length;
        if (batched >= BATCH)
            await flush();
    };
    const header = (path, type, size, mode, mtime) => {
        const block = Buffer.alloc(BLOCK);
        const h = new Header({ path, type, size, mode, mtime, uid: 0, gid: 0, uname: '', gname: '' });
        h.encode(block, 0);
        return h.needPax ? Buffer.concat([new Pax({ path, mtime }).encode(), block]) : block;
    };
    const rootStats = (0,external_node_fs_.statSync)(root);
    await push(header('./', 'Directory', 0, rootStats.mode & 0o7777, rootStats.mtime));
    let directories = 0;
    for (const entry of entries) {
        const absolute = (0,external_node_path_.join)(root, entry.path);
        const stats = (0,external_node_fs_.statSync)(absolute); // follows symlinks, as the CLI does
        if (entry.directory) {
            directories++;
            await push(header(`./${entry.path}/`, 'Directory', 0, stats.mode & 0o7777, stats.mtime));
            continue;
        }
        const data = (0,external_node_fs_.readFileSync)(absolute);
        await push(header(`./${entry.path}`, 'File', data.length, stats.mode & 0o7777, stats.mtime));
        await push(data);
        const padding = (BLOCK - (data.length % BLOCK)) % BLOCK;
        if (padding > 0)
            await push(Buffer.alloc(padding));
    }
    await push(Buffer.alloc(BLOCK * 2)); // the end-of-archive marker
    await flush();
    gzip.end();
    await ended;
    return { bytes: Buffer.concat(out), files: entries.length - directories, directories };
}


/***/ })

};
