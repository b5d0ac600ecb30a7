import { type Kysely, sql } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Credit control (信用管理) and on-time rewards (按时回款奖励): a credit limit
 * per client, the blacklist (拒绝合作) with who decided and why, the record
 * of each manager's override for a blacklisted client, and reward
 * redemptions. Earned rewards are computed from payments as of a date, so
 * only their use is stored. Entries are never deleted: a blacklist entry is
 * lifted and a redemption voided, each with a reason.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("client").addColumn("credit_limit", "integer").execute();

  await db.schema
    .createTable("client_blacklist")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("client_id", "integer", (column) => column.notNull().references("client.id"))
    .addColumn("reason", "text", (column) => column.notNull())
    .addColumn("decided_on", "text", (column) => column.notNull())
    .addColumn("decided_by_id", "text")
    .addColumn("decided_by_name", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("lifted_at", "text")
    .addColumn("lifted_by_name", "text")
    .addColumn("lift_reason", "text")
    .execute();
  await db.schema.createIndex("client_blacklist_client").on("client_blacklist").column("client_id").execute();

  await db.schema
    .createTable("credit_override")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("contract_id", "integer", (column) => column.notNull().references("contract.id"))
    .addColumn("reason", "text", (column) => column.notNull())
    .addColumn("warnings", "text", (column) => column.notNull())
    .addColumn("decided_by_id", "text")
    .addColumn("decided_by_name", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("credit_override_contract").on("credit_override").column("contract_id").execute();

  await db.schema
    .createTable("reward_redemption")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("client_id", "integer", (column) => column.notNull().references("client.id"))
    .addColumn("contract_id", "integer", (column) => column.references("contract.id"))
    .addColumn("amount", "integer", (column) => column.notNull().check(sql`amount > 0`))
    .addColumn("used_on", "text", (column) => column.notNull())
    .addColumn("note", "text", (column) => column.notNull().defaultTo(""))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("created_by_name", "text", (column) => column.notNull())
    .addColumn("voided_at", "text")
    .addColumn("void_reason", "text")
    .execute();
  await db.schema.createIndex("reward_redemption_client").on("reward_redemption").column("client_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reward_redemption").execute();
  await db.schema.dropTable("credit_override").execute();
  await db.schema.dropTable("client_blacklist").execute();
  await db.schema.alterTable("client").dropColumn("credit_limit").execute();
}
