/** Server-side ordering of the collection summary, read from `sort` and `dir`. */

export const SORT_KEYS = ["name", "clientCount", "contracted", "received", "outstanding", "overdue", "credit"] as const;

export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** One row of the summary table, whatever it is grouped by. Amounts in fen. */
export interface SummaryTableRow {
  key: string;
  name: string;
  href?: string;
  /** Account manager of a client, in the per-client view. */
  accountManagerName?: string | null;
  /** Clients of an account manager, in the per-manager view. */
  clientCount?: number;
  contracted: number;
  received: number;
  outstanding: number;
  overdue: number;
  credit: number;
}

/** Largest amount due first, as the procedures return rows. */
export const DEFAULT_SORT: SortOrder = { key: "outstanding", direction: "desc" };

/** Names sort A→Z first, and amounts and counts largest first. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === "name" ? "asc" : "desc";
}

/** Reads the order from the URL. Unknown values fall back to the default order. */
export function readSortOrder(sort: string | undefined, dir: string | undefined): SortOrder {
  const key = SORT_KEYS.find((candidate) => candidate === sort);
  if (!key) return DEFAULT_SORT;
  const direction = dir === "asc" || dir === "desc" ? dir : defaultDirection(key);
  return { key, direction };
}

/** Returns the order that a click on column `key` requests, flipping the current column. */
export function nextSortOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key !== key) return { key, direction: defaultDirection(key) };
  return { key, direction: current.direction === "asc" ? "desc" : "asc" };
}

/** Returns a sorted copy of `rows`, with ties broken by name so the order is stable. */
export function sortSummaryRows(rows: readonly SummaryTableRow[], order: SortOrder): SummaryTableRow[] {
  const sign = order.direction === "asc" ? 1 : -1;
  const byName = (a: SummaryTableRow, b: SummaryTableRow) => a.name.localeCompare(b.name, "zh-CN");

  return [...rows].sort((a, b) => {
    if (order.key === "name") return sign * byName(a, b);
    const difference = (a[order.key] ?? 0) - (b[order.key] ?? 0);
    return sign * difference || byName(a, b);
  });
}
