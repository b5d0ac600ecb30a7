import { formatChineseDate } from "../server/domain/dates";
import { formatYuan } from "../server/domain/money";

import { toCapitalAmount } from "./capital";
import type { AgingAmount, SituationParts } from "./statement-types";

/**
 * Drafting of situation statements (情况说明) from computed facts. The
 * functions here are pure: staff edit every part the draft returns before
 * the statement is issued. Money is integer fen, dates `YYYY-MM-DD`.
 */

/** Maximum number of payments listed one by one, the latest ones; the rest are only counted. */
export const MAX_LISTED_PAYMENTS = 10;

/**
 * Maximum number of settled contracts described one by one, the latest ones.
 * Contracts with money outstanding are always described.
 */
export const MAX_LISTED_SETTLED_CONTRACTS = 20;

/** Maximum number of contacts quoted one by one, newest first. */
export const MAX_LISTED_CONTACTS = 8;

/** One contract of the client as the statement describes it. */
export interface SituationContractFact {
  contractNo: string;
  title: string;
  businessType: string;
  signedOn: string;
  serviceStart: string | null;
  serviceEnd: string | null;
  totalAmount: number;
  paid: number;
  outstanding: number;
  overdue: number;
  /** Days the oldest overdue installment is late, 0 when none is. */
  daysOverdue: number;
}

export interface SituationPaymentFact {
  receivedOn: string;
  amount: number;
  method: string;
}

/** One entry of the contact log (催收记录). */
export interface SituationContactFact {
  date: string;
  /** Staff member who made the contact. */
  staffName: string;
  /** 电话, 上门拜访, 微信 … */
  channel: string;
  /** Person at the client who was reached. */
  person: string;
  /** Outcome of the contact, e.g. the client's reply. */
  outcome: string;
  /** Reason given for not paying, when one was recorded. */
  reason: string | null;
}

export interface ClientSituationFacts {
  asOf: string;
  addressedTo: "client" | "management";
  companyName: string;
  signatory: string;
  client: { name: string; contactPerson: string; accountManagerName: string | null };
  /** Contracts signed by `asOf`, oldest first. */
  contracts: SituationContractFact[];
  /** Live payments received by `asOf`, oldest first. */
  payments: SituationPaymentFact[];
  totals: { contracted: number; received: number; outstanding: number; overdue: number; credit: number };
  /** Oldest overdue due date and its days overdue, or null. */
  oldestOverdue: { dueDate: string; daysOverdue: number } | null;
  /** Contacts, newest first; empty until the contact log records any. */
  contacts: SituationContactFact[];
}

export interface SummaryDebtorFact {
  name: string;
  outstanding: number;
  overdue: number;
  daysOverdue: number;
}

export interface SummarySituationFacts {
  from: string;
  to: string;
  companyName: string;
  signatory: string;
  collected: { count: number; amount: number };
  outstanding: number;
  overdue: number;
  clientsOwing: number;
  clientsOverdue: number;
  aging: AgingAmount[];
  topDebtors: SummaryDebtorFact[];
  /** Reasons for late payment from the contact log, most frequent first. */
  lateReasons: Array<{ reason: string; count: number }>;
  /** Contacts made in the period by channel, from the contact log. */
  contactsByChannel: Array<{ channel: string; count: number }>;
}

/** Drafts a situation statement about one client, to the client or to management. */
export function draftClientSituation(facts: ClientSituationFacts): SituationParts {
  const toClient = facts.addressedTo === "client";
  const party = toClient ? "贵司" : facts.client.name;
  const asOf = formatChineseDate(facts.asOf);

  const paragraphs = [
    contractsParagraph(facts, party),
    ...contractParagraphs(facts.contracts),
    paymentsParagraph(facts, party, asOf),
    outstandingParagraph(facts, party, asOf),
    ...contactParagraphs(facts, toClient),
    statusParagraph(facts, party, toClient),
  ];

  return {
    addressee: toClient ? `${facts.client.name}：` : "公司领导：",
    facts: paragraphs.join("\n"),
    summary: clientSummary(facts, party, asOf, toClient),
    signatory: signatory(facts.companyName, facts.signatory),
    date: facts.asOf,
  };
}

