/**
 * Names of backup files and the retention rule. A backup is named after the
 * database file and the moment it was taken, `huikuan-20261205-023000.db`
 * for data/huikuan.db. Backups of several databases can share a folder, and
 * retention deletes only files of the database it was given.
 */
import fs from "node:fs";
import path from "node:path";

import { formatTimestamp } from "./time";

export interface BackupFile {
  name: string;
  path: string;
  /** `YYYYMMDD-HHmmss` on the business wall clock; sorts by time. */
  timestamp: string;
}

/** Name of the database file without its folder and extension: `huikuan`. */
export function backupPrefix(databaseFile: string): string {
  return path.parse(databaseFile).name;
}

export function backupFileName(prefix: string, takenAt: Date, timeZone: string): string {
  return `${prefix}-${formatTimestamp(takenAt, timeZone)}.db`;
}

function backupNamePattern(prefix: string): RegExp {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped}-(\\d{8}-\\d{6})\\.db$`);
}

/**
 * Backups of the database with `prefix` in `folder`, oldest first. Only
 * regular files whose whole name matches `<prefix>-YYYYMMDD-HHmmss.db`
 * count; a missing folder has none.
 */
export function listBackups(folder: string, prefix: string): BackupFile[] {
  if (!fs.existsSync(folder)) return [];

  const pattern = backupNamePattern(prefix);
  const backups: BackupFile[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const match = pattern.exec(entry.name);
    if (!match || !entry.isFile()) continue;
    backups.push({ name: entry.name, path: path.join(folder, entry.name), timestamp: match[1]! });
  }
  return backups.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}

/**
 * Deletes all but the newest `keep` backups of the database with `prefix`
 * and returns the deleted files. `keep` counts backups, not days, so manual
 * backups count too. The file at `protectedPath` (the backup just taken) is
 * never deleted, even if a misset clock named other files later.
 */
export function pruneBackups(
  folder: string,
  prefix: string,
  keep: number,
  protectedPath?: string,
): BackupFile[] {
  if (!Number.isInteger(keep) || keep < 1) {
    throw new RangeError(`keep must be a positive integer: ${keep}`);
  }

  const backups = listBackups(folder, prefix);
  const protectedFile = protectedPath && path.resolve(protectedPath);
  const expired = backups
    .slice(0, Math.max(0, backups.length - keep))
    .filter((backup) => path.resolve(backup.path) !== protectedFile);
  for (const backup of expired) {
    fs.rmSync(backup.path);
  }
  return expired;
}
