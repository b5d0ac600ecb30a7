import { sql } from "kysely";

import type { Db } from "..";
import { clientBalancesAsOf } from "../queries/balances";
import type { Clock } from "../../server/clock";
import { addDays } from "../../server/domain/dates";
import { logContact, openDispute } from "../../server/services/collections";

/** Author of the demo's collection records. It is no user, so no one can edit them. */
const DEMO_AUTHOR = { id: "demo-seed", name: "演示数据" };

/** Returns `clock` moved to another business date, for records entered in the past. */
function clockOn(clock: Clock, date: string): Clock {
  return { ...clock, today: () => date };
}

/**
 * Collection work for the demo, so the worklist and client pages are not
 * empty on a fresh start: contacts with follow-ups, a kept, a broken and an
 * open promise, and a dispute on the demo's disputed outdoor contract.
 * Picks clients by their balances on today, in a fixed order.
 */
export async function seedDemoCollections(db: Db, clock: Clock): Promise<void> {
  const today = clock.today();
  const overdue = (await clientBalancesAsOf(db, today))
    .filter((row) => row.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.clientId - b.clientId);
  const reasons = new Map(
    (await db.selectFrom("collection_reason").select(["id", "name"]).execute()).map((row) => [row.name, row.id]),
  );
  const reason = (name: string) => reasons.get(name) ?? null;

  const dispute = await seedDispute(db, clock);
  const others = overdue.filter((row) => row.clientId !== dispute);

  // A broken promise: half of the overdue amount promised ten days ago, nothing paid since.
  const madeOn = addDays(today, -20);
  let broken: (typeof others)[number] | undefined;
  for (const candidate of others.filter((row) => row.overdue >= 200)) {
    const paidSince = await db
      .selectFrom("payment")
      .select("id")
      .where("client_id", "=", candidate.clientId)
      .where("reversed_at", "is", null)
      .where("received_on", ">=", madeOn)
      .executeTakeFirst();
    if (paidSince) continue;
    broken = candidate;
    await logContact(db, clockOn(clock, madeOn), DEMO_AUTHOR, candidate.clientId, {
      ...contactBase(await contactPerson(db, candidate.clientId)),
      contactedAt: `${madeOn}T10:30`,
      channel: "电话",
      outcome: "对方财务称本月资金紧张，承诺十天内先付一半。",
      reasonId: reason("资金紧张"),
      nextFollowUpOn: addDays(today, -10),
      promise: { amount: Math.floor(candidate.overdue / 2), promisedOn: addDays(today, -10) },
    });
    break;
  }

  // A kept promise: made three days before the client's latest payment, for that payment's amount.
  const lastPayment = await db
    .selectFrom("payment")
    .select(["client_id", "received_on", "amount"])
    .where("reversed_at", "is", null)
    .where("received_on", "<=", today)
    .where("received_on", ">=", addDays(today, -60))
    .orderBy("received_on", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (lastPayment && lastPayment.client_id !== broken?.clientId) {
    const madeOn = addDays(lastPayment.received_on, -3);
    await logContact(db, clockOn(clock, madeOn), DEMO_AUTHOR, lastPayment.client_id, {
      ...contactBase(await contactPerson(db, lastPayment.client_id)),
      contactedAt: `${madeOn}T15:00`,
      channel: "上门拜访",
      outcome: "上门对账，对方确认金额无误，承诺本周内付款。",
      reasonId: reason("内部审批流程中"),
      nextFollowUpOn: null,
      promise: { amount: lastPayment.amount, promisedOn: addDays(lastPayment.received_on, 2) },
    });
  }

  // Follow-ups due today and yesterday, and an open promise a week ahead.
  const [first, second, third] = others.filter((row) => row.clientId !== broken?.clientId);
  if (first) {
    await logContact(db, clockOn(clock, addDays(today, -3)), DEMO_AUTHOR, first.clientId, {
      ...contactBase(await contactPerson(db, first.clientId)),
      contactedAt: `${addDays(today, -3)}T09:45`,
      channel: "微信",
      outcome: "经办人已离职，新对接人尚未确定，约定今天再联系。",
      reasonId: reason("经办人变动"),
      nextFollowUpOn: today,
      promise: null,
    });
  }
  if (second) {
    await logContact(db, clockOn(clock, addDays(today, -6)), DEMO_AUTHOR, second.clientId, {
      ...contactBase(await contactPerson(db, second.clientId)),
      contactedAt: `${addDays(today, -6)}T14:10`,
      channel: "电话",
      outcome: "对方称付款申请在走审批，预计下周完成。",
      reasonId: reason("内部审批流程中"),
      nextFollowUpOn: addDays(today, -1),
      promise: null,
    });
  }
  if (third) {
    await logContact(db, clockOn(clock, addDays(today, -1)), DEMO_AUTHOR, third.clientId, {
      ...contactBase(await contactPerson(db, third.clientId)),
      contactedAt: `${addDays(today, -1)}T16:20`,
      channel: "上门拜访",
      outcome: "与老板当面沟通，承诺一周内付清逾期款。",
      reasonId: reason("资金紧张"),
      nextFollowUpOn: addDays(today, 7),
      promise: { amount: third.overdue, promisedOn: addDays(today, 7) },
    });
  }
}

function contactBase(person: string) {
  return { contractId: null, staffId: null, person: person || "财务负责人" };
}

async function contactPerson(db: Db, clientId: number): Promise<string> {
  const row = await db.selectFrom("client").select("contact_person").where("id", "=", clientId).executeTakeFirst();
  return row?.contact_person ?? "";
}

/**
 * Opens a dispute on the first open installment of the demo's disputed
 * contract, found by its title, and logs the visit where the client raised
 * it. Returns the client's id, or null when the demo has no such contract.
 */
async function seedDispute(db: Db, clock: Clock): Promise<number | null> {
  const contract = await db
    .selectFrom("contract")
    .select(["id", "client_id"])
    .where("title", "like", "周年庆户外LED大屏%")
    .executeTakeFirst();
  if (!contract) return null;
  const installment = await db
    .selectFrom("installment")
    .select("id")
    .where("contract_id", "=", contract.id)
    .where(sql<boolean>`amount > paid_amount`)
    .orderBy("seq")
    .executeTakeFirst();
  if (!installment) return null;

  const reason = await db
    .selectFrom("collection_reason")
    .select("id")
    .where("name", "=", "对设计/制作不满意")
    .executeTakeFirst();
  const openedOn = addDays(clock.today(), -14);
  await openDispute(db, clockOn(clock, openedOn), DEMO_AUTHOR, {
    installmentId: installment.id,
    reason: "客户认为围挡画面与确认稿色差明显、LED点位偏移，拒付上刊款，双方协商中。",
  });
  await logContact(db, clockOn(clock, openedOn), DEMO_AUTHOR, contract.client_id, {
    ...contactBase(await contactPerson(db, contract.client_id)),
    contractId: contract.id,
    contactedAt: `${openedOn}T11:00`,
    channel: "上门拜访",
    outcome: "带监测照片和签字确认稿上门沟通，对方坚持画面质量问题，要求降价。",
    reasonId: reason?.id ?? null,
    nextFollowUpOn: addDays(clock.today(), 3),
    promise: null,
  });
  return contract.client_id;
}
