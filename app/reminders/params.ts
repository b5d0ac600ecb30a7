import { numberParam, param, type SearchParams } from "../lib/params";

/** Days ahead that the reminder list looks when the URL gives none. */
export const DEFAULT_HORIZON_DAYS = 15;

/** Reads the input of reports.reminders from the reminder list's URL, shared by the page and its export. */
export function remindersInput(params: SearchParams) {
  return {
    asOf: param(params, "asOf"),
    horizonDays: numberParam(params, "horizonDays") ?? DEFAULT_HORIZON_DAYS,
    accountManagerId: numberParam(params, "accountManagerId"),
    businessTypeId: numberParam(params, "businessTypeId"),
  };
}
