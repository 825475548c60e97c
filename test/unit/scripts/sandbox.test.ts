import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { node24, ROOT } from '../../../packages/harness/src/run-bundle.ts';

/** The printed block that follows `heading` up to the next blank line. */
function block(text: string, heading: string): string {
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`no '${heading}' in:\n${text}`);
  const rest = text.slice(start + heading.length).replace(/^\n+/, '');
  return rest.split('\n\n')[0] ?? '';
}

describe('npm run sandbox', () => {
  let child: ChildProcess;
  let out = '';
  let exit: Promise<number | null>;

  beforeAll(async () => {
    child = spawn(node24(), [join(ROOT, 'scripts/sandbox.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    exit = new Promise((done) => child.on('close', (code) => done(code)));
    child.stdout?.setEncoding('utf8');
    await new Promise<void>((ready, fail) => {
      child.stdout?.on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('\nReady.')) ready();
      });
      child.on('close', () => fail(new Error(`the sandbox exited early:\n${out}`)));
    });
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const urlOf = (name: string): string => new RegExp(`${name}\\s+(http://127\\.0\\.0\\.1:\\d+\\S*)`).exec(out)?.[1] ?? '';

  it('prints every service on loopback, and the GitHub token that service accepts', async () => {
    expect(urlOf('Slack webhook')).toMatch(/\/services\/T0SANDBOX\//);
    expect(urlOf('Sample app')).not.toBe('');
    const token = /GITHUB_TOKEN=(ghs_\w+)/.exec(out)?.[1];
    const answer = await fetch(`${urlOf('GitHub API')}/repos/acme/shop/deployments`, {
      headers: { authorization: `token ${token}` },
    });
    expect(answer.status).toBe(200);
    expect((await fetch(`${urlOf('Sample app')}/health`)).status).toBe(200);
  });

  it('prints Railway and Vercel with tokens those emulators accept, sharing one world', async () => {
    const vercelToken = /VERCEL_TOKEN=(\S+)/.exec(out)?.[1];
    const project = await fetch(`${urlOf('Vercel API')}/v9/projects/web`, {
      headers: { authorization: `Bearer ${vercelToken}` },
    });
    expect(project.status).toBe(200);
    const projectToken = /RAILWAY_PROJECT_TOKEN \(production\)=(\S+)/.exec(out)?.[1] ?? '';
    const projectId = /project ([0-9a-f-]{36});/.exec(out)?.[1];
    const answer = await fetch(`${urlOf('Railway API')}/graphql/v2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'project-access-token': projectToken },
      body: JSON.stringify({ query: '{ projectToken { projectId environmentId } }' }),
    });
    expect(((await answer.json()) as { data: { projectToken: { projectId: string } } }).data.projectToken.projectId).toBe(
      projectId,
    );
  });

  it('prints a context and an env command that run notify by hand against its Slack', async () => {
    const exports = out.split('\n').filter((line) => line.startsWith('export '));
    expect(exports.map((line) => line.split('=')[0])).toContain('export GITHUB_OUTPUT');
    const script = `${exports.join('\n')}\n${block(out, '# notify')}`;
    expect(script).toContain('  INPUT_WEBHOOK-URL=http');
    const run = spawnSync('bash', ['--noprofile', '--norc', '-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Slack accepted the success message.');
    const slack = new URL(urlOf('Slack webhook')).origin;
    const state = (await (await fetch(`${slack}/__sandbox/state`)).json()) as { state: { messages: unknown[] } };
    expect(state.state.messages).toHaveLength(1);
  });

  it('closes every server and exits 0 on Ctrl-C', async () => {
    const app = urlOf('Sample app');
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(out).toContain('SIGINT: closing the sandbox.');
    await expect(fetch(`${app}/health`)).rejects.toThrow();
  });
});
