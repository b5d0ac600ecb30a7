import type { Db } from "..";
import type { Clock } from "../../server/clock";
import { recordOperatingCost } from "../../server/services/operating-costs";
import type { DemoMonth } from "./demo-contracts";
import { Random } from "./demo-random";

/** Yuan to fen, for the round amounts below. */
const YUAN = 100;

/**
 * One month's operating costs of the demo agency: rent and salaries every
 * month, media purchases with the outdoor season, and smaller items. Salaries
 * step up over the last four months (new hires) while revenue does not, so
 * the cash-flow page has a cost-divergence warning to show.
 */
function monthCosts(month: DemoMonth, random: Random): { category: string; day: number; amount: number; note: string }[] {
  const hiring = month.monthsAgo <= 3 ? 1.25 : 1;
  const growth = 1 + (23 - month.monthsAgo) * 0.01;
  const outdoorSeason = month.month >= 6 && month.month <= 10 ? 1.5 : 1;
  const costs = [
    { category: "房租", day: 5, amount: 45_000 * YUAN, note: "漕溪北路办公室租金" },
    { category: "人工", day: 10, amount: Math.round(260_000 * growth * hiring) * YUAN, note: "员工工资及社保" },
    { category: "媒体采购", day: 12, amount: Math.round(random.int(300, 650) * 1_000 * outdoorSeason) * YUAN, note: "户外媒体位租赁款" },
    { category: "制作材料", day: 18, amount: random.int(8, 30) * 1_000 * YUAN, note: "喷绘、灯箱制作材料" },
    { category: "差旅", day: 22, amount: random.int(30, 120) * 100 * YUAN, note: "外地客户拜访差旅" },
    { category: "税费", day: 15, amount: random.int(15, 40) * 1_000 * YUAN, note: "增值税及附加" },
    { category: "其他", day: 25, amount: random.int(20, 80) * 100 * YUAN, note: "办公用品、快递" },
  ];
  if (month.month === 1) {
    costs.push({ category: "人工", day: 20, amount: 120_000 * YUAN, note: "年终奖" });
  }
  return costs;
}

/** Records the demo's operating costs for every month up to today. */
export async function seedDemoCosts(db: Db, clock: Clock, months: readonly DemoMonth[], seed: number): Promise<number> {
  const categories = await db.selectFrom("cost_category").select(["id", "name"]).execute();
  const categoryId = new Map(categories.map((category) => [category.name, category.id]));
  const random = new Random(seed);
  let count = 0;

  for (const month of months) {
    for (const cost of monthCosts(month, random)) {
      const paidOn = `${month.start.slice(0, 8)}${String(cost.day).padStart(2, "0")}`;
      const id = categoryId.get(cost.category);
      if (paidOn > month.end || id === undefined) continue;

      await recordOperatingCost(db, { paidOn, categoryId: id, amount: cost.amount, note: cost.note }, clock.today(), clock.nowIso());
      count += 1;
    }
  }
  return count;
}
