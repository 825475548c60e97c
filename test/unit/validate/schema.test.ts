import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSchemaText, SchemaError } from '../../../actions/validate/src/load-schema.ts';
import { deployEnvJsonSchema } from '../../../actions/validate/src/schema.ts';
import { JSON_SCHEMA_PATH } from '../../../actions/validate/src/write-json-schema.ts';
import { SCHEMA } from '../../fixtures/validate/seed-repo.ts';

function problemsOf(text: string): SchemaError['problems'] {
  try {
    parseSchemaText(text, '.github/deploy-env.yml');
  } catch (error) {
    if (error instanceof SchemaError) return error.problems;
    throw error;
  }
  throw new Error('the schema was accepted');
}

describe('the schema file', () => {
  it("accepts the seeds' schema with every rule, scope and override", () => {
    const loaded = parseSchemaText(SCHEMA, 'deploy-env.yml');
    expect(Object.keys(loaded.schema.variables)).toContain('STRIPE_WEBHOOK_SECRET');
    expect(loaded.schema.variables.DEBUG?.environments).toEqual({ production: { forbid: ['true', '1', 'yes', 'on'] } });
    expect(loaded.schema.variables.FEATURE_PARTNER_MOCKED_DATA?.environments).toEqual({ production: { equals: 'false' } });
  });

  it('names the line and the field of a value of the wrong type', () => {
    const text = 'variables:\n  JWT_SECRET:\n    services: [api]\n    min-length: "thirty-two"\n';
    expect(problemsOf(text)).toEqual([
      { line: 4, field: 'variables.JWT_SECRET.min-length', message: expect.stringMatching(/expected number/) },
    ]);
  });

  it('names the line of an unknown field (a typo of a rule)', () => {
    const text = 'variables:\n  DEBUG:\n    required: false\n    forbidden: [true]\n';
    expect(problemsOf(text)).toEqual([{ line: 4, field: 'variables.DEBUG.forbidden', message: 'unknown field' }]);
  });

  it('takes one URL scheme written alone, and says what a url rule accepts when it is wrong', () => {
    const loaded = parseSchemaText('variables:\n  API_URL:\n    url: { schemes: https }\n', 'deploy-env.yml');
    expect(loaded.schema.variables.API_URL?.url).toEqual({ schemes: ['https'] });
    expect(problemsOf('variables:\n  API_URL:\n    url: https\n')).toEqual([
      {
        line: 3,
        field: 'variables.API_URL.url',
        message: 'expected true, false or { schemes: [https, …] } (schemes without "://")',
      },
    ]);
  });

  it('reports every problem at once, in line order, in the error message', () => {
    const text = [
      'environments: [production, staging]',
      'variables:',
      '  API_URL:',
      '    url: { schemes: ["https://"] }',
      '  TOKEN:',
      '    pattern: "([a-z]"',
      '    environments:',
      '      prodution: { required: true }',
    ].join('\n');
    let error: unknown;
    try {
      parseSchemaText(text, 'deploy-env.yml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaError);
    const message = (error as Error).message;
    expect(message).toMatch(/^The schema file has 3 problems:/);
    expect(message).toContain('deploy-env.yml:4: variables.API_URL.url');
    expect(message).toContain('deploy-env.yml:6: variables.TOKEN.pattern: expected a valid regular expression');
    expect(message).toContain(
      "deploy-env.yml:8: variables.TOKEN.environments.prodution: unknown environment 'prodution' (known: production, staging)",
    );
  });

  it('reports YAML syntax errors at their line', () => {
    const problems = problemsOf('variables:\n  APP_KEY:\n    pattern: ^base64:\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(3);
    expect(problems[0]?.message).toMatch(/^not valid YAML/);
  });

  it('reports a missing variables map at the top', () => {
    expect(problemsOf('environments: [production]\n')).toEqual([
      { line: 1, field: 'variables', message: expect.stringMatching(/expected record/) },
    ]);
  });

  it('refuses an invalid variable name at its key', () => {
    const problems = problemsOf('variables:\n  OK_NAME: {}\n  "BAD NAME": {}\n');
    expect(problems[0]).toMatchObject({ line: 3 });
  });

  it('publishes a JSON Schema that is the one generated from the zod schema', () => {
    const published = JSON.parse(readFileSync(JSON_SCHEMA_PATH, 'utf8')) as unknown;
    expect(published, 'run: node actions/validate/src/write-json-schema.ts').toEqual(deployEnvJsonSchema());
  });
});
