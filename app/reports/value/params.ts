import { param, type SearchParams } from "../../lib/params";

/** Reads the input of value.ranking from the value page's URL, shared by the page and its export. */
export function valueInput(params: SearchParams) {
  return {
    from: param(params, "from"),
    to: param(params, "to"),
    // An unknown sortBy goes through so the procedure rejects it with a message.
    sortBy: param(params, "sortBy") as "revenue" | undefined,
  };
}
