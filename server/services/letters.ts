import type { Db } from "../../db";
import type { CollectionLetterFacts } from "../../documents/types";
import { addDays } from "../domain/dates";
import { AppError } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";
import { getClient } from "./clients";
import { clientLedger } from "./ledger";
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

  const ledger = await clientLedger(db, params.clientId, params.asOf);
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
