/**
 * The GitHub runner protocol: workflow commands on stdout (`::error::`, `::add-mask::`,
 * `::group::`) and the environment files (`GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_STATE`,
 * `GITHUB_PATH`, `GITHUB_STEP_SUMMARY`), as documented in "Workflow commands for GitHub Actions".
 *
 * Why not @actions/core: at load time it imports @actions/http-client, which imports undici for
 * OIDC tokens. That one import takes a bundle's cold start from 1.2x to 2.5x bare `node -e 0`
 * (measured here, Node 24), and every action pays it even when it exits on a missing input. The
 * protocol itself is a handful of escaping rules and a heredoc format; @actions/core stays the
 * oracle: test/unit/core/runner-differential.test.ts makes the same calls through both and
 * compares the bytes.
 *
 * What reaches a reader (log lines, annotations, the summary) is scrubbed of registered secrets
 * before it is escaped or cut: the runner masks `add-mask`ed values in its log, but not in the
 * summary, and not in a local run. What feeds later steps (outputs, exported variables, state,
 * the path) is written as given: a later step must get the real value, so no secret may be put
 * into one in the first place (mask at the source: `maskUrl`, `excerpt`, `quote`).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, statSync } from 'node:fs';
import { EOL } from 'node:os';
import { delimiter as pathDelimiter } from 'node:path';
import { credentialSecrets, SecretRegistry } from './secrets.ts';

/** Where an annotation points, with @actions/core's names for the same properties. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  notice(message: string, properties?: AnnotationProperties): void;
}

/** Something that renders itself for the summary, given the scrubber (report.ts's Summary). */
export interface SummaryContent {
  render(scrub: (text: string) => string): string;
}

export interface RunnerOptions {
  env?: NodeJS.ProcessEnv;
  write?: (text: string) => void;
  secrets?: SecretRegistry;
  /** The heredoc delimiter's random part (tests make it predictable). */
  randomId?: () => string;
  /** The most the step summary file may hold, in bytes. */
  summaryLimit?: number;
}

/**
 * The runner refuses a step summary over 1 MiB (and shows none of it). Stay well below, leaving
 * room for the note that says the summary was cut.
 */
export const SUMMARY_LIMIT = 1024 * 1024 - 16 * 1024;

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Our property names → the runner's, in the order @actions/core sends them. Others are dropped. */
const wireNames: ReadonlyArray<readonly [keyof AnnotationProperties, string]> = [
  ['title', 'title'],
  ['file', 'file'],
  ['startLine', 'line'],
  ['endLine', 'endLine'],
  ['startColumn', 'col'],
  ['endColumn', 'endColumn'],
];

export class Runner implements Logger {
  readonly env: NodeJS.ProcessEnv;
  readonly secrets: SecretRegistry;
  private readonly write: (text: string) => void;
  private readonly randomId: () => string;
  private readonly summaryLimit: number;
  private summaryFull = false;
  /** Set while outside lines are being written inside a `stop-commands` block. */
  private stopToken: string | undefined;

  constructor(options: RunnerOptions = {}) {
    this.env = options.env ?? process.env;
    this.write = options.write ?? ((text) => process.stdout.write(text));
    this.secrets = options.secrets ?? new SecretRegistry();
    this.randomId = options.randomId ?? randomUUID;
    this.summaryLimit = options.summaryLimit ?? SUMMARY_LIMIT;
  }

  get isDebug(): boolean {
    return this.env.RUNNER_DEBUG === '1' || this.env.ACTIONS_STEP_DEBUG === 'true';
  }

  /**
   * Issues `::name props::message`. Message and property values are scrubbed, then escaped, so
   * the command stays one line whatever the text holds (a newline becomes %0A: text after it
   * can never start a line of its own, let alone a command). Empty values are left out.
   */
  command(name: string, message: string, properties: Record<string, string | number | undefined> = {}): void {
    this.resumeCommands();
    const props = Object.entries(properties)
      .filter(([, v]) => v !== undefined && v !== '' && v !== 0)
      .map(([k, v]) => `${k}=${escapeProperty(this.secrets.scrub(String(v)))}`)
      .join(',');
    this.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(this.secrets.scrub(message))}${EOL}`);
  }

  /** One line of our own; outside text goes through `quote` (untrusted.ts) or `untrusted`. */
  info(message: string): void {
    this.write(`${this.secrets.scrub(message)}${EOL}`);
  }

  /**
   * One line of outside text (tool output, a build log), scrubbed and written inside a
   * `stop-commands` block with a random token, so nothing in it (`::set-output …`, an indented
   * `::stop-commands::`, `##[…]` mid-line) is executed. The block opens at the first such line and
   * is closed before any command of ours, which the runner would otherwise ignore.
   */
  untrusted(line: string): void {
    if (this.stopToken === undefined) {
      this.stopToken = this.randomId();
      this.write(`::stop-commands::${this.stopToken}${EOL}`);
    }
    this.write(`${this.secrets.scrub(line)}${EOL}`);
  }

