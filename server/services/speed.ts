import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";

import type { Db } from "../../db";
import { daysBetweenSql } from "../../db/dialect/dates";
import {
  type BalanceFilter,
  openInstallmentRowsAsOf,
  owingClientBalancesAsOf,
} from "../../db/queries/balances";
import { clientDirectory } from "../../db/queries/clients";
import type { InstallmentTable } from "../../db/schema";
import { addDays } from "../domain/dates";
import { type SpeedGrade, speedGrade } from "../domain/speed";

/**
 * Orders client names as localeCompare(…, "zh-CN") does. One collator serves
 * the whole sort, because localeCompare with a locale builds a collator per
 * comparison, which dominates sorting thousands of clients.
 */
const chineseCollator = new Intl.Collator("zh-CN");

export interface SpeedRow {
  clientId: number;
  clientName: string;
  accountManagerName: string | null;
  /** Fen of installments due in the period. */
  dueInPeriod: number;
  /** Fen of those paid by asOf, and the part paid on or before its due date. */
  paid: number;
  paidOnTime: number;
  /** Fen still open on asOf whose due date is before asOf. */
  openOverdue: number;
  /** Σ fen × days late over paid and open overdue fen; the weight is paid + openOverdue. */
  lateFenDays: number;
  /** Weighted days late, or null when nothing was paid or overdue in the period. */
  weightedDaysLate: number | null;
  /** Paid on time ÷ due in the period, in percent, or null when nothing was due. */
  onTimePercent: number | null;
  /** Amount-weighted days from signing to payment over paid fen, or null. */
  daysToPay: number | null;
  /** Overdue on asOf over all of the client's installments. */
  overdueNow: number;
  /** Whether some amount is more than 90 days overdue on asOf. */
  overdueOver90: boolean;
  grade: SpeedGrade | null;
}

/**
 * Payment speed per client over installments due in [from, asOf], as of
 * asOf, summed in SQL to one row per client: due fen from the installments,
 * paid fen and fen × days from live allocations of live payments received
 * by asOf, open overdue fen and fen × days from the open installments. Day
 * counts come from daysBetweenSql, so nothing but the sums reaches
 * JavaScript.
 */
