export type SpeedGrade = "A" | "B" | "C" | "D";

/** The grade rule as the page states it; speedGrade implements exactly this. */
export const SPEED_GRADE_RULE =
  "A：加权逾期天数 ≤ 0；B：≤ 15 天；C：≤ 45 天；D：> 45 天，或截止日有任何金额逾期超过 90 天（不论加权天数）";

/**
 * Grade of a client from its weighted days late, given as the integer sum
 * of fen × days over the integer sum of fen, so the bounds compare exactly.
 */
export function speedGrade(lateFenDays: number, weightFen: number, overdueOver90: boolean): SpeedGrade {
  if (overdueOver90 || lateFenDays > 45 * weightFen) return "D";
  if (lateFenDays <= 0) return "A";
  if (lateFenDays <= 15 * weightFen) return "B";
  return "C";
}
