/**
 * Generates every actions/<name>/action.yml and action-catalog.md from the manifests, so the
 * metadata GitHub reads, the catalog people read and the parser the code runs cannot disagree.
 * `--check` writes nothing and fails when a generated file is stale.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { ActionManifest } from '../packages/core/src/manifest.ts';
import { ACTIONS } from './actions.ts';
import { templateCatalog } from './templates.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = '# Generated from actions/<name>/src/manifest.ts by `npm run generate`; do not edit.\n';

/**
 * GitHub evaluates `${{ }}` in action.yml descriptions while loading the action, and an action
 * whose metadata names a context it cannot evaluate there (github, secrets, steps) fails to load
 * in every workflow that uses it. Examples belong in the catalog; metadata must not hold one.
 */
export function expressionsInMetadata(m: ActionManifest): string[] {
  const texts: Array<[string, string]> = [['description', m.description]];
  for (const [name, spec] of Object.entries(m.inputs)) {
    texts.push([`inputs.${name}.description`, `${spec.description} ${spec.type.form}`]);
    if (spec.default !== undefined) texts.push([`inputs.${name}.default`, spec.default]);
  }
  for (const [name, spec] of Object.entries(m.outputs)) texts.push([`outputs.${name}.description`, spec.description]);
  return texts.filter(([, text]) => text.includes('${{')).map(([where]) => `${m.name}: ${where}`);
}

export function actionYaml(m: ActionManifest): string {
  const found = expressionsInMetadata(m);
  if (found.length > 0) throw new Error(`\`\${{\` in action metadata makes the action fail to load: ${found.join(', ')}`);
  const inputs: Record<string, Record<string, unknown>> = {};
  for (const [name, spec] of Object.entries(m.inputs)) {
    const description = spec.type.form === 'text' ? spec.description : `${spec.description} Expected: ${spec.type.form}.`;
    inputs[name] = { description, required: spec.required, ...(spec.default !== undefined ? { default: spec.default } : {}) };
  }
  const outputs: Record<string, { description: string }> = {};
  for (const [name, spec] of Object.entries(m.outputs)) outputs[name] = { description: spec.description };
  const doc = {
    name: m.title,
    description: m.description,
    author: 'deploy-suite',
    branding: m.branding,
    inputs,
    outputs,
    runs: { using: 'node24', main: `../../dist/${m.name}/index.js` },
  };
  return HEADER.replace('<name>', m.name) + stringify(doc, { lineWidth: 0 });
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function catalog(actions: readonly ActionManifest[]): string {
  const lines = [
    '# Action catalog',
    '',
    'Generated from the manifests by `npm run catalog`; do not edit. Every action also sets a `status` output.',
    '',
    '| action | what it does |',
    '|---|---|',
    ...actions.map((m) => `| [${m.name}](#${m.name}) | ${cell(m.description)} |`),
    '',
  ];
  for (const m of actions) {
    lines.push(`## ${m.name}`, '', m.description, '', `\`uses: OWNER/REPO/actions/${m.name}@v1\``, '', '### Inputs', '');
    lines.push('| input | required | default | expected | description |', '|---|---|---|---|---|');
    for (const [name, spec] of Object.entries(m.inputs)) {
      const flags = spec.secret ? ' (secret)' : '';
      lines.push(
        `| \`${name}\`${flags} | ${spec.required ? 'yes' : 'no'} | ${spec.default !== undefined ? `\`${cell(spec.default)}\`` : ''} | ${cell(spec.type.form)} | ${cell(spec.description)} |`,
      );
    }
    lines.push('', '### Outputs', '', '| output | description |', '|---|---|');
    for (const [name, spec] of Object.entries(m.outputs)) lines.push(`| \`${name}\` | ${cell(spec.description)} |`);
    lines.push('', '### Example', '', '```yaml', m.example.trimEnd(), '```', '');
    if (m.notes) lines.push(m.notes.trimEnd(), '');
  }
  return lines.join('\n');
}

export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of ACTIONS) files.set(join('actions', m.name, 'action.yml'), actionYaml(m));
  files.set('action-catalog.md', `${catalog(ACTIONS)}\n${templateCatalog(root)}`);
  return files;
}

if (import.meta.main) {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [path, content] of generatedFiles()) {
    const full = join(root, path);
    const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    if (current === content) continue;
    if (check) stale.push(path);
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      console.log(`wrote ${path}`);
    }
  }
  if (stale.length > 0) {
    console.error(`::error::Generated files are stale: ${stale.join(', ')}. Run \`npm run generate\` and commit the result.`);
    process.exit(1);
  }
  if (check) console.log('action.yml files and the catalog match the manifests.');
}
