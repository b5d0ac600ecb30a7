import { addDays } from "./dates";
import type { LetterLevel } from "./document-number";

/** Days overdue above which a first letter is already a formal demand (催款函). */
export const DEMAND_AFTER_DAYS = 30;
/** Days overdue above which the letter is the final notice (最后催告函) whatever went before. */
export const FINAL_NOTICE_AFTER_DAYS = 90;
/** Days a formal demand gets before the final notice follows it. */
export const FINAL_NOTICE_WAIT_DAYS = 15;

/** The rule as the issuing page states it. */
export const LETTER_LEVEL_RULE =
  `未发过函件且逾期不超过 ${DEMAND_AFTER_DAYS} 天：付款提醒函；` +
  `已发过付款提醒函，或逾期超过 ${DEMAND_AFTER_DAYS} 天：催款函；` +
  `已发过催款函满 ${FINAL_NOTICE_WAIT_DAYS} 天、已发过最后催告函，或逾期超过 ${FINAL_NOTICE_AFTER_DAYS} 天：最后催告函。` +
  "作废的函件不计。";

export interface EarlierLetter {
  kind: LetterLevel;
  /** 'YYYY-MM-DD' date of the earlier letter. */
  asOf: string;
}

/**
 * Suggests the level of the next collection letter to a client from the
 * days its oldest overdue installment is late on `asOf` and the letters
 * issued to it before (voided ones left out by the caller). Returns the
 * level and the reason in Chinese.
 */
export function suggestLetterLevel(params: {
  daysOverdue: number;
  asOf: string;
  earlierLetters: readonly EarlierLetter[];
}): { level: LetterLevel; reason: string } {
  const { daysOverdue, asOf } = params;
  const earlier = params.earlierLetters.filter((letter) => letter.asOf <= asOf);
  const demands = earlier.filter((letter) => letter.kind === "collection_demand");
  const waitedSince = addDays(asOf, -FINAL_NOTICE_WAIT_DAYS);

  if (earlier.some((letter) => letter.kind === "final_notice")) {
    return { level: "final_notice", reason: "已发过最后催告函" };
  }
  const oldDemand = demands.find((letter) => letter.asOf <= waitedSince);
  if (oldDemand) {
    return { level: "final_notice", reason: `${oldDemand.asOf} 已发催款函，至今已满 ${FINAL_NOTICE_WAIT_DAYS} 天` };
  }
  if (daysOverdue > FINAL_NOTICE_AFTER_DAYS) {
    return { level: "final_notice", reason: `逾期 ${daysOverdue} 天，超过 ${FINAL_NOTICE_AFTER_DAYS} 天` };
  }
  if (demands.length > 0) {
    return { level: "collection_demand", reason: `${demands[0]!.asOf} 已发催款函，未满 ${FINAL_NOTICE_WAIT_DAYS} 天` };
  }
  const reminder = earlier.find((letter) => letter.kind === "payment_reminder");
  if (reminder) {
    return { level: "collection_demand", reason: `${reminder.asOf} 已发付款提醒函` };
  }
  if (daysOverdue > DEMAND_AFTER_DAYS) {
    return { level: "collection_demand", reason: `逾期 ${daysOverdue} 天，超过 ${DEMAND_AFTER_DAYS} 天` };
  }
  return { level: "payment_reminder", reason: `未发过函件，逾期 ${daysOverdue} 天` };
}
