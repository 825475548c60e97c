import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../../actions/migrate/src/manifest.ts';
import { makePlan } from '../../../actions/migrate/src/plan.ts';
import { inputVariable, parseInputs } from '../../../packages/core/src/inputs.ts';
import type { ActionContext } from '../../../packages/core/src/run.ts';
import { captureRunner } from '../../support/capture-runner.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** The plan, and the log it wrote while it was made. */
function planAndLog(inputs: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: ROOT, PATH: '/usr/bin:/bin' };
  for (const [name, spec] of Object.entries(manifest.inputs)) env[inputVariable(name)] = spec.default ?? '';
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  const c = captureRunner(env);
  const parsed = parseInputs({ specs: manifest.inputs, env: c.env, runner: c.runner, check: manifest.check });
  const ctx = { runner: c.runner, env: c.env } as unknown as ActionContext;
  return { plan: makePlan(parsed, ctx), stdout: c.stdout() };
}

const plan = (inputs: Record<string, string>) => planAndLog(inputs).plan;

const masks = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length));

describe('the plan of a run', () => {
  it('runs Python tools unbuffered, so their output comes in the order it was written', () => {
    const p = plan({ tool: 'django', 'working-directory': 'test/fixtures/migrate/django' });
    expect(p.env.PYTHONUNBUFFERED).toBe('1');
  });

  it('takes Django back one app a command, and gives a custom command its target', () => {
    const django = plan({
      tool: 'django',
      'working-directory': 'test/fixtures/migrate/django',
      direction: 'down',
      to: 'shop.0001_initial\nbilling.zero',
    });
    expect([django.commands.apply, ...django.commands.more].map((c) => c.argv.join(' '))).toEqual([
      'python3 manage.py migrate shop 0001_initial --noinput',
      'python3 manage.py migrate billing zero --noinput',
    ]);
    const custom = plan({ tool: 'custom', command: './down.sh', direction: 'down', to: '42' });
    expect(custom.env.MIGRATE_TO).toBe('42');
  });

  it('uses each tool’s own downgrade', () => {
    const down = (tool: string, to?: string) =>
      plan({ tool, direction: 'down', ...(to ? { to } : {}) }).commands.apply.argv.join(' ');
    expect(down('alembic', 'a1')).toBe('alembic downgrade a1');
    expect(down('alembic')).toBe('alembic downgrade -1');
    expect(down('laravel', '2')).toBe('php artisan migrate:rollback --force --step=2');
    expect(down('knex')).toBe('knex migrate:rollback');
    expect(down('knex', '20240101_x.js')).toBe('knex migrate:down 20240101_x.js');
    expect(down('typeorm')).toBe('typeorm migration:revert -d data-source.js');
  });

  it('refuses a Prisma downgrade, pointing to the backup', () => {
    expect(() => plan({ tool: 'prisma', direction: 'down' })).toThrow(/Prisma has no down migrations/);
  });

  it('masks the env values that may be credentials, a token under a plain name included, and leaves plain words readable', () => {
    const { stdout } = planAndLog({
      tool: 'custom',
      command: 'x',
      env: 'NODE_ENV=production\nPORT=8080\nSTRIPE=sk_live_51HabcDEF\nSECRET=staging\nREPLICA_URL=postgres://u:pw-x9@h/db',
    });
    expect(masks(stdout)).toEqual(expect.arrayContaining(['sk_live_51HabcDEF', 'staging', 'postgres://u:pw-x9@h/db']));
    expect(masks(stdout)).not.toContain('production');
    expect(masks(stdout)).not.toContain('8080');
    expect(stdout).toContain('env: Masked 3 of 5 variables; readable: NODE_ENV, PORT.');
  });
});
