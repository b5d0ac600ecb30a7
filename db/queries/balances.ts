import { type ExpressionBuilder, type Kysely, sql } from "kysely";

import type { Database } from "../schema";

/**
 * Balances as of a calendar date. A payment counts on `asOf` when it was
 * received on or before that date and is not reversed; a contract counts
 * when it was signed on or before that date. So a report for a past date
 * shows the balance as it stood that day, whatever was entered since.
 */

export interface BalanceFilter {
  clientId?: number | null;
  accountManagerId?: number | null;
  businessTypeId?: number | null;
}

type Db = Kysely<Database>;

/**
 * Live allocations per installment from payments received after `asOf`.
 * installment.paid_amount is the sum of every live allocation, so what was
 * applied by `asOf` is paid_amount less these. Only payments after `asOf`
 * are read (payment_received_idx); for today's date there are none.
 * CROSS JOIN keeps SQLite from driving the query from all allocations
 * instead, which it otherwise does to avoid sorting for the GROUP BY; on
 * PostgreSQL it is an ordinary join.
 */
function laterAllocations(db: Db, asOf: string, filter: BalanceFilter) {
  let query = db
    .selectFrom("payment as p")
    .crossJoin("allocation as a")
    .whereRef("a.payment_id", "=", "p.id")
    .where("p.received_on", ">", asOf)
    .where("a.reversed_at", "is", null);
  if (filter.clientId) query = query.where("p.client_id", "=", filter.clientId);
  return query;
}

/**
 * The installments that may have money due on `asOf`, with their current
 * paid amount: those open now (installment_open_client_idx, a partial index
 * on paid_amount < amount holding every column read here) and, when
 * `withLater`, those paid in full now that a payment received after `asOf`
 * paid into. The two parts are disjoint, so UNION ALL needs no sort; UNION
 * would make SQLite scan the whole table for ids in order. The second part
 * groups by i.id so that PostgreSQL accepts the other columns of i (they
 * depend on its key).
 */
function openCandidates(db: Db, asOf: string, filter: BalanceFilter, dueRange: DueRange | null, withLater: boolean) {
  const columns = [
    "i.id as installment_id",
    "i.contract_id",
    "i.client_id",
    "i.due_date",
    "i.amount",
    "i.paid_amount",
  ] as const;
  return db
    .selectFrom("installment as i")
    .select(columns)
    .where(sql<boolean>`i.paid_amount < i.amount`)
    .$if(Boolean(filter.clientId), (query) => query.where("i.client_id", "=", filter.clientId!))
    .$if(dueRange !== null, (query) => query.where("i.due_date", ">=", dueRange!.from).where("i.due_date", "<=", dueRange!.to))
    .$if(withLater, (query) =>
      query.unionAll(
        laterAllocations(db, asOf, filter)
          .innerJoin("installment as i", "i.id", "a.installment_id")
          .where(sql<boolean>`i.paid_amount >= i.amount`)
          .$if(dueRange !== null, (later) => later.where("i.due_date", ">=", dueRange!.from).where("i.due_date", "<=", dueRange!.to))
          .select(columns)
          .groupBy("i.id"),
      ),
    );
}

/**
 * Whether a live allocation comes from a payment received after `asOf`, so
 * that balances on `asOf` must undo it. Never for today's date, as no
 * payment is received in the future.
 */
