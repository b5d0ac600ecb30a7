import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { ZodError } from "zod";

import { AppError } from "../../server/errors";
import { logger } from "../../server/logger";
import { fieldErrors } from "../../server/validation";

export interface UserError {
  message: string;
  fieldErrors: Record<string, string>;
}

/**
 * The Chinese message and per-field messages for an error thrown by a
 * procedure. Unexpected errors are logged and shown as a generic message.
 */
export function toUserError(error: unknown): UserError {
  if (error instanceof TRPCError) {
    if (error.cause instanceof ZodError) {
      const errors = fieldErrors(error.cause);
      return { message: error.message, fieldErrors: errors };
    }
    if (error.code !== "INTERNAL_SERVER_ERROR") {
      const field = error.cause instanceof AppError ? error.cause.field : undefined;
      return { message: error.message, fieldErrors: field ? { [field]: error.message } : {} };
    }
  }
  logger.error({ err: error }, "request failed");
  return { message: "服务器内部错误，请稍后重试；如果持续出现，请联系管理员", fieldErrors: {} };
}

/**
 * Runs a page's query. A missing record becomes the 404 page; bad query
 * parameters come back as a message for the page to show.
 */
export async function load<T>(
  query: () => Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  try {
    return { ok: true, data: await query() };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    return { ok: false, message: toUserError(error).message };
  }
}
