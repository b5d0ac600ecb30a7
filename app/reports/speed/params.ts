import type { serverCaller } from "../../../server/context";
import { numberParam, param, type SearchParams } from "../../lib/params";

type Report = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["speed"]["ranking"]>>;
export type SpeedRow = Report["clients"][number];

/** Columns of the full table the user may sort by, with how each compares. */
export const SORTS = {
  late: { label: "加权逾期天数", value: (row: SpeedRow) => row.weightedDaysLate },
  onTime: { label: "按时付款比例", value: (row: SpeedRow) => row.onTimePercent },
  toPay: { label: "签约至付款天数", value: (row: SpeedRow) => row.daysToPay },
  overdue: { label: "当前逾期金额", value: (row: SpeedRow) => row.overdueNow },
  due: { label: "期内应收", value: (row: SpeedRow) => row.dueInPeriod },
} as const;
export type SortKey = keyof typeof SORTS;

/** Reads the input of speed.ranking from the speed page's URL, shared by the page and its export. */
export function speedInput(params: SearchParams) {
  return {
    from: param(params, "from"),
    asOf: param(params, "asOf"),
    accountManagerId: numberParam(params, "accountManagerId"),
    businessTypeId: numberParam(params, "businessTypeId"),
  };
}

/** Reads the table order from `sort` and `dir`: weighted days late, ascending, unless the URL names another. */
export function speedOrder(params: SearchParams): { sort: SortKey; descending: boolean } {
  const sort = param(params, "sort");
  return {
    sort: sort && Object.hasOwn(SORTS, sort) ? (sort as SortKey) : "late",
    descending: param(params, "dir") === "desc",
  };
}

/** Returns the ranked rows in the table's order; missing figures sort first, ties by name. */
export function sortSpeedRows(rows: readonly SpeedRow[], order: { sort: SortKey; descending: boolean }): SpeedRow[] {
  const value = SORTS[order.sort].value;
  return [...rows].sort((a, b) => {
    const difference = (value(a) ?? -Infinity) - (value(b) ?? -Infinity);
    return (order.descending ? -difference : difference) || a.clientName.localeCompare(b.clientName, "zh-CN");
  });
}
