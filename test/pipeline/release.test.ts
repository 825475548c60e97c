/** The pipeline as far as it is built, end to end, through the committed bundles. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCanary } from '../../packages/harness/src/canary.ts';
import { type PgCluster, startPostgres } from '../../packages/harness/src/postgres.ts';
import { badMigration, goodRelease, NEW_VERSION, silent, type World } from '../../packages/harness/src/scenarios.ts';
import { type Sandbox, startSandbox } from '../../packages/sandbox/src/index.ts';

let sandbox: Sandbox;
let pg: PgCluster;
let world: World;
beforeAll(async () => {
  sandbox = await startSandbox();
  pg = await startPostgres();
  const password = makeCanary('pgpass');
  pg.createDatabase('shop', { user: 'shop', password });
  world = { sandbox, pg, password, report: silent };
});
afterAll(async () => {
  await pg?.stop();
  await sandbox?.close();
});

describe('the release pipeline', () => {
  it('migrates, waits out the old version, passes the smoke checks and tells Slack it succeeded', async () => {
    const run = await goodRelease(world);
    expect(run.migrate?.outputs).toMatchObject({ applied: '001_create_users\n002_add_email', pending: '', restored: 'false' });
    expect(run.migrate?.outputs['backup-file']).toMatch(/\.dump$/);
    expect(run.gate.outputs.healthy).toBe('true');
    // It took more than one check: the first answers came from the old version.
    expect(Number(run.gate.outputs.attempts)).toBeGreaterThan(1);
    expect(sandbox.app.emulator.servedVersion()).toBe(NEW_VERSION);
    expect(run.smoke.outputs).toMatchObject({ passed: '3', failed: '0' });
    expect(run.notify.outputs.sent).toBe('true');
    expect(sandbox.slack.emulator.messages.at(-1)?.payload.text).toBe('✅ Deploy of acme/shop to production succeeded');
  });

  it('restores the database after a migration fails half way and tells Slack why', async () => {
    const run = await badMigration(world, pg);
    expect(run.migrate.exitCode).toBe(1);
    expect(run.migrate.outputs).toMatchObject({ restored: 'true', status: 'failure' });
    expect(run.unchanged).toBe(true);
    expect(run.notify.outputs.sent).toBe('true');
    const last = JSON.stringify(sandbox.slack.emulator.messages.at(-1)?.payload);
    expect(last).toContain('<!here> ❌ Deploy of acme/shop to production failed');
    expect(last).toContain('*Reason*\\nThe migration failed with exit code 3');
  });
});
