import { z } from "zod";

import {
  clockSettings,
  COMPANY_PROFILE_KEY,
  getCompanyProfile,
  missingProfileFields,
  saveCompanyProfile,
} from "../services/settings";
import { procedure, router } from "../trpc";
import { text } from "../validation";

export const settingsRouter = router({
  clock: procedure.query(({ ctx }) => clockSettings(ctx.clock)),

  company: procedure.query(({ ctx }) => getCompanyProfile(ctx.db)),

  /** Labels of the profile fields a collection letter cannot go out without. */
  missingCompanyFields: procedure.query(async ({ ctx }) => missingProfileFields(await getCompanyProfile(ctx.db))),

  saveCompany: procedure
    .input(
      z.object({
        name: text("公司名称", { required: true, max: 100 }),
        address: text("公司地址", { max: 200 }),
        phone: text("公司电话", { max: 50 }),
        bankName: text("开户银行", { required: true, max: 100 }),
        bankAccountName: text("账户名称", { max: 100 }),
        bankAccountNumber: text("银行账号", { required: true, max: 50 }).refine(
          (value) => /^[0-9 -]{6,50}$/.test(value),
          { error: (issue) => `银行账号 "${String(issue.input)}" 格式不正确，只能包含数字、空格和短横线` },
        ),
        signatory: text("签字人", { max: 50 }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("setting", COMPANY_PROFILE_KEY);
      return saveCompanyProfile(ctx.db, ctx.clock, input);
    }),

  staff: procedure.query(({ ctx }) =>
    ctx.db.selectFrom("staff").select(["id", "name", "phone", "active"]).orderBy("name").execute(),
  ),

  addStaff: procedure
    .input(z.object({ name: text("姓名", { required: true, max: 50 }), phone: text("电话", { max: 50 }) }))
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.db
        .insertInto("staff")
        .values({ name: input.name, phone: input.phone, created_at: ctx.clock.nowIso() })
        .returning("id")
        .executeTakeFirstOrThrow();
      ctx.audit.created("staff", row.id);
      return { staffId: row.id };
    }),

  businessTypes: procedure.query(({ ctx }) =>
    ctx.db
      .selectFrom("business_type")
      .select(["id", "name", "active"])
      .orderBy("sort_order")
      .orderBy("id")
      .execute(),
  ),

  addBusinessType: procedure
    .input(z.object({ name: text("业务类型名称", { required: true, max: 30 }) }))
    .mutation(async ({ ctx, input }) => {
      const last = await ctx.db
        .selectFrom("business_type")
        .select((eb) => eb.fn.max<number>("sort_order").as("max"))
        .executeTakeFirst();
      const row = await ctx.db
        .insertInto("business_type")
        .values({ name: input.name, sort_order: (last?.max ?? 0) + 10 })
        .returning("id")
        .executeTakeFirstOrThrow();
      ctx.audit.created("business_type", row.id);
      return { businessTypeId: row.id };
    }),
});
