import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";

import { sql } from "kysely";
import { PDFDocument } from "pdf-lib";

import { renderCollectionLetter, renderCollectionLettersToFile } from "../../documents/render";
import type { CollectionLetterFacts } from "../../documents/types";
import type { BenchContext } from "../context";
import { BENCH_TODAY } from "../dataset/sizes";
import { measure, type RunCounts, statsOf, timeOnce } from "../measure";
import { ratio, type ResultRow } from "../result";
import { renderLetterWithPdfkit } from "./pdfkit-letter";

const MAX_LETTER_MS = 50;
const MAX_LETTER_BYTES = 100 * 1024;
const MAX_LETTER_RATIO = 2;
const MAX_BATCH_MS = 20_000;
/** Per-page time at 500 letters may exceed the time at 50 letters by this factor and still count as flat. */
const MAX_PAGE_COST_GROWTH = 1.25;
/** Heap after the batch and a garbage collection may exceed the heap before by this much. */
const HEAP_SLACK_BYTES = 32 * 1024 * 1024;

/**
 * Clients with overdue money as of BENCH_TODAY, those with three to eight
 * overdue contracts first, so a single letter is a typical one-page letter.
 * With `typicalOnly`, only those (unless there are none).
 */
async function overdueClients(context: BenchContext, count: number, typicalOnly = false): Promise<number[]> {
  const rows = await context.db
    .selectFrom("installment as i")
    .innerJoin("contract as c", "c.id", "i.contract_id")
    .select((eb) => ["c.client_id as clientId", eb.fn.count<number>("c.id").distinct().as("contracts")])
    .where(sql<boolean>`i.paid_amount < i.amount`)
    .where("i.due_date", "<", BENCH_TODAY)
    .groupBy("c.client_id")
    .execute();
  const typical = (n: number) => (n >= 3 && n <= 8 ? 0 : 1);
  const typicalRows = rows.filter((row) => typical(Number(row.contracts)) === 0);
  return (typicalOnly && typicalRows.length > 0 ? typicalRows : rows)
    .sort((a, b) => typical(Number(a.contracts)) - typical(Number(b.contracts)) || a.clientId - b.clientId)
    .slice(0, count)
    .map((row) => row.clientId);
}

async function letterFacts(context: BenchContext, clientId: number): Promise<CollectionLetterFacts> {
  return context.caller.reports.collectionLetter({ clientId });
}

/**
 * Times one letter through documents/render.ts, cold (the first render of
 * the process, fonts loaded from disk) and warm, against the same text in
 * the same font written by bare pdfkit.
 */
export async function benchLetter(context: BenchContext, counts: RunCounts): Promise<ResultRow[]> {
  const [clientId] = await overdueClients(context, 1);
  if (clientId === undefined) throw new Error("The dataset has no client with an overdue installment");
  const facts = await letterFacts(context, clientId);

  const cold = await timeOnce(() => renderCollectionLetter(facts));
  const pdfkitCold = await timeOnce(() => renderLetterWithPdfkit(facts));
  const warm = await measure(() => renderCollectionLetter(facts), counts);
  const pdfkitWarm = await measure(() => renderLetterWithPdfkit(facts), counts);
  const bytes = cold.value.length;
  const pdfkitBytes = pdfkitCold.value.length;

  const description = `collection letter, client ${clientId}, ${facts.contracts.length} overdue contracts`;
  const warmRow: ResultRow = {
    group: "letters",
    name: "letter-warm",
    description: `${description}, warm`,
    measured: warm,
    baseline: pdfkitWarm,
    baselineLabel: "bare pdfkit, same text and font",
    extra: `${kilobytes(bytes)} vs pdfkit ${kilobytes(pdfkitBytes)}`,
    target: `≤ ${MAX_LETTER_RATIO}× pdfkit, < ${MAX_LETTER_MS} ms, < ${kilobytes(MAX_LETTER_BYTES)}`,
    met: null,
    note: "",
  };
  warmRow.met =
    (ratio(warmRow) ?? Infinity) <= MAX_LETTER_RATIO && warm.medianMs < MAX_LETTER_MS && bytes < MAX_LETTER_BYTES;

  const coldRow: ResultRow = {
    group: "letters",
    name: "letter-cold",
    description: `${description}, first render of the process`,
    measured: statsOf([cold.ms]),
    baseline: statsOf([pdfkitCold.ms]),
    baselineLabel: "bare pdfkit, first render",
    extra: "",
    target: "",
    met: null,
    note: "includes reading and parsing both 14 MB font files",
  };
  return [coldRow, warmRow];
}

