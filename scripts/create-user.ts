/**
 * Creates a staff account in the working database (DATABASE_URL, else
 * HUIKUAN_DB, else data/huikuan.db), migrating it first:
 *
 *   npm run user:create -- --username zhangwei --password '…' --role account_manager --staff 张伟
 *
 * Options: --username, --password (10 to 128 characters), --role (admin,
 * finance, account_manager or viewer), --name (default: the username),
 * --email (default: a placeholder address), --staff (the staff member's
 * name or id; required for account_manager). The password is never printed.
 */
import { parseArgs } from "node:util";

import { databaseTarget, describeDatabase, migrateToLatest, openDatabase } from "../db";
import { getAuth } from "../server/auth";
import { AppError } from "../server/errors";
import { isRole, ROLE_LABELS, ROLES } from "../server/permissions";
import { checkPasswordLength, createUser, placeholderEmail } from "../server/services/users";

const USAGE =
  "用法：npm run user:create -- --username 用户名 --password 密码 --role admin|finance|account_manager|viewer [--name 姓名] [--email 邮箱] [--staff 业务员姓名或编号]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      email: { type: "string" },
      staff: { type: "string" },
    },
  });
  const { username, password, role } = values;
  if (!username || !password || !role) throw new UsageError("缺少 --username、--password 或 --role");
  if (!isRole(role)) throw new UsageError(`角色 "${role}" 无效，可选：${ROLES.join("、")}`);
  checkPasswordLength(password, "--password");

  const database = describeDatabase();
  const db = openDatabase(databaseTarget());
  try {
    await migrateToLatest(db);
    const staffId = values.staff ? await findStaff(db, values.staff) : null;
    const { userId } = await createUser(getAuth(db), db, {
      name: values.name?.trim() || username,
      username,
      email: values.email?.trim() || placeholderEmail(username),
      role,
      staffId,
      password,
    });
    console.log(`已创建账号 ${username}（${ROLE_LABELS[role]}，编号 ${userId}），数据库：${database}`);
  } finally {
    await db.destroy();
  }
}

/** The id of the staff member named or numbered `staff`. */
async function findStaff(db: ReturnType<typeof openDatabase>, staff: string): Promise<number> {
  const row = await db
    .selectFrom("staff")
    .select("id")
    .where((eb) => (/^\d+$/.test(staff) ? eb("id", "=", Number(staff)) : eb("name", "=", staff)))
    .executeTakeFirst();
  if (!row) throw new UsageError(`业务员 "${staff}" 不存在`);
  return row.id;
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof AppError) {
    console.error(`创建账号失败：${error.message}`);
    if (error instanceof UsageError) console.error(USAGE);
  } else {
    console.error("创建账号失败：", error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
