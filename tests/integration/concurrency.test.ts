import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

import { TRPCError } from "@trpc/server";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";

import type { Db } from "../../db";
import { TESTING_ON_POSTGRES, type TestContext, createTestContext } from "../support/context";

type Caller = TestContext["caller"];

const TODAY = "2026-12-04";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

const tempDirs: string[] = [];

function tempDatabaseFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "huikuan-concurrency-"));
  tempDirs.push(dir);
  return path.join(dir, "huikuan.db");
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

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
function addContract(
  caller: Caller,
  clientId: number,
  contractNo: string,
  plan: readonly [string, number][],
) {
  return caller.contracts.create({
    clientId,
    contractNo,
    businessTypeId: 1,
    title: "户外大牌",
    signedOn: "2026-01-01",
    notes: "",
    totalAmount: plan.reduce((sum, [, amount]) => sum + amount, 0),
    installments: plan.map(([dueDate, amount], index) => ({
      label: `第${index + 1}期`,
      dueDate,
      amount,
    })),
  });
}

function pay(caller: Caller, clientId: number, amount: number, contractId: number | null = null) {
  return caller.payments.record({
    clientId,
    receivedOn: "2026-12-01",
    amount,
    method: "银行转账",
    bankReference: "",
    note: "",
    contractId,
  });
}

/**
 * Checks the allocation invariants on the stored rows: no installment is
 * paid beyond its amount, each installment's paid_amount is the sum of its
 * live allocations, no payment is applied beyond its amount and reversed
 * payments keep no live allocation.
 */
async function expectConsistentAllocations(db: Db): Promise<void> {
  const installments = await db
    .selectFrom("installment as i")
    .leftJoin("allocation as a", (join) =>
      join.onRef("a.installment_id", "=", "i.id").on("a.reversed_at", "is", null),
    )
    .select((eb) => [
      "i.id",
      "i.amount",
      "i.paid_amount",
      eb.fn.coalesce(eb.fn.sum<number>("a.amount"), eb.lit(0)).as("allocated"),
    ])
    .groupBy(["i.id", "i.amount", "i.paid_amount"])
    .execute();
  for (const row of installments) {
    expect(Number(row.allocated), `installment ${row.id} allocated`).toBeLessThanOrEqual(
      row.amount,
    );
    expect(row.paid_amount, `installment ${row.id} paid_amount`).toBe(Number(row.allocated));
  }

  const payments = await db
    .selectFrom("payment as p")
    .leftJoin("allocation as a", (join) =>
      join.onRef("a.payment_id", "=", "p.id").on("a.reversed_at", "is", null),
    )
    .select((eb) => [
      "p.id",
      "p.amount",
      "p.reversed_at",
      eb.fn.coalesce(eb.fn.sum<number>("a.amount"), eb.lit(0)).as("allocated"),
    ])
    .groupBy(["p.id", "p.amount", "p.reversed_at"])
    .execute();
  for (const row of payments) {
    const allocated = Number(row.allocated);
    expect(allocated, `payment ${row.id} allocated`).toBeLessThanOrEqual(row.amount);
    if (row.reversed_at !== null) {
      expect(allocated, `reversed payment ${row.id} allocated`).toBe(0);
    }
  }
}

