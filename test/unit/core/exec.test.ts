import { describe, expect, it } from 'vitest';
import { CancelledError, UserError } from '../../../packages/core/src/errors.ts';
import { ExecError, exec, findExecutable, formatCommand } from '../../../packages/core/src/exec.ts';
import { SecretRegistry } from '../../../packages/core/src/secrets.ts';

describe('exec', () => {
  it('streams output line by line and keeps it', async () => {
    const lines: string[] = [];
    const result = await exec('sh', ['-c', 'echo one; echo two >&2; printf three'], { onLine: (l) => lines.push(l) });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('one\nthree');
    expect(lines.sort()).toEqual(['one', 'three', 'two']);
  });

  it('passes arguments as they are, never through a shell', async () => {
    const result = await exec('printf', ['%s|', 'a b', '$HOME', '`id`']);
    expect(result.stdout).toBe('a b|$HOME|`id`|');
  });

  it('fails with the command, masked, and the last lines of its error output', async () => {
    const error = await exec('sh', ['-c', 'echo first >&2; echo last >&2; exit 3', 'postgres://u:pw@h/db'], {
      label: 'The migration',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExecError);
    const message = (error as ExecError).message;
    expect(message).toContain('The migration failed with exit code 3');
    expect(message).toContain('postgres://u:***@h/db');
    expect(message).not.toContain('pw@');
    expect(message).toContain('first\nlast');
  });

  it('stops the whole process tree at the timeout', async () => {
    const started = Date.now();
    const error = await exec('sh', ['-c', 'sleep 30 & sleep 30; wait'], { timeout: 300, killGrace: 500 }).catch(
      (e: unknown) => e,
    );
    expect((error as ExecError).timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops on the abort signal with a cancellation', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new CancelledError()), 200);
    await expect(exec('sleep', ['30'], { signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
  });

  it('says clearly that a program is missing', async () => {
    const error = await exec('no-such-program-here', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain("'no-such-program-here' was not found on PATH");
  });

  it('finds programs on PATH and quotes command lines for display', () => {
    expect(findExecutable('sh')).toMatch(/\/sh$/);
    expect(findExecutable('no-such-program-here')).toBeUndefined();
    expect(formatCommand('psql', ['-c', 'select 1'])).toBe("psql -c 'select 1'");
  });

  it('scrubs a secret URL argument before re-serialising it for display', () => {
    const secrets = new SecretRegistry();
    secrets.add('https://HOOKS.test:443/services/T0/s3cr3t-path');
    const shown = formatCommand('curl', ['https://HOOKS.test:443/services/T0/s3cr3t-path'], (t) => secrets.scrub(t));
    expect(shown).toBe("curl '***'");
  });
});
