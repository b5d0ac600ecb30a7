import { TRPCError } from "@trpc/server";
import { SqliteError } from "better-sqlite3";
import pg from "pg";

/**
 * The one application error type. `message` is Chinese and safe to show to
 * users; `field` names the input it concerns, when there is one.
 */
export class AppError extends Error {
  constructor(
    readonly code: "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN",
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function notFound(what: string, id: number | string): AppError {
  return new AppError("NOT_FOUND", `${what}不存在（编号 ${id}）`);
}

export function badInput(field: string, message: string): AppError {
  return new AppError("BAD_REQUEST", message, field);
}

/**
 * Unique constraints whose violation is a user error, keyed by the
 * `table.column` SQLite names in its message, with the field and the message
 * users see.
 */
const UNIQUE_MESSAGES: Record<string, { field: string; message: string }> = {
  "client.name": { field: "name", message: "客户名称已存在，请换一个名称或打开已有客户" },
  "contract.contract_no": { field: "contractNo", message: "合同编号已存在，请检查是否重复录入" },
  "staff.name": { field: "name", message: "业务员姓名已存在" },
  "business_type.name": { field: "name", message: "业务类型已存在" },
  "cost_category.name": { field: "name", message: "成本类别已存在" },
};

/**
 * Turns a database error caused by user input into an AppError, or returns
 * null when the error is not one users can fix.
 */
export function fromDatabaseError(error: unknown): AppError | null {
  if (error instanceof pg.DatabaseError) return fromPostgresError(error);
  if (!(error instanceof SqliteError)) return null;

  if (error.code === "SQLITE_CONSTRAINT_UNIQUE") {
    const key = Object.keys(UNIQUE_MESSAGES).find((name) =>
      error.message.includes(name),
    );
    if (key) {
      const { field, message } = UNIQUE_MESSAGES[key]!;
      return new AppError("CONFLICT", message, field);
    }
    return new AppError("CONFLICT", "记录已存在，请勿重复提交");
  }
  if (error.code === "SQLITE_CONSTRAINT_FOREIGNKEY") {
    return new AppError("BAD_REQUEST", "引用的记录不存在，请刷新页面后重试");
  }
  if (error.code === "SQLITE_BUSY") {
    return new AppError("CONFLICT", "数据库正忙，请稍后重试");
  }
  return null;
}

/**
 * The PostgreSQL counterpart of fromDatabaseError, by SQLSTATE. A unique
 * violation names its table, and its detail reads "Key (column)=(value)
 * already exists.", which gives the same `table.column` key as SQLite.
 */
function fromPostgresError(error: pg.DatabaseError): AppError | null {
  if (error.code === "23505") {
    const column = /^Key \(([^)]+)\)=/.exec(error.detail ?? "")?.[1];
    const known = column && error.table ? UNIQUE_MESSAGES[`${error.table}.${column}`] : undefined;
    if (known) return new AppError("CONFLICT", known.message, known.field);
    return new AppError("CONFLICT", "记录已存在，请勿重复提交");
  }
  if (error.code === "23503") {
    return new AppError("BAD_REQUEST", "引用的记录不存在，请刷新页面后重试");
  }
  // lock_not_available and serialization_failure: another writer held the rows.
  if (error.code === "55P03" || error.code === "40001") {
    return new AppError("CONFLICT", "数据库正忙，请稍后重试");
  }
  return null;
}

/** Converts any thrown value into the TRPCError that procedures raise. */
export function toTrpcError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;

  const appError =
    error instanceof AppError ? error : fromDatabaseError(error);
  if (appError) {
    return new TRPCError({
      code: appError.code,
      message: appError.message,
      cause: appError,
    });
  }
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: "服务器内部错误，请稍后重试",
    cause: error,
  });
}
