import { z } from "zod";

import { badInput } from "../errors";
import { canSeeCosts, type Role } from "../permissions";
import { isMonthKey, shiftMonth } from "../services/analytics-trend";
import {
  addCostCategory,
  cashFlowReport,
  listCostCategories,
  listOperatingCosts,
  recordOperatingCost,
  voidOperatingCost,
} from "../services/operating-costs";
import { procedure, router } from "../trpc";
import { date, fen, id, optionalDate, optionalId, text } from "../validation";

/**
 * Contract costs (媒体采购成本, 制作成本) only for roles that may see them
 * (canSeeCosts); other roles get null in their place.
 */
export function hideCosts<T extends { mediaCost: number; productionCost: number }>(
  contract: T,
  role: Role,
): Omit<T, "mediaCost" | "productionCost"> & { mediaCost: number | null; productionCost: number | null } {
  if (canSeeCosts(role)) return contract;
  return { ...contract, mediaCost: null, productionCost: null };
}

/**
 * Contract input with the costs a role may set: null, which keeps the stored
 * costs (0 on a new contract), for roles that may not see them.
 */
export function acceptCosts<T extends { mediaCost: number; productionCost: number }>(
  input: T,
  role: Role,
): Omit<T, "mediaCost" | "productionCost"> & { mediaCost: number | null; productionCost: number | null } {
  if (canSeeCosts(role)) return input;
  return { ...input, mediaCost: null, productionCost: null };
}

/** Validates a calendar month written YYYY-MM. */
function month(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .refine(isMonthKey, {
      error: (issue) =>
        `${label} "${String(issue.input).slice(0, 40)}" 不是有效月份，请按 YYYY-MM 填写，如 2026-02`,
    });
}

function optionalMonth(label: string) {
  return z
    .union([z.literal(""), z.null(), month(label)], {
      error: (issue) => `${label} "${String(issue.input).slice(0, 40)}" 不是有效月份，请按 YYYY-MM 填写`,
    })
    .optional()
    .transform((value) => value || null);
}

/** Maximum number of months in one cash-flow report. */
const MAX_MONTHS = 120;

/** Operating costs (运营成本) and the cash-flow report (成本与现金流). */
export const costsRouter = router({
  list: procedure
    .input(
      z.object({
        from: optionalDate("开始日期"),
        to: optionalDate("结束日期"),
        categoryId: optionalId("成本类别"),
      }),
    )
    .query(({ ctx, input }) => {
      if (input.from && input.to && input.from > input.to) {
        throw badInput("from", `开始日期 ${input.from} 晚于结束日期 ${input.to}`);
      }
      return listOperatingCosts(ctx.db, input);
    }),

  record: procedure
    .input(
      z.object({
        paidOn: date("付款日期"),
        categoryId: id("成本类别"),
        amount: fen("金额"),
        note: text("备注", { max: 200 }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const costId = await recordOperatingCost(ctx.db, input, ctx.clock.today(), ctx.clock.nowIso());
      ctx.audit.created("cost", costId);
      return { costId };
    }),

  void: procedure
    .input(z.object({ costId: id("成本记录"), reason: text("作废原因", { max: 200, required: true }) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("cost", input.costId);
      await voidOperatingCost(ctx.db, input.costId, input.reason, ctx.clock.nowIso());
      return { costId: input.costId };
    }),

  categories: procedure.query(({ ctx }) => listCostCategories(ctx.db)),

  addCategory: procedure
    .input(z.object({ name: text("类别名称", { max: 50, required: true }) }))
    .mutation(async ({ ctx, input }) => ({ categoryId: await addCostCategory(ctx.db, input.name) })),

  /** Cash in and out per month of [from, to], default the 12 months up to this one. */
  cashFlow: procedure
    .input(
      z.object({
        from: optionalMonth("开始月份"),
        to: optionalMonth("结束月份"),
        divergencePoints: z
          .number({ error: "背离阈值必须是数字（百分点）" })
          .int({ error: "背离阈值必须是整数百分点" })
          .min(0, { error: "背离阈值不能小于 0 个百分点" })
          .max(1000, { error: "背离阈值不能大于 1000 个百分点" })
          .default(10),
      }),
    )
    .query(({ ctx, input }) => {
      const to = input.to ?? ctx.clock.today().slice(0, 7);
      const from = input.from ?? shiftMonth(to, -11);
      if (from > to) throw badInput("from", `开始月份 ${from} 晚于结束月份 ${to}`);
      if (from < shiftMonth(to, -(MAX_MONTHS - 1))) {
        throw badInput("from", `开始月份 ${from} 到结束月份 ${to} 超过 ${MAX_MONTHS} 个月，请缩短范围`);
      }
      return cashFlowReport(ctx.db, { from, to, divergencePoints: input.divergencePoints });
    }),
});
