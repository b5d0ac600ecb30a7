import type { ExpressionBuilder } from "kysely";

import type { Db } from "../../db";
import { installmentsAsOf } from "../../db/queries/balances";
import { openDisputedInstallmentIds } from "../../db/queries/disputes";
import type { Database } from "../../db/schema";
import type { Clock } from "../clock";
import { daysOverdue } from "../domain/aging";
import { type ContactChannel, type PromiseStatus, promiseStatus } from "../domain/collections";
import { addDays } from "../domain/dates";
import { AppError, badInput, notFound } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";
import { getClient } from "./clients";
import { clientLedger as loadLedger } from "./ledger";

/**
 * Collection work on a client: the contact log (催收记录), promises to pay
 * (承诺付款) and disputes on installments (有争议). Every function takes the
 * caller's client scope; a record of a client outside it is not found.
 */

/** The user recording a change, stored as the author of contacts and promises. */
export interface Author {
  id: string;
  name: string;
}

// ---------------------------------------------------------------- reasons

export interface CollectionReason {
  id: number;
  name: string;
  sortOrder: number;
  active: boolean;
  /** Contacts that name the reason; a used reason can be renamed or deactivated, never removed. */
  usedBy: number;
}

export async function listReasons(db: Db): Promise<CollectionReason[]> {
  const rows = await db
    .selectFrom("collection_reason as r")
    .select((eb) => [
      "r.id",
      "r.name",
      "r.sort_order",
      "r.active",
      eb
        .selectFrom("collection_contact as c")
        .select((sub) => sub.fn.countAll<number>().as("n"))
        .whereRef("c.reason_id", "=", "r.id")
        .as("usedBy"),
    ])
    .orderBy("r.sort_order")
    .orderBy("r.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    sortOrder: row.sort_order,
    active: row.active === 1,
    usedBy: Number(row.usedBy ?? 0),
  }));
}

