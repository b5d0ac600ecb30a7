import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";

import type { Db } from "../db";
import type { Clock } from "./clock";
import { type AuditRecorder, createAuditRecorder, writeAuditRow } from "./audit";
import { AppError, toTrpcError } from "./errors";
import { logger } from "./logger";
import { canCall, clientScope, ROLE_LABELS } from "./permissions";
import type { SessionUser } from "./session";
import { fieldErrors } from "./validation";

// Zod's own messages (wrong type, missing object) in Chinese too.
z.config(z.locales.zhCN());

/**
 * What every procedure receives: the database, the clock, the request id,
 * the signed-in user and the request headers (their session cookie lets
 * users.* act as that user in better-auth).
 */
export interface Context {
  db: Db;
  clock: Clock;
  requestId: string;
  user: SessionUser | null;
  headers: Headers;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const errors = zodError ? fieldErrors(zodError) : null;
    const field = error.cause instanceof AppError ? error.cause.field : undefined;
    const message = errors ? Object.values(errors)[0]! : chineseMessage(error);

    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        fieldErrors: errors ?? (field ? { [field]: message } : null),
      },
    };
  },
});

/** Chinese messages for the errors tRPC raises itself, keyed by code. */
const TRPC_MESSAGES: Partial<Record<TRPCError["code"], string>> = {
  PARSE_ERROR: "请求格式无效：无法解析 JSON",
  BAD_REQUEST: "请求无效",
  NOT_FOUND: "接口不存在",
  METHOD_NOT_SUPPORTED: "不支持该请求方法",
  UNSUPPORTED_MEDIA_TYPE: "不支持的内容类型，请使用 application/json",
  PAYLOAD_TOO_LARGE: "请求内容过大",
};

/** The message users see for a tRPC error: ours when Chinese, else by code. */
function chineseMessage(error: TRPCError): string {
  if (/[\u4e00-\u9fa5]/.test(error.message)) return error.message;
  return TRPC_MESSAGES[error.code] ?? "请求无效";
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Turns domain and database errors into user-facing tRPC errors and logs
 * the unexpected ones.
 */
const mapErrors = t.middleware(async ({ ctx, path, type, next }) => {
  const result = await next();
  if (result.ok) return result;

  const cause = result.error.cause;
  if (cause instanceof ZodError) {
    // Callers on the server (pages, actions) see the Chinese message too,
    // not the JSON list of issues that tRPC puts in the message by default.
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: Object.values(fieldErrors(cause))[0] ?? "输入无效",
      cause,
    });
  }
  if (result.error.code !== "INTERNAL_SERVER_ERROR" && !(cause instanceof AppError)) {
    // tRPC's own rejections (unparsable JSON, wrong method) keep their code.
    throw new TRPCError({ code: result.error.code, message: chineseMessage(result.error), cause });
  }
  const error = toTrpcError(cause ?? result.error);
  if (error.code === "INTERNAL_SERVER_ERROR") {
    logger.error(
      { err: result.error.cause ?? result.error, path, type, requestId: ctx.requestId },
      "procedure failed",
    );
  }
  throw error;
});

/**
 * Lets a call through only for a signed-in user whose role may call `path`
 * (server/permissions.ts), before the input is even parsed, and gives the
 * procedure the user's client scope.
 */
const authorize = t.middleware(({ ctx, path, next }) => {
  const user = ctx.user;
  if (!user) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "请先登录" });
  }
  if (!canCall(user.role, path)) {
    logger.warn({ userId: user.id, role: user.role, path, requestId: ctx.requestId }, "procedure denied");
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `您没有权限执行此操作（当前角色：${ROLE_LABELS[user.role]}），如需开通请联系管理员`,
    });
  }
  if (user.role === "account_manager" && user.staffId === null) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "您的账号还没有关联业务员，暂时看不到任何客户，请联系管理员设置",
    });
  }
  return next({ ctx: { user, scope: clientScope(user) } });
});

/**
 * Mutations whose work goes through better-auth, which writes on its own
 * handle, or starts a background job that opens its own transaction
 * (imports.startConfirm): they cannot join a transaction, so their audit
 * row is written right after the change instead of with it.
 */
const OUTSIDE_TRANSACTION = new Set(["users.create", "users.update", "users.setDisabled", "users.setPassword", "imports.startConfirm"]);

/**
 * Runs every mutation in one transaction and writes its audit row in it
 * (server/audit.ts), so a change and its record commit or roll back
 * together. Queries pass through.
 */
const audited = t.middleware(async ({ ctx, path, type, getRawInput, next }) => {
  const user = ctx.user;
  if (type !== "mutation" || !user) return next();

  const run = async (db: Db) => {
    const recorder = createAuditRecorder(() => db);
    const result = await next({ ctx: { db, audit: recorder } });
    if (result.ok) {
      await writeAuditRow(db, {
        at: ctx.clock.nowIso(),
        actor: { id: user.id, name: user.name },
        action: path,
        subject: recorder.subject(),
        input: await getRawInput(),
        requestId: ctx.requestId,
      });
    }
    return result;
  };
  if (OUTSIDE_TRANSACTION.has(path)) return run(ctx.db);

  // A failed result must roll the transaction back, so it is thrown inside
  // and returned again outside for mapErrors to turn into the user message.
  let failed: Awaited<ReturnType<typeof run>> | null = null;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const result = await run(trx);
      if (!result.ok) {
        failed = result;
        throw result.error;
      }
      return result;
    });
  } catch (error) {
    if (failed) return failed;
    throw error;
  }
});

/** The audit recorder every procedure gets; queries get one that is never read. */
const withAudit = t.middleware(({ ctx, next }) =>
  next({ ctx: { audit: createAuditRecorder(() => ctx.db) as AuditRecorder } }),
);

/**
 * The base of every procedure: errors mapped as above, then sign-in and
 * role checked against the permission table, then mutations audited in
 * their transaction. No procedure is public.
 */
export const procedure = t.procedure.use(mapErrors).use(authorize).use(withAudit).use(audited);
