/**
 * validate: read the schema → check each service's variables in the environment → check the
 * platform config files → scan for committed secrets → report (annotations, one summary table,
 * outputs, a JSON report) and fail according to `fail-on`. Every phase is a log group; the
 * heavy modules (zod, yaml, secretlint, smol-toml) load only for the phases that run.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '@deploy-suite/core/errors';
import type { ActionContext, ActionResult } from '@deploy-suite/core/run';
import { truncate } from '@deploy-suite/core/untrusted';
import { annotate, counts, type Finding, sortFindings } from './findings.ts';
import { EMPTY_IGNORE, type IgnoreList, parseIgnoreFile } from './ignore-file.ts';
import { DEFAULT_SCHEMA, type SourceSpec, type ValidateInputs } from './manifest.ts';
import type { EnvExample, LoadedSchema } from './requirements.ts';
import type { ScanStats } from './secret-scan.ts';
import { type ProviderSources, sourceOf } from './sources.ts';
import { renderSummary } from './summary.ts';

export interface Report {
  environment: string | null;
  services: string[];
  sources: string[];
  errors: number;
  warnings: number;
  checked: { variables: number; configFiles: string[]; secretScan: ScanStats | null };
  healthcheckPath: string | null;
  findings: Finding[];
}

function pullRequestRange(env: NodeJS.ProcessEnv): { base: string; head: string } | undefined {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return undefined;
  try {
    const event = JSON.parse(readFileSync(path, 'utf8')) as {
      pull_request?: { base?: { sha?: unknown }; head?: { sha?: unknown } };
    };
    const base = event.pull_request?.base?.sha;
    const head = event.pull_request?.head?.sha;
    const sha = /^[0-9a-f]{7,64}$/;
    return typeof base === 'string' && typeof head === 'string' && sha.test(base) && sha.test(head) ? { base, head } : undefined;
  } catch {
    return undefined;
  }
}

async function readInput(path: string, input: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`Input '${input}': ${path} could not be read (${(error as NodeJS.ErrnoException).code}).`, {
      hint: `Give the path of a file, relative to the working directory.`,
    });
  }
}

/** What to do, for the kinds of finding that failed the step only. */
function hintFor(failing: readonly Finding[]): string {
  const kinds = new Set(failing.map((f) => f.kind));
  const steps: string[] = [];
  if (kinds.has('variable')) steps.push('fix the variables in the platform or the secrets store');
  if (kinds.has('config')) steps.push('fix the config files at the lines shown');
  if (kinds.has('secret')) steps.push('remove committed secrets (and rotate them), or list a false positive in the ignore file');
  const text = steps.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A warning about the schema as a whole, at its `environments` / `services` list when it has one. */
function schemaWarning(rule: string, message: string, schema: LoadedSchema, list: 'environments' | 'services'): Finding {
  const line = schema.lineOf([list], { key: true });
  return { severity: 'warning', kind: 'variable', rule, message, file: schema.file, ...(line ? { line } : {}) };
}

/**
 * The `environment` input as the schema names it. GitHub's environment names ignore case, so
 * `Production` is the schema's `production`. A name the schema does not know would silently skip
 * every rule scoped to the others (DEBUG off in production): refused when the schema declares its
 * `environments`, else a warning.
 */
function schemaEnvironment(
  environment: string | undefined,
  schema: LoadedSchema,
  known: readonly string[],
  findings: Finding[],
  runner: ActionContext['runner'],
): string | undefined {
  if (!environment || known.length === 0 || known.includes(environment)) return environment;
  const sameName = known.find((n) => n.toLowerCase() === environment.toLowerCase());
  if (sameName) {
    runner.info(`Environment '${environment}' is the schema's '${sameName}' (environment names ignore case).`);
    return sameName;
  }
  if (schema.schema.environments) {
    throw new UserError(
      `Input 'environment' got "${environment}": expected one of the schema's environments (${known.join(', ')}).`,
      { hint: `Fix the environment input, or add '${environment}' to \`environments\` in ${schema.file}.` },
    );
  }
  findings.push(
    schemaWarning(
      'unknown-environment',
      `environment '${environment}' is named by no rule in the schema (rules name ${known.join(', ')}): only the rules for every environment were checked`,
      schema,
      'environments',
    ),
  );
  return environment;
}

export async function validate(inputs: ValidateInputs, ctx: ActionContext): Promise<ActionResult> {
  const { runner } = ctx;
  const workspace = ctx.env.GITHUB_WORKSPACE ?? process.cwd();
  const cwd = resolve(workspace, inputs.workingDirectory);
  if (!statSync(cwd, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`The working directory '${inputs.workingDirectory}' is not a folder.`, {
      hint: 'Check the `working-directory` input; run actions/checkout before this step.',
    });
  }
  const display = (path: string) => relative(cwd, resolve(cwd, path)) || path;
  let schemaPath = inputs.schema.toLowerCase() === 'none' ? undefined : resolve(cwd, inputs.schema);
  // `env-example` alone: the default schema file need not exist.
  if (schemaPath && inputs.envExample && inputs.schema === DEFAULT_SCHEMA && !existsSync(schemaPath)) {
    runner.info(`No ${DEFAULT_SCHEMA}: the variables are checked against ${inputs.envExample} alone.`);
    schemaPath = undefined;
  }
  // Before anything loads: a missing schema is the commonest mistake, and the cheapest to report.
  if (schemaPath && !existsSync(schemaPath)) {
    throw new UserError(`The schema file '${inputs.schema}' was not found in ${cwd}.`, {
      hint: 'Commit one (the catalog documents the format), point `schema` at it, or set `schema: none` to skip the variable checks.',
    });
  }

  const findings: Finding[] = [];
  let variableCount = 0;
  const services = inputs.services ?? [];
  if (schemaPath || inputs.envExample) {
    await runner.group('Check the variables', async () => {
      const { loadEnvExample, loadSchema } = await import('./load-schema.ts');
      const schema: LoadedSchema | undefined = schemaPath ? await loadSchema(schemaPath, display(inputs.schema)) : undefined;
      const example: EnvExample | undefined = inputs.envExample
        ? await loadEnvExample(resolve(cwd, inputs.envExample), display(inputs.envExample))
        : undefined;
      const { checkVariables } = await import('./check-variables.ts');
      const { environmentsNamed, servicesNamed } = await import('./requirements.ts');
      // The environment as the schema spells it: a typo must not switch the production rules off.
      const environment = schema
        ? schemaEnvironment(inputs.environment, schema, environmentsNamed(schema.schema), findings, runner)
        : inputs.environment;
      // A provider's client loads only for the runs that read it.
      const reads = (kind: SourceSpec['kind']) => inputs.sources.some((s) => s.kind === kind);
      const railway = reads('railway') ? await import('./source-railway.ts') : undefined;
      const vercel = reads('vercel') ? await import('./source-vercel.ts') : undefined;
      const providers: ProviderSources = {
        railway: () =>
          railway?.railwaySources(
            {
              token: inputs.railwayToken,
              apiUrl: inputs.railwayApiUrl,
              projectId: inputs.railwayProjectId,
              environment: inputs.environment,
              services,
            },
            ctx,
          ) ?? [],
        vercel: () => {
          if (!vercel || !inputs.vercelProject) return [];
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
        if (known.length === 0 || known.includes(service)) continue;
        const text = `service '${service}' is not named in the schema (it names ${known.join(', ')}): only the variables of every service apply to it`;
        // With a declared `services` list an unknown name is most likely a typo: a warning, not a note.
        if (schema?.schema.services) findings.push(schemaWarning('unknown-service', text, schema, 'services'));
        else runner.info(`${text[0]?.toUpperCase()}${text.slice(1)}.`);
      }
      runner.info(
        `${variableCount} variable(s) declared; read from ${sources.map((s) => s.name).join(', ')}${environment ? ` for ${environment}` : ''}: ${found.length} problem(s).`,
      );
    });
  }

  let configFiles: string[] = [];
  let healthcheckPath: string | undefined;
  if (inputs.checkConfig) {
    await runner.group('Check the platform config files', async () => {
      const { checkConfigFiles } = await import('./config-files.ts');
      const result = await checkConfigFiles(cwd, runner.secrets, inputs.environment || undefined);
      configFiles = result.checked;
      healthcheckPath = result.healthcheckPath;
      findings.push(...result.findings);
      runner.info(
        configFiles.length > 0 ? `Checked ${configFiles.join(', ')}.` : 'No railway.json, railway.toml or vercel.json.',
      );
      if (healthcheckPath) runner.info(`Railway health check path: ${healthcheckPath} (the suggested health-gate path).`);
    });
  }

  let scanStats: ScanStats | null = null;
  if (inputs.scanSecrets) {
    await runner.group('Scan for committed secrets', async () => {
      const ignorePath = resolve(cwd, inputs.secretsIgnore);
      const ignore: IgnoreList = existsSync(ignorePath)
        ? parseIgnoreFile(await readInput(ignorePath, 'secrets-ignore'))
        : EMPTY_IGNORE;
      const { scanSecrets } = await import('./secret-scan.ts');
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
      runner.info(
        `Scanned ${result.stats.files} tracked file(s)${result.stats.commits ? ` and ${result.stats.commits} pull-request commit(s)` : ''} in ${(result.stats.durationMs / 1000).toFixed(1)}s` +
          `${ignore.size > 0 ? ` (${ignore.size} ignore rule(s), ${result.stats.ignored} file(s) ignored)` : ''}: ${result.findings.length} finding(s).`,
      );
      // A rule that matched nothing is a typo or a leftover: said, but no finding (it hides nothing).
      for (const rule of ignore.unused()) {
        runner.warning(
          `Ignore rule ${JSON.stringify(truncate(rule.text, 200))} matched nothing: check its spelling, or remove it.`,
          {
            title: 'validate: ignore file',
            file: display(inputs.secretsIgnore),
            startLine: rule.line,
          },
        );
      }
    });
  }

  const sorted = sortFindings(findings);
  const { errors, warnings } = counts(sorted);
  for (const finding of sorted) annotate(runner, finding);

  const report: Report = {
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
    ? resolve(workspace, inputs.report)
    : join(ctx.env.RUNNER_TEMP ?? cwd, `validate-report-${ctx.github.runId || 'local'}.json`);
  try {
    await mkdir(dirname(reportPath), { recursive: true });
    // Scrubbed like every line we write: nothing in it is a value by construction, and this keeps it so.
    await writeFile(reportPath, runner.secrets.scrub(`${JSON.stringify(report, null, 2)}\n`), 'utf8');
  } catch (error) {
    throw new UserError(
      `Input 'report': the report could not be written to ${reportPath} (${(error as NodeJS.ErrnoException).code}).`,
      {
        hint: 'Give a file path in a folder the job can write, or leave `report` out for a file under RUNNER_TEMP.',
      },
    );
  }

  runner.setOutput('errors', errors);
  runner.setOutput('warnings', warnings);
  runner.setOutput('report', isAbsolute(reportPath) ? reportPath : resolve(reportPath));
  runner.setOutput('healthcheck-path', healthcheckPath ?? '');
  renderSummary(report).write(runner);

  const failed = inputs.failOn === 'never' ? false : inputs.failOn === 'warning' ? errors + warnings > 0 : errors > 0;
  if (failed) {
    throw new UserError(
      `Not ready to deploy: ${errors} error(s) and ${warnings} warning(s) (fail-on: ${inputs.failOn}). Each is annotated above, and listed in the summary and ${reportPath}.`,
      { hint: hintFor(inputs.failOn === 'warning' ? sorted : sorted.filter((f) => f.severity === 'error')) },
    );
  }
  runner.info(`Validation finished: ${errors} error(s), ${warnings} warning(s).`);
  return { status: errors + warnings > 0 ? 'warning' : 'success' };
}
