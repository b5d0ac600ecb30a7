import { isCalendarDate } from "../domain/dates";
import { parseYuan } from "../domain/money";
import { AppError } from "../errors";

/**
 * Reading tabular text into typed values: the CSV reader, the cell parsers
 * and the error that lists every bad cell by line number. Presets such as
 * the IBM invoice history map columns on top of these.
 */

/** One bad cell, with the 1-based line of the file it sits on. */
export interface ImportIssue {
  line: number;
  column: string;
  value: string;
  message: string;
}

/** Number of issues an ImportError message lists before it only counts the rest. */
const LISTED_ISSUES = 10;

/**
 * Error that rejects a whole file before anything is written. Its message
 * lists the first issues in Chinese, and `issues` contains all of them.
 */
export class ImportError extends AppError {
  constructor(readonly issues: readonly ImportIssue[]) {
    super("BAD_REQUEST", describeIssues(issues));
    this.name = "ImportError";
  }
}

function describeIssues(issues: readonly ImportIssue[]): string {
  const listed = issues.slice(0, LISTED_ISSUES).map((issue) => issue.message);
  const rest = issues.length - listed.length;
  const more = rest > 0 ? `\n……另有 ${rest} 处错误未列出` : "";
  return `文件有 ${issues.length} 处错误，未导入任何数据：\n${listed.join("\n")}${more}`;
}

export interface CsvRow {
  /** Line of the file, 1-based, so the header is line 1. */
  line: number;
  values: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Splits CSV text into a header and rows of raw values. Accepts LF or CRLF
 * line ends and a UTF-8 byte order mark, and skips blank lines. Quoted
 * fields are rejected, so a comma inside a value can never shift columns
 * silently.
 *
 * NOTE: this minimal reader handles only unquoted files such as the IBM
 * invoice history. The spreadsheet import will replace it with a maintained
 * CSV library that handles quotes, embedded line breaks and GBK text.
 */
export function parseCsv(text: string): CsvTable {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const issues: ImportIssue[] = [];
  let header: string[] | null = null;
  const rows: CsvRow[] = [];

  for (const [index, content] of lines.entries()) {
    const line = index + 1;
    if (content.trim() === "") continue;
    if (content.includes('"')) {
      issues.push({
        line,
        column: "",
        value: content,
        message: `第 ${line} 行含有双引号，目前只能导入不带引号的 CSV 文件`,
      });
      continue;
    }

    const values = content.split(",").map((value) => value.trim());
    if (header === null) {
      header = values;
    } else if (values.length !== header.length) {
      issues.push({
        line,
        column: "",
        value: content,
        message: `第 ${line} 行有 ${values.length} 列，表头有 ${header.length} 列`,
      });
    } else {
      rows.push({ line, values });
    }
  }

  if (issues.length > 0) throw new ImportError(issues);
  if (header === null) {
    throw new ImportError([{ line: 1, column: "", value: "", message: "文件是空的，没有表头" }]);
  }
  return { header, rows };
}

const US_DATE_PATTERN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Converts a US month/day/year date ("1/2/2013") to `YYYY-MM-DD`, or
 * returns null when it is not a real calendar date.
 */
export function parseUsDate(text: string): string | null {
  const match = US_DATE_PATTERN.exec(text.trim());
  if (!match) return null;

  const [month, day, year] = match.slice(1) as [string, string, string];
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isCalendarDate(date) ? date : null;
}

/** Plain digits, or digits grouped by thousands with commas, and up to two decimals. */
const AMOUNT_PATTERN = /^(\d+|\d{1,3}(,\d{3})+)(\.\d{1,2})?$/;

/**
 * Converts a yuan amount with at most two decimals ("34.02", "1,234.5",
 * "94") to integer fen from its digits, or returns null when it is not a
 * positive amount in that form. Signs, exponents and misplaced group
 * commas ("1,2,3") are rejected.
 */
export function parseAmountFen(text: string): number | null {
  const trimmed = text.trim();
  if (!AMOUNT_PATTERN.test(trimmed)) return null;

  const fen = parseYuan(trimmed);
  return fen !== null && fen > 0 ? fen : null;
}
