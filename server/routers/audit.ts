import { z } from "zod";

import { getClient } from "../services/clients";
import { getContract } from "../services/contracts";
import { AUDIT_ENTITY_LABELS, listAuditLog } from "../services/audit-log";
import { procedure, router } from "../trpc";
import { id, optionalDate, text } from "../validation";

const AUDIT_PAGE_LIMIT = 300;

const entity = z
  .enum(Object.keys(AUDIT_ENTITY_LABELS) as [string, ...string[]], {
    error: (issue) => `对象类型 "${String(issue.input)}" 无效`,
  })
  .nullable()
  .optional()
  .transform((value) => value ?? null);

export const auditRouter = router({
  list: procedure
    .input(
      z.object({
        from: optionalDate("开始日期"),
        to: optionalDate("结束日期"),
        entity,
        actorId: text("操作人", { max: 64 }).optional(),
      }),
    )
    .query(({ ctx, input }) =>
      listAuditLog(ctx.db, {
        from: input.from,
        to: input.to,
        entity: input.entity,
        actorId: input.actorId || null,
        clientId: null,
        contractId: null,
        limit: AUDIT_PAGE_LIMIT,
      }),
    ),

  forClient: procedure
    .input(z.object({ clientId: id("客户") }))
    .query(async ({ ctx, input }) => {
      await getClient(ctx.db, input.clientId, ctx.scope);
      return listAuditLog(ctx.db, { ...EMPTY_FILTER, clientId: input.clientId });
    }),

  forContract: procedure
    .input(z.object({ contractId: id("合同") }))
    .query(async ({ ctx, input }) => {
      await getContract(ctx.db, input.contractId, ctx.scope);
      return listAuditLog(ctx.db, { ...EMPTY_FILTER, contractId: input.contractId });
    }),
});

const EMPTY_FILTER = {
  from: null,
  to: null,
  entity: null,
  actorId: null,
  clientId: null,
  contractId: null,
  limit: AUDIT_PAGE_LIMIT,
};
