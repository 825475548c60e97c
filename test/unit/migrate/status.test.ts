import { describe, expect, it } from 'vitest';
import {
  parseAlembic,
  parseCustom,
  parseDjango,
  parseKnex,
  parseLaravel,
  parsePrisma,
  parseTypeorm,
} from '../../../actions/migrate/src/status.ts';

const answer = (exitCode: number, stdout: string, stderr = '') => ({ exitCode, stdout, stderr });

describe('prisma status', () => {
  it('reads the pending migrations from exit 1 and the not-yet-applied list', () => {
    const out = `2 migrations found in prisma/migrations\n\nFollowing migrations have not yet been applied:\n20240101_init\n20240102_more\n\nTo apply migrations in production run prisma migrate deploy.\n`;
    expect(parsePrisma(answer(1, out))).toEqual({ ok: true, pending: ['20240101_init', '20240102_more'] });
  });
  it('reads one pending migration in the singular form', () => {
    expect(parsePrisma(answer(1, 'Following migration have not yet been applied:\n20240101_init\n'))).toEqual({
      ok: true,
      pending: ['20240101_init'],
    });
  });
  it('is up to date on exit 0', () => {
    expect(parsePrisma(answer(0, 'Database schema is up to date!'))).toEqual({ ok: true, pending: [] });
  });
  it('reports a failed migration and a connection error as errors', () => {
    expect(parsePrisma(answer(1, 'Following migration have failed:\n20240101_init\n')).ok).toBe(false);
    expect(parsePrisma(answer(1, '', "Error: P1001: Can't reach database server")).ok).toBe(false);
  });
});

describe('alembic status', () => {
  const history = 'b2 -> c3 (head), third\na1 -> b2, second\n<base> -> a1, first\n';
  it('counts every revision as pending when none is current', () => {
    expect(parseAlembic(answer(0, history))).toMatchObject({ ok: true, pending: ['a1', 'b2', 'c3'], current: [] });
  });
  it('counts the revisions above the current one', () => {
    const out = history.replace('a1 -> b2, second', 'a1 -> b2 (current), second');
    expect(parseAlembic(answer(0, out))).toMatchObject({ ok: true, pending: ['c3'], current: ['b2'] });
  });
  it('is up to date when head is current', () => {
    const out = history.replace('(head)', '(head) (current)');
    expect(parseAlembic(answer(0, out))).toMatchObject({ ok: true, pending: [] });
  });
  it('follows merge points to their parents', () => {
    const out =
      '(b1, b2) -> m1 (head) (mergepoint), merge\na0 -> b2 (current), two\na0 -> b1, one\n<base> -> a0 (branchpoint), base\n';
    expect(parseAlembic(answer(0, out))).toMatchObject({ ok: true, pending: ['b1', 'm1'] });
  });
  it('reports a non-zero exit as an error', () => {
    expect(parseAlembic(answer(1, '', 'sqlalchemy.exc.OperationalError: connection refused')).ok).toBe(false);
  });
});

describe('django status', () => {
  it('reads [ ] lines as pending and [X] as applied', () => {
    expect(parseDjango(answer(0, '[X]  shop.0001_initial\n[ ]  shop.0002_price\n[ ]  auth.0001_initial\n'))).toEqual({
      ok: true,
      pending: ['shop.0002_price', 'auth.0001_initial'],
      applied: ['shop.0001_initial'],
    });
  });
  it('reports a traceback as an error', () => {
    expect(parseDjango(answer(1, '', 'django.db.utils.OperationalError: could not connect')).ok).toBe(false);
  });
});

describe('laravel status', () => {
  it('reads the Laravel 9+ format', () => {
    const out =
      '  Migration name .... Batch / Status\n  2014_10_12_000000_create_users_table ........ [1] Ran\n  2024_01_01_000000_add_flag ........ Pending\n';
    expect(parseLaravel(answer(0, out))).toEqual({
      ok: true,
      pending: ['2024_01_01_000000_add_flag'],
      applied: ['2014_10_12_000000_create_users_table'],
    });
  });
  it('reads the Laravel 10 format with batch numbers, padded with spaces', () => {
    const out = [
      '',
      '  Migration name ............................................................ Batch / Status  ',
      '  0001_01_01_000000_create_users_table ........................................... [1] Ran  ',
      '  0001_01_01_000001_create_cache_table ........................................... [2] Ran  ',
      '  2024_05_01_000000_add_flag ..................................................... Pending  ',
      '',
    ].join('\n');
    expect(parseLaravel(answer(0, out))).toEqual({
      ok: true,
      pending: ['2024_05_01_000000_add_flag'],
      applied: ['0001_01_01_000000_create_users_table', '0001_01_01_000001_create_cache_table'],
    });
  });
  it('reads the Laravel 8 table', () => {
    const out = '+------+------+-------+\n| Ran? | Migration | Batch |\n| Yes  | 2014_users | 1 |\n| No   | 2024_flag |  |\n';
    expect(parseLaravel(answer(0, out))).toEqual({ ok: true, pending: ['2024_flag'], applied: ['2014_users'] });
  });
  it('treats a missing migration table as "pending, not listed"', () => {
    expect(parseLaravel(answer(1, '\n   ERROR  Migration table not found.\n'))).toMatchObject({ ok: true, pending: undefined });
  });
});

describe('knex status', () => {
  it('reads the pending section of migrate:list', () => {
    const out =
      'Using environment: production\nFound 1 Completed Migration file/files.\n001_a.js\nFound 2 Pending Migration file/files.\n002_b.js\n003_c.js\n';
    expect(parseKnex(answer(0, out))).toEqual({ ok: true, pending: ['002_b.js', '003_c.js'] });
  });
  it('is up to date when no pending files are found', () => {
    expect(
      parseKnex(answer(0, 'Found 1 Completed Migration file/files.\n001_a.js\nNo Pending Migration files Found.\n')),
    ).toEqual({
      ok: true,
      pending: [],
    });
  });
});

describe('typeorm status', () => {
  it('reads [ ] lines on exit 1', () => {
    expect(parseTypeorm(answer(1, ' [X] 1 Init1700000000000\n [ ] AddUser1700000000001\n'))).toEqual({
      ok: true,
      pending: ['AddUser1700000000001'],
    });
  });
  it('reports exit 1 with nothing pending as an error', () => {
    expect(parseTypeorm(answer(1, '', 'Error during migration show: connect ECONNREFUSED')).ok).toBe(false);
  });
});

describe('custom status', () => {
  it('reads one pending migration a line, and nothing as up to date', () => {
    expect(parseCustom(answer(0, '001_a\n\n002_b\n'))).toEqual({ ok: true, pending: ['001_a', '002_b'] });
    expect(parseCustom(answer(0, ''))).toEqual({ ok: true, pending: [] });
    expect(parseCustom(answer(2, '')).ok).toBe(false);
  });
});
