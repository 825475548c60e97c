export const id = 294;
export const ids = [294];
export const modules = {

/***/ 7294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validate: () => (/* binding */ validate)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var src_errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/untrusted.ts
var untrusted = __webpack_require__(3023);
;// CONCATENATED MODULE: ./actions/validate/src/findings.ts
function counts(findings) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    return { errors, warnings: findings.length - errors };
}
/** Sorted for a stable report: errors first, then by file and line. */
function sortFindings(findings) {
    const rank = (f) => (f.severity === 'error' ? 0 : 1);
    return [...findings].sort((a, b) => rank(a) - rank(b) || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
}
/** The one-line text of a finding, as the log and the annotations show it. */
function describe(f) {
    const subject = f.variable
        ? `${f.variable}${f.service ? ` (service ${f.service})` : ''}${f.source ? ` from ${f.source}` : ''}: `
        : '';
    return `${subject}${f.message} [${f.rule}]`;
}
function annotate(runner, f) {
    const properties = { title: `validate: ${f.kind}` };
    if (f.file)
        properties.file = f.file;
    if (f.line !== undefined)
        properties.startLine = f.line;
    if (f.column !== undefined)
        properties.startColumn = f.column;
    if (f.severity === 'error')
        runner.error(describe(f), properties);
    else
        runner.warning(describe(f), properties);
}

;// CONCATENATED MODULE: ./actions/validate/src/ignore-file.ts
/**
 * The secret scan's ignore file (default `.github/deploy-env-ignore`), for false positives:
 *
 *     # a comment
 *     test/fixtures/**          # a path glob (a pattern without a slash matches at any depth)
 *     docs/                     # a folder
 *     fingerprint:3f9a0c1b2d4e5f60   # one found value, by the fingerprint its finding shows
 *     rule:@secretlint/secretlint-rule-basicauth   # a whole rule (its id, or the short name: basicauth)
 *
 * A `#` after white space starts a comment, so a rule can say why it is there. Each rule counts
 * its matches: one that matched nothing (a typo, or a false positive since removed) is named.
 */

function parseIgnoreFile(text) {
    const globs = [];
    const fingerprints = new Map();
    const rules = new Map();
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        if (line === '')
            continue;
        const rule = { line: index + 1, text: line, used: false };
        if (line.startsWith('fingerprint:'))
            fingerprints.set(line.slice('fingerprint:'.length).trim().toLowerCase(), rule);
        else if (line.startsWith('rule:'))
            rules.set(line.slice('rule:'.length).trim(), rule);
        else {
            let glob = line.replace(/^\/+/, '');
            if (glob.endsWith('/'))
                glob = `${glob}**`;
            if (!line.slice(0, -1).includes('/'))
                glob = `**/${glob}`;
            globs.push({ ...rule, glob });
        }
    }
    const shortName = (rule) => rule.replace(/^@secretlint\/secretlint-rule-/, '');
    const use = (rule) => {
        if (rule)
            rule.used = true;
        return rule !== undefined;
    };
    return {
        size: globs.length + fingerprints.size + rules.size,
        ignoresPath: (path) => use(globs.find(({ glob }) => (0,external_node_path_.matchesGlob)(path, glob) || (0,external_node_path_.matchesGlob)(path, glob.replace(/^\*\*\//, '')))),
        ignoresFinding: (rule, fingerprint) => use(rules.get(rule) ?? rules.get(shortName(rule)) ?? (fingerprint === undefined ? undefined : fingerprints.get(fingerprint))),
        unused: () => [...globs, ...fingerprints.values(), ...rules.values()]
            .filter((r) => !r.used)
            .sort((a, b) => a.line - b.line)
            .map(({ line, text }) => ({ line, text })),
    };
}
const EMPTY_IGNORE = parseIgnoreFile('');

// EXTERNAL MODULE: ./actions/validate/src/manifest.ts + 1 modules
var manifest = __webpack_require__(9094);
;// CONCATENATED MODULE: ./actions/validate/src/sources.ts
/**
 * Where the values come from. Each source reads one set of variables: the job's environment, a
 * dotenv file, or (as provider clients land) the live variables of one service. Every value is
 * registered as a secret the moment it is read, before anything could print it.
 */



/** The job's environment minus the runner's own variables and the action's inputs. */
const RUNNER_VARIABLE = /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|STATE_)/;
function envSource(env) {
    return {
        name: 'env',
        async read() {
            const values = new Map();
            for (const [key, value] of Object.entries(env)) {
                if (value !== undefined && !RUNNER_VARIABLE.test(key))
                    values.set(key, value);
            }
            return { values };
        },
    };
}
function dotenvSource(path, cwd) {
    return {
        name: `dotenv:${path}`,
        async read() {
            let text;
            try {
                text = await (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, path), 'utf8');
            }
            catch (error) {
                const code = error.code;
                throw new src_errors/* UserError */.yo(`The dotenv source '${path}' could not be read${code === 'ENOENT' ? ': no such file' : ` (${code})`}.`, { hint: 'Check the `sources` input; the path is relative to the working directory.' });
            }
            const { parseDotenvText } = await __webpack_require__.e(/* import() */ 899).then(__webpack_require__.bind(__webpack_require__, 6899));
            const parsed = parseDotenvText(text);
            return { values: parsed.values, locate: (variable) => ({ file: path, line: parsed.lineOf(variable) }) };
        },
    };
}
function sourceOf(spec, ctx) {
    switch (spec.kind) {
        case 'env':
            return [envSource(ctx.env)];
        case 'dotenv':
            return [dotenvSource(spec.path, ctx.cwd)];
        case 'railway':
            return ctx.providers.railway();
        case 'vercel':
            return ctx.providers.vercel();
    }
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

;// CONCATENATED MODULE: ./actions/validate/src/summary.ts
/** The job summary: the counts, then one table of every finding (escaped by report.ts). */

const ICON = { error: '❌ error', warning: '⚠️ warning' };
function renderSummary(report) {
    const ok = report.errors === 0 && report.warnings === 0;
    const summary = new Summary().heading(`Validate${report.environment ? ` (${report.environment})` : ''}: ${ok ? 'ready ✅' : report.errors > 0 ? 'not ready ❌' : 'ready, with warnings ⚠️'}`, 3);
    const scan = report.checked.secretScan;
    summary.paragraph(`${report.errors} error(s), ${report.warnings} warning(s). Checked ${report.checked.variables} declared variable(s) from ${report.sources.join(', ')}` +
        `${report.checked.configFiles.length ? `, ${report.checked.configFiles.join(', ')}` : ''}` +
        `${scan ? `, ${scan.files} tracked file(s) for secrets${scan.commits ? ` and ${scan.commits} pull-request commit(s)` : ''}` : ''}.`);
    if (report.healthcheckPath)
        summary.paragraph('Suggested health-gate path (Railway deploy.healthcheckPath):', code(report.healthcheckPath));
    if (report.findings.length > 0) {
        summary.table(['severity', 'what', 'where', 'finding', 'rule'], report.findings.map((f) => [
            ICON[f.severity],
            f.variable ? `${f.variable}${f.service ? ` (${f.service})` : ''}` : f.kind,
            f.file ? `${f.file}${f.line !== undefined ? `:${f.line}` : ''}` : (f.source ?? ''),
            f.message,
            f.rule,
        ]));
    }
    return summary;
}

;// CONCATENATED MODULE: ./actions/validate/src/validate.ts
/**
 * validate: read the schema → check each service's variables in the environment → check the
 * platform config files → scan for committed secrets → report (annotations, one summary table,
 * outputs, a JSON report) and fail according to `fail-on`. Every phase is a log group; the
 * heavy modules (zod, yaml, secretlint, smol-toml) load only for the phases that run.
 */










function pullRequestRange(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path || !(0,external_node_fs_.existsSync)(path))
        return undefined;
    try {
        const event = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
        const base = event.pull_request?.base?.sha;
        const head = event.pull_request?.head?.sha;
        const sha = /^[0-9a-f]{7,64}$/;
        return typeof base === 'string' && typeof head === 'string' && sha.test(base) && sha.test(head) ? { base, head } : undefined;
    }
    catch {
        return undefined;
    }
}
async function readInput(path, input) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new src_errors/* UserError */.yo(`Input '${input}': ${path} could not be read (${error.code}).`, {
            hint: `Give the path of a file, relative to the working directory.`,
        });
    }
}
/** What to do, for the kinds of finding that failed the step only. */
function hintFor(failing) {
    const kinds = new Set(failing.map((f) => f.kind));
    const steps = [];
    if (kinds.has('variable'))
        steps.push('fix the variables in the platform or the secrets store');
    if (kinds.has('config'))
        steps.push('fix the config files at the lines shown');
    if (kinds.has('secret'))
        steps.push('remove committed secrets (and rotate them), or list a false positive in the ignore file');
    const text = steps.join('; ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
/** A warning about the schema as a whole, at its `environments` / `services` list when it has one. */
function schemaWarning(rule, message, schema, list) {
    const line = schema.lineOf([list], { key: true });
    return { severity: 'warning', kind: 'variable', rule, message, file: schema.file, ...(line ? { line } : {}) };
}
/**
 * The `environment` input as the schema names it. GitHub's environment names ignore case, so
 * `Production` is the schema's `production`. A name the schema does not know would silently skip
 * every rule scoped to the others (DEBUG off in production): refused when the schema declares its
 * `environments`, else a warning.
 */
function schemaEnvironment(environment, schema, known, findings, runner) {
    if (!environment || known.length === 0 || known.includes(environment))
        return environment;
    const sameName = known.find((n) => n.toLowerCase() === environment.toLowerCase());
    if (sameName) {
        runner.info(`Environment '${environment}' is the schema's '${sameName}' (environment names ignore case).`);
        return sameName;
    }
    if (schema.schema.environments) {
        throw new src_errors/* UserError */.yo(`Input 'environment' got "${environment}": expected one of the schema's environments (${known.join(', ')}).`, { hint: `Fix the environment input, or add '${environment}' to \`environments\` in ${schema.file}.` });
    }
    findings.push(schemaWarning('unknown-environment', `environment '${environment}' is named by no rule in the schema (rules name ${known.join(', ')}): only the rules for every environment were checked`, schema, 'environments'));
    return environment;
}
async function validate(inputs, ctx) {
    const { runner } = ctx;
    const workspace = ctx.env.GITHUB_WORKSPACE ?? process.cwd();
    const cwd = (0,external_node_path_.resolve)(workspace, inputs.workingDirectory);
    if (!(0,external_node_fs_.statSync)(cwd, { throwIfNoEntry: false })?.isDirectory()) {
        throw new src_errors/* UserError */.yo(`The working directory '${inputs.workingDirectory}' is not a folder.`, {
            hint: 'Check the `working-directory` input; run actions/checkout before this step.',
        });
    }
    const display = (path) => (0,external_node_path_.relative)(cwd, (0,external_node_path_.resolve)(cwd, path)) || path;
    let schemaPath = inputs.schema.toLowerCase() === 'none' ? undefined : (0,external_node_path_.resolve)(cwd, inputs.schema);
    // `env-example` alone: the default schema file need not exist.
    if (schemaPath && inputs.envExample && inputs.schema === manifest/* DEFAULT_SCHEMA */.my && !(0,external_node_fs_.existsSync)(schemaPath)) {
        runner.info(`No ${manifest/* DEFAULT_SCHEMA */.my}: the variables are checked against ${inputs.envExample} alone.`);
        schemaPath = undefined;
    }
    // Before anything loads: a missing schema is the commonest mistake, and the cheapest to report.
    if (schemaPath && !(0,external_node_fs_.existsSync)(schemaPath)) {
        throw new src_errors/* UserError */.yo(`The schema file '${inputs.schema}' was not found in ${cwd}.`, {
            hint: 'Commit one (the catalog documents the format), point `schema` at it, or set `schema: none` to skip the variable checks.',
        });
    }
    const findings = [];
    let variableCount = 0;
    const services = inputs.services ?? [];
    if (schemaPath || inputs.envExample) {
        await runner.group('Check the variables', async () => {
            const { loadEnvExample, loadSchema } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(259), __webpack_require__.e(96)]).then(__webpack_require__.bind(__webpack_require__, 7096));
            const schema = schemaPath ? await loadSchema(schemaPath, display(inputs.schema)) : undefined;
            const example = inputs.envExample
                ? await loadEnvExample((0,external_node_path_.resolve)(cwd, inputs.envExample), display(inputs.envExample))
                : undefined;
            const { checkVariables } = await __webpack_require__.e(/* import() */ 897).then(__webpack_require__.bind(__webpack_require__, 2897));
            const { environmentsNamed, servicesNamed } = await __webpack_require__.e(/* import() */ 334).then(__webpack_require__.bind(__webpack_require__, 9334));
            // The environment as the schema spells it: a typo must not switch the production rules off.
            const environment = schema
                ? schemaEnvironment(inputs.environment, schema, environmentsNamed(schema.schema), findings, runner)
                : inputs.environment;
            // A provider's client loads only for the runs that read it.
            const reads = (kind) => inputs.sources.some((s) => s.kind === kind);
            const railway = reads('railway') ? await __webpack_require__.e(/* import() */ 181).then(__webpack_require__.bind(__webpack_require__, 4181)) : undefined;
            const vercel = reads('vercel') ? await __webpack_require__.e(/* import() */ 525).then(__webpack_require__.bind(__webpack_require__, 8525)) : undefined;
            const providers = {
                railway: () => railway?.railwaySources({
                    token: inputs.railwayToken,
                    apiUrl: inputs.railwayApiUrl,
                    projectId: inputs.railwayProjectId,
                    environment: inputs.environment,
                    services,
                }, ctx) ?? [],
                vercel: () => {
                    if (!vercel || !inputs.vercelProject)
                        return [];
                    const options = {
                        token: inputs.vercelToken,
                        project: inputs.vercelProject,
                        teamId: inputs.vercelTeamId,
                        apiUrl: inputs.vercelApiUrl,
                        environment: inputs.environment,
                    };
                    return [vercel.vercelSource(options, ctx)];
                },
            };
            const sources = inputs.sources.flatMap((spec) => sourceOf(spec, { env: ctx.env, cwd, providers }));
            const found = await checkVariables({
                schema,
                example,
                environment,
                services,
                sources,
                setSecret: (value) => runner.setSecret(value),
            });
            variableCount = Object.keys(schema?.schema.variables ?? {}).length + (example?.keys.length ?? 0);
            findings.push(...found);
            const envScoped = Object.values(schema?.schema.variables ?? {}).filter((v) => v?.environments !== undefined).length;
            if (!environment && envScoped > 0) {
                runner.info(`${envScoped} variable(s) apply only in named environments and were not checked: set \`environment\`.`);
            }
            const known = schema ? servicesNamed(schema.schema) : [];
            for (const service of services) {
                if (known.length === 0 || known.includes(service))
                    continue;
                const text = `service '${service}' is not named in the schema (it names ${known.join(', ')}): only the variables of every service apply to it`;
                // With a declared `services` list an unknown name is most likely a typo: a warning, not a note.
                if (schema?.schema.services)
                    findings.push(schemaWarning('unknown-service', text, schema, 'services'));
                else
                    runner.info(`${text[0]?.toUpperCase()}${text.slice(1)}.`);
            }
            runner.info(`${variableCount} variable(s) declared; read from ${sources.map((s) => s.name).join(', ')}${environment ? ` for ${environment}` : ''}: ${found.length} problem(s).`);
        });
    }
    let configFiles = [];
    let healthcheckPath;
    if (inputs.checkConfig) {
        await runner.group('Check the platform config files', async () => {
            const { checkConfigFiles } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(350)]).then(__webpack_require__.bind(__webpack_require__, 7350));
            const result = await checkConfigFiles(cwd, runner.secrets, inputs.environment || undefined);
            configFiles = result.checked;
            healthcheckPath = result.healthcheckPath;
            findings.push(...result.findings);
            runner.info(configFiles.length > 0 ? `Checked ${configFiles.join(', ')}.` : 'No railway.json, railway.toml or vercel.json.');
            if (healthcheckPath)
                runner.info(`Railway health check path: ${healthcheckPath} (the suggested health-gate path).`);
        });
    }
    let scanStats = null;
    if (inputs.scanSecrets) {
        await runner.group('Scan for committed secrets', async () => {
            const ignorePath = (0,external_node_path_.resolve)(cwd, inputs.secretsIgnore);
            const ignore = (0,external_node_fs_.existsSync)(ignorePath)
                ? parseIgnoreFile(await readInput(ignorePath, 'secrets-ignore'))
                : EMPTY_IGNORE;
            const { scanSecrets } = await __webpack_require__.e(/* import() */ 695).then(__webpack_require__.bind(__webpack_require__, 7695));
            const pullRequest = pullRequestRange(ctx.env);
            const result = await scanSecrets({
                cwd,
                ignore,
                setSecret: (value) => runner.setSecret(value),
                secrets: runner.secrets,
                signal: ctx.signal,
                warn: (message) => runner.warning(message),
                ...(pullRequest ? { pullRequest } : {}),
            });
            scanStats = result.stats;
            findings.push(...result.findings);
            runner.info(`Scanned ${result.stats.files} tracked file(s)${result.stats.commits ? ` and ${result.stats.commits} pull-request commit(s)` : ''} in ${(result.stats.durationMs / 1000).toFixed(1)}s` +
                `${ignore.size > 0 ? ` (${ignore.size} ignore rule(s), ${result.stats.ignored} file(s) ignored)` : ''}: ${result.findings.length} finding(s).`);
            // A rule that matched nothing is a typo or a leftover: said, but no finding (it hides nothing).
            for (const rule of ignore.unused()) {
                runner.warning(`Ignore rule ${JSON.stringify((0,untrusted/* truncate */.xv)(rule.text, 200))} matched nothing: check its spelling, or remove it.`, {
                    title: 'validate: ignore file',
                    file: display(inputs.secretsIgnore),
                    startLine: rule.line,
                });
            }
        });
    }
    const sorted = sortFindings(findings);
    const { errors, warnings } = counts(sorted);
    for (const finding of sorted)
        annotate(runner, finding);
    const report = {
        environment: inputs.environment ?? null,
        services,
        sources: inputs.sources.map((s) => (s.kind === 'dotenv' ? `dotenv:${s.path}` : s.kind)),
        errors,
        warnings,
        checked: { variables: variableCount, configFiles, secretScan: scanStats },
        healthcheckPath: healthcheckPath ?? null,
        findings: sorted,
    };
    const reportPath = inputs.report
        ? (0,external_node_path_.resolve)(workspace, inputs.report)
        : (0,external_node_path_.join)(ctx.env.RUNNER_TEMP ?? cwd, `validate-report-${ctx.github.runId || 'local'}.json`);
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(reportPath), { recursive: true });
        // Scrubbed like every line we write: nothing in it is a value by construction, and this keeps it so.
        await (0,promises_.writeFile)(reportPath, runner.secrets.scrub(`${JSON.stringify(report, null, 2)}\n`), 'utf8');
    }
    catch (error) {
        throw new src_errors/* UserError */.yo(`Input 'report': the report could not be written to ${reportPath} (${error.code}).`, {
            hint: 'Give a file path in a folder the job can write, or leave `report` out for a file under RUNNER_TEMP.',
        });
    }
    runner.setOutput('errors', errors);
    runner.setOutput('warnings', warnings);
    runner.setOutput('report', (0,external_node_path_.isAbsolute)(reportPath) ? reportPath : (0,external_node_path_.resolve)(reportPath));
    runner.setOutput('healthcheck-path', healthcheckPath ?? '');
    renderSummary(report).write(runner);
    const failed = inputs.failOn === 'never' ? false : inputs.failOn === 'warning' ? errors + warnings > 0 : errors > 0;
    if (failed) {
        throw new src_errors/* UserError */.yo(`Not ready to deploy: ${errors} error(s) and ${warnings} warning(s) (fail-on: ${inputs.failOn}). Each is annotated above, and listed in the summary and ${reportPath}.`, { hint: hintFor(inputs.failOn === 'warning' ? sorted : sorted.filter((f) => f.severity === 'error')) });
    }
    runner.info(`Validation finished: ${errors} error(s), ${warnings} warning(s).`);
    return { status: errors + warnings > 0 ? 'warning' : 'success' };
}


/***/ })

};
