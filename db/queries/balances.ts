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

/** Sum of live allocations to installment `i` from payments received by `asOf`. */
function appliedAsOf(eb: ExpressionBuilder<Database & { i: Database["installment"] }, "i">, asOf: string) {
  return eb
    .selectFrom("allocation as a")
    .innerJoin("payment as p", "p.id", "a.payment_id")
    .select((sub) => sub.fn.coalesce(sub.fn.sum<number>("a.amount"), sub.lit(0)).as("applied"))
    .whereRef("a.installment_id", "=", "i.id")
    .where("a.reversed_at", "is", null)
    .where("p.received_on", "<=", asOf);
}

/**
 * Every installment of a contract signed by `asOf`, with what was applied to
 * it by then. The base of every balance, aging and reminder figure.
 */
export function installmentsAsOf(db: Db, asOf: string, filter: BalanceFilter = {}) {
  let query = db
    .selectFrom("installment as i")
    .innerJoin("contract as c", "c.id", "i.contract_id")
    .innerJoin("client as cl", "cl.id", "c.client_id")
    .select((eb) => [
      "i.id as installment_id",
      "i.contract_id",
      "c.client_id",
      "c.business_type_id",
      "cl.account_manager_id",
      "i.due_date",
      "i.amount",
      appliedAsOf(eb, asOf).as("applied"),
    ])
    .where("c.signed_on", "<=", asOf);

  if (filter.clientId) query = query.where("c.client_id", "=", filter.clientId);
  if (filter.accountManagerId) {
    query = query.where("cl.account_manager_id", "=", filter.accountManagerId);
  }
  if (filter.businessTypeId) {
    query = query.where("c.business_type_id", "=", filter.businessTypeId);
  }
  return query;
}

/** Installments with money still due on `asOf`, oldest due date first. */
export async function openInstallmentsAsOf(db: Db, asOf: string, filter: BalanceFilter = {}) {
  const rows = await db
    .selectFrom(installmentsAsOf(db, asOf, filter).as("x"))
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
    .where(sql<boolean>`x.amount - x.applied > 0`)
    .orderBy("x.due_date")
    .orderBy("x.installment_id")
    .execute();

  return rows.map((row) => {
    const applied = Number(row.applied ?? 0);
    return { ...row, applied, outstanding: row.amount - applied };
  });
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
      eb.fn
        .sum<number>(
          eb.case().when("x.due_date", "<", asOf).then(sql<number>`x.amount - x.applied`).else(0).end(),
        )
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
        .min<string | null>(
          eb.case().when(sql<boolean>`x.amount > x.applied`).then(eb.ref("x.due_date")).end(),
        )
        .as("nextDueDate"),
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
 * bounds, so the SQL compares plain dates and is the same on every database.
 */
export async function agingTotals(
  db: Db,
  asOf: string,
  dueDateRanges: readonly { from: string | null; to: string | null }[],
  filter: BalanceFilter = {},
): Promise<number[]> {
  const row = await db
    .selectFrom(installmentsAsOf(db, asOf, filter).as("x"))
    .select((eb) => agingBucketSums(eb, dueDateRanges))
    .executeTakeFirst();

  return dueDateRanges.map((_, index) =>
    Number((row as Record<string, unknown> | undefined)?.[`bucket${index}`] ?? 0),
  );
}

type AgedRows = ExpressionBuilder<{ x: { due_date: string; amount: number; applied: number } }, "x">;

/**
 * Builds one `sum(outstanding)` column per due-date range, aliased bucket0,
 * bucket1, …, over installmentsAsOf selected as "x".
 */
export function agingBucketSums(
  eb: AgedRows,
  dueDateRanges: readonly { from: string | null; to: string | null }[],
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
