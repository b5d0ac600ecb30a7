import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { type TestContext, createTestContext } from "../support/context";

type Caller = TestContext["caller"];

async function addClient(caller: Caller, name: string): Promise<number> {
  const { clientId } = await caller.clients.create({
    name,
    contactPerson: "",
    phone: "",
    address: "",
    notes: "",
  });
  return clientId;
}

/** Adds a contract whose total is the sum of the `[dueDate, amount]` plan. */
async function addContract(
  caller: Caller,
  clientId: number,
  contractNo: string,
  signedOn: string,
  plan: readonly [string, number][],
) {
  return caller.contracts.create({
    clientId,
    contractNo,
    businessTypeId: 1,
    title: "户外大牌",
    signedOn,
    notes: "",
    totalAmount: plan.reduce((sum, [, amount]) => sum + amount, 0),
    installments: plan.map(([dueDate, amount], index) => ({
      label: `第${index + 1}期`,
      dueDate,
      amount,
    })),
  });
}

function pay(
  caller: Caller,
  clientId: number,
  receivedOn: string,
  amount: number,
  contractId: number | null = null,
) {
  return caller.payments.record({
    clientId,
    receivedOn,
    amount,
    method: "银行转账",
    bankReference: "",
    note: "",
    contractId,
  });
}

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("Expected the call to be rejected");
}

async function paidAmounts(caller: Caller, contractId: number) {
  const contract = await caller.contracts.get({ contractId });
  return contract.installments.map((item) => item.paidAmount);
}

async function summaryRow(caller: Caller, clientId: number, asOf: string) {
  const summary = await caller.reports.summary({ asOf, clientId });
  return summary.rows.find((row) => row.client.id === clientId);
}

