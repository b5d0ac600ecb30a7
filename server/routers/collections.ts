import { z } from "zod";

import { CONTACT_CHANNELS } from "../domain/collections";
import { isCalendarDate } from "../domain/dates";
import { badInput } from "../errors";
import { withinScope } from "../permissions";
import {
  addReason,
  clientCollections,
  listContacts,
  listDisputes,
  listReasons,
  localNow,
  logContact,
  openDispute,
  recordPromise,
  resolveDispute,
  updateContact,
  updateReason,
  voidContact,
  voidPromise,
} from "../services/collections";
import { worklist } from "../services/worklist";
import { procedure, router } from "../trpc";
import { date, dayCount, fen, id, longText, optionalDate, optionalId, text } from "../validation";

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)$/;

/** Validates a local date and time 'YYYY-MM-DDTHH:mm' (a space also works); empty means now. */
function optionalLocalTime(label: string) {
  const message = (input: unknown) =>
    `${label} "${String(input).slice(0, 40)}" 无效，请按 YYYY-MM-DD HH:mm 填写，如 2026-12-04 14:30`;
  return z
    .union([z.literal(""), z.null(), z.string()], { error: (issue) => message(issue.input) })
    .optional()
    .transform((value, context) => {
      const trimmed = value?.trim() ?? "";
      if (trimmed === "") return null;
      const match = LOCAL_TIME.exec(trimmed);
      if (!match || !isCalendarDate(match[1]!)) {
        context.addIssue({ code: "custom", message: message(trimmed) });
        return z.NEVER;
      }
      return `${match[1]}T${match[2]}:${match[3]}`;
    });
}

const channel = z.enum(CONTACT_CHANNELS, {
  error: (issue) => `联系方式 "${String(issue.input).slice(0, 40)}" 无效，请从 ${CONTACT_CHANNELS.join("、")} 中选择`,
});

const contactFields = z.object({
  contractId: optionalId("合同"),
  contactedAt: optionalLocalTime("联系时间"),
  channel,
  person: text("联系对象", { required: true, max: 50 }),
  staffId: optionalId("经办业务员"),
  outcome: longText("沟通结果"),
  reasonId: optionalId("未付款原因"),
  nextFollowUpOn: optionalDate("下次跟进日期"),
});

const promiseFields = z.object({ amount: fen("承诺金额"), promisedOn: date("承诺付款日期") });

