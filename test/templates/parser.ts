/**
 * GitHub's own workflow parser, loaded so Node can run it. The package imports its JSON schema
 * without the `type: 'json'` import attribute that Node's ESM loader insists on (bundlers do not),
 * so a resolve hook adds the attribute for that package's JSON files and nothing else.
 */
import { registerHooks } from 'node:module';

let registered = false;

function allowSchemaImports(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, next) {
      const resolved = next(specifier, context);
      if (resolved.url.includes('/@actions/workflow-parser/') && resolved.url.endsWith('.json'))
        return { ...resolved, importAttributes: { ...context.importAttributes, type: 'json' } };
      return resolved;
    },
  });
}

export type WorkflowParser = typeof import('@actions/workflow-parser');

export async function loadWorkflowParser(): Promise<WorkflowParser> {
  allowSchemaImports();
  return import('@actions/workflow-parser');
}
