import { describe, expect, it } from "vitest";

import { createTestContext } from "../support/context";

const OUTDOOR = 1;
const PRINT = 2;
const DESIGN = 4;

/**
 * Three clients: A (manager 甲) with an outdoor and a design contract, B
 * (manager 乙) with a print contract and overpaid by 100 yuan, C (no manager)
 * with a payment and no contract. Today is 2026-12-04.
 */
async function agency() {
  const context = await createTestContext("2026-12-04");
  const { caller } = context;
  const { staffId: managerA } = await caller.settings.addStaff({ name: "甲", phone: "" });
  const { staffId: managerB } = await caller.settings.addStaff({ name: "乙", phone: "" });
  const client = async (name: string, accountManagerId: number | null) =>
    (await caller.clients.create({ name, contactPerson: "", phone: "", address: "", accountManagerId, notes: "" }))
      .clientId;
  const a = await client("A", managerA);
  const b = await client("B", managerB);
  const c = await client("C", null);

  const contract = (
    clientId: number,
    contractNo: string,
    businessTypeId: number,
    signedOn: string,
    installments: { dueDate: string; amount: number }[],
  ) =>
    caller.contracts.create({
      clientId,
      contractNo,
      businessTypeId,
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
  await contract(a, "A1", OUTDOOR, "2026-03-01", [
    { dueDate: "2026-03-01", amount: 30000 },
    { dueDate: "2026-06-01", amount: 70000 },
  ]);
  await contract(a, "A2", DESIGN, "2026-09-01", [{ dueDate: "2026-12-20", amount: 20000 }]);
  await contract(b, "B1", PRINT, "2026-10-15", [{ dueDate: "2026-11-15", amount: 50000 }]);

  const pay = (clientId: number, receivedOn: string, amount: number) =>
    caller.payments.record({
      clientId,
      receivedOn,
      amount,
      method: "银行转账",
      bankReference: "",
      note: "",
      contractId: null,
    });
  await pay(a, "2026-03-05", 30000);
  // 70000 to A1's second installment, 10000 to A2.
  await pay(a, "2026-10-10", 80000);
  // 50000 to B1, 10000 left as credit.
  await pay(b, "2026-11-20", 60000);
  const { paymentId: creditOnly } = await pay(c, "2026-11-01", 5000);

  return { ...context, managerA, managerB, creditOnly };
}

describe("summary by business type", () => {
  it("splits a period by type via allocations", async () => {
    const { caller } = await agency();
    const report = await caller.reports.summaryByBusinessType({ from: "2026-10-01" });

    expect(report.rows.map((row) => row.businessTypeId)).toEqual([OUTDOOR, PRINT, DESIGN]);
    const [outdoor, print, design] = report.rows;
    expect(outdoor).toMatchObject({ contracted: 0, received: 70000, outstanding: 0, overdue: 0 });
    expect(print).toMatchObject({ contracted: 50000, received: 50000, outstanding: 0 });
    expect(design).toMatchObject({ contracted: 0, received: 10000, outstanding: 10000, overdue: 0 });
    expect(report.unapplied).toEqual({ received: 15000, credit: 15000 });
    expect(report.totals.received).toBe(145000);
  });

  it("matches the client summary totals", async () => {
    const { caller } = await agency();
    for (const from of [null, "2026-10-01", "2026-11-16"]) {
      const byType = await caller.reports.summaryByBusinessType({ from });
      const byClient = await caller.reports.summary({ from });
      expect(byType.totals, `from ${from}`).toEqual(byClient.totals);
    }
  });

  it("satisfies the all-time identity", async () => {
    const { caller } = await agency();
    const { totals } = await caller.reports.summaryByBusinessType({});

    expect(totals.contracted).toBe(170000);
    expect(totals.received).toBe(175000);
    expect(totals.contracted - totals.received).toBe(totals.outstanding - totals.credit);
  });

  it("shows balances as they stood on asOf", async () => {
    const { caller } = await agency();
    const report = await caller.reports.summaryByBusinessType({ asOf: "2026-10-12" });

    expect(report.rows.map((row) => row.businessTypeId)).toEqual([OUTDOOR, DESIGN]);
    expect(report.rows[1]).toMatchObject({ contracted: 20000, received: 10000, outstanding: 10000 });
    expect(report.unapplied).toEqual({ received: 0, credit: 0 });
  });

  it("leaves out reversed payments", async () => {
    const { caller, creditOnly } = await agency();
    await caller.payments.reverse({ paymentId: creditOnly, reason: "重复登记" });
    const report = await caller.reports.summaryByBusinessType({});

    expect(report.unapplied).toEqual({ received: 10000, credit: 10000 });
  });

  it("has no unapplied line with a type filter", async () => {
    const { caller } = await agency();
    const report = await caller.reports.summaryByBusinessType({ businessTypeId: PRINT });

    expect(report.rows).toHaveLength(1);
    expect(report.unapplied).toBeNull();
    expect(report.totals).toEqual({ contracted: 50000, received: 50000, outstanding: 0, overdue: 0, credit: 0 });
  });

  it("rejects a period starting after asOf", async () => {
    const { caller } = await agency();

    await expect(
      caller.reports.summaryByBusinessType({ from: "2026-12-05", asOf: "2026-12-04" }),
    ).rejects.toThrow("开始日期 2026-12-05 晚于截止日期 2026-12-04");
  });
});

describe("summary by account manager", () => {
  it("sums each manager's clients", async () => {
    const { caller, managerA, managerB } = await agency();
    const report = await caller.reports.summaryByManager({});
    const byManager = new Map(report.rows.map((row) => [row.accountManagerId, row]));

    expect(byManager.get(managerA)).toMatchObject({
      accountManagerName: "甲",
      clientCount: 1,
      contracted: 120000,
      received: 110000,
      outstanding: 10000,
      credit: 0,
    });
    expect(byManager.get(managerB)).toMatchObject({ clientCount: 1, received: 60000, credit: 10000 });
    expect(byManager.get(null)).toMatchObject({ accountManagerName: null, received: 5000, credit: 5000 });
    expect(report.totals).toEqual((await caller.reports.summary({})).totals);
  });
});
