/**
 * A workflow token without the permission a call needs gets 403 "Resource not accessible by
 * integration". That is a fix in the workflow file, not a failed deploy: it becomes a warning
 * that names the exact `permissions:` line to add, and the deploy goes on.
 */

/** The `permissions:` scope each kind of call needs. */
export type Permission = 'deployments: write' | 'pull-requests: write';

export const NOT_ACCESSIBLE = 'Resource not accessible by integration';

interface RequestErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { data?: unknown };
}

/** GitHub's 403 for a token that lacks a permission (not a rate limit, not a blocked user). */
export function isMissingPermission(error: unknown): boolean {
  const e = error as RequestErrorLike | null;
  if (!e || typeof e !== 'object' || e.status !== 403) return false;
  const data = e.response?.data as { message?: unknown } | undefined;
  const message = typeof data?.message === 'string' ? data.message : String(e.message ?? '');
  return message.includes(NOT_ACCESSIBLE);
}

/** The warning for a call skipped for want of `permission`. */
export function missingPermissionWarning(what: string, permission: Permission): string {
  const [scope] = permission.split(':');
  return [
    `Skipped: ${what}. GitHub answered 403 "${NOT_ACCESSIBLE}": the workflow's token lacks \`${permission}\`.`,
    `Add it to the job's permissions:  permissions: { ${scope}: write }  (with the other scopes the job needs, e.g. contents: read).`,
    'On a pull request from a fork the token is read-only whatever the workflow asks. The deploy itself is not affected.',
  ].join(' ');
}
