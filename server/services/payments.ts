import { type ExpressionBuilder, sql } from "kysely";

import type { Db } from "../../db";
import { inTransaction } from "../../db/transaction";
import type { Database } from "../../db/schema";
import { containsText } from "../../db/text-search";
import type { Clock } from "../clock";
import { AppError, badInput, notFound } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";
import { replayAllocations, unwindAllocations } from "./allocations";

export const PAYMENT_METHODS = ["银行转账", "现金", "承兑汇票", "微信", "支付宝"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface RecordPaymentInput {
  clientId: number;
  receivedOn: string;
  amount: number;
  method: PaymentMethod;
  bankReference: string;
  note: string;
  contractId: number | null;
  /** Key of the submission; a second call with the same key records nothing. */
  requestKey?: string | null;
  /** Set when the user confirmed that a repeated bank reference is another payment. */
  allowDuplicateReference?: boolean;
}

/**
 * Records a payment and applies it to the client's open installments, those
 * of `contractId` first, then oldest due date first. Anything beyond what is
 * due stays on the payment as client credit (预收款). A back-dated payment
 * goes before payments received after it (see replayAllocations). Runs in one immediate
 * transaction so two people entering payments cannot apply the same
 * installment twice. A client outside `scope` is not found.
 */
export async function recordPayment(
  db: Db,
  clock: Clock,
  input: RecordPaymentInput,
  scope: ClientScope = ALL_CLIENTS,
) {
  if (input.receivedOn > clock.today()) {
    throw badInput("receivedOn", `收款日期 ${input.receivedOn} 晚于今天（${clock.today()}），不能登记未来的回款`);
  }

  return inTransaction(db, async (trx) => {
    const client = await trx
      .selectFrom("client")
      .select("id")
      .where("id", "=", input.clientId)
      .$if(scope.accountManagerId !== null, (query) =>
        query.where("account_manager_id", "=", scope.accountManagerId),
      )
      .executeTakeFirst();
    if (!client) throw notFound("客户", input.clientId);

    const earlier = input.requestKey ? await paymentByRequestKey(trx, input.requestKey) : undefined;
    if (earlier) {
      if (earlier.client_id !== input.clientId || earlier.amount !== input.amount) {
        throw new AppError("CONFLICT", "该提交编号已用于另一笔回款，请刷新页面后重新登记");
      }
      return { paymentId: earlier.id, applied: earlier.applied, credit: earlier.amount - earlier.applied, duplicate: true };
    }

    if (input.bankReference && !input.allowDuplicateReference) {
      const sameReference = await trx
        .selectFrom("payment")
        .select(["id", "received_on"])
        .where("client_id", "=", input.clientId)
        .where("bank_reference", "=", input.bankReference)
        .where("reversed_at", "is", null)
        .executeTakeFirst();
      if (sameReference) {
        throw new AppError(
          "CONFLICT",
          `银行流水号 ${input.bankReference} 已登记过（${sameReference.received_on} 的回款，编号 ${sameReference.id}），请勿重复登记；如确属另一笔回款，请勾选确认后再提交`,
          "bankReference",
        );
      }
    }

    if (input.contractId !== null) {
      const contract = await trx
        .selectFrom("contract")
        .select(["id", "client_id"])
        .where("id", "=", input.contractId)
        .executeTakeFirst();
      if (!contract) throw notFound("合同", input.contractId);
      if (contract.client_id !== input.clientId) {
        throw badInput("contractId", "所选合同不属于该客户");
      }
    }

    const now = clock.nowIso();
    const payment = await trx
      .insertInto("payment")
      .values({
        client_id: input.clientId,
        received_on: input.receivedOn,
        amount: input.amount,
        method: input.method,
        bank_reference: input.bankReference,
        note: input.note,
        contract_id: input.contractId,
        created_at: now,
        request_key: input.requestKey || null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    const applied = await replayAllocations(trx, input.clientId, input.receivedOn, now);
    const paymentApplied = applied.get(payment.id) ?? 0;
    return { paymentId: payment.id, applied: paymentApplied, credit: input.amount - paymentApplied, duplicate: false };
  });
}

/** The payment recorded by a submission key, with what it applies now. */
async function paymentByRequestKey(db: Db, requestKey: string) {
  const row = await db
    .selectFrom("payment as p")
    .leftJoin("allocation as a", (join) => join.onRef("a.payment_id", "=", "p.id").on("a.reversed_at", "is", null))
    .select((eb) => ["p.id", "p.client_id", "p.amount", eb.fn.coalesce(eb.fn.sum<number>("a.amount"), eb.lit(0)).as("applied")])
    .where("p.request_key", "=", requestKey)
    .groupBy(["p.id", "p.client_id", "p.amount"])
    .executeTakeFirst();
  return row ? { ...row, applied: Number(row.applied) } : undefined;
}

/**
 * Reverses a payment entered by mistake: the payment and its allocations are
 * kept and marked reversed with the reason, the installments it paid reopen,
 * and the client's later payments and credit are applied again in received
 * order. A payment of a client outside `scope` is not found.
 */
export async function reversePayment(
  db: Db,
  clock: Clock,
  input: { paymentId: number; reason: string },
  scope: ClientScope = ALL_CLIENTS,
) {
  return inTransaction(db, async (trx) => {
    const payment = await trx
      .selectFrom("payment as p")
      .innerJoin("client as cl", "cl.id", "p.client_id")
      .select(["p.id", "p.client_id", "p.received_on", "p.reversed_at"])
      .where("p.id", "=", input.paymentId)
      .$if(scope.accountManagerId !== null, (query) =>
        query.where("cl.account_manager_id", "=", scope.accountManagerId),
      )
      .executeTakeFirst();
    if (!payment) throw notFound("回款记录", input.paymentId);
    if (payment.reversed_at) {
      throw new AppError("CONFLICT", "该笔回款已冲销，不能重复冲销");
    }

    const now = clock.nowIso();
    const reopened = await unwindAllocations(trx, [payment.id], now);
    await trx
      .updateTable("payment")
      .set({ reversed_at: now, reversal_reason: input.reason })
      .where("id", "=", payment.id)
      .execute();

    // Later payments (and older credit) move onto what this one paid.
    await replayAllocations(trx, payment.client_id, payment.received_on, now);
    return { paymentId: payment.id, reopened };
  });
}

/**
 * Loads one payment with its client, the contract the payer named and every
 * allocation, reversed ones included, in the order they were written.
 * Allocations written after the payment itself came from client credit
 * applied to installments created or reopened later. A payment of a client
 * outside `scope` is not found.
 */
export async function getPayment(db: Db, paymentId: number, scope: ClientScope = ALL_CLIENTS) {
  const payment = await db
    .selectFrom("payment as p")
    .innerJoin("client as cl", "cl.id", "p.client_id")
    .leftJoin("contract as c", "c.id", "p.contract_id")
    .select([
      "p.id",
      "p.client_id as clientId",
      "cl.name as clientName",
      "p.received_on as receivedOn",
      "p.amount",
      "p.method",
      "p.bank_reference as bankReference",
      "p.note",
      "p.contract_id as preferredContractId",
      "c.contract_no as preferredContractNo",
      "p.created_at as createdAt",
      "p.reversed_at as reversedAt",
      "p.reversal_reason as reversalReason",
    ])
    .where("p.id", "=", paymentId)
    .$if(scope.accountManagerId !== null, (query) =>
      query.where("cl.account_manager_id", "=", scope.accountManagerId),
    )
    .executeTakeFirst();
  if (!payment) throw notFound("回款记录", paymentId);

  const allocations = await db
    .selectFrom("allocation as a")
    .innerJoin("installment as i", "i.id", "a.installment_id")
    .innerJoin("contract as c", "c.id", "i.contract_id")
    .select([
      "a.id",
      "a.amount",
      "a.created_at as createdAt",
      "a.reversed_at as reversedAt",
      "i.id as installmentId",
      "i.seq",
      "i.label",
      "i.due_date as dueDate",
      "c.id as contractId",
      "c.contract_no as contractNo",
      "c.title as contractTitle",
    ])
    .where("a.payment_id", "=", paymentId)
    .orderBy("a.id")
    .execute();

  const applied = allocations
    .filter((line) => line.reversedAt === null)
    .reduce((sum, line) => sum + line.amount, 0);
  return {
    ...payment,
    allocations: allocations.map((line) => ({
      ...line,
      fromCredit: line.createdAt > payment.createdAt,
    })),
    applied,
    // A reversed payment has no money left to apply to anything.
    unapplied: payment.reversedAt ? 0 : payment.amount - applied,
  };
}

export interface PaymentListFilter {
  from: string | null;
  to: string | null;
  /** Part of the client name or of the bank reference. */
  search: string;
  includeReversed: boolean;
  limit: number;
  /** Only payments of this account manager's clients, when set. */
  accountManagerId?: number | null;
}

/**
 * Payments received in [from, to] across all clients, newest first, at
 * most `limit` rows. The totals cover every live (not reversed) payment
 * that matches, also those beyond the limit.
 */
export async function listPayments(db: Db, filter: PaymentListFilter) {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw badInput("to", `结束日期 ${filter.to} 早于开始日期 ${filter.from}`);
  }

  const matching = matchingPayments(db, filter);
  const rows = await matching
    .leftJoin("contract as c", "c.id", "p.contract_id")
    .select((eb) => [
      "p.id",
      "p.received_on as receivedOn",
      "p.client_id as clientId",
      "cl.name as clientName",
      "p.amount",
      "p.method",
      "p.bank_reference as bankReference",
      "p.note",
      "c.contract_no as preferredContractNo",
      "p.reversed_at as reversedAt",
      liveAppliedAmount(eb).as("applied"),
    ])
    .$if(!filter.includeReversed, (query) => query.where("p.reversed_at", "is", null))
    .orderBy("p.received_on", "desc")
    .orderBy("p.id", "desc")
    .limit(filter.limit + 1)
    .execute();

  const totals = await matching
    .select((eb) => [
      eb.fn.countAll<number>().as("count"),
      eb.fn.coalesce(eb.fn.sum<number>("p.amount"), eb.lit(0)).as("amount"),
      eb.fn.coalesce(eb.fn.sum<number>(liveAppliedAmount(eb)), eb.lit(0)).as("applied"),
    ])
    .where("p.reversed_at", "is", null)
    .executeTakeFirstOrThrow();

  return {
    payments: rows.slice(0, filter.limit).map((row) => ({
      ...row,
      applied: Number(row.applied),
      unapplied: row.reversedAt ? 0 : row.amount - Number(row.applied),
    })),
    truncated: rows.length > filter.limit,
    limit: filter.limit,
    totals: {
      count: Number(totals.count),
      amount: Number(totals.amount),
      applied: Number(totals.applied),
      unapplied: Number(totals.amount) - Number(totals.applied),
    },
  };
}

/** Payments joined to their client, narrowed by date range, search and account manager. */
function matchingPayments(db: Db, filter: PaymentListFilter) {
  let query = db.selectFrom("payment as p").innerJoin("client as cl", "cl.id", "p.client_id");
  if (filter.accountManagerId) query = query.where("cl.account_manager_id", "=", filter.accountManagerId);
  if (filter.from) query = query.where("p.received_on", ">=", filter.from);
  if (filter.to) query = query.where("p.received_on", "<=", filter.to);

  const search = filter.search.trim();
  if (search) {
    query = query.where((eb) =>
      eb.or([containsText("cl.name", search), containsText("p.bank_reference", search)]),
    );
  }
  return query;
}

/** Sum of the live allocations of payment `p`, 0 when there are none. */
function liveAppliedAmount(eb: ExpressionBuilder<Database & { p: Database["payment"] }, "p">) {
  return eb
    .selectFrom("allocation as a")
    .select((sub) => sub.fn.coalesce(sub.fn.sum<number>("a.amount"), sub.lit(0)).as("applied"))
    .whereRef("a.payment_id", "=", "p.id")
    .where("a.reversed_at", "is", null);
}

/**
 * Lists the client's contracts with money still due now, for the payer to
 * name one. It reads the same paid amounts the allocation path uses, so the
 * outstanding shown is what a payment would be applied against.
 */
export async function contractsWithOutstanding(db: Db, clientId: number) {
  const rows = await db
    .selectFrom("contract as c")
    .innerJoin("installment as i", "i.contract_id", "c.id")
    .select((eb) => [
      "c.id",
      "c.contract_no as contractNo",
      "c.title",
      "c.signed_on as signedOn",
      eb.fn.sum<number>(sql<number>`i.amount - i.paid_amount`).as("outstanding"),
      eb.fn.min<string>("i.due_date").as("earliestDueDate"),
    ])
    .where("c.client_id", "=", clientId)
    .where(sql<boolean>`i.paid_amount < i.amount`)
    .groupBy(["c.id", "c.contract_no", "c.title", "c.signed_on"])
    .orderBy("earliestDueDate")
    .orderBy("c.id")
    .execute();

  return rows.map((row) => ({ ...row, outstanding: Number(row.outstanding) }));
}
