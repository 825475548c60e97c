/**
 * `npm run bench`: every benchmark of the suite, printed as one table. `npm run bench -- NAME`
 * runs the benchmarks whose name contains NAME.
 */
import { coldStart } from './cold-start.ts';
import { deployRailwayBench } from './deploy-railway.ts';
import { deployVercelBench } from './deploy-vercel.ts';
import { healthGateBench } from './health-gate.ts';
import { migrateBench } from './migrate.ts';
import { pipelineBench } from './pipeline.ts';
import { smokeTestBench } from './smoke-test.ts';
import type { Bench } from './types.ts';
import { validateBench, validateConfigBench } from './validate.ts';

/** Each issue that measures something adds its bench here. */
export const BENCHES: Bench[] = [
  coldStart,
  validateBench,
  validateConfigBench,
  migrateBench,
  healthGateBench,
  smokeTestBench,
  deployRailwayBench,
  deployVercelBench,
  pipelineBench,
];

const filter = process.argv[2];
const rows: string[][] = [];
for (const bench of BENCHES) {
  if (filter && !bench.name.includes(filter)) continue;
  console.error(`running ${bench.name}…`);
  for (const r of await bench.run()) rows.push([r.name, `${r.value} ${r.unit}`, r.note ?? '']);
}
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), 6));
const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(['measure', 'value', 'note']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
