import { TRPCError } from "@trpc/server";

import { contentDisposition, documentFileName } from "../../../documents/file-name";
import { serverCaller } from "../../../server/context";
import { writeCsv } from "../../../server/export/csv";
import { writeXlsx } from "../../../server/export/xlsx";
import { logger } from "../../../server/logger";
import { documentErrorPage } from "../../documents/error-page";
import { toUserError } from "../../lib/errors";
import { lookup, type SearchParams } from "../../lib/params";
import { EXPORT_FORMATS, type ExportFormat, EXPORTS } from "../registry";
import { ExportRequestError } from "../workbooks/common";

export const dynamic = "force-dynamic";

/**
 * Serves a list or report as an .xlsx or CSV download: /export/aging?format=xlsx
 * followed by the page's own search parameters. The workbook comes from the
 * same procedures, with the same parsed parameters, as the page; roles and
 * validation apply through them.
 */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }) {
  const { report } = await params;
  const url = new URL(request.url);
  const definition = lookup(EXPORTS, report);
  if (!definition) {
    logger.warn({ report }, "export not found");
    return documentErrorPage(`没有名为 "${report.slice(0, 40)}" 的导出，请从列表或报表页面的“导出”链接下载`, 404);
  }

  const formatText = url.searchParams.get("format") ?? "xlsx";
  const format = lookup(EXPORT_FORMATS, formatText) ? (formatText as ExportFormat) : undefined;
  if (!format) {
    logger.warn({ report, format: formatText.slice(0, 20) }, "export format invalid");
    return documentErrorPage(`导出格式 "${formatText.slice(0, 20)}" 无效，请选择 xlsx 或 csv`, 400);
  }

  const caller = await serverCaller();
  try {
    const { workbook, date } = await definition.build(caller, searchParamsOf(url));
    const body = format === "xlsx" ? await writeXlsx(workbook) : writeCsv(workbook);
    // documentFileName names PDFs; the export keeps its rules and swaps the extension.
    const fileName = documentFileName(definition.kind, "", date).replace(/\.pdf$/, `.${format}`);

    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": EXPORT_FORMATS[format],
        "Content-Disposition": contentDisposition(fileName, `${definition.slug}-${date}.${format}`),
        "Content-Length": String(body.length),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof ExportRequestError) {
      logger.warn({ report, err: error }, "export parameters invalid");
      return documentErrorPage(error.message, 400);
    }
    // toUserError logs unexpected errors (500) before returning the generic message.
    const status = errorStatus(error);
    if (status !== 500) logger.warn({ report, status, message: error instanceof Error ? error.message : String(error) }, "export rejected");
    return documentErrorPage(toUserError(error).message, status);
  }
}

/** Converts the query to the shape Next.js passes to pages, so the page's parsing functions apply unchanged. */
function searchParamsOf(url: URL): SearchParams {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    result[key] = values.length === 1 ? values[0]! : values;
  }
  return result;
}

/** Maps a failed export to 404, 403 or 400 for what users can fix, else 500. */
function errorStatus(error: unknown): number {
  if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") return 500;
  if (error.code === "NOT_FOUND") return 404;
  if (error.code === "FORBIDDEN") return 403;
  return 400;
}
