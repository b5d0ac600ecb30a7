import { sql } from "kysely";

import type { Db } from "../../db";
import type { ClientScope } from "../permissions";
import { basisPoints, compareNames } from "./analytics-value";

/** Month key 'YYYY-MM' of a 'YYYY-MM-DD' column; substr works on SQLite and PostgreSQL alike. */
function monthOf(column: "k.signed_on") {
  return sql<string>`substr(${sql.ref(column)}, 1, 7)`;
}

/** Whether `value` is a real calendar month written 'YYYY-MM' (years 1900–2999). */
export function isMonthKey(value: string): boolean {
  return /^(19|2\d)\d\d-(0[1-9]|1[0-2])$/.test(value);
}

/** Shifts a 'YYYY-MM' month by `months` (negative for earlier months). */
export function shiftMonth(month: string, months: number): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + months;
  const shiftedYear = Math.floor(index / 12);
  return `${shiftedYear}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Lists every month from `from` to `to` inclusive, so months without revenue appear too. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

/** Change from `base` to `value` in basis points of `base`; null when the base is 0. */
export function changeBasisPoints(value: number, base: number): number | null {
  if (base === 0) return null;
  const change = value - base;
  const magnitude = basisPoints(Math.abs(change), base);
  return change < 0 ? -magnitude : magnitude;
}

/** Whether |value − base| exceeds `thresholdPercent` of base, compared in integers; never for a base of 0. */
export function exceedsThreshold(value: number, base: number, thresholdPercent: number): boolean {
  if (base <= 0) return false;
  return Math.abs(value - base) * 100 > thresholdPercent * base;
}

interface MonthlyRevenue {
  month: string;
  businessTypeId: number;
  revenue: number;
}

/** Revenue of contracts signed in months [from, to] per month and business type, summed in SQL. */
async function monthlyRevenue(db: Db, from: string, to: string, scope: ClientScope): Promise<MonthlyRevenue[]> {
  let query = db
    .selectFrom("contract as k")
    .innerJoin("client as c", "c.id", "k.client_id")
    .select((eb) => [
      monthOf("k.signed_on").as("month"),
      "k.business_type_id as businessTypeId",
      eb.fn.sum<number>("k.total_amount").as("revenue"),
    ])
    .where("k.signed_on", ">=", `${from}-01`)
    .where("k.signed_on", "<", `${shiftMonth(to, 1)}-01`)
    .groupBy([monthOf("k.signed_on"), "k.business_type_id"]);
  if (scope.accountManagerId !== null) query = query.where("c.account_manager_id", "=", scope.accountManagerId);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, revenue: Number(row.revenue) }));
}

export interface TrendMonth {
  month: string;
  /** Revenue per business type id, in fen; types without revenue that month are absent. */
  byBusinessType: Record<number, number>;
  total: number;
  previousMonthTotal: number;
  lastYearTotal: number;
  /** Sum of the three months before this one, in fen (their average is a third of it). */
  trailingThreeTotal: number;
  monthOnMonthBasisPoints: number | null;
  yearOnYearBasisPoints: number | null;
  /** Change from the trailing three-month average, in basis points of that average. */
  trailingChangeBasisPoints: number | null;
  /** Why the month is unusual: "yoy", "trailing" or both; empty when it is not. */
  unusual: ("yoy" | "trailing")[];
  note: string | null;
}

export interface PeriodTotal {
  /** '2026' for a year, '2026-Q1' for a quarter. */
  period: string;
  total: number;
  /** Months of the period inside the range; fewer than 3 (or 12) makes it a partial total. */
  monthCount: number;
}

export interface SpringFestivalRow {
  year: number;
  /** January plus February revenue of the year and of the year before, in fen. */
  total: number;
  lastYearTotal: number;
  changeBasisPoints: number | null;
}

export interface TrendReport {
  from: string;
  to: string;
  thresholdPercent: number;
  businessTypes: { id: number; name: string }[];
  months: TrendMonth[];
  quarters: PeriodTotal[];
  years: PeriodTotal[];
  springFestival: SpringFestivalRow[];
}

/**
 * Monthly revenue (contracts by signing month) for months [from, to] per
 * business type, with month-on-month, year-on-year and trailing changes.
 * A month is unusual when |YoY change| or its change from the average of
 * the three months before exceeds `thresholdPercent`; a base of 0 never
 * flags.
 */
export async function revenueTrend(
  db: Db,
  options: { from: string; to: string; thresholdPercent: number; scope: ClientScope },
): Promise<TrendReport> {
  const { from, to, thresholdPercent } = options;
  // Twelve months before the range give the YoY and trailing bases of its first months.
  const revenue = await monthlyRevenue(db, shiftMonth(from, -12), to, options.scope);
  const totals = new Map<string, number>();
  for (const row of revenue) totals.set(row.month, (totals.get(row.month) ?? 0) + row.revenue);
  const totalOf = (month: string) => totals.get(month) ?? 0;
  const notes = await annotationsBetween(db, from, to);
  const months = monthRange(from, to);

  const trendMonths = months.map((month): TrendMonth => {
    const total = totalOf(month);
    const previousMonthTotal = totalOf(shiftMonth(month, -1));
    const lastYearTotal = totalOf(shiftMonth(month, -12));
    const trailingThreeTotal = [1, 2, 3].reduce((sum, back) => sum + totalOf(shiftMonth(month, -back)), 0);
    const unusual: TrendMonth["unusual"] = [];
    if (exceedsThreshold(total, lastYearTotal, thresholdPercent)) unusual.push("yoy");
    // Against the average a third of the trailing sum, so both sides are scaled by 3.
    if (exceedsThreshold(total * 3, trailingThreeTotal, thresholdPercent)) unusual.push("trailing");
    return {
      month,
      byBusinessType: Object.fromEntries(
        revenue.filter((row) => row.month === month).map((row) => [row.businessTypeId, row.revenue]),
      ),
      total,
      previousMonthTotal,
      lastYearTotal,
      trailingThreeTotal,
      monthOnMonthBasisPoints: changeBasisPoints(total, previousMonthTotal),
      yearOnYearBasisPoints: changeBasisPoints(total, lastYearTotal),
      trailingChangeBasisPoints: changeBasisPoints(total * 3, trailingThreeTotal),
      unusual,
      note: notes.get(month) ?? null,
    };
  });

  const typeIds = new Set(
    revenue.filter((row) => row.month >= from && row.month <= to).map((row) => row.businessTypeId),
  );
  const businessTypes = (await db.selectFrom("business_type").select(["id", "name"]).orderBy("id").execute()).filter(
    (type) => typeIds.has(type.id),
  );

  return {
    from,
    to,
    thresholdPercent,
    businessTypes,
    months: trendMonths,
    quarters: periodTotals(trendMonths, quarterOf),
    years: periodTotals(trendMonths, (month) => month.slice(0, 4)),
    springFestival: springFestival(months, totalOf),
  };
}

function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

function periodTotals(months: readonly TrendMonth[], periodOf: (month: string) => string): PeriodTotal[] {
  const periods = new Map<string, PeriodTotal>();
  for (const { month, total } of months) {
    const key = periodOf(month);
    const period = periods.get(key) ?? { period: key, total: 0, monthCount: 0 };
    period.total += total;
    period.monthCount += 1;
    periods.set(key, period);
  }
  return [...periods.values()];
}

/** January plus February per year whose January and February both lie in the range. */
function springFestival(months: readonly string[], totalOf: (month: string) => number): SpringFestivalRow[] {
  const years = [...new Set(months.map((month) => Number(month.slice(0, 4))))].filter(
    (year) => months.includes(`${year}-01`) && months.includes(`${year}-02`),
  );
  return years.map((year) => {
    const total = totalOf(`${year}-01`) + totalOf(`${year}-02`);
    const lastYearTotal = totalOf(`${year - 1}-01`) + totalOf(`${year - 1}-02`);
    return { year, total, lastYearTotal, changeBasisPoints: changeBasisPoints(total, lastYearTotal) };
  });
}

async function annotationsBetween(db: Db, from: string, to: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("month_annotation")
    .select(["month", "note"])
    .where("month", ">=", from)
    .where("month", "<=", to)
    .execute();
  return new Map(rows.map((row) => [row.month, row.note]));
}

export interface Contribution {
  id: number;
  name: string;
  total: number;
  lastYearTotal: number;
  /** total − lastYearTotal, in fen. */
  change: number;
}

export interface MonthDrillDown {
  month: string;
  lastYearMonth: string;
  total: number;
  lastYearTotal: number;
  change: number;
  note: string | null;
  /** Largest absolute change first; each list's changes sum to `change`. */
  businessTypes: Contribution[];
  clients: Contribution[];
}

/**
 * Splits the change of `month` against the same month a year before by
 * business type and by client, largest absolute change first.
 */
export async function monthDrillDown(db: Db, month: string, scope: ClientScope): Promise<MonthDrillDown> {
  const lastYearMonth = shiftMonth(month, -12);
  let query = db
    .selectFrom("contract as k")
    .innerJoin("client as c", "c.id", "k.client_id")
    .innerJoin("business_type as t", "t.id", "k.business_type_id")
    .select((eb) => [
      monthOf("k.signed_on").as("month"),
      "c.id as clientId",
      "c.name as clientName",
      "t.id as businessTypeId",
      "t.name as businessTypeName",
      eb.fn.sum<number>("k.total_amount").as("revenue"),
    ])
    .where(monthOf("k.signed_on"), "in", [month, lastYearMonth])
    .groupBy([monthOf("k.signed_on"), "c.id", "c.name", "t.id", "t.name"]);
  if (scope.accountManagerId !== null) query = query.where("c.account_manager_id", "=", scope.accountManagerId);
  const rows = (await query.execute()).map((row) => ({ ...row, revenue: Number(row.revenue) }));

  const contributions = (idOf: (row: (typeof rows)[number]) => number, nameOf: (row: (typeof rows)[number]) => string) => {
    const byId = new Map<number, Contribution>();
    for (const row of rows) {
      const entry = byId.get(idOf(row)) ?? { id: idOf(row), name: nameOf(row), total: 0, lastYearTotal: 0, change: 0 };
      if (row.month === month) entry.total += row.revenue;
      else entry.lastYearTotal += row.revenue;
      entry.change = entry.total - entry.lastYearTotal;
      byId.set(entry.id, entry);
    }
    return [...byId.values()].sort(
      (a, b) => Math.abs(b.change) - Math.abs(a.change) || compareNames(a.name, b.name) || a.id - b.id,
    );
  };
  const businessTypes = contributions((row) => row.businessTypeId, (row) => row.businessTypeName);
  const clients = contributions((row) => row.clientId, (row) => row.clientName);
  const total = businessTypes.reduce((sum, entry) => sum + entry.total, 0);
  const lastYearTotal = businessTypes.reduce((sum, entry) => sum + entry.lastYearTotal, 0);
  const note = await db.selectFrom("month_annotation").select("note").where("month", "=", month).executeTakeFirst();

  return { month, lastYearMonth, total, lastYearTotal, change: total - lastYearTotal, note: note?.note ?? null, businessTypes, clients };
}

/** Saves (or replaces) the note of `month`. */
export async function saveMonthAnnotation(
  db: Db,
  input: { month: string; note: string },
  user: { name: string },
  nowIso: string,
): Promise<void> {
  await db
    .insertInto("month_annotation")
    .values({ month: input.month, note: input.note, updated_at: nowIso, updated_by: user.name })
    .onConflict((conflict) =>
      conflict.column("month").doUpdateSet({ note: input.note, updated_at: nowIso, updated_by: user.name }),
    )
    .execute();
}

/** Removes the note of `month`; a month without a note is left as it is. */
export async function clearMonthAnnotation(db: Db, month: string): Promise<{ cleared: boolean }> {
  const result = await db.deleteFrom("month_annotation").where("month", "=", month).executeTakeFirst();
  return { cleared: Number(result.numDeletedRows) > 0 };
}
