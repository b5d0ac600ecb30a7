/**
 * Backs up the working database into the backup folder, checks the copy
 * and deletes the oldest backups beyond HUIKUAN_BACKUP_KEEP:
 * `npm run backup`. Safe while the app runs.
 */
import { parseArgs } from "node:util";

import { databaseFile, postgresUrl } from "../db";
import { backupDatabase } from "../server/backup/backup";
import { backupSettingsFromEnv, backupUnavailableOnPostgres } from "../server/backup/settings";
import { formatBytes, formatTableCounts } from "../server/backup/summary";
import { clockFromEnv } from "../server/clock";
import { AppError } from "../server/errors";

const USAGE = `用法：npm run backup
  备份 HUIKUAN_DB 指定的数据库（默认 data/huikuan.db）到 HUIKUAN_BACKUP_DIR（默认 data/backups），
  文件名为“数据库名-年月日-时分秒.db”，时间取 HUIKUAN_TZ 时区（默认 Asia/Shanghai）的当前时刻；
  备份后做完整性检查，并只保留最新的 HUIKUAN_BACKUP_KEEP 份（默认 14）。`;

function wantsHelp(): boolean {
  try {
    const { values } = parseArgs({ options: { help: { type: "boolean", short: "h" } } });
    return values.help ?? false;
  } catch (error) {
    throw new AppError("BAD_REQUEST", `参数无效（${(error as Error).message}）\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  if (wantsHelp()) {
    console.log(USAGE);
    return;
  }

  if (postgresUrl()) throw backupUnavailableOnPostgres();
  const settings = backupSettingsFromEnv();
  const file = databaseFile();
  const result = await backupDatabase({
    databaseFile: file,
    backupFolder: settings.backupFolder,
    keep: settings.keep,
    clock: clockFromEnv(),
  });

  const lines = [
    `已备份数据库 ${file}`,
    `  备份文件：${result.file}（${formatBytes(result.bytes)}）`,
    "  完整性检查：通过",
    `  行数：${formatTableCounts(result.tables)}`,
    `  用时：${(result.durationMs / 1000).toFixed(2)} 秒`,
  ];
  if (result.restarts > 0) {
    lines.push(`  复制期间数据库有写入，复制重新开始了 ${result.restarts} 次`);
  }
  lines.push(
    result.deleted.length === 0
      ? `  保留最新 ${settings.keep} 份备份，没有需要删除的旧备份`
      : `  保留最新 ${settings.keep} 份备份，已删除 ${result.deleted.length} 份旧备份：${result.deleted
          .map((backup) => backup.name)
          .join("、")}`,
  );
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(`备份失败：${error.message}`);
  } else {
    console.error("备份失败：", error);
  }
  process.exitCode = 1;
});
