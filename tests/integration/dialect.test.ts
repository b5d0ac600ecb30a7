import { sql } from "kysely";
import { describe, expect, it } from "vitest";

import { daysBetweenSql } from "../../db/dialect/dates";
import { isPostgres } from "../../db/dialect/kind";
import { containsText } from "../../db/text-search";
import { TESTING_ON_POSTGRES, createTestContext } from "../support/context";

// Runs on SQLite by default and on PostgreSQL under `npm run test:pg`, so
// each helper is checked to give the same result on both.
describe("dialect helpers", () => {
  it("count days between text dates", async () => {
    const { db } = await createTestContext();
    const cases: [string, string, number][] = [
      ["2026-01-01", "2026-01-01", 0],
      ["2026-01-01", "2026-03-01", 59],
      ["2024-02-28", "2024-03-01", 2],
      ["2026-12-04", "2026-11-30", -4],
    ];
    for (const [from, to, days] of cases) {
      const { rows } = await sql<{ days: number }>`select ${daysBetweenSql(db, sql.val(from), sql.val(to))} as days`.execute(db);
      expect(Number(rows[0]!.days), `${from} to ${to}`).toBe(days);
    }
  });

  it("match text ignoring ASCII case", async () => {
    const { db, caller } = await createTestContext();
    for (const name of ["Acme 广告", "100%_达成", "其他客户"]) {
      await caller.clients.create({ name, contactPerson: "", phone: "", address: "", notes: "" });
    }
    const search = async (text: string) =>
      (await db.selectFrom("client").select("name").where(containsText("name", text)).orderBy("name").execute()).map(
        (row) => row.name,
      );

    expect(await search("acme")).toEqual(["Acme 广告"]);
    expect(await search("ACME 广")).toEqual(["Acme 广告"]);
    expect(await search("%_")).toEqual(["100%_达成"]);
    expect(await search("_")).toEqual(["100%_达成"]);
    expect(await search("客户")).toEqual(["其他客户"]);
  });

  it("return money sums beyond 32 bits as numbers", async () => {
    const { db, caller } = await createTestContext();
    const { clientId } = await caller.clients.create({ name: "大额客户", contactPerson: "", phone: "", address: "", notes: "" });
    // Two contracts of 30 million yuan: each amount and their sum exceed 2^31 fen.
    for (const contractNo of ["BIG-1", "BIG-2"]) {
      await caller.contracts.create({
        clientId,
        contractNo,
        businessTypeId: 1,
        title: "户外大牌",
        signedOn: "2026-01-01",
        notes: "",
        totalAmount: 3_000_000_000,
        installments: [{ label: "全款", dueDate: "2026-02-01", amount: 3_000_000_000 }],
      });
    }

    const row = await db
      .selectFrom("contract")
      .select((eb) => [eb.fn.sum<number>("total_amount").as("total"), eb.fn.countAll<number>().as("count")])
      .executeTakeFirstOrThrow();
    expect(row.total).toBe(6_000_000_000);
    expect(row.count).toBe(2);
    const summary = await caller.reports.summary({ asOf: "2026-12-04" });
    expect(summary.totals.outstanding).toBe(6_000_000_000);
  });

  it.skipIf(!TESTING_ON_POSTGRES)("reject integers beyond 2^53 on PostgreSQL", async () => {
    const { db } = await createTestContext();
    expect(isPostgres(db)).toBe(true);
    await expect(sql`select cast(9007199254740993 as bigint) as value`.execute(db)).rejects.toThrow(
      /outside the safe integer range/,
    );
    await expect(sql`select sum(x) as value from (values (9007199254740991::bigint), (2::bigint)) as t(x)`.execute(db)).rejects.toThrow(
      /outside the safe integer range/,
    );
  });

  it.skipIf(!TESTING_ON_POSTGRES)("keep business dates as text on PostgreSQL", async () => {
    const { db, caller } = await createTestContext();
    const { clientId } = await caller.clients.create({ name: "日期客户", contactPerson: "", phone: "", address: "", notes: "" });
    await caller.payments.record({
      clientId,
      receivedOn: "2026-12-01",
      amount: 100,
      method: "银行转账",
      bankReference: "",
      note: "",
      contractId: null,
    });
    const payment = await db.selectFrom("payment").select(["received_on", "created_at"]).executeTakeFirstOrThrow();
    expect(payment.received_on).toBe("2026-12-01");
    expect(typeof payment.created_at).toBe("string");
  });
});
