import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";

import { ZipArchive } from "archiver";

import type { Db } from "../../db";
import { selectInChunks } from "../../db/queries/chunks";
import { LETTER_LEVELS } from "../domain/document-number";
import { renderIssuedDocument, sealOf, type DocumentImages, type LetterPayload } from "../../documents/registry";
import { renderCollectionLettersToFile } from "../../documents/render";
import { AppError } from "../errors";
import { logger } from "../logger";
import { loadSealImages } from "./document-settings";

/**
 * Batch printing jobs: many issued letters built into one PDF or a zip of
 * one PDF per client, in the background of the server process, with their
 * progress kept in memory and the output in a temporary file.
 *
 * NOTE: jobs live in this process only. A restart loses their state, and
 * their files stay in the temporary folder until the system clears it. The
 * letters stay issued in the register and can be built again from there.
 */

export type BatchFormat = "pdf" | "zip";
export type BatchStatus = "queued" | "running" | "done" | "failed";

export interface BatchJob {
  id: string;
  format: BatchFormat;
  status: BatchStatus;
  /** Letters rendered so far; a single PDF moves on after each chunk of letters. */
  done: number;
  total: number;
  /** User who started the job; besides them only roles that see every client may see it. */
  userId: string;
  createdAt: string;
  finishedAt: string | null;
  filePath: string | null;
  fileName: string;
  fileBytes: number | null;
  /** Chinese message when the job failed. */
  error: string | null;
  /** Numbers of the letters in the batch, in order. */
  numbers: string[];
}

/** Finished jobs kept in memory; older ones and their files are removed. */
const MAX_KEPT_JOBS = 50;

const globalForJobs = globalThis as unknown as { huikuanBatchJobs?: Map<string, BatchJob> };
const jobs = (globalForJobs.huikuanBatchJobs ??= new Map<string, BatchJob>());

/** Folder of the batch files, under the system's temporary folder. */
export function batchDirectory(): string {
  return path.join(tmpdir(), "huikuan-batches");
}

interface IssuedLetter {
  kind: string;
  number: string;
  fileName: string;
  payload: LetterPayload;
}

/**
 * Starts building a batch from issued documents and returns the job at
 * once; the work runs on the event loop after this call returns. The
 * documents are read here, so they must be committed already.
 */
