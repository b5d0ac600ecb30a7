import fs from "node:fs";
import path from "node:path";

import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

import { type Cell, isBlank } from "./cells";

/**
 * Streaming readers for .csv (csv-parse) and .xlsx (exceljs WorkbookReader).
 * Both yield one row at a time with its row number in the sheet, so a
 * 100,000-row file is never held in memory whole.
 */

export type FileKind = "csv" | "xlsx";

/** A row of the sheet: 1-based row number as Excel or a text editor shows it, and its cells from column A. */
export interface SheetRow {
  number: number;
  cells: Cell[];
}

export type CsvEncoding = "utf8" | "gb18030";

/** Returns the file kind from its name, or null for anything but .csv and .xlsx. */
export function fileKindOf(fileName: string): FileKind | null {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === ".csv") return "csv";
  if (extension === ".xlsx") return "xlsx";
  return null;
}

/**
 * Detects the text encoding of a CSV file. It is UTF-8 (with or without a
 * byte order mark) when every byte sequence of the file is valid UTF-8,
 * else GB18030, the superset of GBK that Excel and WPS use for "CSV" on
 * Chinese Windows. Reads the file as a stream, so memory stays small.
 */
export async function detectCsvEncoding(filePath: string): Promise<CsvEncoding> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(filePath)) {
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return "utf8";
  } catch (error) {
    if (error instanceof TypeError) return "gb18030";
    throw error;
  }
}

async function* csvRows(filePath: string): AsyncGenerator<SheetRow> {
  const encoding = await detectCsvEncoding(filePath);
  // iconv-lite drops a UTF-8 byte order mark while decoding (stripBOM defaults to true).
  const text = fs.createReadStream(filePath).pipe(iconv.decodeStream(encoding));
  const parser = text.pipe(
    parse({ relax_column_count: true, skip_empty_lines: false, info: true, bom: true }),
  );
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { number: record.info.lines, cells: record.record };
  }
}

/** Plain value of an exceljs cell: formulas give their result, rich text its text. */
function plainValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
  }
  return null;
}

async function* xlsxRows(filePath: string): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles tell exceljs which numbers are dates, so those arrive as Date.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values : [];
      // row.values is 1-based: index 0 is always empty.
      const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, index) =>
        plainValue(values[index + 1] as ExcelJS.CellValue),
      );
      yield { number: row.number, cells };
    }
    // Only the first worksheet is read.
    return;
  }
}

/** Streams the rows of a .csv or .xlsx file, blank rows included. */
export function readSheetRows(filePath: string, kind: FileKind): AsyncGenerator<SheetRow> {
  return kind === "csv" ? csvRows(filePath) : xlsxRows(filePath);
}

export function isBlankRow(row: SheetRow): boolean {
  return row.cells.every(isBlank);
}
