import { TRPCError } from "@trpc/server";
import { forbidden, notFound, redirect, unstable_rethrow } from "next/navigation";
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
  // Redirects and the 404/403 pages are thrown too; they must reach Next.js.
  unstable_rethrow(error);
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
 * Runs a page's query. A missing record becomes the 404 page, a procedure
 * the user's role may not call the 403 page, an ended session the sign-in
 * page; bad query parameters come back as a message for the page to show.
 */
export async function load<T>(
  query: () => Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  try {
    return { ok: true, data: await query() };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    if (error instanceof TRPCError && error.code === "FORBIDDEN") forbidden();
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/sign-in");
    return { ok: false, message: toUserError(error).message };
  }
}
