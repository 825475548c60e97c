/**
 * An action's manifest: its one declaration of name, inputs and outputs. action.yml, the
 * catalog, the run-time parser and the test harness all read it.
 */
import type { InputProblem } from './errors.ts';
import type { InputSpecs, ParsedInputs } from './inputs.ts';

export interface OutputSpec {
  description: string;
}

export interface ActionManifest<S extends InputSpecs = InputSpecs> {
  /** The folder name under actions/ and dist/. */
  name: string;
  /** action.yml's `name`. */
  title: string;
  description: string;
  branding: { icon: string; color: 'white' | 'black' | 'yellow' | 'blue' | 'green' | 'orange' | 'red' | 'purple' | 'gray-dark' };
  inputs: S;
  outputs: Record<string, OutputSpec>;
  /** One usage example: the YAML of a workflow step. */
  example: string;
  /** More for the catalog (Markdown): presets, placeholders, caveats. */
  notes?: string;
  /** Rules across inputs, checked after each input parsed. */
  check?: (inputs: ParsedInputs<S>) => InputProblem[];
}

export const STATUS_OUTPUT: OutputSpec = {
  description: "How the step ended: 'success', 'failure' or 'cancelled', or an outcome the action names.",
};

/** Declares an action; every action gets the `status` output the run wrapper always sets. */
export function defineAction<S extends InputSpecs>(manifest: ActionManifest<S>): ActionManifest<S> {
  return { ...manifest, outputs: { ...manifest.outputs, status: STATUS_OUTPUT } };
}