async function countRows(ctx: TestContext, table: "payment" | "allocation") {
  const row = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe("payments.record", () => {
  it("spreads a partial payment over two installments", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "华润广场");
    const { contractId } = await addContract(caller, clientId, "HT-1", "2026-10-01", [
      ["2026-10-01", 30000],
      ["2026-11-01", 40000],
      ["2026-12-20", 30000],
    ]);

    const result = await pay(caller, clientId, "2026-10-05", 50000);

    expect(result.applied).toBe(50000);
    expect(result.credit).toBe(0);
    expect(await paidAmounts(caller, contractId)).toEqual([30000, 20000, 0]);
    expect((await summaryRow(caller, clientId, "2026-12-04"))?.outstanding).toBe(50000);
  });

  it("serves the contract the payer named first", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "万达影城");
    const older = await addContract(caller, clientId, "HT-1", "2026-01-01", [
      ["2026-01-01", 10000],
    ]);
    const named = await addContract(caller, clientId, "HT-2", "2026-06-01", [
      ["2026-06-01", 10000],
      ["2026-07-01", 10000],
    ]);

    await pay(caller, clientId, "2026-08-01", 25000, named.contractId);

    expect(await paidAmounts(caller, named.contractId)).toEqual([10000, 10000]);
    expect(await paidAmounts(caller, older.contractId)).toEqual([5000]);
  });

  it("keeps a payment with no contract as credit", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "新客户");

    const result = await pay(caller, clientId, "2026-12-01", 8800);

    expect(result.applied).toBe(0);
    expect(result.credit).toBe(8800);
    expect((await summaryRow(caller, clientId, "2026-12-04"))?.credit).toBe(8800);
  });

  it("applies an overpayment to a later contract", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "蓝天地产");
    await addContract(caller, clientId, "HT-1", "2026-03-01", [["2026-03-01", 100000]]);

    const payment = await pay(caller, clientId, "2026-03-10", 150000);

    expect(payment.applied).toBe(100000);
    expect(payment.credit).toBe(50000);
    const before = await summaryRow(caller, clientId, "2026-12-04");
    expect(before?.outstanding).toBe(0);
    expect(before?.credit).toBe(50000);

    const later = await addContract(caller, clientId, "HT-2", "2026-05-01", [
      ["2026-05-01", 30000],
      ["2026-06-01", 50000],
    ]);

    expect(later.creditApplied).toBe(50000);
    expect(await paidAmounts(caller, later.contractId)).toEqual([30000, 20000]);
    const after = await summaryRow(caller, clientId, "2026-12-04");
    expect(after?.outstanding).toBe(30000);
    expect(after?.credit).toBe(0);
    const ledger = await caller.clients.ledger({ clientId, asOf: "2026-12-04" });
    expect(ledger.totals.outstanding).toBe(30000);
    expect(ledger.totals.credit).toBe(0);
    expect(ledger.payments[0]!.unapplied).toBe(0);
  });

  it("holds a payment made before signing as credit until then", async () => {
    const { caller } = await createTestContext("2026-02-10");
    const clientId = await addClient(caller, "星光传媒");
    await pay(caller, clientId, "2026-01-10", 30000);

    const contract = await addContract(caller, clientId, "HT-1", "2026-02-01", [
      ["2026-02-01", 100000],
    ]);

    expect(contract.creditApplied).toBe(30000);
    const january = await summaryRow(caller, clientId, "2026-01-20");
    expect(january?.credit).toBe(30000);
    expect(january?.outstanding).toBe(0);
    expect(january?.contracted).toBe(0);
    const januaryLedger = await caller.clients.ledger({ clientId, asOf: "2026-01-20" });
    expect(januaryLedger.totals.credit).toBe(30000);
    expect(januaryLedger.totals.outstanding).toBe(0);

    const february = await summaryRow(caller, clientId, "2026-02-10");
    expect(february?.credit).toBe(0);
    expect(february?.outstanding).toBe(70000);
    const februaryLedger = await caller.clients.ledger({ clientId, asOf: "2026-02-10" });
    expect(februaryLedger.totals.credit).toBe(0);
    expect(februaryLedger.totals.outstanding).toBe(70000);
  });

  it("ignores payments received after the as-of date", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "海天酱业");
    await addContract(caller, clientId, "HT-1", "2026-01-01", [
      ["2026-01-01", 50000],
      ["2026-04-01", 50000],
    ]);
    await pay(caller, clientId, "2026-03-01", 30000);
    await pay(caller, clientId, "2026-06-01", 40000);

    const april = await summaryRow(caller, clientId, "2026-04-01");
    expect(april?.received).toBe(30000);
    expect(april?.outstanding).toBe(70000);
    const ledger = await caller.clients.ledger({ clientId, asOf: "2026-04-01" });
    expect(ledger.totals.received).toBe(30000);
    expect(ledger.contracts[0]!.installments.map((item) => item.paid)).toEqual([30000, 0]);

    const june = await summaryRow(caller, clientId, "2026-06-01");
    expect(june?.received).toBe(70000);
    expect(june?.outstanding).toBe(30000);
  });

  it("accepts a payment dated today", async () => {
    const { caller } = await createTestContext("2026-12-04");
    const clientId = await addClient(caller, "今日客户");

    const result = await pay(caller, clientId, "2026-12-04", 100);

    expect(result.paymentId).toBeGreaterThan(0);
  });

  it("rejects a payment dated in the future", async () => {
    const ctx = await createTestContext("2026-12-04");
    const clientId = await addClient(ctx.caller, "未来客户");

    const error = await rejection(pay(ctx.caller, clientId, "2026-12-05", 100));

    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/收款日期/);
    expect(error.message).toMatch(/2026-12-05/);
    expect(await countRows(ctx, "payment")).toBe(0);
  });

  it("rejects a contract of another client", async () => {
    const ctx = await createTestContext("2026-12-04");
    const payer = await addClient(ctx.caller, "付款方");
    const other = await addClient(ctx.caller, "其他客户");
    const { contractId } = await addContract(ctx.caller, other, "HT-9", "2026-01-01", [
      ["2026-01-01", 10000],
    ]);

    const error = await rejection(pay(ctx.caller, payer, "2026-02-01", 10000, contractId));

    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/合同/);
    expect(await countRows(ctx, "payment")).toBe(0);
    expect(await paidAmounts(ctx.caller, contractId)).toEqual([0]);
  });

  it("rejects an unknown client", async () => {
    const ctx = await createTestContext("2026-12-04");

    const error = await rejection(pay(ctx.caller, 404, "2026-12-01", 100));

    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toMatch(/客户/);
    expect(await countRows(ctx, "payment")).toBe(0);
  });
});

