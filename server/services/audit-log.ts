import type { Db } from "../../db";
import type { AuditEntity } from "../audit";
import { badInput } from "../errors";

export interface AuditFilter {
  from: string | null;
  to: string | null;
  entity: string | null;
  actorId: string | null;
  clientId: number | null;
  contractId: number | null;
  limit: number;
}

/** Audit entities users can filter by, with their Chinese names. */
/** Chinese name of every audit entity; typed by AuditEntity, so a new entity without a label fails the type check. */
const ENTITY_LABELS: Record<AuditEntity, string> = {
  client: "客户",
  contract: "合同",
  payment: "回款",
  setting: "系统设置",
  staff: "业务员",
  business_type: "业务类型",
  user: "账号",
  cost: "运营成本",
  document: "文书",
  blacklist: "拒绝合作名单",
  reward_redemption: "奖励使用",
  contact: "催收记录",
  promise: "付款承诺",
  dispute: "争议",
  collection_reason: "未付款原因",
  notification_channel: "提醒渠道",
  holiday: "节假日",
  import: "导入",
};

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = ENTITY_LABELS;

/**
 * Lists audit rows, newest first. A contract's history is the rows about
 * the contract itself.
 */
// NOTE: `from`/`to` compare with the UTC timestamp, so a change made before
// 08:00 China time is filed under the previous business day.
export async function listAuditLog(db: Db, filter: AuditFilter) {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw badInput("to", `结束日期 ${filter.to} 早于开始日期 ${filter.from}`);
  }

  let query = db
    .selectFrom("audit_log")
    .select([
      "id",
      "at",
      "actor_id as actorId",
      "actor_name as actorName",
      "action",
      "entity",
      "entity_id as entityId",
      "client_id as clientId",
      "before",
      "after",
    ])
    .orderBy("id", "desc")
    .limit(filter.limit + 1);
  if (filter.from) query = query.where("at", ">=", `${filter.from}T00:00:00.000Z`);
  if (filter.to) query = query.where("at", "<=", `${filter.to}T23:59:59.999Z`);
  if (filter.entity) query = query.where("entity", "=", filter.entity);
  if (filter.actorId) query = query.where("actor_id", "=", filter.actorId);
  if (filter.clientId) query = query.where("client_id", "=", filter.clientId);
  if (filter.contractId) {
    query = query.where("entity", "=", "contract").where("entity_id", "=", String(filter.contractId));
  }

  const rows = await query.execute();
  return {
    rows: rows.slice(0, filter.limit).map((row) => ({
      ...row,
      before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
      after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
    })),
    truncated: rows.length > filter.limit,
  };
}
