import { z } from "zod";

import { MAX_REWARD_BASIS_POINTS } from "../domain/credit";
import {
  addToBlacklist,
  blacklistHistory,
  creditStatus,
  liftBlacklist,
  listBlacklist,
  setCreditLimit,
} from "../services/credit";
import { getRewardRule, redeemReward, rewardSummary, saveRewardRule, voidRedemption } from "../services/rewards";
import { procedure, router } from "../trpc";
import { date, fen, id, optionalId, text } from "../validation";

/** Credit control (信用管理): limits, the blacklist (拒绝合作) and each client's credit position. */
export const creditRouter = router({
  status: procedure
    .input(
      z.object({
        clientId: id("客户"),
        asOf: date("截止日期").optional(),
        newAmount: fen("新合同金额", { allowZero: true }).default(0),
      }),
    )
    .query(async ({ ctx, input }) => {
      const status = await creditStatus(
        ctx.db,
        { clientId: input.clientId, asOf: input.asOf ?? ctx.clock.today(), newAmount: input.newAmount },
        ctx.scope,
      );
      const history = await blacklistHistory(ctx.db, input.clientId);
      return { ...status, blacklistHistory: history };
    }),

  setLimit: procedure
    .input(z.object({ clientId: id("客户"), creditLimit: fen("信用额度", { allowZero: true }).nullable() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("client", input.clientId);
      return setCreditLimit(ctx.db, input, ctx.clock.nowIso(), ctx.scope);
    }),

  blacklist: procedure
    .input(z.object({ clientId: id("客户"), reason: text("列入原因", { required: true, max: 200 }) }))
    .mutation(async ({ ctx, input }) => {
      const result = await addToBlacklist(
        ctx.db,
        input,
        { id: ctx.user.id, name: ctx.user.name },
        ctx.clock.today(),
        ctx.clock.nowIso(),
        ctx.scope,
      );
      ctx.audit.created("blacklist", result.entryId);
      return result;
    }),

  lift: procedure
    .input(z.object({ clientId: id("客户"), reason: text("移出原因", { required: true, max: 200 }) }))
    .mutation(async ({ ctx, input }) => {
      const result = await liftBlacklist(ctx.db, input, { id: ctx.user.id, name: ctx.user.name }, ctx.clock.nowIso(), ctx.scope);
      ctx.audit.created("blacklist", result.entryId);
      return result;
    }),

  blacklisted: procedure
    .input(z.object({ includeLifted: z.boolean({ error: "“含已移出”必须是是或否" }).default(false) }))
    .query(({ ctx, input }) => listBlacklist(ctx.db, input, ctx.scope)),
});

const rewardRuleFields = z.object({
  enabled: z.boolean({ error: "“启用”必须是是或否" }),
  basisPoints: z
    .number({ error: "奖励比例必须是数字（万分之一）" })
    .int({ error: "奖励比例必须是整数个万分点" })
    .min(1, { error: "奖励比例至少为万分之一" })
    .max(MAX_REWARD_BASIS_POINTS, { error: `奖励比例不能超过 ${MAX_REWARD_BASIS_POINTS / 100}%` }),
  kind: z.enum(["points", "rebate"], { error: "奖励方式只能是积分或返利" }),
  startsOn: date("起算日期"),
});

/** On-time rewards (按时回款奖励): the rule, each client's earned and used reward, and its uses. */
export const rewardsRouter = router({
  rule: procedure.query(({ ctx }) => getRewardRule(ctx.db)),

  saveRule: procedure.input(rewardRuleFields).mutation(async ({ ctx, input }) => {
    await ctx.audit.before("setting", "reward_rule");
    return saveRewardRule(ctx.db, ctx.clock, input);
  }),

  summary: procedure
    .input(z.object({ clientId: id("客户"), asOf: date("截止日期").optional() }))
    .query(({ ctx, input }) =>
      rewardSummary(ctx.db, { clientId: input.clientId, asOf: input.asOf ?? ctx.clock.today() }, ctx.scope),
    ),

  redeem: procedure
    .input(
      z.object({
        clientId: id("客户"),
        amount: fen("使用金额"),
        usedOn: date("使用日期"),
        contractId: optionalId("抵扣合同"),
        note: text("备注", { max: 200 }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await redeemReward(ctx.db, input, ctx.user.name, ctx.clock.today(), ctx.clock.nowIso(), ctx.scope);
      ctx.audit.created("reward_redemption", result.redemptionId);
      return result;
    }),

  voidRedemption: procedure
    .input(z.object({ redemptionId: id("奖励使用记录"), reason: text("作废原因", { required: true, max: 200 }) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("reward_redemption", input.redemptionId);
      return voidRedemption(ctx.db, input, ctx.clock.nowIso(), ctx.scope);
    }),
});
