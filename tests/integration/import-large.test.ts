import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runImport } from "../../server/import/engine";
import { automaticMapping } from "../../server/import/fields";
import { importFromDisk } from "../../server/import/service";
import { createTestContext, type TestContext } from "../support/context";

/**
 * A generated 100,000-row receivables ledger imported through the same
 * code as `npm run import`. Prints time and resident memory; timings are
 * not asserted because the machine is shared. It runs for minutes, so it
 * runs only with HUIKUAN_LARGE_TESTS=1:
 * `HUIKUAN_LARGE_TESTS=1 npx vitest run tests/integration/import-large.test.ts`.
 */

const ROWS = 100_000;
const CLIENTS = 2_000;
const HEADERS = ["客户名称", "合同编号", "合同金额", "已回款", "签订日期", "到期日"];

let directory = "";

beforeAll(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "huikuan-import-large-"));
});

afterAll(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

function isoDay(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** Writes the ledger and returns its totals in fen; rows come in a shuffled date order. */
async function writeLedger(file: string) {
  const stream = fs.createWriteStream(file);
  const write = (line: string) => new Promise<void>((resolve) => (stream.write(line) ? resolve() : stream.once("drain", () => resolve())));
  await write(`\uFEFF${HEADERS.join(",")}\r\n`);
  const firstDay = Date.UTC(2020, 0, 1) / 86_400_000;
  let seed = 12345;
  let total = 0;
  let collected = 0;
  for (let index = 0; index < ROWS; index += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const fen = 10_000 + (seed % 5_000_000);
    // A fifth of the contracts unpaid, a fifth half paid, the rest paid in full.
    let share = fen;
    if (index % 5 === 0) share = 0;
    if (index % 5 === 1) share = Math.floor(fen / 2);
    const signed = firstDay + (seed % 2_400);
    total += fen;
    collected += share;
    const yuan = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, "0")}`;
    await write(`大文件客户${String(index % CLIENTS).padStart(4, "0")},BIG-${String(index).padStart(6, "0")},"${yuan(fen)}",${yuan(share)},${isoDay(signed)},${isoDay(signed + 30)}\r\n`);
  }
  await new Promise<void>((resolve) => stream.end(resolve));
  return { total, collected };
}

describe.runIf(process.env.HUIKUAN_LARGE_TESTS === "1")("100,000-row ledger", () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext("2026-12-04", path.join(directory, "large.db"));
  });

  it("imports in one pass with bounded memory", async () => {
    const file = path.join(directory, "ledger.csv");
    const totals = await writeLedger(file);
    const spec = { entity: "contracts" as const, mapping: automaticMapping("contracts", HEADERS), dateOrder: "ymd" as const };
    let peakRss = process.memoryUsage().rss;
    const sample = () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    };

    const previewStart = performance.now();
    const preview = await runImport(ctx.db, ctx.clock, { path: file, kind: "csv" }, spec, { write: false, onProgress: sample });
    const previewSeconds = (performance.now() - previewStart) / 1000;
    const importStart = performance.now();
    const result = await importFromDisk(ctx.db, ctx.clock, { id: null, name: "测试" }, { filePath: file, kind: "csv", spec, preset: null, onProgress: sample });
    const importSeconds = (performance.now() - importStart) / 1000;

    console.log(
      `100,000-row import: file ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB, preview ${previewSeconds.toFixed(1)} s, ` +
        `import ${importSeconds.toFixed(1)} s, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
    );
    expect(preview.problems).toEqual([]);
    expect(result.rows).toBe(ROWS);
    expect(result.counts.contract).toEqual({ created: ROWS, updated: 0, unchanged: 0 });
    expect(result.counts.client).toEqual({ created: CLIENTS, updated: 0, unchanged: 0 });
    const sums = await ctx.db
      .selectFrom("contract")
      .select((eb) => [eb.fn.sum<number>("total_amount").as("total"), eb.fn.countAll<number>().as("n")])
      .executeTakeFirstOrThrow();
    const paid = await ctx.db.selectFrom("payment").select((eb) => eb.fn.sum<number>("amount").as("sum")).executeTakeFirstOrThrow();
    const applied = await ctx.db.selectFrom("installment").select((eb) => eb.fn.sum<number>("paid_amount").as("sum")).executeTakeFirstOrThrow();
    expect(Number(sums.total)).toBe(totals.total);
    expect(Number(paid.sum)).toBe(totals.collected);
    expect(Number(applied.sum)).toBe(totals.collected);
  }, 3_600_000);
});
