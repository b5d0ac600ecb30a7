import { z } from "zod";

import {
  contractsWithOutstanding,
  getPayment,
  listPayments,
  PAYMENT_METHODS,
  type PaymentListFilter,
  recordPayment,
  reversePayment,
} from "../services/payments";
import { withinScope } from "../permissions";
import { getClient } from "../services/clients";
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
        requestKey: z
          .string({ error: "提交编号无效" })
          .regex(/^[A-Za-z0-9-]{8,64}$/, { error: (issue) => `提交编号 "${String(issue.input).slice(0, 40)}" 无效` })
          .nullable()
          .optional(),
        allowDuplicateReference: z.boolean({ error: "确认重复流水号的选项无效" }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await recordPayment(ctx.db, ctx.clock, input, ctx.scope);
      ctx.audit.created("payment", result.paymentId);
      return result;
    }),

  reverse: procedure
    .input(
      z.object({
        paymentId: id("回款记录"),
        reason: text("冲销原因", { required: true, max: 500 }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("payment", input.paymentId);
      return reversePayment(ctx.db, ctx.clock, input, ctx.scope);
    }),

  get: procedure
    .input(z.object({ paymentId: id("回款记录") }))
    .query(({ ctx, input }) => getPayment(ctx.db, input.paymentId, ctx.scope)),

  list: procedure
    .input(
      z.object({
        from: optionalDate("开始日期"),
        to: optionalDate("结束日期"),
        search: text("搜索词", { max: 100 }),
        includeReversed: z.boolean({ error: "是否包含已冲销必须是是或否" }).default(false),
      }),
    )
    .query(({ ctx, input }) =>
      listPayments(
        ctx.db,
        // Without an end date the list stops at today, like every report.
        withinScope<PaymentListFilter>({ ...input, to: input.to ?? ctx.clock.today(), limit: PAYMENT_LIST_LIMIT }, ctx.scope),
      ),
    ),

  openContracts: procedure
    .input(z.object({ clientId: id("客户") }))
    .query(async ({ ctx, input }) => {
      await getClient(ctx.db, input.clientId, ctx.scope);
      return contractsWithOutstanding(ctx.db, input.clientId);
    }),
});
