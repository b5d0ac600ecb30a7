import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";

import type { Db } from "../db";
import type { Clock } from "./clock";
import { AppError, toTrpcError } from "./errors";
import { logger } from "./logger";
import { fieldErrors } from "./validation";

// Zod's own messages (wrong type, missing object) in Chinese too.
z.config(z.locales.zhCN());

/** What every procedure receives: the database, the clock and the request id. */
export interface Context {
  db: Db;
  clock: Clock;
  requestId: string;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const errors = zodError ? fieldErrors(zodError) : null;
    const field = error.cause instanceof AppError ? error.cause.field : undefined;
    const message = errors ? Object.values(errors)[0]! : shape.message;

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

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The base of every procedure. It turns domain and database errors into
 * user-facing tRPC errors and logs the unexpected ones. Sign-in and roles
 * are enforced here once they exist.
 */
export const procedure = t.procedure.use(async ({ ctx, path, type, next }) => {
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
  const error = toTrpcError(cause ?? result.error);
  if (error.code === "INTERNAL_SERVER_ERROR") {
    logger.error(
      { err: result.error.cause ?? result.error, path, type, requestId: ctx.requestId },
      "procedure failed",
    );
  }
  throw error;
});
