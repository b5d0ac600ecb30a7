import type { Db } from "../../db";
import { clientBalancesAsOf, openInstallmentsAsOf } from "../../db/queries/balances";
import { CREDIT_RULE, type CreditWarning, LONG_OVERDUE_DAYS, creditWarnings, isBlocked } from "../domain/credit";
import { addDays, addMonths, daysBetween } from "../domain/dates";
import { SPEED_GRADE_RULE } from "../domain/speed";
import { AppError } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";
import { getClient } from "./clients";
import { paymentSpeed } from "./speed";

/** Who made a credit decision, as the audit trail names users. */
export interface Decider {
  id: string | null;
  name: string;
}

async function activeBlacklistEntry(db: Db, clientId: number) {
  return db
    .selectFrom("client_blacklist")
    .select(["id", "reason", "decided_on as decidedOn", "decided_by_name as decidedByName"])
    .where("client_id", "=", clientId)
    .where("lifted_at", "is", null)
    .executeTakeFirst();
}

/**
 * Credit position of a client on `asOf` (信用状况): limit, outstanding,
 * long-overdue debt, the payment-speed grade over the 12 months up to
 * asOf (the same grade the ranking shows), the blacklist entry, and the
 * warnings for entering a contract of `newAmount` fen.
 */
export async function creditStatus(
  db: Db,
  params: { clientId: number; asOf: string; newAmount?: number },
  scope: ClientScope = ALL_CLIENTS,
) {
  const { clientId, asOf } = params;
  const client = await getClient(db, clientId, scope);
  const row = await db.selectFrom("client").select("credit_limit").where("id", "=", clientId).executeTakeFirstOrThrow();
  const [balance] = await clientBalancesAsOf(db, asOf, { clientId });
  const open = await openInstallmentsAsOf(db, asOf, { clientId });
  let longOverdue = 0;
  let maxDaysOverdue = 0;
  for (const installment of open) {
    const days = daysBetween(installment.dueDate, asOf);
    if (days > LONG_OVERDUE_DAYS) longOverdue += installment.outstanding;
    maxDaysOverdue = Math.max(maxDaysOverdue, days);
  }
  const from = addDays(addMonths(asOf, -12), 1);
  const speed = (await paymentSpeed(db, { from, asOf }, { clientId })).clients.find((row) => row.clientId === clientId);
  const blacklist = (await activeBlacklistEntry(db, clientId)) ?? null;

  const outstanding = balance?.outstanding ?? 0;
  const creditLimit = row.credit_limit;
  const warnings = creditWarnings({
    clientName: client.name,
    creditLimit,
    outstanding,
    newAmount: params.newAmount ?? 0,
    longOverdue,
    maxDaysOverdue,
    blacklist: blacklist ? { reason: blacklist.reason, decidedByName: blacklist.decidedByName, decidedOn: blacklist.decidedOn } : null,
  });

  return {
    clientId,
    clientName: client.name,
    asOf,
    creditLimit,
    outstanding,
    /** Fen the client may still owe within its limit, or null without a limit; negative when over it. */
    available: creditLimit === null ? null : creditLimit - outstanding,
    overdue: balance?.overdue ?? 0,
    longOverdue,
    maxDaysOverdue,
    grade: speed?.grade ?? null,
    gradeRule: SPEED_GRADE_RULE,
    creditRule: CREDIT_RULE,
    blacklist,
    warnings,
    blocked: isBlocked(warnings),
  };
}

/** Sets or clears (null) a client's credit limit. The client's edit version is left alone. */
export async function setCreditLimit(
  db: Db,
  params: { clientId: number; creditLimit: number | null },
  nowIso: string,
  scope: ClientScope = ALL_CLIENTS,
) {
  await getClient(db, params.clientId, scope);
  await db
    .updateTable("client")
    .set({ credit_limit: params.creditLimit, updated_at: nowIso })
    .where("id", "=", params.clientId)
    .execute();
  return { clientId: params.clientId, creditLimit: params.creditLimit };
}

