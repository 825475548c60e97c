import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../../actions/migrate/src/manifest.ts';
import { makePlan } from '../../../actions/migrate/src/plan.ts';
import { inputVariable, parseInputs } from '../../../packages/core/src/inputs.ts';
import type { ActionContext } from '../../../packages/core/src/run.ts';
import { captureRunner } from '../../support/capture-runner.ts';

const ROOT = join(import.meta.dirname, '../../..');

function plan(inputs: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: ROOT, PATH: '/usr/bin:/bin' };
  for (const [name, spec] of Object.entries(manifest.inputs)) env[inputVariable(name)] = spec.default ?? '';
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  const c = captureRunner(env);
  const parsed = parseInputs({ specs: manifest.inputs, env: c.env, runner: c.runner, check: manifest.check });
  const ctx = { runner: c.runner, env: c.env } as unknown as ActionContext;
  return makePlan(parsed, ctx);
}

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
});
