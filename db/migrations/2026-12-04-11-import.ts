import type { Kysely } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Spreadsheet import: saved column mappings (presets), one record per
 * uploaded file and its confirmed import, and the keys of imported rows that
 * let a second import of the same file recognise what it already wrote.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("import_preset")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("name", "text", (column) => column.notNull().unique())
    .addColumn("entity", "text", (column) => column.notNull())
    .addColumn("mapping", "text", (column) => column.notNull())
    .addColumn("date_order", "text", (column) => column.notNull().defaultTo("ymd"))
    .addColumn("created_by", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("import_record")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("upload_id", "text", (column) => column.notNull().unique())
    .addColumn("file_name", "text", (column) => column.notNull())
    .addColumn("file_hash", "text", (column) => column.notNull())
    .addColumn("file_size", "integer", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("entity", "text")
    .addColumn("preset", "text")
    .addColumn("row_count", "integer")
    .addColumn("counts", "text")
    .addColumn("uploaded_by", "text", (column) => column.notNull())
    .addColumn("uploaded_at", "text", (column) => column.notNull())
    .addColumn("imported_by", "text")
    .addColumn("imported_at", "text")
    .execute();
  await db.schema.createIndex("import_record_hash_idx").on("import_record").column("file_hash").execute();

  await db.schema
    .createTable("import_key")
    .addColumn("entity", "text", (column) => column.notNull())
    .addColumn("key", "text", (column) => column.notNull())
    .addColumn("record_id", "integer", (column) => column.notNull())
    .addColumn("import_id", "integer", (column) => column.notNull().references("import_record.id"))
    .addPrimaryKeyConstraint("import_key_pk", ["entity", "key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("import_key").execute();
  await db.schema.dropTable("import_record").execute();
  await db.schema.dropTable("import_preset").execute();
}
