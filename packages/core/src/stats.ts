/** Latency figures for summaries and outputs. */

/** The nearest-rank percentile (p from 0 to 100) of the values; undefined when there are none. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export function median(values: readonly number[]): number | undefined {
  return percentile(values, 50);
}
