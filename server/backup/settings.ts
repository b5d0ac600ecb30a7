import path from "node:path";

import { AppError } from "../errors";
import { type TimeOfDay, parseTimeOfDay } from "./time";

export interface BackupSettings {
  /** HUIKUAN_BACKUP_DIR, or data/backups in the working folder. */
  backupFolder: string;
  /** HUIKUAN_BACKUP_KEEP: how many of the newest backups to keep, 14 by default. */
  keep: number;
  /** HUIKUAN_BACKUP_AT: daily time in the business zone, 02:30 by default; null when `off`. */
  dailyAt: TimeOfDay | null;
}

/**
 * Returns an error for the backup and restore commands when DATABASE_URL
 * names PostgreSQL: they copy the SQLite file, and a PostgreSQL server is
 * backed up with its own tools.
 */
export function backupUnavailableOnPostgres(): AppError {
  return new AppError(
    "BAD_REQUEST",
    "当前数据库是 PostgreSQL（DATABASE_URL），备份与恢复命令只适用于 SQLite 数据库文件。" +
      "请用 pg_dump 备份（如 pg_dump -Fc -f huikuan.dump \"$DATABASE_URL\"），用 pg_restore 恢复。\n" +
      "The database is PostgreSQL (DATABASE_URL); backup and restore work only on the SQLite file. " +
      "Use pg_dump to back up and pg_restore to restore.",
  );
}

export const DEFAULT_KEEP = 14;
export const DEFAULT_DAILY_AT: TimeOfDay = { hour: 2, minute: 30 };

/**
 * Reads the backup settings from the environment. Throws an AppError naming
 * the variable and its value when one is invalid.
 */
export function backupSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BackupSettings {
  return {
    backupFolder: env.HUIKUAN_BACKUP_DIR || path.join(process.cwd(), "data", "backups"),
    keep: parseKeep(env.HUIKUAN_BACKUP_KEEP),
    dailyAt: parseDailyAt(env.HUIKUAN_BACKUP_AT),
  };
}

function parseKeep(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_KEEP;

  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new AppError(
      "BAD_REQUEST",
      `环境变量 HUIKUAN_BACKUP_KEEP 无效：“${value}”，应为保留的备份份数，至少为 1（默认 ${DEFAULT_KEEP}）`,
      "HUIKUAN_BACKUP_KEEP",
    );
  }
  return Number(value);
}

function parseDailyAt(value: string | undefined): TimeOfDay | null {
  if (value === undefined || value.trim() === "") return DEFAULT_DAILY_AT;
  if (value.trim().toLowerCase() === "off") return null;

  const time = parseTimeOfDay(value);
  if (!time) {
    throw new AppError(
      "BAD_REQUEST",
      `环境变量 HUIKUAN_BACKUP_AT 无效：“${value}”，应为每天备份的时刻 HH:MM（如 02:30），或 off 关闭定时备份`,
      "HUIKUAN_BACKUP_AT",
    );
  }
  return time;
}
