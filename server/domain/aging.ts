import { daysBetween } from "./dates";

/**
 * Days an installment is overdue on `asOf`: whole calendar days from its due
 * date to the as-of date. An installment due on the as-of date is not
 * overdue, so this returns 0 for it and for any later due date.
 */
export function daysOverdue(dueDate: string, asOf: string): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

export interface AgingBucket {
  key: string;
  label: string;
  /** Inclusive lower bound of days overdue; 0 means not yet due. */
  minDays: number;
  /** Inclusive upper bound, or null for the open-ended last bucket. */
  maxDays: number | null;
}

/** The buckets Chinese finance staff expect on an aging report. */
export const DEFAULT_AGING_BUCKETS: readonly AgingBucket[] = [
  { key: "current", label: "未到期", minDays: 0, maxDays: 0 },
  { key: "d1_30", label: "1–30天", minDays: 1, maxDays: 30 },
  { key: "d31_60", label: "31–60天", minDays: 31, maxDays: 60 },
  { key: "d61_90", label: "61–90天", minDays: 61, maxDays: 90 },
  { key: "d91_180", label: "91–180天", minDays: 91, maxDays: 180 },
  { key: "d181_365", label: "181–365天", minDays: 181, maxDays: 365 },
  { key: "over365", label: "365天以上", minDays: 366, maxDays: null },
];

/** Index of the bucket that `days` overdue falls in. */
export function bucketIndex(
  days: number,
  buckets: readonly AgingBucket[] = DEFAULT_AGING_BUCKETS,
): number {
  const index = buckets.findIndex(
    (bucket) =>
      days >= bucket.minDays &&
      (bucket.maxDays === null || days <= bucket.maxDays),
  );
  if (index < 0) throw new RangeError(`No aging bucket for ${days} days`);
  return index;
}

export interface AgedAmount {
  dueDate: string;
  outstanding: number;
}

/**
 * Sums outstanding amounts into aging buckets as of `asOf`. The bucket totals
 * always add up to the total of the inputs.
 */
export function ageAmounts(
  items: readonly AgedAmount[],
  asOf: string,
  buckets: readonly AgingBucket[] = DEFAULT_AGING_BUCKETS,
): number[] {
  const totals = buckets.map(() => 0);
  for (const item of items) {
    const index = bucketIndex(daysOverdue(item.dueDate, asOf), buckets);
    totals[index]! += item.outstanding;
  }
  return totals;
}

/** Upper bounds (days overdue) of the default buckets after 未到期. */
export const DEFAULT_AGING_BOUNDS: readonly number[] = [30, 60, 90, 180, 365];

/**
 * Problem with a list of bucket upper bounds, in Chinese, or null when the
 * list is usable: 1 to 10 strictly increasing positive whole numbers.
 */
export function agingBoundsProblem(bounds: readonly number[]): string | null {
  if (bounds.length < 1 || bounds.length > 10) return `账龄分段需要 1 至 10 个分界天数，现有 ${bounds.length} 个`;
  for (const [index, bound] of bounds.entries()) {
    if (!Number.isInteger(bound) || bound <= 0) return `分界天数 "${bound}" 必须是正整数`;
    const previous = bounds[index - 1];
    if (previous !== undefined && bound <= previous) {
      return `分界天数必须逐个增大：${bound} 不大于前一个 ${previous}`;
    }
  }
  return null;
}

/**
 * Aging buckets from their upper bounds: 未到期, then 1–b1, (b1+1)–b2, …,
 * and "over the last bound". [30, 60, 90, 180, 365] gives the default buckets.
 */
export function bucketsFromBounds(bounds: readonly number[]): AgingBucket[] {
  const problem = agingBoundsProblem(bounds);
  if (problem) throw new RangeError(problem);
  const buckets: AgingBucket[] = [{ key: "current", label: "未到期", minDays: 0, maxDays: 0 }];
  let minDays = 1;
  for (const bound of bounds) {
    buckets.push({ key: `d${minDays}_${bound}`, label: `${minDays}–${bound}天`, minDays, maxDays: bound });
    minDays = bound + 1;
  }
  const last = bounds[bounds.length - 1]!;
  buckets.push({ key: `over${last}`, label: `${last}天以上`, minDays, maxDays: null });
  return buckets;
}
