/**
 * The GitHub runner protocol: workflow commands on stdout (`::error::`, `::add-mask::`,
 * `::group::`) and the environment files (`GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_STATE`,
 * `GITHUB_STEP_SUMMARY`), as documented in "Workflow commands for GitHub Actions".
 *
 * Why not @actions/core: at load time it imports @actions/http-client, which imports undici for
 * OIDC tokens. That one import takes a bundle's cold start from 1.2x to 2.5x bare `node -e 0`
 * (measured here, Node 24), and every action pays it even when it exits on a missing input. The
 * protocol itself is a handful of escaping rules and a heredoc format, tested in
 * test/unit/core/runner.test.ts against the runner's own parsing rules.
 *
 * Every line this writes passes through the secret scrubber: the runner masks `add-mask`ed
 * values in its log, but not in files a step writes, and not in a local run.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { SecretRegistry } from './secrets.ts';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  notice(message: string, properties?: AnnotationProperties): void;
}

export interface RunnerOptions {
  env?: NodeJS.ProcessEnv;
  write?: (text: string) => void;
  secrets?: SecretRegistry;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const propertyNames: Record<keyof AnnotationProperties, string> = {
  title: 'title',
  file: 'file',
  line: 'line',
  endLine: 'endLine',
  col: 'col',
  endColumn: 'endColumn',
};

export class Runner implements Logger {
  readonly env: NodeJS.ProcessEnv;
  readonly secrets: SecretRegistry;
  private readonly write: (text: string) => void;

  constructor(options: RunnerOptions = {}) {
    this.env = options.env ?? process.env;
    this.write = options.write ?? ((text) => process.stdout.write(text));
    this.secrets = options.secrets ?? new SecretRegistry();
  }

  get isDebug(): boolean {
    return this.env.RUNNER_DEBUG === '1' || this.env.ACTIONS_STEP_DEBUG === 'true';
  }

  /** Issues `::name props::message`; the message is scrubbed of secrets first. */
  command(name: string, message: string, properties: Record<string, string | number | undefined> = {}): void {
    const props = Object.entries(properties)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${k}=${escapeProperty(this.secrets.scrub(String(v)))}`)
      .join(',');
    this.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(this.secrets.scrub(message))}${EOL}`);
  }

  info(message: string): void {
    this.write(`${this.secrets.scrub(message)}${EOL}`);
  }

  debug(message: string): void {
    this.command('debug', message);
  }

  warning(message: string, properties: AnnotationProperties = {}): void {
    this.command('warning', message, annotationProps(properties));
  }

  error(message: string, properties: AnnotationProperties = {}): void {
    this.command('error', message, annotationProps(properties));
  }

  notice(message: string, properties: AnnotationProperties = {}): void {
    this.command('notice', message, annotationProps(properties));
  }

  /**
   * Registers a secret: the runner masks it in the log, and this process scrubs it (and its
   * URL-encoded form) from everything it writes. Empty and one-character values are not
   * registered: masking them would garble every line.
   */
  setSecret(value: string): void {
    for (const variant of this.secrets.add(value)) {
      this.write(`::add-mask::${escapeData(variant)}${EOL}`);
    }
  }

  startGroup(name: string): void {
    this.write(`::group::${escapeData(this.secrets.scrub(name))}${EOL}`);
  }

  endGroup(): void {
    this.write(`::endgroup::${EOL}`);
  }

  /** Runs one phase inside a collapsible log group. */
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.startGroup(name);
    try {
      return await fn();
    } finally {
      this.endGroup();
    }
  }

  setOutput(name: string, value: string | number | boolean): void {
    this.appendKeyValue('GITHUB_OUTPUT', name, String(value));
  }

  exportVariable(name: string, value: string): void {
    this.env[name] = value;
    this.appendKeyValue('GITHUB_ENV', name, value);
  }

  saveState(name: string, value: string): void {
    this.appendKeyValue('GITHUB_STATE', name, value);
  }

  getState(name: string): string {
    return this.env[`STATE_${name}`] ?? '';
  }

  /** Appends HTML/Markdown to the job summary; a no-op outside a runner. */
  appendSummary(markdown: string): void {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    appendFileSync(file, this.secrets.scrub(markdown), 'utf8');
  }

  /**
   * Writes `name<<delimiter` heredoc blocks, the multi-line-safe form of the environment files.
   * The delimiter is random so no value can end the block early.
   */
  private appendKeyValue(fileVariable: string, name: string, value: string): void {
    const safeValue = this.secrets.scrub(value);
    const file = this.env[fileVariable];
    if (!file) {
      // Outside a runner (a local run): the old stdout command keeps the value visible.
      if (fileVariable === 'GITHUB_OUTPUT') this.info(`${name}=${safeValue}`);
      return;
    }
    const delimiter = `ghadelimiter_${randomUUID()}`;
    appendFileSync(file, `${name}<<${delimiter}${EOL}${safeValue}${EOL}${delimiter}${EOL}`, 'utf8');
  }
}

function annotationProps(properties: AnnotationProperties): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  for (const [key, value] of Object.entries(properties)) {
    out[propertyNames[key as keyof AnnotationProperties]] = value as string | number | undefined;
  }
  return out;
}

/** Parses a GITHUB_OUTPUT-style file the way the runner does (heredoc and `k=v` lines). */
export function parseKeyValueFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, key = '', delimiter] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++] ?? '');
      if (i >= lines.length) throw new Error(`unterminated heredoc for '${key}'`);
      result[key] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`malformed line: ${line}`);
    result[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return result;
}
