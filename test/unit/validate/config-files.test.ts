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
      ['warning', 14, 'regionz: unknown key (not in the documented Vercel config)'],
    ]);
  });

  it('warns when a folder has both railway.json and railway.toml', async () => {
    const result = await checkConfigFiles(repo({ 'railway.json': '{}', 'railway.toml': '' }));
    expect(result.findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'config-duplicate' })]);
  });
});
