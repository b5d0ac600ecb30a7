import { TRPCError } from "@trpc/server";

import { contentDisposition } from "../../documents/file-name";
import { toUserError } from "../lib/errors";
import { documentErrorPage } from "./error-page";

/**
 * Headers that let the page frame a preview or an error message from its
 * own origin.
 *
 * NOTE: next.config.js sets X-Frame-Options: DENY and frame-ancestors 'none'
 * on every path, and Next.js sends those in place of these, so framing stays
 * blocked until that config exempts the preview routes.
 */
const SAME_ORIGIN_FRAMING = {
  "Content-Security-Policy": "frame-ancestors 'self'",
  "X-Frame-Options": "SAMEORIGIN",
};

/**
 * Builds a PDF response, shown in the browser (a preview in an iframe) when
 * `disposition` is "inline", else saved under `fileName`.
 */
export function pdfResponse(
  pdf: Buffer,
  fileName: string,
  fallbackName: string,
  disposition: "inline" | "attachment",
): Response {
  const header = contentDisposition(fileName, fallbackName);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": disposition === "inline" ? header.replace(/^attachment/, "inline") : header,
      "Content-Length": String(pdf.length),
      "Cache-Control": "no-store",
      ...SAME_ORIGIN_FRAMING,
    },
  });
}

/** Builds the Chinese error page of a document that failed: 404, 403 or 400 for what users can fix, else 500. */
export function documentFailure(error: unknown): Response {
  const { message } = toUserError(error);
  const page = documentErrorPage(message, errorStatus(error));
  for (const [name, value] of Object.entries(SAME_ORIGIN_FRAMING)) page.headers.set(name, value);
  return page;
}

function errorStatus(error: unknown): number {
  if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") return 500;
  if (error.code === "NOT_FOUND") return 404;
  if (error.code === "FORBIDDEN") return 403;
  return 400;
}

/** Reads the text of a form field, or undefined when it is missing or empty. */
export function formText(form: FormData, key: string): string | undefined {
  const value = form.get(key);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Reads a form field as a number for an id: NaN when it is not a whole number so
 * the procedure rejects it with its Chinese message, or undefined when empty.
 */
export function formNumber(form: FormData, key: string): number | undefined {
  const text = formText(form, key);
  if (text === undefined) return undefined;
  return /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
}
