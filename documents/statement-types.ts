/**
 * Payloads of the statement of account (对账单) and the situation statement
 * (情况说明). An issued document is stored with its payload and rendered
 * again from it, so a payload contains every fact the document prints and
 * stays plain JSON. Money is integer fen, dates are `YYYY-MM-DD`.
 */

import type { CompanyProfile } from "./types";

/** One entry of the statement's period, in date order. */
export interface StatementLine {
  date: string;
  kind: "contract" | "payment" | "reversal";
  /** Contract number for a contract, bank reference or 收款方式 for a payment. */
  reference: string;
  /** Description of the entry, e.g. 签订合同：户外大牌（户外广告）. */
  description: string;
  /** Increase of what the client owes (a contract signed). */
  debit: number;
  /** Money received; negative on the line that reverses a payment. */
  credit: number;
  /** Balance the client owes after this line. A negative balance is client credit. */
  balance: number;
}

export interface AgingAmount {
  label: string;
  amount: number;
}

/** On-time reward (按时回款奖励) of the client, as of the period end. */
export interface StatementReward {
  earned: number;
  used: number;
}

export interface StatementOfAccountPayload {
  /** Register number such as 〔2026〕账字第001号, or null on a preview. */
  number: string | null;
  company: CompanyProfile;
  client: { name: string; contactPerson: string; phone: string; address: string };
  /** The period [from, to]. */
  from: string;
  to: string;
  /** Date the statement is issued, on or after `to`. */
  statementDate: string;
  /** Contracted minus received before `from`: outstanding minus credit. */
  openingBalance: number;
  lines: StatementLine[];
  /** Contracts signed in the period. */
  periodContracted: number;
  /** Money received in the period, net of reversals. */
  periodReceived: number;
  closingBalance: number;
  /** Outstanding installments on `to` by the configured aging buckets. */
  aging: AgingAmount[];
  /** Unapplied money (预收款) on `to`, zero or more. */
  creditAtTo: number;
  /** The client's reward, or null when the reward rule is off and none was earned. */
  reward: StatementReward | null;
  /** SHA-256 of the company seal printed, or null for none. */
  sealSha256: string | null;
}

export type SituationKind = "situation_client" | "situation_summary";

/** The five parts of a situation statement as staff edit them. */
export interface SituationParts {
  /** 称谓, e.g. 公司领导：. */
  addressee: string;
  /** 事实: one paragraph a line. */
  facts: string;
  /** 总结: one paragraph a line. */
  summary: string;
  /** 落款: the company, then e.g. 经办人：张三, one a line. */
  signatory: string;
  /** 落款日期 as `YYYY-MM-DD`. */
  date: string;
}

export interface SituationStatementPayload {
  kind: SituationKind;
  /** Register number such as 〔2026〕说字第003号, or null on a preview. */
  number: string | null;
  companyName: string;
  /** Contact line of the letterhead. */
  companyDetails: string;
  addressee: string;
  facts: string[];
  summary: string[];
  signatureLines: string[];
  date: string;
  /** SHA-256 of the company seal printed, or null for none. */
  sealSha256: string | null;
}
