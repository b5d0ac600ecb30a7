/**
 * Migrates the working database and fills it with the demo agency unless it
 * already has clients: `npm run seed:demo`. The database is DATABASE_URL,
 * else HUIKUAN_DB, else data/huikuan.db; HUIKUAN_TODAY fixes the day the
 * demo ends on.
 */
import { databaseTarget, describeDatabase, migrateToLatest, openDatabase } from "../db";
import { seedDemoIfEmpty } from "../db/seed/demo";
import { clockFromEnv } from "../server/clock";

const LABELS: Record<string, string> = {
  staff: "业务员",
  clients: "客户",
  contracts: "合同",
  installments: "收款分期",
  payments: "回款记录",
  reversedPayments: "其中已冲销",
  allocations: "核销明细",
};

async function main(): Promise<void> {
  const database = describeDatabase();
  const clock = clockFromEnv();
  const db = openDatabase(databaseTarget());
  try {
    await migrateToLatest(db);
    const startedAt = performance.now();
    const counts = await seedDemoIfEmpty(db, clock);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);

    if (!counts) {
      console.log(`数据库 ${database} 已有客户，未写入演示数据。`);
      console.log("要重新生成，请先删除该文件，或用 HUIKUAN_DB 指定另一个数据库文件。");
      return;
    }
    const lines = [
      `已写入演示数据（截至 ${clock.today()}）`,
      `  数据库：${database}`,
      ...Object.entries(counts).map(([key, count]) => `  ${LABELS[key] ?? key}：${count}`),
      `  用时：${seconds} 秒`,
    ];
    console.log(lines.join("\n"));
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error("写入演示数据失败：", error);
  process.exitCode = 1;
});
