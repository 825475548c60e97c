/**
 * migrate in the input fuzz: random inputs against a real PostgreSQL whose password is the
 * run's canary → success or one clear error, never a stack trace, never the password.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../../packages/harness/src/postgres.ts';
import { ROOT } from '../../packages/harness/src/run-bundle.ts';
import { describeInputFuzz } from '../harness/fuzz.ts';

describeInputFuzz({
  action: 'migrate',
  async start(canary) {
    const pg = await startPostgres();
    pg.createDatabase('fuzz', { user: 'fuzz', password: canary });
    const backups = mkdtempSync(join(tmpdir(), 'migrate-fuzz-'));
    return {
      valid: {
        tool: 'custom',
        command: './migrate.sh up',
        'status-command': './migrate.sh status',
        'working-directory': join(ROOT, 'test/fixtures/migrate/custom'),
        'database-url': pg.url('fuzz', 'fuzz', canary),
        env: 'MIGRATIONS_DIR=migrations-ok',
        backup: 'auto',
        'backup-dir': backups,
        'restore-on-failure': 'true',
        'dry-run': 'false',
        'lock-timeout': '2s',
        'statement-timeout': '30s',
        timeout: '1m',
      },
      secrets: [canary],
      async close() {
        await pg.stop();
        rmSync(backups, { recursive: true, force: true });
      },
    };
  },
});
