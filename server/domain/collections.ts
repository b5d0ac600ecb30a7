import { daysOverdue } from "./aging";
import type { SpeedGrade } from "./speed";

/** Ways of contacting a client, as users pick them. */
export const CONTACT_CHANNELS = ["电话", "上门拜访", "微信", "短信", "函件", "律师函"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export type PromiseStatus = "open" | "kept" | "broken";

export const PROMISE_STATUS_LABELS: Record<PromiseStatus | "voided", string> = {
  open: "待兑现",
  kept: "已兑现",
  broken: "未兑现",
  voided: "已作废",
};

/**
 * Returns the status of a promise on `asOf`. `paidTowards` is what the client
 * paid from the day the promise was made up to the earlier of `asOf` and the
 * promised date. The promise is kept once that covers the amount, broken when
 * the promised date has passed without it, and open otherwise.
 */
export function promiseStatus(
  promise: { amount: number; promisedOn: string },
  paidTowards: number,
  asOf: string,
): PromiseStatus {
  if (paidTowards >= promise.amount) return "kept";
  return asOf > promise.promisedOn ? "broken" : "open";
}

/** The worklist's ranking rule as the page states it; priorityKey implements exactly this. */
export const PRIORITY_RULE =
  "优先级 = 逾期金额（元）× 逾期天数（最早一笔逾期分期起算）× 2（有未兑现的承诺付款）× 1.5（回款速度评级为 D）";

/**
 * Priority of a client on the worklist, scaled by 200 so it stays an exact
 * integer: overdue fen × days overdue × (2 with a broken promise) × (3 for
 * grade D, else 2). PRIORITY_RULE in yuan is this value ÷ 200.
 */
export function priorityKey(params: {
  overdue: number;
  oldestOverdueDueDate: string | null;
  asOf: string;
  brokenPromise: boolean;
  grade: SpeedGrade | null;
}): bigint {
  const days = params.oldestOverdueDueDate ? daysOverdue(params.oldestOverdueDueDate, params.asOf) : 0;
  const broken = params.brokenPromise ? 2n : 1n;
  const grade = params.grade === "D" ? 3n : 2n;
  return BigInt(Math.max(0, params.overdue)) * BigInt(days) * broken * grade;
}

/** Converts a priority key to yuan × days as PRIORITY_RULE states it, for display only. */
export function priorityInYuan(key: bigint): number {
  return Number(key) / 200;
}
