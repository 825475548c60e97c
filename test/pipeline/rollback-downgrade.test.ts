/**
 * rollback.yml dispatched by hand with `database: downgrade`, against the sandbox and a real
 * PostgreSQL: migrate goes `direction: down` to the revision first, then the release goes back,
 * is gated, and Slack is told. A downgrade that fails half way is restored from its backup and
 * stops the run there, with the release left as it was.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../packages/harness/src/run-bundle.ts';
import {
  failures,
  fixtureFiles,
  type PipelineRun,
  type Repository,
  runPipeline,
  startWorld,
  type World,
} from '../../packages/harness/src/scenarios.ts';

let world: World;
let env: Record<string, string>;
// Everything this file's runs put in the temp folder (checkouts, workspaces, backups) goes under one
// folder of its own, removed at the end.
let temp: string;
const savedTmpdir = process.env.TMPDIR;

beforeAll(async () => {
  world = await startWorld({ postgres: true });
  temp = mkdtempSync(join(tmpdir(), 'rollback-downgrade-'));
  process.env.TMPDIR = temp;
  world.pg?.createDatabase('items', { user: 'items', password: world.password });
  world.pg?.createDatabase('ledger', { user: 'ledger', password: world.password });
  // Debian's python3 and alembic (python3-alembic) on the runner's PATH.
  const bin = join(temp, 'bin');
  mkdirSync(bin);
  symlinkSync('/usr/bin/python3', join(bin, 'python3'));
  env = { PATH: `${bin}:/usr/bin:${process.env.PATH ?? ''}`, PYTHONDONTWRITEBYTECODE: '1' };
});
afterAll(async () => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  await world?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** The service at a release: an alembic project (a fixture) with the revisions given. */
function repository(fixture: string, version: string, revisions: string[]): Repository {
  const alembic = fixtureFiles(join(ROOT, 'test/fixtures/migrate', fixture), '', (path) => {
    const revision = /^migrations\/versions\/(\w+?)_/.exec(path)?.[1];
    return revision !== undefined && !revisions.includes(revision);
  });
  return { ...alembic, 'sandbox.json': JSON.stringify({ version, runtime: 'ok', buildSeconds: 0.2 }) };
}

const databaseUrl = (database: string) => world.pg?.url(database, database, world.password) ?? '';

/** A release through railway.yml: alembic upgrade head, then the deploy and its gate. */
const release = (service: string, database: string, files: Repository, version: string) =>
  runPipeline(world, '.github/workflows/railway.yml', files, {
    inputs: {
      services: service,
      'railway-api-url': world.sandbox.railway.url,
      'migrate-tool': 'alembic',
      'expect-version': version,
      'health-timeout': '5s',
      'health-interval': '500ms',
    },
    secrets: {
      RAILWAY_TOKEN: world.sandbox.railway.projectToken,
      DATABASE_URL: databaseUrl(database),
      SLACK_WEBHOOK_URL: world.sandbox.slack.webhookUrl,
    },
    env,
  });

/** rollback.yml run by hand (`gh workflow run rollback.yml -f database=downgrade -f revision=…`), the checkout being `files`. */
const rollBack = (service: string, database: string, files: Repository, revision: string, reason: string) =>
  runPipeline(world, '.github/workflows/rollback.yml', files, {
    inputs: { environment: 'production', provider: 'railway', services: service, database: 'downgrade', revision, reason },
    secrets: {
      RAILWAY_TOKEN: world.sandbox.railway.projectToken,
      DATABASE_URL: databaseUrl(database),
      SLACK_WEBHOOK_URL: world.sandbox.slack.webhookUrl,
    },
    vars: { RAILWAY_API_URL: world.sandbox.railway.url, MIGRATE_TOOL: 'alembic' },
    github: { event_name: 'workflow_dispatch', triggering_actor: 'ada' },
    env,
  });

const served = async (service: string) => {
  const { sandbox } = world;
  return (
    await sandbox.fleet.app(`railway:${sandbox.railway.services[service]}:${sandbox.railway.environmentId}`)
  ).emulator.servedVersion();
};

const step = (pipeline: PipelineRun, id: string) => pipeline.run.jobs.rollback?.steps.find((s) => s.id === id);
const lastSlackMessage = () => JSON.stringify(world.sandbox.slack.emulator.messages.at(-1)?.payload);
/** A field of Slack's last message (`*Label*\nvalue` in a section's fields), by its label. */
function slackField(label: string): string | undefined {
  type Message = { attachments?: Array<{ blocks?: Array<{ fields?: Array<{ text: string }> }> }> };
  const payload = world.sandbox.slack.emulator.messages.at(-1)?.payload as Message | undefined;
  const prefix = `*${label}*\n`;
  const fields = (payload?.attachments ?? []).flatMap((a) => a.blocks ?? []).flatMap((b) => b.fields ?? []);
  return fields.find((f) => f.text.startsWith(prefix))?.text.slice(prefix.length);
}
const columns = (database: string) =>
  world.pg?.psql(
    database,
    `select string_agg(column_name, ',' order by column_name) from information_schema.columns where table_name = 'items'`,
  );

