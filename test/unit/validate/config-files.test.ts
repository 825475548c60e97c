import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkConfigFiles } from '../../../actions/validate/src/config-files.ts';
import { writeFiles } from '../../fixtures/validate/seed-repo.ts';

let dir: string;
const repo = (files: Record<string, string>) => {
  dir = mkdtempSync(join(tmpdir(), 'validate-config-'));
  writeFiles(dir, files);
  return dir;
};
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('platform config files', () => {
  it('reads railway.toml with a TOML parser and reports its healthcheckPath for health-gate', async () => {
    const result = await checkConfigFiles(
      repo({
        'railway.toml':
          '[build]\nbuilder = "DOCKERFILE"\ndockerfilePath = "Dockerfile"\n\n[deploy]\nhealthcheckPath = "/up"\nhealthcheckTimeout = 100\n',
      }),
    );
    expect(result).toEqual({ checked: ['railway.toml'], findings: [], healthcheckPath: '/up' });
  });

  it('warns about an unknown key and fails a wrong type, each at its line', async () => {
    const result = await checkConfigFiles(
      repo({ 'railway.toml': '[deploy]\nstartCommand = "node server.js"\nhealthCheckPath = "/health"\nnumReplicas = "two"\n' }),
    );
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'unknown-key', file: 'railway.toml', line: 3 }),
      expect.objectContaining({ severity: 'error', rule: 'config-shape', file: 'railway.toml', line: 4 }),
    ]);
    expect(result.findings[0]?.message).toContain('deploy.healthCheckPath: unknown key');
    expect(result.healthcheckPath).toBeUndefined();
  });

  it('fails TOML and JSON that do not parse, at the line', async () => {
    const result = await checkConfigFiles(
      repo({ 'railway.toml': '[deploy]\nhealthcheckPath = \n', 'web/vercel.json': '{\n  "framework": "nextjs",\n}\n' }),
    );
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'config-syntax',
        file: 'railway.toml',
        line: 2,
        message: expect.stringMatching(/^not valid TOML/),
      }),
      expect.objectContaining({
        rule: 'config-syntax',
        file: 'web/vercel.json',
        line: 3,
        message: expect.stringMatching(/^not valid JSON/),
      }),
    ]);
  });

  it("checks a monorepo's vercel.json and refuses routes mixed with rewrites, as Vercel does", async () => {
    const vercel = { routes: [{ src: '/(.*)', dest: '/' }], rewrites: [{ source: '/a', destination: '/b' }], regionz: ['iad1'] };
    const result = await checkConfigFiles(repo({ 'web/vercel.json': JSON.stringify(vercel, null, 2) }));
    expect(result.checked).toEqual(['web/vercel.json']);
    expect(result.findings.map((f) => [f.severity, f.line, f.message])).toEqual([
      ['error', 8, 'rewrites: cannot be used together with `routes` (Vercel refuses the deployment)'],
      ['warning', 14, 'regionz: unknown key (not in the Vercel config schema); did you mean regions?'],
    ]);
  });

  it('warns when a folder has both railway.json and railway.toml, or both vercel.json and vercel.ts', async () => {
    const result = await checkConfigFiles(
      repo({ 'railway.json': '{}', 'railway.toml': '', 'web/vercel.json': '{}', 'web/vercel.ts': 'export const config = {};' }),
    );
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'config-duplicate', file: 'railway.toml' }),
      expect.objectContaining({ severity: 'warning', rule: 'config-duplicate', file: 'web/vercel.json' }),
    ]);
  });

  it("accepts Railway's own docs example, whose enum values are lower case", async () => {
    const result = await checkConfigFiles(
      repo({
        'railway.toml':
          '[build]\nbuilder = "nixpacks"\nbuildCommand = "echo building!"\n\n[deploy]\nstartCommand = "echo starting!"\nhealthcheckPath = "/"\nhealthcheckTimeout = 100\nrestartPolicyType = "never"\n',
        'api/railway.json': JSON.stringify({
          $schema: 'https://railway.com/railway.schema.json',
          deploy: {
            preDeployCommand: ['npm run db:migrate'],
            multiRegionConfig: { 'us-west2': { numReplicas: 2 } },
            overlapSeconds: '60',
            drainingSeconds: 10,
          },
          environments: { pr: { deploy: { startCommand: null } } },
        }),
      }),
    );
    expect(result.findings).toEqual([]);
  });

  it('names the accepted values when a Railway enum is wrong, once, at its line', async () => {
    const result = await checkConfigFiles(
      repo({ 'railway.json': '{\n  "deploy": {\n    "restartPolicyType": "SOMETIMES"\n  }\n}\n' }),
    );
    expect(result.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 3,
        message: 'deploy.restartPolicyType: expected one of "ON_FAILURE", "ALWAYS", "NEVER"',
      }),
    ]);
  });

  it("checks functions against Vercel's published schema: its limits fail, its `max` passes", async () => {
    const vercel = {
      functions: {
        'api/slow.js': { maxDuration: 'max' },
        'api/*.js': { memory: 99999, maxDuration: 'long' },
      },
    };
    const result = await checkConfigFiles(repo({ 'vercel.json': JSON.stringify(vercel, null, 2) }));
    expect(result.findings.map((f) => [f.severity, f.line, f.message])).toEqual([
      ['error', 7, 'functions["api/*.js"].memory: must be <= 10240 (Vercel\'s schema)'],
      ['error', 8, 'functions["api/*.js"].maxDuration: expected an integer or one of "max" (Vercel\'s schema)'],
    ]);
  });

  it('reports one finding per mistake inside routing rules, not one per schema branch', async () => {
    const vercel = {
      rewrites: [
        { source: '/a', destination: 5 },
        { source: '/b', destination: '/c', has: [{ type: 'header', keyz: 'x-flag' }] },
      ],
      headers: [{ source: '/(.*)', headers: [{ key: 'x-frame-options', value: 'DENY', extra: true }] }],
    };
    const result = await checkConfigFiles(repo({ 'vercel.json': JSON.stringify(vercel, null, 2) }));
    expect(result.findings.map((f) => [f.severity, f.line, f.message])).toEqual([
      ['error', 5, "rewrites[0].destination: expected a string or an object (Vercel's schema)"],
      ['error', 11, "rewrites[1].has[0].key: missing (required here) (Vercel's schema)"],
      ['error', 13, "rewrites[1].has[0].keyz: unknown key (Vercel's schema); did you mean key?"],
      ['error', 25, "headers[0].headers[0].extra: unknown key (Vercel's schema)"],
    ]);
  });

  it('refuses functions beside builds and a route with an unknown key, as the Vercel CLI does', async () => {
    const vercel = {
      builds: [{ src: 'api/*.js', use: '@vercel/node' }],
      functions: { 'api/*.js': { memory: 1024 } },
      routes: [{ src: '/(.*)', dest: '/', foo: 1 }],
    };
    const result = await checkConfigFiles(repo({ 'vercel.json': JSON.stringify(vercel, null, 2) }));
    expect(result.findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', 'functions: cannot be used together with `builds` (Vercel refuses the deployment)'],
      ['error', "routes[0].foo: unknown key (Vercel's schema)"],
    ]);
  });

  it('survives nesting too deep to locate, and reports it without a line', async () => {
    const result = await checkConfigFiles(repo({ 'vercel.json': `${'['.repeat(5000)}${']'.repeat(5000)}` }));
    expect(result.findings).toEqual([
      {
        severity: 'error',
        kind: 'config',
        rule: 'config-shape',
        message: '(top level): expected an object',
        file: 'vercel.json',
      },
    ]);
  });

  it('stops listing after 25 problems in one file and says how many more there are', async () => {
    const rewrites = Array.from({ length: 100 }, () => ({ source: '/a', destination: 1 }));
    const result = await checkConfigFiles(repo({ 'vercel.json': JSON.stringify({ rewrites }, null, 2) }));
    expect(result.findings).toHaveLength(26);
    expect(result.findings[25]).toMatchObject({
      severity: 'error',
      message: '…and 75 more problem(s) in this file, not listed; fix the ones above first',
    });
  });

  it('finds nothing wrong in a vercel.json that uses the documented keys the way the docs show them', async () => {
    const vercel = {
      $schema: 'https://openapi.vercel.sh/vercel.json',
      framework: 'nextjs',
      buildCommand: 'next build',
      installCommand: 'pnpm install',
      ignoreCommand: 'git diff --quiet HEAD^ HEAD ./',
      outputDirectory: null,
      regions: ['iad1'],
      functionFailoverRegions: ['cle1'],
      bunVersion: '1.x',
      fluid: true,
      cleanUrls: true,
      trailingSlash: false,
      bulkRedirectsPath: 'redirects.csv',
      crons: [{ path: '/api/cron', schedule: '0 5 * * *' }],
      images: { sizes: [640, 1080], domains: ['images.shop.test'], minimumCacheTTL: 60 },
      functions: { 'api/**/*.ts': { memory: 1024, maxDuration: 60, includeFiles: 'data/**' } },
      headers: [
        { source: '/(.*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
        {
          source: '/api/:path*',
          has: [{ type: 'header', key: 'x-preview' }],
          headers: [{ key: 'Cache-Control', value: 'no-store' }],
        },
      ],
      redirects: [{ source: '/old/:slug', destination: '/new/:slug', permanent: true }],
      rewrites: [{ source: '/api/(.*)', destination: 'https://api.shop.test/api/$1' }],
      git: { deploymentEnabled: { main: true } },
      github: { silent: true },
    };
    const result = await checkConfigFiles(repo({ 'vercel.json': JSON.stringify(vercel, null, 2) }));
    expect(result.findings).toEqual([]);
  });

  it("reports the environment's own healthcheckPath when Railway's config overrides it there", async () => {
    const dir = repo({
      'railway.toml': '[deploy]\nhealthcheckPath = "/health"\n\n[environments.production.deploy]\nhealthcheckPath = "/ready"\n',
    });
    expect((await checkConfigFiles(dir, undefined, 'production')).healthcheckPath).toBe('/ready');
    expect((await checkConfigFiles(dir, undefined, 'staging')).healthcheckPath).toBe('/health');
    expect((await checkConfigFiles(dir)).healthcheckPath).toBe('/health');
  });

  it('finds config files up to two folders down, never in node_modules or dot-folders', async () => {
    const result = await checkConfigFiles(
      repo({
        'apps/api/railway.toml': '[deploy]\nhealthcheckPath = "/health"\n',
        'apps/web/vercel.json': '{}',
        'apps/web/deep/er/vercel.json': '{}',
        'node_modules/pkg/vercel.json': '{}',
        '.vercel/output/vercel.json': '{}',
        'vercel.json': '{}',
      }),
    );
    expect(result.checked).toEqual(['vercel.json', 'apps/api/railway.toml', 'apps/web/vercel.json']);
    expect(result.healthcheckPath).toBe('/health');
  });

  it('checks only the tracked config files of a git work tree, as a deploy ships them', async () => {
    const dir = repo({ 'web/vercel.json': '{}', 'api/railway.json': '{ "deploy": { "numReplicas": "two" } }' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir });
    git('init', '-q');
    git('add', 'web/vercel.json');
    const result = await checkConfigFiles(dir);
    expect(result.checked).toEqual(['web/vercel.json']);
    expect(result.findings).toEqual([]);
  });

  it('places unknown TOML tables and dotted keys at their lines', async () => {
    const result = await checkConfigFiles(
      repo({
        'railway.toml':
          '[build]\nbuilder = "NIXPACKS"\n\n[start]\ncmd = "node server.js"\n\n[volumes.data]\nmountPath = "/data"\n\n[environments.production.variables]\nX = "1"\n\n[deploy]\n"healthCheckPath" = "/health"\n',
      }),
    );
    expect(result.findings.map((f) => [f.line, f.message])).toEqual([
      [4, 'start: unknown key (not in the Railway config schema)'],
      [7, 'volumes: unknown key (not in the Railway config schema)'],
      [10, 'environments.production.variables: unknown key (not in the Railway config schema)'],
      [14, 'deploy.healthCheckPath: unknown key (not in the Railway config schema); did you mean healthcheckPath?'],
    ]);
  });

  it("knows the multi-service keys of Vercel's own examples", async () => {
    const vercel = {
      services: { web: { root: 'apps/web', framework: 'nextjs' }, api: { root: 'apps/api', entrypoint: 'Dockerfile' } },
      rewrites: [{ source: '/api/(.*)', destination: { service: 'api' } }],
    };
    const result = await checkConfigFiles(repo({ 'vercel.json': JSON.stringify(vercel, null, 2) }));
    expect(result.findings).toEqual([]);
  });

  it('says which key an unknown one was meant to be, or that it belongs in the other Railway section', async () => {
    const result = await checkConfigFiles(
      repo({
        'railway.json': '{\n  "deploy": {\n    "buildCommand": "npm run build",\n    "restartPolicyMaxRetry": 3\n  }\n}\n',
        'web/vercel.json': '{\n  "cleanUrl": true\n}\n',
      }),
    );
    expect(result.findings.map((f) => f.message)).toEqual([
      'deploy.buildCommand: unknown key (not in the Railway config schema); it belongs under build',
      'deploy.restartPolicyMaxRetry: unknown key (not in the Railway config schema); did you mean restartPolicyMaxRetries?',
      'cleanUrl: unknown key (not in the Vercel config schema); did you mean cleanUrls?',
    ]);
  });

  it('caps a key name taken from the file in its finding', async () => {
    const key = 'x'.repeat(5000);
    const result = await checkConfigFiles(repo({ 'railway.json': JSON.stringify({ [key]: 1 }) }));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.message.length).toBeLessThan(320);
    expect(result.findings[0]?.message).toMatch(/^x+…/);
  });
});