/** Drafts a situation statement to management about collections across clients. */
export function draftSummarySituation(facts: SummarySituationFacts): SituationParts {
  const from = formatChineseDate(facts.from);
  const to = formatChineseDate(facts.to);

  const paragraphs = [
    `${from}至${to}，公司共收到客户回款${facts.collected.count}笔，` +
      `合计${amountWithCapital(facts.collected.amount)}。`,
    `截至${to}，应收账款余额合计${amountWithCapital(facts.outstanding)}，` +
      `涉及客户${facts.clientsOwing}家；其中已逾期${amountWithCapital(facts.overdue)}，` +
      `涉及客户${facts.clientsOverdue}家。`,
    agingParagraph(facts.aging),
    debtorsParagraph(facts.topDebtors),
    reasonsParagraph(facts.lateReasons),
    actionsParagraph(facts.contactsByChannel, from, to),
  ];

  const overdueShare = facts.outstanding > 0 ? percent(facts.overdue, facts.outstanding) : "0%";
  return {
    addressee: "公司领导：",
    facts: paragraphs.join("\n"),
    summary:
      `综上，本期回款${formatYuan(facts.collected.amount)}；截至${to}，` +
      `应收账款${formatYuan(facts.outstanding)}中逾期${formatYuan(facts.overdue)}，` +
      `占${overdueShare}。下一阶段将优先催收逾期时间长、金额大的款项，` +
      "对恶意拖欠的客户收集证据并研究法律途径。",
    signatory: signatory(facts.companyName, facts.signatory),
    date: facts.to,
  };
}

/** Splits edited text into paragraphs: one a line, blank lines dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function contractsParagraph(facts: ClientSituationFacts, party: string): string {
  const count = facts.contracts.length;
  if (count === 0) return `截至${formatChineseDate(facts.asOf)}，${party}与我司尚未签订合同。`;

  const first = facts.contracts[0]!.signedOn;
  return (
    `自${formatChineseDate(first)}起，${party}与我司共签订合同${count}份，` +
    `合同金额合计${amountWithCapital(facts.totals.contracted)}，具体如下：`
  );
}

/**
 * Describes every contract with money outstanding and the latest settled
 * ones, in signing order, and counts the settled ones left out.
 */
function contractParagraphs(contracts: SituationContractFact[]): string[] {
  const settled = contracts.filter((contract) => contract.outstanding === 0);
  const omitted = new Set(settled.slice(0, Math.max(0, settled.length - MAX_LISTED_SETTLED_CONTRACTS)));
  const listed = contracts.filter((contract) => !omitted.has(contract));

  const paragraphs = listed.map((contract, index) => contractParagraph(contract, index));
  if (omitted.size > 0) {
    paragraphs.push(`另有较早签订的${omitted.size}份合同款项已结清，不再逐一列出。`);
  }
  return paragraphs;
}

function contractParagraph(contract: SituationContractFact, index: number): string {
  const subject =
    contract.businessType === "" ? contract.title : `${contract.title}，${contract.businessType}`;
  const period =
    contract.serviceStart !== null && contract.serviceEnd !== null
      ? `，服务期${formatChineseDate(contract.serviceStart)}至${formatChineseDate(contract.serviceEnd)}`
      : "";
  const overdue =
    contract.overdue > 0
      ? `，其中逾期${formatYuan(contract.overdue)}，最长已逾期${contract.daysOverdue}天`
      : "";

  return (
    `${index + 1}．${formatChineseDate(contract.signedOn)}签订合同${contract.contractNo}` +
    `（${subject}${period}），合同金额${formatYuan(contract.totalAmount)}，` +
    `已付${formatYuan(contract.paid)}，未付${formatYuan(contract.outstanding)}${overdue}。`
  );
}

function paymentsParagraph(facts: ClientSituationFacts, party: string, asOf: string): string {
  const count = facts.payments.length;
  if (count === 0) return `截至${asOf}，我司未收到${party}的任何付款。`;

  const listed = facts.payments
    .slice(-MAX_LISTED_PAYMENTS)
    .map((payment) => `${formatChineseDate(payment.receivedOn)}${payment.method}${formatYuan(payment.amount)}`);
  const earlier = count - listed.length;
  const lead = earlier > 0 ? `此前另有${earlier}笔，最近${listed.length}笔为：` : "分别为：";

  return (
    `截至${asOf}，我司共收到${party}付款${count}笔，合计` +
    `${amountWithCapital(facts.totals.received)}，${lead}${listed.join("；")}。`
  );
}

function outstandingParagraph(facts: ClientSituationFacts, party: string, asOf: string): string {
  const { outstanding, overdue, credit } = facts.totals;
  if (outstanding === 0) {
    const creditNote = credit > 0 ? `，另有预收款${formatYuan(credit)}尚未核销` : "";
    return `截至${asOf}，${party}的合同款项已全部结清${creditNote}。`;
  }

  let text = `截至${asOf}，${party}尚欠我司款项${amountWithCapital(outstanding)}`;
  if (overdue > 0 && facts.oldestOverdue !== null) {
    text +=
      `，其中已逾期${amountWithCapital(overdue)}，最早一笔于` +
      `${formatChineseDate(facts.oldestOverdue.dueDate)}到期，已逾期${facts.oldestOverdue.daysOverdue}天`;
  } else {
    text += "，均未到期";
  }
  if (credit > 0) text += `；另有预收款${formatYuan(credit)}尚未核销`;
  return `${text}。`;
}

