/**
 * Copies an SQLite database into an empty PostgreSQL database and checks the
 * copy: `npm run db:copy -- --from data/huikuan.db --to postgres://…`.
 * Stop the app first, so nothing is written to the source meanwhile.
 */
import { parseArgs } from "node:util";

import { databaseFile, openDatabase, postgresUrl } from "../db";
import { CopyError, type CopyReport, copySqliteToPostgres } from "../db/copy-to-postgres";
import { isPostgresUrl } from "../db/dialect/kind";
import { formatYuan } from "../server/domain/money";

const USAGE = `用法：npm run db:copy -- [--from SQLite文件] [--to postgres://用户:密码@主机:端口/数据库]
  --from  要复制的 SQLite 数据库文件，默认取 HUIKUAN_DB，否则为 data/huikuan.db
  --to    目标 PostgreSQL 数据库的地址，默认取 DATABASE_URL；该数据库必须是新建的空库
先停止应用。两边都会先升级到最新的数据库结构；复制在一个事务中完成，
复制后逐表核对行数和金额合计，任何不一致都会撤销整个复制。`;

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
    throw new CopyError(`参数无效（${(error as Error).message}）\n${USAGE}`);
  }
  const to = values.to || postgresUrl();
  if (!values.help && (!to || !isPostgresUrl(to))) {
    throw new CopyError(`--to 必须是 postgres:// 或 postgresql:// 开头的地址，收到：${to ?? "（空）"}\n${USAGE}`);
  }
  return { help: values.help ?? false, from: values.from || databaseFile(), to: to ?? "" };
}

function formatReport(report: CopyReport): string {
  const lines = report.tables.map((table) => {
    const money = table.money.map((total) => `${total.column} ${formatYuan(total.target)}`).join("，");
    return `  ${table.table}：${table.targetRows} 行${money ? `；${money}` : ""}`;
  });
  return lines.join("\n");
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.help) {
    console.log(USAGE);
    return;
  }

  const source = openDatabase(options.from);
  const target = openDatabase(options.to, { poolSize: 2 });
  try {
    const report = await copySqliteToPostgres(source, target, (table, rows) =>
      console.log(`已复制 ${table}：${rows} 行`),
    );
    console.log(
      [
        `已把 ${options.from} 复制到 PostgreSQL，逐表核对行数与金额合计一致：`,
        formatReport(report),
        `用时：${(report.durationMs / 1000).toFixed(2)} 秒`,
      ].join("\n"),
    );
  } finally {
    await source.destroy();
    await target.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof CopyError) {
    console.error(`复制失败：${error.message}`);
  } else {
    console.error("复制失败：", error);
  }
  process.exitCode = 1;
});
