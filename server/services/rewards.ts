import type { Db } from "../../db";
import type { Clock } from "../clock";
import {
  MAX_REWARD_BASIS_POINTS,
  type RewardRule,
  describeRewardRule,
  rewardFor,
  rewardPoints,
} from "../domain/credit";
import { isCalendarDate } from "../domain/dates";
import { formatYuan } from "../domain/money";
import { AppError, badInput, notFound } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";
import { getClient } from "./clients";

export const REWARD_RULE_KEY = "reward_rule";

const DEFAULT_RULE: RewardRule = { enabled: false, basisPoints: 50, kind: "rebate", startsOn: "2026-01-01" };

function isRewardRule(value: unknown): value is RewardRule {
  if (!value || typeof value !== "object") return false;
  const rule = value as Record<string, unknown>;
  return (
    typeof rule.enabled === "boolean" &&
    Number.isInteger(rule.basisPoints) &&
    (rule.basisPoints as number) >= 1 &&
    (rule.basisPoints as number) <= MAX_REWARD_BASIS_POINTS &&
    (rule.kind === "points" || rule.kind === "rebate") &&
    typeof rule.startsOn === "string" &&
    isCalendarDate(rule.startsOn)
  );
}

/** Reads the saved reward rule, or the default (off) when none is saved or the saved one is unusable. */
export async function getRewardRule(db: Db): Promise<RewardRule> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", REWARD_RULE_KEY).executeTakeFirst();
  if (!row) return { ...DEFAULT_RULE };
  const parsed: unknown = JSON.parse(row.value);
  return isRewardRule(parsed) ? parsed : { ...DEFAULT_RULE };
}

export async function saveRewardRule(db: Db, clock: Clock, rule: RewardRule) {
  const value = JSON.stringify(rule);
  const updatedAt = clock.nowIso();
  await db
    .insertInto("setting")
    .values({ key: REWARD_RULE_KEY, value, updated_at: updatedAt })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
  return { rule, description: describeRewardRule(rule) };
}

/**
 * Installments of a client that earned the on-time reward by `asOf`: due
 * on or after the rule's start and paid in full by live allocations of
 * payments received on or before both the due date and asOf. Paid amounts
 * are summed in SQL; the reward per installment is rounded down to whole
 * fen, so the total is the sum of the rounded rewards.
 */
async function earnedInstallments(db: Db, clientId: number, asOf: string, rule: RewardRule) {
  if (!rule.enabled) return [];
  const rows = await db
    .selectFrom("installment as i")
    .innerJoin("contract as c", "c.id", "i.contract_id")
    .innerJoin("allocation as a", "a.installment_id", "i.id")
    .innerJoin("payment as p", "p.id", "a.payment_id")
    .select((eb) => [
      "i.id as installmentId",
      "c.id as contractId",
      "c.contract_no as contractNo",
      "i.label",
      "i.due_date as dueDate",
      "i.amount",
      eb.fn.sum<number>("a.amount").as("paidOnTime"),
      eb.fn.max<string>("p.received_on").as("paidOn"),
    ])
    .where("c.client_id", "=", clientId)
    .where("c.signed_on", "<=", asOf)
    .where("i.due_date", ">=", rule.startsOn)
    .where("a.reversed_at", "is", null)
    .where("p.received_on", "<=", asOf)
    .whereRef("p.received_on", "<=", "i.due_date")
    .groupBy(["i.id", "c.id", "c.contract_no", "i.label", "i.due_date", "i.amount"])
    .orderBy("i.due_date")
    .orderBy("i.id")
    .execute();

  return rows
    .filter((row) => Number(row.paidOnTime) >= row.amount)
    .map((row) => ({
      installmentId: row.installmentId,
      contractId: row.contractId,
      contractNo: row.contractNo,
      label: row.label,
      dueDate: row.dueDate,
      amount: row.amount,
      paidOn: row.paidOn,
      reward: rewardFor(row.amount, rule.basisPoints),
    }));
}

