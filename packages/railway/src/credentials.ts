/**
 * Which Railway credential a step uses, and what it can reach. A project token (the
 * `Project-Access-Token` header) belongs to one project and one environment; an account or
 * workspace token (`Authorization: Bearer`) reaches every project of its owner. The `token`
 * input can hold either: the `projectToken` query tells them apart. Without the input, the
 * variables the CLI reads are used: `RAILWAY_TOKEN` (project) or `RAILWAY_API_TOKEN` (account);
 * both at once is refused, rather than silently preferring one as the CLI does.
 */
import { UserError } from '@deploy-suite/core/errors';
import type { HttpClient } from '@deploy-suite/core/http';
import type { SecretRegistry } from '@deploy-suite/core/secrets';
import { type Credential, RailwayClient, RailwayTokenError } from './client.ts';

export interface TokenChoice {
  token: string;
  /** 'detect': the `token` input, whose kind the API tells. */
  kind: Credential['kind'] | 'detect';
  source: string;
}

export function chooseToken(input: string | undefined, env: NodeJS.ProcessEnv): TokenChoice {
  const project = env.RAILWAY_TOKEN?.trim();
  const account = env.RAILWAY_API_TOKEN?.trim();
  if (project && account) {
    throw new UserError(
      'Both RAILWAY_TOKEN (a project token) and RAILWAY_API_TOKEN (an account token) are set; Railway would use one and ignore the other.',
      {
        hint: 'Keep one: a project token for one environment, or an account or workspace token with project-id.',
      },
    );
  }
  if (input) return { token: input, kind: 'detect', source: "input 'token'" };
  if (project) return { token: project, kind: 'project', source: 'RAILWAY_TOKEN' };
  if (account) return { token: account, kind: 'account', source: 'RAILWAY_API_TOKEN' };
  throw new UserError("No Railway token: set the 'token' input (a project, account or workspace token).", {
    hint: 'Pass it from a secret: token: ${{ secrets.RAILWAY_TOKEN }}',
  });
}

export type Session =
  | { kind: 'project'; projectId: string; environmentId: string; projectName: string; environmentName: string }
  | { kind: 'account' };

/**
 * A client with the right credential, and what the token is scoped to. A project token is
 * confirmed by the API (one request); a token given to `token` that is not a project token is
 * taken as an account or workspace token, which the first project read then confirms.
 */
export async function connect(init: {
  http: HttpClient;
  apiUrl?: string;
  choice: TokenChoice;
  secrets?: Pick<SecretRegistry, 'scrub'>;
}): Promise<{ client: RailwayClient; session: Session }> {
  const base = { http: init.http, secrets: init.secrets, ...(init.apiUrl ? { apiUrl: init.apiUrl } : {}) };
  const { token, kind } = init.choice;
  if (kind === 'account') return { client: new RailwayClient({ ...base, credential: { kind, token } }), session: { kind } };
  const asProject = new RailwayClient({ ...base, credential: { kind: 'project', token } });
  try {
    const scope = await asProject.projectToken();
    return { client: asProject, session: { kind: 'project', ...scope } };
  } catch (error) {
    if (!(error instanceof RailwayTokenError) || kind === 'project') throw error;
    const asAccount = asProject.withCredential({ kind: 'account', token });
    asAccount.requests = asProject.requests;
    return { client: asAccount, session: { kind: 'account' } };
  }
}
