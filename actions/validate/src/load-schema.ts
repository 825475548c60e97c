/**
 * Reads the schema file and the .env.example-style file. A malformed schema fails the step with
 * every problem at its line and field ("line 7, variables.JWT_SECRET.min-length: expected a
 * number"), before any value is read.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '@deploy-suite/core/errors';
import { parseDotenvText } from './dotenv-file.ts';
import type { EnvExample, LoadedSchema } from './requirements.ts';
import { deployEnvSchema } from './schema.ts';
import { parseLocatedYaml, YamlSyntaxError } from './yaml-lines.ts';

export class SchemaError extends UserError {
  readonly file: string;
  readonly problems: ReadonlyArray<{ line: number | undefined; field: string; message: string }>;

  constructor(file: string, problems: ReadonlyArray<{ line: number | undefined; field: string; message: string }>) {
    const lines = problems.map(
      (p) => `${file}${p.line === undefined ? '' : `:${p.line}`}: ${p.field ? `${p.field}: ` : ''}${p.message}`,
    );
    super(
      lines.length === 1
        ? `The schema file is invalid: ${lines[0]}`
        : `The schema file has ${lines.length} problems:\n${lines.map((l) => `- ${l}`).join('\n')}`,
      { hint: 'The catalog (validate) documents the format; schemas/deploy-env.schema.json gives editors completion.' },
    );
    this.name = 'SchemaError';
    this.file = file;
    this.problems = problems;
  }
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Parses schema text; `file` is the name problems are reported under. */
export function parseSchemaText(text: string, file: string): LoadedSchema {
  let located: ReturnType<typeof parseLocatedYaml>;
  try {
    located = parseLocatedYaml(text);
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    throw new SchemaError(
      file,
      error.problems.map((p) => ({ line: p.line, field: '', message: `not valid YAML (${p.message})` })),
    );
  }
  const result = deployEnvSchema.safeParse(located.data ?? {});
  if (result.success) return { file, schema: result.data, lineOf: located.lineOf };
  const problems = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        line: located.lineOf([...issue.path, key], { key: true }),
        field: fieldOf([...issue.path, key]),
        message: 'unknown field',
      }));
    }
    // A missing field is reported at its parent, the place to add it.
    return [{ line: located.lineOf(issue.path, { key: true }), field: fieldOf(issue.path), message: issue.message }];
  });
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  throw new SchemaError(file, problems);
}

async function readText(path: string, what: string, input: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`The ${what} '${path}' could not be read${code === 'ENOENT' ? ': no such file' : ` (${code})`}.`, {
      hint: `Check the \`${input}\` input and the working directory; it must be committed, or written by an earlier step.`,
    });
  }
}

export async function loadSchema(path: string, display: string): Promise<LoadedSchema> {
  return parseSchemaText(await readText(path, 'schema file', 'schema'), display);
}

export async function loadEnvExample(path: string, display: string): Promise<EnvExample> {
  const parsed = parseDotenvText(await readText(path, 'env-example file', 'env-example'));
  return {
    file: display,
    keys: [...parsed.values.keys()].map((name) => ({ name, line: parsed.lineOf(name) ?? 1 })),
  };
}
