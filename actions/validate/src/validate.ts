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
import { annotate, counts, type Finding, sortFindings } from './findings.ts';
import { EMPTY_IGNORE, type IgnoreList, parseIgnoreFile } from './ignore-file.ts';
import type { SourceSpec, ValidateInputs } from './manifest.ts';
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
  const schemaPath = inputs.schema.toLowerCase() === 'none' ? undefined : resolve(cwd, inputs.schema);
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
      const { servicesNamed } = await import('./requirements.ts');
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
        environment: inputs.environment,
        services,
        sources,
        setSecret: (value) => runner.setSecret(value),
      });
      variableCount = Object.keys(schema?.schema.variables ?? {}).length + (example?.keys.length ?? 0);
      findings.push(...found);
      const envScoped = Object.values(schema?.schema.variables ?? {}).filter((v) => v?.environments !== undefined).length;
      if (!inputs.environment && envScoped > 0) {
        runner.info(`${envScoped} variable(s) apply only in named environments and were not checked: set \`environment\`.`);
      }
      const known = schema ? servicesNamed(schema.schema) : [];
      for (const service of services) {
        if (known.length > 0 && !known.includes(service))
          runner.info(`Service '${service}' is not named in the schema: only its shared variables apply.`);
      }
      runner.info(
        `${variableCount} variable(s) declared; read from ${sources.map((s) => s.name).join(', ')}${inputs.environment ? ` for ${inputs.environment}` : ''}: ${found.length} problem(s).`,
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
      {
        hint: 'Fix the variables in the platform or the secrets store, remove committed secrets (and rotate them), or list a false positive in the ignore file.',
      },
    );
  }
  runner.info(`Validation finished: ${errors} error(s), ${warnings} warning(s).`);
  return { status: errors + warnings > 0 ? 'warning' : 'success' };
}
