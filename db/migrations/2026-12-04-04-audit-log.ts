import type { Kysely } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Audit trail: one row per change, written in the transaction of the change,
 * with who made it and the values before and after as JSON text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // On PostgreSQL the schema plugin (db/dialect/postgres-schema.ts) makes
  // this id a bigint identity.
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("client_id", "integer")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("request_id", "text")
    .execute();

  await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();
  await db.schema
    .createIndex("audit_log_entity_idx")
    .on("audit_log")
    .columns(["entity", "entity_id"])
    .execute();
  await db.schema.createIndex("audit_log_client_idx").on("audit_log").column("client_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_log").execute();
}
