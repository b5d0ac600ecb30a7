import { APIError } from "better-auth/api";

import type { Db } from "../../db";
import { type Auth, type Env, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../auth";
import { AppError, badInput, notFound } from "../errors";
import { isRole, type Role, ROLE_LABELS } from "../permissions";

/**
 * Staff accounts. Every write goes through better-auth's server API (the
 * admin plugin), which hashes passwords and ends sessions. These functions
 * check our own rules first: the role exists, account managers are linked
 * to a staff member, and administrators cannot demote or disable themselves.
 */

export interface NewUserInput {
  name: string;
  username: string;
  email: string;
  role: Role;
  /** Required for account managers, ignored for other roles. */
  staffId: number | null;
  password: string;
}

export interface UserChanges {
  name: string;
  role: Role;
  staffId: number | null;
}

/** Domain that placeholder e-mail addresses use; `.invalid` can never be delivered to. */
export const PLACEHOLDER_EMAIL_DOMAIN = "huikuan.invalid";

/**
 * Creates a user with a password. `headers` carry the acting administrator's
 * session; scripts and start-up code pass none, which better-auth allows for
 * calls made on the server.
 */
export async function createUser(
  auth: Auth,
  db: Db,
  input: NewUserInput,
  headers?: Headers,
): Promise<{ userId: string }> {
  const staffId = await checkStaffLink(db, input.role, input.staffId, null);
  // better-auth checks the e-mail address first, which misleads when only
  // the username is taken and the address is a placeholder.
  const taken = await db
    .selectFrom("user")
    .select("id")
    .where("username", "=", input.username.toLowerCase())
    .executeTakeFirst();
  if (taken) throw new AppError("CONFLICT", AUTH_ERRORS.USERNAME_IS_ALREADY_TAKEN!.message, "username");
  const result = await callAuth(() =>
    auth.api.createUser({
      body: {
        name: input.name,
        email: input.email,
        password: input.password,
        // The admin plugin types roles as its own defaults; ours are checked above.
        role: input.role as "admin",
        data: { username: input.username, staffId },
      },
      headers,
    }),
  );
  return { userId: result.user.id };
}

/** Lists every user with the staff member they are linked to, by username. */
export async function listUsers(db: Db) {
  const rows = await db
    .selectFrom("user as u")
    .leftJoin("staff as s", "s.id", "u.staffId")
    .select([
      "u.id",
      "u.name",
      "u.username",
      "u.email",
      "u.role",
      "u.staffId",
      "s.name as staffName",
      "u.banned",
      "u.createdAt",
    ])
    .orderBy("u.username")
    .execute();
  return rows.map((row) => ({
    ...row,
    role: isRole(row.role) ? row.role : null,
    disabled: Boolean(row.banned),
    // better-auth stores ISO text on SQLite and timestamptz (a Date) on PostgreSQL.
    createdAt: new Date(row.createdAt).toISOString(),
    // A placeholder address is shown as none.
    email: row.email.endsWith(`@${PLACEHOLDER_EMAIL_DOMAIN}`) ? "" : row.email,
  }));
}

/** Changes a user's name, role and linked staff member. */
export async function updateUser(
  auth: Auth,
  db: Db,
  actingUserId: string,
  userId: string,
  changes: UserChanges,
  headers: Headers,
) {
  const existing = await findUser(db, userId);
  if (userId === actingUserId && existing.role === "admin" && changes.role !== "admin") {
    throw badInput("role", "不能取消自己的管理员角色，请让另一位管理员操作");
  }
  const staffId = await checkStaffLink(db, changes.role, changes.staffId, userId);
  await callAuth(() =>
    auth.api.adminUpdateUser({
      body: { userId, data: { name: changes.name, role: changes.role, staffId } },
      headers,
    }),
  );
  return { userId };
}

/**
 * Disables (停用) or enables a user. Disabling ends the user's sessions, and
 * better-auth refuses to start new ones until the user is enabled again.
 */
export async function setUserDisabled(
  auth: Auth,
  db: Db,
  actingUserId: string,
  userId: string,
  disabled: boolean,
  headers: Headers,
) {
  await findUser(db, userId);
  if (disabled && userId === actingUserId) {
    throw new AppError("BAD_REQUEST", "不能停用自己的账号");
  }
  await callAuth(() =>
    disabled
      ? auth.api.banUser({ body: { userId, banReason: "管理员停用" }, headers })
      : auth.api.unbanUser({ body: { userId }, headers }),
  );
  return { userId, disabled };
}

/** Sets a new password for a user and signs the user out everywhere. */
export async function setUserPassword(
  auth: Auth,
  db: Db,
  userId: string,
  password: string,
  headers: Headers,
) {
  await findUser(db, userId);
  await callAuth(() => auth.api.setUserPassword({ body: { userId, newPassword: password }, headers }));
  await callAuth(() => auth.api.revokeUserSessions({ body: { userId }, headers }));
  return { userId };
}

/**
 * Creates the first administrator from HUIKUAN_ADMIN_USERNAME and
 * HUIKUAN_ADMIN_PASSWORD (and HUIKUAN_ADMIN_EMAIL) when the database has no
 * user yet. Returns the new user, or null when nothing was done.
 */
export async function ensureFirstAdmin(
  auth: Auth,
  db: Db,
  env: Env,
): Promise<{ userId: string } | null> {
  const username = env.HUIKUAN_ADMIN_USERNAME?.trim();
  const password = env.HUIKUAN_ADMIN_PASSWORD;
  if (!username && !password) return null;
  if (!username || !password) {
    throw new Error("HUIKUAN_ADMIN_USERNAME 和 HUIKUAN_ADMIN_PASSWORD 须同时设置，或都不设置");
  }

  const anyUser = await db.selectFrom("user").select("id").limit(1).executeTakeFirst();
  if (anyUser) return null;

  checkPasswordLength(password, "HUIKUAN_ADMIN_PASSWORD");
  return createUser(auth, db, {
    name: "管理员",
    username,
    email: env.HUIKUAN_ADMIN_EMAIL?.trim() || placeholderEmail(username),
    role: "admin",
    staffId: null,
    password,
  });
}

/** An address for a user who has none; better-auth requires one. */
export function placeholderEmail(username: string): string {
  return `${username.toLowerCase()}@${PLACEHOLDER_EMAIL_DOMAIN}`;
}

/** Throws, naming `source`, when a password is outside the allowed length. */
export function checkPasswordLength(password: string, source: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new Error(`${source} 的长度必须在 ${MIN_PASSWORD_LENGTH} 到 ${MAX_PASSWORD_LENGTH} 个字符之间`);
  }
}

