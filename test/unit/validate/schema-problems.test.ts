/** Ajv's errors condensed: one problem per mistake, whatever the alternatives in the schema. */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../../actions/validate/src/schema-problems.ts';

const problems = (schema: object, data: unknown) => {
  const validate = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  validate(data);
  return schemaProblems(validate.errors, data).map((p) => [p.path, p.message]);
};

/** A rule that is either a redirect or, nested, a rewrite whose destination is one of two shapes. */
const rule = {
  anyOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'status'],
      properties: { from: { type: 'string' }, status: { enum: [301, 308] } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to'],
      properties: {
        from: { type: 'string' },
        to: { anyOf: [{ type: 'string' }, { type: 'object', required: ['url'] }] },
      },
    },
  ],
};

describe('schema problems', () => {
  it('says what every branch would have taken when a value has the wrong type for all of them', () => {
    expect(problems({ type: 'object', properties: { rule } }, { rule: 42 })).toEqual([[['rule'], 'expected an object']]);
  });

  it('keeps the complaints of the branch that came closest, after condensing the alternatives nested in it', () => {
    expect(problems({ type: 'object', properties: { rule } }, { rule: { from: '/a', to: 7 } })).toEqual([
      [['rule', 'to'], 'expected a string or an object'],
    ]);
  });

  it('reads array indexes as numbers and object keys with slashes as keys', () => {
    const schema = { type: 'object', additionalProperties: { type: 'array', items: { type: 'integer' } } };
    expect(problems(schema, { 'api/*.js': [1, 'two'] })).toEqual([[['api/*.js', 1], 'expected an integer']]);
  });

  it('names an unknown key and a missing one as keys of the path, once each', () => {
    const schema = { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string' } } };
    expect(problems(schema, { nmae: 'x' })).toEqual([
      [['name'], 'missing (required here)'],
      [['nmae'], 'unknown key'],
    ]);
  });

  it('lists enum values once whatever their case', () => {
    const schema = { type: 'object', properties: { builder: { enum: ['RAILPACK', 'railpack', 'DOCKERFILE', 'dockerfile'] } } };
    expect(problems(schema, { builder: 'PAKETO' })).toEqual([[['builder'], 'expected one of "RAILPACK", "DOCKERFILE"']]);
  });

  it('says which allowed value a wrong one was probably meant to be', () => {
    const schema = { type: 'object', properties: { builder: { enum: ['RAILPACK', 'DOCKERFILE', 'NIXPACKS'] } } };
    expect(problems(schema, { builder: 'DOCKER' })).toEqual([
      [['builder'], 'expected one of "RAILPACK", "DOCKERFILE", "NIXPACKS"; did you mean "DOCKERFILE"?'],
    ]);
    expect(problems(schema, { builder: 'NIXPAKCS' })[0]?.[1]).toMatch(/did you mean "NIXPACKS"\?$/);
    expect(problems(schema, { builder: 'HEROKU' })[0]?.[1]).toBe('expected one of "RAILPACK", "DOCKERFILE", "NIXPACKS"');
  });
});
