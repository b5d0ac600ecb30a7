import { z } from "zod";

import { badInput } from "../errors";
import { collectionLetterFacts } from "../services/letters";
import {
  balanceSummary,
  balanceSummaryByBusinessType,
  balanceSummaryByManager,
  dashboard,
  reminders,
} from "../services/reports";
import { withinScope } from "../permissions";
import { procedure, router } from "../trpc";
import { dayCount, date, id, optionalDate, optionalId, pageNumber } from "../validation";

/** Rows per page of the reminder lists. */
export const REMINDER_PAGE_SIZE = 100;

const filterFields = {
  accountManagerId: optionalId("业务员"),
  businessTypeId: optionalId("业务类型"),
};

/** Input of the grouped summaries, the same as reports.summary takes. */
const groupedSummaryInput = z.object({
  asOf: date("截止日期").optional(),
  from: optionalDate("开始日期"),
  clientId: optionalId("客户"),
  ...filterFields,
});

/** Resolves the period [from, asOf] of a summary, with asOf defaulting to today. */
function summaryPeriod<T extends { asOf?: string; from: string | null }>(input: T, today: string) {
  const asOf = input.asOf ?? today;
  if (input.from && input.from > asOf) {
    throw badInput("from", `开始日期 ${input.from} 晚于截止日期 ${asOf}`);
  }
  return { ...input, asOf };
}

export const reportsRouter = router({
  dashboard: procedure
    .input(z.object({ asOf: date("截止日期").optional() }))
    .query(({ ctx, input }) => dashboard(ctx.db, input.asOf ?? ctx.clock.today(), withinScope({}, ctx.scope))),

  summary: procedure
    .input(
      z.object({
        asOf: date("截止日期").optional(),
        from: optionalDate("开始日期"),
        clientId: optionalId("客户"),
        ...filterFields,
      }),
    )
    .query(({ ctx, input }) => {
      const asOf = input.asOf ?? ctx.clock.today();
      if (input.from && input.from > asOf) {
        throw badInput("from", `开始日期 ${input.from} 晚于截止日期 ${asOf}`);
      }
      return balanceSummary(ctx.db, withinScope({ ...input, asOf }, ctx.scope));
    }),

  reminders: procedure
    .input(
      z.object({
        asOf: date("截止日期").optional(),
        horizonDays: dayCount("提前提醒天数", 365).default(15),
        ...filterFields,
        /** Pages of the two lists, REMINDER_PAGE_SIZE rows each; without either, both lists come whole. */
        clientsPage: pageNumber("客户列表页码").optional(),
        upcomingPage: pageNumber("到期列表页码").optional(),
      }),
    )
    .query(({ ctx, input }) => {
      const { clientsPage, upcomingPage, ...rest } = input;
      const pages =
        clientsPage || upcomingPage
          ? { clients: clientsPage ?? 1, upcoming: upcomingPage ?? 1, size: REMINDER_PAGE_SIZE }
          : undefined;
      return reminders(ctx.db, withinScope({ ...rest, pages, asOf: input.asOf ?? ctx.clock.today() }, ctx.scope));
    }),

  collectionLetter: procedure
    .input(
      z.object({
        clientId: id("客户"),
        asOf: date("函件日期").optional(),
        payBy: optionalDate("付款期限"),
      }),
    )
    .query(({ ctx, input }) => {
      const today = ctx.clock.today();
      if (input.asOf && input.asOf > today) {
        throw badInput("asOf", `函件日期 ${input.asOf} 晚于今天（${today}），催款函只能按今天或以前的日期出具`);
      }
      return collectionLetterFacts(ctx.db, { clientId: input.clientId, asOf: input.asOf ?? today, payBy: input.payBy }, ctx.scope);
    }),

  summaryByManager: procedure
    .input(groupedSummaryInput)
    .query(({ ctx, input }) =>
      balanceSummaryByManager(ctx.db, withinScope(summaryPeriod(input, ctx.clock.today()), ctx.scope)),
    ),

  summaryByBusinessType: procedure
    .input(groupedSummaryInput)
    .query(({ ctx, input }) =>
      balanceSummaryByBusinessType(ctx.db, withinScope(summaryPeriod(input, ctx.clock.today()), ctx.scope)),
    ),
});
