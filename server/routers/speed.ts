import { z } from "zod";

import { addDays, addMonths } from "../domain/dates";
import { badInput } from "../errors";
import { withinScope } from "../permissions";
import { paymentSpeed } from "../services/speed";
import { procedure, router } from "../trpc";
import { date, optionalDate, optionalId } from "../validation";

export const speedRouter = router({
  ranking: procedure
    .input(
      z.object({
        asOf: date("截止日期").optional(),
        from: optionalDate("开始日期"),
        accountManagerId: optionalId("业务员"),
        businessTypeId: optionalId("业务类型"),
      }),
    )
    .query(({ ctx, input }) => {
      const { asOf: asOfInput, from: fromInput, ...filter } = input;
      const asOf = asOfInput ?? ctx.clock.today();
      // Default period: the 12 months up to and including asOf.
      const from = fromInput ?? addDays(addMonths(asOf, -12), 1);
      if (from > asOf) throw badInput("from", `开始日期 ${from} 晚于截止日期 ${asOf}`);
      return paymentSpeed(ctx.db, { from, asOf }, withinScope(filter, ctx.scope));
    }),
});
