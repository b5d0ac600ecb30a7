import { sql } from "kysely";

import type { Db } from "../../db";
import { type BalanceFilter, clientBalancesAsOf, installmentsAsOf } from "../../db/queries/balances";
import { clientDirectory } from "../../db/queries/clients";
import { openDisputedInstallmentIds } from "../../db/queries/disputes";
import { daysOverdue } from "../domain/aging";
import { priorityInYuan, priorityKey } from "../domain/collections";
import { addDays, addMonths, daysBetween } from "../domain/dates";
import type { SpeedGrade } from "../domain/speed";
import { paidTowardsPromise } from "./collections";
import { paymentSpeed } from "./speed";

export interface WorklistParams {
  asOf: string;
  /** Window in days for "became overdue", "due soon" and overdue growth. */
  days: number;
  /** Growth of a client's overdue amount, in fen, that puts it on the list. */
  growthThreshold: number;
}

export interface WorklistClient {
  clientId: number;
  clientName: string;
  phone: string;
  accountManagerName: string | null;
  overdue: number;
  daysOverdue: number;
  /** Overdue now minus overdue `days` days ago, in fen. */
  overdueGrowth: number;
  /** Earliest follow-up date due by asOf and not yet followed by a later contact, or null. */
  followUpOn: string | null;
  /** Broken promises not yet followed by a contact after their date. */
  brokenPromises: number;
  brokenShortfall: number;
  newlyOverdue: number;
  dueSoon: number;
  disputed: number;
  grade: SpeedGrade | null;
  /** Integer ranking key; see priorityKey. */
  priorityKey: string;
  /** The priority as the page states it, in yuan × days. */
  priority: number;
}

export interface WorklistInstallment {
  installmentId: number;
  clientId: number;
  clientName: string;
  contractId: number;
  contractNo: string;
  label: string;
  dueDate: string;
  outstanding: number;
  /** Days overdue on asOf, or negative days until due. */
  days: number;
  disputed: boolean;
}

/**
 * Builds the daily worklist (今日待办) on `asOf`. It lists clients with a
 * follow-up due, a broken promise, an installment that fell overdue in the
 * last `days` days or falls due in the next `days` days, or overdue that grew
 * by at least `growthThreshold` fen over the last `days` days. Every figure is
 * aggregated in SQL, so only the rows shown are read.
 */
export async function worklist(db: Db, params: WorklistParams, filter: Pick<BalanceFilter, "accountManagerId"> = {}) {
  const { asOf, days, growthThreshold } = params;
  const since = addDays(asOf, -days);
  const until = addDays(asOf, days);

  const [now, before, followUps, broken, installments, disputed, speed] = await Promise.all([
    clientBalancesAsOf(db, asOf, filter),
    clientBalancesAsOf(db, since, filter),
    dueFollowUps(db, asOf, filter),
    brokenPromises(db, asOf, filter),
    windowInstallments(db, { asOf, since, until }, filter),
    openDisputedInstallmentIds(db, asOf),
    paymentSpeed(db, { from: addDays(addMonths(asOf, -12), 1), asOf }, filter),
  ]);

  const beforeByClient = new Map(before.map((row) => [row.clientId, row.overdue]));
  const nowByClient = new Map(now.map((row) => [row.clientId, row]));
  const gradeByClient = new Map(speed.clients.map((row) => [row.clientId, row.grade]));
  const followUpByClient = new Map(followUps.map((row) => [row.clientId, row.followUpOn]));
  const brokenByClient = new Map(broken.map((row) => [row.clientId, row]));

  const grown = now.filter((row) => row.overdue - (beforeByClient.get(row.clientId) ?? 0) >= growthThreshold && row.overdue > 0);
  const ids = new Set<number>([
    ...followUps.map((row) => row.clientId),
    ...broken.map((row) => row.clientId),
    ...installments.map((row) => row.clientId),
    ...grown.map((row) => row.clientId),
  ]);
  const directory = await clientDirectory(db, [...ids]);

  const shownInstallments: WorklistInstallment[] = installments.map((row) => ({
    installmentId: row.installmentId,
    clientId: row.clientId,
    clientName: directory.get(row.clientId)?.name ?? "",
    contractId: row.contractId,
    contractNo: row.contractNo,
    label: row.label,
    dueDate: row.dueDate,
    outstanding: row.outstanding,
    days: daysBetween(row.dueDate, asOf),
    disputed: disputed.has(row.installmentId),
  }));

  const clients: WorklistClient[] = [...ids].map((clientId) => {
    const balance = nowByClient.get(clientId);
    const overdue = balance?.overdue ?? 0;
    const oldest = balance?.oldestOverdueDueDate ?? null;
    const brokenRow = brokenByClient.get(clientId);
    const grade = gradeByClient.get(clientId) ?? null;
    const key = priorityKey({ overdue, oldestOverdueDueDate: oldest, asOf, brokenPromise: brokenRow !== undefined, grade });
    const own = shownInstallments.filter((row) => row.clientId === clientId);
    const info = directory.get(clientId);
    return {
      clientId,
      clientName: info?.name ?? "",
      phone: info?.phone ?? "",
      accountManagerName: info?.accountManagerName ?? null,
      overdue,
      daysOverdue: oldest ? daysOverdue(oldest, asOf) : 0,
      overdueGrowth: overdue - (beforeByClient.get(clientId) ?? 0),
      followUpOn: followUpByClient.get(clientId) ?? null,
      brokenPromises: brokenRow?.count ?? 0,
      brokenShortfall: brokenRow?.shortfall ?? 0,
      newlyOverdue: own.filter((row) => row.days > 0).length,
      dueSoon: own.filter((row) => row.days <= 0).length,
      disputed: own.filter((row) => row.disputed).length,
      grade,
      priorityKey: key.toString(),
      priority: priorityInYuan(key),
    };
  });
  clients.sort(compareClients);

  return {
    asOf,
    days,
    growthThreshold,
    since,
    until,
    clients,
    newlyOverdue: shownInstallments.filter((row) => row.days > 0),
    dueSoon: shownInstallments.filter((row) => row.days <= 0),
    counts: {
      followUps: followUps.length,
      brokenPromises: broken.length,
      grown: grown.length,
    },
  };
}

