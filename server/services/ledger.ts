import type { Db } from "../../db";
import { installmentsAsOf, receivedByClient } from "../../db/queries/balances";
import { daysOverdue } from "../domain/aging";

/**
 * One client's contracts with their installments and its payments with
 * their allocations, as of a date: what the client page and the letters
 * are built from.
 */
export async function clientLedger(db: Db, clientId: number, asOf: string) {
  const contracts = await db
    .selectFrom("contract as c")
    .innerJoin("business_type as b", "b.id", "c.business_type_id")
    .select([
      "c.id",
      "c.contract_no as contractNo",
      "c.title",
      "b.name as businessType",
      "c.business_type_id as businessTypeId",
      "c.signed_on as signedOn",
      "c.service_start as serviceStart",
      "c.service_end as serviceEnd",
      "c.total_amount as totalAmount",
      "c.media_cost as mediaCost",
      "c.production_cost as productionCost",
      "c.notes",
      "c.version",
    ])
    .where("c.client_id", "=", clientId)
    .orderBy("c.signed_on", "desc")
    .orderBy("c.id", "desc")
    .execute();

  const installmentRows = await db
    .selectFrom(installmentsAsOf(db, asOf, { clientId }).as("x"))
    .innerJoin("installment as i", "i.id", "x.installment_id")
    .select(["i.id", "i.contract_id as contractId", "i.seq", "i.label", "i.due_date as dueDate", "i.amount", "x.applied"])
    .orderBy("i.contract_id")
    .orderBy("i.seq")
    .execute();

  const installmentsByContract = new Map<number, InstallmentView[]>();
  for (const row of installmentRows) {
    const outstanding = row.amount - Number(row.applied);
    const view: InstallmentView = {
      id: row.id,
      seq: row.seq,
      label: row.label,
      dueDate: row.dueDate,
      amount: row.amount,
      paid: Number(row.applied),
      outstanding,
      daysOverdue: outstanding > 0 ? daysOverdue(row.dueDate, asOf) : 0,
    };
    const list = installmentsByContract.get(row.contractId) ?? [];
    list.push(view);
    installmentsByContract.set(row.contractId, list);
  }

  const contractViews = contracts.map((contract) => {
    const installments = installmentsByContract.get(contract.id) ?? [];
    const signedByAsOf = contract.signedOn <= asOf;
    const paid = installments.reduce((sum, item) => sum + item.paid, 0);
    const outstanding = installments.reduce((sum, item) => sum + item.outstanding, 0);
    const overdueItems = installments.filter((item) => item.outstanding > 0 && item.daysOverdue > 0);
    return {
      ...contract,
      signedByAsOf,
      installments,
      paid,
      outstanding,
      overdue: overdueItems.reduce((sum, item) => sum + item.outstanding, 0),
      earliestOverdueDueDate:
        overdueItems.map((item) => item.dueDate).sort()[0] ?? null,
      daysOverdue: Math.max(0, ...overdueItems.map((item) => item.daysOverdue)),
    };
  });

  const payments = await clientPayments(db, clientId);
  const received = (await receivedByClient(db, { to: asOf }, { clientId })).get(clientId) ?? 0;
  const counted = contractViews.filter((c) => c.signedByAsOf);
  const contracted = counted.reduce((sum, c) => sum + c.totalAmount, 0);
  const applied = counted.reduce((sum, c) => sum + c.paid, 0);

  return {
    asOf,
    contracts: contractViews,
    payments,
    totals: {
      contracted,
      received,
      applied,
      outstanding: contracted - applied,
      overdue: counted.reduce((sum, c) => sum + c.overdue, 0),
      credit: received - applied,
    },
  };
}

export interface InstallmentView {
  id: number;
  seq: number;
  label: string;
  dueDate: string;
  amount: number;
  paid: number;
  outstanding: number;
  daysOverdue: number;
}

/** All payments of a client, reversed ones included, newest first, with allocations. */
export async function clientPayments(db: Db, clientId: number) {
  const payments = await db
    .selectFrom("payment as p")
    .leftJoin("contract as c", "c.id", "p.contract_id")
    .select([
      "p.id",
      "p.received_on as receivedOn",
      "p.amount",
      "p.method",
      "p.bank_reference as bankReference",
      "p.note",
      "c.contract_no as preferredContractNo",
      "p.created_at as createdAt",
      "p.reversed_at as reversedAt",
      "p.reversal_reason as reversalReason",
    ])
    .where("p.client_id", "=", clientId)
    .orderBy("p.received_on", "desc")
    .orderBy("p.id", "desc")
    .execute();

  const allocations = payments.length
    ? await db
        .selectFrom("allocation as a")
        .innerJoin("installment as i", "i.id", "a.installment_id")
        .innerJoin("contract as c", "c.id", "i.contract_id")
        .select([
          "a.payment_id as paymentId",
          "a.amount",
          "a.reversed_at as reversedAt",
          "c.contract_no as contractNo",
          "i.label",
          "i.seq",
          "i.due_date as dueDate",
        ])
        .where(
          "a.payment_id",
          "in",
          payments.map((p) => p.id),
        )
        .orderBy("a.id")
        .execute()
    : [];

  return payments.map((payment) => {
    const lines = allocations.filter((a) => a.paymentId === payment.id);
    const applied = lines.filter((a) => a.reversedAt === null).reduce((sum, a) => sum + a.amount, 0);
    return {
      ...payment,
      allocations: lines,
      applied,
      unapplied: payment.reversedAt ? 0 : payment.amount - applied,
    };
  });
}