  /** Ends an open `stop-commands` block: the runner processes commands again. */
  resumeCommands(): void {
    if (this.stopToken === undefined) return;
    this.write(`::${this.stopToken}::${EOL}`);
    this.stopToken = undefined;
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
   * Registers a secret: the runner masks it in the log, and this process scrubs it (and the
   * encoded forms it takes on the way out) from everything a reader sees. Empty and
   * one-character values are not registered: masking them would garble every line.
   */
  setSecret(value: string): void {
    const variants = this.secrets.add(value);
    if (variants.length > 0) this.resumeCommands();
    for (const variant of variants) {
      this.write(`::add-mask::${escapeData(variant)}${EOL}`);
    }
  }

  /**
   * Registers the credential a request header carries, if its name says it carries one
   * (`Authorization`, `Cookie`, `X-Api-Key`…; for `Bearer X` also `X` alone). Other headers
   * (`X-Env: staging`) are not secrets and stay readable. Returns whether it was a credential.
   */
  setSecretHeader(name: string, value: string): boolean {
    const values = credentialSecrets(name, value);
    for (const secret of values) this.setSecret(secret);
    return values.length > 0;
  }

  startGroup(name: string): void {
    this.resumeCommands();
    this.write(`::group::${escapeData(this.secrets.scrub(name))}${EOL}`);
  }

  endGroup(): void {
    this.resumeCommands();
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

  /** Sets a step output to the value as given (never scrubbed: it feeds later steps). */
  setOutput(name: string, value: string | number | boolean): void {
    const file = this.env.GITHUB_OUTPUT;
    // Outside a runner (a local run): the value is shown in the log, which is scrubbed.
    if (!file) this.info(`${name}=${value}`);
    else appendFileSync(file, this.keyValue(name, String(value)), 'utf8');
  }

  /** Sets a variable for this process and every later step of the job. */
  exportVariable(name: string, value: string): void {
    this.env[name] = value;
    const file = this.env.GITHUB_ENV;
    if (file) appendFileSync(file, this.keyValue(name, value), 'utf8');
  }

  saveState(name: string, value: string): void {
    const file = this.env.GITHUB_STATE;
    if (file) appendFileSync(file, this.keyValue(name, value), 'utf8');
  }

  getState(name: string): string {
    return this.env[`STATE_${name}`] ?? '';
  }

  /** Puts a directory first on the PATH of this process and of every later step of the job. */
  addPath(path: string): void {
    const file = this.env.GITHUB_PATH;
    if (file) appendFileSync(file, `${path}${EOL}`, 'utf8');
    this.env.PATH = `${path}${pathDelimiter}${this.env.PATH ?? ''}`;
  }

  /**
   * Appends HTML/Markdown to the job summary; a no-op outside a runner. Scrubbed first, then
   * capped below the runner's limit (cut with a note). A summary that cannot be written is a
   * warning: the step's real outcome does not depend on it.
   */
  appendSummary(content: string | SummaryContent): void {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file || this.summaryFull) return;
    const scrub = (text: string): string => this.secrets.scrub(text);
    const markup = scrub(typeof content === 'string' ? content : content.render(scrub));
    try {
      const used = sizeOf(file);
      const room = this.summaryLimit - used;
      const bytes = Buffer.byteLength(markup, 'utf8');
      if (bytes <= room) {
        appendFileSync(file, markup, 'utf8');
        return;
      }
      this.summaryFull = true;
      const note = `\n\n<p><em>The rest of this summary was cut: job summaries are limited to 1 MiB.</em></p>\n`;
      appendFileSync(file, cutToBytes(markup, room - Buffer.byteLength(note, 'utf8')) + note, 'utf8');
      this.warning('The job summary reached its size limit and was cut; the full details are in the log.');
    } catch (error) {
      this.summaryFull = true;
      this.warning(`Could not write the job summary to ${file}: ${(error as Error).message}`);
    }
  }

  /**
   * A `name<<delimiter` heredoc block, the multi-line-safe form of the environment files. The
   * delimiter is random; a name or value that holds it anyway is refused, as @actions/core does.
   */
  private keyValue(name: string, value: string): string {
    const delimiter = `ghadelimiter_${this.randomId()}`;
    if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (value.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * At most `max` bytes of UTF-8, cut where markup is least likely to break: after the last tag
 * or line end in the final quarter, and never inside a character.
 */
function cutToBytes(text: string, max: number): string {
  if (max <= 0) return '';
  let cut = Buffer.from(text, 'utf8').subarray(0, max).toString('utf8');
  if (cut.endsWith('\uFFFD')) cut = cut.slice(0, -1);
  const boundary = Math.max(cut.lastIndexOf('>'), cut.lastIndexOf('\n'));
  return boundary >= cut.length * 0.75 ? cut.slice(0, boundary + 1) : cut;
}

function annotationProps(properties: AnnotationProperties): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  for (const [ours, wire] of wireNames) out[wire] = properties[ours];
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
