import { addDays } from "./dates";
import { splitByPercent } from "./money";

/** One row of an installment plan (收款计划) before it is saved. */
export interface PlannedInstallment {
  label: string;
  dueDate: string;
  amount: number;
}

/** The whole amount on one date, `termDays` after signing (账期 N 天). */
export function singlePaymentPlan(
  total: number,
  signedOn: string,
  termDays: number,
): PlannedInstallment[] {
  return [{ label: "全款", dueDate: addDays(signedOn, termDays), amount: total }];
}

/**
 * The usual advertising plan: 30% on signing, 40% when the ad goes live
 * (上刊, the service start) and 30% at close-out (结案, the service end).
 * Missing service dates fall back to the previous milestone.
 */
export function milestonePlan(
  total: number,
  signedOn: string,
  serviceStart: string | null,
  serviceEnd: string | null,
): PlannedInstallment[] {
  const [onSigning, onLive, onClose] = splitByPercent(total, [30, 40, 30]) as [
    number,
    number,
    number,
  ];
  const liveDate = serviceStart ?? signedOn;
  const closeDate = serviceEnd ?? liveDate;
  return [
    { label: "签约款", dueDate: signedOn, amount: onSigning },
    { label: "上刊款", dueDate: liveDate, amount: onLive },
    { label: "结案款", dueDate: closeDate, amount: onClose },
  ];
}
