import type { Db } from "../../db";
import { clientBalancesAsOf } from "../../db/queries/balances";
import { documentFileName } from "../../documents/file-name";
import type { LetterPayload } from "../../documents/registry";
import type { CollectionLetterFacts } from "../../documents/types";
import type { AuditActor } from "../audit";
import { addDays } from "../domain/dates";
import { KIND_LABELS, type LetterLevel } from "../domain/document-number";
import { type EarlierLetter, suggestLetterLevel } from "../domain/letter-level";
import { AppError } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";
import { getClient } from "./clients";
import { ledgerWithoutDisputes } from "./collections";
import { issueDocument, lettersIssuedTo } from "./document-register";
import { currentSealSha256, getLetterWording } from "./document-settings";
import { getCompanyProfile, missingProfileFields } from "./settings";

/** Days a collection letter gives the client to pay, unless the user sets a date. */
export const DEFAULT_PAY_WITHIN_DAYS = 10;

/**
 * Computes what a collection letter (催款函) to one client states on
 * `asOf`: every contract with an overdue installment, the overdue and total
 * outstanding amounts, and the company's bank details. A client outside
 * `scope` is not found.
 */
export async function collectionLetterFacts(
  db: Db,
  params: { clientId: number; asOf: string; payBy: string | null },
  scope: ClientScope = ALL_CLIENTS,
): Promise<CollectionLetterFacts> {
  const payBy = params.payBy ?? addDays(params.asOf, DEFAULT_PAY_WITHIN_DAYS);
  if (payBy < params.asOf) {
    throw new AppError("BAD_REQUEST", `付款期限 ${payBy} 早于函件日期 ${params.asOf}`, "payBy");
  }

  // The client first, so a client outside the scope is not found whatever else is wrong.
  const client = await getClient(db, params.clientId, scope);
  const company = await getCompanyProfile(db);
  const missing = missingProfileFields(company);
  if (missing.length > 0) {
    throw new AppError(
      "BAD_REQUEST",
      `催款函需要公司资料，请管理员先在"系统设置"中填写：${missing.join("、")}`,
    );
  }

  // Disputed installments (有争议) are left out of what a letter demands until resolved; balances keep them.
  const ledger = await ledgerWithoutDisputes(db, params.clientId, params.asOf);
  const overdueContracts = ledger.contracts
    .filter((contract) => contract.signedByAsOf && contract.overdue > 0)
    .sort((a, b) => (a.earliestOverdueDueDate ?? "").localeCompare(b.earliestOverdueDueDate ?? ""));
  if (overdueContracts.length === 0) {
    throw new AppError(
      "BAD_REQUEST",
      `截至 ${params.asOf}，客户"${client.name}"没有逾期未付的款项，无需发送催款函`,
    );
  }

  return {
    company,
    client: { name: client.name, contactPerson: client.contactPerson, address: client.address },
    letterDate: params.asOf,
    payBy,
    contracts: overdueContracts.map((contract) => ({
      contractNo: contract.contractNo,
      signedOn: contract.signedOn,
      title: contract.title,
      businessType: contract.businessType,
      totalAmount: contract.totalAmount,
      paidAmount: contract.paid,
      outstandingAmount: contract.outstanding,
      earliestDueDate: contract.earliestOverdueDueDate!,
      daysOverdue: contract.daysOverdue,
      overdueAmount: contract.overdue,
    })),
    totalOverdue: ledger.totals.overdue,
    totalOutstanding: ledger.totals.outstanding,
    creditAmount: Math.max(0, ledger.totals.credit),
  };
}

/** Facts of a letter at `level`, with the level's wording as it reads today in settings. */
export async function leveledLetterFacts(
  db: Db,
  params: { clientId: number; asOf: string; payBy: string | null; level: LetterLevel },
  scope: ClientScope = ALL_CLIENTS,
): Promise<CollectionLetterFacts> {
  const facts = await collectionLetterFacts(db, params, scope);
  const wording = await getLetterWording(db);
  return { ...facts, level: params.level, wording: wording[params.level], number: null };
}

/**
 * Suggests the level of the next letter to a client on `asOf`, from the
 * days its oldest overdue installment is late and the letters in the
 * register not voided (LETTER_LEVEL_RULE).
 */
export async function suggestedLetterLevel(
  db: Db,
  params: { clientId: number; asOf: string },
  scope: ClientScope = ALL_CLIENTS,
) {
  await getClient(db, params.clientId, scope);
  const ledger = await ledgerWithoutDisputes(db, params.clientId, params.asOf);
  const daysOverdue = Math.max(
    0,
    ...ledger.contracts.filter((contract) => contract.signedByAsOf).map((contract) => contract.daysOverdue),
  );
  const earlierLetters: EarlierLetter[] = (await lettersIssuedTo(db, params.clientId)).map((letter) => ({
    kind: letter.kind as LetterLevel,
    asOf: letter.as_of,
  }));
  const suggestion = suggestLetterLevel({ daysOverdue, asOf: params.asOf, earlierLetters });
  return { ...suggestion, daysOverdue, earlierLetters };
}

