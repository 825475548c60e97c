/**
 * The GitHub client speaks GitHub's REST API as Octokit knows it, and the emulator answers it:
 * - every request packages/github sends (recorded on the wire while each of its calls runs) is
 *   a route in Octokit's endpoint list, with the same method, and only parameters that route
 *   declares in GitHub's OpenAPI description (@octokit/types; tsc holds the tables below to it);
 * - every Octokit method the client's source calls is among the requests recorded, so nothing
 *   it can send goes unchecked;
 * - the emulator answers each of those routes with success, and every route it emulates is one
 *   Octokit knows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import type { Endpoints } from '@octokit/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../packages/core/src/http.ts';
import { connectGitHub } from '../../packages/github/src/client.ts';
import { ROOT } from '../../packages/harness/src/run-bundle.ts';
import { EMULATED_ROUTES, type GitHubEmulator, startGitHubEmulator } from '../../packages/sandbox/src/github/emulator.ts';
import type { SandboxServer } from '../../packages/sandbox/src/server.ts';

type Route = keyof Endpoints;
type NotParameters = 'headers' | 'request' | 'baseUrl' | 'mediaType' | 'method' | 'url';
type ParametersOf<R extends Route> = Exclude<keyof Endpoints[R]['parameters'], NotParameters>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Each route's parameters, written out so the test can read them; `Same` fails tsc when they drift from Octokit's. */
function declared<R extends Route>() {
  return <const P extends readonly ParametersOf<R>[]>(names: P, exact: Same<P[number], ParametersOf<R>>) => {
    expect(exact).toBe(true);
    return names as readonly string[];
  };
}

const PARAMETERS: Partial<Record<Route, readonly string[]>> = {
  'POST /repos/{owner}/{repo}/deployments': declared<'POST /repos/{owner}/{repo}/deployments'>()(
    [
      'owner',
      'repo',
      'ref',
      'task',
      'auto_merge',
      'required_contexts',
      'payload',
      'environment',
      'description',
      'transient_environment',
      'production_environment',
    ],
    true,
  ),
  'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses':
    declared<'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses'>()(
      [
        'owner',
        'repo',
        'deployment_id',
        'state',
        'target_url',
        'log_url',
        'description',
        'environment',
        'environment_url',
        'auto_inactive',
      ],
      true,
    ),
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments':
    declared<'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'>()(
      ['owner', 'repo', 'issue_number', 'since', 'per_page', 'page'],
      true,
    ),
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments':
    declared<'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'>()(['owner', 'repo', 'issue_number', 'body'], true),
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}':
    declared<'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'>()(['owner', 'repo', 'comment_id', 'body'], true),
};

interface Sent {
  method: string;
  path: string;
  query: string[];
  body: string[];
}

/** Octokit's own list of routes: every method of `octokit.rest`, as `METHOD /template`. */
function octokitRoutes(): Map<string, string> {
  const octokit = getOctokit('unused');
  const routes = new Map<string, string>();
  for (const [scope, methods] of Object.entries(octokit.rest)) {
    for (const [name, fn] of Object.entries(
      methods as Record<string, { endpoint?: { DEFAULTS: { method: string; url: string } } }>,
    )) {
      const defaults = fn.endpoint?.DEFAULTS;
      if (defaults) routes.set(`${scope}.${name}`, `${defaults.method} ${defaults.url}`);
    }
  }
  return routes;
}

/** The route a request went to: the matching template with the most literal path segments. */
function routeOf(known: Iterable<string>, method: string, path: string): { route: string; pathParameters: string[] } | undefined {
  const candidates = [];
  for (const route of known) {
    const [m, template = ''] = route.split(' ');
    if (m !== method) continue;
    const names: string[] = [];
    const source = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '[^/]+';
    });
    if (new RegExp(`^${source}$`).test(path)) candidates.push({ route, pathParameters: names });
  }
  return candidates.sort((a, b) => a.pathParameters.length - b.pathParameters.length)[0];
}