async function hasLaterAllocations(db: Db, asOf: string, filter: BalanceFilter): Promise<boolean> {
  const row = await laterAllocations(db, asOf, filter).select("a.id").limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Installments with money that may be due on `asOf` (openCandidates), with
 * what was applied to them by then, in the columns installment_id,
 * contract_id, client_id, due_date, amount and applied. Contracts signed
 * after `asOf` and the filters are applied with IN over small key lists, so
 * SQLite reads the open rows from the index alone instead of visiting a
 * contract row per installment. Without later allocations (today) the rows
 * come straight from the index in client order, so sums per client need no
 * sort.
 */
async function openRows(db: Db, asOf: string, filter: BalanceFilter, dueRange: DueRange | null) {
  const withLater = await hasLaterAllocations(db, asOf, filter);
  const later = laterAllocations(db, asOf, filter)
    .select((eb) => ["a.installment_id", eb.fn.sum<number>("a.amount").as("amount")])
    .groupBy("a.installment_id");
  let query = db
    .selectFrom(openCandidates(db, asOf, filter, dueRange, withLater).as("k"))
    .$if(withLater, (rows) => rows.leftJoin(later.as("l"), "l.installment_id", "k.installment_id"))
    .select([
      "k.installment_id",
      "k.contract_id",
      "k.client_id",
      "k.due_date",
      "k.amount",
      (withLater ? sql<number>`k.paid_amount - coalesce(l.amount, 0)` : sql<number>`k.paid_amount`).as("applied"),
    ])
    .where("k.contract_id", "not in", db.selectFrom("contract").select("id").where("signed_on", ">", asOf));
  if (filter.accountManagerId) {
    query = query.where(
      "k.client_id",
      "in",
      db.selectFrom("client").select("id").where("account_manager_id", "=", filter.accountManagerId),
    );
  }
  if (filter.businessTypeId) {
    query = query.where(
      "k.contract_id",
      "in",
      db.selectFrom("contract").select("id").where("business_type_id", "=", filter.businessTypeId),
    );
  }
  return query;
}

/** Due dates of an aging bucket, both included; null leaves that end open. */
export interface AgingDueDateRange {
  from: string | null;
  to: string | null;
}

/** Due dates from `from` to `to`, both included. */
export interface DueRange {
  from: string;
  to: string;
}

/**
 * Installments of contracts signed by `asOf` with what was applied to them
 * by then, from `source`: every installment, or only the candidates for
 * money still due (see openInstallmentRowsAsOf), which then drive the join.
 */
function installmentRows(db: Db, asOf: string, filter: BalanceFilter) {
  const later = laterAllocations(db, asOf, filter)
    .select((eb) => ["a.installment_id", eb.fn.sum<number>("a.amount").as("amount")])
    .groupBy("a.installment_id");

  let query = db
    .selectFrom("installment as i")
    .innerJoin("contract as c", "c.id", "i.contract_id")
    .innerJoin("client as cl", "cl.id", "c.client_id")
    .leftJoin(later.as("l"), "l.installment_id", "i.id")
    .select((eb) => [
      "i.id as installment_id",
      "i.contract_id",
      "c.client_id",
      "c.business_type_id",
      "cl.account_manager_id",
      "i.due_date",
      "i.amount",
      eb(eb.ref("i.paid_amount"), "-", eb.fn.coalesce("l.amount", eb.lit(0))).as("applied"),
    ])
    .where("c.signed_on", "<=", asOf);

  if (filter.clientId) query = query.where("i.client_id", "=", filter.clientId);
  if (filter.accountManagerId) {
    query = query.where("cl.account_manager_id", "=", filter.accountManagerId);
  }
  if (filter.businessTypeId) {
    query = query.where("c.business_type_id", "=", filter.businessTypeId);
  }
  return query;
}

/**
 * Every installment of a contract signed by `asOf`, with what was applied to
 * it by then. The base of every balance, aging and reminder figure.
 */
export function installmentsAsOf(db: Db, asOf: string, filter: BalanceFilter = {}) {
  return installmentRows(db, asOf, filter);
}

/**
 * Selects the installments of installmentsAsOf with money still due on
 * `asOf`, without reading settled history: those open now (the partial
 * index on paid_amount < amount) and those that payments received after
 * `asOf` paid into since. The columns are those of installmentsAsOf less
 * business_type_id and account_manager_id. Sums of outstanding amounts over
 * these equal the sums over installmentsAsOf, because settled installments
 * add nothing. `dueRange` keeps only installments due in it, read by due
 * date from the partial index.
 */
export async function openInstallmentRowsAsOf(
  db: Db,
  asOf: string,
  filter: BalanceFilter = {},
  dueRange: DueRange | null = null,
) {
  return openRows(db, asOf, filter, dueRange);
}

/** A slice of an ordered list: `limit` rows after skipping `offset`. */
export interface RowPage {
  limit: number;
  offset: number;
}

/**
 * Lists the installments with money still due on `asOf`, oldest due date
 * first. `dueRange` keeps those due within it, and `page` keeps one slice.
 * The page is cut before the contract and installment details are joined,
 * so a page costs its own rows only.
 */
export async function openInstallmentsAsOf(
  db: Db,
  asOf: string,
  filter: BalanceFilter = {},
  dueRange: DueRange | null = null,
  page: RowPage | null = null,
) {
  const owed = db
    .selectFrom((await openInstallmentRowsAsOf(db, asOf, filter, dueRange)).as("o"))
    .selectAll("o")
    .where(sql<boolean>`o.amount - o.applied > 0`)
    .orderBy("o.due_date")
    .orderBy("o.installment_id")
    .$if(page !== null, (query) => query.limit(page!.limit).offset(page!.offset));
  const rows = await db
    .selectFrom(owed.as("x"))
    .innerJoin("contract as c", "c.id", "x.contract_id")
    .innerJoin("installment as i", "i.id", "x.installment_id")
    .select([
      "x.installment_id as installmentId",
      "x.contract_id as contractId",
      "x.client_id as clientId",
      "c.contract_no as contractNo",
      "c.title",
      "c.signed_on as signedOn",
      "c.total_amount as contractTotal",
      "i.seq",
      "i.label",
      "x.due_date as dueDate",
      "x.amount",
      "x.applied",
    ])
    .orderBy("x.due_date")
    .orderBy("x.installment_id")
    .execute();

  return rows.map((row) => {
    const applied = Number(row.applied ?? 0);
    return { ...row, applied, outstanding: row.amount - applied };
  });
}

/** Counts and sums the installments with money still due on `asOf` within `dueRange`. */
export async function openInstallmentTotals(db: Db, asOf: string, filter: BalanceFilter, dueRange: DueRange) {
  const row = await db
    .selectFrom((await openInstallmentRowsAsOf(db, asOf, filter, dueRange)).as("x"))
    .select((eb) => [
      eb.fn.countAll<number>().as("count"),
      eb.fn.coalesce(eb.fn.sum<number>(sql<number>`x.amount - x.applied`), eb.lit(0)).as("outstanding"),
    ])
    .where(sql<boolean>`x.amount - x.applied > 0`)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), outstanding: Number(row.outstanding) };
}

