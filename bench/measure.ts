/** Timing statistics of repeated runs, in milliseconds. */
export interface Stats {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  runs: number;
}

export interface RunCounts {
  warmup: number;
  runs: number;
}

/**
 * Runs `work` `warmup` times untimed, then `runs` times timed, one after
 * the other, and returns the median and 95th percentile. With fewer than
 * 20 runs the 95th percentile is the slowest run or close to it.
 */
export async function measure(work: () => unknown, counts: RunCounts): Promise<Stats> {
  for (let index = 0; index < counts.warmup; index++) await work();

  const times: number[] = [];
  for (let index = 0; index < counts.runs; index++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return statsOf(times);
}

/** Times one call of `work`, for figures that exist only once (a cold start, a long batch). */
export async function timeOnce<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

export function statsOf(times: readonly number[]): Stats {
  if (times.length === 0) throw new RangeError("No timings to summarise");
  const sorted = [...times].sort((a, b) => a - b);
  return {
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    minMs: sorted[0]!,
    runs: sorted.length,
  };
}

/** Percentile of an ascending list, linearly interpolated between the two closest ranks. */
function percentile(sorted: readonly number[], p: number): number {
  const position = ((sorted.length - 1) * p) / 100;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const weight = position - lower;
  return sorted[lower]! * (1 - weight) + sorted[upper]! * weight;
}