export async function startBatchJob(
  db: Db,
  params: { documentIds: number[]; format: BatchFormat; userId: string; nowIso: string; fileName: string },
): Promise<BatchJob> {
  // A document chosen twice is printed once, where it was first chosen.
  const documentIds = [...new Set(params.documentIds)];
  const rows = await selectInChunks(documentIds, (chunk) =>
    db
      .selectFrom("issued_document")
      .select(["id", "kind", "number", "file_name", "payload", "voided_at"])
      .where("id", "in", chunk)
      .execute(),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const letters: IssuedLetter[] = [];
  for (const id of documentIds) {
    const row = byId.get(id);
    if (!row) throw new AppError("NOT_FOUND", `文书不存在（编号 ${id}）`);
    if (row.voided_at !== null) throw new AppError("BAD_REQUEST", `文书 ${row.number} 已作废，不能打印`);
    // The one-PDF path lays every document out as a collection letter.
    if (params.format === "pdf" && !(LETTER_LEVELS as readonly string[]).includes(row.kind)) {
      throw new AppError(
        "BAD_REQUEST",
        `文书 ${row.number} 不是催收函件，合并为一个 PDF 只能打印付款提醒函、催款函和最后催告函，请改选 zip（每份文书一个 PDF）`,
      );
    }
    letters.push({ kind: row.kind, number: row.number, fileName: row.file_name, payload: JSON.parse(row.payload) as LetterPayload });
  }
  const images = await loadSealImages(db, letters.map((letter) => letter.payload.sealSha256));

  const job: BatchJob = {
    id: randomUUID(),
    format: params.format,
    status: "queued",
    done: 0,
    total: letters.length,
    userId: params.userId,
    createdAt: params.nowIso,
    finishedAt: null,
    filePath: null,
    fileName: params.fileName,
    fileBytes: null,
    error: null,
    numbers: letters.map((letter) => letter.number),
  };
  jobs.set(job.id, job);
  await forgetOldJobs();

  setImmediate(() => {
    void runJob(job, letters, images);
  });
  return { ...job };
}

/** Returns a copy of the job, or throws NOT_FOUND unless `userId` started it or `seesAllClients`. */
export function getBatchJob(id: string, userId: string, seesAllClients: boolean): BatchJob {
  const job = jobs.get(id);
  if (!job || (job.userId !== userId && !seesAllClients)) {
    throw new AppError("NOT_FOUND", "批量打印任务不存在或已过期，请重新发起");
  }
  return { ...job, numbers: [...job.numbers] };
}

async function runJob(job: BatchJob, letters: IssuedLetter[], images: DocumentImages): Promise<void> {
  const started = Date.now();
  job.status = "running";
  logger.info({ jobId: job.id, format: job.format, total: job.total }, "batch print started");
  try {
    await mkdir(batchDirectory(), { recursive: true });
    const filePath = path.join(batchDirectory(), `${job.id}.${job.format}`);
    if (job.format === "zip") {
      await writeZip(job, letters, images, filePath);
    } else {
      // The finished PDF is held in memory until written: callers cap it at MAX_PDF_LETTERS.
      await renderCollectionLettersToFile(
        letters.map((letter) => ({
          facts: { ...letter.payload.facts, number: letter.number },
          seal: sealOf(letter.payload.sealSha256, images),
        })),
        filePath,
        job.fileName,
        (done) => {
          job.done = done;
        },
      );
      job.done = job.total;
    }
    job.fileBytes = (await stat(filePath)).size;
    job.filePath = filePath;
    job.status = "done";
    logger.info({ jobId: job.id, ms: Date.now() - started, bytes: job.fileBytes }, "batch print finished");
  } catch (error) {
    job.status = "failed";
    job.error = "生成文件失败，请稍后重试；函件已登记，可在文书登记中逐份下载";
    logger.error({ err: error, jobId: job.id }, "batch print failed");
  } finally {
    job.finishedAt = new Date().toISOString();
  }
}

/**
 * Writes one PDF per letter into a zip, streamed to the file: each PDF is
 * rendered, handed to the archive and released before the next starts, so
 * memory stays flat whatever the number of letters.
 */
async function writeZip(job: BatchJob, letters: IssuedLetter[], images: DocumentImages, filePath: string) {
  const output = createWriteStream(filePath);
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const failure = new Promise<never>((_, reject) => archive.on("error", reject));
  failure.catch(() => undefined);
  archive.pipe(output);

  const usedNames = new Set<string>();
  for (const letter of letters) {
    const pdf = await renderIssuedDocument(letter.kind, letter.payload, images);
    const entryDone = once(archive, "entry");
    archive.append(pdf, { name: uniqueName(`${letter.number}_${letter.fileName}`, usedNames) });
    await Promise.race([entryDone, failure]);
    job.done += 1;
  }
  await Promise.race([archive.finalize(), failure]);
  await finished(output);
}

/** Returns the entry name, with (2), (3)… before .pdf when a name repeats. */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let copy = 2; used.has(candidate); copy += 1) {
    candidate = name.replace(/\.pdf$/, `(${copy}).pdf`);
  }
  used.add(candidate);
  return candidate;
}

/** Drops the oldest finished jobs beyond MAX_KEPT_JOBS and deletes their files. */
async function forgetOldJobs(): Promise<void> {
  const finishedJobs = [...jobs.values()].filter((job) => job.status === "done" || job.status === "failed");
  const excess = finishedJobs.length - MAX_KEPT_JOBS;
  for (const job of finishedJobs.slice(0, Math.max(0, excess))) {
    jobs.delete(job.id);
    if (job.filePath) await rm(job.filePath, { force: true });
  }
}
