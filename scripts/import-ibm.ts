/**
 * Builds a database from IBM's public invoice history for trying the app on
 * real-looking data: `npm run import:ibm [-- --file CSV] [-- --db FILE]`.
 * The database is separate from the working one (data/ibm.db unless --db
 * or HUIKUAN_DB names another) and never gets the demo data.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { type Db, migrateToLatest, openDatabase } from "../db";
import { clockFromEnv, type Clock } from "../server/clock";
import { formatYuan } from "../server/domain/money";
import { AppError } from "../server/errors";
import { importIbmInvoices, parseIbmCsv } from "../server/import/ibm";
import { getCompanyProfile, saveCompanyProfile } from "../server/services/settings";

/** Default CSV path, relative to the project folder, with shared/ checked out beside it. */
const DEFAULT_CSV = path.join("..", "shared", "data", "ibm-accounts-receivable.csv");
const DEFAULT_DB = path.join("data", "ibm.db");

/** The day the history is best looked at: mid-2013, with invoices open and overdue. */
const SUGGESTED_TODAY = "2013-06-30";

/** A made-up issuer, so collection letters can be printed from the sample. */
const SAMPLE_COMPANY = {
  name: "示例广告有限公司",
  address: "上海市静安区示例路 88 号 8 楼",
  phone: "021-5555 0000",
  bankName: "中国工商银行上海示例支行",
  bankAccountName: "示例广告有限公司",
  bankAccountNumber: "1001 0000 0000 0000 000",
  signatory: "张示例",
};

const USAGE = `用法：npm run import:ibm -- [--file CSV文件] [--db 数据库文件]
  --file  要导入的 CSV 文件，默认 ${DEFAULT_CSV}（相对于项目目录）
  --db    要写入的数据库文件，默认取环境变量 HUIKUAN_DB，否则为 ${DEFAULT_DB}`;

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        file: { type: "string" },
        db: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new AppError("BAD_REQUEST", `参数无效（${(error as Error).message}）\n${USAGE}`);
  }
  return {
    help: values.help ?? false,
    // npm runs scripts in the project folder, so relative paths start there.
    csvFile: path.resolve(process.cwd(), values.file ?? DEFAULT_CSV),
    dbFile: values.db || process.env.HUIKUAN_DB || DEFAULT_DB,
  };
}

/** Saves the sample company unless someone has set any of the profile. */
async function fillCompanyProfile(db: Db, clock: Clock): Promise<boolean> {
  const profile = await getCompanyProfile(db);
  if (Object.values(profile).some((value) => value.trim() !== "")) return false;
  await saveCompanyProfile(db, clock, SAMPLE_COMPANY);
  return true;
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.help) {
    console.log(USAGE);
    return;
  }
  if (!fs.existsSync(options.csvFile)) {
    throw new AppError("NOT_FOUND", `找不到 CSV 文件 ${options.csvFile}，请用 --file 指定`);
  }

  // The import database must never get the demo agency, whatever the shell
  // exported. This script does not seed, and the flag keeps any module it
  // loads from seeding.
  process.env.HUIKUAN_DEMO = "0";

  const startedAt = performance.now();
  const invoices = parseIbmCsv(fs.readFileSync(options.csvFile, "utf8"));
  const db = openDatabase(options.dbFile);
  try {
    await migrateToLatest(db);
    const clock = clockFromEnv();
    const summary = await importIbmInvoices(db, clock, invoices);
    const profileFilled = await fillCompanyProfile(db, clock);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);

    console.log(`已导入 ${options.csvFile}
  数据库：${options.dbFile}
  客户：${summary.clientsCreated} 个新建，${summary.clientsReused} 个沿用已有客户
  合同（发票）：${summary.contracts} 份
  回款：${summary.payments} 笔
  金额合计：${formatYuan(summary.totalAmount)}
  未核销的预收款：${formatYuan(summary.credit)}
  公司资料：${profileFilled ? `已填入示例资料（${SAMPLE_COMPANY.name}）` : "沿用已有资料"}
  用时：${seconds} 秒

用这个数据库启动应用，查看 ${SUGGESTED_TODAY} 当天的应收情况：
  HUIKUAN_DB=${options.dbFile} HUIKUAN_TODAY=${SUGGESTED_TODAY} HUIKUAN_DEMO=0 npm start`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(`导入失败：${error.message}`);
  } else {
    console.error("导入失败：", error);
  }
  process.exitCode = 1;
});