describe('rollback.yml with database: downgrade', () => {
  it('takes the database down to the revision, then the release back to v1, gates it and tells Slack the reason and the revision', async () => {
    const v1 = await release('worker', 'items', repository('alembic', '1.0.0', ['a1']), '1.0.0');
    expect(v1.run.conclusion, failures(v1)).toBe('success');
    const v2Files = repository('alembic', '2.0.0', ['a1', 'b2']);
    const v2 = await release('worker', 'items', v2Files, '2.0.0');
    expect(v2.run.conclusion, failures(v2)).toBe('success');
    expect(world.pg?.psql('items', 'select version_num from alembic_version')).toBe('b2');
    expect(columns('items')).toBe('id,name,price_cents');
    expect(await served('worker')).toBe('2.0.0');

    const reason = 'prices show as 0 since 14:02';
    const rollback = await rollBack('worker', 'items', v2Files, 'a1', reason);
    expect(rollback.run.conclusion, failures(rollback)).toBe('success');
    expect(rollback.run.jobs.rollback?.steps.map((s) => [s.id, s.conclusion])).toEqual([
      [expect.any(String), 'success'],
      [expect.any(String), 'success'],
      ['database', 'success'],
      ['release', 'success'],
      ['gate', 'success'],
      [expect.any(String), 'success'],
    ]);
    expect(step(rollback, 'database')?.inputs).toMatchObject({ tool: 'alembic', direction: 'down', to: 'a1' });
    expect(step(rollback, 'database')?.outputs).toMatchObject({ 'revision-before': 'b2', restored: 'false' });

    // The database is at a1 (b2's column is gone, a1's rows are still there), v1 serves and passed its gate.
    expect(world.pg?.psql('items', 'select version_num from alembic_version')).toBe('a1');
    expect(columns('items')).toBe('id,name');
    expect(world.pg?.psql('items', `select string_agg(name, ',' order by id) from items`)).toBe('kettle,teapot');
    expect(await served('worker')).toBe('1.0.0');
    expect(rollback.run.outputs).toMatchObject({ healthy: 'true' });
    expect(step(rollback, 'gate')?.outputs).toMatchObject({ healthy: 'true' });

    expect(slackField('Status')).toBe('✅ success');
    expect(slackField('Requested-by')).toBe('ada');
    expect(slackField('Database')).toBe('down to a1');
    expect(lastSlackMessage()).toContain(reason);
  }, 180_000);

  it('stops when the downgrade fails half way: the database is restored from its backup, the release stays, the run fails saying why and Slack is told', async () => {
    // alembic-faildown runs one transaction per revision: going down from c3, c3's drop commits,
    // then b2's downgrade raises, leaving the database half way down.
    const v3 = await release('api', 'ledger', repository('alembic-faildown', '3.0.0', ['a1']), '3.0.0');
    expect(v3.run.conclusion, failures(v3)).toBe('success');
    const v4Files = repository('alembic-faildown', '4.0.0', ['a1', 'b2', 'c3']);
    const v4 = await release('api', 'ledger', v4Files, '4.0.0');
    expect(v4.run.conclusion, failures(v4)).toBe('success');
    expect(world.pg?.psql('ledger', 'select version_num from alembic_version')).toBe('c3');
    expect(world.pg?.psql('ledger', `select note from items where name = 'teapot'`)).toBe('fragile');
    expect(await served('api')).toBe('4.0.0');
    const before = world.pg?.fingerprint('ledger');
    const messagesBefore = world.sandbox.slack.emulator.messages.length;

    const reason = 'notes leak into the invoice';
    const rollback = await rollBack('api', 'ledger', v4Files, 'a1', reason);
    expect(rollback.run.conclusion).toBe('failure');
    expect(rollback.run.jobs.rollback?.steps.map((s) => [s.id, s.conclusion])).toEqual([
      [expect.any(String), 'success'],
      [expect.any(String), 'success'],
      ['database', 'failure'],
      ['release', 'skipped'],
      ['gate', 'skipped'],
      [expect.any(String), 'success'],
    ]);
    const database = step(rollback, 'database');
    expect(database?.outputs).toMatchObject({ 'revision-before': 'c3', restored: 'true' });
    // The error says why: the tool's own failure, and that the backup was put back.
    const error = (database?.errors ?? []).join('\n');
    expect(error).toContain('downgrade of b2 fails');
    expect(error).toMatch(/restored from the backup/i);

    // The database is exactly as before the run (c3's column and its row included), and v4 still serves.
    expect(world.pg?.fingerprint('ledger')).toEqual(before);
    expect(world.pg?.psql('ledger', 'select version_num from alembic_version')).toBe('c3');
    expect(world.pg?.psql('ledger', `select note from items where name = 'teapot'`)).toBe('fragile');
    expect(await served('api')).toBe('4.0.0');

    expect(world.sandbox.slack.emulator.messages.length).toBe(messagesBefore + 1);
    expect(slackField('Status')).toBe('❌ failure');
    expect(lastSlackMessage()).toContain(reason);
    // What happened to the database, not what was asked (it used to say 'down to a1' here).
    expect(slackField('Database')).toBe('not changed: the downgrade to a1 failed and its backup was restored');
  }, 180_000);
});
