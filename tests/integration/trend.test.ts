import { describe, expect, it } from "vitest";

import { createTestContext, testUser } from "../support/context";

const OUTDOOR = 1;
const PRINT = 2;
const DESIGN = 4;
const RANGE = { from: "2026-01", to: "2026-05" };

/**
 * Monthly revenue (fen), today 2026-12-04:
 * 2025-01 X outdoor 10000 · 2025-02 X 10000 · 2025-03 Y print 20000 + W outdoor 5000 · 2025-10 X 6000
 * 2026-01 X 12000 · 2026-02 X 4000 · 2026-03 Y print 14000 + Z design 6000 + W outdoor 6000 · 2026-04 none
 * 2026-05 X 10000. W is managed by staff member 甲.
 */
async function agency() {
  const context = await createTestContext("2026-12-04");
  const { caller } = context;
  const { staffId: managerId } = await caller.settings.addStaff({ name: "甲", phone: "" });
  const client = async (name: string, accountManagerId: number | null = null) =>
    (await caller.clients.create({ name, contactPerson: "", phone: "", address: "", accountManagerId, notes: "" }))
      .clientId;
  const x = await client("X");
  const y = await client("Y");
  const z = await client("Z");
  const w = await client("W", managerId);
  let serial = 0;
  const contract = async (clientId: number, businessTypeId: number, signedOn: string, amount: number) => {
    serial += 1;
    await caller.contracts.create({
      clientId,
      contractNo: `T-${serial}`,
      businessTypeId,
      title: `合同 ${serial}`,
      signedOn,
      serviceStart: null,
      serviceEnd: null,
      totalAmount: amount,
      mediaCost: 0,
      productionCost: 0,
      notes: "",
      installments: [{ label: "", dueDate: signedOn, amount }],
    });
  };
  await contract(x, OUTDOOR, "2025-01-15", 10000);
  await contract(x, OUTDOOR, "2025-02-15", 10000);
  await contract(y, PRINT, "2025-03-01", 20000);
  await contract(w, OUTDOOR, "2025-03-31", 5000);
  await contract(x, OUTDOOR, "2025-10-10", 6000);
  await contract(x, OUTDOOR, "2026-01-01", 12000);
  await contract(x, OUTDOOR, "2026-02-28", 4000);
  await contract(y, PRINT, "2026-03-05", 14000);
  await contract(z, DESIGN, "2026-03-06", 6000);
  await contract(w, OUTDOOR, "2026-03-31", 6000);
  await contract(x, OUTDOOR, "2026-05-20", 10000);
  return { ...context, managerId };
}

