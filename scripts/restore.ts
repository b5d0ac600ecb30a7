/**
 * Restores the database from a backup:
 * `npm run restore -- --from data/backups/huikuan-20261205-023000.db [--to data/huikuan.db]`.
 * Stop the app first. The current database is kept beside it as
 * `<file>.before-restore-YYYYMMDD-HHmmss`.
 */
import { parseArgs } from "node:util";

import { databaseFile, postgresUrl } from "../db";
import { restoreDatabase } from "../server/backup/restore";
import { backupUnavailableOnPostgres } from "../server/backup/settings";
import { formatTableCounts } from "../server/backup/summary";
import { clockFromEnv } from "../server/clock";
import { AppError } from "../server/errors";

const USAGE = `用法：npm run restore -- --from 备份文件 [--to 数据库文件]
  --from  要恢复的备份文件，如 data/backups/huikuan-20261205-023000.db
  --to    要被替换的数据库文件，默认取环境变量 HUIKUAN_DB，否则为 data/huikuan.db
恢复前请先停止应用。原数据库会另存为“数据库文件.before-restore-年月日-时分秒”。`;

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: "string" },
        to: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new AppError("BAD_REQUEST", `参数无效（${(error as Error).message}）\n${USAGE}`);
  }
  return { help: values.help ?? false, from: values.from, to: values.to || databaseFile() };
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.help) {
    console.log(USAGE);
    return;
  }
  if (postgresUrl()) throw backupUnavailableOnPostgres();
  if (!options.from) {
    throw new AppError("BAD_REQUEST", `缺少参数 --from：请指定要恢复的备份文件\n${USAGE}`);
  }

  const result = await restoreDatabase({ from: options.from, to: options.to, clock: clockFromEnv() });

  const lines = [
    `已从备份恢复数据库 ${result.to}`,
    `  备份文件：${result.from}`,
    "  完整性检查：通过",
    `  行数：${formatTableCounts(result.tables)}`,
  ];
  const safety = result.safetyCopy;
  if (!safety) {
    lines.push("  恢复前没有该数据库文件，未保留安全副本");
  } else if (safety.ok) {
    lines.push(`  恢复前的数据库已另存为：${safety.file}`);
  } else {
    lines.push(
      `  恢复前的数据库已按原样另存为：${safety.file}（它未通过完整性检查，可能已损坏）`,
    );
  }
  lines.push("现在可以启动应用。");
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(`恢复失败：${error.message}`);
  } else {
    console.error("恢复失败：", error);
  }
  process.exitCode = 1;
});
