import { describe, expect, it } from "vitest";

import { createTestContext, testUser } from "../support/context";

const OUTDOOR = 1;
const PERIOD = { from: "2026-01-01", to: "2026-12-04" };

/**
 * Revenue in the period (fen): Acme 50000 over two contracts (cost 17000),
 * Bolt, Cora and Dune 15000 each (Bolt cost 14000), Echo 5000; total 100000.
 * Before Dune the cumulative share is exactly 80%, before Echo exactly 95%.
 * Bolt also signed 99900 on 2025-12-31, outside the period; Fox has no
 * contract. Acme is managed by staff member 甲.
 */
async function agency() {
  const context = await createTestContext("2026-12-04");
  const { caller } = context;
  const { staffId: managerId } = await caller.settings.addStaff({ name: "甲", phone: "" });
  const client = async (name: string, accountManagerId: number | null = null) =>
    (await caller.clients.create({ name, contactPerson: "", phone: "", address: "", accountManagerId, notes: "" }))
      .clientId;
  const ids = {
    acme: await client("Acme", managerId),
    bolt: await client("Bolt"),
    cora: await client("Cora"),
    dune: await client("Dune"),
    echo: await client("Echo"),
    fox: await client("Fox"),
  };
  let serial = 0;
  const contract = async (clientId: number, signedOn: string, amount: number, mediaCost = 0, productionCost = 0) => {
    serial += 1;
    await caller.contracts.create({
      clientId,
      contractNo: `V-${serial}`,
      businessTypeId: OUTDOOR,
      title: `合同 ${serial}`,
      signedOn,
      serviceStart: null,
      serviceEnd: null,
      totalAmount: amount,
      mediaCost,
      productionCost,
      notes: "",
      installments: [{ label: "", dueDate: signedOn, amount }],
    });
  };
  await contract(ids.acme, "2026-03-01", 30000, 10000, 5000);
  await contract(ids.acme, "2026-05-01", 20000, 0, 2000);
  await contract(ids.bolt, "2026-06-01", 15000, 14000, 0);
  await contract(ids.bolt, "2025-12-31", 99900);
  await contract(ids.cora, "2026-12-04", 15000);
  await contract(ids.dune, "2026-01-01", 15000);
  await contract(ids.echo, "2026-07-01", 5000);
  return { ...context, ids, managerId };
}

describe("value.ranking", () => {
  it("ranks by revenue with ties by name", async () => {
    const { caller } = await agency();
    const report = await caller.value.ranking(PERIOD);
    expect(report.rows.map((row) => row.clientName)).toEqual(["Acme", "Bolt", "Cora", "Dune", "Echo"]);
    expect(report.rows.map((row) => row.revenueRank)).toEqual([1, 2, 3, 4, 5]);
    expect(report.rows.map((row) => row.revenue)).toEqual([50000, 15000, 15000, 15000, 5000]);
  });

  it("sums revenue and cost per client", async () => {
    const { caller } = await agency();
    const [acme] = (await caller.value.ranking(PERIOD)).rows;
    expect(acme?.contractCount).toBe(2);
    expect(acme?.cost).toBe(17000);
    expect(acme?.grossProfit).toBe(33000);
  });

  it("classes clients at the exact boundaries", async () => {
    const { caller } = await agency();
    const report = await caller.value.ranking(PERIOD);
    expect(report.rows.map((row) => row.paretoClass)).toEqual(["A", "A", "A", "B", "C"]);
    expect(report.rows.map((row) => row.shareBasisPoints)).toEqual([5000, 1500, 1500, 1500, 500]);
    expect(report.rows.map((row) => row.cumulativeBasisPoints)).toEqual([5000, 6500, 8000, 9500, 10000]);
  });

  it("excludes clients without contracts in the period", async () => {
    const { caller } = await agency();
    const names = (await caller.value.ranking(PERIOD)).rows.map((row) => row.clientName);
    expect(names).not.toContain("Fox");
    const bolt = (await caller.value.ranking(PERIOD)).rows.find((row) => row.clientName === "Bolt");
    expect(bolt?.revenue).toBe(15000);
  });

  it("totals the period", async () => {
    const { caller } = await agency();
    const { totals } = await caller.value.ranking(PERIOD);
    expect(totals).toEqual({ contractCount: 6, revenue: 100000, cost: 31000, grossProfit: 69000 });
  });

  it("sorts by profit keeping classes", async () => {
    const { caller } = await agency();
    const report = await caller.value.ranking({ ...PERIOD, sortBy: "profit" });
    expect(report.rows.map((row) => row.clientName)).toEqual(["Acme", "Cora", "Dune", "Echo", "Bolt"]);
    expect(report.rows.find((row) => row.clientName === "Bolt")?.paretoClass).toBe("A");
  });

  it("defaults to the last 12 months", async () => {
    const { caller } = await agency();
    const report = await caller.value.ranking({});
    expect(report.from).toBe("2025-12-05");
    expect(report.to).toBe("2026-12-04");
    expect(report.rows.find((row) => row.clientName === "Bolt")?.revenue).toBe(114900);
  });

  it("returns an empty report for a period without contracts", async () => {
    const { caller } = await agency();
    const report = await caller.value.ranking({ from: "2024-01-01", to: "2024-12-31" });
    expect(report.rows).toEqual([]);
    expect(report.totals).toEqual({ contractCount: 0, revenue: 0, cost: 0, grossProfit: 0 });
  });

  it("hides costs from viewers", async () => {
    const { callerAs } = await agency();
    const viewer = callerAs(testUser("viewer"));
    const report = await viewer.value.ranking(PERIOD);
    expect(report.rows[0]?.cost).toBeNull();
    expect(report.rows[0]?.grossProfit).toBeNull();
    expect(report.totals.cost).toBeNull();
    await expect(viewer.value.ranking({ ...PERIOD, sortBy: "profit" })).rejects.toThrow("不能按毛利排序");
  });

  it("scopes account managers to their clients", async () => {
    const { callerAs, managerId } = await agency();
    const report = await callerAs(testUser("account_manager", managerId)).value.ranking(PERIOD);
    expect(report.rows.map((row) => row.clientName)).toEqual(["Acme"]);
    expect(report.rows[0]?.cumulativeBasisPoints).toBe(10000);
  });

  it("rejects a period that ends before it starts", async () => {
    const { caller } = await agency();
    await expect(caller.value.ranking({ from: "2026-06-01", to: "2026-05-01" })).rejects.toThrow("晚于结束日期");
  });
});
