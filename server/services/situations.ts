import type { Db } from "../../db";
import { agingTotals, clientBalancesAsOf } from "../../db/queries/balances";
import { clientDirectory } from "../../db/queries/clients";
import {
  type ClientSituationFacts,
  type SituationContactFact,
  splitParagraphs,
  type SummarySituationFacts,
} from "../../documents/situation-draft";
import type { SituationKind, SituationParts, SituationStatementPayload } from "../../documents/statement-types";
import { daysOverdue } from "../domain/aging";
import { AppError, badInput } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";
import { getAgingBuckets } from "./aging-settings";
import { getClient } from "./clients";
import { CONTACT_LIST_LIMIT, listContacts } from "./collections";
import { currentSealSha256 } from "./document-settings";
import { clientLedger } from "./ledger";
import { agingDueDateRanges } from "./reports";
import { getCompanyProfile } from "./settings";

/**
 * Computes what a situation statement (情况说明) about one client states on
 * `asOf`: its contracts, payments, outstanding and overdue amounts and the
 * contacts made. A client outside `scope` is not found.
 */
export async function clientSituationFacts(
  db: Db,
  params: { clientId: number; asOf: string; addressedTo: "client" | "management" },
  scope: ClientScope = ALL_CLIENTS,
): Promise<ClientSituationFacts> {
  const client = await getClient(db, params.clientId, scope);
  const company = await requireCompany(db);
  const ledger = await clientLedger(db, params.clientId, params.asOf);

  const contracts = ledger.contracts
    .filter((contract) => contract.signedByAsOf)
    .sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.id - b.id);
  const payments = ledger.payments
    .filter((payment) => payment.reversedAt === null && payment.receivedOn <= params.asOf)
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id - b.id);
  const oldestDueDate = contracts
    .map((contract) => contract.earliestOverdueDueDate)
    .filter((date): date is string => date !== null)
    .sort()[0];

  return {
    asOf: params.asOf,
    addressedTo: params.addressedTo,
    companyName: company.name,
    signatory: company.signatory,
    client: {
      name: client.name,
      contactPerson: client.contactPerson,
      accountManagerName: client.accountManagerName,
    },
    contracts: contracts.map((contract) => ({
      contractNo: contract.contractNo,
      title: contract.title,
      businessType: contract.businessType,
      signedOn: contract.signedOn,
      serviceStart: contract.serviceStart,
      serviceEnd: contract.serviceEnd,
      totalAmount: contract.totalAmount,
      paid: contract.paid,
      outstanding: contract.outstanding,
      overdue: contract.overdue,
      daysOverdue: contract.daysOverdue,
    })),
    payments: payments.map((payment) => ({
      receivedOn: payment.receivedOn,
      amount: payment.amount,
      method: payment.method,
    })),
    totals: {
      contracted: ledger.totals.contracted,
      received: ledger.totals.received,
      outstanding: ledger.totals.outstanding,
      overdue: ledger.totals.overdue,
      credit: Math.max(0, ledger.totals.credit),
    },
    oldestOverdue:
      oldestDueDate === undefined
        ? null
        : { dueDate: oldestDueDate, daysOverdue: daysOverdue(oldestDueDate, params.asOf) },
    contacts: await clientContactsForSituation(db, params.clientId, params.asOf),
  };
}

/**
 * Computes what a situation statement to management about collections in
 * [from, to] states: money collected, outstanding and overdue on `to`, the
 * aging, the `top` largest debtors and the contact log's reasons and
 * contacts. Account managers see their own clients only.
 */
export async function summarySituationFacts(
  db: Db,
  params: { from: string; to: string; top: number },
  scope: ClientScope = ALL_CLIENTS,
): Promise<SummarySituationFacts> {
  if (params.from > params.to) {
    throw badInput("from", `开始日期 ${params.from} 晚于结束日期 ${params.to}`);
  }
  const company = await requireCompany(db);
  const filter = { accountManagerId: scope.accountManagerId };

  const balances = (await clientBalancesAsOf(db, params.to, filter)).filter((row) => row.outstanding > 0);
  const buckets = await getAgingBuckets(db);
  const bucketTotals = await agingTotals(db, params.to, agingDueDateRanges(params.to, buckets), filter);
  const largest = [...balances]
    .sort((a, b) => b.outstanding - a.outstanding || a.clientId - b.clientId)
    .slice(0, params.top);
  const directory = await clientDirectory(db, largest.map((row) => row.clientId));
  const activity = await collectionActivity(db, params, scope);

  return {
    from: params.from,
    to: params.to,
    companyName: company.name,
    signatory: company.signatory,
    collected: await collectedBetween(db, params, scope),
    outstanding: balances.reduce((sum, row) => sum + row.outstanding, 0),
    overdue: balances.reduce((sum, row) => sum + row.overdue, 0),
    clientsOwing: balances.length,
    clientsOverdue: balances.filter((row) => row.overdue > 0).length,
    aging: buckets.map((bucket, index) => ({ label: bucket.label, amount: bucketTotals[index]! })),
    topDebtors: largest.map((row) => ({
      name: directory.get(row.clientId)?.name ?? `客户 ${row.clientId}`,
      outstanding: row.outstanding,
      overdue: row.overdue,
      daysOverdue:
        row.oldestOverdueDueDate === null ? 0 : daysOverdue(row.oldestOverdueDueDate, params.to),
    })),
    lateReasons: activity.lateReasons,
    contactsByChannel: activity.contactsByChannel,
  };
}

