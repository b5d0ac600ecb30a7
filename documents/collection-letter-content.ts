import { formatChineseDate } from "../server/domain/dates";
import { formatYuan, formatYuanPlain } from "../server/domain/money";

import { toCapitalAmount } from "./capital";
import { DEFAULT_LETTER_WORDING, fillPlaceholders } from "./letter-wording";
import type { CollectionLetterFacts, OverdueContractFact } from "./types";

/** Everything the collection letter prints, as finished Chinese text. */
export interface CollectionLetterContent {
  title: string;
  /** Register number, null for a preview, undefined when the facts do not say. */
  number: string | null | undefined;
  companyName: string;
  /** Contact line of the letterhead. */
  companyDetails: string;
  salutation: string;
  opening: string;
  /** Cells of the contract table, in the order of the letter's columns. */
  contractRows: string[][];
  /** Totals: overdue, everything outstanding, client credit. */
  summary: string[];
  /** The payment request, or null when nothing is overdue. */
  request: string | null;
  paymentFields: Array<{ label: string; value: string }>;
  /** Contracts and signing dates the final notice relies on, or null for the milder levels. */
  contractCitation: string | null;
  /** Advice for a client who has paid already or disputes the amounts, or the legal steps that follow. */
  disregard: string;
  closingPhrase: string;
  signatureLines: string[];
  sealLabel: string;
  date: string;
}

/** Composes the letter's text from the facts. Layout happens in the components. */
export function buildCollectionLetterContent(
  facts: CollectionLetterFacts,
): CollectionLetterContent {
  const { company, client } = facts;
  const level = facts.level ?? "collection_demand";
  const wording = facts.wording ?? DEFAULT_LETTER_WORDING[level];
  const letterDate = formatChineseDate(facts.letterDate);
  const hasOverdue = facts.contracts.length > 0 && facts.totalOverdue > 0;
  const fill = (text: string) =>
    fillPlaceholders(text, {
      "{函件日期}": letterDate,
      "{付款期限}": formatChineseDate(facts.payBy),
      "{金额}": formatYuan(facts.totalOverdue),
      "{合同条款}": wording.clauseReference,
      "{联系电话}": company.phone === "" ? "" : `（电话：${company.phone}）`,
    });

  return {
    title: wording.title,
    number: facts.number,
    companyName: company.name,
    companyDetails: companyDetails(company.address, company.phone),
    salutation: `${client.name}：`,
    opening: hasOverdue
      ? fill(wording.opening)
      : `感谢贵司一直以来对我司的信任与支持。截至${letterDate}，贵司暂无逾期未付的款项。`,
    contractRows: facts.contracts.map(contractRow),
    summary: summarySentences(facts, letterDate, hasOverdue),
    request: hasOverdue ? fill(wording.request) : null,
    paymentFields: [
      { label: "户名：", value: company.bankAccountName || company.name },
      { label: "开户银行：", value: company.bankName },
      { label: "账号：", value: company.bankAccountNumber },
    ],
    contractCitation: level === "final_notice" && hasOverdue ? contractCitation(facts.contracts) : null,
    disregard: fill(wording.consequence),
    closingPhrase: wording.closingPhrase,
    signatureLines: signatureLines(company.name, company.signatory),
    sealLabel: "（盖章）",
    date: letterDate,
  };
}

/**
 * Names each contract with its signing date and number, the way a final
 * notice cites what it relies on: 2026年3月1日签订的《…》（合同编号：HT-1）.
 */
function contractCitation(contracts: OverdueContractFact[]): string {
  const cited = contracts.map(
    (contract) =>
      `${formatChineseDate(contract.signedOn)}签订的《${contract.title}》（合同编号：${contract.contractNo}）`,
  );
  return `上述款项所依据的合同为：贵司与我司于${cited.join("、")}。`;
}

/**
 * Table cells of one contract. Amounts carry no ¥ because the table caption
 * states the unit. When only part of the unpaid amount is overdue, the
 * unpaid cell shows the overdue part below it.
 */
function contractRow(contract: OverdueContractFact): string[] {
  const description =
    contract.businessType === ""
      ? contract.title
      : `${contract.title}（${contract.businessType}）`;

  const unpaid =
    contract.overdueAmount === contract.outstandingAmount
      ? formatYuanPlain(contract.outstandingAmount)
      : `${formatYuanPlain(contract.outstandingAmount)}\n其中逾期\n` +
        formatYuanPlain(contract.overdueAmount);

  return [
    contract.contractNo,
    formatTableDate(contract.signedOn),
    description,
    formatYuanPlain(contract.totalAmount),
    formatYuanPlain(contract.paidAmount),
    unpaid,
    formatTableDate(contract.earliestDueDate),
    `${contract.daysOverdue}天`,
  ];
}

/**
 * Writes a date as 2026年\n12月4日. The year goes on its own line so date
 * columns stay narrow and every date cell breaks at the same place.
 */
function formatTableDate(date: string): string {
  return formatChineseDate(date).replace("年", "年\n");
}

function summarySentences(
  facts: CollectionLetterFacts,
  letterDate: string,
  hasOverdue: boolean,
): string[] {
  const sentences: string[] = [];

  if (hasOverdue) {
    sentences.push(
      `截至${letterDate}，贵司逾期未付款项合计${amountWithCapital(facts.totalOverdue)}。`,
    );
  }

  const notYetDue = facts.totalOutstanding - facts.totalOverdue;
  if (notYetDue > 0) {
    sentences.push(
      `贵司尚欠我司全部款项合计${amountWithCapital(facts.totalOutstanding)}，` +
        `其中未到期款项${formatYuan(notYetDue)}，请按合同约定按期支付。`,
    );
  }

  if (facts.creditAmount > 0) {
    sentences.push(
      `另，贵司在我司尚有预收款${amountWithCapital(facts.creditAmount)}未核销，` +
        "如需用于抵扣上述款项，请与我司联系确认。",
    );
  }
  return sentences;
}

/** Writes an amount as ¥1,409.50（大写：人民币壹仟肆佰零玖元伍角整）. */
function amountWithCapital(fen: number): string {
  return `${formatYuan(fen)}（大写：${toCapitalAmount(fen)}）`;
}

function companyDetails(address: string, phone: string): string {
  const parts = [];
  if (address !== "") parts.push(`地址：${address}`);
  if (phone !== "") parts.push(`电话：${phone}`);
  return parts.join("　");
}

function signatureLines(companyName: string, signatory: string): string[] {
  return signatory === "" ? [companyName] : [companyName, `经办人：${signatory}`];
}
