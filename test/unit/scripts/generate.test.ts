import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTIONS } from '../../../scripts/actions.ts';
import { actionYaml, catalog } from '../../../scripts/generate.ts';

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
});
