import { numberParam, param, type SearchParams } from "../../lib/params";

/** Reads the input of trend.report from the trend page's URL, shared by the page and its export. */
export function trendInput(params: SearchParams) {
  return { from: param(params, "from"), to: param(params, "to"), thresholdPercent: numberParam(params, "thresholdPercent") };
}

/** The month whose drill-down the page shows, or undefined. */
export function drillDownMonth(params: SearchParams): string | undefined {
  return param(params, "month");
}
