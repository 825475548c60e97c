/**
 * The backup: `pg_dump -Fc` into a file that is private from its first byte (created here with
 * mode 0600 before pg_dump opens it; pg_dump truncates it and keeps the mode), and removed when
 * the dump fails or is cancelled, so no half backup is ever left behind to be mistaken for one.
 */
import { closeSync, openSync, statSync, unlinkSync } from 'node:fs';
import type { PgContext } from './postgres.ts';
import { run } from './postgres.ts';

export async function dumpDatabase(
  ctx: PgContext,
  file: string,
  options: { lockTimeout: number; timeout: number; signal?: AbortSignal },
): Promise<number> {
  // 'wx': never overwrite, never follow a planted symlink.
  closeSync(openSync(file, 'wx', 0o600));
  const args = ['-Fc', '-w', '-f', file, '-d', ctx.db.conninfo];
  if (options.lockTimeout > 0) args.splice(2, 0, `--lock-wait-timeout=${options.lockTimeout}`);
  try {
    await run(ctx, ctx.tools.pgDump, args, { timeout: options.timeout, signal: options.signal, label: 'The backup (pg_dump)' });
  } catch (error) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
    throw error;
  }
  return statSync(file).size;
}
