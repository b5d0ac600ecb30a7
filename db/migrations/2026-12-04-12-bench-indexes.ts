import type { Kysely } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Indexes for the reports at the scale of a large agency group (millions of
 * installments), found with the benchmark in bench/:
 * - installments by due date, for the payment-speed ranking, which reads
 *   the installments due in a 12-month window and the allocations to them;
 * - contracts by signing date with the columns the revenue reports sum
 *   (client-value ranking, monthly trend, cash flow), so a date range is
 *   read from the index alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("installment_due_idx").on("installment").columns(["due_date", "contract_id"]).execute();
  await db.schema
    .createIndex("contract_signed_idx")
    .on("contract")
    .columns(["signed_on", "client_id", "business_type_id", "total_amount", "media_cost", "production_cost"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("contract_signed_idx").execute();
  await db.schema.dropIndex("installment_due_idx").execute();
}
