import type { Db } from "../../db";
import type { Clock } from "../clock";
import { formatYuan } from "../domain/money";
import { AppError } from "../errors";
import { type Cell, cellText, type DateOrder, isBlank, parseAmountCell, parseDateCell } from "./cells";
import { ImportError, type ImportIssue } from "./csv";
import { ENTITY_FIELDS, type ColumnMapping, findHeaderRow, type HeaderRow, type ImportEntity } from "./fields";
import { type FileKind, isBlankRow, readSheetRows, type SheetRow } from "./readers";
import { type RowHandler, rowHandlerFor, type Tally } from "./rows";

/**
 * One pass over an uploaded file: find the header, read every data row
 * through the mapping, and hand it to the entity's row handler, which
 * either only classifies it (preview) or also writes it (confirm). Both
 * modes run the same code, so the preview shows what confirming will do.
 */

export interface ImportSpec {
  entity: ImportEntity;
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  /** Business type of contracts when no column gives one; created if missing. */
  defaultBusinessType?: string;
}

export interface ImportSource {
  path: string;
  kind: FileKind;
}

export interface ImportProblem {
  row: number;
  message: string;
}

/** First data rows with what importing them does, for the preview table. */
export interface SampleRow {
  row: number;
  values: Record<string, string>;
  actions: string[];
}

export interface ImportOutcome {
  headerRow: number;
  headers: string[];
  dataRows: number;
  counts: Tally;
  problems: ImportProblem[];
  sample: SampleRow[];
}

export interface RunOptions {
  /** Write the rows (inside the caller's transaction); false only classifies them. */
  write: boolean;
  /** Import record the written keys belong to; required when writing. */
  importId?: number;
  /** Called every PROGRESS_EVERY data rows and at the end, with the rows done so far. */
  onProgress?: (rows: number) => void;
  /** Called once every row is read and checked, before the deferred records are written. */
  onWriting?: (rows: number) => void;
}

const SAMPLE_ROWS = 50;
const PROGRESS_EVERY = 1000;

/** Typed values of one row by field key: text, fen or YYYY-MM-DD; absent when blank or unmapped. */
export type RowValues = Partial<Record<string, string | number>>;

function problemText(row: number, header: string, value: string, problem: string): string {
  return `第 ${row} 行: ${header} "${value}" ${problem}`;
}

/** Checks that required fields are mapped to headers that exist in the file. */
export function checkMapping(spec: ImportSpec, headers: readonly string[]): string[] {
  const messages: string[] = [];
  for (const field of ENTITY_FIELDS[spec.entity]) {
    const header = spec.mapping[field.key];
    if (!header) {
      if (field.required) messages.push(`必填字段“${field.label}”没有对应的列，请在列对应中选择`);
      continue;
    }
    if (!headers.includes(header)) messages.push(`字段“${field.label}”对应的列“${header}”在文件中不存在`);
  }
  return messages;
}

/** Reads the mapped cells of a row into typed values, adding a problem per bad cell. */
function readValues(spec: ImportSpec, headers: readonly string[], row: SheetRow, problems: ImportProblem[]): RowValues | null {
  const values: RowValues = {};
  const before = problems.length;
  for (const field of ENTITY_FIELDS[spec.entity]) {
    const header = spec.mapping[field.key];
    if (!header) continue;
    const cell: Cell = row.cells[headers.indexOf(header)] ?? null;
    if (isBlank(cell)) {
      if (field.required) problems.push({ row: row.number, message: `第 ${row.number} 行: ${header} 为空，${field.label}必填` });
      continue;
    }
    const shown = cellText(cell);
    if (field.kind === "text") {
      const text = shown.normalize("NFC").replace(/[\u200B-\u200D\u2060\uFEFF]/g, "").trim();
      if (text.length > (field.max ?? 200)) {
        problems.push({ row: row.number, message: problemText(row.number, header, text.slice(0, 20) + "…", `超过 ${field.max ?? 200} 个字`) });
      } else {
        values[field.key] = text;
      }
      continue;
    }
    const parsed = field.kind === "amount" ? parseAmountCell(cell) : parseDateCell(cell, spec.dateOrder);
    if (parsed.ok) values[field.key] = parsed.value;
    else problems.push({ row: row.number, message: problemText(row.number, header, shown, parsed.problem) });
  }
  return problems.length > before ? null : values;
}