export interface IssueLetterParams {
  clientId: number;
  asOf: string;
  payBy: string | null;
  /** The level to issue, or "suggested" for the suggested one. */
  level: LetterLevel | "suggested";
}

/**
 * Issues a collection letter: freezes its facts, wording and seal, records
 * it in the register with the next number of its level, and returns the
 * number and the frozen payload. `today` is the clock's date, whose year
 * goes into the number.
 */
export async function issueCollectionLetter(
  db: Db,
  params: IssueLetterParams,
  actor: AuditActor,
  now: { today: string; nowIso: string },
  scope: ClientScope = ALL_CLIENTS,
) {
  const level =
    params.level === "suggested" ? (await suggestedLetterLevel(db, params, scope)).level : params.level;
  const facts = await leveledLetterFacts(db, { ...params, level }, scope);
  const sealSha256 = await currentSealSha256(db);
  const payload: Omit<LetterPayload, "number"> = { facts, sealSha256 };
  const issued = await issueDocument(
    db,
    {
      kind: level,
      clientId: params.clientId,
      asOf: params.asOf,
      payload,
      fileName: documentFileName(KIND_LABELS[level], facts.client.name, facts.letterDate),
    },
    actor,
    now.nowIso,
    now.today,
  );
  return { documentId: issued.documentId, number: issued.number, level, clientName: facts.client.name };
}

/** Most letters one batch may issue. */
export const MAX_BATCH_LETTERS = 1000;

/**
 * Most letters merged into one PDF. The finished file is held in memory
 * until written, and 500 one- or two-page letters peaked at 749 MB RSS, so
 * larger batches go out as a zip, whose memory stays flat.
 */
export const MAX_PDF_LETTERS = 500;

/**
 * Issues letters to many clients in the caller's transaction, one number
 * each: the clients in `clientIds`, or every client with an overdue amount
 * on `asOf` within `scope` when it is null. Clients with nothing overdue
 * are skipped with the reason; any other failure (no company profile, a
 * client not found) rejects the whole batch.
 */
export async function issueCollectionLetterBatch(
  db: Db,
  params: Omit<IssueLetterParams, "clientId"> & { clientIds: number[] | null; format: "pdf" | "zip" },
  actor: AuditActor,
  now: { today: string; nowIso: string },
  scope: ClientScope = ALL_CLIENTS,
) {
  const clientIds = params.clientIds ?? (await overdueClientIds(db, params.asOf, scope));
  if (clientIds.length === 0) {
    throw new AppError("BAD_REQUEST", `截至 ${params.asOf} 没有逾期未付的客户，无需批量打印`, "clientIds");
  }
  if (clientIds.length > MAX_BATCH_LETTERS) {
    throw new AppError("BAD_REQUEST", `一次最多打印 ${MAX_BATCH_LETTERS} 封函件，已选 ${clientIds.length} 家客户，请分批打印`, "clientIds");
  }
  if (params.format === "pdf" && clientIds.length > MAX_PDF_LETTERS) {
    throw new AppError(
      "BAD_REQUEST",
      `合并为一个 PDF 最多 ${MAX_PDF_LETTERS} 封函件，本次 ${clientIds.length} 家客户，请改选“每家客户一个 PDF（zip）”或分批打印`,
      "format",
    );
  }

  const issued: Array<Awaited<ReturnType<typeof issueCollectionLetter>>> = [];
  const skipped: Array<{ clientId: number; reason: string }> = [];
  for (const clientId of new Set(clientIds)) {
    const overdue = await hasOverdue(db, clientId, params.asOf, scope);
    if (!overdue) {
      skipped.push({ clientId, reason: `截至 ${params.asOf} 没有逾期未付的款项` });
      continue;
    }
    issued.push(await issueCollectionLetter(db, { ...params, clientId }, actor, now, scope));
  }
  if (issued.length === 0) {
    throw new AppError("BAD_REQUEST", `所选客户截至 ${params.asOf} 都没有逾期未付的款项，未发出任何函件`, "clientIds");
  }
  return { issued, skipped };
}

/** Clients within `scope` with an overdue amount on `asOf`, longest overdue first. */
async function overdueClientIds(db: Db, asOf: string, scope: ClientScope): Promise<number[]> {
  const balances = await clientBalancesAsOf(db, asOf, { accountManagerId: scope.accountManagerId });
  return balances
    .filter((balance) => balance.overdue > 0)
    .sort((a, b) => (a.oldestOverdueDueDate ?? "").localeCompare(b.oldestOverdueDueDate ?? "") || a.clientId - b.clientId)
    .map((balance) => balance.clientId);
}

/** Checks whether the client (NOT_FOUND outside `scope`) has a signed contract overdue on `asOf`. */
async function hasOverdue(db: Db, clientId: number, asOf: string, scope: ClientScope): Promise<boolean> {
  await getClient(db, clientId, scope);
  const ledger = await ledgerWithoutDisputes(db, clientId, asOf);
  return ledger.contracts.some((contract) => contract.signedByAsOf && contract.overdue > 0);
}