/** Sum of live allocations of live payments: money applied to installments. */
async function totalApplied(db: Db): Promise<number> {
  const row = await db
    .selectFrom("allocation as a")
    .innerJoin("payment as p", "p.id", "a.payment_id")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("a.amount"), eb.lit(0)).as("total"))
    .where("a.reversed_at", "is", null)
    .where("p.reversed_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

async function totalReceived(db: Db): Promise<number> {
  const row = await db
    .selectFrom("payment")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("total"))
    .where("reversed_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

async function expectBalancedTotals(caller: Caller, db: Db): Promise<void> {
  const summary = await caller.reports.summary({ asOf: TODAY });
  const applied = await totalApplied(db);

  expect(summary.totals.received).toBe(await totalReceived(db));
  expect(applied + summary.totals.credit).toBe(summary.totals.received);
  for (const row of summary.rows) {
    expect(row.credit, `${row.client.name} credit`).toBeGreaterThanOrEqual(0);
    // Credit is applied as soon as something is open, so the two never coexist.
    if (row.credit > 0) {
      expect(row.outstanding, `${row.client.name} outstanding beside credit`).toBe(0);
    }
  }
}

describe("concurrent payments on one connection", () => {
  it("never over-apply an installment", async () => {
    const { db, caller } = await createTestContext(TODAY);
    const clientId = await addClient(caller, "并发客户");
    const first = await addContract(caller, clientId, "C-1", [
      ["2026-01-01", 30000],
      ["2026-02-01", 40000],
      ["2026-03-01", 30000],
    ]);
    const second = await addContract(caller, clientId, "C-2", [["2026-04-01", 50000]]);
    const mistaken = await pay(caller, clientId, 20000);

    await Promise.all([
      pay(caller, clientId, 25000),
      pay(caller, clientId, 25000, second.contractId),
      pay(caller, clientId, 33333),
      pay(caller, clientId, 1),
      pay(caller, clientId, 40000, first.contractId),
      caller.payments.reverse({ paymentId: mistaken.paymentId, reason: "重复录入" }),
      addContract(caller, clientId, "C-3", [["2026-05-01", 12345]]),
      pay(caller, clientId, 50000),
    ]);

    await expectConsistentAllocations(db);
    await expectBalancedTotals(caller, db);
    expect(await totalApplied(db)).toBe(30000 + 40000 + 30000 + 50000 + 12345);
  });

  it("cap installments under many small payments", async () => {
    const { db, caller } = await createTestContext(TODAY);
    const clientId = await addClient(caller, "小额客户");
    await addContract(caller, clientId, "S-1", [
      ["2026-01-01", 1000],
      ["2026-01-01", 1000],
    ]);

    await Promise.all(Array.from({ length: 30 }, () => pay(caller, clientId, 77)));

    await expectConsistentAllocations(db);
    await expectBalancedTotals(caller, db);
    expect(await totalApplied(db)).toBe(2000);
  });
});

// SQLite file locking; PostgreSQL has its own test in concurrency-postgres.test.ts.
describe.skipIf(TESTING_ON_POSTGRES)("concurrent payments on two connections", () => {
  it("apply or reject each payment but never over-apply", async () => {
    const file = tempDatabaseFile();
    const first = await createTestContext(TODAY, file);
    const second = await createTestContext(TODAY, file);
    // better-sqlite3 waits for a lock synchronously, which blocks this
    // process and so the connection holding the lock. Waiting can only end
    // in SQLITE_BUSY here, so a short timeout just keeps the test fast.
    await sql`pragma busy_timeout = 200`.execute(first.db);
    await sql`pragma busy_timeout = 200`.execute(second.db);
    const clientId = await addClient(first.caller, "双连接客户");
    await addContract(first.caller, clientId, "D-1", [
      ["2026-01-01", 30000],
      ["2026-02-01", 30000],
    ]);

    const outcomes = await Promise.allSettled([
      pay(first.caller, clientId, 40000),
      pay(second.caller, clientId, 40000),
      pay(first.caller, clientId, 10000),
      pay(second.caller, clientId, 10000),
    ]);

    for (const outcome of outcomes) {
      if (outcome.status === "rejected") {
        expect(outcome.reason).toBeInstanceOf(TRPCError);
        expect((outcome.reason as TRPCError).code).toBe("CONFLICT");
        expect((outcome.reason as TRPCError).message).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
    const recorded = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(recorded.length).toBeGreaterThan(0);
    const payments = await second.db.selectFrom("payment").select("id").execute();
    expect(payments).toHaveLength(recorded.length);
    await expectConsistentAllocations(first.db);
    await expectConsistentAllocations(second.db);
    await expectBalancedTotals(second.caller, second.db);
    await first.db.destroy();
    await second.db.destroy();
  });
});

/**
 * Script run by each child process: it waits for the common start time, then
 * records `count` payments of `amount` fen one after another through its own
 * connection and prints the outcome of each. The short pause between
 * payments frees the lock for the other process, so without it one process
 * tends to finish all its payments before SQLite's busy handler lets the
 * other one in.
 */
function childScript(): string {
  const dbModule = pathToFileURL(path.join(ROOT, "db/index.ts")).href;
  const paymentsModule = pathToFileURL(path.join(ROOT, "server/services/payments.ts")).href;
  return `
import { openDatabase } from ${JSON.stringify(dbModule)};
import { recordPayment } from ${JSON.stringify(paymentsModule)};

const [file, clientId, count, amount, startAt] = process.argv.slice(2);
const db = openDatabase(file);
const clock = {
  timeZone: "Asia/Shanghai",
  today: () => ${JSON.stringify(TODAY)},
  nowIso: () => new Date().toISOString(),
};
while (Date.now() < Number(startAt)) await new Promise((resolve) => setTimeout(resolve, 1));
const outcomes = [];
for (let i = 0; i < Number(count); i++) {
  await new Promise((resolve) => setTimeout(resolve, 2));
  try {
    await recordPayment(db, clock, {
      clientId: Number(clientId),
      receivedOn: "2026-12-01",
      amount: Number(amount),
      method: "银行转账",
      bankReference: "",
      note: "",
      contractId: null,
    });
    outcomes.push("ok");
  } catch (error) {
    outcomes.push(String(error?.code ?? error));
  }
}
await db.destroy();
process.stdout.write(JSON.stringify(outcomes));
`;
}

// SQLite file locking; PostgreSQL has its own test in concurrency-postgres.test.ts.
describe.skipIf(TESTING_ON_POSTGRES)("concurrent payments from two processes", () => {
  it("record every payment and never over-apply", async () => {
    const file = tempDatabaseFile();
    const ctx = await createTestContext(TODAY, file);
    const clientId = await addClient(ctx.caller, "多进程客户");
    await addContract(ctx.caller, clientId, "P-1", [
      ["2026-01-01", 25000],
      ["2026-02-01", 25000],
      ["2026-03-01", 25000],
      ["2026-04-01", 25000],
    ]);
    const script = path.join(path.dirname(file), "record-payments.mjs");
    fs.writeFileSync(script, childScript());
    const startAt = Date.now() + 2000;
    const perChild = 40;

    const children = [1, 2].map(() =>
      run(
        process.execPath,
        ["--import", "tsx", script, file, String(clientId), String(perChild), "1500", String(startAt)],
        { cwd: ROOT },
      ),
    );
    const results = await Promise.all(children);

    for (const { stdout } of results) {
      expect(JSON.parse(stdout)).toEqual(Array(perChild).fill("ok"));
    }
    await expectConsistentAllocations(ctx.db);
    await expectBalancedTotals(ctx.caller, ctx.db);
    expect(await totalReceived(ctx.db)).toBe(2 * perChild * 1500);
    expect(await totalApplied(ctx.db)).toBe(100000);
    await ctx.db.destroy();
  });
});
