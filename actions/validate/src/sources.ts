/**
 * Where the values come from. Each source reads one set of variables: the job's environment, a
 * dotenv file, or (as provider clients land) the live variables of one service. Every value is
 * registered as a secret the moment it is read, before anything could print it.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '@deploy-suite/core/errors';
import type { SourceSpec } from './manifest.ts';

export interface VariableSource {
  /** As findings name it: `env`, `dotenv:.env.production`. */
  name: string;
  /** The one service these values belong to; undefined for values shared by every service. */
  service?: string;
  read(): Promise<SourceValues>;
}

export interface SourceValues {
  values: Map<string, string>;
  /** Variables that are set but whose values the provider does not give back (Vercel's encrypted ones): presence only. */
  present?: ReadonlySet<string>;
  /** The file and line a value was read from, when it came from a file. */
  locate?(variable: string): { file: string; line?: number } | undefined;
}

/** The job's environment minus the runner's own variables and the action's inputs. */
const RUNNER_VARIABLE = /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|STATE_)/;

export function envSource(env: NodeJS.ProcessEnv): VariableSource {
  return {
    name: 'env',
    async read() {
      const values = new Map<string, string>();
      for (const [key, value] of Object.entries(env)) {
        if (value !== undefined && !RUNNER_VARIABLE.test(key)) values.set(key, value);
      }
      return { values };
    },
  };
}

export function dotenvSource(path: string, cwd: string): VariableSource {
  return {
    name: `dotenv:${path}`,
    async read() {
      let text: string;
      try {
        text = await readFile(resolve(cwd, path), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UserError(
          `The dotenv source '${path}' could not be read${code === 'ENOENT' ? ': no such file' : ` (${code})`}.`,
          { hint: 'Check the `sources` input; the path is relative to the working directory.' },
        );
      }
      const { parseDotenvText } = await import('./dotenv-file.ts');
      const parsed = parseDotenvText(text);
      return { values: parsed.values, locate: (variable) => ({ file: path, line: parsed.lineOf(variable) }) };
    },
  };
}

/** The provider sources, built by the caller (they need the inputs and the run's HTTP client). */
export interface ProviderSources {
  railway(): VariableSource[];
  vercel(): VariableSource[];
}

export function sourceOf(
  spec: SourceSpec,
  ctx: { env: NodeJS.ProcessEnv; cwd: string; providers: ProviderSources },
): VariableSource[] {
  switch (spec.kind) {
    case 'env':
      return [envSource(ctx.env)];
    case 'dotenv':
      return [dotenvSource(spec.path, ctx.cwd)];
    case 'railway':
      return ctx.providers.railway();
    case 'vercel':
      return ctx.providers.vercel();
  }
}
