import { type Kysely, sql } from "kysely";

// Migrations are frozen in time: they import nothing from the application and
// take `Kysely<any>` so later schema changes do not break them.

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Adds an auto-numbered integer primary key named `id`. On PostgreSQL the
 * schema plugin (db/dialect/postgres-schema.ts) makes it a bigint identity.
 */
function withId(db: Kysely<any>, table: string) {
  return db.schema
    .createTable(table)
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, "staff")
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, "business_type")
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db
    .insertInto("business_type")
    .values(
      ["户外广告", "平面广告", "新媒体", "设计制作", "活动策划"].map(
        (name, index) => ({ name, sort_order: (index + 1) * 10 }),
      ),
    )
    .execute();

  await withId(db, "client")
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("contact_person", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("address", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("account_manager_id", "integer", (c) =>
      c.references("staff.id"),
    )
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await withId(db, "contract")
    .addColumn("client_id", "integer", (c) =>
      c.notNull().references("client.id"),
    )
    .addColumn("contract_no", "text", (c) => c.notNull().unique())
    .addColumn("business_type_id", "integer", (c) =>
      c.notNull().references("business_type.id"),
    )
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("signed_on", "text", (c) => c.notNull())
    .addColumn("service_start", "text")
    .addColumn("service_end", "text")
    .addColumn("total_amount", "bigint", (c) =>
      c.notNull().check(sql`total_amount > 0`),
    )
    .addColumn("media_cost", "bigint", (c) =>
      c.notNull().defaultTo(0).check(sql`media_cost >= 0`),
    )
    .addColumn("production_cost", "bigint", (c) =>
      c.notNull().defaultTo(0).check(sql`production_cost >= 0`),
    )
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex("contract_client_idx")
    .on("contract")
    .columns(["client_id", "signed_on"])
    .execute();

  await withId(db, "installment")
    .addColumn("contract_id", "integer", (c) =>
      c.notNull().references("contract.id"),
    )
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("paid_amount", "bigint", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`paid_amount >= 0 and paid_amount <= amount`),
    )
    .addUniqueConstraint("installment_contract_seq_unique", [
      "contract_id",
      "seq",
    ])
    .execute();
  // Open installments by due date: the reminder list and the allocation
  // path read only these, never the settled history.
  await db.schema
    .createIndex("installment_open_due_idx")
    .on("installment")
    .columns(["due_date", "contract_id"])
    .where(sql.ref("paid_amount"), "<", sql.ref("amount"))
    .execute();

  await withId(db, "payment")
    .addColumn("client_id", "integer", (c) =>
      c.notNull().references("client.id"),
    )
    .addColumn("received_on", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("bank_reference", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("contract_id", "integer", (c) => c.references("contract.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("reversed_at", "text")
    .addColumn("reversal_reason", "text")
    .execute();
  await db.schema
    .createIndex("payment_client_idx")
    .on("payment")
    .columns(["client_id", "received_on"])
    .execute();
  await db.schema
    .createIndex("payment_received_idx")
    .on("payment")
    .column("received_on")
    .execute();

  await withId(db, "allocation")
    .addColumn("payment_id", "integer", (c) =>
      c.notNull().references("payment.id"),
    )
    .addColumn("installment_id", "integer", (c) =>
      c.notNull().references("installment.id"),
    )
    .addColumn("amount", "bigint", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("reversed_at", "text")
    .execute();
  await db.schema
    .createIndex("allocation_installment_idx")
    .on("allocation")
    .column("installment_id")
    .execute();
  await db.schema
    .createIndex("allocation_payment_idx")
    .on("allocation")
    .column("payment_id")
    .execute();

  await db.schema
    .createTable("setting")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "setting",
    "allocation",
    "payment",
    "installment",
    "contract",
    "client",
    "business_type",
    "staff",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