export async function paymentSpeed(db: Db, params: { from: string; asOf: string }, filter: BalanceFilter = {}) {
  const { from, asOf } = params;

  const signedAfterAsOf = db.selectFrom("contract").select("id").where("signed_on", ">", asOf);
  // The report's filters, on the installment's own columns.
  const inFilter = (eb: ExpressionBuilder<{ i: InstallmentTable }, "i">) => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.clientId) conditions.push(eb("i.client_id", "=", filter.clientId));
    if (filter.accountManagerId) {
      const managed = db.selectFrom("client").select("id").where("account_manager_id", "=", filter.accountManagerId);
      conditions.push(eb("i.client_id", "in", managed));
    }
    if (filter.businessTypeId) {
      const ofType = db.selectFrom("contract").select("id").where("business_type_id", "=", filter.businessTypeId);
      conditions.push(eb("i.contract_id", "in", ofType));
    }
    return eb.and(conditions);
  };

  const dueRows = await db
    .selectFrom("installment as i")
    .select((eb) => ["i.client_id as clientId", eb.fn.sum<number>("i.amount").as("due")])
    .where("i.due_date", ">=", from)
    .where("i.due_date", "<=", asOf)
    .where("i.contract_id", "not in", signedAfterAsOf)
    .where(inFilter)
    .groupBy("i.client_id")
    .execute();

  const late = daysBetweenSql(db, sql.ref("i.due_date"), sql.ref("p.received_on"));
  const paidRows = await db
      .selectFrom("installment as i")
      .innerJoin("allocation as a", "a.installment_id", "i.id")
      .innerJoin("payment as p", "p.id", "a.payment_id")
      .innerJoin("contract as c", "c.id", "i.contract_id")
      .select((eb) => [
        "i.client_id as clientId",
        eb.fn.sum<number>("a.amount").as("paid"),
        eb.fn
          .sum<number>(eb.case().when("p.received_on", "<=", eb.ref("i.due_date")).then(eb.ref("a.amount")).else(0).end())
          .as("paidOnTime"),
        eb.fn
          .sum<number>(
            eb.case().when("p.received_on", ">", eb.ref("i.due_date")).then(sql<number>`a.amount * ${late}`).else(0).end(),
          )
          .as("lateFenDays"),
        eb.fn
          .sum<number>(sql<number>`a.amount * ${daysBetweenSql(db, sql.ref("c.signed_on"), sql.ref("p.received_on"))}`)
          .as("signFenDays"),
      ])
      .where("a.reversed_at", "is", null)
      .where("p.reversed_at", "is", null)
      .where("p.received_on", "<=", asOf)
      .where("c.signed_on", "<=", asOf)
      .where("i.due_date", ">=", from)
      .where("i.due_date", "<=", asOf)
      .where(inFilter)
      .groupBy("i.client_id")
      .execute();

  // Open overdue: due in [from, asOf) and not paid by asOf.
  const openRows = await db
    .selectFrom((await openInstallmentRowsAsOf(db, asOf, filter, { from, to: addDays(asOf, -1) })).as("x"))
    .select((eb) => [
      "x.client_id as clientId",
      eb.fn.sum<number>(sql<number>`x.amount - x.applied`).as("open"),
      eb.fn
        .sum<number>(sql<number>`(x.amount - x.applied) * ${daysBetweenSql(db, sql.ref("x.due_date"), sql.val(asOf))}`)
        .as("openFenDays"),
    ])
    .groupBy("x.client_id")
    .execute();
  const balances = await owingClientBalancesAsOf(db, asOf, filter);

  const rows = new Map<number, SpeedRow & { signFenDays: number }>();
  const rowOf = (clientId: number) => {
    let row = rows.get(clientId);
    if (!row) {
      row = {
        clientId,
        clientName: "",
        accountManagerName: null,
        dueInPeriod: 0,
        paid: 0,
        paidOnTime: 0,
        openOverdue: 0,
        lateFenDays: 0,
        weightedDaysLate: null,
        onTimePercent: null,
        daysToPay: null,
        overdueNow: 0,
        overdueOver90: false,
        grade: null,
        signFenDays: 0,
      };
      rows.set(clientId, row);
    }
    return row;
  };

  for (const due of dueRows) rowOf(due.clientId).dueInPeriod += Number(due.due);
  for (const open of openRows) {
    const row = rowOf(open.clientId);
    row.openOverdue += Number(open.open);
    row.lateFenDays += Number(open.openFenDays);
  }
  for (const paid of paidRows) {
    const row = rowOf(paid.clientId);
    row.paid += Number(paid.paid);
    row.paidOnTime += Number(paid.paidOnTime);
    row.lateFenDays += Number(paid.lateFenDays);
    row.signFenDays += Number(paid.signFenDays);
  }
  // More than 90 days overdue on asOf: due date before asOf − 90 days.
  const over90Before = addDays(asOf, -90);
  for (const balance of balances) {
    if (!rows.has(balance.clientId) && balance.overdue <= 0) continue;
    const row = rowOf(balance.clientId);
    row.overdueNow = balance.overdue;
    row.overdueOver90 = balance.oldestOverdueDueDate !== null && balance.oldestOverdueDueDate < over90Before;
  }

  const directory = await clientDirectory(db, rows.keys());
  for (const client of directory.values()) {
    const row = rows.get(client.id)!;
    row.clientName = client.name;
    row.accountManagerName = client.accountManagerName;
  }

  const clients: SpeedRow[] = [...rows.values()].map(({ signFenDays, ...row }) => {
    const weight = row.paid + row.openOverdue;
    const hasFigures = weight > 0;
    return {
      ...row,
      weightedDaysLate: hasFigures ? row.lateFenDays / weight : null,
      onTimePercent: row.dueInPeriod > 0 ? (row.paidOnTime * 100) / row.dueInPeriod : null,
      daysToPay: row.paid > 0 ? signFenDays / row.paid : null,
      grade: hasFigures || row.overdueOver90 ? speedGrade(row.lateFenDays, weight, row.overdueOver90) : null,
    };
  });

  const ranked = clients
    .filter((row) => row.weightedDaysLate !== null)
    .sort(
      (a, b) =>
        a.weightedDaysLate! - b.weightedDaysLate! ||
        (b.onTimePercent ?? 0) - (a.onTimePercent ?? 0) ||
        chineseCollator.compare(a.clientName, b.clientName),
    );
  const best = ranked.slice(0, 10);
  const worst = ranked.slice(-10).reverse();
  clients.sort((a, b) => (a.weightedDaysLate ?? Infinity) - (b.weightedDaysLate ?? Infinity) || chineseCollator.compare(a.clientName, b.clientName));
  return { from, asOf, clients, best, worst, ranked };
}
