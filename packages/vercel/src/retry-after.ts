/**
 * @vercel/client sends with the global fetch and takes no fetch of ours, only an undici
 * `dispatcher` (its option for proxies). Its file upload gives up on a 429 without telling why
 * or for how long, so this dispatcher wraps the global one and notes the `Retry-After` of any
 * 429 or 503 answer; the deploy wrapper waits that long before it tries again.
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
  /** The last `Retry-After` seen on a 429 or 503, in ms; cleared by `take()`. */
  private lastMs: number | undefined;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** The wait the last throttled answer asked for, once. */
  take(): number | undefined {
    const ms = this.lastMs;
    this.lastMs = undefined;
    return ms;
  }

  note(status: number, value: string | undefined): void {
    if ((status !== 429 && status !== 503) || !value) return;
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
            for (let i = 0; i + 1 < raw.length; i += 2) {
              if (String(raw[i]).toLowerCase() === 'retry-after') this.note(status, String(raw[i + 1]));
            }
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
