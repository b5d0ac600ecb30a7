import { numberParam, param, type SearchParams } from "../../lib/params";

/** Reads the input of aging.report from the aging page's URL, shared by the page and its export. */
export function agingInput(params: SearchParams) {
  return {
    asOf: param(params, "asOf"),
    accountManagerId: numberParam(params, "accountManagerId"),
    businessTypeId: numberParam(params, "businessTypeId"),
  };
}
