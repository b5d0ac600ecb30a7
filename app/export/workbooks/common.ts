import type { Workbook } from "../../../server/export/sheet";
import type { createCaller } from "../../../server/root";
import type { SearchParams } from "../../lib/params";

/** A caller of every procedure, as serverCaller() and the test context build it. */
export type Caller = ReturnType<typeof createCaller>;

/** A built export: the workbook and the date its file name carries. */
export interface BuiltExport {
  workbook: Workbook;
  /** YYYY-MM-DD: the report's as-of date, or today for lists without one. */
  date: string;
}

/**
 * One exportable page: `kind` is the Chinese file name prefix (账龄分析),
 * `slug` the ASCII fallback name, and `build` calls the page's procedures
 * with the page's parsed search parameters.
 */
export interface ExportDefinition {
  kind: string;
  slug: string;
  build(caller: Caller, params: SearchParams): Promise<BuiltExport>;
}

/**
 * A request the export cannot serve because of its parameters, such as an
 * unknown grouping. The route returns 400 with the message.
 */
export class ExportRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportRequestError";
  }
}

interface Option {
  id: number;
  name: string;
}

/** Builds a note line "label：name of the option whose id is `id`", or none when no filter is set. */
export function filterLine(label: string, options: readonly Option[], id: number | null | undefined): string[] {
  if (id === undefined || id === null) return [];
  const name = options.find((option) => option.id === id)?.name ?? `编号 ${id}`;
  return [`${label}：${name}`];
}

/** Builds a note line "label：value" when the value is set. */
export function valueLine(label: string, value: string | null | undefined): string[] {
  return value ? [`${label}：${value}`] : [];
}

/** Converts basis points (10000 = 100%) to a ratio, or null without a base. */
export function ratioFromBasisPoints(basisPoints: number | null): number | null {
  return basisPoints === null ? null : basisPoints / 10_000;
}
