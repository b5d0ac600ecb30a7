import type { serverCaller } from "../../../server/context";
import { load } from "../../lib/errors";
import type { SummaryTableRow } from "./sorting";

export const GROUPINGS = [
  { value: "client", label: "按客户" },
  { value: "manager", label: "按业务员" },
  { value: "businessType", label: "按业务类型" },
] as const;

export type Grouping = (typeof GROUPINGS)[number]["value"];

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/** Input shared by reports.summary and the grouped summaries. */
export type SummaryInput = Parameters<Caller["reports"]["summary"]>[0];

type SummaryTotals = Awaited<ReturnType<Caller["reports"]["summary"]>>["totals"];

export interface SummaryView {
  asOf: string;
  from: string | null;
  rows: SummaryTableRow[];
  /**
   * Money received but not applied to any business type, shown after the
   * per-type rows. It is null in other views and with a business-type filter.
   */
  unapplied: SummaryTableRow | null;
  totals: SummaryTotals;
}

/**
 * Reads the grouping from the URL: the per-client view when absent, or null
 * when it is not one of GROUPINGS.
 */
export function readGrouping(value: string | undefined): Grouping | null {
  if (value === undefined) return "client";
  return GROUPINGS.find((grouping) => grouping.value === value)?.value ?? null;
}

function figures(row: SummaryTotals) {
  const { contracted, received, outstanding, overdue, credit } = row;
  return { contracted, received, outstanding, overdue, credit };
}

/** Loads the summary grouped by `grouping` as rows of one table shape, or the error message. */
export function loadSummaryView(
  caller: Caller,
  grouping: Grouping,
  input: SummaryInput,
  drillDownHref: (filter: { accountManagerId?: number; businessTypeId?: number }) => string,
) {
  return load(() => fetchSummaryView(caller, grouping, input, drillDownHref));
}

/** Fetches the summary grouped by `grouping` as rows of one table shape; procedure errors propagate. */
export async function fetchSummaryView(
  caller: Caller,
  grouping: Grouping,
  input: SummaryInput,
  drillDownHref: (filter: { accountManagerId?: number; businessTypeId?: number }) => string,
): Promise<SummaryView> {
  if (grouping === "manager") {
    const data = await caller.reports.summaryByManager(input);
    const rows = data.rows.map((row) => ({
      ...figures(row),
      key: String(row.accountManagerId),
      name: row.accountManagerName ?? "未分配业务员",
      clientCount: row.clientCount,
      href: row.accountManagerId === null ? undefined : drillDownHref({ accountManagerId: row.accountManagerId }),
    }));
    return { asOf: data.asOf, from: data.from, rows, unapplied: null, totals: data.totals };
  }

  if (grouping === "businessType") {
    const data = await caller.reports.summaryByBusinessType(input);
    const rows = data.rows.map((row) => ({
      ...figures(row),
      key: String(row.businessTypeId),
      name: row.businessTypeName,
      href: drillDownHref({ businessTypeId: row.businessTypeId }),
    }));
    const unapplied = data.unapplied && {
      key: "unapplied",
      name: "未核销回款（预收款）",
      contracted: 0,
      received: data.unapplied.received,
      outstanding: 0,
      overdue: 0,
      credit: data.unapplied.credit,
    };
    return { asOf: data.asOf, from: data.from, rows, unapplied, totals: data.totals };
  }

  const data = await caller.reports.summary(input);
  const rows = data.rows.map((row) => ({
    ...figures(row),
    key: String(row.client.id),
    name: row.client.name,
    href: `/clients/${row.client.id}`,
    accountManagerName: row.client.accountManagerName,
  }));
  return { asOf: data.asOf, from: data.from, rows, unapplied: null, totals: data.totals };
}
