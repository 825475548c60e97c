/**
 * Railway's subscriptions (`wss://…/graphql/v2`, `graphql-transport-ws`) through graphql-ws,
 * over Node 24's built-in WebSocket: no `ws` package at run time. The credential rides on the
 * upgrade request's headers, as the CLI sends it (undici's WebSocket takes `headers`). A dropped
 * socket is reconnected a few times, resubscribing; when that fails, the subscriptions end with
 * an error and the waiting side polls instead. graphql-ws loads only when a wait begins.
 */
import type { Client } from 'graphql-ws';
import type { RailwayClient } from './client.ts';

export type SocketState = 'connecting' | 'open' | 'closed' | 'failed';

export interface SubscriptionHandlers<T> {
  next(data: T): void;
  /** The subscription can no longer deliver (reconnects used up, or refused). */
  error(reason: string): void;
}

export interface SubscriptionsOptions {
  retryAttempts?: number;
  /** The pause before reconnect number `n` (from 0), in ms. */
  retryDelay?: (attempt: number) => number;
  onState?: (state: SocketState, detail?: string) => void;
}

/** Node's WebSocket with extra headers on the upgrade request (undici's `headers` option). */
function headerWebSocket(headers: Record<string, string>): unknown {
  const Base = globalThis.WebSocket;
  if (typeof Base !== 'function') return undefined;
  return class extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, { protocols, headers } as unknown as string[]);
    }
  };
}

export class Subscriptions {
  state: SocketState = 'connecting';
  /** Sockets opened (the first, then each reconnect). */
  connections = 0;
  private readonly client: Client;

  private constructor(client: Client) {
    this.client = client;
  }

  static async open(railway: RailwayClient, options: SubscriptionsOptions = {}): Promise<Subscriptions | undefined> {
    const webSocketImpl = headerWebSocket(railway.authHeaders());
    if (webSocketImpl === undefined) return undefined;
    const { createClient } = await import('graphql-ws');
    const retryDelay = options.retryDelay ?? ((attempt: number) => Math.min(1000 * 2 ** attempt, 8000));
    let self: Subscriptions | undefined;
    const setState = (state: SocketState, detail?: string): void => {
      if (!self || self.state === 'failed') return;
      self.state = state;
      options.onState?.(state, detail);
    };
    const client = createClient({
      url: railway.subscriptionUrl,
      webSocketImpl,
      lazy: true,
      retryAttempts: options.retryAttempts ?? 3,
      shouldRetry: () => true,
      retryWait: (attempt) => new Promise((resolve) => setTimeout(resolve, retryDelay(attempt))),
      keepAlive: 15_000,
      on: {
        connecting: () => setState('connecting'),
        connected: () => {
          if (self) self.connections++;
          setState('open');
        },
        closed: (event) => setState('closed', describeClose(event)),
      },
    });
    self = new Subscriptions(client);
    return self;
  }

  subscribe<T>(query: string, variables: Record<string, unknown>, handlers: SubscriptionHandlers<T>): () => void {
    // graphql-ws completes a sink when its own side unsubscribes: that is not a lost socket.
    let stopped = false;
    const stop = this.client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (stopped) return;
          if (result.errors?.length) {
            handlers.error(result.errors.map((e) => e.message).join('; '));
            return;
          }
          if (result.data) handlers.next(result.data as T);
        },
        error: (error) => {
          if (stopped) return;
          this.state = 'failed';
          handlers.error(describeClose(error));
        },
        complete: () => {
          if (!stopped) handlers.error('the server ended the subscription');
        },
      },
    );
    return () => {
      stopped = true;
      stop();
    };
  }

  async dispose(): Promise<void> {
    this.state = 'failed';
    await this.client.dispose();
  }
}

function describeClose(event: unknown): string {
  if (event && typeof event === 'object') {
    const e = event as { code?: number; reason?: string; message?: string };
    if (typeof e.code === 'number') return `socket closed (${e.code}${e.reason ? ` ${e.reason}` : ''})`;
    if (Array.isArray(event)) return event.map((x: { message?: string }) => x.message ?? String(x)).join('; ');
    if (typeof e.message === 'string' && e.message) return e.message;
  }
  return 'socket error';
}
