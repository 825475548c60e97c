/** One measured number, as `npm run bench` prints it. */
export interface BenchResult {
  /** What was measured: "cold start notify", "gate detection (healthy after 3s)". */
  name: string;
  value: number;
  unit: string;
  /** The budget or comparison, when there is one: "≤ 2x bare node". */
  note?: string;
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult[]>;
}
