/**
 * Input types for expectations (health-gate's and smoke-test's inputs): each parses once, and a
 * bad value is an input error naming the expected form once and what is wrong with the value.
 * Light on purpose: manifests import these at start.
 */
import { ExpectationError } from './expectation-error.ts';
import { HEADERS_FORM, type HeaderPairs, parseHeaderLines } from './headers.ts';
import type { InputType, Parsed } from './input-types.ts';
import { JSON_ASSERTION_FORM, type JsonAssertion, parseJsonAssertions } from './json-assertions.ts';
import { type JsonPath, JsonPathError, parseJsonPath } from './jsonpath.ts';
import { parseStatusSpec, STATUS_FORM, type StatusSpec } from './status-spec.ts';
import { parseTextMatcher, type TextMatcher } from './text-matcher.ts';

function inputType<T>(form: string, parse: (raw: string) => T): InputType<T> {
  return {
    form,
    parse: (raw): Parsed<T> => {
      try {
        return { ok: true, value: parse(raw) };
      } catch (error) {
        if (error instanceof ExpectationError) return { ok: false, expected: `${form}; ${error.message}` };
        throw error;
      }
    },
  };
}

export const statusInput = (): InputType<StatusSpec> => inputType(STATUS_FORM, parseStatusSpec);
export const textMatcherInput = (): InputType<TextMatcher> =>
  inputType('a substring, or a /regular expression/ (flags i, m, s, u)', parseTextMatcher);
export const jsonAssertionsInput = (): InputType<JsonAssertion[]> => inputType(JSON_ASSERTION_FORM, parseJsonAssertions);
export const jsonPathInput = (): InputType<JsonPath> =>
  inputType("a JSONPath such as $.version or $['build']['sha']", (raw) => {
    try {
      return parseJsonPath(raw);
    } catch (error) {
      if (error instanceof JsonPathError) throw new ExpectationError(error.message);
      throw error;
    }
  });
export const headersInput = (): InputType<HeaderPairs> =>
  inputType(HEADERS_FORM, (raw) => {
    const parsed = parseHeaderLines(raw);
    if (typeof parsed === 'string') throw new ExpectationError(parsed);
    return parsed;
  });
