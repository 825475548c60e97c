/**
 * Every GraphQL document the client sends, in one module: the contract test validates each
 * exported document against Railway's real schema, so a field Railway renamed fails CI rather
 * than a deploy. No other file of this package holds a document.
 */

const LOG_FIELDS = `fragment LogFields on Log {
  timestamp
  message
  severity
}`;

const DEPLOYMENT_FIELDS = `fragment DeploymentFields on Deployment {
  id
  status
  createdAt
  updatedAt
  serviceId
  environmentId
  projectId
  staticUrl
  url
  canRollback
  deploymentStopped
  meta
}`;

export const PROJECT_TOKEN = `query ProjectToken {
  projectToken {
    projectId
    environmentId
    project { id name }
    environment { id name }
  }
}`;

export const PROJECT = `query Project($id: String!) {
  project(id: $id) {
    id
    name
    environments { edges { node { id name } } }
    services { edges { node { id name } } }
  }
}`;

export const DEPLOYMENTS = `query Deployments($input: DeploymentListInput!, $first: Int) {
  deployments(input: $input, first: $first) {
    edges { node { ...DeploymentFields } }
  }
}
${DEPLOYMENT_FIELDS}`;

export const DEPLOYMENT = `query Deployment($id: String!) {
  deployment(id: $id) { ...DeploymentFields }
}
${DEPLOYMENT_FIELDS}`;

export const DEPLOYMENT_LOGS_SNAPSHOT = `query DeploymentLogsSnapshot($deploymentId: String!, $limit: Int) {
  buildLogs(deploymentId: $deploymentId, limit: $limit) { ...LogFields }
  deploymentLogs(deploymentId: $deploymentId, limit: $limit) { ...LogFields }
}
${LOG_FIELDS}`;

export const DOMAINS = `query Domains($projectId: String!, $environmentId: String!, $serviceId: String!) {
  domains(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId) {
    serviceDomains { domain }
    customDomains { domain }
  }
}`;

export const VARIABLES = `query Variables($projectId: String!, $environmentId: String!, $serviceId: String) {
  variables(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId)
}`;

export const SERVICE_INSTANCE_DEPLOY = `mutation ServiceInstanceDeploy($environmentId: String!, $serviceId: String!, $commitSha: String) {
  serviceInstanceDeployV2(environmentId: $environmentId, serviceId: $serviceId, commitSha: $commitSha)
}`;

export const DEPLOYMENT_REDEPLOY = `mutation DeploymentRedeploy($id: String!) {
  deploymentRedeploy(id: $id) { id status }
}`;

export const DEPLOYMENT_ROLLBACK = `mutation DeploymentRollback($id: String!) {
  deploymentRollback(id: $id)
}`;

export const DEPLOYMENT_CANCEL = `mutation DeploymentCancel($id: String!) {
  deploymentCancel(id: $id)
}`;

export const DEPLOYMENT_RESTART = `mutation DeploymentRestart($id: String!) {
  deploymentRestart(id: $id)
}`;

export const VARIABLE_COLLECTION_UPSERT = `mutation VariableCollectionUpsert($input: VariableCollectionUpsertInput!) {
  variableCollectionUpsert(input: $input)
}`;

export const SERVICE_INSTANCE_UPDATE = `mutation ServiceInstanceUpdate($serviceId: String!, $environmentId: String, $input: ServiceInstanceUpdateInput!) {
  serviceInstanceUpdate(serviceId: $serviceId, environmentId: $environmentId, input: $input)
}`;

export const DEPLOYMENT_SUBSCRIPTION = `subscription DeploymentStatus($id: String!) {
  deployment(id: $id) { id status deploymentStopped }
}`;

export const BUILD_LOGS_SUBSCRIPTION = `subscription BuildLogs($deploymentId: String!, $limit: Int) {
  buildLogs(deploymentId: $deploymentId, limit: $limit) { ...LogFields }
}
${LOG_FIELDS}`;

export const DEPLOYMENT_LOGS_SUBSCRIPTION = `subscription DeploymentLogs($deploymentId: String!, $limit: Int) {
  deploymentLogs(deploymentId: $deploymentId, limit: $limit) { ...LogFields }
}
${LOG_FIELDS}`;
