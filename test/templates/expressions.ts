/**
 * Expressions as GitHub evaluates them, with @actions/expressions (GitHub's own lexer, parser
 * and evaluator): the contexts of a run (`github`, `inputs`, `secrets`, `env`, `vars`, `steps`,
 * `needs`, `jobs`, `job`, `runner`, `matrix`, `strategy`) and the status functions, whose answer
 * depends on where the expression is (a job's `if:` looks at its needs, a step's at the job).
 * Template tokens from @actions/workflow-parser (strings with `${{ }}` are already `format(…)`
 * expressions there) evaluate through the same path.
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser/templates/tokens/type-guards';

export const CONTEXT_NAMES = [
  'github',
  'inputs',
  'secrets',
  'env',
  'vars',
  'steps',
  'needs',
  'jobs',
  'job',
  'runner',
  'matrix',
  'strategy',
];

/** What the status functions answer where the expression is evaluated. */
export interface Status {
  /** No earlier step (or needed job) failed and nothing was cancelled. */
  success: boolean;
  failure: boolean;
  cancelled: boolean;
}

export type Contexts = Partial<Record<(typeof CONTEXT_NAMES)[number], unknown>>;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Plain JSON-like values as expression data (objects become case-insensitive dictionaries). */
export function toData(value: unknown): data.ExpressionData {
  if (value === null || value === undefined) return new data.Null();
  if (typeof value === 'string') return new data.StringData(value);
  if (typeof value === 'number') return new data.NumberData(value);
  if (typeof value === 'boolean') return new data.BooleanData(value);
  if (Array.isArray(value)) return new data.Array(...value.map(toData));
  if (typeof value === 'object')
    return new data.Dictionary(...Object.entries(value as object).map(([key, v]) => ({ key, value: toData(v) })));
  throw new TemplateError(`cannot put a ${typeof value} into an expression context`);
}

/** Expression data as plain values. */
export function fromData(value: data.ExpressionData): unknown {
  switch (value.kind) {
    case data.Kind.Null:
      return null;
    case data.Kind.String:
    case data.Kind.Number:
    case data.Kind.Boolean:
      return (value as data.StringData | data.NumberData | data.BooleanData).value;
    case data.Kind.Array:
      return (value as data.Array).values().map(fromData);
    default:
      return Object.fromEntries((value as data.Dictionary).pairs().map((p) => [p.key, fromData(p.value)]));
  }
}

function statusFunctions(status: Status): Map<string, FunctionDefinition> {
  const fn = (name: string, answer: boolean): [string, FunctionDefinition] => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(answer) },
  ];
  return new Map([
    fn('success', status.success && !status.cancelled),
    fn('failure', status.failure),
    fn('cancelled', status.cancelled),
    fn('always', true),
  ]);
}

export function evaluateExpression(expression: string, contexts: Contexts, status: Status, where: string): data.ExpressionData {
  try {
    const lexed = new Lexer(expression).lex();
    const functions = statusFunctions(status);
    const tree = new Parser(lexed.tokens, CONTEXT_NAMES, [...functions.values()]).parse();
    const dictionary = new data.Dictionary(...Object.entries(contexts).map(([key, value]) => ({ key, value: toData(value) })));
    // Built-in functions (format, contains, toJSON, …) are the evaluator's own; status functions are ours.
    return new Evaluator(tree, dictionary, functions).evaluate();
  } catch (error) {
    throw new TemplateError(`${where}: cannot evaluate \${{ ${expression} }}: ${(error as Error).message}`);
  }
}

export function isTrue(expression: string, contexts: Contexts, status: Status, where: string): boolean {
  return truthy(evaluateExpression(expression, contexts, status, where));
}

/** A template token's value: literals as they are, expressions evaluated, mappings and sequences walked. */
export function evaluateToken(token: TemplateToken, contexts: Contexts, status: Status, where: string): unknown {
  if (isString(token)) return token.value;
  if (isNumber(token) || isBoolean(token)) return token.value;
  if (isBasicExpression(token)) return fromData(evaluateExpression(token.expression, contexts, status, where));
  if (isSequence(token)) return [...token].map((t, i) => evaluateToken(t, contexts, status, `${where}[${i}]`));
  if (isMapping(token)) {
    const out: Record<string, unknown> = {};
    for (const pair of token) {
      const key = String(evaluateToken(pair.key, contexts, status, where));
      out[key] = evaluateToken(pair.value, contexts, status, `${where}.${key}`);
    }
    return out;
  }
  if (token.templateTokenType === 7) return null;
  throw new TemplateError(`${where}: cannot evaluate a token of type ${token.templateTokenType} (e.g. an \${{ insert }})`);
}

/** A value as the runner turns it into an input or env variable: a string, never a mapping. */
export function asString(value: unknown, where: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TemplateError(`${where}: a mapping or sequence is not a string (use toJSON())`);
}

/** A mapping token (`with:`, `env:`, `outputs:`) evaluated to strings. */
export function evaluateStrings(
  token: TemplateToken | undefined,
  contexts: Contexts,
  status: Status,
  where: string,
): Record<string, string> {
  if (token === undefined) return {};
  const value = evaluateToken(token, contexts, status, where);
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new TemplateError(`${where} must be a mapping`);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asString(v, `${where}.${k}`)]));
}
