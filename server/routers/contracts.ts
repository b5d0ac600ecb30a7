import { z } from "zod";

import {
  createContract,
  editableContractIds,
  getContract,
  updateContract,
} from "../services/contracts";
import { getClient } from "../services/clients";
import { creditStatus, recordCreditOverride } from "../services/credit";
import { AppError } from "../errors";
import { procedure, router } from "../trpc";
import { acceptCosts, hideCosts } from "./costs";
import { date, fen, id, longText, optionalDate, text } from "../validation";

const MAX_INSTALLMENTS = 60;

const installmentFields = z.object({
  label: text("分期名称", { max: 30 }),
  dueDate: date("到期日"),
  amount: fen("分期金额"),
});

const contractFields = z.object({
  clientId: id("客户"),
  contractNo: text("合同编号", { required: true, max: 50 }).refine((value) => !/[\r\n\t]/.test(value), {
    error: "合同编号不能包含换行或制表符",
  }),
  businessTypeId: id("业务类型"),
  title: text("合同内容", { required: true, max: 200 }),
  signedOn: date("签订日期"),
  serviceStart: optionalDate("服务开始日期"),
  serviceEnd: optionalDate("服务结束日期"),
  totalAmount: fen("合同金额"),
  mediaCost: fen("媒体采购成本", { allowZero: true }).default(0),
  productionCost: fen("制作成本", { allowZero: true }).default(0),
  notes: longText("备注"),
  installments: z
    .array(installmentFields, { error: "请填写收款计划" })
    .min(1, { error: "收款计划至少要有一期" })
    .max(MAX_INSTALLMENTS, { error: `收款计划最多 ${MAX_INSTALLMENTS} 期` }),
});

export const contractsRouter = router({
  get: procedure
    .input(z.object({ contractId: id("合同") }))
    .query(async ({ ctx, input }) => hideCosts(await getContract(ctx.db, input.contractId, ctx.scope), ctx.user.role)),

  editableIds: procedure
    .input(z.object({ clientId: id("客户") }))
    .query(async ({ ctx, input }) => {
      await getClient(ctx.db, input.clientId, ctx.scope);
      return editableContractIds(ctx.db, input.clientId);
    }),

  /**
   * Creates a contract after the credit check: warnings (over the credit
   * limit, long-overdue debt) come back with the result; a blacklisted
   * client needs an administrator's override reason, which is recorded.
   */
  create: procedure
    .input(
      contractFields.extend({
        creditOverrideReason: text("放行原因", { max: 200 }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { creditOverrideReason, ...fields } = input;
      const credit = await creditStatus(
        ctx.db,
        { clientId: fields.clientId, asOf: ctx.clock.today(), newAmount: fields.totalAmount },
        ctx.scope,
      );
      if (credit.blocked) {
        const reasons = credit.warnings.map((warning) => warning.message).join("；");
        if (!creditOverrideReason) {
          throw new AppError(
            "CONFLICT",
            `${reasons}。如确需签约，须由管理员填写放行原因后保存`,
            "creditOverrideReason",
          );
        }
        if (ctx.user.role !== "admin") {
          throw new AppError("FORBIDDEN", "只有管理员可以为拒绝合作名单上的客户放行新合同", "creditOverrideReason");
        }
      }
      const result = await createContract(ctx.db, ctx.clock, acceptCosts(fields, ctx.user.role), ctx.scope);
      if (credit.blocked) {
        await recordCreditOverride(
          ctx.db,
          { contractId: result.contractId, reason: creditOverrideReason ?? "", warnings: credit.warnings },
          { id: ctx.user.id, name: ctx.user.name },
          ctx.clock.nowIso(),
        );
      }
      ctx.audit.created("contract", result.contractId);
      return { ...result, creditWarnings: credit.warnings.map((warning) => warning.message) };
    }),

  update: procedure
    .input(contractFields.extend({ contractId: id("合同"), version: id("版本号") }))
    .mutation(async ({ ctx, input }) => {
      const { contractId, version, ...fields } = input;
      await ctx.audit.before("contract", contractId);
      return updateContract(ctx.db, ctx.clock, contractId, version, acceptCosts(fields, ctx.user.role), ctx.scope);
    }),
});
