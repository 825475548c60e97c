/**
 * A workflow file read by GitHub's own parser: validated against GitHub's workflow schema, its
 * expressions parsed, `if:` conditions given their implicit `success() &&`. The converted model
 * leaves out what the runner needs of a step (`with`, `shell`, `working-directory`,
 * `timeout-minutes`) and the `workflow_call` outputs, so those are read from the parsed tokens
 * themselves, by job id and step position.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { WorkflowJob, WorkflowTemplate } from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { TemplateError } from './expressions.ts';
import { loadWorkflowParser } from './parser.ts';

export interface CallInput {
  type: 'string' | 'boolean' | 'number';
  required: boolean;
  default: TemplateToken | string | number | boolean | undefined;
}

export interface LoadedWorkflow {
  path: string;
  template: WorkflowTemplate;
  /** `on.workflow_call.inputs`, `.secrets` and `.outputs` (each output's `value` token). */
  inputs: Record<string, CallInput>;
  secrets: Record<string, { required: boolean }>;
  outputs: Record<string, TemplateToken>;
  /** The parsed step mappings, by job id, in order. */
  rawSteps(jobId: string): MappingToken[];
  job(jobId: string): WorkflowJob;
}

function mapping(token: TemplateToken | undefined, where: string): MappingToken | undefined {
  // `workflow_call:` with nothing under it is a null token: no inputs, secrets or outputs.
  if (token === undefined || token.templateTokenType === 7) return undefined;
  if (token.templateTokenType !== 2) throw new TemplateError(`${where} must be a mapping`);
  return token as MappingToken;
}

export async function loadWorkflow(path: string): Promise<LoadedWorkflow> {
  const parser = await loadWorkflowParser();
  const content = readFileSync(path, 'utf8');
  const parsed = parser.parseWorkflow({ name: basename(path), content }, new parser.NoOperationTraceWriter());
  const problems = parsed.context.errors.getErrors().map((e) => e.message);
  if (problems.length > 0 || !parsed.value) throw new TemplateError(`${path} does not parse:\n${problems.join('\n')}`);
  const template = await parser.convertWorkflowTemplate(parsed.context, parsed.value);
  if (template.errors?.length)
    throw new TemplateError(`${path} is not a valid workflow:\n${template.errors.map((e) => e.Message).join('\n')}`);

  const root = mapping(parsed.value, 'the workflow') as MappingToken;
  const on = root.find('on');
  const call =
    on && on.templateTokenType === 2 ? mapping((on as MappingToken).find('workflow_call'), 'on.workflow_call') : undefined;
  const outputs: Record<string, TemplateToken> = {};
  for (const pair of mapping(call?.find('outputs'), 'on.workflow_call.outputs') ?? []) {
    const value = mapping(pair.value, `output ${String(pair.key)}`)?.find('value');
    if (value) outputs[String(pair.key)] = value;
  }
  const inputs: Record<string, CallInput> = {};
  for (const [name, input] of Object.entries(template.events.workflow_call?.inputs ?? {}))
    inputs[name] = { type: input.type as CallInput['type'], required: input.required === true, default: input.default };
  const secrets: Record<string, { required: boolean }> = {};
  for (const [name, secret] of Object.entries(template.events.workflow_call?.secrets ?? {}))
    secrets[name] = { required: secret.required === true };

  const jobs = mapping(root.find('jobs'), 'jobs') as MappingToken;
  return {
    path,
    template,
    inputs,
    secrets,
    outputs,
    rawSteps(jobId) {
      const steps = mapping(jobs.find(jobId), `jobs.${jobId}`)?.find('steps');
      if (steps?.templateTokenType !== 1) return [];
      return [...(steps as unknown as Iterable<TemplateToken>)].map(
        (s, i) => mapping(s, `jobs.${jobId}.steps[${i}]`) as MappingToken,
      );
    },
    job(jobId) {
      const job = template.jobs.find((j) => j.id.value === jobId);
      if (!job) throw new TemplateError(`${path} has no job '${jobId}'`);
      return job;
    },
  };
}
