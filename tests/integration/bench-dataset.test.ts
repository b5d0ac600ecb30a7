import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkDataset } from "../../bench/dataset/check";
import { generateDataset } from "../../bench/dataset/generate";
import { SIZES } from "../../bench/dataset/sizes";
import { type Db, openDatabase } from "../../db";
import {
  agingBucketSums,
  agingTotals,
  clientBalancesAsOf,
  installmentsAsOf,
  openInstallmentRowsAsOf,
  owingClientBalancesAsOf,
} from "../../db/queries/balances";
import { agingDueDateRanges } from "../../server/services/reports";

/**
 * The XS benchmark dataset: the generator keeps the product's invariants,
 * and the open-installment queries the reports use give the same figures
 * as the full as-of queries on history with partial payments, credit and
 * reversals, today and on past dates.
 */

const AS_OF_DATES = ["2026-12-04", "2026-06-30", "2025-02-15", "2024-03-31"];

let directory = "";
let file = "";
let db: Db;

beforeAll(async () => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "huikuan-bench-dataset-"));
  file = path.join(directory, "xs.db");
  await generateDataset(SIZES.XS, file);
  db = openDatabase(file);
}, 120_000);

afterAll(async () => {
  await db?.destroy();
  fs.rmSync(directory, { recursive: true, force: true });
});

describe("benchmark dataset XS", () => {
  it("keeps the product's invariants", () => {
    expect(checkDataset(file)).toEqual([]);
  });

  it("has partial payments, credit and reversals", async () => {
    const reversed = await db.selectFrom("payment").select("id").where("reversed_at", "is not", null).execute();
    const partial = await db.selectFrom("installment").select("id").where(sql<boolean>`paid_amount > 0 and paid_amount < amount`).execute();
    expect(reversed.length).toBeGreaterThan(0);
    expect(partial.length).toBeGreaterThan(0);
  });

  for (const asOf of AS_OF_DATES) {
    it(`applies payments received by ${asOf}`, async () => {
      const rows = await db.selectFrom(installmentsAsOf(db, asOf).as("x")).select(["installment_id", "applied"]).execute();
      const direct = await db
        .selectFrom("allocation as a")
        .innerJoin("payment as p", "p.id", "a.payment_id")
        .select((eb) => ["a.installment_id", eb.fn.sum<number>("a.amount").as("applied")])
        .where("a.reversed_at", "is", null)
        .where("p.received_on", "<=", asOf)
        .groupBy("a.installment_id")
        .execute();
      const appliedById = new Map(direct.map((row) => [row.installment_id, Number(row.applied)]));

      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(Number(row.applied)).toBe(appliedById.get(row.installment_id) ?? 0);
    });

    it(`finds the open installments on ${asOf}`, async () => {
      const all = await db.selectFrom(installmentsAsOf(db, asOf).as("x")).selectAll().execute();
      const open = await db.selectFrom((await openInstallmentRowsAsOf(db, asOf)).as("x")).selectAll().execute();
      const expected = all
        .filter((row) => row.amount - Number(row.applied) > 0)
        .map((row) => ({
          installment_id: row.installment_id,
          contract_id: row.contract_id,
          client_id: row.client_id,
          due_date: row.due_date,
          amount: row.amount,
          applied: row.applied,
        }))
        .sort((a, b) => a.installment_id - b.installment_id);
      const actual = [...open].sort((a, b) => a.installment_id - b.installment_id);

      expect(actual.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });

    it(`sums owing clients as the full balances on ${asOf}`, async () => {
      const full = (await clientBalancesAsOf(db, asOf))
        .filter((row) => row.outstanding > 0)
        .map((row) => ({
          clientId: row.clientId,
          outstanding: row.outstanding,
          overdue: row.overdue,
          oldestOverdueDueDate: row.oldestOverdueDueDate,
          nextDueDate: row.nextDueDate,
        }));
      const owing = await owingClientBalancesAsOf(db, asOf);

      expect(owing).toEqual(full);
    });

    it(`sums the aging buckets as the full query on ${asOf}`, async () => {
      const ranges = agingDueDateRanges(asOf);
      const full = await db
        .selectFrom(installmentsAsOf(db, asOf).as("x"))
        .select((eb) => agingBucketSums(eb, ranges))
        .executeTakeFirstOrThrow();
      const expected = ranges.map((_, index) => Number((full as Record<string, unknown>)[`bucket${index}`] ?? 0));
      const totals = await agingTotals(db, asOf, ranges);

      expect(totals.some((amount) => amount > 0)).toBe(true);
      expect(totals).toEqual(expected);
    });

    it(`filters the open installments as the full query on ${asOf}`, async () => {
      const client = await db
        .selectFrom("installment")
        .select("client_id")
        .where(sql<boolean>`paid_amount < amount`)
        .orderBy("id")
        .executeTakeFirstOrThrow();
      const manager = await db
        .selectFrom("client")
        .select("account_manager_id")
        .where("id", "=", client.client_id)
        .executeTakeFirstOrThrow();
      const filters = [{ clientId: client.client_id }, { accountManagerId: manager.account_manager_id }, { businessTypeId: 2 }];
      for (const filter of filters) {
        const all = await db.selectFrom(installmentsAsOf(db, asOf, filter).as("x")).selectAll().execute();
        const open = await db.selectFrom((await openInstallmentRowsAsOf(db, asOf, filter)).as("x")).selectAll().execute();
        const expected = all.filter((row) => row.amount - Number(row.applied) > 0).map((row) => row.installment_id);

        expect(open.map((row) => row.installment_id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      }
    });
  }
});
