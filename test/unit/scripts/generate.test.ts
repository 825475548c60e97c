import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTIONS } from '../../../scripts/actions.ts';
import { actionYaml, catalog, expressionsInMetadata } from '../../../scripts/generate.ts';

describe('action.yml and the catalog, generated from the manifests', () => {
  for (const manifest of ACTIONS) {
    it(`declares ${manifest.name} to run on node24 from its bundle with every manifest input and output`, () => {
      const yml = parse(actionYaml(manifest)) as {
        runs: { using: string; main: string };
        inputs: Record<string, { required: boolean; default?: string }>;
        outputs: Record<string, unknown>;
      };
      expect(yml.runs).toEqual({ using: 'node24', main: `../../dist/${manifest.name}/index.js` });
      expect(Object.keys(yml.inputs)).toEqual(Object.keys(manifest.inputs));
      expect(Object.keys(yml.outputs)).toEqual(Object.keys(manifest.outputs));
      expect(yml.outputs).toHaveProperty('status');
      for (const [name, spec] of Object.entries(manifest.inputs)) {
        expect(yml.inputs[name]?.required).toBe(spec.required);
        expect(yml.inputs[name]?.default).toBe(spec.default);
      }
    });

    it(`keeps \`\${{\` out of ${manifest.name}'s metadata, where GitHub would evaluate it and fail to load the action`, () => {
      expect(expressionsInMetadata(manifest)).toEqual([]);
      expect(actionYaml(manifest)).not.toContain('${{');
    });

    it(`gives ${manifest.name} defaults its own parser accepts`, () => {
      for (const [name, spec] of Object.entries(manifest.inputs)) {
        if (spec.default !== undefined) expect(spec.type.parse(spec.default).ok, name).toBe(true);
      }
    });
  }

  it('lists every action with its inputs, outputs and an example in the catalog', () => {
    const text = catalog(ACTIONS);
    for (const manifest of ACTIONS) {
      expect(text).toContain(`## ${manifest.name}`);
      for (const input of Object.keys(manifest.inputs)) expect(text).toContain(`| \`${input}\``);
      expect(text).toContain(manifest.example.split('\n')[0]);
    }
  });

  it('refuses to generate metadata that holds an expression', () => {
    const [first] = ACTIONS;
    if (!first) throw new Error('no actions');
    const broken = { ...first, description: 'Pass ${{ github.sha }} here.' };
    expect(() => actionYaml(broken)).toThrow(
      'in action metadata makes the action fail to load: notify: description'.replace('notify', first.name),
    );
  });
});
