import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../db";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { PAYMENT_METHODS } from "../../server/services/payments";
import { createTestContext, type TestContext } from "../support/context";

const TODAY = "2026-12-04";

/** Contract value signed per month (YYYY-MM), optionally of one business type. */
async function revenueByMonth(db: Db, businessType?: string): Promise<Map<string, number>> {
  let query = db
    .selectFrom("contract as c")
    .innerJoin("business_type as b", "b.id", "c.business_type_id")
    .select(["c.signed_on", "c.total_amount"]);
  if (businessType) query = query.where("b.name", "=", businessType);

  const totals = new Map<string, number>();
  for (const row of await query.execute()) {
    const month = row.signed_on.slice(0, 7);
    totals.set(month, (totals.get(month) ?? 0) + row.total_amount);
  }
  return totals;
}

function sumMonths(totals: ReadonlyMap<string, number>, year: number, months: readonly number[]): number {
  const key = (month: number) => `${year}-${String(month).padStart(2, "0")}`;
  return months.reduce((sum, month) => sum + (totals.get(key(month)) ?? 0), 0);
}

/** Reads every row of the money tables in id order, for comparing two databases. */
async function snapshot(db: Db) {
  return {
    contracts: await db.selectFrom("contract").selectAll().orderBy("id").execute(),
    installments: await db.selectFrom("installment").selectAll().orderBy("id").execute(),
    payments: await db.selectFrom("payment").selectAll().orderBy("id").execute(),
    allocations: await db.selectFrom("allocation").selectAll().orderBy("id").execute(),
  };
}

