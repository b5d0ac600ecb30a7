import fs from "node:fs";
import path from "node:path";

import SQLite from "better-sqlite3";

import type { Clock } from "../clock";
import { AppError } from "../errors";
import {
  type TableCounts,
  assertSqliteFile,
  finishCopy,
  hasSqliteHeader,
  isBusyError,
  syncFile,
  syncFolder,
} from "./sqlite-file";
import { formatTimestamp } from "./time";

export interface RestoreOptions {
  /** The backup to restore. It is read, never changed. */
  from: string;
  /** The database file to replace. */
  to: string;
  /** Names the safety copy with the real time of day in the clock's zone. */
  clock: Clock;
}

export interface SafetyCopy {
  file: string;
  /** `sqlite` when made with the online backup API, `file` when the target had to be copied byte for byte. */
  method: "sqlite" | "file";
  /** Whether integrity_check passed on the copy; false for a damaged target. */
  ok: boolean;
}

export interface RestoreResult {
  from: string;
  to: string;
  tables: TableCounts;
  /** The target as it was before, or null when there was none. */
  safetyCopy: SafetyCopy | null;
}

/** Tables of the first migration; a file without them is no 回款 database. */
const REQUIRED_TABLES = [
  "kysely_migration",
  "staff",
  "business_type",
  "client",
  "contract",
  "installment",
  "payment",
  "allocation",
  "setting",
];

/** Files SQLite keeps beside a database; stale ones would be applied to the restored file. */
const SIDECAR_SUFFIXES = ["-wal", "-shm", "-journal"];

/**
 * Replaces the database `to` with the backup `from`. The backup is copied
 * beside the target and checked first (SQLite header, integrity_check, the
 * tables of a 回款 database), and nothing changes if it fails. The current
 * target is then kept as `<to>.before-restore-YYYYMMDD-HHmmss`, its -wal,
 * -shm and -journal files are removed and the checked copy is renamed into
 * place.
 *
 * The app must be stopped first. SQLite has no call that reports whether
 * another process has a file open. The check here detects any process that
 * has the target open in WAL mode, which the app always uses. It cannot see
 * connections to a database in rollback-journal mode, nor processes on
 * other machines sharing the file over a network file system. An app
 * started after the check and before the rename keeps the replaced file
 * open.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResult> {
  const from = path.resolve(options.from);
  const to = path.resolve(options.to);
  if (from === to) {
    throw new AppError("BAD_REQUEST", `备份文件与要恢复的数据库是同一个文件：${from}`, "from");
  }
  assertSqliteFile(from, "备份文件");
  fs.mkdirSync(path.dirname(to), { recursive: true });

  // The copy sits in the target's folder, so the final rename is atomic.
  const partial = `${to}.restore-partial-${process.pid}`;
  try {
    fs.copyFileSync(from, partial);
    const tables = checkBackupCopy(partial, from);

    const stamp = formatTimestamp(new Date(options.clock.nowIso()), options.clock.timeZone);
    const safetyCopy = fs.existsSync(to) ? await keepSafetyCopy(to, `${to}.before-restore-${stamp}`) : null;
    removeSidecars(to);

    syncFile(partial);
    fs.renameSync(partial, to);
    syncFolder(path.dirname(to));
    return { from, to, tables, safetyCopy };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Checks the copy of a backup and returns its row counts, or throws an AppError. */
function checkBackupCopy(copy: string, from: string): TableCounts {
  let check;
  try {
    check = finishCopy(copy);
  } catch (error) {
    if (error instanceof SQLite.SqliteError) {
      throw new AppError("BAD_REQUEST", `备份文件 ${from} 已损坏，无法读取（${error.code}）`, "from");
    }
    throw error;
  }
  if (!check.ok) {
    const problems = check.problems.slice(0, 3).join("；");
    throw new AppError("BAD_REQUEST", `备份文件 ${from} 已损坏，完整性检查未通过：${problems}`, "from");
  }

  const missing = REQUIRED_TABLES.filter((table) => !(table in check.tables));
  if (missing.length > 0) {
    throw new AppError(
      "BAD_REQUEST",
      `备份文件 ${from} 不是回款数据库：缺少表 ${missing.join("、")}`,
      "from",
    );
  }
  return check.tables;
}

/**
 * Copies the current target to `file` before it is replaced. Through SQLite
 * when the target opens, so the copy contains what its -wal file contains.
 * Byte for byte otherwise, because a damaged database is often why one
 * restores.
 * Throws an AppError, keeping nothing, when another process has it open.
 */
async function keepSafetyCopy(target: string, file: string): Promise<SafetyCopy> {
  if (fs.existsSync(file)) {
    throw new AppError("CONFLICT", `安全副本 ${file} 已存在，请稍后再试`);
  }
  if (!hasSqliteHeader(target)) {
    copyFileWithWal(target, file);
    return { file, method: "file", ok: false };
  }

  try {
    await copyUnlessInUse(target, file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    fs.rmSync(file, { force: true });
    copyFileWithWal(target, file);
    return { file, method: "file", ok: false };
  }
  return { file, method: "sqlite", ok: passesIntegrityCheck(file) };
}

async function copyUnlessInUse(target: string, file: string): Promise<void> {
  // No busy timeout: a lock held by someone else means the app is running.
  const db = new SQLite(target, { fileMustExist: true, timeout: 0 });
  try {
    assertNotInUse(db, target);
    await db.backup(file);
  } finally {
    db.close();
  }
}

function passesIntegrityCheck(file: string): boolean {
  try {
    return finishCopy(file).ok;
  } catch {
    return false;
  }
}

/**
 * Throws an AppError when another connection has the database open in WAL
 * mode. Every such connection holds a shared lock on the database file
 * while it is open, and leaving WAL mode needs the exclusive lock, so the
 * switch fails with SQLITE_BUSY while another connection is open. The
 * switch also checkpoints the -wal file into the database file.
 */
function assertNotInUse(db: SQLite.Database, target: string): void {
  try {
    if (db.pragma("journal_mode", { simple: true }) !== "wal") return;
    if (db.pragma("journal_mode = DELETE", { simple: true }) === "delete") return;
  } catch (error) {
    if (!isBusyError(error)) throw error;
  }
  throw new AppError(
    "CONFLICT",
    `数据库 ${target} 正被其他程序打开（很可能是应用仍在运行），请先停止应用再恢复`,
  );
}

/** Byte copy of the database and its -wal file, which SQLite applies when the copy is opened. */
function copyFileWithWal(target: string, file: string): void {
  fs.copyFileSync(target, file, fs.constants.COPYFILE_EXCL);
  if (fs.existsSync(`${target}-wal`)) {
    fs.copyFileSync(`${target}-wal`, `${file}-wal`, fs.constants.COPYFILE_EXCL);
  }
}

function removeSidecars(target: string): void {
  for (const suffix of SIDECAR_SUFFIXES) {
    fs.rmSync(`${target}${suffix}`, { force: true });
  }
}