/**
 * Reads the file once and classifies (or writes) every row. Problems do
 * not stop the pass, so the preview lists them all. When writing, the first
 * row a service rejects stops the pass, and any problem throws an
 * ImportError so the caller's transaction rolls everything back.
 */
export async function runImport(
  db: Db,
  clock: Clock,
  source: ImportSource,
  spec: ImportSpec,
  options: RunOptions,
): Promise<ImportOutcome> {
  const problems: ImportProblem[] = [];
  const sample: SampleRow[] = [];
  const handler: RowHandler = await rowHandlerFor(db, clock, spec, options);
  let header: HeaderRow | null = null;
  const buffered: SheetRow[] = [];
  let dataRows = 0;

  let ended = false;

  const processRow = async (row: SheetRow) => {
    if (ended || isBlankRow(row)) return;
    const totals = totalsLabel(row);
    if (totals !== null) {
      // A 合计 or 总计 row closes the table, and notes often follow it; a 小计 row is skipped.
      ended = !totals.startsWith("小计");
      return;
    }
    dataRows += 1;
    const values = readValues(spec, header!.headers, row, problems);
    const actions = values ? await handler.handle(row.number, values, problems) : [];
    if (sample.length < SAMPLE_ROWS) {
      sample.push({ row: row.number, values: shownValues(spec, header!.headers, row), actions });
    }
    if (dataRows % PROGRESS_EVERY === 0) options.onProgress?.(dataRows);
  };

  const findHeader = () => {
    header = findHeaderRow(spec.entity, buffered, Object.values(spec.mapping).filter(Boolean));
    if (header === null) {
      throw new AppError("BAD_REQUEST", "文件前 20 行中找不到表头行：没有一行包含至少两个可识别的列名（如 客户名称、合同编号、金额）");
    }
    const mappingProblems = checkMapping(spec, header.headers);
    if (mappingProblems.length > 0) throw new AppError("BAD_REQUEST", mappingProblems.join("；"));
  };

  try {
    for await (const row of readSheetRows(source.path, source.kind)) {
      if (header === null) {
        buffered.push(row);
        if (buffered.filter((item) => !isBlankRow(item)).length < 20) continue;
        findHeader();
        for (const early of buffered) if (early.number > header!.number) await processRow(early);
        continue;
      }
      await processRow(row);
    }
    if (header === null) {
      findHeader();
      for (const early of buffered) if (early.number > header!.number) await processRow(early);
    }
    if (options.write && problems.length === 0) {
      options.onWriting?.(dataRows);
      await handler.finish();
    }
  } catch (error) {
    if (!options.write || !(error instanceof RowWriteError)) throw error;
    problems.push({ row: error.row, message: error.message });
  }
  options.onProgress?.(dataRows);

  if (dataRows === 0) problems.push({ row: header!.number, message: `第 ${header!.number} 行是表头，下面没有数据行` });
  problems.sort((a, b) => a.row - b.row);
  if (options.write && problems.length > 0) throw new ImportError(asIssues(problems));

  const finalHeader = header!;
  return { headerRow: finalHeader.number, headers: finalHeader.headers, dataRows, counts: handler.tally, problems, sample };
}

const TOTALS_LABEL = /^(合计|总计|小计)/;

/** Returns the label of a totals row (its first non-blank cell starts with 合计, 总计 or 小计), else null. */
function totalsLabel(row: SheetRow): string | null {
  const first = row.cells.map(cellText).find((text) => text !== "");
  return first !== undefined && TOTALS_LABEL.test(first) ? first : null;
}

/** Error of a service rejecting a row while writing, with the sheet row it came from. */
export class RowWriteError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = "RowWriteError";
  }
}

function asIssues(problems: readonly ImportProblem[]): ImportIssue[] {
  return problems.map((problem) => ({ line: problem.row, column: "", value: "", message: problem.message }));
}

function shownValues(spec: ImportSpec, headers: readonly string[], row: SheetRow): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of ENTITY_FIELDS[spec.entity]) {
    const header = spec.mapping[field.key];
    if (!header) continue;
    const cell = row.cells[headers.indexOf(header)] ?? null;
    if (field.kind === "amount") {
      const amount = parseAmountCell(cell);
      values[field.key] = amount.ok ? formatYuan(amount.value) : cellText(cell);
    } else if (field.kind === "date" && !isBlank(cell)) {
      const date = parseDateCell(cell, spec.dateOrder);
      values[field.key] = date.ok ? date.value : cellText(cell);
    } else {
      values[field.key] = cellText(cell);
    }
  }
  return values;
}
