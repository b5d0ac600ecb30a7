import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { type Caller, createTestContext, testUser } from "../support/context";

const TODAY = "2026-12-04";
const OUTDOOR = 1;

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("Expected the call to be rejected");
}

let serial = 0;

async function newClient(caller: Caller, name: string, accountManagerId: number | null = null) {
  return (await caller.clients.create({ name, contactPerson: "", phone: "", address: "", accountManagerId, notes: "" })).clientId;
}

function contract(clientId: number, signedOn: string, installments: { dueDate: string; amount: number }[], extra = {}) {
  serial += 1;
  return {
    clientId,
    contractNo: `CR-${serial}`,
    businessTypeId: OUTDOOR,
    title: "户外大牌",
    signedOn,
    serviceStart: null,
    serviceEnd: null,
    totalAmount: installments.reduce((sum, installment) => sum + installment.amount, 0),
    mediaCost: 0,
    productionCost: 0,
    notes: "",
    installments: installments.map((installment, index) => ({ label: `第${index + 1}期`, ...installment })),
    ...extra,
  };
}

function pay(clientId: number, receivedOn: string, amount: number, contractId: number | null = null) {
  return { clientId, receivedOn, amount, method: "银行转账" as const, bankReference: "", note: "", contractId };
}

async function contractCount(ctx: Awaited<ReturnType<typeof createTestContext>>) {
  const row = await ctx.db.selectFrom("contract").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("credit status", () => {
  it("warns over the limit with the new contract", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await newClient(caller, "额度客户");
    await caller.contracts.create(contract(clientId, "2026-11-01", [{ dueDate: "2026-12-31", amount: 800000 }]));
    await caller.credit.setLimit({ clientId, creditLimit: 1000000 });

    const within = await caller.credit.status({ clientId, newAmount: 200000 });
    const over = await caller.credit.status({ clientId, newAmount: 200001 });

    expect(within.outstanding).toBe(800000);
    expect(within.available).toBe(200000);
    expect(within.warnings).toEqual([]);
    expect(over.warnings.map((warning) => warning.code)).toEqual(["over_limit"]);
    expect(over.warnings[0]!.message).toContain("¥10,000.01");
    expect(over.warnings[0]!.message).toContain("超出 ¥0.01");
    expect(over.blocked).toBe(false);
  });

  it("has no limit until one is set", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await newClient(caller, "无额度客户");

    const status = await caller.credit.status({ clientId, newAmount: 999999999 });

    expect(status.creditLimit).toBeNull();
    expect(status.available).toBeNull();
    expect(status.warnings).toEqual([]);
  });

  it("warns of debt overdue more than 90 days", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await newClient(caller, "逾期客户");
    // 2026-09-05 is 90 days before 2026-12-04, 2026-09-04 is 91.
    await caller.contracts.create(contract(clientId, "2026-08-01", [{ dueDate: "2026-09-05", amount: 10000 }]));
    const at90 = await caller.credit.status({ clientId });
    await caller.contracts.create(contract(clientId, "2026-08-01", [{ dueDate: "2026-09-04", amount: 7000 }]));
    const at91 = await caller.credit.status({ clientId });

    expect(at90.warnings).toEqual([]);
    expect(at90.maxDaysOverdue).toBe(90);
    expect(at91.longOverdue).toBe(7000);
    expect(at91.maxDaysOverdue).toBe(91);
    expect(at91.warnings.map((warning) => warning.code)).toEqual(["long_overdue"]);
    expect(at91.grade).toBe("D");
  });

  it("shows the balance as it was on a past date", async () => {
    const { caller } = await createTestContext(TODAY);
    const clientId = await newClient(caller, "往日客户");
    await caller.contracts.create(contract(clientId, "2026-01-10", [{ dueDate: "2026-02-01", amount: 50000 }]));
    await caller.payments.record(pay(clientId, "2026-06-01", 50000));

    const before = await caller.credit.status({ clientId, asOf: "2026-05-31" });
    const after = await caller.credit.status({ clientId, asOf: "2026-06-01" });

    expect(before.outstanding).toBe(50000);
    expect(before.longOverdue).toBe(50000);
    expect(after.outstanding).toBe(0);
    expect(after.warnings).toEqual([]);
  });

  it("hides another manager's client", async () => {
    const ctx = await createTestContext(TODAY);
    const { staffId: mine } = await ctx.caller.settings.addStaff({ name: "业务员甲", phone: "" });
    const { staffId: theirs } = await ctx.caller.settings.addStaff({ name: "业务员乙", phone: "" });
    const clientId = await newClient(ctx.caller, "乙的客户", theirs);
    const manager = ctx.callerAs(testUser("account_manager", mine));

    const error = await rejection(manager.credit.status({ clientId }));

    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("blacklist", () => {
  it("blocks a new contract without an override", async () => {
    const ctx = await createTestContext(TODAY);
    const clientId = await newClient(ctx.caller, "拒绝客户");
    await ctx.caller.credit.blacklist({ clientId, reason: "恶意拖欠" });
    const before = await contractCount(ctx);

    const error = await rejection(ctx.caller.contracts.create(contract(clientId, "2026-12-01", [{ dueDate: "2026-12-31", amount: 1000 }])));

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("拒绝合作名单");
    expect(error.message).toContain("恶意拖欠");
    expect(await contractCount(ctx)).toBe(before);
  });

  it("lets only an administrator override", async () => {
    const ctx = await createTestContext(TODAY);
    const clientId = await newClient(ctx.caller, "拒绝客户");
    await ctx.caller.credit.blacklist({ clientId, reason: "恶意拖欠" });
    const finance = ctx.callerAs(testUser("finance"));
    const input = contract(clientId, "2026-12-01", [{ dueDate: "2026-12-31", amount: 1000 }], { creditOverrideReason: "老板批准预付款合作" });

    const error = await rejection(finance.contracts.create(input));
    const saved = await ctx.caller.contracts.create(input);

    expect(error.code).toBe("FORBIDDEN");
    expect(saved.creditWarnings[0]).toContain("拒绝合作名单");
    const overrides = await ctx.db.selectFrom("credit_override").selectAll().execute();
    expect(overrides).toHaveLength(1);
    expect(overrides[0]!.contract_id).toBe(saved.contractId);
    expect(overrides[0]!.reason).toBe("老板批准预付款合作");
  });

  it("keeps the entry when lifted", async () => {
    const ctx = await createTestContext(TODAY);
    const clientId = await newClient(ctx.caller, "移出客户");
    await ctx.caller.credit.blacklist({ clientId, reason: "恶意拖欠" });
    const twice = await rejection(ctx.caller.credit.blacklist({ clientId, reason: "再次" }));
    await ctx.caller.credit.lift({ clientId, reason: "已结清全部欠款" });

    const saved = await ctx.caller.contracts.create(contract(clientId, "2026-12-01", [{ dueDate: "2026-12-31", amount: 1000 }]));
    const status = await ctx.caller.credit.status({ clientId });
    const current = await ctx.caller.credit.blacklisted({});
    const all = await ctx.caller.credit.blacklisted({ includeLifted: true });

    expect(twice.code).toBe("CONFLICT");
    expect(saved.creditWarnings).toEqual([]);
    expect(status.blacklist).toBeNull();
    expect(status.blacklistHistory).toHaveLength(1);
    expect(status.blacklistHistory[0]!.liftReason).toBe("已结清全部欠款");
    expect(current).toEqual([]);
    expect(all.map((entry) => entry.clientName)).toEqual(["移出客户"]);
  });
});

describe("on-time rewards", () => {
  async function rewardAgency(basisPoints = 100) {
    const ctx = await createTestContext(TODAY);
    await ctx.caller.rewards.saveRule({ enabled: true, basisPoints, kind: "rebate", startsOn: "2026-01-01" });
    const clientId = await newClient(ctx.caller, "奖励客户");
    return { ...ctx, clientId };
  }

  it("rewards an installment paid on its due date", async () => {
    const { caller, clientId } = await rewardAgency();
    const { contractId } = await caller.contracts.create(contract(clientId, "2026-03-01", [{ dueDate: "2026-04-01", amount: 120000 }]));
    await caller.payments.record(pay(clientId, "2026-04-01", 120000, contractId));

    const summary = await caller.rewards.summary({ clientId });

    expect(summary.earned).toBe(1200);
    expect(summary.earnedRows.map((row) => row.paidOn)).toEqual(["2026-04-01"]);
  });

  it("gives nothing for a day late", async () => {
    const { caller, clientId } = await rewardAgency();
    const { contractId } = await caller.contracts.create(contract(clientId, "2026-03-01", [{ dueDate: "2026-04-01", amount: 120000 }]));
    await caller.payments.record(pay(clientId, "2026-04-02", 120000, contractId));

    expect((await caller.rewards.summary({ clientId })).earned).toBe(0);
  });

  it("needs the whole installment by the due date", async () => {
    const { caller, clientId } = await rewardAgency();
    const { contractId } = await caller.contracts.create(
      contract(clientId, "2026-03-01", [
        { dueDate: "2026-04-01", amount: 60000 },
        { dueDate: "2026-05-01", amount: 40000 },
      ]),
    );
    // 30,000 early and 30,000 late on the first; 40,000 in two parts, both early, on the second.
    await caller.payments.record(pay(clientId, "2026-03-20", 30000, contractId));
    await caller.payments.record(pay(clientId, "2026-04-10", 30000, contractId));
    await caller.payments.record(pay(clientId, "2026-04-20", 25000, contractId));
    await caller.payments.record(pay(clientId, "2026-05-01", 15000, contractId));

    const summary = await caller.rewards.summary({ clientId });

    expect(summary.earnedRows.map((row) => row.dueDate)).toEqual(["2026-05-01"]);
    expect(summary.earned).toBe(400);
  });

  it("rounds each reward down to whole fen", async () => {
    const { caller, clientId } = await rewardAgency(50);
    const { contractId } = await caller.contracts.create(
      contract(clientId, "2026-03-01", [
        { dueDate: "2026-04-01", amount: 33333 },
        { dueDate: "2026-05-01", amount: 33333 },
      ]),
    );
    await caller.payments.record(pay(clientId, "2026-03-15", 66666, contractId));

    // 33,333 × 0.5% = 166.665 fen → 166 each.
    expect((await caller.rewards.summary({ clientId })).earned).toBe(332);
  });

  it("loses the reward when the payment is reversed", async () => {
    const { caller, clientId } = await rewardAgency();
    const { contractId } = await caller.contracts.create(contract(clientId, "2026-03-01", [{ dueDate: "2026-04-01", amount: 50000 }]));
    const { paymentId } = await caller.payments.record(pay(clientId, "2026-03-25", 50000, contractId));
    const before = await caller.rewards.summary({ clientId });
    await caller.payments.reverse({ paymentId, reason: "退票" });

    expect(before.earned).toBe(500);
    expect((await caller.rewards.summary({ clientId })).earned).toBe(0);
  });

  it("counts only payments received by the as-of date", async () => {
    const { caller, clientId } = await rewardAgency();
    const { contractId } = await caller.contracts.create(contract(clientId, "2026-03-01", [{ dueDate: "2026-06-01", amount: 50000 }]));
    await caller.payments.record(pay(clientId, "2026-05-20", 50000, contractId));

    expect((await caller.rewards.summary({ clientId, asOf: "2026-05-19" })).earned).toBe(0);
    expect((await caller.rewards.summary({ clientId, asOf: "2026-05-20" })).earned).toBe(500);
  });

  it("earns nothing while the rule is off or before its start", async () => {
    const { caller, clientId } = await rewardAgency();
    const { contractId } = await caller.contracts.create(
      contract(clientId, "2025-11-01", [
        { dueDate: "2025-12-31", amount: 10000 },
        { dueDate: "2026-01-01", amount: 10000 },
      ]),
    );
    await caller.payments.record(pay(clientId, "2025-12-01", 20000, contractId));
    const on = await caller.rewards.summary({ clientId });
    await caller.rewards.saveRule({ enabled: false, basisPoints: 100, kind: "rebate", startsOn: "2026-01-01" });
    const off = await caller.rewards.summary({ clientId });

    expect(on.earnedRows.map((row) => row.dueDate)).toEqual(["2026-01-01"]);
    expect(off.earned).toBe(0);
  });

  it("spends no more than is available", async () => {
    const ctx = await rewardAgency();
    const { caller, clientId } = ctx;
    const { contractId } = await caller.contracts.create(contract(clientId, "2026-03-01", [{ dueDate: "2026-04-01", amount: 100000 }]));
    await caller.payments.record(pay(clientId, "2026-03-30", 100000, contractId));

    const tooEarly = await rejection(caller.rewards.redeem({ clientId, amount: 100, usedOn: "2026-03-29", contractId: null, note: "" }));
    const { redemptionId } = await caller.rewards.redeem({ clientId, amount: 600, usedOn: "2026-11-01", contractId, note: "抵扣尾款" });
    const tooMuch = await rejection(caller.rewards.redeem({ clientId, amount: 401, usedOn: TODAY, contractId: null, note: "" }));
    const used = await caller.rewards.summary({ clientId });
    await caller.rewards.voidRedemption({ redemptionId, reason: "录错金额" });
    const restored = await caller.rewards.summary({ clientId });

    expect(tooEarly.message).toContain("使用金额");
    expect(tooMuch.message).toContain("超过");
    expect(used.used).toBe(600);
    expect(used.available).toBe(400);
    expect(restored.used).toBe(0);
    expect(restored.available).toBe(1000);
    expect(restored.redemptions[0]!.voidReason).toBe("录错金额");
  });

  it("shows points for a points rule", async () => {
    const { caller, clientId } = await rewardAgency();
    await caller.rewards.saveRule({ enabled: true, basisPoints: 100, kind: "points", startsOn: "2026-01-01" });
    const { contractId } = await caller.contracts.create(contract(clientId, "2026-03-01", [{ dueDate: "2026-04-01", amount: 123456 }]));
    await caller.payments.record(pay(clientId, "2026-03-30", 123456, contractId));

    const summary = await caller.rewards.summary({ clientId });

    expect(summary.earned).toBe(1234);
    expect(summary.availablePoints).toBe(12);
  });
});
