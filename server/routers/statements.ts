import { z } from "zod";

import { draftClientSituation, draftSummarySituation } from "../../documents/situation-draft";
import { badInput } from "../errors";
import { clientSituationFacts, summarySituationFacts } from "../services/situations";
import {
  issueAccountStatement,
  issueSituation,
  previewAccountStatement,
  previewSituation,
} from "../services/statement-issuing";
import { procedure, router } from "../trpc";
import { date, id, optionalId, text } from "../validation";

/** Maximum length of the facts of a situation statement, in characters (about twenty A4 pages). */
export const MAX_FACTS_LENGTH = 20_000;

/** Maximum number of debtors a collections summary lists. */
export const MAX_TOP_DEBTORS = 50;

const statementInput = z.object({
  clientId: id("客户"),
  from: date("对账开始日期"),
  to: date("对账结束日期"),
  asOf: date("对账单日期").optional(),
});

const situationInput = z.object({
  kind: z.enum(["situation_client", "situation_summary"], {
    error: (issue) => `情况说明类型 "${String(issue.input)}" 无效，请选择单个客户或回款汇总`,
  }),
  clientId: optionalId("客户"),
  addressee: text("称谓", { required: true, max: 100 }),
  facts: text("事实", { required: true, multiline: true, max: MAX_FACTS_LENGTH }),
  summary: text("总结", { required: true, multiline: true, max: 5000 }),
  signatory: text("落款", { required: true, multiline: true, max: 200 }),
  date: date("落款日期"),
});

/** Rejects a document or as-of date after today, naming the field. */
function notAfterToday(field: string, label: string, value: string, today: string): void {
  if (value > today) {
    throw badInput(field, `${label} ${value} 晚于今天（${today}），只能按今天或以前的日期出具`);
  }
}

function statementParams(input: z.infer<typeof statementInput>, today: string) {
  return { clientId: input.clientId, from: input.from, to: input.to, statementDate: input.asOf ?? today };
}

function checkedSituation(input: z.infer<typeof situationInput>, today: string) {
  notAfterToday("date", "落款日期", input.date, today);
  return input;
}

export const statementsRouter = router({
  /** The statement of account (对账单) of a client for a period, ready to render. */
  accountStatement: procedure.input(statementInput).query(({ ctx, input }) =>
    previewAccountStatement(
      ctx.db,
      statementParams(input, ctx.clock.today()),
      { today: ctx.clock.today(), timeZone: ctx.clock.timeZone },
      ctx.scope,
    ),
  ),

  issueStatement: procedure.input(statementInput).mutation(async ({ ctx, input }) => {
    const issued = await issueAccountStatement(
      ctx.db,
      statementParams(input, ctx.clock.today()),
      { id: ctx.user.id, name: ctx.user.name },
      { today: ctx.clock.today(), timeZone: ctx.clock.timeZone, nowIso: ctx.clock.nowIso() },
      ctx.scope,
    );
    ctx.audit.created("document", issued.documentId);
    return issued;
  }),

  draftClientSituation: procedure
    .input(
      z.object({
        clientId: id("客户"),
        asOf: date("截止日期").optional(),
        addressedTo: z.enum(["client", "management"], {
          error: (issue) => `致送对象 "${String(issue.input)}" 无效，请选择客户或公司领导`,
        }),
      }),
    )
    .query(async ({ ctx, input }) => {
      const asOf = input.asOf ?? ctx.clock.today();
      notAfterToday("asOf", "截止日期", asOf, ctx.clock.today());
      const facts = await clientSituationFacts(ctx.db, { ...input, asOf }, ctx.scope);
      return { facts, parts: draftClientSituation(facts) };
    }),

  draftSummarySituation: procedure
    .input(
      z.object({
        from: date("开始日期"),
        to: date("结束日期").optional(),
        top: z
          .number({ error: "欠款客户名次必须是整数" })
          .int({ error: "欠款客户名次必须是整数" })
          .min(1, { error: `欠款客户名次必须在 1 到 ${MAX_TOP_DEBTORS} 之间` })
          .max(MAX_TOP_DEBTORS, { error: `欠款客户名次必须在 1 到 ${MAX_TOP_DEBTORS} 之间` })
          .default(5),
      }),
    )
    .query(async ({ ctx, input }) => {
      const to = input.to ?? ctx.clock.today();
      notAfterToday("to", "结束日期", to, ctx.clock.today());
      const facts = await summarySituationFacts(ctx.db, { ...input, to }, ctx.scope);
      return { facts, parts: draftSummarySituation(facts) };
    }),

  /** Validates the edited parts and returns them ready to render, without issuing. */
  previewSituation: procedure
    .input(situationInput)
    .query(({ ctx, input }) => previewSituation(ctx.db, checkedSituation(input, ctx.clock.today()), ctx.scope)),

  issueSituation: procedure.input(situationInput).mutation(async ({ ctx, input }) => {
    const issued = await issueSituation(
      ctx.db,
      checkedSituation(input, ctx.clock.today()),
      { id: ctx.user.id, name: ctx.user.name },
      { today: ctx.clock.today(), nowIso: ctx.clock.nowIso() },
      ctx.scope,
    );
    ctx.audit.created("document", issued.documentId);
    return issued;
  }),
});
