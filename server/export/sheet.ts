import { isCalendarDate } from "../domain/dates";
import { assertFen } from "../domain/money";

/**
 * The export model shared by the .xlsx and CSV writers: a workbook of
 * typed tables. Values stay in the units the procedures return (money in
 * integer fen, dates as YYYY-MM-DD text) and are converted only by the
 * writers.
 */

/**
 * Storage and display of a column's values:
 * - text: string
 * - integer: whole number (counts)
 * - money: integer fen, shown as yuan with two decimals
 * - date: YYYY-MM-DD
 * - month: YYYY-MM
 * - percent: a ratio (0.875 is 87.5%)
 * - days: a number of days, possibly fractional (weighted averages)
 */
export type ColumnType = "text" | "integer" | "money" | "date" | "month" | "percent" | "days";

export interface Column {
  header: string;
  type: ColumnType;
  /** Width in Excel character units; computed from the contents when absent. */
  width?: number;
  /** Decimal places of percent (default 1) and days (default 0) columns. */
  decimals?: number;
}

/** A cell value: text for text, date and month columns, a number otherwise; null is an empty cell. */
export type Cell = string | number | null;

export interface Sheet {
  /** Sheet name: at most 31 characters, none of [ ] : * ? / \ . */
  name: string;
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  /**
   * A bold totals row after the rows, as on the page's table footer. Its
   * cells may be text labels (合计) in any column.
   */
  totals?: readonly Cell[];
  /**
   * An annotation per row (index-aligned with `rows`), or null. The .xlsx
   * writer attaches it as a cell note to the row's first cell, and both
   * writers list it under the table.
   */
  annotations?: readonly (string | null)[];
  /** Lines under the table, such as a remark about truncation. */
  notes?: readonly string[];
}

export interface Workbook {
  /** The report title, first line of the 说明 sheet and of the CSV notes. */
  title: string;
  /** Definitions, as-of date and filters of the page, one line each. */
  notes: readonly string[];
  sheets: readonly Sheet[];
}

/** Name of the sheet that contains the workbook notes. */
export const NOTES_SHEET_NAME = "说明";

const MAX_SHEET_NAME_LENGTH = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Throws a RangeError when the workbook breaks a rule that Excel or the
 * writers rely on: sheet names, row widths, and values of the wrong type
 * for their column. These are programming errors, never user input.
 */
export function assertValidWorkbook(workbook: Workbook): void {
  if (workbook.sheets.length === 0) throw new RangeError("Workbook has no sheet");

  const names = new Set<string>();
  for (const sheet of workbook.sheets) {
    assertSheetName(sheet.name);
    if (names.has(sheet.name) || sheet.name === NOTES_SHEET_NAME) {
      throw new RangeError(`Duplicate or reserved sheet name: ${sheet.name}`);
    }
    names.add(sheet.name);
    assertValidSheet(sheet);
  }
}

/** Throws a RangeError unless Excel accepts `name` as a sheet name. */
export function assertSheetName(name: string): void {
  if (name.trim() === "" || [...name].length > MAX_SHEET_NAME_LENGTH || SHEET_NAME_FORBIDDEN.test(name)) {
    throw new RangeError(`Invalid sheet name (1–31 characters, none of []:*?/\\): ${name}`);
  }
}

function assertValidSheet(sheet: Sheet): void {
  const lines = sheet.totals ? [...sheet.rows, sheet.totals] : sheet.rows;
  lines.forEach((row, index) => {
    if (row.length !== sheet.columns.length) {
      throw new RangeError(`Sheet ${sheet.name} row ${index + 1} has ${row.length} cells for ${sheet.columns.length} columns`);
    }
    const isTotals = index === sheet.rows.length;
    row.forEach((cell, column) => {
      if (isTotals && typeof cell === "string") return;
      assertCell(sheet.columns[column]!, cell, `${sheet.name} row ${index + 1}`);
    });
  });
  if (sheet.annotations && sheet.annotations.length !== sheet.rows.length) {
    throw new RangeError(`Sheet ${sheet.name} has ${sheet.annotations.length} annotations for ${sheet.rows.length} rows`);
  }
}

function assertCell(column: Column, cell: Cell, where: string): void {
  if (cell === null) return;
  const invalid = () => new RangeError(`${where}, column ${column.header}: ${String(cell)} is not a valid ${column.type}`);

  switch (column.type) {
    case "text":
      if (typeof cell !== "string") throw invalid();
      return;
    case "date":
      if (typeof cell !== "string" || !isCalendarDate(cell)) throw invalid();
      return;
    case "month":
      if (typeof cell !== "string" || !MONTH_PATTERN.test(cell)) throw invalid();
      return;
    case "money":
      if (typeof cell !== "number") throw invalid();
      assertFen(cell);
      return;
    case "integer":
      if (typeof cell !== "number" || !Number.isSafeInteger(cell)) throw invalid();
      return;
    case "percent":
    case "days":
      if (typeof cell !== "number" || !Number.isFinite(cell)) throw invalid();
      return;
  }
}

/** Decimal places a percent or days column shows. */
export function decimalsOf(column: Column): number {
  if (column.decimals !== undefined) return column.decimals;
  return column.type === "percent" ? 1 : 0;
}

/**
 * Formats fen as plain yuan with two decimals ("1234.56", "-0.05") from
 * the integer digits, so no float rounding can creep in.
 */
export function fenToYuanText(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? "-" : "";
  const absolute = Math.abs(fen);
  const yuan = Math.trunc(absolute / 100);
  const cents = String(absolute % 100).padStart(2, "0");
  return `${sign}${yuan}.${cents}`;
}

/**
 * Measures the display width of text in Excel column units, counting CJK and other
 * full-width characters twice.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    width += isWide(character.codePointAt(0)!) ? 2 : 1;
  }
  return width;
}

/** East Asian wide and full-width ranges: CJK, kana, Hangul, full-width forms and punctuation. */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/**
 * Formats a cell as the CSV writer outputs it: money as 1234.56, dates
 * as YYYY-MM-DD, percentages as 87.5%, days with the column's decimals.
 * Text is returned unchanged (the CSV writer neutralises formulas).
 */
export function cellText(column: Column, cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;

  switch (column.type) {
    case "money":
      return fenToYuanText(cell);
    case "percent":
      return `${(cell * 100).toFixed(decimalsOf(column))}%`;
    case "days":
      return cell.toFixed(decimalsOf(column));
    default:
      return String(cell);
  }
}
