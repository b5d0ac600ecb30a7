import { formatChineseDate } from "../server/domain/dates";
import { formatYuan, formatYuanPlain } from "../server/domain/money";

import { toCapitalAmount } from "./capital";
import type { StatementLine, StatementOfAccountPayload } from "./statement-types";

/** Everything the statement of account prints, as finished Chinese text. */
export interface StatementContent {
  title: string;
  companyName: string;
  companyDetails: string;
  salutation: string;
  opening: string;
  /** Cells of the entry table: the opening row, the period's lines, the closing row. */
  entryRows: string[][];
  agingCaption: string;
  agingRows: string[][];
  /** Closing balance, reward and the request to confirm. */
  closingParagraphs: string[];
  signatureLines: string[];
  date: string;
  slip: ConfirmationSlipContent;
}

/** Text of the detachable confirmation slip (回执). */
export interface ConfirmationSlipContent {
  title: string;
  salutation: string;
  statement: string;
  agreeOption: string;
  disagreeOption: string;
  /** Line for the reason of a difference. */
  differenceReason: string;
  signatureLines: string[];
}

/** Composes the statement's text from its payload. Layout happens in the components. */
export function buildStatementContent(payload: StatementOfAccountPayload): StatementContent {
  const { company, client } = payload;
  const from = formatChineseDate(payload.from);
  const to = formatChineseDate(payload.to);
  const number = payload.number ?? "（预览，出具时编号）";

  return {
    title: "对账单",
    companyName: company.name,
    companyDetails: companyDetails(company.address, company.phone),
    salutation: `${client.name}：`,
    opening:
      "感谢贵司一直以来对我司的信任与支持。现将" +
      `${from}至${to}期间贵司与我司的合同签订及收付款情况列示如下，请予核对：`,
    entryRows: entryRows(payload),
    agingCaption: `截至${to}未收款项账龄（金额单位：人民币元）`,
    agingRows: agingRows(payload),
    closingParagraphs: closingParagraphs(payload, to),
    signatureLines:
      company.signatory === "" ? [company.name] : [company.name, `经办人：${company.signatory}`],
    date: formatChineseDate(payload.statementDate),
    slip: {
      title: "对账回执",
      salutation: `${company.name}：`,
      statement:
        `贵司出具的对账单（编号：${number}）已收悉。经我司核对，截至${to}，` +
        `${balanceClause(payload.closingBalance, "我司", "贵司")}：`,
      agreeOption: "□ 核对无误",
      disagreeOption: "□ 核对不符，差异金额：人民币______________元",
      differenceReason: "不符原因：________________________________________",
      signatureLines: [
        `客户名称（盖章）：${client.name}`,
        "经办人（签字）：______________",
        "日期：________年____月____日",
      ],
    },
  };
}

/** Header of the entry table, in column order. */
export const ENTRY_HEADERS = ["日期", "摘要", "合同编号/凭证", "应收金额", "已收金额", "余额"];

function entryRows(payload: StatementOfAccountPayload): string[][] {
  const opening = [
    formatTableDate(payload.from),
    "期初余额",
    "",
    "",
    "",
    formatYuanPlain(payload.openingBalance),
  ];
  const closing = [
    formatTableDate(payload.to),
    "本期合计 / 期末余额",
    "",
    formatYuanPlain(payload.periodContracted),
    formatYuanPlain(payload.periodReceived),
    formatYuanPlain(payload.closingBalance),
  ];
  return [opening, ...payload.lines.map(entryRow), closing];
}

function entryRow(line: StatementLine): string[] {
  return [
    formatTableDate(line.date),
    line.description,
    line.reference,
    line.debit === 0 ? "" : formatYuanPlain(line.debit),
    line.credit === 0 ? "" : formatYuanPlain(line.credit),
    formatYuanPlain(line.balance),
  ];
}

function agingRows(payload: StatementOfAccountPayload): string[][] {
  const total = payload.aging.reduce((sum, bucket) => sum + bucket.amount, 0);
  return [
    ...payload.aging.map((bucket) => [bucket.label, formatYuanPlain(bucket.amount)]),
    ["未收合计", formatYuanPlain(total)],
  ];
}

function closingParagraphs(payload: StatementOfAccountPayload, to: string): string[] {
  const paragraphs = [
    `本期贵司新签合同金额${formatYuan(payload.periodContracted)}，` +
      `本期收到贵司付款${formatYuan(payload.periodReceived)}。` +
      `截至${to}，${balanceClause(payload.closingBalance, "贵司", "我司")}。`,
  ];

  if (payload.reward !== null) {
    const { earned, used } = payload.reward;
    paragraphs.push(
      `截至${to}，贵司因按时回款累计获得奖励${formatYuan(earned)}，` +
        `已使用${formatYuan(used)}，尚可使用${formatYuan(Math.max(0, earned - used))}。`,
    );
  }

  paragraphs.push(
    "请贵司核对上述款项，并在下方回执中勾选核对结果，签字盖章后寄回或扫描发送我司；" +
      "如有不符，请注明差异金额及原因。",
  );
  return paragraphs;
}

/**
 * States a balance from the point of view of `debtor` owing `creditor`:
 * 贵司尚欠我司款项¥1,000.00（大写：人民币壹仟元整）, or the credit the other
 * way round when the balance is negative.
 */
function balanceClause(balance: number, debtor: string, creditor: string): string {
  if (balance === 0) return `${debtor}与${creditor}之间的款项已结清，余额为零`;
  if (balance > 0) return `${debtor}尚欠${creditor}款项${amountWithCapital(balance)}`;
  return `${creditor}预收${debtor}款项${amountWithCapital(-balance)}`;
}

function amountWithCapital(fen: number): string {
  return `${formatYuan(fen)}（大写：${toCapitalAmount(fen)}）`;
}

/** Writes a date as 2026年\n12月4日, so date columns stay narrow. */
function formatTableDate(date: string): string {
  return formatChineseDate(date).replace("年", "年\n");
}

function companyDetails(address: string, phone: string): string {
  const parts = [];
  if (address !== "") parts.push(`地址：${address}`);
  if (phone !== "") parts.push(`电话：${phone}`);
  return parts.join("　");
}
