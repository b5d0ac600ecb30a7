import { z } from "zod";

import { addDays, addMonths } from "../domain/dates";
import { badInput } from "../errors";
import { canSeeCosts } from "../permissions";
import { clientValueRanking } from "../services/analytics-value";
import { procedure, router } from "../trpc";
import { optionalDate } from "../validation";

const SORT_KEYS = ["revenue", "profit"] as const;

export const valueRouter = router({
  /** Clients ranked by the revenue of contracts signed in [from, to], default the last 12 months. */
  ranking: procedure
    .input(
      z.object({
        from: optionalDate("开始日期"),
        to: optionalDate("结束日期"),
        sortBy: z
          .enum(SORT_KEYS, { error: (issue) => `排序方式 "${String(issue.input)}" 无效，请选择按收入或按毛利` })
          .default("revenue"),
      }),
    )
    .query(({ ctx, input }) => {
      const to = input.to ?? ctx.clock.today();
      const from = input.from ?? addDays(addMonths(to, -12), 1);
      if (from > to) throw badInput("from", `开始日期 ${from} 晚于结束日期 ${to}`);
      const seesCosts = canSeeCosts(ctx.user.role);
      if (input.sortBy === "profit" && !seesCosts) {
        throw badInput("sortBy", "您的角色看不到成本，不能按毛利排序，请按收入排序");
      }
      return clientValueRanking(ctx.db, { from, to, scope: ctx.scope, seesCosts, sortBy: input.sortBy });
    }),
});