describe("payments.reverse", () => {
  /**
   * Creates a 100000 fen contract in two halves, paid by 60000 (the first
   * half and 10000 of the second) and then 60000 (the rest, with 20000 left
   * as credit).
   */
  async function twoPayments() {
    const ctx = await createTestContext("2026-12-04");
    const clientId = await addClient(ctx.caller, "东方广告");
    const { contractId } = await addContract(ctx.caller, clientId, "HT-1", "2026-01-01", [
      ["2026-01-01", 50000],
      ["2026-02-01", 50000],
    ]);
    const first = await pay(ctx.caller, clientId, "2026-01-15", 60000);
    const second = await pay(ctx.caller, clientId, "2026-03-01", 60000);
    return { ...ctx, clientId, contractId, first, second };
  }

  it("reopens the installments it paid", async () => {
    const { caller, contractId, first } = await twoPayments();

    const result = await caller.payments.reverse({
      paymentId: first.paymentId,
      reason: "重复录入",
    });

    expect(result.reopened).toBe(60000);
    // The remaining payment is applied again in received order: oldest due first.
    expect(await paidAmounts(caller, contractId)).toEqual([50000, 10000]);
  });

  it("reapplies other credit to the reopened installments", async () => {
    const { caller, clientId, first } = await twoPayments();
    expect((await summaryRow(caller, clientId, "2026-12-04"))?.credit).toBe(20000);

    await caller.payments.reverse({ paymentId: first.paymentId, reason: "重复录入" });

    const row = await summaryRow(caller, clientId, "2026-12-04");
    expect(row?.received).toBe(60000);
    expect(row?.outstanding).toBe(40000);
    expect(row?.credit).toBe(0);
  });

  it("keeps the payment in history with its reason", async () => {
    const { caller, clientId, first, second } = await twoPayments();

    await caller.payments.reverse({ paymentId: first.paymentId, reason: "重复录入" });

    const ledger = await caller.clients.ledger({ clientId, asOf: "2026-12-04" });
    const reversed = ledger.payments.find((p) => p.id === first.paymentId)!;
    expect(reversed.reversedAt).not.toBeNull();
    expect(reversed.reversalReason).toBe("重复录入");
    expect(reversed.amount).toBe(60000);
    expect(reversed.allocations).toHaveLength(2);
    expect(reversed.allocations.every((a) => a.reversedAt !== null)).toBe(true);
    expect(reversed.applied).toBe(0);
    const live = ledger.payments.find((p) => p.id === second.paymentId)!;
    expect(live.reversedAt).toBeNull();
    expect(live.applied).toBe(60000);
    const current = live.allocations.filter((a) => a.reversedAt === null);
    expect(current.reduce((sum, a) => sum + a.amount, 0)).toBe(60000);
    // What it paid before the reversal stays as replaced history.
    expect(live.allocations.some((a) => a.reversedAt !== null)).toBe(true);
  });

  it("drops the payment from past as-of reports", async () => {
    const { caller, clientId, first } = await twoPayments();

    await caller.payments.reverse({ paymentId: first.paymentId, reason: "重复录入" });

    const row = await summaryRow(caller, clientId, "2026-02-01");
    expect(row?.received).toBe(0);
    expect(row?.outstanding).toBe(100000);
  });

  it("rejects reversing twice", async () => {
    const ctx = await twoPayments();
    await ctx.caller.payments.reverse({ paymentId: ctx.first.paymentId, reason: "重复录入" });
    const allocationsBefore = await countRows(ctx, "allocation");

    const error = await rejection(
      ctx.caller.payments.reverse({ paymentId: ctx.first.paymentId, reason: "再次冲销" }),
    );

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/已冲销/);
    expect(await countRows(ctx, "allocation")).toBe(allocationsBefore);
    const ledger = await ctx.caller.clients.ledger({ clientId: ctx.clientId });
    const reversed = ledger.payments.find((p) => p.id === ctx.first.paymentId)!;
    expect(reversed.reversalReason).toBe("重复录入");
  });

  it("rejects an unknown payment", async () => {
    const { caller } = await createTestContext("2026-12-04");

    const error = await rejection(caller.payments.reverse({ paymentId: 404, reason: "错" }));

    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toMatch(/回款记录/);
  });
});