/** Quotes the contact log, newest first; nothing when no contact was logged. */
function contactParagraphs(facts: ClientSituationFacts, toClient: boolean): string[] {
  if (facts.contacts.length === 0) return [];

  const listed = facts.contacts.slice(0, MAX_LISTED_CONTACTS);
  const who = toClient ? "贵司" : "客户";
  const lines = listed.map((contact) => {
    const reached = contact.person === "" ? who : `${who}${contact.person}`;
    const reason = contact.reason === null ? "" : `（未付原因：${contact.reason}）`;
    const outcome = contact.outcome === "" ? "" : `，对方表示：${contact.outcome}`;
    return `${formatChineseDate(contact.date)}，${contact.staffName}以${contact.channel}方式联系${reached}${outcome}${reason}`;
  });
  const lead =
    facts.contacts.length > listed.length
      ? `我司共联系${who}${facts.contacts.length}次，最近${listed.length}次如下：`
      : `我司共联系${who}${facts.contacts.length}次：`;
  return [`${lead}${lines.join("；")}。`];
}

function statusParagraph(facts: ClientSituationFacts, party: string, toClient: boolean): string {
  const { outstanding, overdue } = facts.totals;
  if (outstanding === 0) return "目前双方合同款项已结清，无待收款项。";
  if (overdue === 0) return "目前尚无逾期款项，未到期款项将按合同约定的付款日期收取。";
  return toClient
    ? "目前上述逾期款项仍未支付，我司仍在持续跟进。"
    : `目前${party}的逾期款项仍未支付，负责业务员正在持续跟进催收。`;
}

function clientSummary(
  facts: ClientSituationFacts,
  party: string,
  asOf: string,
  toClient: boolean,
): string {
  const { outstanding, overdue } = facts.totals;
  if (outstanding === 0) return `综上，截至${asOf}，${party}与我司的合同款项已全部结清。`;

  const base = `综上，截至${asOf}，${party}尚欠我司款项${amountWithCapital(outstanding)}`;
  const overdueText = overdue > 0 ? `，其中逾期${formatYuan(overdue)}` : "";
  const request = toClient
    ? overdue > 0
      ? "。请贵司尽快安排支付逾期款项，如有疑问请与我司联系。"
      : "。请贵司按合同约定按期付款。"
    : "。现将有关情况汇报如上，请领导知悉。";
  return `${base}${overdueText}${request}`;
}

function agingParagraph(aging: AgingAmount[]): string {
  const parts = aging.map((bucket) =>
    bucket.label === "未到期" ? `未到期${formatYuan(bucket.amount)}` : `逾期${bucket.label}${formatYuan(bucket.amount)}`,
  );
  return `按账龄划分：${parts.join("，")}。`;
}

function debtorsParagraph(debtors: SummaryDebtorFact[]): string {
  if (debtors.length === 0) return "目前没有欠款客户。";

  const lines = debtors.map((debtor, index) => {
    const overdue =
      debtor.overdue > 0 ? `，其中逾期${formatYuan(debtor.overdue)}，最长逾期${debtor.daysOverdue}天` : "，均未到期";
    return `${index + 1}．${debtor.name}，欠款${formatYuan(debtor.outstanding)}${overdue}`;
  });
  return `欠款金额最大的${debtors.length}家客户为：${lines.join("；")}。`;
}

function reasonsParagraph(reasons: Array<{ reason: string; count: number }>): string {
  if (reasons.length === 0) return "本期催收记录中未登记客户拖欠原因。";

  const parts = reasons.map((item) => `${item.reason}（${item.count}次）`);
  return `根据催收记录，客户拖欠的主要原因为：${parts.join("、")}。`;
}

function actionsParagraph(
  channels: Array<{ channel: string; count: number }>,
  from: string,
  to: string,
): string {
  if (channels.length === 0) return `${from}至${to}期间未登记催收联系记录。`;

  const total = channels.reduce((sum, item) => sum + item.count, 0);
  const parts = channels.map((item) => `${item.channel}${item.count}次`);
  return `${from}至${to}期间，业务人员共联系欠款客户${total}次，其中${parts.join("、")}。`;
}

function signatory(companyName: string, person: string): string {
  return person === "" ? companyName : `${companyName}\n经办人：${person}`;
}

/** Writes an amount as ¥1,409.50（大写：人民币壹仟肆佰零玖元伍角整）. */
function amountWithCapital(fen: number): string {
  return `${formatYuan(fen)}（大写：${toCapitalAmount(fen)}）`;
}

/** Formats a share as a whole percentage for prose, e.g. 35%. */
function percent(part: number, whole: number): string {
  return `${Math.round((part * 100) / whole)}%`;
}
