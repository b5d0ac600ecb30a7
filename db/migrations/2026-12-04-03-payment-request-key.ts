import type { Kysely } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A key the submitting form sends with a payment, so the same submission
 * sent twice (double click, browser retry) records one payment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("payment").addColumn("request_key", "text").execute();
  // Unique where set; several payments may have none.
  await db.schema
    .createIndex("payment_request_key_unique")
    .on("payment")
    .column("request_key")
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("payment_request_key_unique").execute();
  await db.schema.alterTable("payment").dropColumn("request_key").execute();
}
