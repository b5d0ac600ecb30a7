import type { Kysely } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The register of issued documents (文书登记): every letter, statement and
 * situation statement sent out, with its number and the frozen text it was
 * rendered from. Rows are never deleted, voided with a reason instead.
 * document_counter hands out the sequence numbers, one row per number
 * character (series) and year, so kinds that share a character share one
 * sequence and concurrent issuers serialise on that row. document_asset holds
 * images (the company seal) by content hash, so an issued document keeps
 * the seal it was printed with after the seal changes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("issued_document")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("year", "integer", (column) => column.notNull())
    .addColumn("seq", "integer", (column) => column.notNull())
    .addColumn("number", "text", (column) => column.notNull().unique())
    .addColumn("client_id", "integer", (column) => column.references("client.id"))
    .addColumn("as_of", "text", (column) => column.notNull())
    .addColumn("issued_at", "text", (column) => column.notNull())
    .addColumn("issued_by_id", "text")
    .addColumn("issued_by_name", "text", (column) => column.notNull())
    .addColumn("payload", "text", (column) => column.notNull())
    .addColumn("file_name", "text", (column) => column.notNull())
    .addColumn("voided_at", "text")
    .addColumn("void_reason", "text")
    .addColumn("voided_by_name", "text")
    .addUniqueConstraint("issued_document_kind_year_seq", ["kind", "year", "seq"])
    .execute();
  await db.schema.createIndex("issued_document_client").on("issued_document").column("client_id").execute();
  await db.schema
    .createIndex("issued_document_kind_year")
    .on("issued_document")
    .columns(["kind", "year"])
    .execute();

  await db.schema
    .createTable("document_counter")
    .addColumn("series", "text", (column) => column.notNull())
    .addColumn("year", "integer", (column) => column.notNull())
    .addColumn("last_seq", "integer", (column) => column.notNull())
    .addPrimaryKeyConstraint("document_counter_pk", ["series", "year"])
    .execute();

  await db.schema
    .createTable("document_asset")
    .addColumn("sha256", "text", (column) => column.primaryKey())
    .addColumn("media_type", "text", (column) => column.notNull())
    .addColumn("data_base64", "text", (column) => column.notNull())
    .addColumn("width", "integer", (column) => column.notNull())
    .addColumn("height", "integer", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("document_asset").execute();
  await db.schema.dropTable("document_counter").execute();
  await db.schema.dropTable("issued_document").execute();
}
