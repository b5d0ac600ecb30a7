import { numberParam, param, type SearchParams } from "../../lib/params";
import { readSortOrder } from "./sorting";
import { readGrouping, type SummaryInput } from "./views";

/**
 * Reads the summary view from the summary page's URL, shared by the page and its
 * export: the procedure input, the grouping (null when groupBy is unknown)
 * and the table order.
 */
export function summaryParams(params: SearchParams) {
  const input: SummaryInput = {
    asOf: param(params, "asOf"),
    from: param(params, "from"),
    clientId: numberParam(params, "clientId"),
    accountManagerId: numberParam(params, "accountManagerId"),
    businessTypeId: numberParam(params, "businessTypeId"),
  };
  return {
    input,
    grouping: readGrouping(param(params, "groupBy")),
    order: readSortOrder(param(params, "sort"), param(params, "dir")),
  };
}
