import { sql } from "kysely";

import type { Db } from "../../db";
import { badInput, notFound } from "../errors";
import { changeBasisPoints, monthRange, shiftMonth } from "./analytics-trend";

/** Month key 'YYYY-MM' of a 'YYYY-MM-DD' column; substr works on SQLite and PostgreSQL alike. */
function monthOf(column: "o.paid_on" | "p.received_on" | "k.signed_on") {
  return sql<string>`substr(${sql.ref(column)}, 1, 7)`;
}

export interface CostCategory {
  id: number;
  name: string;
  sortOrder: number;
  active: boolean;
}

export async function listCostCategories(db: Db): Promise<CostCategory[]> {
  const rows = await db.selectFrom("cost_category").selectAll().orderBy("sort_order").orderBy("id").execute();
  return rows.map((row) => ({ id: row.id, name: row.name, sortOrder: row.sort_order, active: row.active === 1 }));
}

export async function addCostCategory(db: Db, name: string): Promise<number> {
  const last = await db
    .selectFrom("cost_category")
    .select((eb) => eb.fn.max<number>("sort_order").as("last"))
    .executeTakeFirst();
  const row = await db
    .insertInto("cost_category")
    .values({ name, sort_order: Number(last?.last ?? 0) + 10, active: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface OperatingCost {
  id: number;
  paidOn: string;
  categoryId: number;
  categoryName: string;
  amount: number;
  note: string;
  createdAt: string;
  voidedAt: string | null;
  voidReason: string | null;
}

/** Costs paid in [from, to] (dates, either open), newest first, voided ones included and marked. */
export async function listOperatingCosts(
  db: Db,
  filter: { from: string | null; to: string | null; categoryId: number | null },
): Promise<{ costs: OperatingCost[]; liveTotal: number }> {
  let query = db
    .selectFrom("operating_cost as o")
    .innerJoin("cost_category as g", "g.id", "o.category_id")
    .select([
      "o.id",
      "o.paid_on as paidOn",
      "o.category_id as categoryId",
      "g.name as categoryName",
      "o.amount",
      "o.note",
      "o.created_at as createdAt",
      "o.voided_at as voidedAt",
      "o.void_reason as voidReason",
    ]);
  if (filter.from) query = query.where("o.paid_on", ">=", filter.from);
  if (filter.to) query = query.where("o.paid_on", "<=", filter.to);
  if (filter.categoryId !== null) query = query.where("o.category_id", "=", filter.categoryId);
  const costs = await query.orderBy("o.paid_on", "desc").orderBy("o.id", "desc").execute();
  const liveTotal = costs.reduce((sum, cost) => (cost.voidedAt === null ? sum + cost.amount : sum), 0);
  return { costs, liveTotal };
}

export async function recordOperatingCost(
  db: Db,
  input: { paidOn: string; categoryId: number; amount: number; note: string },
  today: string,
  nowIso: string,
): Promise<number> {
  if (input.paidOn > today) throw badInput("paidOn", `付款日期 ${input.paidOn} 晚于今天 ${today}，不能登记未来的成本`);
  const category = await db
    .selectFrom("cost_category")
    .select(["id", "active"])
    .where("id", "=", input.categoryId)
    .executeTakeFirst();
  if (!category) throw badInput("categoryId", `成本类别（编号 ${input.categoryId}）不存在`);
  const row = await db
    .insertInto("operating_cost")
    .values({
      paid_on: input.paidOn,
      category_id: input.categoryId,
      amount: input.amount,
      note: input.note,
      created_at: nowIso,
      voided_at: null,
      void_reason: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function voidOperatingCost(db: Db, costId: number, reason: string, nowIso: string): Promise<void> {
  const cost = await db.selectFrom("operating_cost").select(["id", "voided_at"]).where("id", "=", costId).executeTakeFirst();
  if (!cost) throw notFound("成本记录", costId);
  if (cost.voided_at !== null) throw badInput("costId", `成本记录（编号 ${costId}）已作废，不能重复作废`);
  await db
    .updateTable("operating_cost")
    .set({ voided_at: nowIso, void_reason: reason })
    .where("id", "=", costId)
    .execute();
}

export interface CashFlowMonth {
  month: string;
  cashIn: number;
  cashOut: number;
  net: number;
  cumulativeNet: number;
  /** Live costs per category id, in fen; categories without costs that month are absent. */
  byCategory: Record<number, number>;
}

export interface DivergenceWarning {
  month: string;
  /** Months m-2..m and the three before, as 'YYYY-MM'. */
  window: { from: string; to: string };
  previous: { from: string; to: string };
  costGrowthBasisPoints: number;
  revenueGrowthBasisPoints: number;
  /** Categories whose costs grew most between the windows, largest growth first (at most 3). */
  topCategories: { categoryId: number; name: string; growth: number }[];
}

export interface CashFlowReport {
  from: string;
  to: string;
  months: CashFlowMonth[];
  totals: { cashIn: number; cashOut: number; net: number };
  categories: { id: number; name: string; total: number }[];
  contractCosts: { businessTypeId: number; name: string; mediaCost: number; productionCost: number; total: number }[];
  divergencePoints: number;
  warnings: DivergenceWarning[];
}

async function monthlyCosts(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom("operating_cost as o")
    .select((eb) => [monthOf("o.paid_on").as("month"), "o.category_id as categoryId", eb.fn.sum<number>("o.amount").as("amount")])
    .where("o.voided_at", "is", null)
    .where("o.paid_on", ">=", `${from}-01`)
    .where("o.paid_on", "<", `${shiftMonth(to, 1)}-01`)
    .groupBy([monthOf("o.paid_on"), "o.category_id"])
    .execute();
  return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
}

async function monthlyCashIn(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom("payment as p")
    .select((eb) => [monthOf("p.received_on").as("month"), eb.fn.sum<number>("p.amount").as("amount")])
    .where("p.reversed_at", "is", null)
    .where("p.received_on", ">=", `${from}-01`)
    .where("p.received_on", "<", `${shiftMonth(to, 1)}-01`)
    .groupBy(monthOf("p.received_on"))
    .execute();
  return new Map(rows.map((row) => [row.month, Number(row.amount)]));
}

async function monthlyRevenue(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom("contract as k")
    .select((eb) => [monthOf("k.signed_on").as("month"), eb.fn.sum<number>("k.total_amount").as("amount")])
    .where("k.signed_on", ">=", `${from}-01`)
    .where("k.signed_on", "<", `${shiftMonth(to, 1)}-01`)
    .groupBy(monthOf("k.signed_on"))
    .execute();
  return new Map(rows.map((row) => [row.month, Number(row.amount)]));
}

/**
 * Tells whether cost growth exceeds revenue growth by more than `points`
 * percentage points, compared exactly in integers: (c−cp)/cp − (r−rp)/rp >
 * points/100. Never when either earlier window is 0.
 */
export function costsOutgrowRevenue(
  cost: number,
  previousCost: number,
  revenue: number,
  previousRevenue: number,
  points: number,
): boolean {
  if (previousCost <= 0 || previousRevenue <= 0) return false;
  const left =
    (BigInt(cost - previousCost) * BigInt(previousRevenue) - BigInt(revenue - previousRevenue) * BigInt(previousCost)) *
    100n;
  return left > BigInt(points) * BigInt(previousCost) * BigInt(previousRevenue);
}

/** Cash in and out per month of [from, to], the category split, contract costs and divergence warnings. */
export async function cashFlowReport(
  db: Db,
  params: { from: string; to: string; divergencePoints: number },
): Promise<CashFlowReport> {
  const { from, to, divergencePoints } = params;
  const earliest = shiftMonth(from, -5);
  const [costRows, cashIn, revenue, categoryList] = await Promise.all([
    monthlyCosts(db, earliest, to),
    monthlyCashIn(db, from, to),
    monthlyRevenue(db, earliest, to),
    listCostCategories(db),
  ]);
  const costOf = new Map<string, Map<number, number>>();
  for (const row of costRows) {
    const perCategory = costOf.get(row.month) ?? new Map<number, number>();
    perCategory.set(row.categoryId, (perCategory.get(row.categoryId) ?? 0) + row.amount);
    costOf.set(row.month, perCategory);
  }
  const monthCost = (month: string) => [...(costOf.get(month)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const windowSum = (last: string, value: (month: string) => number) =>
    [0, 1, 2].reduce((sum, back) => sum + value(shiftMonth(last, -back)), 0);

  let cumulativeNet = 0;
  const months: CashFlowMonth[] = monthRange(from, to).map((month) => {
    const inflow = cashIn.get(month) ?? 0;
    const outflow = monthCost(month);
    cumulativeNet += inflow - outflow;
    return {
      month,
      cashIn: inflow,
      cashOut: outflow,
      net: inflow - outflow,
      cumulativeNet,
      byCategory: Object.fromEntries(costOf.get(month) ?? []),
    };
  });

  const names = new Map(categoryList.map((category) => [category.id, category.name]));
  const categories = categoryList.map((category) => ({
    id: category.id,
    name: category.name,
    total: months.reduce((sum, month) => sum + (month.byCategory[category.id] ?? 0), 0),
  }));

  const warnings: DivergenceWarning[] = [];
  for (const month of months) {
    const last = month.month;
    const previousLast = shiftMonth(last, -3);
    const cost = windowSum(last, monthCost);
    const previousCost = windowSum(previousLast, monthCost);
    const revenueNow = windowSum(last, (m) => revenue.get(m) ?? 0);
    const revenueBefore = windowSum(previousLast, (m) => revenue.get(m) ?? 0);
    if (!costsOutgrowRevenue(cost, previousCost, revenueNow, revenueBefore, divergencePoints)) continue;
    const categoryWindow = (end: string, id: number) =>
      windowSum(end, (m) => costOf.get(m)?.get(id) ?? 0);
    const topCategories = categoryList
      .map((category) => ({
        categoryId: category.id,
        name: names.get(category.id) ?? "",
        growth: categoryWindow(last, category.id) - categoryWindow(previousLast, category.id),
      }))
      .filter((entry) => entry.growth > 0)
      .sort((a, b) => b.growth - a.growth || a.categoryId - b.categoryId)
      .slice(0, 3);
    warnings.push({
      month: last,
      window: { from: shiftMonth(last, -2), to: last },
      previous: { from: shiftMonth(last, -5), to: previousLast },
      costGrowthBasisPoints: changeBasisPoints(cost, previousCost) ?? 0,
      revenueGrowthBasisPoints: changeBasisPoints(revenueNow, revenueBefore) ?? 0,
      topCategories,
    });
  }

  const contractRows = await db
    .selectFrom("contract as k")
    .innerJoin("business_type as b", "b.id", "k.business_type_id")
    .select((eb) => [
      "b.id as businessTypeId",
      "b.name",
      eb.fn.sum<number>("k.media_cost").as("mediaCost"),
      eb.fn.sum<number>("k.production_cost").as("productionCost"),
    ])
    .where("k.signed_on", ">=", `${from}-01`)
    .where("k.signed_on", "<", `${shiftMonth(to, 1)}-01`)
    .groupBy(["b.id", "b.name", "b.sort_order"])
    .orderBy("b.sort_order")
    .execute();
  const contractCosts = contractRows.map((row) => {
    const mediaCost = Number(row.mediaCost);
    const productionCost = Number(row.productionCost);
    return { businessTypeId: row.businessTypeId, name: row.name, mediaCost, productionCost, total: mediaCost + productionCost };
  });

  const totals = months.reduce(
    (sum, month) => ({ cashIn: sum.cashIn + month.cashIn, cashOut: sum.cashOut + month.cashOut, net: sum.net + month.net }),
    { cashIn: 0, cashOut: 0, net: 0 },
  );
  return { from, to, months, totals, categories, contractCosts, divergencePoints, warnings };
}
