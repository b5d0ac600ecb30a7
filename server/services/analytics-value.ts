import type { Db } from "../../db";
import type { ClientScope } from "../permissions";

/** Pareto class of a client by its place in the revenue ranking. */
export type ParetoClass = "A" | "B" | "C";

export interface ClientValueRow {
  clientId: number;
  clientName: string;
  /** Rank by revenue, 1-based; ties in revenue are ordered by client name. */
  revenueRank: number;
  contractCount: number;
  /** Total amount of the contracts signed in the period, in fen. */
  revenue: number;
  /** Media and production cost of those contracts, in fen; null when hidden. */
  cost: number | null;
  grossProfit: number | null;
  /** Revenue share and cumulative share in basis points (1/10000) of the total. */
  shareBasisPoints: number;
  cumulativeBasisPoints: number;
  paretoClass: ParetoClass;
}

export interface ClientValueReport {
  from: string;
  to: string;
  rows: ClientValueRow[];
  totals: { contractCount: number; revenue: number; cost: number | null; grossProfit: number | null };
}

/**
 * Classes a client by the revenue of the clients ranked before it: A while
 * that is under 80% of the total, B while under 95%, C otherwise. So the
 * client that crosses 80% is still A.
 */
export function paretoClass(revenueBefore: number, total: number): ParetoClass {
  if (revenueBefore * 100 < total * 80) return "A";
  if (revenueBefore * 100 < total * 95) return "B";
  return "C";
}

/** Share of `part` in `total` in basis points, rounded half up from integers. */
export function basisPoints(part: number, total: number): number {
  if (total === 0) return 0;
  return Math.floor((part * 10000 * 2 + total) / (total * 2));
}

/**
 * Revenue, cost and gross profit per client over the contracts signed in
 * [from, to], ranked by revenue with Pareto classes. Clients without a
 * contract signed in the period are not listed. Costs are null unless
 * `seesCosts`.
 */
export async function clientValueRanking(
  db: Db,
  options: { from: string; to: string; scope: ClientScope; seesCosts: boolean; sortBy: "revenue" | "profit" },
): Promise<ClientValueReport> {
  let query = db
    .selectFrom("contract as k")
    .innerJoin("client as c", "c.id", "k.client_id")
    .select((eb) => [
      "c.id as clientId",
      "c.name as clientName",
      eb.fn.countAll<number>().as("contractCount"),
      eb.fn.sum<number>("k.total_amount").as("revenue"),
      eb.fn.sum<number>(eb("k.media_cost", "+", eb.ref("k.production_cost"))).as("cost"),
    ])
    .where("k.signed_on", ">=", options.from)
    .where("k.signed_on", "<=", options.to)
    .groupBy(["c.id", "c.name"]);
  if (options.scope.accountManagerId !== null) {
    query = query.where("c.account_manager_id", "=", options.scope.accountManagerId);
  }
  const aggregates = await query.execute();

  const ranked = aggregates
    .map((row) => ({ ...row, contractCount: Number(row.contractCount), revenue: Number(row.revenue), cost: Number(row.cost) }))
    .sort((a, b) => b.revenue - a.revenue || compareNames(a.clientName, b.clientName) || a.clientId - b.clientId);
  const total = ranked.reduce((sum, row) => sum + row.revenue, 0);
  const totalCost = ranked.reduce((sum, row) => sum + row.cost, 0);

  let before = 0;
  const rows: ClientValueRow[] = ranked.map((row, index) => {
    const paretoClassOfRow = paretoClass(before, total);
    before += row.revenue;
    return {
      clientId: row.clientId,
      clientName: row.clientName,
      revenueRank: index + 1,
      contractCount: row.contractCount,
      revenue: row.revenue,
      cost: options.seesCosts ? row.cost : null,
      grossProfit: options.seesCosts ? row.revenue - row.cost : null,
      shareBasisPoints: basisPoints(row.revenue, total),
      cumulativeBasisPoints: basisPoints(before, total),
      paretoClass: paretoClassOfRow,
    };
  });
  if (options.sortBy === "profit" && options.seesCosts) {
    rows.sort((a, b) => (b.grossProfit ?? 0) - (a.grossProfit ?? 0) || a.revenueRank - b.revenueRank);
  }

  return {
    from: options.from,
    to: options.to,
    rows,
    totals: {
      contractCount: ranked.reduce((sum, row) => sum + row.contractCount, 0),
      revenue: total,
      cost: options.seesCosts ? totalCost : null,
      grossProfit: options.seesCosts ? total - totalCost : null,
    },
  };
}

/** Orders client names by code point, the same on every machine and locale. */
export function compareNames(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
