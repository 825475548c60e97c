/**
 * Outgoing proxies, as runners behind one configure them: `HTTPS_PROXY`, `HTTP_PROXY` and
 * `NO_PROXY` (lower-case too). Node's fetch ignores them, so the client passes undici's
 * `EnvHttpProxyAgent` as fetch's `dispatcher`. undici is loaded only when a proxy variable is set:
 * most runners have none, and loading it costs every step's cold start.
 */

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;

/** A fetch `dispatcher`, as Node's fetch types declare it. */
export type Dispatcher = NonNullable<RequestInit['dispatcher']>;

export interface ProxySettings {
  httpProxy: string | undefined;
  httpsProxy: string | undefined;
  noProxy: string | undefined;
}

/** The proxy settings of an environment; undefined when no proxy is set. */
export function proxySettings(env: NodeJS.ProcessEnv): ProxySettings | undefined {
  if (!PROXY_VARIABLES.some((name) => (env[name] ?? '').trim() !== '')) return undefined;
  const pick = (upper: string, lower: string): string | undefined =>
    (env[lower] ?? '').trim() || (env[upper] ?? '').trim() || undefined;
  const httpProxy = pick('HTTP_PROXY', 'http_proxy');
  return {
    httpProxy,
    // As curl and undici: HTTPS_PROXY for https URLs, falling back to HTTP_PROXY.
    httpsProxy: pick('HTTPS_PROXY', 'https_proxy') ?? httpProxy,
    noProxy: pick('NO_PROXY', 'no_proxy'),
  };
}

/** The dispatcher for an environment's proxy, or undefined (and nothing loaded) when none is set. */
export async function proxyDispatcher(env: NodeJS.ProcessEnv): Promise<Dispatcher | undefined> {
  const settings = proxySettings(env);
  if (!settings) return undefined;
  const { EnvHttpProxyAgent } = await import('undici');
  // npm undici's agent and Node's bundled fetch share undici's dispatcher interface.
  return new EnvHttpProxyAgent({
    ...(settings.httpProxy ? { httpProxy: settings.httpProxy } : {}),
    ...(settings.httpsProxy ? { httpsProxy: settings.httpsProxy } : {}),
    ...(settings.noProxy ? { noProxy: settings.noProxy } : {}),
  }) as unknown as Dispatcher;
}