describe("the GitHub client and emulator against Octokit's routes", () => {
  let gh: SandboxServer<GitHubEmulator>;
  const sent: Sent[] = [];
  const known = octokitRoutes();
  const knownRoutes = new Set(known.values());

  beforeAll(async () => {
    gh = await startGitHubEmulator();
    const http = new HttpClient({ service: 'GitHub' });
    const github = await connectGitHub({
      token: gh.emulator.token,
      repository: 'acme/shop',
      apiUrl: gh.url,
      http: {
        fetch: async (input, init) => {
          const url = new URL(String(input));
          const body = typeof init?.body === 'string' ? Object.keys(JSON.parse(init.body) as object) : [];
          sent.push({ method: init?.method ?? 'GET', path: url.pathname, query: [...url.searchParams.keys()], body });
          return http.fetch(input, init);
        },
      },
      logger: { warning: (m) => expect.fail(m), debug: () => {} },
    });
    // Every call with every option, and a comment search long enough to follow a Link header.
    const deployment = await github.createDeployment({
      ref: 'main',
      environment: 'preview',
      description: 'Preview of #12',
      transient: true,
      production: false,
      payload: { provider: 'vercel' },
    });
    await github.setDeploymentStatus(deployment?.id ?? 0, {
      state: 'success',
      environmentUrl: 'https://preview.example.com',
      logUrl: 'https://github.com/acme/shop/actions/runs/1',
      description: 'Ready',
      autoInactive: false,
    });
    gh.emulator.control('comments', { repository: 'acme/shop', issue: 12, count: 120 });
    await github.upsertComment({ issueNumber: 12, key: 'web', body: 'first' });
    await github.upsertComment({ issueNumber: 12, key: 'web', body: 'second' });
  });
  afterAll(async () => gh?.close());

  it('sends only routes Octokit knows, with their method and declared parameters', () => {
    expect(sent.length).toBeGreaterThanOrEqual(6);
    for (const request of sent) {
      const match = routeOf(knownRoutes, request.method, request.path);
      expect(match, `${request.method} ${request.path}`).toBeDefined();
      const route = match?.route as Route;
      const parameters = PARAMETERS[route];
      expect(parameters, `no parameter table for ${route}`).toBeDefined();
      for (const name of [...(match?.pathParameters ?? []), ...request.query, ...request.body])
        expect(parameters, `${route} has no parameter '${name}'`).toContain(name);
    }
  });

  it("exercises every Octokit method the client's source calls", () => {
    const source = readFileSync(join(ROOT, 'packages/github/src/client.ts'), 'utf8');
    const called = [...source.matchAll(/octokit\.rest\.(\w+)\.(\w+)/g)].map(([, scope, name]) => `${scope}.${name}`);
    expect(called.length).toBeGreaterThanOrEqual(4);
    const reached = new Set(sent.map((r) => routeOf(knownRoutes, r.method, r.path)?.route));
    for (const method of new Set(called)) {
      const route = known.get(method);
      expect(route, `${method} is not an Octokit method`).toBeDefined();
      expect(reached.has(route), `${method} (${route}) was never sent`).toBe(true);
    }
  });

  it('the emulator answers each of those routes with success', () => {
    const answered = gh.emulator.requests;
    expect(answered).toHaveLength(sent.length);
    for (const request of answered) {
      expect(request.status, `${request.method} ${request.path}`).toBeGreaterThanOrEqual(200);
      expect(request.status, `${request.method} ${request.path}`).toBeLessThan(300);
    }
    const emulated = new Set<string>(Object.values(EMULATED_ROUTES));
    for (const request of sent) expect(emulated).toContain(routeOf(knownRoutes, request.method, request.path)?.route);
  });

  it('emulates only routes Octokit knows', () => {
    for (const route of Object.values(EMULATED_ROUTES)) expect(knownRoutes, route).toContain(route);
  });
});
