import { formatChineseDate, isCalendarDate } from "../server/domain/dates";

/**
 * Characters Windows, macOS or Linux reject in file names (/\:*?"<>|),
 * plus C0 and C1 control characters.
 */
const ILLEGAL_FILE_NAME_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/g;

/**
 * Maximum length of the client name in a file name, in characters. At three
 * UTF-8 bytes a character this keeps the whole name well under the 255-byte
 * limit of common file systems.
 */
const MAX_CLIENT_NAME_LENGTH = 60;

/**
 * Builds the download name of a document: 催款函_某某传媒有限公司_2026年12月4日.pdf.
 * Characters that file systems reject become "_", and leading or trailing
 * dots and spaces are removed. Throws a RangeError unless `date` is a
 * `YYYY-MM-DD` calendar date.
 */
export function documentFileName(kind: string, clientName: string, date: string): string {
  if (!isCalendarDate(date)) {
    throw new RangeError(`Document date must be a YYYY-MM-DD calendar date: ${date}`);
  }

  const client = sanitize(clientName).slice(0, MAX_CLIENT_NAME_LENGTH);
  const parts = [sanitize(kind), client, formatChineseDate(date)].filter(
    (part) => part !== "",
  );
  return `${parts.join("_")}.pdf`;
}

function sanitize(text: string): string {
  return text
    .replace(ILLEGAL_FILE_NAME_CHARACTERS, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
}

/**
 * Builds a Content-Disposition header value that makes browsers save the
 * response under `fileName` (RFC 6266). `filename*` carries the name in
 * UTF-8, percent-encoded as RFC 5987 requires, and current Chrome, Firefox,
 * Safari and Edge use it. `filename` is an ASCII fallback for older clients:
 * `fallbackName` when given (e.g. collection-letter-12-2026-12-04.pdf),
 * else the name with non-ASCII characters replaced.
 */
export function contentDisposition(fileName: string, fallbackName?: string): string {
  return (
    `attachment; filename="${asciiFallback(fallbackName ?? fileName)}"; ` +
    `filename*=UTF-8''${encodeRfc5987(fileName)}`
  );
}

/**
 * Keeps printable ASCII except the quote and backslash of a quoted string.
 * Other characters become "_", and runs of "_" collapse into one.
 */
function asciiFallback(fileName: string): string {
  return fileName.replace(/[^\x20-\x7e]|["\\]/g, "_").replace(/_+/g, "_");
}

/**
 * Percent-encodes UTF-8 bytes outside RFC 5987's attr-char set.
 * encodeURIComponent leaves ' ( ) * unencoded, which attr-char excludes.
 */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
