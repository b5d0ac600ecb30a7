import type { Stats } from "./measure";

/** One line of the results table. */
export interface ResultRow {
  group: "analytics" | "letters" | "import" | "pages";
  name: string;
  /** What was measured, e.g. the procedure and its input. */
  description: string;
  /** Null when not measured; `note` says why. */
  measured: Stats | null;
  /** The physical limit the figure is compared with, e.g. the same SQL on a prepared statement. */
  baseline: Stats | null;
  baselineLabel: string;
  /** Further figures: sizes, requests per second, memory. */
  extra: string;
  target: string;
  /** Whether the target was met; null when it was not measured or has no target. */
  met: boolean | null;
  note: string;
}

export function ratio(row: Pick<ResultRow, "measured" | "baseline">): number | null {
  if (!row.measured || !row.baseline || row.baseline.medianMs <= 0) return null;
  return row.measured.medianMs / row.baseline.medianMs;
}

export function notMeasured(
  group: ResultRow["group"],
  name: string,
  description: string,
  target: string,
  note: string,
): ResultRow {
  return { group, name, description, measured: null, baseline: null, baselineLabel: "", extra: "", target, met: null, note };
}
