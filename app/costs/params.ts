import { numberParam, param, type SearchParams } from "../lib/params";

/** Reads the input of costs.list from the cost list's URL, shared by the page and its export. */
export function costListInput(params: SearchParams) {
  const category = param(params, "categoryId");
  return {
    from: param(params, "from"),
    to: param(params, "to"),
    // A category that is not a number goes through as NaN so the procedure rejects it by name.
    categoryId: category ? (numberParam(params, "categoryId") ?? NaN) : null,
  };
}
