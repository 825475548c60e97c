import { describe, expect, it } from 'vitest';
import { CANARY_SHAPES, findLeaks, makeCanary } from '../../../packages/harness/src/canary.ts';

describe('the canary check', () => {
  it('makes canaries in every shape that broke a scrubber, each unique', () => {
    const canaries = CANARY_SHAPES.map((shape) => makeCanary('c', shape));
    expect(canaries[1]).toMatch(/^Canary {2}two {2}spaces {2}[0-9a-f]{24}$/);
    expect(canaries[2]).toMatch(/^Canary\t\ttabs\t[0-9a-f]{24}$/);
    expect(canaries[3]).toMatch(/^p&ss<w>"rd'Z-[0-9a-f]{24}$/);
    expect(new Set(canaries.map((c) => c.slice(-24))).size).toBe(4);
  });

  for (const shape of CANARY_SHAPES) {
    it(`finds a ${shape} canary raw, folded, escaped or encoded, in any place`, () => {
      const canary = makeCanary('c', shape);
      const echoes = {
        raw: canary,
        folded: canary.replace(/\s+/g, ' '),
        html: canary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
        xml: canary
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&apos;'),
        url: encodeURIComponent(canary),
        form: new URLSearchParams({ q: canary }).toString(),
        path: new URL(`https://h.test/items/${canary}`).href,
        json: JSON.stringify({ canary }),
        base64: Buffer.from(canary).toString('base64'),
      };
      for (const [form, text] of Object.entries(echoes)) {
        for (const place of ['outputs', 'summary', 'env file', '/tmp/junit.xml']) {
          expect(findLeaks({ [place]: `before ${text} after` }, [canary]), `${form} in ${place}`).toHaveLength(1);
        }
      }
    });
  }

  it('finds nothing where the canary was masked', () => {
    const canary = makeCanary('c', 'html');
    expect(findLeaks({ stdout: 'token *** used', summary: '<td>***</td>' }, [canary])).toEqual([]);
  });
});
