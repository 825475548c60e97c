/** A Railway client pointed at a fresh emulator, for the client's tests. */
import { HttpClient } from '../../../packages/core/src/http.ts';
import { RailwayClient } from '../../../packages/railway/src/client.ts';
import type { RailwaySandbox } from '../../../packages/sandbox/src/railway/index.ts';

export function clientFor(
  rw: RailwaySandbox,
  token: { kind: 'project' | 'account'; token: string } = { kind: 'project', token: rw.projectToken },
): RailwayClient {
  const http = new HttpClient({ service: 'Railway API', retries: 2, backoffBase: 10, backoffCap: 50 });
  return new RailwayClient({ http, apiUrl: rw.url, credential: token });
}

export function httpFor(): HttpClient {
  return new HttpClient({ service: 'Railway API', retries: 2, backoffBase: 10, backoffCap: 50 });
}
