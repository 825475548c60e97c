/**
 * Faults a test can inject into any emulator: each one is consumed by the next matching
 * requests (`count`, default 1), so a test says "two 503s, then the real answer".
 */
export type FaultKind = '5xx' | '429' | 'hang' | 'reset' | 'malformed' | '401';

export const FAULT_KINDS: readonly FaultKind[] = ['5xx', '429', 'hang', 'reset', 'malformed', '401'];

export interface Fault {
  kind: FaultKind;
  /** How many matching requests it hits; default 1. */
  count?: number;
  /** Only requests whose path starts with this; default every path. */
  path?: string;
  method?: string;
  /** For 5xx: which status; default 503. */
  status?: number;
  /** For 429: the `Retry-After` seconds; default 1. */
  retryAfter?: number;
  /** For hang: how long before the socket is dropped; default 120 s (bounded, never forever). */
  hangMs?: number;
}

export function parseFault(body: unknown): Fault {
  const f = body as Partial<Fault> | null;
  if (!f || typeof f !== 'object' || !FAULT_KINDS.includes(f.kind as FaultKind)) {
    throw new Error(`a fault needs "kind": one of ${FAULT_KINDS.join(', ')}`);
  }
  const count = f.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new Error('"count" is a whole number from 1 to 10000');
  return { ...f, kind: f.kind as FaultKind, count };
}

export class FaultQueue {
  private faults: Array<Fault & { left: number }> = [];
  /** Faults served so far, for tests to check what a client went through. */
  served: Array<{ kind: FaultKind; method: string; path: string }> = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.count ?? 1 });
  }

  clear(): void {
    this.faults = [];
    this.served = [];
  }

  pending(): Fault[] {
    return this.faults.map(({ left, ...f }) => ({ ...f, count: left }));
  }

  /** The fault this request meets, if any; consumes one of its uses. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) => (f.path === undefined || path.startsWith(f.path)) && (f.method === undefined || f.method.toUpperCase() === method),
    );
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) this.faults = this.faults.filter((f) => f !== fault);
    this.served.push({ kind: fault.kind, method, path });
    return fault;
  }
}
