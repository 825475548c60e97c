/** What the suite reads of Vercel's deployments and projects (a small, typed view of the JSON). */

export type ReadyState = 'QUEUED' | 'INITIALIZING' | 'BUILDING' | 'READY' | 'ERROR' | 'CANCELED' | 'DELETED';

export const TERMINAL_STATES: ReadonlySet<string> = new Set(['READY', 'ERROR', 'CANCELED', 'DELETED']);

export interface VercelDeployment {
  id: string;
  /** The deployment's own host, without a scheme (`web-abc123.vercel.app`). */
  url: string;
  name: string;
  projectId: string | undefined;
  readyState: ReadyState;
  target: 'production' | 'staging' | null;
  createdAt: number;
  inspectorUrl: string | undefined;
  alias: string[];
  aliasAssigned: boolean;
  aliasError: { code?: string; message?: string } | null;
  errorCode: string | undefined;
  errorMessage: string | undefined;
  meta: Record<string, string>;
}

export interface VercelProject {
  id: string;
  name: string;
  accountId: string;
  /** The deployment the production domains point at, when there is one. */
  productionDeploymentId: string | undefined;
  lastAliasRequest:
    | { fromDeploymentId: string; toDeploymentId: string; jobStatus: string; type: 'promote' | 'rollback' }
    | undefined;
}

export interface EnvVariable {
  id: string;
  key: string;
  type: string;
  target: string[];
}

/** The deployment as our wrapper reports it when a deploy ends. */
export interface DeployResult {
  deployment: VercelDeployment;
  /** Files in the tree (after .vercelignore), and those the API asked for. */
  files: number;
  totalBytes: number;
  uploadedFiles: number;
  uploadedBytes: number;
  /** How many times createDeployment ran (more than one after a rate-limited upload). */
  attempts: number;
}
