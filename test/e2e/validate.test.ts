/**
 * validate's acceptance, through dist/validate/index.js run as the runner runs it, on fixture
 * repositories built from the seeds' variable lists (git repositories in temporary folders).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { cleanFailureProblems, runBundle } from '../../packages/harness/src/run-bundle.ts';
import { cleanValues, createSeedRepo, lineOf, PLANTED_KEY, SCHEMA, type SeedRepo } from '../fixtures/validate/seed-repo.ts';

const SERVICES = 'backend, worker, api, web, app';
const repos: SeedRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) rmSync(repo.dir, { recursive: true, force: true });
});

function seed(options: Parameters<typeof createSeedRepo>[0]): SeedRepo {
  const repo = createSeedRepo(options);
  repos.push(repo);
  return repo;
}

/** The values the schema treats as secrets (the flags and public URLs it marks `secret: false` may show). */
const secretValues = (values: Record<string, string | undefined>) =>
  ['DJANGO_SECRET_KEY', 'DATABASE_URL', 'JWT_SECRET', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'APP_KEY']
    .map((name) => values[name])
    .filter((v): v is string => v !== undefined);

const read = (repo: SeedRepo, path: string) => readFileSync(join(repo.dir, path), 'utf8');

/** The findings as annotations: the ones that carry a file (the closing error does not). */
const located = (run: Awaited<ReturnType<typeof runBundle>>) =>
  run.annotations
    .filter((a) => a.properties.file !== undefined)
    .map((a) => [a.kind, a.properties.file, Number(a.properties.line)]);

