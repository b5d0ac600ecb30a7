import { describe, expect, it } from "vitest";

import { TESTING_ON_POSTGRES, type TestContext, createSharedTestContexts } from "../support/context";

type Caller = TestContext["caller"];

const TODAY = "2026-12-04";

/** Writers, each a context with its own connection pool on the same database. */
const WRITERS = 4;
const PAYMENTS_PER_WRITER = 8;

function pay(caller: Caller, clientId: number, amount: number, requestKey: string | null = null) {
  return caller.payments.record({
    clientId,
    receivedOn: "2026-12-01",
    amount,
    method: "银行转账",
    bankReference: "",
    note: "",
    contractId: null,
    requestKey,
  });
}

async function setUp(caller: Caller) {
  const { clientId } = await caller.clients.create({
    name: "并发写入客户",
    contactPerson: "",
    phone: "",
    address: "",
    notes: "",
  });
  await caller.contracts.create({
    clientId,
    contractNo: "PG-1",
    businessTypeId: 1,
    title: "户外大牌",
    signedOn: "2026-01-01",
    notes: "",
    totalAmount: 100_000,
    installments: [
      { label: "第1期", dueDate: "2026-02-01", amount: 30_000 },
      { label: "第2期", dueDate: "2026-03-01", amount: 30_000 },
      { label: "第3期", dueDate: "2026-04-01", amount: 40_000 },
    ],
  });
  return clientId;
}

// Runs only under `npm run test:pg`. SQLite has one writer per file by
// construction; its file-level test is in concurrency.test.ts.
describe.skipIf(!TESTING_ON_POSTGRES)("concurrent writers on PostgreSQL", () => {
  it("record every payment once with balances right", async () => {
    const contexts = await createSharedTestContexts(WRITERS, TODAY);
    const clientId = await setUp(contexts[0]!.caller);

    // Amounts differ per writer so a lost or doubled payment changes the totals.
    const amounts = contexts.map((_, writer) => 3_001 + writer * 1_000);
    const outcomes = await Promise.allSettled(
      contexts.flatMap((context, writer) =>
        Array.from({ length: PAYMENTS_PER_WRITER }, () => pay(context.caller, clientId, amounts[writer]!)),
      ),
    );

    const rejected = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(rejected.map((outcome) => String(outcome.reason))).toEqual([]);
    const received = amounts.reduce((sum, amount) => sum + amount * PAYMENTS_PER_WRITER, 0);

    const db = contexts[1]!.db;
    const payments = await db.selectFrom("payment").select(["id", "amount"]).execute();
    expect(payments).toHaveLength(WRITERS * PAYMENTS_PER_WRITER);
    expect(payments.reduce((sum, payment) => sum + payment.amount, 0)).toBe(received);

    const installments = await db.selectFrom("installment").select(["id", "amount", "paid_amount"]).execute();
    for (const installment of installments) {
      const allocated = await db
        .selectFrom("allocation")
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("total"))
        .where("installment_id", "=", installment.id)
        .where("reversed_at", "is", null)
        .executeTakeFirstOrThrow();
      expect(installment.paid_amount, `installment ${installment.id} paid_amount`).toBe(allocated.total);
      expect(installment.paid_amount, `installment ${installment.id} capped`).toBeLessThanOrEqual(
        installment.amount,
      );
    }
    // The payments exceed the contract, so every installment is paid and the rest is credit.
    expect(installments.every((installment) => installment.paid_amount === installment.amount)).toBe(true);

    const summary = await contexts[2]!.caller.reports.summary({ asOf: TODAY });
    expect(summary.totals.received).toBe(received);
    expect(summary.totals.credit).toBe(received - 100_000);
    expect(summary.totals.outstanding).toBe(0);
  });

  it("record a resubmitted form once across connections", async () => {
    const contexts = await createSharedTestContexts(WRITERS, TODAY);
    const clientId = await setUp(contexts[0]!.caller);

    const results = await Promise.all(
      contexts.map((context) => pay(context.caller, clientId, 12_345, "same-submission-0001")),
    );

    expect(new Set(results.map((result) => result.paymentId)).size).toBe(1);
    const payments = await contexts[3]!.db.selectFrom("payment").select("id").execute();
    expect(payments).toHaveLength(1);
  });
});
