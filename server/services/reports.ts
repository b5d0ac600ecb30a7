import type { Db } from "../../db";
import {
  agingTotals,
  type AgingDueDateRange,
  type BalanceFilter,
  clientBalancesAsOf,
  groupBalancesAsOf,
  openInstallmentTotals,
  openInstallmentsAsOf,
  owingClientBalancesAsOf,
  receivedByClient,
} from "../../db/queries/balances";
import { type ClientIdentity, clientDirectory } from "../../db/queries/clients";
import { DEFAULT_AGING_BUCKETS, daysOverdue } from "../domain/aging";
import { addDays, daysBetween, startOfMonth } from "../domain/dates";
import { getAgingBuckets } from "./aging-settings";

/**
 * Orders client names as localeCompare(…, "zh-CN") does. One collator serves
 * the whole sort, because localeCompare with a locale builds a collator per
 * comparison, which dominates sorting thousands of clients.
 */
const chineseCollator = new Intl.Collator("zh-CN");


export interface BalanceSummaryRow {
  client: ClientIdentity;
  /** Contracts signed in the period (all contracts up to asOf without `from`). */
  contracted: number;
  /** Live payments received in the period. */
  received: number;
  /** Everything still due on asOf, over all contracts signed by then. */
  outstanding: number;
  overdue: number;
  /** Received by asOf but not applied to any installment (预收款). */
  credit: number;
}

/**
 * Contracted, collected and still due per client for a period ending on
 * `asOf`. Outstanding, overdue and credit are balances on `asOf`; contracted
 * and received cover [from, asOf], or all time when `from` is null.
 * For every client: all-time contracted − all-time received = outstanding − credit.
 */
export async function balanceSummary(
  db: Db,
  params: { asOf: string; from: string | null } & BalanceFilter,
) {
  const { asOf, from, ...filter } = params;
  const rows = filter.businessTypeId
    ? await businessTypeClientRows(db, asOf, from, filter)
    : await clientRows(db, asOf, from, filter);
  rows.sort((a, b) => b.outstanding - a.outstanding || chineseCollator.compare(a.client.name, b.client.name));

  const totals = rows.reduce(
    (sum, row) => ({
      contracted: sum.contracted + row.contracted,
      received: sum.received + row.received,
      outstanding: sum.outstanding + row.outstanding,
      overdue: sum.overdue + row.overdue,
      credit: sum.credit + row.credit,
    }),
    { contracted: 0, received: 0, outstanding: 0, overdue: 0, credit: 0 },
  );
  return { asOf, from, rows, totals };
}

/** Summary rows per client over all of its contracts and payments. */
async function clientRows(
  db: Db,
  asOf: string,
  from: string | null,
  filter: BalanceFilter,
): Promise<BalanceSummaryRow[]> {
  const balances = await clientBalancesAsOf(db, asOf, filter);
  const receivedAll = await receivedByClient(db, { to: asOf }, filter);
  const periodContracted = from ? await contractedInPeriod(db, from, asOf, filter) : null;
  const periodReceived = from ? await receivedByClient(db, { from, to: asOf }, filter) : receivedAll;

  const ids = new Set([...balances.map((b) => b.clientId), ...receivedAll.keys()]);
  const directory = await clientDirectory(db, [...ids]);
  const byClient = new Map(balances.map((row) => [row.clientId, row]));

  return [...ids].map((clientId) => {
    const balance = byClient.get(clientId);
    return {
      client: directory.get(clientId)!,
      contracted: periodContracted ? (periodContracted.get(clientId) ?? 0) : (balance?.contracted ?? 0),
      received: periodReceived.get(clientId) ?? 0,
      outstanding: balance?.outstanding ?? 0,
      overdue: balance?.overdue ?? 0,
      credit: (receivedAll.get(clientId) ?? 0) - (balance?.applied ?? 0),
    };
  });
}

/**
 * Summary rows per client restricted to one business type. A payment
 * belongs to a type only through its allocations, so `received` is what
 * payments received in the period applied to that type's installments, and
 * credit, a client-wide figure, is 0.
 */
