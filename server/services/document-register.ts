import type { Db } from "../../db";
import { inTransaction } from "../../db/transaction";
import type { AuditActor } from "../audit";
import { DEFAULT_TIME_ZONE } from "../clock";
import { dateInZone, isCalendarDate } from "../domain/dates";
import { type DocumentKind, formatDocumentNumber, KIND_CHARACTERS } from "../domain/document-number";
import { AppError, badInput, notFound } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";

/** Input of issueDocument; the frozen payload is stored with the number added. */
export interface IssueDocumentInput<P extends object> {
  kind: DocumentKind;
  clientId: number | null;
  /** 'YYYY-MM-DD' date of the figures in the document. */
  asOf: string;
  /** Facts and text exactly as rendered, without the number. */
  payload: P;
  /** Download name, e.g. 催款函_某某传媒有限公司_2026年12月4日.pdf. */
  fileName: string;
}

export interface IssuedDocumentResult<P extends object> {
  documentId: number;
  number: string;
  payload: P & { number: string };
}

/**
 * Records a document in the register and gives it the next number of its
 * kind in the issue year. The issue year is the year of `issuedOn`, the
 * clock's today (ctx.clock.today()); when omitted, it is the date of
 * `nowIso` in China time. It is not the year of the as-of date, so a letter
 * about 2026 issued in January 2027 is numbered 〔2027〕.
 *
 * Runs inside the caller's transaction when `db` is one. The sequence comes
 * from document_counter, whose row per number character and year is
 * updated in place, so both situation statement kinds (说字) share one
 * sequence. Concurrent issuers wait on that row (PostgreSQL) or on the
 * database lock (SQLite), and the unique number backs it up.
 */
