import { type Kysely, sql } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

const DEFAULT_REASONS = [
  "对设计/制作不满意",
  "对服务不满意",
  "资金紧张",
  "内部审批流程中",
  "经办人变动",
  "金额有争议",
  "恶意拖欠",
  "其他",
];

/**
 * Collection work: the contact log (催收记录) with its list of reasons for
 * not paying, promises to pay (承诺付款) and disputes (有争议) on
 * installments. Nothing here is deleted: contacts and promises are voided
 * with a reason, disputes are resolved with a note.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("collection_reason")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("name", "text", (column) => column.notNull().unique())
    .addColumn("sort_order", "integer", (column) => column.notNull())
    .addColumn("active", "integer", (column) => column.notNull().defaultTo(1))
    .execute();
  await db
    .insertInto("collection_reason")
    .values(DEFAULT_REASONS.map((name, index) => ({ name, sort_order: (index + 1) * 10, active: 1 })))
    .execute();

  await db.schema
    .createTable("collection_contact")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("client_id", "integer", (column) => column.notNull().references("client.id"))
    .addColumn("contract_id", "integer", (column) => column.references("contract.id"))
    .addColumn("contacted_at", "text", (column) => column.notNull())
    .addColumn("channel", "text", (column) => column.notNull())
    .addColumn("person", "text", (column) => column.notNull())
    .addColumn("staff_id", "integer", (column) => column.references("staff.id"))
    .addColumn("outcome", "text", (column) => column.notNull().defaultTo(""))
    .addColumn("reason_id", "integer", (column) => column.references("collection_reason.id"))
    .addColumn("next_follow_up_on", "text")
    .addColumn("created_by_id", "text")
    .addColumn("created_by_name", "text", (column) => column.notNull())
    .addColumn("recorded_on", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addColumn("voided_at", "text")
    .addColumn("void_reason", "text")
    .execute();
  await db.schema
    .createIndex("collection_contact_client")
    .on("collection_contact")
    .columns(["client_id", "contacted_at"])
    .execute();

  await db.schema
    .createTable("payment_promise")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("client_id", "integer", (column) => column.notNull().references("client.id"))
    .addColumn("contract_id", "integer", (column) => column.references("contract.id"))
    .addColumn("contact_id", "integer", (column) => column.references("collection_contact.id"))
    .addColumn("amount", "integer", (column) => column.notNull().check(sql`amount > 0`))
    .addColumn("promised_on", "text", (column) => column.notNull())
    .addColumn("made_on", "text", (column) => column.notNull())
    .addColumn("note", "text", (column) => column.notNull().defaultTo(""))
    .addColumn("created_by_id", "text")
    .addColumn("created_by_name", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("voided_at", "text")
    .addColumn("void_reason", "text")
    .execute();
  await db.schema
    .createIndex("payment_promise_client")
    .on("payment_promise")
    .columns(["client_id", "promised_on"])
    .execute();

  await db.schema
    .createTable("installment_dispute")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("installment_id", "integer", (column) => column.notNull().references("installment.id"))
    .addColumn("reason", "text", (column) => column.notNull())
    .addColumn("opened_on", "text", (column) => column.notNull())
    .addColumn("opened_by_name", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("resolved_on", "text")
    .addColumn("resolution_note", "text")
    .addColumn("resolved_by_name", "text")
    .addColumn("resolved_at", "text")
    .execute();
  // At most one open dispute per installment.
  await db.schema
    .createIndex("installment_dispute_open")
    .on("installment_dispute")
    .column("installment_id")
    .unique()
    .where(sql.ref("resolved_at"), "is", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("installment_dispute").execute();
  await db.schema.dropTable("payment_promise").execute();
  await db.schema.dropTable("collection_contact").execute();
  await db.schema.dropTable("collection_reason").execute();
}
