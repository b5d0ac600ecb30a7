import { type Kysely, sql } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Copies each installment's client onto the installment and indexes the
 * open installments by client, and again by due date, with every column
 * the balance queries read. The reminder list, the dashboard and aging then
 * sum open amounts per client from an index alone, without visiting a
 * contract row per installment, which at millions of installments was most
 * of their time (see docs/benchmarks.md). A contract never changes client,
 * so the copy cannot go stale, and every insert of an installment sets it.
 *
 * The other indexes here gain the columns their reports read, each with the
 * report named where it is created.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("installment")
    .addColumn("client_id", "integer", (column) => column.references("client.id"))
    .execute();
  await sql`update installment set client_id = (select c.client_id from contract c where c.id = installment.contract_id)`.execute(
    db,
  );
  await db.schema
    .createIndex("installment_open_client_idx")
    .on("installment")
    .columns(["client_id", "due_date", "amount", "paid_amount", "contract_id"])
    .where(sql.ref("paid_amount"), "<", sql.ref("amount"))
    .execute();
  // The same open rows by due date, now also holding the client and the
  // amounts, so the installments due in the next days are counted and
  // summed from the index alone.
  await db.schema.dropIndex("installment_open_due_idx").execute();
  await db.schema
    .createIndex("installment_open_due_idx")
    .on("installment")
    .columns(["due_date", "client_id", "contract_id", "amount", "paid_amount"])
    .where(sql.ref("paid_amount"), "<", sql.ref("amount"))
    .execute();
  // Installments by due date with their client and amount, and allocations
  // by installment with their payment and amount: the payment-speed ranking
  // reads a year of installments and every allocation to them from these
  // two indexes, visiting only the payment and contract rows.
  await db.schema.dropIndex("installment_due_idx").execute();
  await db.schema
    .createIndex("installment_due_idx")
    .on("installment")
    .columns(["due_date", "client_id", "contract_id", "amount"])
    .execute();
  await db.schema.dropIndex("allocation_installment_idx").execute();
  await db.schema
    .createIndex("allocation_installment_idx")
    .on("allocation")
    .columns(["installment_id", "reversed_at", "payment_id", "amount"])
    .execute();
  // Allocations by payment with what balances on a past date undo, so the
  // allocations of payments received after that date are read from the
  // index alone.
  await db.schema.dropIndex("allocation_payment_idx").execute();
  await db.schema
    .createIndex("allocation_payment_idx")
    .on("allocation")
    .columns(["payment_id", "reversed_at", "installment_id", "amount"])
    .execute();
  // Payments by date with the columns the monthly sums read (cash flow,
  // collected this month), so a year of receipts is summed from the index.
  await db.schema.dropIndex("payment_received_idx").execute();
  await db.schema
    .createIndex("payment_received_idx")
    .on("payment")
    .columns(["received_on", "reversed_at", "amount", "client_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("allocation_payment_idx").execute();
  await db.schema.createIndex("allocation_payment_idx").on("allocation").column("payment_id").execute();
  await db.schema.dropIndex("allocation_installment_idx").execute();
  await db.schema.createIndex("allocation_installment_idx").on("allocation").column("installment_id").execute();
  await db.schema.dropIndex("installment_due_idx").execute();
  await db.schema.createIndex("installment_due_idx").on("installment").columns(["due_date", "contract_id"]).execute();
  await db.schema.dropIndex("payment_received_idx").execute();
  await db.schema.createIndex("payment_received_idx").on("payment").column("received_on").execute();
  await db.schema.dropIndex("installment_open_due_idx").execute();
  await db.schema
    .createIndex("installment_open_due_idx")
    .on("installment")
    .columns(["due_date", "contract_id"])
    .where(sql.ref("paid_amount"), "<", sql.ref("amount"))
    .execute();
  await db.schema.dropIndex("installment_open_client_idx").execute();
  await db.schema.alterTable("installment").dropColumn("client_id").execute();
}
