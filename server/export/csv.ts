import { spreadsheetText } from "../domain/spreadsheet";
import { assertValidWorkbook, type Cell, cellText, type Column, NOTES_SHEET_NAME, type Sheet, type Workbook } from "./sheet";

/** UTF-8 byte order mark, which makes Excel read the file as UTF-8 rather than the system code page. */
const BOM = "\uFEFF";
const LINE_END = "\r\n";
/** Fields that RFC 4180 requires in double quotes. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Writes the workbook as one CSV file (RFC 4180, UTF-8 with BOM, CRLF):
 * the first sheet's header and rows come first so the file opens as a
 * plain table; further sheets follow after a blank line, each under a line
 * with its name in 【】; the workbook notes come last under 说明.
 * Every text cell passes through spreadsheetText so that no cell starts a
 * formula.
 */
export function writeCsv(workbook: Workbook): Buffer {
  assertValidWorkbook(workbook);
  const lines: string[] = [];

  workbook.sheets.forEach((sheet, index) => {
    if (index > 0) lines.push("", textLine(`【${sheet.name}】`));
    lines.push(...sheetLines(sheet));
  });
  lines.push("", textLine(`【${NOTES_SHEET_NAME}】`), textLine(workbook.title));
  lines.push(...workbook.notes.map(textLine));

  return Buffer.from(BOM + lines.join(LINE_END) + LINE_END, "utf8");
}

function sheetLines(sheet: Sheet): string[] {
  const lines = [sheet.columns.map((column) => field(spreadsheetText(column.header))).join(",")];
  for (const row of sheet.rows) lines.push(rowLine(sheet.columns, row));
  if (sheet.totals) lines.push(rowLine(sheet.columns, sheet.totals));

  const notes = [...(sheet.notes ?? []), ...annotationLines(sheet)];
  if (notes.length > 0) lines.push("", ...notes.map(textLine));
  return lines;
}

/**
 * Lines "first cell：annotation" for annotated rows; both writers list
 * them under the table.
 */
export function annotationLines(sheet: Sheet): string[] {
  const lines: string[] = [];
  sheet.annotations?.forEach((annotation, index) => {
    if (annotation === null || annotation === "") return;
    const row = sheet.rows[index]!;
    lines.push(`${cellText(sheet.columns[0]!, row[0] ?? null)}：${annotation}`);
  });
  return lines;
}

function rowLine(columns: readonly Column[], row: readonly Cell[]): string {
  return row
    .map((cell, index) => {
      const column = columns[index]!;
      const text = cellText(column, cell);
      return field(typeof cell === "string" ? spreadsheetText(text) : text);
    })
    .join(",");
}

function textLine(text: string): string {
  return field(spreadsheetText(text));
}

/** Quotes a field when RFC 4180 requires it, doubling inner quotes. */
function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