export async function issueDocument<P extends object>(
  db: Db,
  input: IssueDocumentInput<P>,
  actor: AuditActor,
  nowIso: string,
  issuedOn: string = dateInZone(new Date(nowIso), DEFAULT_TIME_ZONE),
): Promise<IssuedDocumentResult<P>> {
  if (!isCalendarDate(input.asOf)) throw badInput("asOf", `文书日期 ${input.asOf} 不是有效日期`);
  const year = Number(issuedOn.slice(0, 4));

  return inTransaction(db, async (trx) => {
    const seq = await nextSequence(trx, input.kind, year);
    const number = formatDocumentNumber(input.kind, year, seq);
    const payload = { ...input.payload, number };
    const row = await trx
      .insertInto("issued_document")
      .values({
        kind: input.kind,
        year,
        seq,
        number,
        client_id: input.clientId,
        as_of: input.asOf,
        issued_at: nowIso,
        issued_by_id: actor.id,
        issued_by_name: actor.name,
        payload: JSON.stringify(payload),
        file_name: input.fileName,
        voided_at: null,
        void_reason: null,
        voided_by_name: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { documentId: row.id, number, payload };
  });
}

/** Takes the next sequence number of a kind's number character and year, creating its counter at 0 first. */
async function nextSequence(db: Db, kind: DocumentKind, year: number): Promise<number> {
  const series = KIND_CHARACTERS[kind];
  await db
    .insertInto("document_counter")
    .values({ series, year, last_seq: 0 })
    .onConflict((oc) => oc.columns(["series", "year"]).doNothing())
    .execute();
  const row = await db
    .updateTable("document_counter")
    .set((eb) => ({ last_seq: eb("last_seq", "+", 1) }))
    .where("series", "=", series)
    .where("year", "=", year)
    .returning("last_seq")
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

/**
 * Voids an issued document: the row and its number stay in the register,
 * marked with the time, the reason and the user's name. A document voided already is a conflict.
 */
export async function voidDocument(
  db: Db,
  id: number,
  reason: string,
  actor: AuditActor,
  nowIso: string,
  scope: ClientScope = ALL_CLIENTS,
): Promise<{ documentId: number; number: string }> {
  if (reason.trim() === "") throw badInput("reason", "请填写作废原因");
  const document = await getIssuedDocument(db, id, scope);
  if (document.voidedAt !== null) {
    throw new AppError("CONFLICT", `文书 ${document.number} 已于 ${document.voidedAt.slice(0, 10)} 作废，不能再次作废`);
  }

  const result = await db
    .updateTable("issued_document")
    .set({ voided_at: nowIso, void_reason: reason.trim(), voided_by_name: actor.name })
    .where("id", "=", id)
    .where("voided_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError("CONFLICT", `文书 ${document.number} 已被他人作废，不能再次作废`);
  }
  return { documentId: id, number: document.number };
}

export interface IssuedDocumentFilter {
  kind?: DocumentKind | null;
  clientId?: number | null;
  year?: number | null;
  /** "live" for documents in force, "voided" for voided ones, null for both. */
  status?: "live" | "voided" | null;
  /** Part of the number, e.g. 催字第012. */
  search?: string;
  limit?: number;
  offset?: number;
}

export interface IssuedDocumentSummary {
  id: number;
  kind: DocumentKind;
  year: number;
  seq: number;
  number: string;
  clientId: number | null;
  clientName: string | null;
  asOf: string;
  issuedAt: string;
  issuedByName: string;
  fileName: string;
  voidedAt: string | null;
  voidReason: string | null;
  voidedByName: string | null;
}

/** Lists issued documents, newest first, within the user's client scope. */
export async function listIssuedDocuments(
  db: Db,
  filter: IssuedDocumentFilter,
  scope: ClientScope = ALL_CLIENTS,
): Promise<{ rows: IssuedDocumentSummary[]; total: number }> {
  let query = db
    .selectFrom("issued_document as d")
    .leftJoin("client as c", "c.id", "d.client_id");
  if (filter.kind) query = query.where("d.kind", "=", filter.kind);
  if (filter.clientId) query = query.where("d.client_id", "=", filter.clientId);
  if (filter.year) query = query.where("d.year", "=", filter.year);
  if (filter.status === "live") query = query.where("d.voided_at", "is", null);
  if (filter.status === "voided") query = query.where("d.voided_at", "is not", null);
  if (filter.search) query = query.where("d.number", "like", `%${withoutWildcards(filter.search)}%`);
  if (scope.accountManagerId !== null) {
    query = query.where("c.account_manager_id", "=", scope.accountManagerId);
  }

  const count = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const rows = await query
    .select(SUMMARY_COLUMNS)
    .orderBy("d.issued_at", "desc")
    .orderBy("d.id", "desc")
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0)
    .execute();
  return { rows: rows.map(toSummary), total: Number(count.count) };
}

const SUMMARY_COLUMNS = [
  "d.id",
  "d.kind",
  "d.year",
  "d.seq",
  "d.number",
  "d.client_id",
  "c.name as client_name",
  "d.as_of",
  "d.issued_at",
  "d.issued_by_name",
  "d.file_name",
  "d.voided_at",
  "d.void_reason",
  "d.voided_by_name",
] as const;

type SummaryRow = {
  id: number;
  kind: string;
  year: number;
  seq: number;
  number: string;
  client_id: number | null;
  client_name: string | null;
  as_of: string;
  issued_at: string;
  issued_by_name: string;
  file_name: string;
  voided_at: string | null;
  void_reason: string | null;
  voided_by_name: string | null;
};

function toSummary(row: SummaryRow): IssuedDocumentSummary {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    year: row.year,
    seq: row.seq,
    number: row.number,
    clientId: row.client_id,
    clientName: row.client_name,
    asOf: row.as_of,
    issuedAt: row.issued_at,
    issuedByName: row.issued_by_name,
    fileName: row.file_name,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
    voidedByName: row.voided_by_name,
  };
}

/** Removes the LIKE wildcards % and _, which no document number contains. */
function withoutWildcards(text: string): string {
  return text.replace(/[\\%_]/g, "");
}

/**
 * Reads one issued document with its frozen payload (parsed JSON). A document of
 * a client outside `scope` is not found; documents with no client are seen
 * by every scope that may list the register.
 */
export async function getIssuedDocument(
  db: Db,
  id: number,
  scope: ClientScope = ALL_CLIENTS,
): Promise<IssuedDocumentSummary & { payload: Record<string, unknown> }> {
  const row = await db
    .selectFrom("issued_document as d")
    .leftJoin("client as c", "c.id", "d.client_id")
    .select([...SUMMARY_COLUMNS, "d.payload", "c.account_manager_id"])
    .where("d.id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("文书", id);
  if (scope.accountManagerId !== null && row.account_manager_id !== scope.accountManagerId) {
    throw notFound("文书", id);
  }
  return { ...toSummary(row), payload: JSON.parse(row.payload) as Record<string, unknown> };
}

/** Reads one issued document without its payload, for pages that show the register entry. */
export async function getIssuedDocumentSummary(
  db: Db,
  id: number,
  scope: ClientScope = ALL_CLIENTS,
): Promise<IssuedDocumentSummary> {
  const document: IssuedDocumentSummary & { payload?: unknown } = await getIssuedDocument(db, id, scope);
  delete document.payload;
  return document;
}

/** Issued letters of one client, newest first, for suggesting the next level. */
export async function lettersIssuedTo(db: Db, clientId: number) {
  return db
    .selectFrom("issued_document")
    .select(["kind", "as_of", "number", "voided_at"])
    .where("client_id", "=", clientId)
    .where("kind", "in", ["payment_reminder", "collection_demand", "final_notice"])
    .where("voided_at", "is", null)
    .orderBy("as_of", "desc")
    .orderBy("id", "desc")
    .execute();
}
