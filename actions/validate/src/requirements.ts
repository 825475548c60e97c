/**
 * From the parsed schema (and an optional .env.example) to the requirements of one service in
 * one environment: which variables must be checked, with which rules, and where in the schema
 * each rule is written (so a finding can point at it).
 */
import type { DeployEnvSchema, RawRules, VariableSpec } from './schema.ts';

export type RuleName = 'required' | 'min-length' | 'pattern' | 'enum' | 'url' | 'equals' | 'forbid';
export const RULE_NAMES: readonly RuleName[] = ['required', 'min-length', 'pattern', 'enum', 'url', 'equals', 'forbid'];

export interface Rules {
  required: boolean;
  minLength?: number;
  pattern?: string;
  enum?: string[];
  /** Allowed schemes (without ':'). */
  url?: string[];
  equals?: string;
  forbid?: string[];
  caseSensitive: boolean;
}

/** Where a rule is written: a file and a line. */
export interface Location {
  file: string;
  line?: number;
}

export interface Requirement {
  variable: string;
  rules: Rules;
  /** Where the variable is declared. */
  declared: Location;
  /** Where each rule in force is written. */
  origin: Partial<Record<RuleName, Location>>;
  secret: boolean;
  description?: string;
}

export interface LoadedSchema {
  file: string;
  schema: DeployEnvSchema;
  /** The line of a path in the schema file (a key's line when `key`). */
  lineOf(path: readonly PropertyKey[], options?: { key?: boolean }): number | undefined;
}

export interface EnvExample {
  file: string;
  keys: Array<{ name: string; line: number }>;
}

export interface Scope {
  environment?: string;
  service?: string;
}

function layer(
  target: { rules: Rules; origin: Partial<Record<RuleName, Location>> },
  raw: RawRules | null | undefined,
  at: (rule: RuleName) => Location,
): void {
  if (!raw) return;
  const set = <K extends RuleName>(rule: K, apply: () => void, given: unknown): void => {
    if (given === undefined) return;
    apply();
    target.origin[rule] = at(rule);
  };
  set('required', () => (target.rules.required = raw.required ?? true), raw.required);
  set('min-length', () => (target.rules.minLength = raw['min-length']), raw['min-length']);
  set('pattern', () => (target.rules.pattern = raw.pattern), raw.pattern);
  set('enum', () => (target.rules.enum = raw.enum), raw.enum);
  set(
    'url',
    () => {
      const url = raw.url;
      target.rules.url = url === false ? undefined : url === true || url === undefined ? ['http', 'https'] : url.schemes;
    },
    raw.url,
  );
  set('equals', () => (target.rules.equals = raw.equals), raw.equals);
  set('forbid', () => (target.rules.forbid = Array.isArray(raw.forbid) ? raw.forbid : [raw.forbid as string]), raw.forbid);
  if (raw['case-sensitive'] !== undefined) target.rules.caseSensitive = raw['case-sensitive'];
}

function scopeNames(scope: VariableSpec['services']): string[] | undefined {
  if (scope === undefined) return undefined;
  return Array.isArray(scope) ? scope : Object.keys(scope);
}

/** Whether the variable is needed in this scope; an unnamed service or environment matches any. */
export function applies(spec: VariableSpec | null, scope: Scope): boolean {
  const services = scopeNames(spec?.services);
  const environments = scopeNames(spec?.environments);
  if (services && scope.service !== undefined && !services.includes(scope.service)) return false;
  if (environments && (scope.environment === undefined || !environments.includes(scope.environment))) return false;
  return true;
}

export function requirementsFor(loaded: LoadedSchema | undefined, example: EnvExample | undefined, scope: Scope): Requirement[] {
  const requirements = new Map<string, Requirement>();
  for (const [variable, spec] of Object.entries(loaded?.schema.variables ?? {})) {
    if (!loaded || !applies(spec, scope)) continue;
    const base = ['variables', variable];
    const declared = { file: loaded.file, line: loaded.lineOf(base, { key: true }) };
    const target = { rules: { required: true, caseSensitive: false } as Rules, origin: {} as Requirement['origin'] };
    target.origin.required = declared;
    const at = (prefix: PropertyKey[]) => (rule: RuleName) => {
      const line = loaded.lineOf([...prefix, rule], { key: true });
      return { file: loaded.file, line: line ?? declared.line };
    };
    layer(target, spec, at(base));
    for (const [kind, name] of [
      ['services', scope.service],
      ['environments', scope.environment],
    ] as const) {
      const map = spec?.[kind];
      if (name === undefined || map === undefined || Array.isArray(map)) continue;
      layer(target, map[name], at([...base, kind, name]));
    }
    requirements.set(variable, {
      variable,
      rules: target.rules,
      declared,
      origin: target.origin,
      secret: spec?.secret ?? true,
      ...(spec?.description ? { description: spec.description } : {}),
    });
  }
  for (const key of example?.keys ?? []) {
    if (!example || requirements.has(key.name)) continue;
    const declared = { file: example.file, line: key.line };
    requirements.set(key.name, {
      variable: key.name,
      rules: { required: true, caseSensitive: false },
      declared,
      origin: { required: declared },
      secret: true,
    });
  }
  return [...requirements.values()];
}

/** Every service the schema names, in the order first written. */
/** Every environment the schema knows: its `environments` list and every rule's scope. */
export function environmentsNamed(schema: DeployEnvSchema): string[] {
  const names = new Set<string>(schema.environments ?? []);
  for (const spec of Object.values(schema.variables)) for (const n of scopeNames(spec?.environments) ?? []) names.add(n);
  return [...names];
}

export function servicesNamed(schema: DeployEnvSchema): string[] {
  const names = new Set<string>(schema.services ?? []);
  for (const spec of Object.values(schema.variables)) for (const n of scopeNames(spec?.services) ?? []) names.add(n);
  return [...names];
}
