import { formatYuan } from "./money";

/** Days overdue after which a debt counts as long overdue for credit control, as in grade D. */
export const LONG_OVERDUE_DAYS = 90;

/** The credit rule as the pages state it; creditWarnings implements exactly this. */
export const CREDIT_RULE =
  `新合同在以下情况给出提示：签约后未结清金额超过信用额度；有逾期超过 ${LONG_OVERDUE_DAYS} 天的欠款；` +
  "客户在拒绝合作名单上（此时须由管理员填写放行原因才能保存）";

export interface CreditFacts {
  clientName: string;
  /** Credit limit in fen, or null for none. */
  creditLimit: number | null;
  /** Outstanding fen before the new contract. */
  outstanding: number;
  /** Fen of the contract being entered, 0 when only checking. */
  newAmount: number;
  /** Fen overdue by more than LONG_OVERDUE_DAYS. */
  longOverdue: number;
  /** Days overdue of the oldest unpaid installment, 0 when nothing is overdue. */
  maxDaysOverdue: number;
  blacklist: { reason: string; decidedByName: string; decidedOn: string } | null;
}

export type CreditWarningCode = "over_limit" | "long_overdue" | "blacklisted";

export interface CreditWarning {
  code: CreditWarningCode;
  message: string;
}

/** Lists the credit warnings for entering a contract of `newAmount` fen. */
export function creditWarnings(facts: CreditFacts): CreditWarning[] {
  const warnings: CreditWarning[] = [];
  if (facts.blacklist) {
    const { reason, decidedByName, decidedOn } = facts.blacklist;
    warnings.push({
      code: "blacklisted",
      message: `客户“${facts.clientName}”在拒绝合作名单上（${decidedOn} 由 ${decidedByName} 列入，原因：${reason}）`,
    });
  }
  if (facts.creditLimit !== null) {
    const after = facts.outstanding + facts.newAmount;
    if (after > facts.creditLimit) {
      const subject = facts.newAmount > 0 ? "签订本合同后未结清金额" : "未结清金额";
      warnings.push({
        code: "over_limit",
        message:
          `${subject} ${formatYuan(after)} 超过信用额度 ${formatYuan(facts.creditLimit)}，` +
          `超出 ${formatYuan(after - facts.creditLimit)}`,
      });
    }
  }
  if (facts.longOverdue > 0) {
    warnings.push({
      code: "long_overdue",
      message:
        `有 ${formatYuan(facts.longOverdue)} 逾期超过 ${LONG_OVERDUE_DAYS} 天，` +
        `最长已逾期 ${facts.maxDaysOverdue} 天`,
    });
  }
  return warnings;
}

/** Whether the warnings stop a contract from being saved without a manager's override. */
export function isBlocked(warnings: readonly CreditWarning[]): boolean {
  return warnings.some((warning) => warning.code === "blacklisted");
}

/** How an earned reward is given: as points or as a rebate (返利) on a later contract. */
export type RewardKind = "points" | "rebate";

export interface RewardRule {
  enabled: boolean;
  /** Reward in basis points (万分之一) of each installment paid in full by its due date. */
  basisPoints: number;
  kind: RewardKind;
  /** Installments due before this date earn nothing. */
  startsOn: string;
}

/** Largest rate a rule may set: 1,000 basis points, 10%. */
export const MAX_REWARD_BASIS_POINTS = 1000;

/** Reward in fen for an installment of `amount` fen, rounded down to whole fen. */
export function rewardFor(amount: number, basisPoints: number): number {
  return Number((BigInt(amount) * BigInt(basisPoints)) / 10_000n);
}

/** Points shown for `fen` of reward when the rule gives points: one point per whole yuan. */
export function rewardPoints(fen: number): number {
  return Math.floor(fen / 100);
}

/** The reward rule as the pages state it. */
export function describeRewardRule(rule: RewardRule): string {
  if (!rule.enabled) return "未启用按时回款奖励";
  const percent = `${(rule.basisPoints / 100).toFixed(2)}%`;
  const form = rule.kind === "points" ? "积分（每满 1 元奖励计 1 分）" : "返利，可抵扣以后合同的款项";
  return `${rule.startsOn} 起到期、在到期日当天或之前全额付清的分期，按金额的 ${percent} 奖励${form}，不足 1 分的部分舍去`;
}
