/**
 * Text from outside the workflow — HTTP bodies and headers, a served version, build and tool
 * logs, a provider's error body — is data. The runner executes any log line that starts with
 * `::name::` (and the older `##[name]` form), and the job summary renders Markdown and HTML, so
 * such text reaches the log only quoted or inside a `stop-commands` block, and the summary only
 * escaped and capped. The order is fixed: scrub secrets first, then normalise, cap and escape,
 * so no transformation can hide a secret from the scrubber or cut one in half.
 *
 * Every action uses these helpers; none prints outside text any other way.
 */
import { randomUUID } from 'node:crypto';
import type { SecretRegistry } from './secrets.ts';

/** How much of an outside text a log line or error message quotes. */
export const LOG_EXCERPT = 300;
/** How much of an outside text a summary shows in one place. */
export const SUMMARY_EXCERPT = 500;

/**
 * Cuts text to at most `max` characters, ending with an ellipsis when cut. Never splits a
 * surrogate pair. The one truncation helper of the suite.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * A scrubbed, one-line, capped excerpt of outside text: secrets first, then whitespace folded,
 * then the cap. For error messages (the `::error::` command escapes it) and summaries (report.ts
 * escapes it for HTML); not for a bare log line, which takes `quote`.
 */
export function excerpt(text: string, secrets: Pick<SecretRegistry, 'scrub'>, max = LOG_EXCERPT): string {
  return truncate(secrets.scrub(text).replace(/\s+/g, ' ').trim(), max);
}

/**
 * Outside text as a quoted literal for one log line: scrubbed, capped and JSON-quoted, so a
 * newline inside it cannot start a line of its own (and the line starts with `"`, never `::`).
 * The older `##[command]` form works anywhere in a line, so its `#` is written `\u0023`: the
 * literal still decodes to the same text.
 */
export function quote(text: string, secrets: Pick<SecretRegistry, 'scrub'>, max = LOG_EXCERPT): string {
  return JSON.stringify(truncate(secrets.scrub(text), max)).replace(/##\[/g, '#\\u0023[');
}

/** Writes outside lines so the runner never executes them: the Runner (`untrusted`, `resumeCommands`). */
export interface UntrustedWriter {
  untrusted(line: string): void;
  resumeCommands(): void;
}

/** A plain line writer (scrubbing), for which the block's token is managed here. */
export interface LineWriter {
  info(message: string): void;
}

/**
 * Writes outside lines (build logs, tool output) inside a `stop-commands` block whose token is
 * random, so no line of the text can end the block or run a command; the runner resumes
 * processing at the token.
 */
export function untrustedBlock(writer: UntrustedWriter | LineWriter, lines: Iterable<string>): void {
  const stream = new UntrustedStream(writer);
  try {
    for (const line of lines) stream.line(line);
  } finally {
    stream.close();
  }
}

/**
 * A long-lived `stop-commands` block for streamed output (a child process, a log subscription):
 * `line()` for each line, `close()` after the last; lines written between are inert. Given the
 * Runner, the block is also closed around every command the action issues meanwhile (a warning,
 * an `add-mask`), which the runner would otherwise ignore, and reopened with a new token.
 */
export class UntrustedStream {
  private token: string | undefined;
  private readonly writer: UntrustedWriter | LineWriter;

  constructor(writer: UntrustedWriter | LineWriter) {
    this.writer = writer;
  }

  line(text: string): void {
    if ('untrusted' in this.writer) {
      this.writer.untrusted(text);
      return;
    }
    if (this.token === undefined) {
      this.token = randomUUID();
      this.writer.info(`::stop-commands::${this.token}`);
    }
    this.writer.info(text);
  }

  /** Resumes command processing; safe to call twice or with nothing written. */
  close(): void {
    if ('untrusted' in this.writer) {
      this.writer.resumeCommands();
      return;
    }
    if (this.token === undefined) return;
    this.writer.info(`::${this.token}::`);
    this.token = undefined;
  }
}