export interface ClientBalanceRow {
  clientId: number;
  contracted: number;
  applied: number;
  outstanding: number;
  /** Outstanding on installments due before `asOf`. */
  overdue: number;
  /** Earliest due date among overdue installments, or null. */
  oldestOverdueDueDate: string | null;
  /** Earliest due date among all open installments, or null. */
  nextDueDate: string | null;
}

/**
 * Per-client contracted, applied, outstanding and overdue amounts on `asOf`,
 * aggregated in SQL. Clients with no contract by then are absent.
 */
export async function clientBalancesAsOf(
  db: Db,
  asOf: string,
  filter: BalanceFilter = {},
): Promise<ClientBalanceRow[]> {
  const rows = await db
    .selectFrom(installmentsAsOf(db, asOf, filter).as("x"))
    .select((eb) => [
      "x.client_id as clientId",
      eb.fn.sum<number>("x.amount").as("contracted"),
      eb.fn.sum<number>("x.applied").as("applied"),
      ...dueColumns(eb, asOf),
    ])
    .groupBy("x.client_id")
    .execute();

  return rows.map((row) => ({
    clientId: row.clientId,
    contracted: Number(row.contracted),
    applied: Number(row.applied),
    outstanding: Number(row.contracted) - Number(row.applied),
    overdue: Number(row.overdue),
    oldestOverdueDueDate: row.oldestOverdueDueDate,
    nextDueDate: row.nextDueDate,
  }));
}

export type OwingBalanceRow = Omit<ClientBalanceRow, "contracted" | "applied">;

