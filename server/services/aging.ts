import { sql } from "kysely";

import type { Db } from "../../db";
import { agingBucketSums, type BalanceFilter, openInstallmentRowsAsOf } from "../../db/queries/balances";
import { getAgingBuckets } from "./aging-settings";
import { agingDueDateRanges } from "./reports";

/**
 * Orders client names as localeCompare(…, "zh-CN") does. One collator serves
 * the whole sort, because localeCompare with a locale builds a collator per
 * comparison, which dominates sorting thousands of clients.
 */
const chineseCollator = new Intl.Collator("zh-CN");

export interface AgingClientRow {
  clientId: number;
  clientName: string;
  accountManagerName: string | null;
  /** Outstanding per bucket, in the order of `buckets`. */
  amounts: number[];
  outstanding: number;
}

/**
 * Outstanding per client on `asOf`, split into the configured aging buckets,
 * summed in SQL with one sum(case …) per bucket over the installments
 * still open on `asOf` (openInstallmentRowsAsOf).
 * Clients with nothing outstanding are left out.
 */
export async function agingReport(db: Db, asOf: string, filter: BalanceFilter = {}) {
  const buckets = await getAgingBuckets(db);
  const ranges = agingDueDateRanges(asOf, buckets);
  // Sums per client first and names the owing clients after, so the client
  // and staff rows are read once per client rather than once per installment.
  const sums = db
    .selectFrom((await openInstallmentRowsAsOf(db, asOf, filter)).as("x"))
    .select((eb) => [
      "x.client_id",
      eb.fn.sum<number>(sql<number>`x.amount - x.applied`).as("outstanding"),
      ...agingBucketSums(eb, ranges),
    ])
    .groupBy("x.client_id")
    .having(sql<boolean>`sum(x.amount - x.applied) > 0`);
  const rows = await db
    .selectFrom(sums.as("t"))
    .innerJoin("client as cl", "cl.id", "t.client_id")
    .leftJoin("staff as s", "s.id", "cl.account_manager_id")
    .selectAll("t")
    .select(["t.client_id as clientId", "cl.name as clientName", "s.name as accountManagerName"])
    .execute();

  const clients: AgingClientRow[] = rows
    .map((row) => {
      const values = row as Record<string, unknown>;
      return {
        clientId: row.clientId,
        clientName: row.clientName,
        accountManagerName: row.accountManagerName,
        amounts: buckets.map((_, index) => Number(values[`bucket${index}`] ?? 0)),
        outstanding: Number(row.outstanding),
      };
    })
    .sort((a, b) => b.outstanding - a.outstanding || chineseCollator.compare(a.clientName, b.clientName));

  const totals = buckets.map((_, index) => clients.reduce((sum, row) => sum + row.amounts[index]!, 0));
  const outstanding = clients.reduce((sum, row) => sum + row.outstanding, 0);
  return { asOf, buckets, clients, totals, outstanding };
}
