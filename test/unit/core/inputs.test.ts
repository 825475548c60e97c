import { describe, expect, it } from 'vitest';
import { InputError } from '../../../packages/core/src/errors.ts';
import * as t from '../../../packages/core/src/input-types.ts';
import { inputVariable, optional, parseInputs, required, withDefault } from '../../../packages/core/src/inputs.ts';
import { captureRunner } from '../../support/capture-runner.ts';

const specs = {
  'webhook-url': required(t.url(), 'where to send', { secret: true }),
  timeout: withDefault(t.duration(), '30s', 'how long'),
  'fail-on-error': withDefault(t.boolean(), 'false', 'fail?'),
  fields: optional(t.keyValues(), 'extra'),
};

const env = (values: Record<string, string>): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [inputVariable(k), v]));

describe('parsing inputs from the manifest', () => {
  it('names the variable the way the runner does, keeping hyphens', () => {
    expect(inputVariable('webhook-url')).toBe('INPUT_WEBHOOK-URL');
  });

  it('returns camelCase typed values, applying defaults to empty inputs', () => {
    const c = captureRunner();
    const inputs = parseInputs({ specs, env: env({ 'webhook-url': 'https://hooks.test/x', timeout: '' }), runner: c.runner });
    expect(inputs).toEqual({ webhookUrl: 'https://hooks.test/x', timeout: 30_000, failOnError: false, fields: undefined });
  });

  it('reports every invalid input in one error, with the value and the expected form', () => {
    const c = captureRunner();
    let error: unknown;
    try {
      parseInputs({ specs, env: env({ timeout: 'soon', 'fail-on-error': 'yes' }), runner: c.runner });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message;
    expect(message).toContain('3 inputs are invalid');
    expect(message).toContain("Input 'webhook-url' is required: expected an absolute http or https URL");
    expect(message).toContain(`Input 'timeout' got "soon": expected a duration`);
    expect(message).toContain(`Input 'fail-on-error' got "yes": expected 'true' or 'false'`);
  });

  it('masks a secret input before parsing and never shows its value in the error', () => {
    const c = captureRunner();
    expect(() => parseInputs({ specs, env: env({ 'webhook-url': 'not-a-url-s3cret' }), runner: c.runner })).toThrow(
      "Input 'webhook-url' got *** (a secret, not shown): expected an absolute http or https URL",
    );
    expect(c.stdout()).toContain('::add-mask::not-a-url-s3cret');
  });

  it('scrubs a secret out of another input before cutting the value for the error', () => {
    const c = captureRunner();
    const secret = 'https://h.test/hooks-s3cret-0123456789';
    const value = `${'x'.repeat(60)}${secret}`;
    expect(() => parseInputs({ specs, env: env({ 'webhook-url': secret, timeout: value }), runner: c.runner })).toThrow(
      `Input 'timeout' got "${'x'.repeat(60)}***": expected a duration`,
    );
  });

  it('runs cross-input rules only once every input parsed', () => {
    const c = captureRunner();
    const check = () => [{ input: 'fields', shown: 'is required with fail-on-error', expected: 'expected KEY=VALUE pairs' }];
    expect(() =>
      parseInputs({ specs, env: env({ 'webhook-url': 'https://h.test/x', 'fail-on-error': 'true' }), runner: c.runner, check }),
    ).toThrow("Input 'fields' is required with fail-on-error");
  });
});