interface BatchRun {
  ms: number;
  pages: number;
  bytes: number;
  peakRssBytes: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
}

/**
 * 500 letters in one PDF through renderCollectionLettersToFile, the path
 * the batch printing job takes for one PDF, and 50 letters the same way
 * to compare the cost per page. Memory is sampled every 20 ms.
 */
export async function benchBatch(context: BenchContext, letterCount: number): Promise<ResultRow[]> {
  // Letters of the same kind at both sizes, so the cost per page compares
  // batch sizes rather than letter lengths: a letter's own time grows with
  // the square of its length (the NOTE at CollectionLetterPage).
  const clients = await overdueClients(context, letterCount, true);
  const factsStarted = performance.now();
  const letters: { facts: CollectionLetterFacts; seal: null }[] = [];
  for (let index = 0; index < letterCount; index++) {
    const clientId = clients[index % clients.length]!;
    letters.push({ facts: await letterFacts(context, clientId), seal: null });
  }
  const factsMs = performance.now() - factsStarted;

  const small = await renderBatch(letters.slice(0, Math.max(1, Math.round(letterCount / 10))));
  const large = await renderBatch(letters);
  const perPageSmall = small.ms / small.pages;
  const perPageLarge = large.ms / large.pages;
  const heapGrowth = large.heapAfterBytes - large.heapBeforeBytes;

  const row: ResultRow = {
    group: "letters",
    name: `batch-${letterCount}`,
    description: `${letterCount} letters (${clients.length} clients with 3 to 8 overdue contracts, repeated) in one PDF, ${large.pages} pages`,
    measured: statsOf([large.ms]),
    baseline: null,
    baselineLabel: "",
    extra:
      `${perPageLarge.toFixed(1)} ms/page at ${letterCount} letters vs ${perPageSmall.toFixed(1)} ms/page at ` +
      `${Math.round(letterCount / 10)}; peak RSS ${megabytes(large.peakRssBytes)}; heap ${megabytes(large.heapBeforeBytes)} ` +
      `before, ${megabytes(large.heapAfterBytes)} after GC; file ${megabytes(large.bytes)}`,
    target: `< ${MAX_BATCH_MS / 1000} s, flat per page (≤ ${MAX_PAGE_COST_GROWTH}×), heap back to baseline`,
    met:
      large.ms < MAX_BATCH_MS &&
      perPageLarge <= perPageSmall * MAX_PAGE_COST_GROWTH &&
      heapGrowth <= HEAP_SLACK_BYTES,
    note: `facts of the letters computed beforehand through reports.collectionLetter in ${(factsMs / 1000).toFixed(1)} s, not counted`,
  };
  return [row];
}

async function renderBatch(letters: { facts: CollectionLetterFacts; seal: null }[]): Promise<BatchRun> {
  const file = path.join(os.tmpdir(), `huikuan-bench-batch-${process.pid}-${letters.length}.pdf`);
  collectGarbage();
  const heapBeforeBytes = process.memoryUsage().heapUsed;
  let peakRssBytes = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
  }, 20);

  try {
    const { ms } = await timeOnce(() => renderCollectionLettersToFile(letters, file, "催款函批量打印"));
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
    const content = fs.readFileSync(file);
    const pages = (await PDFDocument.load(content)).getPageCount();
    collectGarbage();
    return {
      ms,
      pages,
      bytes: content.length,
      peakRssBytes,
      heapBeforeBytes,
      heapAfterBytes: process.memoryUsage().heapUsed,
    };
  } finally {
    clearInterval(sampler);
    fs.rmSync(file, { force: true });
  }
}

/** Runs a full garbage collection, so heap figures compare live objects only. */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
