import { describe, expect, it } from "vitest";

import { createTestContext } from "../support/context";

const OUTDOOR = 1;

/**
 * Four clients, today 2026-12-04, figures worked out by hand:
 * P only has an installment due after today; Q prepays everything; R pays
 * two installments partly and late; S pays one installment on its due date
 * and has the payment of the other reversed.
 */
async function fixture() {
  const context = await createTestContext("2026-12-04");
  const { caller } = context;
  const client = async (name: string) =>
    (await caller.clients.create({ name, contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" }))
      .clientId;
  const contract = (clientId: number, contractNo: string, signedOn: string, installments: { dueDate: string; amount: number }[]) =>
    caller.contracts.create({
      clientId,
      contractNo,
      businessTypeId: OUTDOOR,
      title: contractNo,
      signedOn,
      serviceStart: null,
      serviceEnd: null,
      totalAmount: installments.reduce((sum, item) => sum + item.amount, 0),
      mediaCost: 0,
      productionCost: 0,
      notes: "",
      installments: installments.map((item) => ({ label: "", ...item })),
    });
  const pay = (clientId: number, receivedOn: string, amount: number) =>
    caller.payments.record({ clientId, receivedOn, amount, method: "银行转账", bankReference: "", note: "", contractId: null });

  const p = await client("P只有未到期");
  await contract(p, "P1", "2026-11-01", [{ dueDate: "2026-12-20", amount: 10000 }]);

  const q = await client("Q预付");
  await contract(q, "Q1", "2026-01-10", [
    { dueDate: "2026-02-01", amount: 20000 },
    { dueDate: "2026-05-01", amount: 30000 },
  ]);
  await pay(q, "2026-01-20", 50000);

  const r = await client("R部分付款");
  await contract(r, "R1", "2026-06-01", [
    { dueDate: "2026-07-01", amount: 10000 },
    { dueDate: "2026-08-01", amount: 10000 },
  ]);
  // 6000 to the first installment, 10 days late.
  await pay(r, "2026-07-11", 6000);
  // 4000 to the first (41 days late), 6000 to the second (10 days late); 4000 stays open.
  await pay(r, "2026-08-11", 10000);

  const s = await client("S到期日付款");
  await contract(s, "S1", "2026-09-01", [
    { dueDate: "2026-10-01", amount: 10000 },
    { dueDate: "2026-11-01", amount: 10000 },
  ]);
  await pay(s, "2026-10-01", 10000);
  const { paymentId } = await pay(s, "2026-11-20", 10000);
  await caller.payments.reverse({ paymentId, reason: "重复录入" });

  return { ...context, ids: { p, q, r, s } };
}

describe("speed.ranking", () => {
  it("weights days late, on-time share and days to pay by amount", async () => {
    const { caller, ids } = await fixture();
    const result = await caller.speed.ranking({});
    expect(result.from).toBe("2025-12-05");
    const row = (clientId: number) => result.clients.find((item) => item.clientId === clientId);

    // Only installments due after today: not in the ranking at all.
    expect(row(ids.p)).toBeUndefined();

    expect(row(ids.q)).toMatchObject({
      dueInPeriod: 50000,
      paid: 50000,
      paidOnTime: 50000,
      lateFenDays: 0,
      weightedDaysLate: 0,
      onTimePercent: 100,
      daysToPay: 10,
      overdueNow: 0,
      grade: "A",
    });

    // 6000×10 + 4000×41 + 6000×10 paid, 4000 open for 125 days (2026-08-01 → 2026-12-04).
    expect(row(ids.r)).toMatchObject({
      dueInPeriod: 20000,
      paid: 16000,
      paidOnTime: 0,
      openOverdue: 4000,
      lateFenDays: 784000,
      weightedDaysLate: 39.2,
      onTimePercent: 0,
      // (6000×40 + 10000×71) / 16000 days from signing.
      daysToPay: 59.375,
      overdueNow: 4000,
      overdueOver90: true,
      grade: "D",
    });

    // Paid on the due date: 0 days late and on time. The reversed payment does
    // not count, so the second installment is 33 days overdue.
    expect(row(ids.s)).toMatchObject({
      dueInPeriod: 20000,
      paid: 10000,
      paidOnTime: 10000,
      openOverdue: 10000,
      lateFenDays: 330000,
      weightedDaysLate: 16.5,
      onTimePercent: 50,
      daysToPay: 30,
      overdueNow: 10000,
      overdueOver90: false,
      grade: "C",
    });

    expect(result.best.map((item) => item.clientId)).toEqual([ids.q, ids.s, ids.r]);
    expect(result.worst.map((item) => item.clientId)).toEqual([ids.r, ids.s, ids.q]);
  });

  it("ignores payments received after the as-of date", async () => {
    const { caller, ids } = await fixture();
    const result = await caller.speed.ranking({ asOf: "2026-07-31", from: "2026-01-01" });
    // On 2026-07-31 R had paid 6000 of the first installment 10 days late; 4000 open for 30 days.
    expect(result.clients.find((item) => item.clientId === ids.r)).toMatchObject({
      dueInPeriod: 10000,
      paid: 6000,
      openOverdue: 4000,
      // (60000 + 120000) / 10000 = 18 days: more than 15, so C.
      lateFenDays: 6000 * 10 + 4000 * 30,
      weightedDaysLate: 18,
      grade: "C",
    });
    expect(result.clients.find((item) => item.clientId === ids.s)).toBeUndefined();
  });
});

describe("aging.report", () => {
  it("splits each client's outstanding into buckets that add up", async () => {
    const { caller, ids } = await fixture();
    const result = await caller.aging.report({});
    expect(result.buckets.map((bucket) => bucket.label)).toEqual([
      "未到期", "1–30天", "31–60天", "61–90天", "91–180天", "181–365天", "365天以上",
    ]);
    const amounts = (clientId: number) => result.clients.find((item) => item.clientId === clientId)?.amounts;
    expect(amounts(ids.p)).toEqual([10000, 0, 0, 0, 0, 0, 0]);
    expect(amounts(ids.r)).toEqual([0, 0, 0, 0, 4000, 0, 0]);
    expect(amounts(ids.s)).toEqual([0, 0, 10000, 0, 0, 0, 0]);
    expect(amounts(ids.q)).toBeUndefined();
    for (const row of result.clients) expect(row.amounts.reduce((a, b) => a + b, 0)).toBe(row.outstanding);
    expect(result.totals.reduce((a, b) => a + b, 0)).toBe(result.outstanding);
    expect(result.outstanding).toBe(24000);
    const dashboard = await caller.reports.dashboard({});
    expect(dashboard.aging.map((bucket) => bucket.amount)).toEqual(result.totals);
  });

  it("ignores later payments on a past date", async () => {
    const { caller, ids } = await fixture();
    const result = await caller.aging.report({ asOf: "2026-08-05" });
    // R had paid 6000 by then: 4000 of the first installment 35 days overdue, the second 4 days.
    expect(result.clients.map((row) => [row.clientId, row.amounts])).toEqual([
      [ids.r, [0, 10000, 4000, 0, 0, 0, 0]],
    ]);
  });

  it("uses the configured buckets on the report and the dashboard", async () => {
    const { caller, ids } = await fixture();
    await caller.aging.saveBounds({ bounds: [60, 120] });
    expect(await caller.aging.bounds()).toEqual([60, 120]);
    const result = await caller.aging.report({});
    expect(result.buckets.map((bucket) => bucket.label)).toEqual(["未到期", "1–60天", "61–120天", "120天以上"]);
    expect(result.clients.find((row) => row.clientId === ids.r)?.amounts).toEqual([0, 0, 0, 4000]);
    expect((await caller.reports.dashboard({})).aging.map((bucket) => bucket.amount)).toEqual(result.totals);
    await expect(caller.aging.saveBounds({ bounds: [60, 30] })).rejects.toThrow("逐个增大");
    expect(await caller.aging.bounds()).toEqual([60, 120]);
  });
});

describe("account manager scope", () => {
  it("shows an account manager only their own clients on both reports", async () => {
    const ctx = await fixture();
    const { staffId } = await ctx.caller.settings.addStaff({ name: "速度业务员", phone: "" });
    const { clientId } = await ctx.caller.clients.create({ name: "速度业务员的客户", contactPerson: "", phone: "", address: "", accountManagerId: staffId, notes: "" });
    await ctx.caller.contracts.create({
      clientId,
      contractNo: "M1",
      businessTypeId: OUTDOOR,
      title: "M1",
      signedOn: "2026-10-01",
      serviceStart: null,
      serviceEnd: null,
      totalAmount: 5000,
      mediaCost: 0,
      productionCost: 0,
      notes: "",
      installments: [{ label: "", dueDate: "2026-11-01", amount: 5000 }],
    });
    const manager = (await ctx.signIn("account_manager", { staffId })).caller;

    expect((await manager.aging.report({})).clients.map((row) => row.clientId)).toEqual([clientId]);
    expect((await manager.speed.ranking({})).clients.map((row) => row.clientId)).toEqual([clientId]);
    expect((await manager.speed.ranking({ accountManagerId: null })).clients).toHaveLength(1);
    await expect(manager.aging.saveBounds({ bounds: [30] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