async function businessTypeClientRows(
  db: Db,
  asOf: string,
  from: string | null,
  filter: BalanceFilter,
): Promise<BalanceSummaryRow[]> {
  const groups = await groupBalancesAsOf(db, { asOf, from, groupBy: "client_id" }, filter);
  const directory = await clientDirectory(db, groups.map((group) => group.groupId!));
  return groups.map((group) => ({
    client: directory.get(group.groupId!)!,
    contracted: group.periodContracted,
    received: group.periodApplied,
    outstanding: group.outstanding,
    overdue: group.overdue,
    credit: 0,
  }));
}

async function contractedInPeriod(db: Db, from: string, to: string, filter: BalanceFilter) {
  let query = db
    .selectFrom("contract as c")
    .innerJoin("client as cl", "cl.id", "c.client_id")
    .select((eb) => ["c.client_id as clientId", eb.fn.sum<number>("c.total_amount").as("total")])
    .where("c.signed_on", ">=", from)
    .where("c.signed_on", "<=", to)
    .groupBy("c.client_id");
  if (filter.clientId) query = query.where("c.client_id", "=", filter.clientId);
  if (filter.accountManagerId) query = query.where("cl.account_manager_id", "=", filter.accountManagerId);
  if (filter.businessTypeId) query = query.where("c.business_type_id", "=", filter.businessTypeId);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.clientId, Number(row.total)]));
}

export interface ReminderRow {
  client: ClientIdentity;
  outstanding: number;
  overdue: number;
  /** Days the oldest unpaid installment is past its due date; 0 if none is. */
  daysOverdue: number;
  oldestOverdueDueDate: string | null;
  nextDueDate: string | null;
}

/** Pages of the reminder lists to return; a list without a page is returned whole. */
export interface ReminderPages {
  /** 1-based page of the owing clients. */
  clients?: number;
  /** 1-based page of the installments falling due. */
  upcoming?: number;
  /** Rows per page. */
  size: number;
}

/** Keeps a 1-based page number within the pages that `count` rows fill. */
function clampPage(page: number, count: number, size: number): number {
  return Math.min(Math.max(1, page), Math.max(1, Math.ceil(count / size)));
}

/**
 * The reminder list on `asOf`: every client with an amount due, most urgent
 * first (days overdue, then amount overdue, then amount due), and the
 * installments falling due within `horizonDays` after asOf. With `pages`,
 * only the requested page of each list is returned, while the counts and
 * totals still cover every row. A large group has thousands of owing
 * clients and tens of thousands of installments due in a fortnight.
 */
export async function reminders(
  db: Db,
  params: { asOf: string; horizonDays: number; pages?: ReminderPages } & BalanceFilter,
) {
  const { asOf, horizonDays, pages, ...filter } = params;
  const balances = await owingClientBalancesAsOf(db, asOf, filter);
  const directory = await clientDirectory(db, balances.map((b) => b.clientId));

  const allClients: ReminderRow[] = balances.map((balance) => ({
    client: directory.get(balance.clientId)!,
    outstanding: balance.outstanding,
    overdue: balance.overdue,
    daysOverdue: balance.oldestOverdueDueDate ? daysOverdue(balance.oldestOverdueDueDate, asOf) : 0,
    oldestOverdueDueDate: balance.oldestOverdueDueDate,
    nextDueDate: balance.nextDueDate,
  }));
  allClients.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      b.overdue - a.overdue ||
      b.outstanding - a.outstanding ||
      chineseCollator.compare(a.client.name, b.client.name),
  );
  const totals = allClients.reduce(
    (sum, row) => ({ outstanding: sum.outstanding + row.outstanding, overdue: sum.overdue + row.overdue }),
    { outstanding: 0, overdue: 0 },
  );
  const clientCount = allClients.length;
  const overdueClientCount = allClients.filter((row) => row.overdue > 0).length;
  const clientsPage = pages?.clients ? clampPage(pages.clients, clientCount, pages.size) : 1;
  const clients = pages?.clients
    ? allClients.slice((clientsPage - 1) * pages.size, clientsPage * pages.size)
    : allClients;

  const until = addDays(asOf, horizonDays);
  const dueRange = { from: asOf, to: until };
  const due = await openInstallmentTotals(db, asOf, filter, dueRange);
  const upcomingPage = pages?.upcoming ? clampPage(pages.upcoming, due.count, pages.size) : 1;
  const open = await openInstallmentsAsOf(
    db,
    asOf,
    filter,
    dueRange,
    pages?.upcoming ? { limit: pages.size, offset: (upcomingPage - 1) * pages.size } : null,
  );
  const upcomingDirectory = await clientDirectory(
    db,
    [...new Set(open.map((item) => item.clientId))].filter((id) => !directory.has(id)),
  );
  const upcoming = open.map((item) => ({
    ...item,
    client: directory.get(item.clientId) ?? upcomingDirectory.get(item.clientId)!,
    daysUntilDue: daysBetween(asOf, item.dueDate),
  }));

  return {
    asOf,
    horizonDays,
    until,
    clients,
    clientCount,
    overdueClientCount,
    clientsPage,
    upcoming,
    upcomingCount: due.count,
    upcomingTotal: due.outstanding,
    upcomingPage,
    pageSize: pages?.size ?? null,
    totals,
  };
}

