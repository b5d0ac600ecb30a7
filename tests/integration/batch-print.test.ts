import { existsSync, rmSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type BatchJob, getBatchJob } from "../../server/services/document-batches";
import { TEST_ADMIN, type TestContext, createTestContext } from "../support/context";

/**
 * Batch printing of many letters in this process: it must finish and give
 * its memory back. BATCH_LETTERS sets the number of letters (200 by
 * default); the measured figures are printed for the record.
 */
const LETTERS = Number(process.env.BATCH_LETTERS ?? 200);
const MEGABYTE = 1024 * 1024;

/** Heap growth after the batch, in MB, that still counts as "back near baseline". */
const HEAP_TOLERANCE_MB = 10;

/** Letters of the warm-up batch, which fills react-pdf's and fontkit's per-glyph caches first. */
const WARM_UP_LETTERS = 10;

// Exposes V8's gc() without restarting the worker with --expose-gc.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / MEGABYTE;
}

async function finishedJob(jobId: string): Promise<BatchJob> {
  let job = getBatchJob(jobId, TEST_ADMIN.id, true);
  while (job.status === "queued" || job.status === "running") {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = getBatchJob(jobId, TEST_ADMIN.id, true);
  }
  return job;
}

let ctx: TestContext;
let documentIds: number[] = [];

beforeAll(async () => {
  ctx = await createTestContext("2026-12-04");
  await ctx.caller.settings.saveCompany({
    name: "杭州星河广告有限公司",
    address: "浙江省杭州市西湖区文三路398号",
    phone: "0571-88886666",
    bankName: "中国工商银行杭州文三路支行",
    bankAccountName: "杭州星河广告有限公司",
    bankAccountNumber: "1202021209001234567",
    signatory: "李明",
  });
  for (let index = 1; index <= LETTERS; index += 1) {
    const { clientId } = await ctx.caller.clients.create({ name: `批量客户${index}有限公司`, contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });
    await ctx.caller.contracts.create({
      clientId,
      contractNo: `B-${index}`,
      businessTypeId: 1,
      title: "户外大牌投放及画面制作",
      signedOn: "2026-03-01",
      serviceStart: null,
      serviceEnd: null,
      totalAmount: 1_000_000 + index,
      mediaCost: 0,
      productionCost: 0,
      notes: "",
      installments: [
        { label: "首期", dueDate: "2026-04-01", amount: 300_000 },
        { label: "尾款", dueDate: `2026-${String((index % 8) + 4).padStart(2, "0")}-15`, amount: 700_000 + index },
      ],
    });
  }
  const started = performance.now();
  const batch = await ctx.caller.documents.issueBatch({ allOverdue: true, format: "zip" });
  console.info(`issued ${batch.issued.length} letters in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  documentIds = batch.documentIds;

  // The first render in a process keeps about 15–35 MB of font and glyph
  // data for good (measured with 40 and 200 letters), so the heap is
  // compared after a small batch has paid for it.
  const warmUp = await ctx.caller.documents.startBatch({ documentIds: documentIds.slice(0, WARM_UP_LETTERS), format: FORMATS[0] ?? "pdf" });
  const warmUpJob = await finishedJob(warmUp.jobId);
  if (warmUpJob.filePath) rmSync(warmUpJob.filePath, { force: true });
}, 600_000);

afterAll(async () => {
  await ctx.db.destroy();
});

/** Formats to build, in order; BATCH_FORMATS=zip measures the zip's peak RSS alone. */
const FORMATS = (process.env.BATCH_FORMATS ?? "pdf,zip").split(",") as Array<"pdf" | "zip">;

describe.each(FORMATS)("batch of letters as %s", (format) => {
  let job: BatchJob;
  let heapBefore = 0;
  let heapAfter = 0;

  beforeAll(async () => {
    heapBefore = heapAfterGc();
    const rssBefore = process.memoryUsage().rss / MEGABYTE;
    const started = performance.now();
    const { jobId } = await ctx.caller.documents.startBatch({ documentIds, format });
    job = await finishedJob(jobId);
    const seconds = (performance.now() - started) / 1000;
    heapAfter = heapAfterGc();
    console.info(
      JSON.stringify({
        format,
        letters: job.total,
        seconds: Number(seconds.toFixed(1)),
        fileMb: Number(((job.fileBytes ?? 0) / MEGABYTE).toFixed(1)),
        rssBeforeMb: Math.round(rssBefore),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        heapBeforeMb: Number(heapBefore.toFixed(1)),
        heapAfterMb: Number(heapAfter.toFixed(1)),
      }),
    );
  }, 900_000);

  afterAll(() => {
    if (job.filePath) rmSync(job.filePath, { force: true });
  });

  it("completes", () => {
    expect(job.status).toBe("done");
    expect(job.done).toBe(LETTERS);
  });

  it("writes the file", () => {
    expect(existsSync(job.filePath ?? "")).toBe(true);
    expect(job.fileBytes).toBeGreaterThan(LETTERS * 1000);
  });

  it("gives the heap back", () => {
    expect(heapAfter - heapBefore).toBeLessThan(HEAP_TOLERANCE_MB);
  });
});
