/**
 * Runs the daily reminder job once, for system cron:
 * `npm run reminders:run [-- --date YYYY-MM-DD]`. Safe beside the running
 * app: the job's lease lets one process run at a time, and the send log
 * keeps every message to one send a day.
 */
import { parseArgs } from "node:util";

import { databaseFile, getDb, migrateToLatest } from "../db";
import { clockFromEnv } from "../server/clock";
import { isCalendarDate } from "../server/domain/dates";
import { runReminderJob } from "../server/notifications/job";

const USAGE = `用法：npm run reminders:run [-- --date YYYY-MM-DD]
  按系统设置中的提醒规则，为指定业务日期（默认今天，按 HUIKUAN_TZ 时区，或 HUIKUAN_TODAY）
  生成业务员和财务的回款提醒，并通过已启用的渠道发送；同一天重复运行不会重复发送，
  此前发送失败的提醒会重试。数据库为 HUIKUAN_DB（默认 data/huikuan.db）。`;

function readArguments(): { date: string | undefined; help: boolean } {
  let values: { date?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { date: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (error) {
    throw new Error(`参数无效（${(error as Error).message}）\n${USAGE}`);
  }
  if (values.date !== undefined && !isCalendarDate(values.date)) {
    throw new Error(`--date 的值 "${values.date}" 不是有效日期，请按 YYYY-MM-DD 填写\n${USAGE}`);
  }
  return { date: values.date, help: values.help ?? false };
}

async function main(): Promise<void> {
  const { date, help } = readArguments();
  if (help) {
    console.log(USAGE);
    return;
  }

  const db = getDb();
  await migrateToLatest(db);
  const result = await runReminderJob(db, clockFromEnv(), { date, force: true });
  await db.destroy();

  if (result.status === "busy") {
    console.log(`${result.date}：另一个进程正在运行提醒任务，本次未运行。`);
    return;
  }
  if (result.status === "disabled") {
    console.log(`${result.date}：每日提醒已在系统设置中关闭，未发送。`);
    return;
  }
  if (result.status === "skipped") {
    console.log(`${result.date}：周末或节假日，按设置不发送。`);
    return;
  }
  if (result.status === "ran") {
    console.log(
      `${result.date}：生成提醒 ${result.digests} 份，新增发送记录 ${result.created} 条，发送成功 ${result.sent} 条，失败 ${result.failed} 条（数据库 ${databaseFile()}）。`,
    );
    if (result.failed > 0) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