/** Puts a client on the blacklist (拒绝合作). A client already on it is a conflict. */
export async function addToBlacklist(
  db: Db,
  params: { clientId: number; reason: string },
  decider: Decider,
  today: string,
  nowIso: string,
  scope: ClientScope = ALL_CLIENTS,
) {
  const client = await getClient(db, params.clientId, scope);
  const existing = await activeBlacklistEntry(db, params.clientId);
  if (existing) {
    throw new AppError("CONFLICT", `客户“${client.name}”已在拒绝合作名单上（原因：${existing.reason}），无需重复列入`);
  }
  const row = await db
    .insertInto("client_blacklist")
    .values({
      client_id: params.clientId,
      reason: params.reason,
      decided_on: today,
      decided_by_id: decider.id,
      decided_by_name: decider.name,
      created_at: nowIso,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { entryId: row.id };
}

/** Takes a client off the blacklist, keeping the entry with who lifted it and why. */
export async function liftBlacklist(
  db: Db,
  params: { clientId: number; reason: string },
  decider: Decider,
  nowIso: string,
  scope: ClientScope = ALL_CLIENTS,
) {
  const client = await getClient(db, params.clientId, scope);
  const existing = await activeBlacklistEntry(db, params.clientId);
  if (!existing) throw new AppError("CONFLICT", `客户“${client.name}”不在拒绝合作名单上`);
  await db
    .updateTable("client_blacklist")
    .set({ lifted_at: nowIso, lifted_by_name: decider.name, lift_reason: params.reason })
    .where("id", "=", existing.id)
    .execute();
  return { entryId: existing.id };
}

/** Every blacklist entry, current ones first, then lifted ones newest first. */
export async function listBlacklist(db: Db, params: { includeLifted: boolean }, scope: ClientScope = ALL_CLIENTS) {
  return db
    .selectFrom("client_blacklist as b")
    .innerJoin("client as c", "c.id", "b.client_id")
    .select([
      "b.id",
      "b.client_id as clientId",
      "c.name as clientName",
      "b.reason",
      "b.decided_on as decidedOn",
      "b.decided_by_name as decidedByName",
      "b.lifted_at as liftedAt",
      "b.lifted_by_name as liftedByName",
      "b.lift_reason as liftReason",
    ])
    .$if(!params.includeLifted, (query) => query.where("b.lifted_at", "is", null))
    .$if(scope.accountManagerId !== null, (query) => query.where("c.account_manager_id", "=", scope.accountManagerId))
    .orderBy((eb) => eb.case().when("b.lifted_at", "is", null).then(0).else(1).end())
    .orderBy("b.id", "desc")
    .execute();
}

/** The blacklist history of one client, newest first. */
export async function blacklistHistory(db: Db, clientId: number) {
  return db
    .selectFrom("client_blacklist")
    .select([
      "id",
      "reason",
      "decided_on as decidedOn",
      "decided_by_name as decidedByName",
      "lifted_at as liftedAt",
      "lifted_by_name as liftedByName",
      "lift_reason as liftReason",
    ])
    .where("client_id", "=", clientId)
    .orderBy("id", "desc")
    .execute();
}

/** Records a manager's decision to accept a contract despite blocking credit warnings. */
export async function recordCreditOverride(
  db: Db,
  params: { contractId: number; reason: string; warnings: readonly CreditWarning[] },
  decider: Decider,
  nowIso: string,
) {
  await db
    .insertInto("credit_override")
    .values({
      contract_id: params.contractId,
      reason: params.reason,
      warnings: JSON.stringify(params.warnings.map((warning) => warning.message)),
      decided_by_id: decider.id,
      decided_by_name: decider.name,
      created_at: nowIso,
    })
    .execute();
}

/** Overrides recorded on a contract, oldest first. */
export async function creditOverridesOf(db: Db, contractId: number) {
  const rows = await db
    .selectFrom("credit_override")
    .select(["id", "reason", "warnings", "decided_by_name as decidedByName", "created_at as createdAt"])
    .where("contract_id", "=", contractId)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ ...row, warnings: JSON.parse(row.warnings) as string[] }));
}
