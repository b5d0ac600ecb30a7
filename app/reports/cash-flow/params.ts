import { numberParam, param, type SearchParams } from "../../lib/params";

/** Reads the input of costs.cashFlow from the cash-flow page's URL, shared by the page and its export. */
export function cashFlowInput(params: SearchParams) {
  return { from: param(params, "from"), to: param(params, "to"), divergencePoints: numberParam(params, "divergencePoints") };
}
