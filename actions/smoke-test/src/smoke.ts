/**
 * smoke-test: read and validate the checks (every problem before any request), run them, write
 * the JUnit report and the summary, set the outputs, and fail when a check failed.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { InputError, UserError } from '@deploy-suite/core/errors';
import { requestHeaders } from '@deploy-suite/core/headers';
import type { ActionContext, ActionResult } from '@deploy-suite/core/run';
import { registerUrlCredentials } from '@deploy-suite/core/urls';
import { type Check, PLACEHOLDER, parseChecks, type Source } from './checks.ts';
import { renderJunit } from './junit.ts';
import type { SmokeTestInputs } from './manifest.ts';
import { runChecks } from './run-checks.ts';
import { renderSmokeSummary } from './summary.ts';

function workspace(ctx: ActionContext): string {
  return ctx.env.GITHUB_WORKSPACE ?? process.cwd();
}

function checkSource(inputs: SmokeTestInputs, ctx: ActionContext): Source {
  if (inputs.checks !== undefined) return { input: 'checks', label: 'inline', text: inputs.checks };
  const given = inputs.checksFile ?? '';
  const path = resolve(workspace(ctx), given);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new InputError([
      {
        input: 'checks-file',
        shown: `got ${JSON.stringify(given)}`,
        expected: 'expected a YAML file in the workspace; there is none at that path',
      },
    ]);
  return { input: 'checks-file', label: given, text: readFileSync(path, 'utf8') };
}

function reportPath(inputs: SmokeTestInputs, ctx: ActionContext): string {
  if (inputs.report) return isAbsolute(inputs.report) ? inputs.report : resolve(workspace(ctx), inputs.report);
  return join(ctx.env.RUNNER_TEMP ?? tmpdir(), 'smoke-test', `junit-${process.pid}.xml`);
}

export async function smokeTest(inputs: SmokeTestInputs, ctx: ActionContext): Promise<ActionResult> {
  const { runner, clock } = ctx;
  const headers = requestHeaders(runner, inputs.headers);
  if (inputs.baseUrl) registerUrlCredentials(runner, inputs.baseUrl);
  const checks: Check[] = parseChecks(checkSource(inputs, ctx), inputs.baseUrl);
  for (const check of checks) registerUrlCredentials(runner, check.url.replace(PLACEHOLDER, 'x'));
  const file = reportPath(inputs, ctx);

  const begin = clock.now();
  runner.info(`Running ${checks.length} check${checks.length === 1 ? '' : 's'}, ${inputs.concurrency} at a time.`);
  const results = await runChecks(checks, {
    http: ctx.http({ service: 'Smoke check', retries: 0, secrets: runner.secrets, maxBody: inputs.maxBody }),
    secrets: runner.secrets,
    clock,
    logger: runner,
    baseUrl: inputs.baseUrl,
    headers,
    concurrency: inputs.concurrency,
    retries: inputs.retries,
    requestTimeout: inputs.requestTimeout,
    maxLatency: inputs.maxLatency,
    timeout: inputs.timeout,
    failFast: inputs.failFast,
    signal: ctx.signal,
    onSecret: (value) => runner.setSecret(value),
  });
  if (ctx.signal.aborted) throw ctx.signal.reason;
  const elapsed = clock.now() - begin;

  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      runner.secrets.scrub(renderJunit(results, { elapsed, timestamp: new Date(begin), secrets: runner.secrets })),
      'utf8',
    );
  } catch (error) {
    throw new UserError(`Could not write the JUnit report to ${file}: ${(error as Error).message}`, {
      hint: 'Point the report input at a writable path in the workspace.',
    });
  }
  const passed = results.filter((r) => r.outcome === 'passed').length;
  const failed = results.filter((r) => r.outcome === 'failed');
  runner.setOutput('passed', passed);
  runner.setOutput('failed', failed.length);
  runner.setOutput('report-file', file);
  renderSmokeSummary(results, file, elapsed, runner.secrets).write(runner);
  runner.info(`${passed} passed, ${failed.length} failed in ${(elapsed / 1000).toFixed(1)}s; JUnit report: ${file}`);

  if (failed.length > 0) {
    const named = failed
      .slice(0, 5)
      .map((r) => `${r.check.name} (${r.failures[0]?.message ?? 'failed'})`)
      .join('; ');
    throw new UserError(
      `${failed.length} of ${results.length} smoke check${results.length === 1 ? '' : 's'} failed: ${named}${failed.length > 5 ? '; …' : ''}`,
      { hint: 'The summary table and the JUnit report list every failed assertion.' },
    );
  }
  return { status: 'success' };
}