async function redemptionsOf(db: Db, clientId: number) {
  return db
    .selectFrom("reward_redemption as r")
    .leftJoin("contract as c", "c.id", "r.contract_id")
    .select([
      "r.id",
      "r.amount",
      "r.used_on as usedOn",
      "r.contract_id as contractId",
      "c.contract_no as contractNo",
      "r.note",
      "r.created_by_name as createdByName",
      "r.voided_at as voidedAt",
      "r.void_reason as voidReason",
    ])
    .where("r.client_id", "=", clientId)
    .orderBy("r.used_on")
    .orderBy("r.id")
    .execute();
}

/**
 * A client's on-time reward as of `asOf`: what was earned (per installment),
 * what was used by then (voided uses excluded), and what is left.
 */
export async function rewardSummary(
  db: Db,
  params: { clientId: number; asOf: string },
  scope: ClientScope = ALL_CLIENTS,
) {
  const { clientId, asOf } = params;
  await getClient(db, clientId, scope);
  const rule = await getRewardRule(db);
  const earnedRows = await earnedInstallments(db, clientId, asOf, rule);
  const redemptions = await redemptionsOf(db, clientId);
  const earned = earnedRows.reduce((sum, row) => sum + row.reward, 0);
  const used = redemptions
    .filter((row) => row.voidedAt === null && row.usedOn <= asOf)
    .reduce((sum, row) => sum + row.amount, 0);
  return {
    clientId,
    asOf,
    rule,
    ruleDescription: describeRewardRule(rule),
    earned,
    used,
    available: earned - used,
    /** Points for `available` when the rule gives points, otherwise null. */
    availablePoints: rule.kind === "points" ? rewardPoints(earned - used) : null,
    earnedRows,
    redemptions,
  };
}

/**
 * Records a use of a client's reward, e.g. as a rebate on a later contract.
 * The amount may not exceed what is available on the day it is used, nor
 * what is available today (a later use must not overdraw an earlier one).
 */
export async function redeemReward(
  db: Db,
  params: { clientId: number; amount: number; usedOn: string; contractId: number | null; note: string },
  actorName: string,
  today: string,
  nowIso: string,
  scope: ClientScope = ALL_CLIENTS,
) {
  if (params.usedOn > today) throw badInput("usedOn", `使用日期 ${params.usedOn} 晚于今天 ${today}`);
  if (params.contractId !== null) {
    const contract = await db
      .selectFrom("contract")
      .select("client_id")
      .where("id", "=", params.contractId)
      .executeTakeFirst();
    if (!contract || contract.client_id !== params.clientId) {
      throw badInput("contractId", `合同（编号 ${params.contractId}）不属于该客户`);
    }
  }
  for (const asOf of [params.usedOn, today]) {
    const summary = await rewardSummary(db, { clientId: params.clientId, asOf }, scope);
    if (!summary.rule.enabled) throw new AppError("CONFLICT", "按时回款奖励未启用，请先在系统设置中启用");
    if (params.amount > summary.available) {
      throw badInput(
        "amount",
        `使用金额 ${formatYuan(params.amount)} 超过 ${asOf} 可用的奖励 ${formatYuan(summary.available)}`,
      );
    }
  }
  const row = await db
    .insertInto("reward_redemption")
    .values({
      client_id: params.clientId,
      contract_id: params.contractId,
      amount: params.amount,
      used_on: params.usedOn,
      note: params.note,
      created_at: nowIso,
      created_by_name: actorName,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { redemptionId: row.id };
}

/** Voids a use of reward with a reason; the row stays. */
export async function voidRedemption(
  db: Db,
  params: { redemptionId: number; reason: string },
  nowIso: string,
  scope: ClientScope = ALL_CLIENTS,
) {
  const row = await db
    .selectFrom("reward_redemption")
    .select(["client_id", "voided_at"])
    .where("id", "=", params.redemptionId)
    .executeTakeFirst();
  if (!row) throw notFound("奖励使用记录", params.redemptionId);
  await getClient(db, row.client_id, scope).catch(() => {
    throw notFound("奖励使用记录", params.redemptionId);
  });
  if (row.voided_at) throw new AppError("CONFLICT", `奖励使用记录（编号 ${params.redemptionId}）已作废`);
  await db
    .updateTable("reward_redemption")
    .set({ voided_at: nowIso, void_reason: params.reason })
    .where("id", "=", params.redemptionId)
    .execute();
  return { redemptionId: params.redemptionId, clientId: row.client_id };
}
