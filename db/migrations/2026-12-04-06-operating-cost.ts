import { type Kysely, sql } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

const CATEGORIES = ["房租", "人工", "媒体采购", "制作材料", "差旅", "税费", "其他"];

/**
 * Operating costs (运营成本) by category. Costs are money records: never
 * deleted, voided with a reason instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("cost_category")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("name", "text", (column) => column.notNull().unique())
    .addColumn("sort_order", "integer", (column) => column.notNull())
    .addColumn("active", "integer", (column) => column.notNull().defaultTo(1))
    .execute();
  await db
    .insertInto("cost_category")
    .values(CATEGORIES.map((name, index) => ({ name, sort_order: (index + 1) * 10, active: 1 })))
    .execute();
  await db.schema
    .createTable("operating_cost")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("paid_on", "text", (column) => column.notNull())
    .addColumn("category_id", "integer", (column) => column.notNull().references("cost_category.id"))
    .addColumn("amount", "integer", (column) => column.notNull().check(sql`amount > 0`))
    .addColumn("note", "text", (column) => column.notNull().defaultTo(""))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("voided_at", "text")
    .addColumn("void_reason", "text")
    .execute();
  await db.schema.createIndex("operating_cost_paid_on").on("operating_cost").column("paid_on").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("operating_cost").execute();
  await db.schema.dropTable("cost_category").execute();
}
