import { z } from "zod";

import { badInput } from "../errors";
import {
  clearMonthAnnotation,
  isMonthKey,
  monthDrillDown,
  revenueTrend,
  saveMonthAnnotation,
  shiftMonth,
} from "../services/analytics-trend";
import { procedure, router } from "../trpc";
import { text } from "../validation";

/** Maximum number of months in one trend report. */
const MAX_MONTHS = 120;

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

export const trendRouter = router({
  /** Monthly revenue for months [from, to], default the 24 months up to this one. */
  report: procedure
    .input(
      z.object({
        from: optionalMonth("开始月份"),
        to: optionalMonth("结束月份"),
        thresholdPercent: z
          .number({ error: "异常阈值必须是数字（百分比）" })
          .int({ error: "异常阈值必须是整数百分比" })
          .min(1, { error: "异常阈值不能小于 1%" })
          .max(1000, { error: "异常阈值不能大于 1000%" })
          .default(30),
      }),
    )
    .query(({ ctx, input }) => {
      const to = input.to ?? ctx.clock.today().slice(0, 7);
      const from = input.from ?? shiftMonth(to, -23);
      if (from > to) throw badInput("from", `开始月份 ${from} 晚于结束月份 ${to}`);
      if (from < shiftMonth(to, -(MAX_MONTHS - 1))) {
        throw badInput("from", `开始月份 ${from} 到结束月份 ${to} 超过 ${MAX_MONTHS} 个月，请缩短范围`);
      }
      return revenueTrend(ctx.db, { from, to, thresholdPercent: input.thresholdPercent, scope: ctx.scope });
    }),

  /** Business types and clients behind the change of `month` against the same month a year before. */
  drillDown: procedure
    .input(z.object({ month: month("月份") }))
    .query(({ ctx, input }) => monthDrillDown(ctx.db, input.month, ctx.scope)),

  saveAnnotation: procedure
    .input(z.object({ month: month("月份"), note: text("备注", { max: 200, required: true }) }))
    .mutation(async ({ ctx, input }) => {
      await saveMonthAnnotation(ctx.db, input, ctx.user, ctx.clock.nowIso());
      return { month: input.month };
    }),

  clearAnnotation: procedure
    .input(z.object({ month: month("月份") }))
    .mutation(({ ctx, input }) => clearMonthAnnotation(ctx.db, input.month)),
});
