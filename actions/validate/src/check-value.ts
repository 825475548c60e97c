/**
 * One value against its rules. The messages never hold the value, nor anything that would give
 * it away (which forbidden value it matched): "missing", "too short (12 < 50)", "matches a
 * forbidden value".
 */
import type { RuleName, Rules } from './requirements.ts';

export interface Violation {
  rule: RuleName;
  message: string;
}

function same(a: string, b: string, caseSensitive: boolean): boolean {
  return caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}

export function checkValue(value: string | undefined, rules: Rules): Violation[] {
  if (value === undefined) return rules.required ? [{ rule: 'required', message: 'missing' }] : [];
  if (value.trim() === '') return rules.required ? [{ rule: 'required', message: 'set but empty' }] : [];
  const violations: Violation[] = [];
  const cs = rules.caseSensitive;
  // Length in characters as a person counts them (an emoji is one).
  const length = [...value].length;
  if (rules.minLength !== undefined && length < rules.minLength) {
    violations.push({ rule: 'min-length', message: `too short (${length} < ${rules.minLength})` });
  }
  if (rules.pattern !== undefined && !new RegExp(rules.pattern).test(value)) {
    violations.push({ rule: 'pattern', message: `does not match the pattern /${rules.pattern}/` });
  }
  if (rules.enum !== undefined && !rules.enum.some((allowed) => same(value, allowed, cs))) {
    violations.push({ rule: 'enum', message: `is not one of the allowed values (${quoteList(rules.enum)})` });
  }
  if (rules.url !== undefined) {
    const parsed = URL.canParse(value) ? new URL(value) : undefined;
    if (!parsed || (parsed.hostname === '' && !parsed.protocol.startsWith('file'))) {
      violations.push({ rule: 'url', message: 'is not an absolute URL' });
    } else if (!rules.url.includes(parsed.protocol.replace(/:$/, ''))) {
      violations.push({ rule: 'url', message: `is a URL with a scheme that is not allowed (allowed: ${rules.url.join(', ')})` });
    }
  }
  if (rules.equals !== undefined && !same(value, rules.equals, cs)) {
    violations.push({ rule: 'equals', message: `does not equal the required value '${rules.equals}'` });
  }
  if (rules.forbid?.some((forbidden) => same(value, forbidden, cs))) {
    violations.push({ rule: 'forbid', message: 'matches a forbidden value' });
  }
  return violations;
}
