/**
 * Build and deploy logs in the step log. They are the build's output, so outside text: each
 * line goes inside a `stop-commands` block (no line can run a workflow command) and through the
 * runner's scrubber. With one service the lines stream live inside its group; with several,
 * groups cannot interleave, so each service's lines are kept (prefixed with its name) and shown
 * in its own group when it finishes, while status changes show live.
 */
import type { Runner } from '@deploy-suite/core/runner';
import { UntrustedStream } from '@deploy-suite/core/untrusted';
import type { LogLine } from '@deploy-suite/railway/client';
import type { LogKind } from '@deploy-suite/railway/wait';

/** What the error and the summary quote of a failed deployment. */
export const TAIL_LINES = 30;

export class ServiceLog {
  readonly service: string;
  readonly lines: Array<{ kind: LogKind; text: string }> = [];
  private readonly runner: Runner;
  private readonly live: boolean;
  private readonly show: boolean;
  private readonly prefix: string;
  private stream: UntrustedStream | undefined;
  private lastKind: LogKind | undefined;

  constructor(init: { runner: Runner; service: string; live: boolean; show: boolean; several: boolean }) {
    this.runner = init.runner;
    this.service = init.service;
    this.live = init.live;
    this.show = init.show;
    this.prefix = init.several ? `[${init.service}] ` : '';
  }

  /** Opens the live group (one service). */
  start(): void {
    if (this.live) this.runner.startGroup(`Logs of ${this.service}`);
  }

  add(kind: LogKind, line: LogLine): void {
    const text = line.message.replace(/\r?\n$/, '');
    this.lines.push({ kind, text });
    if (!this.live || !this.show) return;
    this.write(kind, text);
  }

  private write(kind: LogKind, text: string): void {
    this.stream ??= new UntrustedStream(this.runner);
    if (kind !== this.lastKind) {
      this.stream.line(`${this.prefix}--- ${kind === 'build' ? 'build' : 'deploy'} logs ---`);
      this.lastKind = kind;
    }
    this.stream.line(`${this.prefix}${text}`);
  }

  /** Closes the live group, or shows the kept lines in a group of their own. */
  finish(): void {
    if (!this.live) {
      if (!this.show || this.lines.length === 0) return;
      this.runner.startGroup(`Logs of ${this.service}`);
      for (const { kind, text } of [
        ...this.lines.filter((l) => l.kind === 'build'),
        ...this.lines.filter((l) => l.kind === 'deploy'),
      ])
        this.write(kind, text);
    }
    this.stream?.close();
    this.stream = undefined;
    if (this.live || (this.show && this.lines.length > 0)) this.runner.endGroup();
  }

  /** The last lines, build and deploy, for an error or the summary. */
  tail(count = TAIL_LINES): string[] {
    return this.lines.slice(-count).map((l) => l.text);
  }
}
