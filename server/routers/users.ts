import { z } from "zod";

import { getAuth, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../auth";
import { ROLE_LABELS, ROLES } from "../permissions";
import { createUser, listUsers, setUserDisabled, setUserPassword, updateUser } from "../services/users";
import { procedure, router } from "../trpc";
import { optionalId, text } from "../validation";

const USERNAME_PATTERN = /^[a-zA-Z0-9_.]{3,30}$/;

const username = z
  .string({ error: "请填写用户名" })
  .trim()
  .refine((value) => USERNAME_PATTERN.test(value), {
    error: (issue) =>
      `用户名 "${String(issue.input).slice(0, 40)}" 无效：3 到 30 个字符，只能包含英文字母、数字、下划线和点`,
  });

const email = z
  .string({ error: "请填写邮箱" })
  .trim()
  .pipe(z.email({ error: (issue) => `邮箱 "${String(issue.input).slice(0, 60)}" 格式不正确` }));

const role = z.enum(ROLES, {
  error: (issue) =>
    `角色 "${String(issue.input)}" 无效，可选：${ROLES.map((value) => `${value}（${ROLE_LABELS[value]}）`).join("、")}`,
});

// Never echo a password back: the messages name only the rule.
const password = z
  .string({ error: "请填写密码" })
  .min(MIN_PASSWORD_LENGTH, { error: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符` })
  .max(MAX_PASSWORD_LENGTH, { error: `密码最多 ${MAX_PASSWORD_LENGTH} 个字符` });

const userId = z.string({ error: "用户编号无效" }).trim().min(1, { error: "用户编号无效" }).max(100, { error: "用户编号无效" });

/** Staff accounts, for administrators (server/permissions.ts). */
export const usersRouter = router({
  list: procedure.query(({ ctx }) => listUsers(ctx.db)),

  create: procedure
    .input(
      z.object({
        name: text("姓名", { required: true, max: 50 }),
        username,
        email,
        role,
        staffId: optionalId("关联业务员"),
        password,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await createUser(getAuth(ctx.db), ctx.db, input, ctx.headers);
      ctx.audit.created("user", result.userId);
      return result;
    }),

  update: procedure
    .input(z.object({ userId, name: text("姓名", { required: true, max: 50 }), role, staffId: optionalId("关联业务员") }))
    .mutation(async ({ ctx, input }) => {
      const { userId: target, ...changes } = input;
      await ctx.audit.before("user", target);
      return updateUser(getAuth(ctx.db), ctx.db, ctx.user.id, target, changes, ctx.headers);
    }),

  setDisabled: procedure
    .input(z.object({ userId, disabled: z.boolean({ error: "请指定停用或启用" }) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("user", input.userId);
      return setUserDisabled(getAuth(ctx.db), ctx.db, ctx.user.id, input.userId, input.disabled, ctx.headers);
    }),

  setPassword: procedure
    .input(z.object({ userId, password }))
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("user", input.userId);
      return setUserPassword(getAuth(ctx.db), ctx.db, input.userId, input.password, ctx.headers);
    }),
});
