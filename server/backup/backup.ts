import fs from "node:fs";
import path from "node:path";

import type { Clock } from "../clock";
import { AppError } from "../errors";
import { type BackupFile, backupFileName, backupPrefix, pruneBackups } from "./files";
import {
  type TableCounts,
  assertSqliteFile,
  copyDatabase,
  finishCopy,
  syncFile,
  syncFolder,
} from "./sqlite-file";

export interface BackupOptions {
  databaseFile: string;
  backupFolder: string;
  /** How many of the newest backups to keep; older ones are deleted. */
  keep: number;
  /** Clock whose zone and real instant (not its fixed date) name the file. */
  clock: Clock;
  /** Pages per step of the online backup; tests lower it to force restarts. */
  pagesPerStep?: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  durationMs: number;
  /** How often SQLite started the copy over because another connection wrote. */
  restarts: number;
  tables: TableCounts;
  deleted: BackupFile[];
}

/**
 * Copies the live database into the backup folder as
 * `<name>-YYYYMMDD-HHmmss.db`, checks the copy, then deletes backups beyond
 * the newest `keep`. The copy is written under a temporary name and renamed
 * only once `PRAGMA integrity_check` passes, so a file with a backup's name
 * is always a complete, checked backup. Throws an AppError with a Chinese
 * message when the database is missing, the name is taken or the check
 * fails.
 *
 * The time in the name is the real time of day in the clock's zone even
 * when HUIKUAN_TODAY fixes the clock's date, so names sort by when they
 * were taken.
 */
export async function backupDatabase(options: BackupOptions): Promise<BackupResult> {
  const startedAt = performance.now();
  assertSqliteFile(options.databaseFile, "数据库文件");
  fs.mkdirSync(options.backupFolder, { recursive: true });

  const prefix = backupPrefix(options.databaseFile);
  const takenAt = new Date(options.clock.nowIso());
  const file = path.join(options.backupFolder, backupFileName(prefix, takenAt, options.clock.timeZone));
  if (fs.existsSync(file)) {
    throw new AppError("CONFLICT", `备份文件 ${file} 已存在（同一秒内已备份过），请稍后再试`);
  }

  // The temporary name does not match the backup pattern, so retention and
  // restore never take a half-written copy for a backup.
  const partial = `${file}.partial-${process.pid}`;
  try {
    const copy = await copyDatabase(options.databaseFile, partial, options.pagesPerStep);
    const check = finishCopy(partial);
    if (!check.ok) {
      throw new AppError(
        "CONFLICT",
        `备份副本完整性检查未通过：${check.problems.slice(0, 3).join("；")}`,
      );
    }
    syncFile(partial);
    publishBackup(partial, file);

    const deleted = pruneBackups(options.backupFolder, prefix, options.keep, file);
    return {
      file,
      bytes: fs.statSync(file).size,
      durationMs: performance.now() - startedAt,
      restarts: copy.restarts,
      tables: check.tables,
      deleted,
    };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Gives the checked copy its backup name. A hard link fails instead of
 * overwriting when a backup of the same second appeared meanwhile.
 */
function publishBackup(partial: string, file: string): void {
  try {
    fs.linkSync(partial, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new AppError("CONFLICT", `备份文件 ${file} 已存在（同一秒内已备份过），请稍后再试`);
    }
    throw error;
  }
  syncFolder(path.dirname(file));
}
