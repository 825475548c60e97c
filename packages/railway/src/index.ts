/** The Railway client: what actions import. Heavy modules (tar, ignore, graphql-ws) load on first use. */
export {
  type Credential,
  DEFAULT_API_URL,
  type DeploymentInfo,
  type LogLine,
  type ProjectInfo,
  RailwayApiError,
  RailwayClient,
  RailwayTokenError,
  type UpResult,
} from './client.ts';
export { chooseToken, connect, type Session, type TokenChoice } from './credentials.ts';
export { findNamed } from './lookup.ts';
export { classifyStatus, isFinal, urlOfDomain, type Verdict } from './status.ts';
export { Subscriptions } from './subscriptions.ts';
export { packTree, type Tarball } from './tarball.ts';
export { listUploadTree, type TreeEntry } from './tree.ts';
export { readServiceVariables, readServiceVariablesWithToken, type ServiceVariables } from './variables.ts';
export { type LogKind, type WatchOptions, type WatchResult, watchDeployment } from './wait.ts';
