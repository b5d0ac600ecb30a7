import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Db, migrateToLatest, openDatabase } from "../../db";
import { CopyError, type CopyReport, copySqliteToPostgres } from "../../db/copy-to-postgres";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import type { Clock } from "../../server/clock";
import { createCaller } from "../../server/root";
import { TESTING_ON_POSTGRES, TEST_ADMIN, createTestContext } from "../support/context";

const TODAY = "2026-12-04";

const clock: Clock = {
  timeZone: "Asia/Shanghai",
  today: () => TODAY,
  nowIso: () => new Date().toISOString(),
};

function adminCaller(db: Db) {
  return createCaller({ db, clock, requestId: randomUUID(), user: TEST_ADMIN, headers: new Headers() });
}

type Caller = ReturnType<typeof adminCaller>;

/** Collects the report figures users see, from every report procedure, on one database. */
async function reportFigures(caller: Caller) {
  const clients = await caller.clients.listWithBalances({ asOf: TODAY });
  return {
    dashboard: await caller.reports.dashboard({ asOf: TODAY }),
    aging: await caller.aging.report({ asOf: TODAY }),
    summary: await caller.reports.summary({ asOf: TODAY, from: "2026-01-01" }),
    summaryByManager: await caller.reports.summaryByManager({ asOf: TODAY, from: null }),
    speed: await caller.speed.ranking({ asOf: TODAY, from: null }),
    value: await caller.value.ranking({ from: "2025-01-01", to: TODAY, sortBy: "profit" }),
    trend: await caller.trend.report({ from: "2025-01", to: "2026-12" }),
    cashFlow: await caller.costs.cashFlow({ from: "2025-01", to: "2026-12" }),
    clients,
  };
}

// Runs only under `npm run test:pg`: it needs a PostgreSQL server.
describe.skipIf(!TESTING_ON_POSTGRES)("copy SQLite to PostgreSQL", () => {
  let source: Db;
  let target: Db;
  let report: CopyReport;

  beforeAll(async () => {
    source = openDatabase(":memory:");
    await migrateToLatest(source);
    await seedDemoIfEmpty(source, clock);
    target = (await createTestContext(TODAY)).db;
    report = await copySqliteToPostgres(source, target);
  }, 180_000);

  afterAll(async () => {
    await source?.destroy();
  });

  it("reports equal counts for every table", () => {
    const byTable = new Map(report.tables.map((table) => [table.table, table]));
    for (const table of ["client", "contract", "installment", "payment", "allocation", "user", "operating_cost"]) {
      expect(byTable.get(table)?.sourceRows, `${table} rows`).toBeGreaterThan(0);
      expect(byTable.get(table)?.targetRows, `${table} rows`).toBe(byTable.get(table)?.sourceRows);
    }
    const payments = byTable.get("payment")!.money.find((total) => total.column === "amount")!;
    expect(payments.target).toBe(payments.source);
  });

  it("gives the same report figures", async () => {
    const before = await reportFigures(adminCaller(source));
    const after = await reportFigures(adminCaller(target));
    for (const key of Object.keys(before) as (keyof typeof before)[]) {
      expect(after[key], key).toEqual(before[key]);
    }
  });

  it("continues ids after the copied ones", async () => {
    const caller = adminCaller(target);
    const { clientId } = await caller.clients.create({
      name: "复制后新客户",
      contactPerson: "",
      phone: "",
      address: "",
      notes: "",
    });
    const largest = await source.selectFrom("client").select((eb) => eb.fn.max("id").as("id")).executeTakeFirstOrThrow();
    expect(clientId).toBe(Number(largest.id) + 1);
  });

  it("rejects a target that has data and changes nothing", async () => {
    const before = await target.selectFrom("payment").select("id").execute();
    await expect(copySqliteToPostgres(source, target)).rejects.toThrow(CopyError);
    const after = await target.selectFrom("payment").select("id").execute();
    expect(after).toHaveLength(before.length);
  });

  it("rejects an SQLite target", async () => {
    const other = openDatabase(":memory:");
    await expect(copySqliteToPostgres(source, other)).rejects.toThrow(/PostgreSQL/);
    await other.destroy();
  });
});