describe('validate', () => {
  it('finds exactly the five planted problems, each at its file and line', async () => {
    const repo = seed({ planted: true });
    // The repository holds the values and the key, so it is the working directory, not the
    // workspace the harness searches for leaks after the run.
    const run = await runBundle('validate', {
      inputs: {
        'working-directory': repo.dir,
        environment: 'production',
        services: SERVICES,
        sources: `dotenv:${repo.valuesFile}`,
      },
      secrets: [...secretValues(repo.values), PLANTED_KEY],
    });
    const env = read(repo, repo.valuesFile);
    expect(located(run).sort()).toEqual(
      [
        ['error', '.github/deploy-env.yml', lineOf(SCHEMA, '  STRIPE_WEBHOOK_SECRET:')],
        ['error', repo.valuesFile, lineOf(env, 'DJANGO_SECRET_KEY=')],
        ['error', repo.valuesFile, lineOf(env, 'DEBUG=')],
        ['error', 'backend/.env', 1],
        ['error', 'api/src/payments.js', lineOf(read(repo, 'api/src/payments.js'), 'sk_live_')],
      ].sort(),
    );
    const messages = run.errors.join('\n');
    expect(messages).toContain('STRIPE_WEBHOOK_SECRET (service api) from dotenv:deploy/production.env: missing [required]');
    expect(messages).toContain(
      'DJANGO_SECRET_KEY (service backend, worker) from dotenv:deploy/production.env: too short (12 < 50)',
    );
    expect(messages).toContain('DEBUG from dotenv:deploy/production.env: matches a forbidden value [forbid]');
    expect(messages).toContain('found Stripe live API key — sk_l…(40 chars)');
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ errors: '5', warnings: '0', status: 'failure', 'healthcheck-path': '/api/health/' });
    expect(run.leaks).toEqual([]);
  });

  it('writes every finding to the JSON report and the summary table, with no value', async () => {
    const repo = seed({ planted: true });
    const reportPath = join(repo.dir, 'out', 'report.json');
    const run = await runBundle('validate', {
      cwd: repo.dir,
      inputs: {
        environment: 'production',
        services: SERVICES,
        sources: `dotenv:${repo.valuesFile}`,
        report: reportPath,
        'fail-on': 'never',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.report).toBe(reportPath);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { errors: number; findings: Array<{ rule: string }> };
    expect(report.errors).toBe(5);
    expect(report.findings.map((f) => f.rule).sort()).toEqual(
      ['@secretlint/secretlint-rule-pattern', 'committed-env-file', 'forbid', 'min-length', 'required'].sort(),
    );
    expect(run.summary).toContain('<td>too short (12 &lt; 50)</td>');
    expect((run.summary.match(/<tr>/g) ?? []).length).toBe(6);
    const visible = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    const text = readFileSync(reportPath, 'utf8') + run.summary + visible;
    expect(text).not.toContain(PLANTED_KEY);
    expect(text).not.toContain(repo.values.DJANGO_SECRET_KEY);
  });

  it('finds nothing in the clean fixture', async () => {
    const repo = seed({ planted: false });
    const run = await runBundle('validate', {
      cwd: repo.dir,
      inputs: { environment: 'production', services: SERVICES, sources: `dotenv:${repo.valuesFile}` },
    });
    expect(run.annotations.filter((a) => a.kind === 'error' || a.kind === 'warning')).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '0', status: 'success' });
    expect(run.summary).toContain('ready ✅');
  });

  it("reads values from the job's environment, where secrets are passed in", async () => {
    const repo = seed({ planted: false });
    const values = cleanValues();
    delete values.JWT_SECRET;
    const run = await runBundle('validate', {
      env: values,
      inputs: { 'working-directory': repo.dir, environment: 'production', services: 'api', sources: 'env' },
      secrets: secretValues(values),
    });
    expect(run.errors[0]).toBe('JWT_SECRET (service api) from env: missing [required]');
    expect(run.annotations[0]?.properties).toMatchObject({
      file: '.github/deploy-env.yml',
      line: String(lineOf(SCHEMA, '  JWT_SECRET:')),
    });
    expect(run.outputs.errors).toBe('1');
    expect(run.leaks).toEqual([]);
  });

  it('fails a malformed schema with its line and field, before reading any value', async () => {
    const schema = SCHEMA.replace('    min-length: 32\n', '    min-length: thirty-two\n');
    const repo = seed({ planted: false, schema });
    const run = await runBundle('validate', { cwd: repo.dir, inputs: { sources: `dotenv:${repo.valuesFile}` } });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(
      new RegExp(
        `^The schema file is invalid: \\.github/deploy-env\\.yml:${lineOf(schema, 'thirty-two')}: variables\\.JWT_SECRET\\.min-length: `,
      ),
    );
    expect(run.stdout).not.toContain('::add-mask::');
  });

  it('fails on warnings only when asked', async () => {
    const repo = seed({ planted: false });
    writeFileSync(
      join(repo.dir, 'railway.json'),
      '{ "deploy": { "healthcheckPath": "/api/health/", "healthCheckTimeout": 30 } }\n',
    );
    const inputs = { schema: 'none', 'scan-secrets': 'false' };
    const lenient = await runBundle('validate', { cwd: repo.dir, inputs });
    expect(lenient.exitCode).toBe(0);
    expect(lenient.warnings[0]).toContain('deploy.healthCheckTimeout: unknown key');
    expect(lenient.outputs).toMatchObject({ errors: '0', warnings: '1', status: 'warning' });
    const strict = await runBundle('validate', { cwd: repo.dir, inputs: { ...inputs, 'fail-on': 'warning' } });
    expect(strict.exitCode).toBe(1);
    expect(strict.errors.at(-1)).toMatch(/^Not ready to deploy: 0 error\(s\) and 1 warning\(s\) \(fail-on: warning\)/);
  });

  it("fails a vercel.json that Vercel's own schema refuses, at the line, and warns about an unknown top-level key", async () => {
    const repo = seed({ planted: false });
    const vercel = {
      framework: 'nextjs',
      regionz: ['iad1'],
      redirects: [{ source: '/old', destination: '/new', permanant: true }],
    };
    writeFileSync(join(repo.dir, 'web', 'vercel.json'), `${JSON.stringify(vercel, null, 2)}\n`);
    const run = await runBundle('validate', { cwd: repo.dir, inputs: { schema: 'none', 'scan-secrets': 'false' } });
    expect(run.exitCode).toBe(1);
    expect(located(run)).toEqual([
      ['error', 'web/vercel.json', 10],
      ['warning', 'web/vercel.json', 3],
    ]);
    expect(run.errors[0]).toBe("redirects[0].permanant: unknown key (Vercel's schema); did you mean permanent? [config-shape]");
    expect(run.outputs).toMatchObject({ errors: '1', warnings: '1' });
  });

  it("reads Production as the schema's production, and refuses an environment the schema does not know", async () => {
    const repo = seed({ planted: true });
    const inputs = { services: SERVICES, sources: `dotenv:${repo.valuesFile}`, 'scan-secrets': 'false' };
    const secrets = secretValues(repo.values);
    const cased = await runBundle('validate', { cwd: repo.dir, inputs: { ...inputs, environment: 'Production' }, secrets });
    expect(cased.stdout).toContain("Environment 'Production' is the schema's 'production'");
    // The production rules ran: DEBUG=True is among the errors, as with `production`.
    expect(cased.errors.some((e) => e.startsWith('DEBUG'))).toBe(true);
    const typo = await runBundle('validate', { cwd: repo.dir, inputs: { ...inputs, environment: 'prodution' }, secrets });
    expect(cleanFailureProblems(typo)).toEqual([]);
    expect(typo.errors[0]).toMatch(
      /^Input 'environment' got "prodution": expected one of the schema's environments \(production, staging\)\.\nHint: Fix the environment input, or add 'prodution' to `environments` in \.github\/deploy-env\.yml\./,
    );
  });

  it('warns about a service the schema does not name, at its services list', async () => {
    const repo = seed({ planted: false });
    const run = await runBundle('validate', {
      cwd: repo.dir,
      inputs: {
        environment: 'production',
        services: 'api, wroker',
        sources: `dotenv:${repo.valuesFile}`,
        'scan-secrets': 'false',
      },
      secrets: secretValues(repo.values),
    });
    expect(run.exitCode).toBe(0);
    expect(run.warnings).toEqual([
      "service 'wroker' is not named in the schema (it names backend, worker, api, web, app): only the variables of every service apply to it [unknown-service]",
    ]);
    expect(run.annotations[0]?.properties).toMatchObject({
      file: '.github/deploy-env.yml',
      line: String(lineOf(SCHEMA, 'services: [')),
    });
  });

  it('checks against an env-example alone when the repository has no schema file', async () => {
    const repo = seed({ planted: false });
    rmSync(join(repo.dir, '.github', 'deploy-env.yml'));
    writeFileSync(join(repo.dir, '.env.example'), 'API_URL=\nSTRIPE_SECRET_KEY=\n');
    const run = await runBundle('validate', {
      cwd: repo.dir,
      env: { API_URL: 'https://api.shop.test' },
      inputs: { 'env-example': '.env.example', sources: 'env', 'scan-secrets': 'false', 'check-config': 'false' },
    });
    expect(run.stdout).toContain('No .github/deploy-env.yml: the variables are checked against .env.example alone.');
    expect(run.errors[0]).toMatch(/^STRIPE_SECRET_KEY from env: missing/);
    expect(run.outputs.errors).toBe('1');
    expect(run.errors.at(-1)).toMatch(/\nHint: Fix the variables in the platform or the secrets store\.$/);
  });

  it('never shows a canary planted as a variable value, even when it breaks a rule', async () => {
    const repo = seed({ planted: false });
    const canary = makeCanary();
    // Too short for DJANGO_SECRET_KEY (31 < 50), not a URL for DATABASE_URL, not the one value allowed for the flag.
    const values = { ...cleanValues(), DJANGO_SECRET_KEY: canary, DATABASE_URL: canary, FEATURE_PARTNER_MOCKED_DATA: canary };
    const run = await runBundle('validate', {
      cwd: repo.dir,
      env: values,
      inputs: { environment: 'production', services: SERVICES, sources: 'env', report: join(repo.dir, 'report.json') },
      secrets: [canary],
    });
    expect(run.outputs.errors).toBe('3');
    expect(run.leaks).toEqual([]);
    expect(readFileSync(join(repo.dir, 'report.json'), 'utf8')).not.toContain(canary);
  });

  it('refuses an unknown source with the list of the supported ones, before reading anything', async () => {
    const run = await runBundle('validate', { inputs: { sources: 'env, heroku' } });
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toBe(
      "Input 'sources' got \"env, heroku\": expected a list, one item a line or comma-separated, each one of 'env', 'dotenv:<path>', 'railway', 'vercel'; item \"heroku\" is not one of 'env', 'dotenv:<path>', 'railway', 'vercel'\nHint: Fix the step inputs in your workflow file.",
    );
  });

  it('says what to do when the schema file is missing', async () => {
    const run = await runBundle('validate', {});
    expect(cleanFailureProblems(run)).toEqual([]);
    expect(run.errors[0]).toMatch(/^The schema file '\.github\/deploy-env\.yml' was not found in .*\nHint: .*schema: none/s);
  });
});
