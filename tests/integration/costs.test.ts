import { describe, expect, it } from "vitest";

import { createTestContext } from "../support/context";

/** Seeded cost categories, in migration order. */
const RENT = 1;
const STAFF = 2;
const TRAVEL = 5;
const TAXES = 6;
const OUTDOOR = 1;

async function clientWithContract(
  caller: Awaited<ReturnType<typeof createTestContext>>["caller"],
  contracts: { signedOn: string; amount: number; mediaCost?: number; productionCost?: number }[],
) {
  const { clientId } = await caller.clients.create({ name: "现金流客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });
  let serial = 0;
  for (const contract of contracts) {
    serial += 1;
    await caller.contracts.create({
      clientId,
      contractNo: `CF-${serial}`,
      businessTypeId: OUTDOOR,
      title: `合同 ${serial}`,
      signedOn: contract.signedOn,
      serviceStart: null,
      serviceEnd: null,
      totalAmount: contract.amount,
      mediaCost: contract.mediaCost ?? 0,
      productionCost: contract.productionCost ?? 0,
      notes: "",
      installments: [{ label: "", dueDate: contract.signedOn, amount: contract.amount }],
    });
  }
  return clientId;
}

/**
 * Today 2026-12-04. Contract 2026-01-10 of 1,000.00 (media 300.00, production 100.00).
 * Cash in: 2026-01-20 600.00, 2026-02-10 50.00 reversed, 2026-03-05 400.00.
 * Costs: 2026-01-05 rent 200.00, 2026-02-15 staff 300.00, 2026-02-20 rent 200.00,
 * 2026-03-01 travel 50.00 voided. No cost for taxes.
 */
async function cashFlowAgency() {
  const context = await createTestContext("2026-12-04");
  const { caller } = context;
  const clientId = await clientWithContract(caller, [
    { signedOn: "2026-01-10", amount: 100000, mediaCost: 30000, productionCost: 10000 },
  ]);
  const payment = { clientId, method: "银行转账" as const, bankReference: "", note: "", contractId: null };
  await caller.payments.record({ ...payment, receivedOn: "2026-01-20", amount: 60000 });
  const reversed = await caller.payments.record({ ...payment, receivedOn: "2026-02-10", amount: 5000 });
  await caller.payments.reverse({ paymentId: reversed.paymentId, reason: "重复录入" });
  await caller.payments.record({ ...payment, receivedOn: "2026-03-05", amount: 40000 });
  await caller.costs.record({ paidOn: "2026-01-05", categoryId: RENT, amount: 20000, note: "一月房租" });
  await caller.costs.record({ paidOn: "2026-02-15", categoryId: STAFF, amount: 30000, note: "" });
  await caller.costs.record({ paidOn: "2026-02-20", categoryId: RENT, amount: 20000, note: "" });
  const { costId } = await caller.costs.record({ paidOn: "2026-03-01", categoryId: TRAVEL, amount: 5000, note: "" });
  await caller.costs.void({ costId, reason: "录错" });
  return context;
}

describe("costs.cashFlow", () => {
  it("sums live payments and live costs per month, with a cumulative net", async () => {
    const { caller } = await cashFlowAgency();

    const report = await caller.costs.cashFlow({ from: "2026-01", to: "2026-03" });

    expect(report.months.map(({ month, cashIn, cashOut, net, cumulativeNet }) => ({ month, cashIn, cashOut, net, cumulativeNet }))).toEqual([
      { month: "2026-01", cashIn: 60000, cashOut: 20000, net: 40000, cumulativeNet: 40000 },
      { month: "2026-02", cashIn: 0, cashOut: 50000, net: -50000, cumulativeNet: -10000 },
      { month: "2026-03", cashIn: 40000, cashOut: 0, net: 40000, cumulativeNet: 30000 },
    ]);
    expect(report.totals).toEqual({ cashIn: 100000, cashOut: 70000, net: 30000 });
  });

  it("splits costs by category, listing categories without entries at 0", async () => {
    const { caller } = await cashFlowAgency();

    const report = await caller.costs.cashFlow({ from: "2026-01", to: "2026-03" });

    expect(report.months[1]?.byCategory).toEqual({ [RENT]: 20000, [STAFF]: 30000 });
    const totals = Object.fromEntries(report.categories.map((category) => [category.id, category.total]));
    expect(totals[RENT]).toBe(40000);
    expect(totals[STAFF]).toBe(30000);
    expect(totals[TRAVEL]).toBe(0);
    expect(totals[TAXES]).toBe(0);
  });

  it("lists contract costs by business type for contracts signed in the range", async () => {
    const { caller } = await cashFlowAgency();

    const inRange = await caller.costs.cashFlow({ from: "2026-01", to: "2026-03" });
    const outOfRange = await caller.costs.cashFlow({ from: "2026-02", to: "2026-03" });

    expect(inRange.contractCosts).toEqual([
      { businessTypeId: OUTDOOR, name: expect.any(String), mediaCost: 30000, productionCost: 10000, total: 40000 },
    ]);
    expect(outOfRange.contractCosts).toEqual([]);
  });

  it("keeps a voided cost in the list but out of the totals", async () => {
    const { caller } = await cashFlowAgency();

    const list = await caller.costs.list({ from: "2026-03-01", to: "2026-03-31" });

    expect(list.costs).toHaveLength(1);
    expect(list.costs[0]?.voidReason).toBe("录错");
    expect(list.liveTotal).toBe(0);
  });

  it("rejects voiding a cost twice and a cost paid after today", async () => {
    const { caller } = await cashFlowAgency();

    await expect(caller.costs.void({ costId: 4, reason: "再次" })).rejects.toThrow(/已作废/);
    await expect(caller.costs.record({ paidOn: "2026-12-05", categoryId: RENT, amount: 1, note: "" })).rejects.toThrow(/晚于今天/);
  });

  it("lets viewers read the report but not record costs", async () => {
    const context = await cashFlowAgency();
    const { caller } = await context.signIn("viewer");

    expect((await caller.costs.cashFlow({ from: "2026-01", to: "2026-03" })).totals.net).toBe(30000);
    await expect(caller.costs.record({ paidOn: "2026-12-01", categoryId: RENT, amount: 1, note: "" })).rejects.toThrow(/没有权限/);
  });
});

/**
 * Month 2026-06: costs of 2026-04..06 against 2026-01..03, revenue likewise.
 * Costs 2026-01 rent 1,000.00; 2026-04 rent 1,000.00; 2026-05 staff 100.00 → growth 10%.
 * Revenue 2026-02 1,000.00 and 2026-05 1,000.00 → growth 0%. The gap is exactly 10 points.
 */
async function divergenceAgency() {
  const context = await createTestContext("2026-12-04");
  const { caller } = context;
  await clientWithContract(caller, [
    { signedOn: "2026-02-10", amount: 100000 },
    { signedOn: "2026-05-10", amount: 100000 },
  ]);
  await caller.costs.record({ paidOn: "2026-01-10", categoryId: RENT, amount: 100000, note: "" });
  await caller.costs.record({ paidOn: "2026-04-10", categoryId: RENT, amount: 100000, note: "" });
  await caller.costs.record({ paidOn: "2026-05-10", categoryId: STAFF, amount: 10000, note: "" });
  return context;
}

describe("cost and revenue divergence", () => {
  it("does not warn when cost growth exceeds revenue growth by exactly the threshold", async () => {
    const { caller } = await divergenceAgency();

    const report = await caller.costs.cashFlow({ from: "2026-06", to: "2026-06", divergencePoints: 10 });

    expect(report.warnings).toEqual([]);
  });

  it("warns one fen past the threshold", async () => {
    const { caller } = await divergenceAgency();
    await caller.costs.record({ paidOn: "2026-06-01", categoryId: TRAVEL, amount: 1, note: "" });

    const report = await caller.costs.cashFlow({ from: "2026-06", to: "2026-06" });

    expect(report.warnings).toEqual([
      {
        month: "2026-06",
        window: { from: "2026-04", to: "2026-06" },
        previous: { from: "2026-01", to: "2026-03" },
        costGrowthBasisPoints: 1000,
        revenueGrowthBasisPoints: 0,
        topCategories: [
          { categoryId: STAFF, name: "人工", growth: 10000 },
          { categoryId: TRAVEL, name: "差旅", growth: 1 },
        ],
      },
    ]);
  });

  it("warns under a lower threshold", async () => {
    const { caller } = await divergenceAgency();

    const report = await caller.costs.cashFlow({ from: "2026-06", to: "2026-06", divergencePoints: 9 });

    expect(report.warnings.map((warning) => warning.month)).toEqual(["2026-06"]);
  });

  it("does not judge a month whose earlier window has no revenue", async () => {
    const { caller } = await divergenceAgency();

    const report = await caller.costs.cashFlow({ from: "2026-03", to: "2026-03", divergencePoints: 0 });

    expect(report.warnings).toEqual([]);
  });
});
