/**
 * Money is an integer number of fen (分, 1/100 yuan) everywhere. These
 * helpers convert at the edges only: parsing what a user typed and
 * formatting what a user reads. No float ever holds an amount.
 */

/** Largest amount accepted anywhere: ¥10,000,000,000.00 (一百亿元). */
export const MAX_FEN = 1_000_000_000_000;

const YUAN_PATTERN = /^(\d{1,11})(?:\.(\d{1,2}))?$/;
/** Thousands separators only between groups of three: 1,234,567.89. */
const GROUPED_PATTERN = /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/;

/**
 * Parses a yuan amount as typed ("1234.5", "1,234.56", "¥1,234.56") into
 * fen, or returns null when it is not a plain non-negative amount with at
 * most two decimals. Works on the digits as text, so 0.1 + 0.2 errors
 * cannot occur.
 */
export function parseYuan(text: string): number | null {
  const unsigned = text.trim().replace(/^[¥￥]/, "").trim();
  if (unsigned.includes(",") && !GROUPED_PATTERN.test(unsigned)) return null;
  const match = YUAN_PATTERN.exec(unsigned.replace(/,/g, ""));
  if (!match) return null;

  const yuan = Number(match[1]);
  const fraction = (match[2] ?? "").padEnd(2, "0");
  const fen = yuan * 100 + Number(fraction);
  return fen <= MAX_FEN ? fen : null;
}

/** Formats fen as ¥1,234.56 (negative as -¥1,234.56). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  return `${sign}¥${formatYuanPlain(Math.abs(fen))}`;
}

/** Formats fen as 1,234.56 with no currency sign. */
export function formatYuanPlain(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, "0");
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}.${cents}`;
}

/** Formats fen for an input field: 1234.56, no grouping. */
export function fenToInput(fen: number): string {
  assertFen(fen);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

export function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) {
    throw new TypeError(`Amount in fen must be a safe integer: ${fen}`);
  }
}

/**
 * Splits `total` fen by whole-number percentages that sum to 100. Each share
 * is rounded down and the fen left over go to the last share, so the parts
 * always sum to the total exactly.
 */
export function splitByPercent(total: number, percents: number[]): number[] {
  assertFen(total);
  const percentSum = percents.reduce((sum, p) => sum + p, 0);
  if (percentSum !== 100) {
    throw new RangeError(`Percentages must sum to 100, got ${percentSum}`);
  }

  const shares = percents.map((p) => Math.floor((total * p) / 100));
  const assigned = shares.reduce((sum, share) => sum + share, 0);
  shares[shares.length - 1]! += total - assigned;
  return shares;
}
