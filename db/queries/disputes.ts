import type { ExpressionBuilder, Kysely } from "kysely";

import type { Database } from "../schema";

type Db = Kysely<Database>;

/**
 * Disputes (有争议) as of a calendar date. A dispute is open on `asOf` when
 * it was opened on or before that date and not resolved by then. Disputed
 * installments stay in every balance and report; only letters and automatic
 * reminders leave them out.
 */

/** Ids of the installments with a dispute open on `asOf`, optionally of one client. */
export async function openDisputedInstallmentIds(
  db: Db,
  asOf: string,
  filter: { clientId?: number | null } = {},
): Promise<Set<number>> {
  let query = db
    .selectFrom("installment_dispute as d")
    .select("d.installment_id as installmentId")
    .where((eb) => isOpenOn(eb, asOf));
  if (filter.clientId) {
    query = query
      .innerJoin("installment as i", "i.id", "d.installment_id")
      .innerJoin("contract as c", "c.id", "i.contract_id")
      .where("c.client_id", "=", filter.clientId);
  }
  const rows = await query.execute();
  return new Set(rows.map((row) => row.installmentId));
}

/** Condition on "d" (installment_dispute): the dispute is open on `asOf`. */
function isOpenOn(eb: ExpressionBuilder<Database & { d: Database["installment_dispute"] }, "d">, asOf: string) {
  return eb.and([
    eb("d.opened_on", "<=", asOf),
    eb.or([eb("d.resolved_on", "is", null), eb("d.resolved_on", ">", asOf)]),
  ]);
}

/**
 * Condition that the installment whose id is `installmentColumn` has no
 * dispute open on `asOf`, for `.where(...)` in queries over installments:
 *
 *   query.where((eb) => notDisputedOn(eb, "i.id", asOf))
 */
export function notDisputedOn<DB extends Database, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  installmentColumn: string,
  asOf: string,
) {
  const builder = eb as unknown as ExpressionBuilder<Database & { x: { id: number } }, "x">;
  return builder.not(
    builder.exists(
      builder
        .selectFrom("installment_dispute as d")
        .select("d.id")
        .where("d.installment_id", "=", builder.ref(installmentColumn as "x.id"))
        .where((inner) => isOpenOn(inner, asOf)),
    ),
  );
}
