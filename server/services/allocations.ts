import { sql } from "kysely";

import type { Db } from "../../db";
import { selectInChunks } from "../../db/queries/chunks";
import type { Clock } from "../clock";
import { allocate, type AllocationLine, type OpenInstallment } from "../domain/allocation";

/**
 * Writing allocations (核销). Payments are applied in the order they were
 * received, not the order they were entered: a back-dated payment replays
 * the allocations of every later payment of the client, so a balance as of
 * a past date shows what was really paid by then. Every function here must
 * run inside the caller's transaction.
 */

/** Installments of the client that still have money due now. */
export async function openInstallments(db: Db, clientId: number): Promise<OpenInstallment[]> {
  const rows = await db
    .selectFrom("installment as i")
    .select(["i.id", "i.contract_id", "i.due_date", "i.amount", "i.paid_amount"])
    .where("i.client_id", "=", clientId)
    .where(sql<boolean>`i.paid_amount < i.amount`)
    .execute();

  return rows.map((row) => ({
    installmentId: row.id,
    contractId: row.contract_id,
    dueDate: row.due_date,
    outstanding: row.amount - row.paid_amount,
  }));
}

/** Writes allocation rows and moves each installment's paid amount with them. */
async function writeAllocations(
  db: Db,
  paymentId: number,
  lines: readonly AllocationLine[],
  createdAt: string,
): Promise<void> {
  for (const line of lines) {
    await db
      .insertInto("allocation")
      .values({
        payment_id: paymentId,
        installment_id: line.installmentId,
        amount: line.amount,
        created_at: createdAt,
      })
      .execute();
    await db
      .updateTable("installment")
      .set((eb) => ({ paid_amount: eb("paid_amount", "+", line.amount) }))
      .where("id", "=", line.installmentId)
      .execute();
  }
}

/**
 * Takes the live allocations of the given payments off their installments.
 * The rows stay as history, marked with `reversedAt`: for a reversed
 * payment they are reversed with it, for a live one they were replaced by
 * allocations written again in received order.
 */
export async function unwindAllocations(
  db: Db,
  paymentIds: readonly number[],
  reversedAt: string,
): Promise<number> {
  if (paymentIds.length === 0) return 0;

  const allocations = await selectInChunks(paymentIds, (chunk) =>
    db
      .selectFrom("allocation")
      .select(["id", "installment_id", "amount"])
      .where("payment_id", "in", chunk)
      .where("reversed_at", "is", null)
      .execute(),
  );
  for (const allocation of allocations) {
    await db
      .updateTable("installment")
      .set((eb) => ({ paid_amount: eb("paid_amount", "-", allocation.amount) }))
      .where("id", "=", allocation.installment_id)
      .execute();
  }

  await selectInChunks(paymentIds, async (chunk) => {
    await db
      .updateTable("allocation")
      .set({ reversed_at: reversedAt })
      .where("payment_id", "in", chunk)
      .where("reversed_at", "is", null)
      .execute();
    return [];
  });
  return allocations.reduce((sum, allocation) => sum + allocation.amount, 0);
}

/** Live payments of a client with the part of each amount not yet applied. */
export async function livePayments(db: Db, clientId: number) {
  const rows = await db
    .selectFrom("payment as p")
    .leftJoin("allocation as a", (join) => join.onRef("a.payment_id", "=", "p.id").on("a.reversed_at", "is", null))
    .select((eb) => [
      "p.id",
      "p.received_on",
      "p.amount",
      "p.contract_id",
      eb.fn.coalesce(eb.fn.sum<number>("a.amount"), eb.lit(0)).as("applied"),
    ])
    .where("p.client_id", "=", clientId)
    .where("p.reversed_at", "is", null)
    .groupBy(["p.id", "p.received_on", "p.amount", "p.contract_id"])
    .orderBy("p.received_on")
    .orderBy("p.id")
    .execute();

  return rows.map((row) => ({
    id: row.id,
    receivedOn: row.received_on,
    amount: row.amount,
    contractId: row.contract_id,
    unapplied: row.amount - Number(row.applied),
  }));
}

/** Live payments of a client with part of their amount not yet applied. */
export async function unappliedPayments(db: Db, clientId: number) {
  return (await livePayments(db, clientId)).filter((payment) => payment.unapplied > 0);
}

/**
 * Re-applies the client's payments in received order after a payment dated
 * `fromDate` was recorded or reversed: the allocations of every live payment
 * received after that date are unwound (kept as history), then every
 * payment with money unapplied, oldest first, is applied again: its named
 * contract first, then oldest due date first. Payments received on or
 * before `fromDate` keep what they already paid. `now` stamps the rows.
 * Returns the fen applied per payment id.
 */
export async function replayAllocations(
  db: Db,
  clientId: number,
  fromDate: string,
  now: string,
): Promise<Map<number, number>> {
  const payments = await livePayments(db, clientId);
  const later = payments.filter((payment) => payment.receivedOn > fromDate && payment.unapplied < payment.amount);
  await unwindAllocations(db, later.map((payment) => payment.id), now);

  const unwound = new Set(later.map((payment) => payment.id));
  const queue = payments
    .map((payment) => (unwound.has(payment.id) ? { ...payment, unapplied: payment.amount } : payment))
    .filter((payment) => payment.unapplied > 0);

  let open = await openInstallments(db, clientId);
  const applied = new Map<number, number>();
  for (const payment of queue) {
    const plan = allocate(payment.unapplied, open, payment.contractId);
    await writeAllocations(db, payment.id, plan.lines, now);
    applied.set(payment.id, payment.unapplied - plan.unapplied);
    open = reduceOpen(open, plan.lines);
  }
  return applied;
}

/**
 * Applies the client's unapplied payments (credit), oldest payment first, to
 * installments that are open now, e.g. after a new contract.
 */
export async function applyClientCredit(db: Db, clock: Clock, clientId: number): Promise<number> {
  const payments = await unappliedPayments(db, clientId);
  if (payments.length === 0) return 0;

  let open = await openInstallments(db, clientId);
  let appliedTotal = 0;
  for (const payment of payments) {
    if (open.length === 0) break;

    const plan = allocate(payment.unapplied, open);
    await writeAllocations(db, payment.id, plan.lines, clock.nowIso());
    appliedTotal += payment.unapplied - plan.unapplied;
    open = reduceOpen(open, plan.lines);
  }
  return appliedTotal;
}

function reduceOpen(open: OpenInstallment[], lines: readonly AllocationLine[]): OpenInstallment[] {
  const paid = new Map(lines.map((line) => [line.installmentId, line.amount]));
  return open
    .map((item) => ({ ...item, outstanding: item.outstanding - (paid.get(item.installmentId) ?? 0) }))
    .filter((item) => item.outstanding > 0);
}
