import { describe, expect, it } from 'vitest';
import { checkValue } from '../../../actions/validate/src/check-value.ts';
import { parseSchemaText } from '../../../actions/validate/src/load-schema.ts';
import { type Rules, requirementsFor } from '../../../actions/validate/src/requirements.ts';
import { SCHEMA } from '../../fixtures/validate/seed-repo.ts';

const rules = (r: Partial<Rules>): Rules => ({ required: true, caseSensitive: false, ...r });
const SECRET = 'hunter2-hunter2-hunter2';

describe('a value against its rules', () => {
  it('says missing, or set but empty, for a required variable', () => {
    expect(checkValue(undefined, rules({}))).toEqual([{ rule: 'required', message: 'missing' }]);
    expect(checkValue('  ', rules({}))).toEqual([{ rule: 'required', message: 'set but empty' }]);
    expect(checkValue(undefined, rules({ required: false, minLength: 5 }))).toEqual([]);
  });

  it('gives the length and the minimum of a short value, never the value', () => {
    expect(checkValue(SECRET, rules({ minLength: 50 }))).toEqual([{ rule: 'min-length', message: 'too short (23 < 50)' }]);
  });

  it('checks pattern, enum, equals and forbid, comparing case-insensitively unless told', () => {
    expect(checkValue('sk_test_x', rules({ pattern: '^sk_live_' }))[0]?.rule).toBe('pattern');
    expect(checkValue('Production', rules({ enum: ['production', 'staging'] }))).toEqual([]);
    expect(checkValue('Production', rules({ enum: ['production'], caseSensitive: true }))[0]?.rule).toBe('enum');
    expect(checkValue('FALSE', rules({ equals: 'false' }))).toEqual([]);
    expect(checkValue('true', rules({ equals: 'false' }))).toEqual([
      { rule: 'equals', message: "does not equal the required value 'false'" },
    ]);
    expect(checkValue('True', rules({ forbid: ['true', '1'] }))).toEqual([
      { rule: 'forbid', message: 'matches a forbidden value' },
    ]);
  });

  it('checks a URL and its scheme', () => {
    expect(checkValue('not a url', rules({ url: ['https'] }))).toEqual([{ rule: 'url', message: 'is not an absolute URL' }]);
    expect(checkValue('http://api.test', rules({ url: ['https'] }))[0]?.message).toBe(
      'is a URL with a scheme that is not allowed (allowed: https)',
    );
    expect(checkValue('postgres://u:p@db/x', rules({ url: ['postgres', 'postgresql'] }))).toEqual([]);
  });

  it('never puts the value in a message, whatever rule it breaks', () => {
    const all = rules({ minLength: 99, pattern: '^x', enum: ['a'], url: ['https'], equals: 'b', forbid: [SECRET] });
    const violations = checkValue(SECRET, all);
    expect(violations.map((v) => v.rule)).toEqual(['min-length', 'pattern', 'enum', 'url', 'equals', 'forbid']);
    for (const v of violations) expect(v.message).not.toContain('hunter2');
  });
});

describe('requirements per service and environment', () => {
  const loaded = parseSchemaText(SCHEMA, 'deploy-env.yml');
  const names = (scope: { service?: string; environment?: string }) =>
    requirementsFor(loaded, undefined, scope).map((r) => r.variable);

  it('limits a variable to its services and environments', () => {
    expect(names({ service: 'web', environment: 'production' })).toEqual([
      'DEBUG',
      'FEATURE_PARTNER_MOCKED_DATA',
      'NODE_ENV',
      'NEXT_PUBLIC_API_URL',
      'SENTRY_DSN',
    ]);
    expect(names({ service: 'web', environment: 'staging' })).not.toContain('DEBUG');
    expect(names({ service: 'api' })).toContain('STRIPE_WEBHOOK_SECRET');
  });

  it("layers an environment's rules over the variable's, and points at the line that wrote each", () => {
    const stripe = requirementsFor(loaded, undefined, { service: 'api', environment: 'production' }).find(
      (r) => r.variable === 'STRIPE_SECRET_KEY',
    );
    expect(stripe?.rules.pattern).toBe('^sk_live_');
    const line = SCHEMA.split('\n').findIndex((l) => l.includes('production: { pattern: ^sk_live_ }')) + 1;
    expect(stripe?.origin.pattern).toEqual({ file: 'deploy-env.yml', line });
    const staging = requirementsFor(loaded, undefined, { service: 'api', environment: 'staging' });
    expect(staging.find((r) => r.variable === 'STRIPE_SECRET_KEY')?.rules.pattern).toBe('^sk_(test|live)_');
    // A map of environments limits the variable to them, as a list does.
    const preview = requirementsFor(loaded, undefined, { service: 'api', environment: 'preview' });
    expect(preview.map((r) => r.variable)).not.toContain('STRIPE_SECRET_KEY');
  });

  it('makes every key of an .env.example required, next to the schema', () => {
    const example = {
      file: '.env.example',
      keys: [
        { name: 'SENTRY_DSN', line: 1 },
        { name: 'MAILGUN_KEY', line: 2 },
      ],
    };
    const found = requirementsFor(loaded, example, { service: 'api' });
    expect(found.find((r) => r.variable === 'MAILGUN_KEY')).toMatchObject({ rules: { required: true }, declared: { line: 2 } });
    // The schema's own rule wins over the example's.
    expect(found.find((r) => r.variable === 'SENTRY_DSN')?.rules.required).toBe(false);
  });
});
