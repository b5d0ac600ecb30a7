import type { Db } from "../../db";
import { type BalanceFilter, installmentsAsOf, owingClientBalancesAsOf } from "../../db/queries/balances";
import { addDays, daysBetween } from "../domain/dates";
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
 * asOf. Paid fen come from live allocations of live payments received by
 * asOf, summed in SQL per (client, due date, signing date, receipt date);
 * open fen per (client, due date). Days are then weighted in integers.
 */
export async function paymentSpeed(db: Db, params: { from: string; asOf: string }, filter: BalanceFilter = {}) {
  const { from, asOf } = params;

  let paidQuery = db
    .selectFrom("allocation as a")
    .innerJoin("payment as p", "p.id", "a.payment_id")
    .innerJoin("installment as i", "i.id", "a.installment_id")
    .innerJoin("contract as c", "c.id", "i.contract_id")
    .innerJoin("client as cl", "cl.id", "c.client_id")
    .select((eb) => [
      "c.client_id as clientId",
      "i.due_date as dueDate",
      "c.signed_on as signedOn",
      "p.received_on as receivedOn",
      eb.fn.sum<number>("a.amount").as("amount"),
    ])
    .where("a.reversed_at", "is", null)
    .where("p.reversed_at", "is", null)
    .where("p.received_on", "<=", asOf)
    .where("c.signed_on", "<=", asOf)
    .where("i.due_date", ">=", from)
    .where("i.due_date", "<=", asOf)
    .groupBy(["c.client_id", "i.due_date", "c.signed_on", "p.received_on"]);
  if (filter.clientId) paidQuery = paidQuery.where("c.client_id", "=", filter.clientId);
  if (filter.accountManagerId) paidQuery = paidQuery.where("cl.account_manager_id", "=", filter.accountManagerId);
  if (filter.businessTypeId) paidQuery = paidQuery.where("c.business_type_id", "=", filter.businessTypeId);

  const dueRows = await db
    .selectFrom(installmentsAsOf(db, asOf, filter).as("x"))
    .select((eb) => [
      "x.client_id as clientId",
      "x.due_date as dueDate",
      eb.fn.sum<number>("x.amount").as("due"),
      eb.fn.sum<number>("x.applied").as("applied"),
    ])
    .where("x.due_date", ">=", from)
    .where("x.due_date", "<=", asOf)
    .groupBy(["x.client_id", "x.due_date"])
    .execute();
  const paidRows = await paidQuery.execute();
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

  for (const due of dueRows) {
    const row = rowOf(due.clientId);
    const amount = Number(due.due);
    const open = amount - Number(due.applied ?? 0);
    row.dueInPeriod += amount;
    if (open > 0 && due.dueDate < asOf) {
      row.openOverdue += open;
      row.lateFenDays += open * daysBetween(due.dueDate, asOf);
    }
  }
  for (const paid of paidRows) {
    const row = rowOf(paid.clientId);
    const amount = Number(paid.amount);
    const late = Math.max(0, daysBetween(paid.dueDate, paid.receivedOn));
    row.paid += amount;
    if (late === 0) row.paidOnTime += amount;
    row.lateFenDays += amount * late;
    row.signFenDays += amount * daysBetween(paid.signedOn, paid.receivedOn);
  }
  // More than 90 days overdue on asOf: due date before asOf − 90 days.
  const over90Before = addDays(asOf, -90);
  for (const balance of balances) {
    if (!rows.has(balance.clientId) && balance.overdue <= 0) continue;
    const row = rowOf(balance.clientId);
    row.overdueNow = balance.overdue;
    row.overdueOver90 = balance.oldestOverdueDueDate !== null && balance.oldestOverdueDueDate < over90Before;
  }

  const ids = [...rows.keys()];
  const names = ids.length
    ? await db
        .selectFrom("client as cl")
        .leftJoin("staff as s", "s.id", "cl.account_manager_id")
        .select(["cl.id", "cl.name", "s.name as accountManagerName"])
        .where("cl.id", "in", ids)
        .execute()
    : [];
  for (const name of names) {
    const row = rows.get(name.id)!;
    row.clientName = name.name;
    row.accountManagerName = name.accountManagerName;
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