/**
 * Due-date ranges of the aging buckets on `asOf`: a due date d is
 * in [minDays, maxDays] overdue when asOf − maxDays ≤ d ≤ asOf − minDays.
 * The not-yet-due bucket covers d ≥ asOf.
 */
export function agingDueDateRanges(asOf: string, buckets = DEFAULT_AGING_BUCKETS): AgingDueDateRange[] {
  return buckets.map((bucket) => ({
    from: bucket.maxDays === null ? null : addDays(asOf, -bucket.maxDays),
    to: bucket.minDays === 0 ? null : addDays(asOf, -bucket.minDays),
  }));
}

/**
 * Figures for the dashboard on `asOf`, over the clients of one account
 * manager when `filter` names one.
 */
export async function dashboard(db: Db, asOf: string, filter: Pick<BalanceFilter, "accountManagerId"> = {}) {
  const buckets = await getAgingBuckets(db);
  const bucketTotals = await agingTotals(db, asOf, agingDueDateRanges(asOf, buckets), filter);
  // The dashboard shows ten rows of each list, so pages of ten keep the work
  // to those rows. The counts and totals still cover every client.
  const list = await reminders(db, { asOf, horizonDays: 7, ...filter, pages: { clients: 1, upcoming: 1, size: 10 } });
  const monthStart = startOfMonth(asOf);
  let collectedQuery = db
    .selectFrom("payment as p")
    .innerJoin("client as cl", "cl.id", "p.client_id")
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>("p.amount"), eb.lit(0)).as("total"), eb.fn.countAll<number>().as("count")])
    .where("p.reversed_at", "is", null)
    .where("p.received_on", ">=", monthStart)
    .where("p.received_on", "<=", asOf);
  if (filter.accountManagerId) {
    collectedQuery = collectedQuery.where("cl.account_manager_id", "=", filter.accountManagerId);
  }
  const collected = await collectedQuery.executeTakeFirstOrThrow();

  return {
    asOf,
    monthStart,
    outstanding: list.totals.outstanding,
    overdue: list.totals.overdue,
    aging: buckets.map((bucket, index) => ({ ...bucket, amount: bucketTotals[index] ?? 0 })),
    collectedThisMonth: Number(collected.total),
    paymentsThisMonth: Number(collected.count),
    clientsOwing: list.clientCount,
    clientsOverdue: list.overdueClientCount,
    urgent: list.clients.filter((row) => row.overdue > 0),
    dueSoon: list.upcoming,
    dueSoonCount: list.upcomingCount,
    dueSoonTotal: list.upcomingTotal,
  };
}

/** The figures of one row of a grouped collection summary, in fen. */
export interface SummaryFigures {
  contracted: number;
  received: number;
  outstanding: number;
  overdue: number;
  credit: number;
}

function sumFigures(rows: readonly SummaryFigures[]): SummaryFigures {
  return rows.reduce(
    (sum, row) => ({
      contracted: sum.contracted + row.contracted,
      received: sum.received + row.received,
      outstanding: sum.outstanding + row.outstanding,
      overdue: sum.overdue + row.overdue,
      credit: sum.credit + row.credit,
    }),
    { contracted: 0, received: 0, outstanding: 0, overdue: 0, credit: 0 },
  );
}