describe("demo seed", () => {
  let ctx: TestContext;
  let counts: Record<string, number> | null;

  beforeAll(async () => {
    ctx = await createTestContext(TODAY);
    counts = await seedDemoIfEmpty(ctx.db, ctx.clock);
  });

  it("reports what it created", () => {
    expect(counts).not.toBeNull();
    expect(counts!.clients).toBeGreaterThanOrEqual(55);
    expect(counts!.clients).toBeLessThanOrEqual(65);
    expect(counts!.staff).toBeGreaterThanOrEqual(6);
    expect(counts!.staff).toBeLessThanOrEqual(8);
    expect(counts!.contracts).toBeGreaterThan(300);
    expect(counts!.payments).toBeGreaterThan(300);
  });

  it("fills the company profile", async () => {
    const company = await ctx.caller.settings.company();
    expect(company.name).toBe("上海星河广告传媒有限公司");
    expect(company.bankName).toContain("招商银行");
    expect(company.bankAccountNumber.replaceAll(" ", "")).toMatch(/^\d{16,19}$/);
  });

  it("gives every client a contact and manager", async () => {
    const clients = await ctx.caller.clients.list({});
    expect(clients.length).toBe(counts!.clients);
    for (const client of clients) {
      expect(client.phone, client.name).toMatch(/^1[3-9]\d{9}$/);
      expect(client.contactPerson, client.name).not.toBe("");
      expect(client.address, client.name).toMatch(/^(上海市|江苏省|浙江省)/);
      expect(client.accountManagerName, client.name).not.toBeNull();
    }
  });

  it("signs contracts of every business type", async () => {
    const types = await ctx.caller.settings.businessTypes();
    const rows = await ctx.db
      .selectFrom("contract")
      .select((eb) => ["business_type_id", eb.fn.countAll<number>().as("count")])
      .groupBy("business_type_id")
      .execute();
    const perType = new Map(rows.map((row) => [row.business_type_id, Number(row.count)]));
    for (const type of types) {
      expect(perType.get(type.id) ?? 0, type.name).toBeGreaterThan(0);
    }
  });

  it("writes plausible contract terms", async () => {
    const contracts = await ctx.db.selectFrom("contract").selectAll().execute();
    const numbers = new Set(contracts.map((contract) => contract.contract_no));
    expect(numbers.size).toBe(contracts.length);

    for (const contract of contracts) {
      expect(contract.contract_no).toMatch(/^HT-\d{4}-\d{4}$/);
      expect(contract.signed_on <= TODAY, contract.contract_no).toBe(true);
      expect(contract.signed_on >= "2025-01-01", contract.contract_no).toBe(true);
      expect(contract.total_amount % 100, contract.contract_no).toBe(0);

      const cost = contract.media_cost + contract.production_cost;
      const margin = (contract.total_amount - cost) / contract.total_amount;
      expect(margin, contract.contract_no).toBeGreaterThanOrEqual(0.14);
      expect(margin, contract.contract_no).toBeLessThanOrEqual(0.46);
    }
  });

  it("dips in February", async () => {
    const totals = await revenueByMonth(ctx.db);
    for (const year of [2025, 2026]) {
      const months = [...totals.keys()].filter((month) => month.startsWith(`${year}-`));
      const average = sumMonths(totals, year, months.map((month) => Number(month.slice(5)))) / months.length;
      const february = sumMonths(totals, year, [2]);

      expect(february, `${year} February vs January`).toBeLessThan(sumMonths(totals, year, [1]));
      expect(february, `${year} February vs monthly average`).toBeLessThan(average);
    }
  });

  it("grows outdoor in summer", async () => {
    const outdoor = await revenueByMonth(ctx.db, "户外广告");
    for (const year of [2025, 2026]) {
      const summer = sumMonths(outdoor, year, [6, 7, 8, 9]);
      const spring = sumMonths(outdoor, year, [1, 2, 3, 4]);
      expect(summer, String(year)).toBeGreaterThan(spring);
    }
  });

  it("uses every payment method", async () => {
    const rows = await ctx.db.selectFrom("payment").select("method").distinct().execute();
    expect(rows.map((row) => row.method).sort()).toEqual([...PAYMENT_METHODS].sort());
  });

  it("dates no payment after today", async () => {
    const latest = await ctx.db
      .selectFrom("payment")
      .select((eb) => eb.fn.max("received_on").as("latest"))
      .executeTakeFirstOrThrow();
    expect(latest.latest! <= TODAY).toBe(true);
  });

  it("leaves credit with a prepaying client", async () => {
    const summary = await ctx.caller.reports.summary({});
    const withCredit = summary.rows.filter((row) => row.credit > 0);
    expect(withCredit.length).toBeGreaterThanOrEqual(1);
  });

  it("keeps reversed payments and their re-entries", async () => {
    const reversed = await ctx.db
      .selectFrom("payment")
      .selectAll()
      .where("reversed_at", "is not", null)
      .execute();
    expect(reversed.length).toBeGreaterThanOrEqual(1);
    expect(reversed.length).toBe(counts!.reversedPayments);

    for (const payment of reversed) {
      expect(payment.reversal_reason, String(payment.id)).toMatch(/录入金额错误|重复登记/);
      const live = await ctx.db
        .selectFrom("payment")
        .select("id")
        .where("client_id", "=", payment.client_id)
        .where("received_on", "=", payment.received_on)
        .where("reversed_at", "is", null)
        .execute();
      expect(live.length, `live entry beside reversed payment ${payment.id}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("keeps paid amounts equal to live allocations", async () => {
    const installments = await ctx.db
      .selectFrom("installment as i")
      .leftJoin("allocation as a", (join) =>
        join.onRef("a.installment_id", "=", "i.id").on("a.reversed_at", "is", null),
      )
      .select((eb) => [
        "i.id",
        "i.paid_amount",
        eb.fn.coalesce(eb.fn.sum<number>("a.amount"), eb.lit(0)).as("live"),
      ])
      .groupBy(["i.id", "i.paid_amount"])
      .execute();
    for (const row of installments) {
      expect(Number(row.live), `installment ${row.id}`).toBe(row.paid_amount);
    }
  });

  it("spreads overdue over aging buckets", async () => {
    const dashboard = await ctx.caller.reports.dashboard({});
    const overdueBuckets = dashboard.aging.filter((bucket) => bucket.key !== "current" && bucket.amount > 0);
    expect(overdueBuckets.length).toBeGreaterThanOrEqual(4);
    expect(dashboard.aging.find((bucket) => bucket.key === "over365")!.amount).toBeGreaterThan(0);

    const overdueShare = dashboard.overdue / dashboard.outstanding;
    expect(overdueShare).toBeGreaterThanOrEqual(0.15);
    expect(overdueShare).toBeLessThanOrEqual(0.35);
  });

  it("lists twenty to thirty-five clients to remind", async () => {
    const dashboard = await ctx.caller.reports.dashboard({});
    expect(dashboard.clientsOwing).toBeGreaterThanOrEqual(20);
    expect(dashboard.clientsOwing).toBeLessThanOrEqual(35);
    expect(dashboard.collectedThisMonth).toBeGreaterThan(0);
  });

  it("balances contracted, received and outstanding", async () => {
    const summary = await ctx.caller.reports.summary({});
    expect(summary.rows.length).toBe(counts!.clients);
    for (const row of summary.rows) {
      expect(row.contracted - row.received, row.client.name).toBe(row.outstanding - row.credit);
    }
  });

  it("is the same for the same today", async () => {
    const other = await createTestContext(TODAY);
    await seedDemoIfEmpty(other.db, other.clock);
    expect(await snapshot(other.db)).toEqual(await snapshot(ctx.db));
  });

  it("skips a database that has clients", async () => {
    const before = await snapshot(ctx.db);
    const clientCount = (await ctx.caller.clients.list({})).length;

    expect(await seedDemoIfEmpty(ctx.db, ctx.clock)).toBeNull();
    expect(await snapshot(ctx.db)).toEqual(before);
    expect((await ctx.caller.clients.list({})).length).toBe(clientCount);
  });
});
