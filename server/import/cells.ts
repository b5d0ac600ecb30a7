import { isCalendarDate } from "../domain/dates";
import { MAX_FEN } from "../domain/money";

/**
 * Cell parsers for spreadsheet import. Each returns a value or a Chinese
 * problem text (without row and column, which the caller adds), so every
 * bad cell of a file can be reported at once.
 */

/** A cell as the readers deliver it: CSV gives text, exceljs also numbers, dates and booleans. */
export type Cell = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Reading of slash dates with the year last: 'ymd' rejects them as ambiguous, 'mdy' reads month/day/year. */
export type DateOrder = "ymd" | "mdy";

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail<T>(problem: string): Parsed<T> {
  return { ok: false, problem };
}

/** Text of a cell as shown to the user in messages. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Whether the cell is empty or only whitespace. */
export function isBlank(cell: Cell): boolean {
  return cellText(cell) === "";
}

/**
 * Full-width digits and punctuation (１２３，．／－（）) and ideographic
 * spaces become their ASCII forms by NFKC normalisation; other spaces are removed.
 */
function normalized(text: string): string {
  return text.normalize("NFKC").replace(/[\s\u00a0]+/g, " ").trim();
}

const ISO_DAY_MS = 86_400_000;

/** Excel's day 0 of the 1900 date system for serials after 1900-02-28: 1899-12-30. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Largest serial Excel accepts: 9999-12-31. */
const MAX_EXCEL_SERIAL = 2_958_465;

/**
 * Converts an Excel serial date of the 1900 date system to `YYYY-MM-DD`.
 * Excel counts the non-existent day 1900-02-29 as serial 60 (a bug kept
 * from Lotus 1-2-3), so serials below 60 are one day later than plain
 * counting from 1899-12-30 gives, and 60 itself is rejected. A fraction is
 * a time of day and is dropped.
 */
export function excelSerialToDate(serial: number): Parsed<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) {
    return fail(`不是有效的 Excel 日期序号（应在 1 到 ${MAX_EXCEL_SERIAL} 之间）`);
  }
  const day = Math.floor(serial);
  if (day === 60) return fail("是 Excel 的 1900-02-29，这一天并不存在");
  const offset = day < 60 ? day + 1 : day;
  return ok(new Date(EXCEL_EPOCH_UTC + offset * ISO_DAY_MS).toISOString().slice(0, 10));
}

function calendarDate(year: string, month: string, day: string): Parsed<string> {
  const date = `${year.padStart(4, "0")}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isCalendarDate(date) ? ok(date) : fail("不是真实存在的日期");
}

const YEAR_FIRST = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const YEAR_LAST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,7}(\.\d+)?$/;
/** A time of day after the date, as Excel and WPS export it ("2026-01-05 00:00:00"). */
const TRAILING_TIME = /\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;

const DATE_HINT = "应为 2026-01-05、2026/1/5、2026.1.5 或 2026年1月5日";

/**
 * Parses a date cell to `YYYY-MM-DD`. A Date from exceljs gives its UTC
 * calendar day, which is the day typed into the sheet whatever the server's
 * time zone. A number is an Excel serial. Text may take any form of
 * DATE_HINT, or month/day/year when `order` is 'mdy'.
 */
export function parseDateCell(cell: Cell, order: DateOrder): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail("不是有效日期");
    return ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === "number") return excelSerialToDate(cell);
  if (typeof cell === "boolean" || cell === null) return fail(`不是有效日期，${DATE_HINT}`);

  const text = normalized(cell).replace(TRAILING_TIME, "");
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return calendarDate(yearFirst[1]!, yearFirst[2]!, yearFirst[3]!);
  const compact = COMPACT.exec(text);
  if (compact) return calendarDate(compact[1]!, compact[2]!, compact[3]!);

  const yearLast = YEAR_LAST.exec(text);
  if (yearLast) {
    if (order === "mdy") return calendarDate(yearLast[3]!, yearLast[1]!, yearLast[2]!);
    return fail("是月/日/年还是日/月/年无法确定，请改为 2026-01-05 的写法，或在导入选项中选择“月/日/年”");
  }
  if (SERIAL.test(text)) return excelSerialToDate(Number(text));
  return fail(`不是有效日期，${DATE_HINT}`);
}

const PLAIN_AMOUNT = /^\d+(\.\d+)?$/;
const GROUPED_AMOUNT = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Converts a decimal string of digits ("1234.5") to fen from its digits,
 * never through a float. Rejects more than two decimals.
 */
function decimalToFen(digits: string): Parsed<number> {
  const [whole, fraction = ""] = digits.split(".");
  if (fraction.length > 2) return fail("超过两位小数，金额只能精确到分");
  const wholeDigits = whole!.replace(/^0+(?=\d)/, "");
  if (wholeDigits.length > 11) return fail("超出上限（一百亿元）");
  const fen = Number(wholeDigits) * 100 + Number(fraction.padEnd(2, "0"));
  return fen <= MAX_FEN ? ok(fen) : fail("超出上限（一百亿元）");
}

/**
 * Parses an amount in yuan to signed integer fen. Text may carry ¥ or ￥,
 * a trailing 元, thousands separators between groups of three, full-width
 * digits and punctuation, surrounding spaces, and a minus sign or
 * parentheses for a negative amount. A number cell from exceljs is read
 * through its shortest decimal string (String(number) in JavaScript),
 * so 0.1 + 0.2 style noise such as 12.300000000000001 is rejected as more
 * than two decimals rather than rounded silently.
 */
export function parseAmountCell(cell: Cell): Parsed<number> {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return fail("无法识别");
    const text = String(Math.abs(cell));
    if (/e/i.test(text)) return fail("无法识别");
    const fen = decimalToFen(text);
    return fen.ok && cell < 0 ? ok(-fen.value) : fen;
  }
  if (typeof cell !== "string") return fail("无法识别");

  let text = normalized(cell).replace(/\s+/g, "");
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1]!;
  }
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  }
  text = text.replace(/^(RMB|CNY)/i, "").replace(/^¥/, "").replace(/元$/, "");
  if (text.startsWith("-") && !negative) {
    negative = true;
    text = text.slice(1);
  }

  if (!PLAIN_AMOUNT.test(text) && !GROUPED_AMOUNT.test(text)) return fail("无法识别");
  const fen = decimalToFen(text.replace(/,/g, ""));
  return fen.ok && negative ? ok(-fen.value) : fen;
}
