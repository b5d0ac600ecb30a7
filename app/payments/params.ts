import { param, type SearchParams } from "../lib/params";

/** Reads the input of payments.list from the payment list's URL, shared by the page and its export. */
export function paymentListInput(params: SearchParams) {
  return {
    from: param(params, "from"),
    to: param(params, "to"),
    search: param(params, "q"),
    includeReversed: param(params, "reversed") === "1",
  };
}
