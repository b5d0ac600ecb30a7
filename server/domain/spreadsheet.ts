/**
 * Text that a spreadsheet would run as a formula when it opens an export:
 * a cell starting with = + - @, or with a tab or carriage return before one
 * (the CSV injection that OWASP describes).
 */
const FORMULA_START = /^[\t\r]*[=+\-@]/;

/**
 * Makes user text safe for a CSV or .xlsx text cell: text that would start a
 * formula gets a leading apostrophe, which spreadsheets show as plain text.
 * Numbers are exported as numbers and never pass through here.
 */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
