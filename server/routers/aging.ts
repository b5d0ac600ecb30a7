import { z } from "zod";

import { withinScope } from "../permissions";
import { agingReport } from "../services/aging";
import { AGING_BUCKETS_KEY, getAgingBounds, saveAgingBounds } from "../services/aging-settings";
import { procedure, router } from "../trpc";
import { date, optionalId } from "../validation";

const boundsMessage = (issue: { input?: unknown }) =>
  `账龄分界天数 ${JSON.stringify(issue.input)?.slice(0, 40) ?? ""} 无效，请填写 1 至 10 个逐个增大的正整数`;

export const agingRouter = router({
  report: procedure
    .input(
      z.object({
        asOf: date("截止日期").optional(),
        accountManagerId: optionalId("业务员"),
        businessTypeId: optionalId("业务类型"),
      }),
    )
    .query(({ ctx, input }) => {
      const { asOf, ...filter } = input;
      return agingReport(ctx.db, asOf ?? ctx.clock.today(), withinScope(filter, ctx.scope));
    }),

  bounds: procedure.query(({ ctx }) => getAgingBounds(ctx.db)),

  saveBounds: procedure
    .input(
      z.object({
        bounds: z
          .array(z.number({ error: boundsMessage }).int({ error: boundsMessage }).positive({ error: boundsMessage }).max(36500, { error: boundsMessage }), { error: boundsMessage })
          .min(1, { error: boundsMessage })
          .max(10, { error: boundsMessage }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("setting", AGING_BUCKETS_KEY);
      return saveAgingBounds(ctx.db, ctx.clock, input.bounds);
    }),
});