/** Highest priority first; then broken promises, earliest follow-up, and name. */
function compareClients(a: WorklistClient, b: WorklistClient): number {
  const byKey = BigInt(b.priorityKey) - BigInt(a.priorityKey);
  if (byKey !== 0n) return byKey > 0n ? 1 : -1;
  return (
    b.brokenPromises - a.brokenPromises ||
    (a.followUpOn ?? "9999").localeCompare(b.followUpOn ?? "9999") ||
    a.clientName.localeCompare(b.clientName, "zh-CN")
  );
}

/**
 * Per client, the earliest follow-up date on or before `asOf` among live
 * contacts made by `asOf` that no later live contact followed.
 */
async function dueFollowUps(db: Db, asOf: string, filter: Pick<BalanceFilter, "accountManagerId">) {
  const endOfDay = addDays(asOf, 1);
  let query = db
    .selectFrom("collection_contact as c")
    .innerJoin("client as cl", "cl.id", "c.client_id")
    .select((eb) => ["c.client_id as clientId", eb.fn.min<string>("c.next_follow_up_on").as("followUpOn")])
    .where("c.voided_at", "is", null)
    .where("c.contacted_at", "<", endOfDay)
    .where("c.next_follow_up_on", "<=", asOf)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("collection_contact as later")
            .select("later.id")
            .whereRef("later.client_id", "=", "c.client_id")
            .where("later.voided_at", "is", null)
            .whereRef("later.contacted_at", ">", "c.contacted_at")
            .where("later.contacted_at", "<", endOfDay),
        ),
      ),
    )
    .groupBy("c.client_id");
  if (filter.accountManagerId) query = query.where("cl.account_manager_id", "=", filter.accountManagerId);
  return query.execute();
}

/**
 * Per client, the number of promises broken on `asOf` (made by then, date
 * passed, not covered by payments) that no live contact after the promised
 * date has followed, and their total shortfall in fen.
 */
async function brokenPromises(db: Db, asOf: string, filter: Pick<BalanceFilter, "accountManagerId">) {
  const endOfDay = addDays(asOf, 1);
  let inner = db
    .selectFrom("payment_promise as p")
    .innerJoin("client as cl", "cl.id", "p.client_id")
    .select((eb) => ["p.client_id as clientId", "p.amount", paidTowardsPromise(eb, asOf).as("paid")])
    .where("p.voided_at", "is", null)
    .where("p.made_on", "<=", asOf)
    .where("p.promised_on", "<", asOf)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("collection_contact as later")
            .select("later.id")
            .whereRef("later.client_id", "=", "p.client_id")
            .where("later.voided_at", "is", null)
            .where("later.contacted_at", "<", endOfDay)
            // contacted_at 'YYYY-MM-DDTHH:mm' sorts after the bare promised date on that day.
            .where(sql<boolean>`later.contacted_at > (p.promised_on || 'T99')`),
        ),
      ),
    );
  if (filter.accountManagerId) inner = inner.where("cl.account_manager_id", "=", filter.accountManagerId);

  const rows = await db
    .selectFrom(inner.as("b"))
    .select((eb) => [
      "b.clientId",
      eb.fn.countAll<number>().as("count"),
      eb.fn.sum<number>(sql<number>`b.amount - b.paid`).as("shortfall"),
    ])
    .where(sql<boolean>`b.paid < b.amount`)
    .groupBy("b.clientId")
    .execute();
  return rows.map((row) => ({ clientId: row.clientId, count: Number(row.count), shortfall: Number(row.shortfall) }));
}

/** Open installments due in [since, until], which covers "became overdue" and "due soon". */
async function windowInstallments(
  db: Db,
  range: { asOf: string; since: string; until: string },
  filter: Pick<BalanceFilter, "accountManagerId">,
) {
  const rows = await db
    .selectFrom(installmentsAsOf(db, range.asOf, filter).as("x"))
    .innerJoin("installment as i", "i.id", "x.installment_id")
    .innerJoin("contract as c", "c.id", "x.contract_id")
    .select([
      "x.installment_id as installmentId",
      "x.client_id as clientId",
      "x.contract_id as contractId",
      "c.contract_no as contractNo",
      "i.label",
      "x.due_date as dueDate",
      "x.amount",
      "x.applied",
    ])
    .where("x.due_date", ">=", range.since)
    .where("x.due_date", "<=", range.until)
    .where(sql<boolean>`x.amount - x.applied > 0`)
    .orderBy("x.due_date")
    .orderBy("x.installment_id")
    .execute();
  return rows.map((row) => ({ ...row, outstanding: row.amount - Number(row.applied ?? 0) }));
}