export async function addReason(db: Db, name: string): Promise<number> {
  await rejectDuplicateReason(db, name, null);
  const last = await db
    .selectFrom("collection_reason")
    .select((eb) => eb.fn.max<number>("sort_order").as("last"))
    .executeTakeFirst();
  const row = await db
    .insertInto("collection_reason")
    .values({ name, sort_order: Number(last?.last ?? 0) + 10, active: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Renames a reason and sets whether new contacts may pick it. */
export async function updateReason(db: Db, input: { reasonId: number; name: string; active: boolean }) {
  const reason = await db.selectFrom("collection_reason").select("id").where("id", "=", input.reasonId).executeTakeFirst();
  if (!reason) throw notFound("未付款原因", input.reasonId);
  await rejectDuplicateReason(db, input.name, input.reasonId);
  await db
    .updateTable("collection_reason")
    .set({ name: input.name, active: input.active ? 1 : 0 })
    .where("id", "=", input.reasonId)
    .execute();
}

async function rejectDuplicateReason(db: Db, name: string, exceptId: number | null) {
  const existing = await db
    .selectFrom("collection_reason")
    .select("id")
    .where("name", "=", name)
    .$if(exceptId !== null, (query) => query.where("id", "!=", exceptId!))
    .executeTakeFirst();
  if (existing) throw new AppError("CONFLICT", `未付款原因"${name}"已存在`, "name");
}

// ---------------------------------------------------------------- contacts

export interface ContactInput {
  contractId: number | null;
  /** 'YYYY-MM-DDTHH:mm' in the business time zone, or null for now. */
  contactedAt: string | null;
  channel: ContactChannel;
  person: string;
  staffId: number | null;
  outcome: string;
  reasonId: number | null;
  nextFollowUpOn: string | null;
}

/** Returns the local time in the business zone as 'YYYY-MM-DDTHH:mm', on the clock's business date. */
export function localNow(clock: Clock): string {
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: clock.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(clock.nowIso()));
  return `${clock.today()}T${time}`;
}

/** Checks the references and dates of a contact; returns its contacted_at. */
async function checkContact(db: Db, clock: Clock, clientId: number, input: ContactInput): Promise<string> {
  const contactedAt = input.contactedAt ?? localNow(clock);
  const contactedOn = contactedAt.slice(0, 10);
  if (contactedOn > clock.today()) {
    throw badInput("contactedAt", `联系时间 ${contactedAt.replace("T", " ")} 晚于今天 ${clock.today()}，不能登记未来的催收记录`);
  }
  if (input.nextFollowUpOn !== null && input.nextFollowUpOn < contactedOn) {
    throw badInput(
      "nextFollowUpOn",
      `下次跟进日期 ${input.nextFollowUpOn} 早于联系日期 ${contactedOn}，请填写联系当天或之后的日期`,
    );
  }
  await checkContract(db, clientId, input.contractId);
  if (input.staffId !== null) {
    const staff = await db.selectFrom("staff").select("id").where("id", "=", input.staffId).executeTakeFirst();
    if (!staff) throw badInput("staffId", `经办业务员（编号 ${input.staffId}）不存在`);
  }
  if (input.reasonId !== null) {
    const reason = await db
      .selectFrom("collection_reason")
      .select(["id", "active"])
      .where("id", "=", input.reasonId)
      .executeTakeFirst();
    if (!reason) throw badInput("reasonId", `未付款原因（编号 ${input.reasonId}）不存在`);
  }
  return contactedAt;
}

async function checkContract(db: Db, clientId: number, contractId: number | null) {
  if (contractId === null) return;
  const contract = await db
    .selectFrom("contract")
    .select("client_id")
    .where("id", "=", contractId)
    .executeTakeFirst();
  if (!contract || contract.client_id !== clientId) {
    throw badInput("contractId", `合同（编号 ${contractId}）不存在或不属于该客户`);
  }
}

/**
 * Records a contact with a client, and the promise to pay made in it when
 * `promise` is given. Returns the new ids.
 */
export async function logContact(
  db: Db,
  clock: Clock,
  author: Author,
  clientId: number,
  input: ContactInput & { promise: { amount: number; promisedOn: string } | null },
  scope: ClientScope = ALL_CLIENTS,
): Promise<{ contactId: number; promiseId: number | null }> {
  await getClient(db, clientId, scope);
  const contactedAt = await checkContact(db, clock, clientId, input);
  const now = clock.nowIso();
  const row = await db
    .insertInto("collection_contact")
    .values({
      client_id: clientId,
      contract_id: input.contractId,
      contacted_at: contactedAt,
      channel: input.channel,
      person: input.person,
      staff_id: input.staffId,
      outcome: input.outcome,
      reason_id: input.reasonId,
      next_follow_up_on: input.nextFollowUpOn,
      created_by_id: author.id,
      created_by_name: author.name,
      recorded_on: clock.today(),
      created_at: now,
      updated_at: now,
      voided_at: null,
      void_reason: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  if (!input.promise) return { contactId: row.id, promiseId: null };
  const promiseId = await insertPromise(db, clock, author, {
    clientId,
    contractId: input.contractId,
    contactId: row.id,
    amount: input.promise.amount,
    promisedOn: input.promise.promisedOn,
    madeOn: contactedAt.slice(0, 10),
    note: "",
    field: "promise.promisedOn",
  });
  return { contactId: row.id, promiseId };
}

async function contactInScope(db: Db, contactId: number, scope: ClientScope) {
  const contact = await db
    .selectFrom("collection_contact as c")
    .innerJoin("client as cl", "cl.id", "c.client_id")
    .select(["c.id", "c.client_id", "c.created_by_id", "c.recorded_on", "c.voided_at"])
    .where("c.id", "=", contactId)
    .$if(scope.accountManagerId !== null, (query) =>
      query.where("cl.account_manager_id", "=", scope.accountManagerId),
    )
    .executeTakeFirst();
  if (!contact) throw notFound("催收记录", contactId);
  return contact;
}

/**
 * Corrects a contact. Only its author may, on the day it was recorded; a
 * later correction is a new contact, since the log is evidence.
 */
export async function updateContact(
  db: Db,
  clock: Clock,
  author: Author,
  contactId: number,
  input: ContactInput,
  scope: ClientScope = ALL_CLIENTS,
) {
  const contact = await contactInScope(db, contactId, scope);
  if (contact.voided_at !== null) throw badInput("contactId", `催收记录（编号 ${contactId}）已作废，不能修改`);
  if (contact.created_by_id !== author.id) {
    throw new AppError("FORBIDDEN", "只有登记人本人可以修改这条催收记录；如需更正，请新增一条记录");
  }
  if (contact.recorded_on !== clock.today()) {
    throw new AppError(
      "FORBIDDEN",
      `催收记录只能在登记当天（${contact.recorded_on}）修改；如需更正，请新增一条记录`,
    );
  }
  const contactedAt = await checkContact(db, clock, contact.client_id, input);
  await db
    .updateTable("collection_contact")
    .set({
      contract_id: input.contractId,
      contacted_at: contactedAt,
      channel: input.channel,
      person: input.person,
      staff_id: input.staffId,
      outcome: input.outcome,
      reason_id: input.reasonId,
      next_follow_up_on: input.nextFollowUpOn,
      updated_at: clock.nowIso(),
    })
    .where("id", "=", contactId)
    .execute();
}

/**
 * Voids a contact entered by mistake, with the promise made in it. Its
 * author or an administrator may; the row stays as history.
 */
export async function voidContact(
  db: Db,
  clock: Clock,
  author: Author & { isAdmin: boolean },
  contactId: number,
  reason: string,
  scope: ClientScope = ALL_CLIENTS,
) {
  const contact = await contactInScope(db, contactId, scope);
  if (contact.voided_at !== null) throw badInput("contactId", `催收记录（编号 ${contactId}）已作废，不能重复作废`);
  if (contact.created_by_id !== author.id && !author.isAdmin) {
    throw new AppError("FORBIDDEN", "只有登记人本人或管理员可以作废这条催收记录");
  }
  const now = clock.nowIso();
  await db.updateTable("collection_contact").set({ voided_at: now, void_reason: reason }).where("id", "=", contactId).execute();
  await db
    .updateTable("payment_promise")
    .set({ voided_at: now, void_reason: `随催收记录作废：${reason}` })
    .where("contact_id", "=", contactId)
    .where("voided_at", "is", null)
    .execute();
}

export interface ContactFilter {
  clientId?: number | null;
  staffId?: number | null;
  channel?: ContactChannel | null;
  /** Contact dates, inclusive. */
  from?: string | null;
  to?: string | null;
  accountManagerId?: number | null;
  includeVoided?: boolean;
  limit?: number;
}

export interface ContactRow {
  id: number;
  clientId: number;
  clientName: string;
  contractId: number | null;
  contractNo: string | null;
  contactedAt: string;
  channel: string;
  person: string;
  staffId: number | null;
  staffName: string | null;
  outcome: string;
  reasonId: number | null;
  reasonName: string | null;
  nextFollowUpOn: string | null;
  createdById: string | null;
  createdByName: string;
  recordedOn: string;
  voidedAt: string | null;
  voidReason: string | null;
}

/** Default and maximum number of contacts one listing returns. */
export const CONTACT_LIST_LIMIT = 500;

/**
 * Lists contacts matching `filter`, newest first, with the names a
 * statement or an export needs. Voided contacts are left out unless asked
 * for. Pass the caller's scope through `accountManagerId` (withinScope).
 */
export async function listContacts(db: Db, filter: ContactFilter): Promise<ContactRow[]> {
  let query = db
    .selectFrom("collection_contact as c")
    .innerJoin("client as cl", "cl.id", "c.client_id")
    .leftJoin("contract as k", "k.id", "c.contract_id")
    .leftJoin("staff as s", "s.id", "c.staff_id")
    .leftJoin("collection_reason as r", "r.id", "c.reason_id")
    .select([
      "c.id",
      "c.client_id as clientId",
      "cl.name as clientName",
      "c.contract_id as contractId",
      "k.contract_no as contractNo",
      "c.contacted_at as contactedAt",
      "c.channel",
      "c.person",
      "c.staff_id as staffId",
      "s.name as staffName",
      "c.outcome",
      "c.reason_id as reasonId",
      "r.name as reasonName",
      "c.next_follow_up_on as nextFollowUpOn",
      "c.created_by_id as createdById",
      "c.created_by_name as createdByName",
      "c.recorded_on as recordedOn",
      "c.voided_at as voidedAt",
      "c.void_reason as voidReason",
    ]);
  if (filter.clientId) query = query.where("c.client_id", "=", filter.clientId);
  if (filter.staffId) query = query.where("c.staff_id", "=", filter.staffId);
  if (filter.channel) query = query.where("c.channel", "=", filter.channel);
  if (filter.from) query = query.where("c.contacted_at", ">=", filter.from);
  // contacted_at carries a time, so the end of the range is the next day.
  if (filter.to) query = query.where("c.contacted_at", "<", addDays(filter.to, 1));
  if (filter.accountManagerId) query = query.where("cl.account_manager_id", "=", filter.accountManagerId);
  if (!filter.includeVoided) query = query.where("c.voided_at", "is", null);

  return query
    .orderBy("c.contacted_at", "desc")
    .orderBy("c.id", "desc")
    .limit(Math.min(filter.limit ?? CONTACT_LIST_LIMIT, CONTACT_LIST_LIMIT))
    .execute();
}

// ---------------------------------------------------------------- promises

async function insertPromise(
  db: Db,
  clock: Clock,
  author: Author,
  input: {
    clientId: number;
    contractId: number | null;
    contactId: number | null;
    amount: number;
    promisedOn: string;
    madeOn: string;
    note: string;
    field: string;
  },
): Promise<number> {
  if (input.promisedOn < input.madeOn) {
    throw badInput(input.field, `承诺付款日期 ${input.promisedOn} 早于承诺当天 ${input.madeOn}`);
  }
  const row = await db
    .insertInto("payment_promise")
    .values({
      client_id: input.clientId,
      contract_id: input.contractId,
      contact_id: input.contactId,
      amount: input.amount,
      promised_on: input.promisedOn,
      made_on: input.madeOn,
      note: input.note,
      created_by_id: author.id,
      created_by_name: author.name,
      created_at: clock.nowIso(),
      voided_at: null,
      void_reason: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records a promise to pay made outside a logged contact, as of today. */
export async function recordPromise(
  db: Db,
  clock: Clock,
  author: Author,
  input: { clientId: number; contractId: number | null; amount: number; promisedOn: string; note: string },
  scope: ClientScope = ALL_CLIENTS,
): Promise<number> {
  await getClient(db, input.clientId, scope);
  await checkContract(db, input.clientId, input.contractId);
  return insertPromise(db, clock, author, { ...input, contactId: null, madeOn: clock.today(), field: "promisedOn" });
}

export async function voidPromise(
  db: Db,
  clock: Clock,
  promiseId: number,
  reason: string,
  scope: ClientScope = ALL_CLIENTS,
) {
  const promise = await db
    .selectFrom("payment_promise as p")
    .innerJoin("client as cl", "cl.id", "p.client_id")
    .select(["p.id", "p.voided_at"])
    .where("p.id", "=", promiseId)
    .$if(scope.accountManagerId !== null, (query) =>
      query.where("cl.account_manager_id", "=", scope.accountManagerId),
    )
    .executeTakeFirst();
  if (!promise) throw notFound("承诺付款", promiseId);
  if (promise.voided_at !== null) throw badInput("promiseId", `承诺付款（编号 ${promiseId}）已作废，不能重复作废`);
  await db
    .updateTable("payment_promise")
    .set({ voided_at: clock.nowIso(), void_reason: reason })
    .where("id", "=", promiseId)
    .execute();
}

type PromiseRows = ExpressionBuilder<Database & { p: Database["payment_promise"] }, "p">;

/**
 * Live payments of the promise's client received from the day the promise
 * was made to the earlier of `asOf` and the promised date, in fen. A
 * reversed payment never counts, whenever it was reversed.
 */
export function paidTowardsPromise(eb: PromiseRows, asOf: string) {
  return eb
    .selectFrom("payment as pay")
    .select((sub) => sub.fn.coalesce(sub.fn.sum<number>("pay.amount"), sub.lit(0)).as("paid"))
    .whereRef("pay.client_id", "=", "p.client_id")
    .where("pay.reversed_at", "is", null)
    .whereRef("pay.received_on", ">=", "p.made_on")
    .whereRef("pay.received_on", "<=", "p.promised_on")
    .where("pay.received_on", "<=", asOf);
}

export interface PromiseRow {
  id: number;
  clientId: number;
  contractId: number | null;
  contractNo: string | null;
  contactId: number | null;
  amount: number;
  promisedOn: string;
  madeOn: string;
  note: string;
  createdByName: string;
  voidedAt: string | null;
  voidReason: string | null;
  /** Counted towards the promise by `asOf`, in fen. */
  paid: number;
  /** Null for a voided promise. */
  status: PromiseStatus | null;
}

/** Lists a client's promises made by `asOf`, newest promised date first, each with its status on `asOf`. */
export async function clientPromises(db: Db, clientId: number, asOf: string): Promise<PromiseRow[]> {
  const rows = await db
    .selectFrom("payment_promise as p")
    .leftJoin("contract as k", "k.id", "p.contract_id")
    .select((eb) => [
      "p.id",
      "p.client_id as clientId",
      "p.contract_id as contractId",
      "k.contract_no as contractNo",
      "p.contact_id as contactId",
      "p.amount",
      "p.promised_on as promisedOn",
      "p.made_on as madeOn",
      "p.note",
      "p.created_by_name as createdByName",
      "p.voided_at as voidedAt",
      "p.void_reason as voidReason",
      paidTowardsPromise(eb, asOf).as("paid"),
    ])
    .where("p.client_id", "=", clientId)
    .where("p.made_on", "<=", asOf)
    .orderBy("p.promised_on", "desc")
    .orderBy("p.id", "desc")
    .execute();
  return rows.map((row) => {
    const paid = Number(row.paid ?? 0);
    return { ...row, paid, status: row.voidedAt === null ? promiseStatus(row, paid, asOf) : null };
  });
}

// ---------------------------------------------------------------- disputes

async function installmentInScope(db: Db, installmentId: number, scope: ClientScope) {
  const installment = await db
    .selectFrom("installment as i")
    .innerJoin("contract as c", "c.id", "i.contract_id")
    .innerJoin("client as cl", "cl.id", "c.client_id")
    .select(["i.id", "c.client_id as clientId", "c.contract_no as contractNo", "i.label"])
    .where("i.id", "=", installmentId)
    .$if(scope.accountManagerId !== null, (query) =>
      query.where("cl.account_manager_id", "=", scope.accountManagerId),
    )
    .executeTakeFirst();
  if (!installment) throw notFound("分期", installmentId);
  return installment;
}

/** Marks an installment as disputed from today. At most one dispute per installment is open. */
export async function openDispute(
  db: Db,
  clock: Clock,
  author: Author,
  input: { installmentId: number; reason: string },
  scope: ClientScope = ALL_CLIENTS,
): Promise<number> {
  const installment = await installmentInScope(db, input.installmentId, scope);
  const open = await db
    .selectFrom("installment_dispute")
    .select("id")
    .where("installment_id", "=", input.installmentId)
    .where("resolved_at", "is", null)
    .executeTakeFirst();
  if (open) {
    throw new AppError(
      "CONFLICT",
      `合同 ${installment.contractNo} 的分期"${installment.label}"已有未解决的争议，请先解决后再登记新的争议`,
      "installmentId",
    );
  }
  const row = await db
    .insertInto("installment_dispute")
    .values({
      installment_id: input.installmentId,
      reason: input.reason,
      opened_on: clock.today(),
      opened_by_name: author.name,
      created_at: clock.nowIso(),
      resolved_on: null,
      resolution_note: null,
      resolved_by_name: null,
      resolved_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Resolves an open dispute today with a note; the dispute stays as history. */
export async function resolveDispute(
  db: Db,
  clock: Clock,
  author: Author,
  input: { disputeId: number; note: string },
  scope: ClientScope = ALL_CLIENTS,
) {
  const dispute = await db
    .selectFrom("installment_dispute")
    .select(["id", "installment_id", "resolved_at"])
    .where("id", "=", input.disputeId)
    .executeTakeFirst();
  if (!dispute) throw notFound("争议", input.disputeId);
  await installmentInScope(db, dispute.installment_id, scope).catch(() => {
    throw notFound("争议", input.disputeId);
  });
  if (dispute.resolved_at !== null) throw badInput("disputeId", `争议（编号 ${input.disputeId}）已解决，不能重复解决`);
  await db
    .updateTable("installment_dispute")
    .set({
      resolved_on: clock.today(),
      resolution_note: input.note,
      resolved_by_name: author.name,
      resolved_at: clock.nowIso(),
    })
    .where("id", "=", input.disputeId)
    .execute();
}

export interface DisputeRow {
  id: number;
  installmentId: number;
  clientId: number;
  clientName: string;
  contractId: number;
  contractNo: string;
  installmentLabel: string;
  seq: number;
  dueDate: string;
  installmentAmount: number;
  reason: string;
  openedOn: string;
  openedByName: string;
  resolvedOn: string | null;
  resolutionNote: string | null;
  resolvedByName: string | null;
  /** Whether the dispute is open on the as-of date. */
  openOnAsOf: boolean;
}

/**
 * Lists disputes opened by `asOf`, newest first, of one client or of every
 * client in `filter`'s manager scope. Resolved ones are included unless
 * `openOnly` asks for those open on `asOf`.
 */
export async function listDisputes(
  db: Db,
  asOf: string,
  filter: { clientId?: number | null; accountManagerId?: number | null; openOnly?: boolean },
): Promise<DisputeRow[]> {
  let query = db
    .selectFrom("installment_dispute as d")
    .innerJoin("installment as i", "i.id", "d.installment_id")
    .innerJoin("contract as c", "c.id", "i.contract_id")
    .innerJoin("client as cl", "cl.id", "c.client_id")
    .select([
      "d.id",
      "d.installment_id as installmentId",
      "c.client_id as clientId",
      "cl.name as clientName",
      "c.id as contractId",
      "c.contract_no as contractNo",
      "i.label as installmentLabel",
      "i.seq",
      "i.due_date as dueDate",
      "i.amount as installmentAmount",
      "d.reason",
      "d.opened_on as openedOn",
      "d.opened_by_name as openedByName",
      "d.resolved_on as resolvedOn",
      "d.resolution_note as resolutionNote",
      "d.resolved_by_name as resolvedByName",
    ])
    .where("d.opened_on", "<=", asOf);
  if (filter.clientId) query = query.where("c.client_id", "=", filter.clientId);
  if (filter.accountManagerId) query = query.where("cl.account_manager_id", "=", filter.accountManagerId);
  if (filter.openOnly) {
    query = query.where((eb) => eb.or([eb("d.resolved_on", "is", null), eb("d.resolved_on", ">", asOf)]));
  }
  const rows = await query.orderBy("d.opened_on", "desc").orderBy("d.id", "desc").execute();
  return rows.map((row) => ({ ...row, openOnAsOf: row.resolvedOn === null || row.resolvedOn > asOf }));
}

// ---------------------------------------------------------------- client overview

/**
 * Loads what the client page shows of collection work on `asOf`: contacts
 * made by then (voided ones marked), promises with their status, disputes,
 * and the client's installments for the dispute form.
 */
export async function clientCollections(db: Db, clientId: number, asOf: string, scope: ClientScope = ALL_CLIENTS) {
  const client = await getClient(db, clientId, scope);
  const contacts = await listContacts(db, { clientId, includeVoided: true, to: asOf });
  const promises = await clientPromises(db, clientId, asOf);
  const disputes = await listDisputes(db, asOf, { clientId });
  const installmentRows = await db
    .selectFrom(installmentsAsOf(db, asOf, { clientId }).as("x"))
    .innerJoin("installment as i", "i.id", "x.installment_id")
    .innerJoin("contract as c", "c.id", "x.contract_id")
    .select(["i.id", "c.id as contractId", "c.contract_no as contractNo", "i.seq", "i.label", "i.due_date as dueDate", "i.amount", "x.applied"])
    .orderBy("c.contract_no")
    .orderBy("i.seq")
    .execute();
  const openDisputeByInstallment = new Map(
    disputes.filter((dispute) => dispute.openOnAsOf).map((dispute) => [dispute.installmentId, dispute.id]),
  );
  const installments = installmentRows.map((row) => {
    const outstanding = row.amount - Number(row.applied ?? 0);
    return {
      id: row.id,
      contractId: row.contractId,
      contractNo: row.contractNo,
      seq: row.seq,
      label: row.label,
      dueDate: row.dueDate,
      amount: row.amount,
      outstanding,
      daysOverdue: outstanding > 0 ? daysOverdue(row.dueDate, asOf) : 0,
      openDisputeId: openDisputeByInstallment.get(row.id) ?? null,
    };
  });
  const broken = promises.filter((promise) => promise.status === "broken");
  return {
    asOf,
    client: { id: client.id, name: client.name, contactPerson: client.contactPerson, accountManagerId: client.accountManagerId },
    contacts,
    promises,
    brokenPromises: broken.length,
    disputes,
    installments,
  };
}

// ---------------------------------------------------------------- letters

type Ledger = Awaited<ReturnType<typeof loadLedger>>;

/**
 * Removes the installments in `disputed` from a ledger and recomputes each
 * contract's paid, outstanding and overdue figures and the overdue and
 * outstanding totals without them. Letters use it because they do not demand
 * disputed amounts, while balances and reports keep them.
 */
export function withoutDisputedInstallments(ledger: Ledger, disputed: ReadonlySet<number>): Ledger {
  if (disputed.size === 0) return ledger;
  const contracts = ledger.contracts.map((contract) => {
    const installments = contract.installments.filter((item) => !disputed.has(item.id));
    const overdueItems = installments.filter((item) => item.outstanding > 0 && item.daysOverdue > 0);
    return {
      ...contract,
      installments,
      paid: installments.reduce((sum, item) => sum + item.paid, 0),
      outstanding: installments.reduce((sum, item) => sum + item.outstanding, 0),
      overdue: overdueItems.reduce((sum, item) => sum + item.outstanding, 0),
      earliestOverdueDueDate: overdueItems.map((item) => item.dueDate).sort()[0] ?? null,
      daysOverdue: Math.max(0, ...overdueItems.map((item) => item.daysOverdue)),
    };
  });
  const counted = contracts.filter((contract) => contract.signedByAsOf);
  return {
    ...ledger,
    contracts,
    totals: {
      ...ledger.totals,
      outstanding: counted.reduce((sum, contract) => sum + contract.outstanding, 0),
      overdue: counted.reduce((sum, contract) => sum + contract.overdue, 0),
    },
  };
}

/** Loads a client's ledger on `asOf` without the installments disputed on that date, for letters. */
export async function ledgerWithoutDisputes(db: Db, clientId: number, asOf: string): Promise<Ledger> {
  const ledger = await loadLedger(db, clientId, asOf);
  return withoutDisputedInstallments(ledger, await openDisputedInstallmentIds(db, asOf, { clientId }));
}
