import { describe, expect, it } from 'vitest';
import { CheckListError, parseChecks, type Source } from '../../../actions/smoke-test/src/checks.ts';
import { InputError } from '../../../packages/core/src/errors.ts';

const inline = (text: string): Source => ({ input: 'checks', label: 'inline', text });
const file = (text: string): Source => ({ input: 'checks-file', label: 'smoke.yml', text });
const BASE = 'https://api.example.test';

function problems(source: Source, baseUrl: string | undefined): string {
  try {
    parseChecks(source, baseUrl);
  } catch (error) {
    expect(error).toBeInstanceOf(CheckListError);
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('check lists', () => {
  it('compile a list with defaults: GET, status 200-399, POST when there is a body', () => {
    const [health, create] = parseChecks(
      inline('- name: health\n  url: /health\n- name: create\n  url: /items\n  json: { a: 1 }\n  expect: { status: [201, 2xx] }'),
      BASE,
    );
    expect(health).toMatchObject({ name: 'health', method: 'GET', line: 1, expect: { status: { text: '200-399' } } });
    expect(create).toMatchObject({ method: 'POST', line: 3, json: { a: 1 }, expect: { status: { text: '201, 2xx' } } });
  });

  it('accept a map with a checks list, as a file often is', () => {
    expect(parseChecks(file('checks:\n  - name: a\n    url: https://x.test/'), undefined)).toHaveLength(1);
  });

  it('compile captures and record which captures a check uses', () => {
    const [, second] = parseChecks(
      inline(
        '- name: a\n  url: /login\n  capture: { token: $.token, loc: "header:Location", id: "/id=(\\\\d+)/" }\n- name: b\n  url: /items/{{ id }}\n  headers: { Authorization: "Bearer {{ token }}" }',
      ),
      BASE,
    );
    expect(second?.uses.sort()).toEqual(['id', 'token']);
  });

  it("report an unknown key with its line, the check's name and the field", () => {
    expect(problems(file('- name: API\n  url: /health\n  expect:\n    stauts: 200'), BASE)).toBe(
      "Input 'checks-file' (smoke.yml) is invalid: line 4, check \"API\", field expect.stauts: unknown key 'stauts' (expected one of: status, headers, body, json, max-latency)",
    );
  });

  it('report a bad regular expression and a bad URL together, in line order', () => {
    const message = problems(
      file('- name: one\n  url: "http://exa mple.com"\n- name: two\n  url: /\n  expect:\n    body: "/(unclosed/"'),
      BASE,
    );
    expect(message).toContain('has 2 problems');
    expect(message.indexOf('line 2, check "one", field url')).toBeLessThan(
      message.indexOf('line 6, check "two", field expect.body'),
    );
    expect(message).toContain('is not a valid regular expression');
  });

  it('report a relative URL when base-url is not set', () => {
    expect(problems(inline('- name: a\n  url: /health'), undefined)).toContain('is relative, and the base-url input is not set');
  });

  it('report a capture used before any check makes it, and duplicate names', () => {
    const message = problems(inline('- name: a\n  url: /x/{{ id }}\n- name: a\n  url: /y'), BASE);
    expect(message).toContain('line 2, check "a", field url: uses {{ id }}, which no earlier check captures');
    expect(message).toContain('line 3, check "a", field name: another check is already named "a"');
  });

  it('number a check without a name and say that it needs one', () => {
    expect(problems(inline('- url: /x'), BASE)).toContain('line 1, check #1, field name: every check needs a name');
  });

  it('report YAML syntax errors with their line', () => {
    // The parser places an unclosed flow sequence where its ] was due: the line after.
    expect(problems(inline('- name: a\n  url: [/x\n'), BASE)).toMatch(/line 3: not valid YAML \(Flow sequence/);
  });

  it('reject an empty list and a document that is not a list', () => {
    expect(problems(inline('{}'), BASE)).toContain('non-empty YAML list');
    expect(problems(inline('[]'), BASE)).toContain('non-empty YAML list');
  });

  it('reject a regex capture without exactly one group', () => {
    expect(problems(inline('- name: a\n  url: /\n  capture: { x: "/abc/" }'), BASE)).toContain(
      'line 3, check "a", field capture.x: /abc/ needs exactly one capturing group',
    );
  });

  it('reject a duration that is not one', () => {
    expect(problems(inline('- name: a\n  url: /\n  timeout: soon'), BASE)).toContain('field timeout: "soon" is not a duration');
  });
});