export interface ManagerSummaryRow extends SummaryFigures {
  /** Null for clients with no account manager. */
  accountManagerId: number | null;
  accountManagerName: string | null;
  clientCount: number;
}

/**
 * Sums the balance summary per account manager, over the clients each one
 * manages now. Figures mean what they mean in balanceSummary.
 */
export async function balanceSummaryByManager(
  db: Db,
  params: { asOf: string; from: string | null } & BalanceFilter,
) {
  const summary = await balanceSummary(db, params);
  const groups = new Map<number | null, BalanceSummaryRow[]>();
  for (const row of summary.rows) {
    const key = row.client.accountManagerId;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }

  const rows: ManagerSummaryRow[] = [...groups.values()].map((clientRows) => ({
    accountManagerId: clientRows[0]!.client.accountManagerId,
    accountManagerName: clientRows[0]!.client.accountManagerName,
    clientCount: clientRows.length,
    ...sumFigures(clientRows),
  }));
  rows.sort((a, b) => b.outstanding - a.outstanding);
  return { asOf: summary.asOf, from: summary.from, rows, totals: summary.totals };
}

export interface BusinessTypeSummaryRow extends SummaryFigures {
  businessTypeId: number;
  businessTypeName: string;
}

/**
 * Contracted, collected and still due per business type for a period ending
 * on `asOf`. A payment belongs to a business type through its allocations,
 * so `received` is what payments received in [from, asOf] applied to that
 * type's installments, and `credit` is 0 on every type. `unapplied` is the
 * part of those payments that no installment took by `asOf`, with the client
 * credit on `asOf`. A business-type filter leaves both unknown, so
 * `unapplied` is null then.
 */
export async function balanceSummaryByBusinessType(
  db: Db,
  params: { asOf: string; from: string | null } & BalanceFilter,
) {
  const { asOf, from, ...filter } = params;
  const groups = await groupBalancesAsOf(db, { asOf, from, groupBy: "business_type_id" }, filter);
  const types = await db
    .selectFrom("business_type")
    .select(["id", "name", "sort_order as sortOrder"])
    .execute();
  const typeById = new Map(types.map((type) => [type.id, type]));

  const rows: BusinessTypeSummaryRow[] = groups.map((group) => ({
    businessTypeId: group.groupId!,
    businessTypeName: typeById.get(group.groupId!)?.name ?? `业务类型 ${group.groupId}`,
    contracted: group.periodContracted,
    received: group.periodApplied,
    outstanding: group.outstanding,
    overdue: group.overdue,
    credit: 0,
  }));
  rows.sort(
    (a, b) =>
      (typeById.get(a.businessTypeId)?.sortOrder ?? 0) - (typeById.get(b.businessTypeId)?.sortOrder ?? 0) ||
      a.businessTypeId - b.businessTypeId,
  );

  const unapplied = filter.businessTypeId ? null : await unappliedReceipts(db, params, groups);
  const typed = sumFigures(rows);
  const totals: SummaryFigures = unapplied
    ? { ...typed, received: typed.received + unapplied.received, credit: unapplied.credit }
    : typed;
  return { asOf, from, rows, unapplied, totals };
}

/**
 * Money received in [from, asOf] that no installment took by `asOf`, and
 * the client credit on `asOf`, for the clients `filter` selects.
 */
async function unappliedReceipts(
  db: Db,
  params: { asOf: string; from: string | null } & BalanceFilter,
  groups: readonly { applied: number; periodApplied: number }[],
) {
  const { asOf, from, ...filter } = params;
  const receivedAll = sumValues(await receivedByClient(db, { to: asOf }, filter));
  const receivedInPeriod = from ? sumValues(await receivedByClient(db, { from, to: asOf }, filter)) : receivedAll;
  const applied = groups.reduce((sum, group) => sum + group.applied, 0);
  const appliedInPeriod = groups.reduce((sum, group) => sum + group.periodApplied, 0);
  return { received: receivedInPeriod - appliedInPeriod, credit: receivedAll - applied };
}

function sumValues(map: ReadonlyMap<unknown, number>): number {
  let total = 0;
  for (const value of map.values()) total += value;
  return total;
}
