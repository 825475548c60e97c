/**
 * An action's inputs are declared once, in its manifest. From that one declaration come the
 * typed parser used at run time (here), the generated action.yml and the catalog
 * (scripts/generate.ts). Every input is parsed before the action does anything, and every
 * invalid one is reported in the same error.
 */
import { InputError, type InputProblem } from './errors.ts';
import type { InputType } from './input-types.ts';
import type { Runner } from './runner.ts';
import { quote } from './untrusted.ts';

export interface InputSpec<T = unknown, Present extends boolean = boolean> {
  readonly description: string;
  readonly type: InputType<T>;
  readonly required: boolean;
  /** The default as the user would write it; parsed like any given value. */
  readonly default: string | undefined;
  /** Masked before parsing, never shown in an error, a log line or an output. */
  readonly secret: boolean;
  /** Marks the presence of a value in the parsed type; never set at run time. */
  readonly present?: Present;
}

interface SpecOptions {
  secret?: boolean;
}

/** An input the step must give. */
export function required<T>(type: InputType<T>, description: string, options: SpecOptions = {}): InputSpec<T, true> {
  return { description, type, required: true, default: undefined, secret: options.secret ?? false };
}

/** An input that may be left out; its parsed value is then `undefined`. */
export function optional<T>(type: InputType<T>, description: string, options: SpecOptions = {}): InputSpec<T, false> {
  return { description, type, required: false, default: undefined, secret: options.secret ?? false };
}

/** An input with a default, written as a user would write it. */
export function withDefault<T>(
  type: InputType<T>,
  defaultValue: string,
  description: string,
  options: SpecOptions = {},
): InputSpec<T, true> {
  return { description, type, required: false, default: defaultValue, secret: options.secret ?? false };
}

export type InputSpecs = Record<string, InputSpec>;

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

type ValueOf<Spec> = Spec extends InputSpec<infer T, infer Present> ? (Present extends true ? T : T | undefined) : never;

export type ParsedInputs<S extends InputSpecs> = { [K in keyof S & string as CamelCase<K>]: ValueOf<S[K]> };

export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The environment variable the runner sets for an input (it keeps hyphens). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export interface ParseOptions<S extends InputSpecs> {
  specs: S;
  env: NodeJS.ProcessEnv;
  runner: Pick<Runner, 'setSecret' | 'secrets'>;
  /** Rules across inputs (mutually exclusive inputs, one required with another). */
  check?: (inputs: ParsedInputs<S>) => InputProblem[];
}

/** The value as an error may show it: scrubbed (a secret given to another input too), then cut and quoted. */
function show(raw: string, spec: InputSpec, secrets: Runner['secrets']): string {
  if (spec.secret) return 'got *** (a secret, not shown)';
  return `got ${quote(raw, secrets, 80)}`;
}

export function parseInputs<S extends InputSpecs>(options: ParseOptions<S>): ParsedInputs<S> {
  const { specs, env, runner } = options;
  // Mask first: a secret must already be masked if anything below mentions it.
  for (const [name, spec] of Object.entries(specs)) {
    const raw = env[inputVariable(name)];
    if (spec.secret && raw) runner.setSecret(raw);
  }

  const problems: InputProblem[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    // Multi-line values keep their inner lines; only the ends are trimmed, as the runner does.
    const given = (env[inputVariable(name)] ?? '').trim();
    const raw = given === '' ? (spec.default ?? '') : given;
    if (raw === '') {
      if (spec.required) problems.push({ input: name, shown: 'is required', expected: `expected ${spec.type.form}` });
      parsed[camelCase(name)] = undefined;
      continue;
    }
    const result = spec.type.parse(raw);
    if (result.ok) parsed[camelCase(name)] = result.value;
    else problems.push({ input: name, shown: show(raw, spec, runner.secrets), expected: `expected ${result.expected}` });
  }

  if (problems.length === 0 && options.check) problems.push(...options.check(parsed as ParsedInputs<S>));
  if (problems.length > 0) throw new InputError(problems);
  return parsed as ParsedInputs<S>;
}
