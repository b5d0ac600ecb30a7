/**
 * Kinds of issued documents and their numbers (文号), e.g. 〔2026〕催字第012号:
 * the year in 〔〕, one character for the kind, 字第, the sequence within
 * kind and year with at least three digits, 号.
 */

export const DOCUMENT_KINDS = [
  "payment_reminder",
  "collection_demand",
  "final_notice",
  "statement",
  "situation_client",
  "situation_summary",
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The three levels of collection letter, mildest first. */
export const LETTER_LEVELS = ["payment_reminder", "collection_demand", "final_notice"] as const;

export type LetterLevel = (typeof LETTER_LEVELS)[number];

/** Character of each kind in the number; both situation statements share 说. */
export const KIND_CHARACTERS: Record<DocumentKind, string> = {
  payment_reminder: "提",
  collection_demand: "催",
  final_notice: "告",
  statement: "账",
  situation_client: "说",
  situation_summary: "说",
};

/** Chinese names of the kinds, as pages and file names show them. */
export const KIND_LABELS: Record<DocumentKind, string> = {
  payment_reminder: "付款提醒函",
  collection_demand: "催款函",
  final_notice: "最后催告函",
  statement: "对账单",
  situation_client: "情况说明（客户）",
  situation_summary: "情况说明（汇总）",
};

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export function isLetterLevel(value: unknown): value is LetterLevel {
  return typeof value === "string" && (LETTER_LEVELS as readonly string[]).includes(value);
}

/**
 * Formats a document number: formatDocumentNumber("collection_demand", 2026, 12)
 * is 〔2026〕催字第012号, and sequence 1234 prints all four digits. Throws a
 * RangeError for a year outside 1000–9999 or a sequence below 1.
 */
export function formatDocumentNumber(kind: DocumentKind, year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Document year must be a four-digit integer: ${year}`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new RangeError(`Document sequence must be a positive integer: ${seq}`);
  }
  return `〔${year}〕${KIND_CHARACTERS[kind]}字第${String(seq).padStart(3, "0")}号`;
}