/** Edited parts of a situation statement with what they are about. */
export interface SituationInput extends SituationParts {
  kind: SituationKind;
  clientId: number | null;
}

/**
 * Builds the payload a situation statement is rendered from out of the
 * edited parts. The client of a client statement must exist within
 * `scope`. Returns the client's name too, for the file name.
 */
export async function situationPayload(
  db: Db,
  input: SituationInput,
  scope: ClientScope = ALL_CLIENTS,
): Promise<{ payload: SituationStatementPayload; clientName: string | null }> {
  let clientName: string | null = null;
  if (input.kind === "situation_client") {
    if (input.clientId === null) throw badInput("clientId", "请选择情况说明所涉及的客户");
    clientName = (await getClient(db, input.clientId, scope)).name;
  }
  const company = await requireCompany(db);

  return {
    clientName,
    payload: {
      kind: input.kind,
      number: null,
      companyName: company.name,
      companyDetails: [
        company.address === "" ? "" : `地址：${company.address}`,
        company.phone === "" ? "" : `电话：${company.phone}`,
      ]
        .filter((part) => part !== "")
        .join("　"),
      addressee: /[：:]$/.test(input.addressee) ? input.addressee : `${input.addressee}：`,
      facts: splitParagraphs(input.facts),
      summary: splitParagraphs(input.summary),
      signatureLines: splitParagraphs(input.signatory),
      date: input.date,
      sealSha256: await currentSealSha256(db),
    },
  };
}

/**
 * Lists the contact log (催收记录) of a client up to `asOf`, newest first,
 * without voided contacts, as situation statements quote it.
 */
export async function clientContactsForSituation(
  db: Db,
  clientId: number,
  asOf: string,
): Promise<SituationContactFact[]> {
  const rows = await listContacts(db, { clientId, to: asOf });
  return rows.map((row) => ({
    date: row.contactedAt.slice(0, 10),
    staffName: row.staffName ?? row.createdByName,
    channel: row.channel,
    person: row.person,
    outcome: row.outcome,
    reason: row.reasonName,
  }));
}

/**
 * Reasons for late payment and contacts by channel in [from, to] from the
 * contact log, most frequent first.
 *
 * NOTE: listContacts returns at most CONTACT_LIST_LIMIT contacts, so over a
 * longer period with more contacts the counts cover the newest ones only.
 */
export async function collectionActivity(
  db: Db,
  period: { from: string; to: string },
  scope: ClientScope,
): Promise<Pick<SummarySituationFacts, "lateReasons" | "contactsByChannel">> {
  const rows = await listContacts(db, {
    from: period.from,
    to: period.to,
    accountManagerId: scope.accountManagerId,
    limit: CONTACT_LIST_LIMIT,
  });
  return {
    lateReasons: countBy(rows.map((row) => row.reasonName)).map(([reason, count]) => ({ reason, count })),
    contactsByChannel: countBy(rows.map((row) => row.channel)).map(([channel, count]) => ({ channel, count })),
  };
}

/** Counts the non-null values, most frequent first, ties in order of first appearance. */
function countBy(values: Array<string | null>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const value of values) {
    if (value === null || value === "") continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

async function requireCompany(db: Db) {
  const company = await getCompanyProfile(db);
  if (company.name.trim() === "") {
    throw new AppError("BAD_REQUEST", '情况说明需要公司名称，请管理员先在"系统设置"中填写公司资料');
  }
  return company;
}

async function collectedBetween(
  db: Db,
  period: { from: string; to: string },
  scope: ClientScope,
): Promise<{ count: number; amount: number }> {
  const row = await db
    .selectFrom("payment as p")
    .innerJoin("client as c", "c.id", "p.client_id")
    .select((eb) => [
      eb.fn.countAll<number>().as("count"),
      eb.fn.coalesce(eb.fn.sum<number>("p.amount"), eb.lit(0)).as("amount"),
    ])
    .where("p.reversed_at", "is", null)
    .where("p.received_on", ">=", period.from)
    .where("p.received_on", "<=", period.to)
    .$if(scope.accountManagerId !== null, (query) =>
      query.where("c.account_manager_id", "=", scope.accountManagerId),
    )
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), amount: Number(row?.amount ?? 0) };
}