describe("back-dated payments", () => {
  it("apply before payments received later", async () => {
    const ctx = await createTestContext("2026-12-04");
    const { clientId } = await ctx.caller.clients.create({ name: "倒序录入客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });
    await ctx.caller.contracts.create({
      clientId, contractNo: "BD-1", businessTypeId: 1, title: "两期合同", signedOn: "2026-01-01",
      serviceStart: null, serviceEnd: null, totalAmount: 100000, mediaCost: 0, productionCost: 0, notes: "",
      installments: [
        { label: "一期", dueDate: "2026-01-31", amount: 50000 },
        { label: "二期", dueDate: "2026-03-31", amount: 50000 },
      ],
    });
    const later = { clientId, amount: 50000, method: "银行转账" as const, bankReference: "", note: "", contractId: null };
    await ctx.caller.payments.record({ ...later, receivedOn: "2026-03-30" });
    await ctx.caller.payments.record({ ...later, receivedOn: "2026-01-30" });

    const february = await ctx.caller.reports.reminders({ asOf: "2026-02-15", horizonDays: 15 });
    const row = february.clients.find((client) => client.client.id === clientId);
    expect(row?.overdue).toBe(0);
    expect(row?.outstanding).toBe(50000);

    const april = await ctx.caller.reports.reminders({ asOf: "2026-04-15", horizonDays: 15 });
    expect(april.clients.find((client) => client.client.id === clientId)).toBeUndefined();
  });
});

describe("duplicate submits", () => {
  async function clientWithContract() {
    const ctx = await createTestContext("2026-12-04");
    const { clientId } = await ctx.caller.clients.create({ name: "重复提交客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });
    await ctx.caller.contracts.create({
      clientId, contractNo: "DUP-1", businessTypeId: 1, title: "单期合同", signedOn: "2026-11-01",
      serviceStart: null, serviceEnd: null, totalAmount: 100000, mediaCost: 0, productionCost: 0, notes: "",
      installments: [{ label: "全款", dueDate: "2026-11-30", amount: 100000 }],
    });
    const input = {
      clientId, receivedOn: "2026-12-01", amount: 30000, method: "银行转账" as const,
      bankReference: "", note: "", contractId: null, requestKey: "0b7c2f4e-1111-4a2b-9c3d-0123456789ab",
    };
    return { ...ctx, clientId, input };
  }

  it("record one payment for one key", async () => {
    const { caller, db, input } = await clientWithContract();

    const first = await caller.payments.record(input);
    const second = await caller.payments.record(input);

    expect(second.paymentId).toBe(first.paymentId);
    expect(second.duplicate).toBe(true);
    const count = await db.selectFrom("payment").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("record one payment when sent concurrently", async () => {
    const { caller, db, input } = await clientWithContract();

    const results = await Promise.all([caller.payments.record(input), caller.payments.record(input)]);

    expect(results[0].paymentId).toBe(results[1].paymentId);
    const paid = await db.selectFrom("installment").select("paid_amount").executeTakeFirstOrThrow();
    expect(paid.paid_amount).toBe(30000);
  });

  it("reject a key reused for another amount", async () => {
    const { caller, input } = await clientWithContract();
    await caller.payments.record(input);

    await expect(caller.payments.record({ ...input, amount: 40000 })).rejects.toThrow(/提交编号已用于另一笔回款/);
  });
});

describe("bank references", () => {
  it("reject a reference already recorded for the client", async () => {
    const ctx = await createTestContext("2026-12-04");
    const { clientId } = await ctx.caller.clients.create({ name: "流水号客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });
    const input = { clientId, receivedOn: "2026-12-01", amount: 1000, method: "银行转账" as const, bankReference: "20261201000001", note: "", contractId: null };
    await ctx.caller.payments.record(input);

    await expect(ctx.caller.payments.record(input)).rejects.toThrow(/银行流水号 20261201000001 已登记过/);
  });
});
