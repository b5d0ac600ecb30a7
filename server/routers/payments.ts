import { z } from "zod";

import {
  contractsWithOutstanding,
  getPayment,
  listPayments,
  PAYMENT_METHODS,
  recordPayment,
  reversePayment,
} from "../services/payments";
import { procedure, router } from "../trpc";
import { date, fen, id, longText, optionalDate, optionalId, text } from "../validation";

/** Rows the payment list returns at most; the totals still cover every match. */
const PAYMENT_LIST_LIMIT = 500;

export const paymentsRouter = router({
  record: procedure
    .input(
      z.object({
        clientId: id("客户"),
        receivedOn: date("收款日期"),
        amount: fen("收款金额"),
        method: z.enum(PAYMENT_METHODS, {
          error: (issue) => `收款方式 "${String(issue.input)}" 无效，可选：${PAYMENT_METHODS.join("、")}`,
        }),
        bankReference: text("银行流水号", { max: 100 }),
        note: longText("备注"),
        contractId: optionalId("合同"),
      }),
    )
    .mutation(({ ctx, input }) => recordPayment(ctx.db, ctx.clock, input)),

  reverse: procedure
    .input(
      z.object({
        paymentId: id("回款记录"),
        reason: text("冲销原因", { required: true, max: 500 }),
      }),
    )
    .mutation(({ ctx, input }) => reversePayment(ctx.db, ctx.clock, input)),

  get: procedure
    .input(z.object({ paymentId: id("回款记录") }))
    .query(({ ctx, input }) => getPayment(ctx.db, input.paymentId)),

  list: procedure
    .input(
      z.object({
        from: optionalDate("开始日期"),
        to: optionalDate("结束日期"),
        search: text("搜索词", { max: 100 }),
        includeReversed: z.boolean({ error: "是否包含已冲销必须是是或否" }).default(false),
      }),
    )
    .query(({ ctx, input }) => listPayments(ctx.db, { ...input, limit: PAYMENT_LIST_LIMIT })),

  openContracts: procedure
    .input(z.object({ clientId: id("客户") }))
    .query(({ ctx, input }) => contractsWithOutstanding(ctx.db, input.clientId)),
});
