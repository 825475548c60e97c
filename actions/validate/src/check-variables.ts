/**
 * The variable checks: every requirement of each service in the environment, against the values
 * of the sources. Values shared by every service (the job's environment, dotenv files) are
 * layered, later sources winning; a source bound to one service is checked on its own. A value
 * is registered as a secret as soon as it is looked up.
 */

import { checkValue } from './check-value.ts';
import type { Finding } from './findings.ts';
import { type EnvExample, type LoadedSchema, type Requirement, requirementsFor } from './requirements.ts';
import type { SourceValues, VariableSource } from './sources.ts';

export interface VariableCheck {
  schema: LoadedSchema | undefined;
  example: EnvExample | undefined;
  environment: string | undefined;
  /** The services deployed; empty for "whatever the values are for". */
  services: readonly string[];
  sources: readonly VariableSource[];
  setSecret(value: string): void;
}

interface Layer {
  source: VariableSource;
  values: SourceValues;
}

/** The value from the last source that has the variable; `value` is undefined when that source gives presence only. */
function lookup(layers: readonly Layer[], variable: string): { value: string | undefined; layer: Layer } | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (!layer) continue;
    const value = layer.values.values.get(variable);
    if (value !== undefined || layer.values.present?.has(variable)) return { value, layer };
  }
  return undefined;
}

function checkLayers(
  requirements: readonly Requirement[],
  layers: readonly Layer[],
  where: { service?: string; environment?: string },
  setSecret: (value: string) => void,
): Finding[] {
  const findings: Finding[] = [];
  const sourceNames = layers.map((l) => l.source.name).join(', ');
  for (const requirement of requirements) {
    const found = lookup(layers, requirement.variable);
    if (found?.value !== undefined && requirement.secret) setSecret(found.value);
    // Set, but its value is not readable (Vercel's encrypted variables): only `required` can be checked, and it holds.
    if (found && found.value === undefined) continue;
    for (const violation of checkValue(found?.value, requirement.rules)) {
      // A wrong value points at the line that sets it when it came from a file; else at the rule.
      const at = found?.layer.values.locate?.(requirement.variable) || requirement.origin[violation.rule] || requirement.declared;
      findings.push({
        severity: 'error',
        kind: 'variable',
        rule: violation.rule,
        message: violation.message,
        variable: requirement.variable,
        file: at.file,
        ...(at.line !== undefined ? { line: at.line } : {}),
        ...(where.service !== undefined ? { service: where.service } : {}),
        ...(where.environment !== undefined ? { environment: where.environment } : {}),
        source: found ? found.layer.source.name : sourceNames,
      });
    }
  }
  return findings;
}

/** One finding for a problem several services share, naming them (none when it is all of them). */
function mergeServices(findings: readonly Finding[], all: readonly string[]): Finding[] {
  const merged = new Map<string, Finding>();
  for (const f of findings) {
    const key = JSON.stringify([f.variable, f.rule, f.message, f.file, f.line, f.source]);
    const seen = merged.get(key);
    if (seen && f.service) seen.service = seen.service ? `${seen.service}, ${f.service}` : f.service;
    else if (!seen) merged.set(key, { ...f });
  }
  const everyService = all.length > 1 ? all.join(', ') : undefined;
  return [...merged.values()].map((f) => {
    if (f.service === undefined || f.service !== everyService) return f;
    const { service: _all, ...rest } = f;
    return rest;
  });
}

export async function checkVariables(check: VariableCheck): Promise<Finding[]> {
  const shared: Layer[] = [];
  const perService: Layer[] = [];
  for (const source of check.sources) {
    const values = await source.read();
    (source.service === undefined ? shared : perService).push({ source, values });
  }
  const environment = check.environment;
  const findings: Finding[] = [];
  if (shared.length > 0) {
    const services = check.services.length > 0 ? check.services : [undefined];
    for (const service of services) {
      const requirements = requirementsFor(check.schema, check.example, { service, environment });
      findings.push(...checkLayers(requirements, shared, { service, environment }, check.setSecret));
    }
  }
  for (const layer of perService) {
    const service = layer.source.service;
    const requirements = requirementsFor(check.schema, check.example, { service, environment });
    findings.push(...checkLayers(requirements, [layer], { service, environment }, check.setSecret));
  }
  return mergeServices(findings, check.services);
}
