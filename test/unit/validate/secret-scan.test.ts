import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_IGNORE, parseIgnoreFile } from '../../../actions/validate/src/ignore-file.ts';
import { fingerprintOf, isCommittedEnvFile, maskSecret, scanSecrets } from '../../../actions/validate/src/secret-scan.ts';
import { SecretRegistry } from '../../../packages/core/src/secrets.ts';
import { commitAll, token, writeFiles } from '../../fixtures/validate/seed-repo.ts';

const LIVE_KEY = ['sk', 'live', token(30, 11)].join('_');
const GITHUB_TOKEN = `ghp_${token(36, 12)}`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function repo(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'validate-scan-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  writeFiles(dir, files);
  commitAll(dir, 'first');
  return dir;
}

function scan(cwd: string, extra: Partial<Pick<Parameters<typeof scanSecrets>[0], 'ignore' | 'pullRequest'>> = {}) {
  const secrets: string[] = [];
  const warnings: string[] = [];
  const registry = new SecretRegistry();
  return scanSecrets({
    cwd,
    ignore: EMPTY_IGNORE,
    setSecret: (s) => {
      secrets.push(s);
      registry.add(s);
    },
    secrets: registry,
    warn: (w) => warnings.push(w),
    ...extra,
  }).then((result) => ({ ...result, secrets, warnings }));
}

describe('committed dotenv files', () => {
  it('are .env and .env.<name>, but not templates', () => {
    expect(['.env', 'api/.env', '.env.production', '.env.local'].filter(isCommittedEnvFile)).toHaveLength(4);
    expect(['.env.example', '.env.sample', '.env.template', 'env.ts', '.envrc', 'a.env.js'].filter(isCommittedEnvFile)).toEqual(
      [],
    );
  });
});

describe('the secret scan', () => {
  it('finds a live Stripe key and a GitHub token in tracked files, masked, and registers them as secrets', async () => {
    const cwd = repo({
      'src/pay.js': `const a = 1;\nconst key = '${LIVE_KEY}';\n`,
      'ci/deploy.sh': `#!/bin/sh\nexport GH=${GITHUB_TOKEN}\n`,
      'README.md': 'sk_test_ keys are fine in docs: sk_test_abc\n',
    });
    const { findings, secrets, stats } = await scan(cwd);
    expect(findings.map((f) => [f.file, f.line, f.rule])).toEqual([
      ['ci/deploy.sh', 2, '@secretlint/secretlint-rule-github'],
      ['src/pay.js', 2, '@secretlint/secretlint-rule-pattern'],
    ]);
    expect(findings[1]?.message).toContain('found Stripe live API key — sk_l…(38 chars)');
    // secretlint's own message carries the secret as asterisks: shown once, shortened, not twice.
    expect(findings[0]?.message).toMatch(/^found GitHub Token — ghp_…\(40 chars\), fingerprint [0-9a-f]{16}$/);
    expect(findings[1]?.fingerprint).toBe(fingerprintOf(LIVE_KEY));
    expect(secrets).toEqual(expect.arrayContaining([LIVE_KEY, GITHUB_TOKEN]));
    expect(JSON.stringify(findings)).not.toContain(LIVE_KEY);
    expect(stats.files).toBe(3);
  });

  it('skips what the ignore file lists: paths, a fingerprint, a rule', async () => {
    const cwd = repo({
      'test/fixtures/key.txt': `${LIVE_KEY}\n`,
      'src/a.js': `'${LIVE_KEY}'\n`,
      'ci/deploy.sh': `GH=${GITHUB_TOKEN}\n`,
      'docs/.env': 'A=1\n',
    });
    const ignore = parseIgnoreFile(
      `# false positives\nfixtures/\nfingerprint:${fingerprintOf(LIVE_KEY)}\nrule:github\nrule:committed-env-file\n`,
    );
    const { findings, stats } = await scan(cwd, { ignore });
    expect(findings).toEqual([]);
    expect(stats.ignored).toBe(1);
    expect(ignore.unused()).toEqual([]);
  });

  it('reads a comment after a rule, and names the rules that matched nothing with their lines', async () => {
    const cwd = repo({ 'settings.py': `KEY = '${LIVE_KEY}'\n` });
    const ignore = parseIgnoreFile('settings.py   # the test key, revoked\nsetings.py # a typo\nrule:gitlab\n');
    const { findings } = await scan(cwd, { ignore });
    expect(findings).toEqual([]);
    expect(ignore.unused()).toEqual([
      { line: 2, text: 'setings.py' },
      { line: 3, text: 'rule:gitlab' },
    ]);
  });

  it('on a pull request, finds a key a commit added and a later commit removed, naming the commit', async () => {
    const cwd = repo({ 'src/app.js': 'module.exports = {};\n' });
    const base = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    writeFiles(cwd, { 'src/app.js': `module.exports = {};\nconst k = '${LIVE_KEY}';\n` });
    commitAll(cwd, 'add the key');
    const added = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    writeFiles(cwd, { 'src/app.js': 'module.exports = {};\n' });
    commitAll(cwd, 'remove the key');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).trim();

    const { findings, stats } = await scan(cwd, { pullRequest: { base, head } });
    expect(stats.commits).toBe(2);
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'src/app.js',
        line: 2,
        message: expect.stringContaining(`(added in commit ${added.slice(0, 7)})`),
      }),
    ]);
  });

  it('warns, and scans the tree only, when the pull request base is not in a shallow clone', async () => {
    const cwd = repo({ 'a.txt': 'x\n' });
    const { warnings, findings } = await scan(cwd, { pullRequest: { base: 'a'.repeat(40), head: 'HEAD' } });
    expect(findings).toEqual([]);
    expect(warnings[0]).toContain('fetch-depth: 0');
  });

  it('shows four characters and the length of a long secret, and nothing of a short one', () => {
    expect(maskSecret('abcdefghijklmnopqrstuvwxyz')).toBe('abcd…(26 chars)');
    expect(maskSecret('short-secret')).toBe('…(12 chars)');
  });
});
