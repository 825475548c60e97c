import { describe, expect, it } from 'vitest';
import { checkValue } from '../../../actions/validate/src/check-value.ts';
import { parseSchemaText } from '../../../actions/validate/src/load-schema.ts';
import { manifest, SCHEMA_EXAMPLE } from '../../../actions/validate/src/manifest.ts';
import { requirementsFor } from '../../../actions/validate/src/requirements.ts';

describe("the catalog's schema documentation", () => {
  it('shows an example schema the action accepts', () => {
    const loaded = parseSchemaText(SCHEMA_EXAMPLE, 'deploy-env.yml');
    expect(manifest.notes).toContain(SCHEMA_EXAMPLE);
    const production = requirementsFor(loaded, undefined, { service: 'backend', environment: 'production' });
    expect(production.find((r) => r.variable === 'DEBUG')?.rules.forbid).toEqual(['true', '1', 'yes', 'on']);
  });

  it('quotes the findings as the rules word them', () => {
    const table = manifest.notes ?? '';
    const base = { required: true, caseSensitive: false };
    const examples = [
      checkValue(undefined, base),
      checkValue(' ', base),
      checkValue('x'.repeat(12), { ...base, minLength: 50 }),
      checkValue('abc', { ...base, pattern: '^whsec_' }),
      checkValue('not a url', { ...base, url: ['https'] }),
      checkValue('true', { ...base, equals: 'false' }),
      checkValue('True', { ...base, forbid: ['true'] }),
    ];
    for (const [violation] of examples) expect(table).toContain(`\`${violation?.message}\``);
  });
});