async function findUser(db: Db, userId: string) {
  const user = await db.selectFrom("user").select(["id", "role"]).where("id", "=", userId).executeTakeFirst();
  if (!user) throw notFound("用户", userId);
  return user;
}

/**
 * Returns the staff id to store for a user of `role`: the linked staff member
 * of an account manager, which must exist and belong to no other user, and
 * null for every other role.
 */
async function checkStaffLink(
  db: Db,
  role: Role,
  staffId: number | null,
  userId: string | null,
): Promise<number | null> {
  if (role !== "account_manager") return null;
  if (staffId === null) {
    throw badInput("staffId", `${ROLE_LABELS.account_manager}账号必须关联一名业务员，请选择`);
  }
  const staff = await db.selectFrom("staff").select("id").where("id", "=", staffId).executeTakeFirst();
  if (!staff) throw badInput("staffId", `业务员不存在（编号 ${staffId}）`);

  const linked = await db
    .selectFrom("user")
    .select(["id", "username"])
    .where("staffId", "=", staffId)
    .executeTakeFirst();
  if (linked && linked.id !== userId) {
    throw new AppError("CONFLICT", `该业务员已关联账号 ${linked.username ?? linked.id}`, "staffId");
  }
  return staffId;
}

/** Chinese messages for the better-auth error codes users can cause, with the field they concern. */
const AUTH_ERRORS: Record<string, { code: AppError["code"]; field?: string; message: string }> = {
  USERNAME_IS_ALREADY_TAKEN: { code: "CONFLICT", field: "username", message: "用户名已被使用，请换一个" },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { code: "CONFLICT", field: "email", message: "该邮箱已被其他账号使用" },
  USER_ALREADY_EXISTS: { code: "CONFLICT", field: "email", message: "该邮箱已被其他账号使用" },
  INVALID_EMAIL: { code: "BAD_REQUEST", field: "email", message: "邮箱格式不正确" },
  INVALID_USERNAME: { code: "BAD_REQUEST", field: "username", message: "用户名只能包含字母、数字、下划线和点" },
  USERNAME_TOO_SHORT: { code: "BAD_REQUEST", field: "username", message: "用户名太短" },
  USERNAME_TOO_LONG: { code: "BAD_REQUEST", field: "username", message: "用户名太长" },
  PASSWORD_TOO_SHORT: { code: "BAD_REQUEST", field: "password", message: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符` },
  PASSWORD_TOO_LONG: { code: "BAD_REQUEST", field: "password", message: `密码最多 ${MAX_PASSWORD_LENGTH} 个字符` },
  YOU_CANNOT_BAN_YOURSELF: { code: "BAD_REQUEST", message: "不能停用自己的账号" },
  USER_NOT_FOUND: { code: "NOT_FOUND", message: "用户不存在" },
};

/** Runs a better-auth call, turning the errors users can cause into AppErrors. */
async function callAuth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof APIError) {
      const known = AUTH_ERRORS[String(error.body?.code ?? "")];
      if (known) throw new AppError(known.code, known.message, known.field);
      if (error.statusCode === 401 || error.statusCode === 403) {
        throw new AppError("FORBIDDEN", "登录状态已失效或没有管理员权限，请重新登录后再试");
      }
    }
    throw error;
  }
}
