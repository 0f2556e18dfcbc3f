/** The few statistics the benchmark reports, pure so they can be checked by hand. */

/** The q-quantile (0…1) of samples, interpolating between the two nearest ranks. */
function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * q;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** p50 and p95 of one operation in one session, in milliseconds. */
export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
}

export const percentiles = (samples: readonly number[]): Percentiles => ({ p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) });

/** A figure as reported: the median of repeated runs and how far the runs spread. */
export interface Figure {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function figure(runs: readonly number[]): Figure {
  return { median: quantile(runs, 0.5), min: Math.min(...runs), max: Math.max(...runs), runs: runs.length };
}

/** Element-wise a / b of two series measured side by side, run by run. */
export function ratios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error("the series were not measured side by side");
  return a.map((x, i) => x / b[i]!);
}
