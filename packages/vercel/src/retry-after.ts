/**
 * @vercel/client sends with the global fetch and takes no fetch of ours, only an undici
 * `dispatcher` (its option for proxies). Its file upload gives up on a 429 or a 5xx without
 * saying which or for how long, so this dispatcher wraps the global one and notes every
 * retryable answer (408, 429, 5xx) and its `Retry-After`; the deploy wrapper then knows the
 * failure was transient and waits that long before it tries again.
 */

type Handler = Record<string, unknown> & {
  onHeaders?: (status: number, raw: Array<Buffer | string>, resume: () => void, text: string) => boolean;
  onResponseStart?: (controller: unknown, status: number, headers: Record<string, string | string[]>, text: string) => void;
};

interface Dispatcher {
  dispatch(options: unknown, handler: Handler): boolean;
}

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

export class RetryAfterObserver {
  /** The last `Retry-After` seen on a retryable answer, in ms; cleared by `take()`. */
  private lastMs: number | undefined;
  /** The last retryable status seen; cleared by `take()`. */
  private lastStatus: number | undefined;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** The last retryable answer since the previous call, and the wait it asked for. */
  take(): { status: number | undefined; retryAfterMs: number | undefined } {
    const taken = { status: this.lastStatus, retryAfterMs: this.lastMs };
    this.lastMs = undefined;
    this.lastStatus = undefined;
    return taken;
  }

  note(status: number, value: string | undefined): void {
    if (status !== 408 && status !== 429 && status < 500) return;
    this.lastStatus = status;
    if (!value) return;
    const trimmed = value.trim();
    const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - this.now();
    if (!Number.isNaN(ms)) this.lastMs = Math.max(this.lastMs ?? 0, Math.max(0, ms));
  }

  /**
   * A dispatcher over Node's own (set up by a first fetch of a data: URL, which touches no
   * network), or undefined when this Node has none to wrap: then the wrapper falls back to backoff.
   */
  async dispatcher(): Promise<Dispatcher | undefined> {
    await fetch('data:,');
    const inner = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER] as Dispatcher | undefined;
    if (!inner || typeof inner.dispatch !== 'function') return undefined;
    return {
      dispatch: (options, handler) => {
        const observed: Handler = Object.create(handler) as Handler;
        if (typeof handler.onHeaders === 'function') {
          const onHeaders = handler.onHeaders.bind(handler);
          observed.onHeaders = (status, raw, resume, text) => {
            let retryAfter: string | undefined;
            for (let i = 0; i + 1 < raw.length; i += 2) {
              if (String(raw[i]).toLowerCase() === 'retry-after') retryAfter = String(raw[i + 1]);
            }
            this.note(status, retryAfter);
            return onHeaders(status, raw, resume, text);
          };
        }
        if (typeof handler.onResponseStart === 'function') {
          const onResponseStart = handler.onResponseStart.bind(handler);
          observed.onResponseStart = (controller, status, headers, text) => {
            const value = headers['retry-after'];
            this.note(status, Array.isArray(value) ? value[0] : value);
            onResponseStart(controller, status, headers, text);
          };
        }
        return inner.dispatch(options, observed);
      },
    };
  }
}
