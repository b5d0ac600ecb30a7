import type { Kysely } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A note per calendar month explaining its revenue (e.g. 春节), shown on the
 * business trend chart. `month` is 'YYYY-MM'.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("month_annotation")
    .addColumn("month", "text", (column) => column.primaryKey())
    .addColumn("note", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addColumn("updated_by", "text", (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("month_annotation").execute();
}
