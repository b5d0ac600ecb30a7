/**
 * Parsers for PostgreSQL's 64-bit and decimal results. Money is integer fen
 * in BIGINT columns; COUNT returns BIGINT and SUM of BIGINT returns NUMERIC,
 * which node-postgres hands over as strings. These turn them into numbers
 * and throw rather than round when a value is beyond 2^53 - 1.
 */

const INTEGER_TEXT = /^-?\d+$/;

/** Parses a BIGINT column or COUNT result; throws above Number.MAX_SAFE_INTEGER. */
export function parseBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Database integer ${text} is outside the safe integer range of JavaScript`);
  }
  return value;
}

/**
 * Parses a NUMERIC result. An integer (SUM of money) is range-checked like
 * BIGINT. A fraction, which only AVG and division produce, becomes the
 * nearest double, as SQLite would return it.
 */
export function parseNumeric(text: string): number {
  if (INTEGER_TEXT.test(text)) return parseBigint(text);
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new RangeError(`Database number ${text} is not a finite number`);
  }
  return value;
}
