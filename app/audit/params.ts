import { param, type SearchParams } from "../lib/params";

/** Reads the input of audit.list from the operation log's URL, shared by the page and its export. */
export function auditListInput(params: SearchParams) {
  return { from: param(params, "from"), to: param(params, "to"), entity: param(params, "entity") };
}
