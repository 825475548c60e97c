/** One service's rollback as the outputs, the summary and the error report it. */
export interface ServiceRollback {
  service: string;
  serviceId: string;
  /** The deployment live before. */
  from: string | undefined;
  /** The deployment restored. */
  to: string;
  /** Railway: the deployment the rollback created; Vercel: the target itself. */
  deploymentId: string | undefined;
  /** The provider's status of the restored release: SUCCESS, READY, CRASHED, TIMEOUT, REQUESTED… */
  status: string;
  /** The live release was checked to be the target. */
  verified: boolean;
  url: string | undefined;
  /** Why it failed, in our words (outside text already excerpted). */
  failure: string | undefined;
  /** The last log lines of a failed deployment, excerpted. */
  tail: string[];
  durationMs: number;
}

/** Provider statuses are enums; anything else from the wire is shown as UNKNOWN. */
export function safeStatus(status: string): string {
  return /^[A-Z_]{1,32}$/.test(status) ? status : 'UNKNOWN';
}
