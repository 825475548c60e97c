/**
 * A restored deployment's build and deploy logs in the step log. They are outside text: each
 * line goes inside a `stop-commands` block and through the runner's scrubber. With one service
 * the lines stream live; with several, groups cannot interleave, so each service's lines are
 * kept (prefixed with its name) and shown in a group of their own when it finishes.
 */
import type { Runner } from '@deploy-suite/core/runner';
import { UntrustedStream } from '@deploy-suite/core/untrusted';

/** How many of a failed deployment's last lines the error and the summary quote. */
export const TAIL_LINES = 30;

export class ServiceLog {
  private readonly lines: string[] = [];
  private readonly runner: Runner;
  private readonly service: string;
  private readonly live: boolean;
  private stream: UntrustedStream | undefined;

  constructor(runner: Runner, service: string, live: boolean) {
    this.runner = runner;
    this.service = service;
    this.live = live;
  }

  add(kind: 'build' | 'deploy', message: string): void {
    const text = `${kind === 'build' ? '[build] ' : '[deploy] '}${message.replace(/\r?\n$/, '')}`;
    this.lines.push(text);
    if (!this.live) return;
    this.stream ??= new UntrustedStream(this.runner);
    this.stream.line(text);
  }

  /** Ends the live block (lines written after it would be outside it). */
  finish(): void {
    this.stream?.close();
    this.stream = undefined;
  }

  /** With several services: the kept lines, in a group of their own (outside any other group). */
  showKept(): void {
    if (this.live || this.lines.length === 0) return;
    this.runner.startGroup(`Logs of ${this.service}`);
    const stream = new UntrustedStream(this.runner);
    for (const line of this.lines) stream.line(`[${this.service}] ${line}`);
    stream.close();
    this.runner.endGroup();
  }

  tail(count = TAIL_LINES): string[] {
    return this.lines.slice(-count);
  }
}