/**
 * Sums the rows of clientBalancesAsOf that have an amount outstanding,
 * without the contracted and applied totals. It reads open installments
 * only (openInstallmentRowsAsOf), so the cost follows what is still due
 * rather than the whole history.
 */
export async function owingClientBalancesAsOf(
  db: Db,
  asOf: string,
  filter: BalanceFilter = {},
): Promise<OwingBalanceRow[]> {
  const rows = await db
    .selectFrom((await openInstallmentRowsAsOf(db, asOf, filter)).as("x"))
    .select((eb) => [
      "x.client_id as clientId",
      eb.fn.sum<number>(sql<number>`x.amount - x.applied`).as("outstanding"),
      ...dueColumns(eb, asOf),
    ])
    .groupBy("x.client_id")
    .having(sql<boolean>`sum(x.amount - x.applied) > 0`)
    .execute();

  return rows.map((row) => ({
    clientId: row.clientId,
    outstanding: Number(row.outstanding),
    overdue: Number(row.overdue),
    oldestOverdueDueDate: row.oldestOverdueDueDate,
    nextDueDate: row.nextDueDate,
  }));
}

type AgedRows = ExpressionBuilder<{ x: { due_date: string; amount: number; applied: number } }, "x">;

/** Overdue amount, oldest overdue due date and next due date of installment rows selected as "x". */
function dueColumns(eb: AgedRows, asOf: string) {
  return [
    eb.fn
      .sum<number>(eb.case().when("x.due_date", "<", asOf).then(sql<number>`x.amount - x.applied`).else(0).end())
      .as("overdue"),
    eb.fn
      .min<string | null>(
        eb
          .case()
          .when(eb.and([eb("x.due_date", "<", asOf), sql<boolean>`x.amount > x.applied`]))
          .then(eb.ref("x.due_date"))
          .end(),
      )
      .as("oldestOverdueDueDate"),
    eb.fn
      .min<string | null>(eb.case().when(sql<boolean>`x.amount > x.applied`).then(eb.ref("x.due_date")).end())
      .as("nextDueDate"),
  ] as const;
}

/**
 * Per-client sum of live payments received on or before `asOf` (and on or
 * after `from` when given).
 */
export async function receivedByClient(
  db: Db,
  range: { from?: string | null; to: string },
  filter: BalanceFilter = {},
): Promise<Map<number, number>> {
  let query = db
    .selectFrom("payment as p")
    .innerJoin("client as cl", "cl.id", "p.client_id")
    .select((eb) => ["p.client_id as clientId", eb.fn.sum<number>("p.amount").as("received")])
    .where("p.reversed_at", "is", null)
    .where("p.received_on", "<=", range.to)
    .groupBy("p.client_id");
  if (range.from) query = query.where("p.received_on", ">=", range.from);
  if (filter.clientId) query = query.where("p.client_id", "=", filter.clientId);
  if (filter.accountManagerId) {
    query = query.where("cl.account_manager_id", "=", filter.accountManagerId);
  }

  const rows = await query.execute();
  return new Map(rows.map((row) => [row.clientId, Number(row.received)]));
}

/**
 * Sums outstanding amounts into aging buckets on `asOf`, one total per
 * due-date range. The caller computes the ranges from the buckets' day
 * bounds, so the SQL compares plain dates and is the same on every
 * database. SQL sums per due date, read in order from the open-by-due-date
 * index, and the few hundred dates are put into ranges here: one CASE per
 * range and installment cost more than the scan itself at millions of rows.
 */
export async function agingTotals(
  db: Db,
  asOf: string,
  dueDateRanges: readonly AgingDueDateRange[],
  filter: BalanceFilter = {},
): Promise<number[]> {
  const byDueDate = await db
    .selectFrom((await openInstallmentRowsAsOf(db, asOf, filter)).as("x"))
    .select((eb) => ["x.due_date as dueDate", eb.fn.sum<number>(sql<number>`x.amount - x.applied`).as("outstanding")])
    .groupBy("x.due_date")
    .execute();

  return dueDateRanges.map((range) =>
    byDueDate
      .filter((row) => (range.from === null || row.dueDate >= range.from) && (range.to === null || row.dueDate <= range.to))
      .reduce((sum, row) => sum + Number(row.outstanding), 0),
  );
}