describe("trend.report", () => {
  it("lists every month of the range", async () => {
    const { caller } = await agency();
    const report = await caller.trend.report(RANGE);
    expect(report.months.map((month) => month.month)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
    expect(report.months.map((month) => month.total)).toEqual([12000, 4000, 26000, 0, 10000]);
  });

  it("shows a month without revenue as 0", async () => {
    const { caller } = await agency();
    const april = (await caller.trend.report(RANGE)).months[3];
    expect(april?.total).toBe(0);
    expect(april?.byBusinessType).toEqual({});
  });

  it("splits revenue by business type", async () => {
    const { caller } = await agency();
    const report = await caller.trend.report(RANGE);
    expect(report.months[2]?.byBusinessType).toEqual({ [OUTDOOR]: 6000, [PRINT]: 14000, [DESIGN]: 6000 });
    expect(report.businessTypes.map((type) => type.id)).toEqual([OUTDOOR, PRINT, DESIGN]);
  });

  it("computes month-on-month change", async () => {
    const { caller } = await agency();
    const report = await caller.trend.report(RANGE);
    expect(report.months.map((month) => month.monthOnMonthBasisPoints)).toEqual([null, -6667, 55000, -10000, null]);
  });

  it("computes year-on-year change", async () => {
    const { caller } = await agency();
    const report = await caller.trend.report(RANGE);
    expect(report.months.map((month) => month.lastYearTotal)).toEqual([10000, 10000, 25000, 0, 0]);
    expect(report.months.map((month) => month.yearOnYearBasisPoints)).toEqual([2000, -6000, 400, null, null]);
  });

  it("flags unusual months", async () => {
    const { caller } = await agency();
    const report = await caller.trend.report(RANGE);
    expect(report.months.map((month) => month.trailingThreeTotal)).toEqual([6000, 12000, 16000, 42000, 30000]);
    expect(report.months.map((month) => month.unusual)).toEqual([["trailing"], ["yoy"], ["trailing"], ["trailing"], []]);
  });

  it("takes the threshold from the input", async () => {
    const { caller } = await agency();
    const report = await caller.trend.report({ ...RANGE, thresholdPercent: 70 });
    expect(report.months[1]?.unusual).toEqual([]);
    expect(report.thresholdPercent).toBe(70);
  });

  it("does not flag a change equal to the threshold", async () => {
    const { caller } = await agency();
    // February 2026 fell by exactly 60% year on year.
    const report = await caller.trend.report({ ...RANGE, thresholdPercent: 60 });
    expect(report.months[1]?.unusual).toEqual([]);
  });

  it("totals quarters and years", async () => {
    const { caller } = await agency();
    const report = await caller.trend.report(RANGE);
    expect(report.quarters).toEqual([
      { period: "2026-Q1", total: 42000, monthCount: 3 },
      { period: "2026-Q2", total: 10000, monthCount: 2 },
    ]);
    expect(report.years).toEqual([{ period: "2026", total: 52000, monthCount: 5 }]);
  });

  it("compares January and February together", async () => {
    const { caller } = await agency();
    const report = await caller.trend.report(RANGE);
    expect(report.springFestival).toEqual([{ year: 2026, total: 16000, lastYearTotal: 20000, changeBasisPoints: -2000 }]);
  });

  it("defaults to the 24 months up to today", async () => {
    const { caller } = await agency();
    const report = await caller.trend.report({});
    expect(report.from).toBe("2025-01");
    expect(report.to).toBe("2026-12");
    expect(report.months).toHaveLength(24);
    expect(report.thresholdPercent).toBe(30);
  });

  it("scopes account managers to their clients", async () => {
    const { callerAs, managerId } = await agency();
    const report = await callerAs(testUser("account_manager", managerId)).trend.report(RANGE);
    expect(report.months.map((month) => month.total)).toEqual([0, 0, 6000, 0, 0]);
  });

  it("rejects a range of more than 120 months", async () => {
    const { caller } = await agency();
    await expect(caller.trend.report({ from: "2016-01", to: "2026-01" })).rejects.toThrow("超过 120 个月");
  });
});

describe("trend.drillDown", () => {
  it("ranks contributions by absolute change", async () => {
    const { caller } = await agency();
    const drill = await caller.trend.drillDown({ month: "2026-03" });
    expect(drill.lastYearMonth).toBe("2025-03");
    expect(drill.change).toBe(1000);
    expect(drill.clients.map((entry) => [entry.name, entry.change])).toEqual([
      ["Y", -6000],
      ["Z", 6000],
      ["W", 1000],
    ]);
    expect(drill.businessTypes.map((entry) => entry.change).map(Math.abs)).toEqual([6000, 6000, 1000]);
  });

  it("sums contributions to the change", async () => {
    const { caller } = await agency();
    for (const month of ["2026-01", "2026-02", "2026-03", "2026-04"]) {
      const drill = await caller.trend.drillDown({ month });
      const byClient = drill.clients.reduce((sum, entry) => sum + entry.change, 0);
      const byType = drill.businessTypes.reduce((sum, entry) => sum + entry.change, 0);
      expect(byClient, month).toBe(drill.change);
      expect(byType, month).toBe(drill.change);
    }
  });

  it("lists a month without revenue", async () => {
    const { caller } = await agency();
    const drill = await caller.trend.drillDown({ month: "2026-07" });
    expect(drill).toMatchObject({ total: 0, lastYearTotal: 0, change: 0, clients: [], businessTypes: [] });
  });
});

describe("month annotations", () => {
  it("saves, replaces and clears a note", async () => {
    const { caller } = await agency();
    await caller.trend.saveAnnotation({ month: "2026-02", note: "春节" });
    expect((await caller.trend.report(RANGE)).months[1]?.note).toBe("春节");

    await caller.trend.saveAnnotation({ month: "2026-02", note: "春节假期，客户停投" });
    expect((await caller.trend.drillDown({ month: "2026-02" })).note).toBe("春节假期，客户停投");

    expect(await caller.trend.clearAnnotation({ month: "2026-02" })).toEqual({ cleared: true });
    expect((await caller.trend.report(RANGE)).months[1]?.note).toBeNull();
    expect(await caller.trend.clearAnnotation({ month: "2026-02" })).toEqual({ cleared: false });
  });

  it("records who saved the note", async () => {
    const { caller, db } = await agency();
    await caller.trend.saveAnnotation({ month: "2026-06", note: "天气转暖户外投放增加" });
    const row = await db.selectFrom("month_annotation").selectAll().executeTakeFirstOrThrow();
    expect(row.updated_by).toBe(testUser("admin").name);
  });

  it("accepts a note of 200 characters", async () => {
    const { caller } = await agency();
    await caller.trend.saveAnnotation({ month: "2026-02", note: "字".repeat(200) });
    expect((await caller.trend.drillDown({ month: "2026-02" })).note).toHaveLength(200);
  });

  it("rejects a note of 201 characters", async () => {
    const { caller } = await agency();
    await expect(caller.trend.saveAnnotation({ month: "2026-02", note: "字".repeat(201) })).rejects.toThrow(
      "不能超过 200 个字",
    );
  });

  it("rejects months that do not exist", async () => {
    const { caller } = await agency();
    for (const month of ["2026-13", "2026-00", "2026-2", "26-02", "2026-02-01"]) {
      await expect(caller.trend.saveAnnotation({ month, note: "春节" }), month).rejects.toThrow("不是有效月份");
    }
  });

  it("denies viewers and account managers", async () => {
    const { callerAs, managerId } = await agency();
    await expect(callerAs(testUser("viewer")).trend.saveAnnotation({ month: "2026-02", note: "春节" })).rejects.toThrow(
      "没有权限",
    );
    await expect(
      callerAs(testUser("account_manager", managerId)).trend.clearAnnotation({ month: "2026-02" }),
    ).rejects.toThrow("没有权限");
  });
});
