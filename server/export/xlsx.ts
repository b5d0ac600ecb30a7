import ExcelJS from "exceljs";

import { isCalendarDate } from "../domain/dates";

import { annotationLines } from "./csv";
import {
  assertValidWorkbook,
  type Cell,
  cellText,
  type Column,
  decimalsOf,
  displayWidth,
  NOTES_SHEET_NAME,
  type Sheet,
  type Workbook,
} from "./sheet";

/** Excel number formats per column type; percent and days depend on the decimals. */
const MONEY_FORMAT = "#,##0.00";
const DATE_FORMAT = "yyyy-mm-dd";
const MONTH_FORMAT = "yyyy-mm";
const INTEGER_FORMAT = "0";

const MIN_COLUMN_WIDTH = 8;
const MAX_COLUMN_WIDTH = 60;
const NOTES_COLUMN_WIDTH = 120;
/** Rows sampled for the column width, so a long list does not cost a pass over every cell twice. */
const WIDTH_SAMPLE_ROWS = 500;

/**
 * Writes the workbook as .xlsx with one worksheet per sheet. Each has a
 * bold, frozen header row, typed cells (money in yuan with #,##0.00, dates
 * as Excel dates), a bold totals row and notes under the table. A last 说明
 * sheet contains the title and the workbook notes.
 */
export async function writeXlsx(workbook: Workbook): Promise<Buffer> {
  assertValidWorkbook(workbook);
  const book = new ExcelJS.Workbook();
  book.creator = "回款";

  for (const sheet of workbook.sheets) addSheet(book, sheet);
  addNotesSheet(book, workbook);

  return Buffer.from(await book.xlsx.writeBuffer());
}

function addSheet(book: ExcelJS.Workbook, sheet: Sheet): void {
  const worksheet = book.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  worksheet.columns = sheet.columns.map((column, index) => ({
    header: column.header,
    width: column.width ?? columnWidth(sheet, index),
  }));
  worksheet.getRow(1).font = { bold: true };

  sheet.rows.forEach((row, index) => {
    const added = addTypedRow(worksheet, sheet.columns, row);
    const annotation = sheet.annotations?.[index];
    if (annotation) added.getCell(1).note = annotation;
  });
  if (sheet.rows.length > 0) {
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rows.length + 1, column: sheet.columns.length } };
  }
  if (sheet.totals) addTypedRow(worksheet, sheet.columns, sheet.totals).font = { bold: true };

  const notes = [...(sheet.notes ?? []), ...annotationLines(sheet)];
  if (notes.length > 0) {
    worksheet.addRow([]);
    for (const note of notes) worksheet.addRow([note]);
  }
}

function addTypedRow(worksheet: ExcelJS.Worksheet, columns: readonly Column[], row: readonly Cell[]): ExcelJS.Row {
  const added = worksheet.addRow(row.map((cell, index) => cellValue(columns[index]!, cell)));
  columns.forEach((column, index) => {
    const format = numberFormat(column);
    if (format && !isLabel(column, row[index] ?? null)) added.getCell(index + 1).numFmt = format;
  });
  return added;
}

/** Checks whether a cell is empty or a text label (合计 in a totals row) rather than a value of its column's type. */
function isLabel(column: Column, cell: Cell): boolean {
  if (cell === null) return true;
  return typeof cell === "string" && (column.type === "text" || !isCalendarValue(column, cell));
}

/**
 * Converts a cell to the value exceljs stores. Money becomes yuan here and nowhere earlier:
 * fen ÷ 100 is one correctly rounded division, so the double is the one
 * nearest the decimal yuan amount and reads back as exactly that decimal.
 * Dates are UTC midnights: exceljs converts a Date through getTime(), so a
 * UTC midnight becomes a whole Excel serial day in any server time zone.
 */
function cellValue(column: Column, cell: Cell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === "string" && !isCalendarValue(column, cell)) return cell;

  switch (column.type) {
    case "money":
      return (cell as number) / 100;
    case "date": {
      const [year, month, day] = (cell as string).split("-").map(Number);
      return new Date(Date.UTC(year!, month! - 1, day!));
    }
    case "month": {
      const [year, month] = (cell as string).split("-").map(Number);
      return new Date(Date.UTC(year!, month! - 1, 1));
    }
    default:
      return cell;
  }
}

/** Checks whether a date or month column's text is a date, because totals rows put labels there. */
function isCalendarValue(column: Column, text: string): boolean {
  if (column.type === "date") return isCalendarDate(text);
  return column.type === "month" && isCalendarDate(`${text}-01`);
}

function numberFormat(column: Column): string | undefined {
  switch (column.type) {
    case "money":
      return MONEY_FORMAT;
    case "date":
      return DATE_FORMAT;
    case "month":
      return MONTH_FORMAT;
    case "integer":
      return INTEGER_FORMAT;
    case "percent":
      return withDecimals("0", decimalsOf(column)) + "%";
    case "days":
      return withDecimals("0", decimalsOf(column));
    default:
      return undefined;
  }
}

function withDecimals(format: string, decimals: number): string {
  return decimals > 0 ? `${format}.${"0".repeat(decimals)}` : format;
}

/**
 * Computes the width of a column from its header and the shown text of the first rows,
 * with CJK characters counted double and room for the autofilter button.
 */
function columnWidth(sheet: Sheet, index: number): number {
  const column = sheet.columns[index]!;
  let widest = displayWidth(column.header) + 2;
  const sample = sheet.rows.slice(0, WIDTH_SAMPLE_ROWS);
  for (const row of sheet.totals ? [...sample, sheet.totals] : sample) {
    const text = cellText(column, row[index] ?? null);
    // Money shows thousands separators: one more character per three digits.
    const separators = column.type === "money" ? Math.floor(text.length / 4) : 0;
    widest = Math.max(widest, displayWidth(text) + separators);
  }
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, widest + 2));
}

function addNotesSheet(book: ExcelJS.Workbook, workbook: Workbook): void {
  const worksheet = book.addWorksheet(NOTES_SHEET_NAME);
  worksheet.getColumn(1).width = NOTES_COLUMN_WIDTH;
  worksheet.addRow([workbook.title]).font = { bold: true };
  for (const note of workbook.notes) {
    worksheet.addRow([note]).alignment = { wrapText: true, vertical: "top" };
  }
}
