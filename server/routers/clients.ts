import { z } from "zod";

import { clientLedger } from "../services/ledger";
import {
  createClient,
  getClient,
  listClients,
  listClientsWithBalances,
  updateClient,
} from "../services/clients";
import { withinScope } from "../permissions";
import { procedure, router } from "../trpc";
import { hideCosts } from "./costs";
import { date, id, longText, optionalId, text } from "../validation";

const clientFields = z.object({
  name: text("客户名称", { required: true, max: 100 }),
  contactPerson: text("联系人", { max: 50 }),
  phone: text("联系电话", { max: 50 }).refine((value) => value === "" || /^[0-9+\-()（） 转#]{5,50}$/.test(value), {
    error: (issue) => `联系电话 "${String(issue.input)}" 格式不正确，只能包含数字、空格、+、-、括号`,
  }),
  address: text("地址", { max: 200 }),
  accountManagerId: optionalId("业务员"),
  notes: longText("备注"),
});

export const clientsRouter = router({
  list: procedure
    .input(
      z.object({
        search: text("搜索词", { max: 100 }).optional(),
        accountManagerId: optionalId("业务员"),
      }),
    )
    .query(({ ctx, input }) => listClients(ctx.db, withinScope(input, ctx.scope))),

  listWithBalances: procedure
    .input(
      z.object({
        search: text("搜索词", { max: 100 }).optional(),
        accountManagerId: optionalId("业务员"),
        asOf: date("截止日期").optional(),
      }),
    )
    .query(({ ctx, input }) => {
      const { asOf, ...filter } = input;
      return listClientsWithBalances(ctx.db, withinScope(filter, ctx.scope), asOf ?? ctx.clock.today());
    }),

  get: procedure
    .input(z.object({ clientId: id("客户") }))
    .query(({ ctx, input }) => getClient(ctx.db, input.clientId, ctx.scope)),

  ledger: procedure
    .input(z.object({ clientId: id("客户"), asOf: date("截止日期").optional() }))
    .query(async ({ ctx, input }) => {
      const client = await getClient(ctx.db, input.clientId, ctx.scope);
      const ledger = await clientLedger(ctx.db, input.clientId, input.asOf ?? ctx.clock.today());
      const contracts = ledger.contracts.map((contract) => hideCosts(contract, ctx.user.role));
      return { client, ...ledger, contracts };
    }),

  create: procedure
    .input(clientFields)
    // An account manager's new client is always their own.
    .mutation(async ({ ctx, input }) => {
      const result = await createClient(ctx.db, ctx.clock, withinScope(input, ctx.scope));
      ctx.audit.created("client", result.clientId);
      return result;
    }),

  update: procedure
    .input(clientFields.extend({ clientId: id("客户"), version: id("版本号") }))
    .mutation(async ({ ctx, input }) => {
      const { clientId, version, ...fields } = input;
      await ctx.audit.before("client", clientId);
      return updateClient(ctx.db, ctx.clock, clientId, version, withinScope(fields, ctx.scope), ctx.scope);
    }),
});
