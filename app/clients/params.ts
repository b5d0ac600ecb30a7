import { numberParam, param, type SearchParams } from "../lib/params";

/** Reads the input of clients.listWithBalances from the client list's URL, shared by the page and its export. */
export function clientListInput(params: SearchParams) {
  return { search: param(params, "q"), accountManagerId: numberParam(params, "accountManagerId") };
}
