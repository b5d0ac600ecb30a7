import { numberParam, param, type SearchParams } from "../lib/params";

/** Days ahead that the reminder list looks when the URL gives none. */
export const DEFAULT_HORIZON_DAYS = 15;

/**
 * Reads the input of reports.reminders from the reminder list's URL, shared
 * by the page and its export. The export leaves out the pages and gets the
 * whole lists.
 */
export function remindersInput(params: SearchParams) {
  return {
    asOf: param(params, "asOf"),
    horizonDays: numberParam(params, "horizonDays") ?? DEFAULT_HORIZON_DAYS,
    accountManagerId: numberParam(params, "accountManagerId"),
    businessTypeId: numberParam(params, "businessTypeId"),
  };
}

/** Reads the pages of the two lists the reminder page shows from its URL. */
export function reminderPages(params: SearchParams) {
  return {
    clientsPage: pageOf(param(params, "page")),
    upcomingPage: pageOf(param(params, "upcomingPage")),
  };
}

/**
 * Reads a page number from the URL: a whole number is kept between 1 and
 * 100000 (the procedure shows the last page for one past the end), and
 * anything else means the first page.
 */
function pageOf(text: string | null | undefined): number {
  return text && /^\d+$/.test(text) ? Math.min(Math.max(Number(text), 1), 100_000) : 1;
}