/** Collection work: contact log, promises to pay, disputes and the daily worklist. */
export const collectionsRouter = router({
  reasons: procedure.query(({ ctx }) => listReasons(ctx.db)),

  addReason: procedure
    .input(z.object({ name: text("原因名称", { required: true, max: 50 }) }))
    .mutation(async ({ ctx, input }) => {
      const reasonId = await addReason(ctx.db, input.name);
      ctx.audit.created("collection_reason", reasonId);
      return { reasonId };
    }),

  updateReason: procedure
    .input(
      z.object({
        reasonId: id("未付款原因"),
        name: text("原因名称", { required: true, max: 50 }),
        active: z.boolean({ error: "启用状态必须是是或否" }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("collection_reason", input.reasonId);
      await updateReason(ctx.db, input);
      return { reasonId: input.reasonId };
    }),

  logContact: procedure
    .input(contactFields.extend({ clientId: id("客户"), promise: promiseFields.nullable().optional() }))
    .mutation(async ({ ctx, input }) => {
      const { clientId, promise, ...fields } = input;
      const result = await logContact(
        ctx.db,
        ctx.clock,
        ctx.user,
        clientId,
        { ...fields, promise: promise ?? null },
        ctx.scope,
      );
      ctx.audit.created("contact", result.contactId);
      return result;
    }),

  updateContact: procedure
    .input(contactFields.extend({ contactId: id("催收记录") }))
    .mutation(async ({ ctx, input }) => {
      const { contactId, ...fields } = input;
      await ctx.audit.before("contact", contactId);
      await updateContact(ctx.db, ctx.clock, ctx.user, contactId, fields, ctx.scope);
      return { contactId };
    }),

  voidContact: procedure
    .input(z.object({ contactId: id("催收记录"), reason: text("作废原因", { required: true, max: 200 }) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("contact", input.contactId);
      const author = { ...ctx.user, isAdmin: ctx.user.role === "admin" };
      await voidContact(ctx.db, ctx.clock, author, input.contactId, input.reason, ctx.scope);
      return { contactId: input.contactId };
    }),

  recordPromise: procedure
    .input(
      promiseFields.extend({
        clientId: id("客户"),
        contractId: optionalId("合同"),
        note: text("备注", { max: 200 }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const promiseId = await recordPromise(ctx.db, ctx.clock, ctx.user, input, ctx.scope);
      ctx.audit.created("promise", promiseId);
      return { promiseId };
    }),

  voidPromise: procedure
    .input(z.object({ promiseId: id("承诺付款"), reason: text("作废原因", { required: true, max: 200 }) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("promise", input.promiseId);
      await voidPromise(ctx.db, ctx.clock, input.promiseId, input.reason, ctx.scope);
      return { promiseId: input.promiseId };
    }),

  openDispute: procedure
    .input(z.object({ installmentId: id("分期"), reason: text("争议原因", { required: true, max: 500 }) }))
    .mutation(async ({ ctx, input }) => {
      const disputeId = await openDispute(ctx.db, ctx.clock, ctx.user, input, ctx.scope);
      ctx.audit.created("dispute", disputeId);
      return { disputeId };
    }),

  resolveDispute: procedure
    .input(z.object({ disputeId: id("争议"), note: text("解决说明", { required: true, max: 500 }) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("dispute", input.disputeId);
      await resolveDispute(ctx.db, ctx.clock, ctx.user, input, ctx.scope);
      return { disputeId: input.disputeId };
    }),

  forClient: procedure
    .input(z.object({ clientId: id("客户"), asOf: date("截止日期").optional() }))
    .query(async ({ ctx, input }) => {
      const overview = await clientCollections(ctx.db, input.clientId, input.asOf ?? ctx.clock.today(), ctx.scope);
      // The contact form's default time: now in the business zone, on today's business date.
      return { ...overview, today: ctx.clock.today(), now: localNow(ctx.clock) };
    }),

  listContacts: procedure
    .input(
      z.object({
        clientId: optionalId("客户"),
        staffId: optionalId("经办业务员"),
        channel: channel.nullable().optional(),
        from: optionalDate("开始日期"),
        to: optionalDate("结束日期"),
        includeVoided: z.boolean({ error: "是否包含已作废必须是是或否" }).optional(),
      }),
    )
    .query(({ ctx, input }) => {
      if (input.from && input.to && input.from > input.to) {
        throw badInput("from", `开始日期 ${input.from} 晚于结束日期 ${input.to}`);
      }
      return listContacts(ctx.db, withinScope({ ...input, accountManagerId: null }, ctx.scope));
    }),

  disputes: procedure
    .input(
      z.object({
        asOf: date("截止日期").optional(),
        clientId: optionalId("客户"),
        openOnly: z.boolean({ error: "是否只看未解决必须是是或否" }).optional(),
      }),
    )
    .query(({ ctx, input }) => {
      const { asOf, ...filter } = input;
      return listDisputes(ctx.db, asOf ?? ctx.clock.today(), withinScope({ ...filter, accountManagerId: null }, ctx.scope));
    }),

  worklist: procedure
    .input(
      z.object({
        asOf: date("截止日期").optional(),
        accountManagerId: optionalId("业务员"),
        days: dayCount("天数", 90).optional(),
        growthThreshold: fen("逾期增加阈值", { allowZero: true }).optional(),
      }),
    )
    .query(({ ctx, input }) => {
      const asOf = input.asOf ?? ctx.clock.today();
      const params = { asOf, days: input.days ?? 7, growthThreshold: input.growthThreshold ?? 1_000_000 };
      return worklist(ctx.db, params, withinScope({ accountManagerId: input.accountManagerId }, ctx.scope));
    }),
});
