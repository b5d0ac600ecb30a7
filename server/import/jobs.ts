import { randomUUID } from "node:crypto";

import type { Db } from "../../db";
import type { Clock } from "../clock";
import { AppError } from "../errors";
import { logger } from "../logger";
import type { ImportSpec } from "./engine";
import { isBlankRow, readSheetRows } from "./readers";
import type { Tally } from "./rows";
import { confirmImport, type ImportActor, uploadRecord } from "./service";
import { uploadPath } from "./uploads";

/**
 * Confirm jobs of the 导入 page: the import runs in the background of the
 * server process, in one transaction, while the page polls its progress.
 *
 * NOTE: jobs live in this process only. A restart loses their state; the
 * import then either committed (it shows in the history) or rolled back
 * (the upload can be confirmed again). On SQLite the job's transaction keeps
 * the only connection, so other requests wait until the import commits.
 */

export type ImportJobStatus = "queued" | "reading" | "writing" | "done" | "failed";

export interface ImportJob {
  id: string;
  importId: number;
  fileName: string;
  status: ImportJobStatus;
  /** Data rows read and checked so far. */
  done: number;
  /** Non-blank rows below the first row, counted before the import starts; the data rows once done. */
  total: number;
  /** User who started the job; besides them only roles that see every client may see it. */
  userId: string;
  createdAt: string;
  finishedAt: string | null;
  counts: Tally | null;
  /** Chinese message when the job failed. */
  error: string | null;
}

/** Finished jobs kept in memory; older ones are forgotten. */
const MAX_KEPT_JOBS = 50;

const globalForJobs = globalThis as unknown as { huikuanImportJobs?: Map<string, ImportJob> };
const jobs = (globalForJobs.huikuanImportJobs ??= new Map<string, ImportJob>());

export interface StartImportInput {
  uploadId: string;
  spec: ImportSpec;
  preset: string | null;
}

/**
 * Checks that the upload can be imported and starts importing it in the
 * background; returns the job at once. `db` must not be a transaction,
 * because the job outlives the request and opens its own.
 */
export async function startImportJob(db: Db, clock: Clock, actor: ImportActor & { id: string }, input: StartImportInput): Promise<ImportJob> {
  if (db.isTransaction) throw new Error("startImportJob needs the database, not a transaction");
  const record = await uploadRecord(db, input.uploadId);
  const running = [...jobs.values()].find((job) => job.importId === record.id && !isFinished(job));
  if (running) throw new AppError("CONFLICT", `文件 ${record.file_name} 正在导入，请等待当前导入完成`);

  const job: ImportJob = {
    id: randomUUID(),
    importId: record.id,
    fileName: record.file_name,
    status: "queued",
    done: 0,
    total: 0,
    userId: actor.id,
    createdAt: clock.nowIso(),
    finishedAt: null,
    counts: null,
    error: null,
  };
  jobs.set(job.id, job);
  forgetOldJobs();
  setImmediate(() => {
    void runJob(db, clock, actor, job, input);
  });
  return { ...job };
}

/** Returns a copy of the job, or throws NOT_FOUND unless `userId` started it or `seesAllClients`. */
export function getImportJob(id: string, userId: string, seesAllClients: boolean): ImportJob {
  const job = jobs.get(id);
  if (!job || (job.userId !== userId && !seesAllClients)) {
    throw new AppError("NOT_FOUND", `导入任务不存在（编号 ${id}），服务重启后任务记录会清空，请在“最近的导入”中查看结果`);
  }
  return { ...job };
}

function isFinished(job: ImportJob): boolean {
  return job.status === "done" || job.status === "failed";
}

/** Counts the non-blank rows below the first one, for the progress bar; the header may sit lower, so it is an upper bound. */
async function countRows(input: StartImportInput): Promise<number> {
  const source = uploadPath(input.uploadId);
  let rows = 0;
  for await (const row of readSheetRows(source.path, source.kind)) {
    if (!isBlankRow(row)) rows += 1;
  }
  return Math.max(0, rows - 1);
}

async function runJob(db: Db, clock: Clock, actor: ImportActor, job: ImportJob, input: StartImportInput): Promise<void> {
  const started = Date.now();
  logger.info({ jobId: job.id, importId: job.importId }, "import job started");
  try {
    job.total = await countRows(input);
    job.status = "reading";
    const result = await confirmImport(db, clock, actor, {
      ...input,
      onProgress: (rows) => {
        job.done = rows;
        job.total = Math.max(job.total, rows);
      },
      onWriting: (rows) => {
        job.done = rows;
        job.total = rows;
        job.status = "writing";
      },
    });
    job.done = result.rows;
    job.total = result.rows;
    job.counts = result.counts;
    job.status = "done";
    logger.info({ jobId: job.id, importId: job.importId, rows: result.rows, ms: Date.now() - started }, "import job finished");
  } catch (error) {
    job.status = "failed";
    if (error instanceof AppError) {
      job.error = error.message;
      logger.warn({ jobId: job.id, importId: job.importId, message: error.message }, "import job rejected the file");
    } else {
      job.error = "导入失败，未写入任何数据；请稍后重试，如仍失败请联系管理员";
      logger.error({ err: error, jobId: job.id, importId: job.importId }, "import job failed");
    }
  } finally {
    job.finishedAt = clock.nowIso();
  }
}

/** Drops the oldest finished jobs beyond MAX_KEPT_JOBS. */
function forgetOldJobs(): void {
  const finished = [...jobs.values()].filter(isFinished);
  for (const job of finished.slice(0, Math.max(0, finished.length - MAX_KEPT_JOBS))) jobs.delete(job.id);
}