/**
 * Builds one `sum(outstanding)` column per due-date range, aliased bucket0,
 * bucket1, …, over installmentsAsOf selected as "x".
 */
export function agingBucketSums(
  eb: AgedRows,
  dueDateRanges: readonly AgingDueDateRange[],
) {
  return dueDateRanges.map((range, index) => {
    const conditions = [];
    if (range.from !== null) conditions.push(eb("x.due_date", ">=", range.from));
    if (range.to !== null) conditions.push(eb("x.due_date", "<=", range.to));
    return eb.fn
      .sum<number>(
        eb
          .case()
          .when(conditions.length ? eb.and(conditions) : sql<boolean>`1 = 1`)
          .then(sql<number>`x.amount - x.applied`)
          .else(0)
          .end(),
      )
      .as(`bucket${index}`);
  });
}

/** Columns of installmentsAsOf that balances can be grouped by. */
export type BalanceGroupKey = "client_id" | "business_type_id" | "account_manager_id";

export interface GroupBalanceRow {
  /** Value of the grouping column, or null for clients with no account manager. */
  groupId: number | null;
  /** Installments of every contract signed by `asOf`. */
  contracted: number;
  /** Applied by `asOf` to those installments. */
  applied: number;
  outstanding: number;
  /** Outstanding on installments due before `asOf`. */
  overdue: number;
  /** Installments of contracts signed in [from, asOf], or all of them when `from` is null. */
  periodContracted: number;
  /**
   * Applied to those installments from payments received in [from, asOf].
   * Money received in the period that still sits as client credit on `asOf`
   * is not in any group.
   */
  periodApplied: number;
}

/**
 * Contracted, applied, outstanding and overdue amounts on `asOf` per value
 * of `groupBy`, with the contracted and applied amounts of the period
 * [from, asOf], aggregated in SQL over installmentsAsOf.
 */
export async function groupBalancesAsOf(
  db: Db,
  params: { asOf: string; from: string | null; groupBy: BalanceGroupKey },
  filter: BalanceFilter = {},
): Promise<GroupBalanceRow[]> {
  const { asOf, from, groupBy } = params;
  const rows = await db
    .selectFrom(installmentsAsOf(db, asOf, filter).as("x"))
    .innerJoin("contract as c", "c.id", "x.contract_id")
    .select((eb) => [
      eb.ref(`x.${groupBy}`).as("groupId"),
      eb.fn.sum<number>("x.amount").as("contracted"),
      eb.fn.sum<number>("x.applied").as("applied"),
      eb.fn
        .sum<number>(
          eb.case().when("x.due_date", "<", asOf).then(sql<number>`x.amount - x.applied`).else(0).end(),
        )
        .as("overdue"),
      eb.fn
        .sum<number>(
          from === null
            ? eb.ref("x.amount")
            : eb.case().when("c.signed_on", ">=", from).then(eb.ref("x.amount")).else(0).end(),
        )
        .as("periodContracted"),
      eb.fn
        .sum<number>(
          from === null
            ? eb.ref("x.applied")
            : eb
                .selectFrom("allocation as a")
                .innerJoin("payment as p", "p.id", "a.payment_id")
                .select((sub) => sub.fn.coalesce(sub.fn.sum<number>("a.amount"), sub.lit(0)).as("amount"))
                .whereRef("a.installment_id", "=", "x.installment_id")
                .where("a.reversed_at", "is", null)
                .where("p.received_on", ">=", from)
                .where("p.received_on", "<=", asOf),
        )
        .as("periodApplied"),
    ])
    .groupBy(`x.${groupBy}`)
    .execute();

  return rows.map((row) => ({
    groupId: row.groupId as number | null,
    contracted: Number(row.contracted),
    applied: Number(row.applied),
    outstanding: Number(row.contracted) - Number(row.applied),
    overdue: Number(row.overdue),
    periodContracted: Number(row.periodContracted),
    periodApplied: Number(row.periodApplied),
  }));
}
