/**
 * The demo: a Shanghai advertising agency with two years of clients,
 * contracts and payments ending today. Everything is drawn from a fixed
 * seed and placed relative to `clock.today()`, so the same today gives the
 * same demo, and the demo looks current whenever it is started.
 */

import type { Db } from "..";
import type { Clock } from "../../server/clock";
import { addDays } from "../../server/domain/dates";
import { createClient } from "../../server/services/clients";
import { createContract } from "../../server/services/contracts";
import { recordPayment, reversePayment } from "../../server/services/payments";
import { getCompanyProfile, saveCompanyProfile } from "../../server/services/settings";
import { BUSINESS_TYPES, DEMO_COMPANY, DEMO_STAFF } from "./demo-catalog";
import {
  type ClientPlan,
  type ContractPlan,
  type DemoMonth,
  demoMonths,
  disputeClientNote,
  isLostClient,
  lostClientNote,
  planClients,
  planContracts,
} from "./demo-contracts";
import { type PaymentPlan, planPayments } from "./demo-payments";
import { seedDemoCollections } from "./demo-collections";
import { seedDemoCosts } from "./demo-costs";
import { seedDemoCredit } from "./demo-credit";
import { seedDemoUsers } from "./demo-users";
import { Random } from "./demo-random";

/** Seed of every random draw in the demo. */
const DEMO_SEED = 20_261_204;

export interface DemoPlan {
  months: DemoMonth[];
  clients: ClientPlan[];
  contracts: ContractPlan[];
  payments: PaymentPlan[];
}

/**
 * Creates the demo agency through the application services, so allocations
 * and paid amounts are exactly what users would get, all in one transaction.
 * Returns null, changing nothing, when the database already has a client;
 * otherwise returns how many rows of each kind exist afterwards.
 */
export async function seedDemoIfEmpty(db: Db, clock: Clock): Promise<null | Record<string, number>> {
  return inOneTransaction(db, async (trx) => {
    const anyClient = await trx.selectFrom("client").select("id").limit(1).executeTakeFirst();
    if (anyClient) return null;

    const plan = planDemo(clock.today());
    await writeDemo(trx, clock, plan);
    await seedDemoCosts(trx, clock, plan.months, DEMO_SEED + 3);
    await seedDemoCollections(trx, clock);
    await seedDemoCredit(trx, clock);
    await seedDemoUsers(trx);
    return countRows(trx);
  });
}

/** Draws the whole demo for `today` without touching a database. */
export function planDemo(today: string): DemoPlan {
  const months = demoMonths(today);
  const clients = planClients(new Random(DEMO_SEED));
  const contracts = planContracts(new Random(DEMO_SEED + 1), clients, months);
  const disputed = contracts.find((contract) => contract.disputed);
  if (disputed) clients[disputed.clientKey]!.notes = disputeClientNote(disputed);
  for (const client of clients.filter(isLostClient)) client.notes = lostClientNote(client, months);

  const payments = planPayments(new Random(DEMO_SEED + 2), clients, contracts, months, today);
  return { months, clients, contracts, payments };
}

/**
 * Runs `work` in one transaction; the services it calls join it (they use
 * inTransaction), so a failure anywhere rolls back the whole demo.
 */
async function inOneTransaction<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(trx));
}

interface SeedEvent {
  /** Business date the record is entered on. */
  on: string;
  /**
   * Order on the same date: clients (0), contracts (1), payments (2),
   * reversals (3), then re-entries of reversed amounts (4).
   */
  rank: number;
  write(clock: Clock): Promise<void>;
}

async function writeDemo(db: Db, clock: Clock, plan: DemoPlan): Promise<void> {
  const setupDay = addDays(plan.months[0]!.start, -30);
  const setupClock = entryClock(clock, setupDay, 0);
  const profile = await getCompanyProfile(db);
  if (Object.values(profile).every((value) => value.trim() === "")) {
    await saveCompanyProfile(db, setupClock, DEMO_COMPANY);
  }
  const staffIds = await ensureStaff(db, setupClock);
  const typeIds = await businessTypeIds(db);

  const clientIds = new Map<number, number>();
  const contractIds = new Map<number, number>();
  const events: SeedEvent[] = [
    ...clientEvents(db, plan, staffIds, clientIds),
    ...plan.contracts.map((contract) => contractEvent(db, contract, typeIds, clientIds, contractIds)),
    ...plan.payments.flatMap((payment) => paymentEvents(db, payment, clientIds, contractIds)),
  ];

  const ordered = events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) =>
        a.event.on.localeCompare(b.event.on) || a.event.rank - b.event.rank || a.index - b.index,
    );
  const perDay = new Map<string, number>();
  for (const { event } of ordered) {
    const sequence = perDay.get(event.on) ?? 0;
    perDay.set(event.on, sequence + 1);
    await event.write(entryClock(clock, event.on, sequence));
  }
}

/**
 * Inserts the demo's account managers and returns their ids by demo index.
 * A manager already entered under the same name is reused.
 */
async function ensureStaff(db: Db, clock: Clock): Promise<number[]> {
  const ids: number[] = [];
  for (const member of DEMO_STAFF) {
    const existing = await db
      .selectFrom("staff")
      .select("id")
      .where("name", "=", member.name)
      .executeTakeFirst();
    const row =
      existing ??
      (await db
        .insertInto("staff")
        .values({ name: member.name, phone: member.phone, created_at: clock.nowIso() })
        .returning("id")
        .executeTakeFirstOrThrow());
    ids.push(row.id);
  }
  return ids;
}

async function businessTypeIds(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom("business_type").select(["id", "name"]).execute();
  const ids = new Map(rows.map((row) => [row.name, row.id]));
  const missing = BUSINESS_TYPES.filter((name) => !ids.has(name));
  if (missing.length > 0) {
    const names = missing.join(", ");
    throw new Error(`Demo needs the business types of the first migration; missing: ${names}`);
  }
  return ids;
}

/** Plans the entry of each client a few days to a few weeks before its first contract or payment. */
function clientEvents(
  db: Db,
  plan: DemoPlan,
  staffIds: readonly number[],
  clientIds: Map<number, number>,
): SeedEvent[] {
  const firstActivity = new Map<number, string>();
  const note = (clientKey: number, date: string) => {
    const known = firstActivity.get(clientKey);
    if (!known || date < known) firstActivity.set(clientKey, date);
  };
  for (const contract of plan.contracts) note(contract.clientKey, contract.signedOn);
  for (const payment of plan.payments) note(payment.clientKey, payment.receivedOn);

  return plan.clients.map((client) => {
    const first = firstActivity.get(client.key) ?? plan.months[0]!.start;
    const leadDays = 3 + ((client.key * 7) % 25);
    return {
      on: addDays(first, -leadDays),
      rank: 0,
      async write(clock) {
        const { clientId } = await createClient(db, clock, {
          name: client.spec.name,
          contactPerson: client.contactPerson,
          phone: client.phone,
          address: client.address,
          accountManagerId: staffIds[client.managerIndex] ?? null,
          notes: client.notes,
        });
        clientIds.set(client.key, clientId);
      },
    };
  });
}

function contractEvent(
  db: Db,
  contract: ContractPlan,
  typeIds: ReadonlyMap<string, number>,
  clientIds: ReadonlyMap<number, number>,
  contractIds: Map<number, number>,
): SeedEvent {
  return {
    on: contract.signedOn,
    rank: 1,
    async write(clock) {
      const { contractId } = await createContract(db, clock, {
        clientId: clientIds.get(contract.clientKey)!,
        contractNo: contract.contractNo,
        businessTypeId: typeIds.get(contract.businessType)!,
        title: contract.title,
        signedOn: contract.signedOn,
        serviceStart: contract.serviceStart,
        serviceEnd: contract.serviceEnd,
        totalAmount: contract.totalAmount,
        mediaCost: contract.mediaCost,
        productionCost: contract.productionCost,
        notes: contract.notes,
        installments: contract.installments,
      });
      contractIds.set(contract.key, contractId);
    },
  };
}

/**
 * Plans the entries of one payment. A mistyped amount is entered, reversed on a
 * later day and entered again correctly; a duplicate is entered twice and
 * the second entry reversed.
 */
function paymentEvents(
  db: Db,
  payment: PaymentPlan,
  clientIds: ReadonlyMap<number, number>,
  contractIds: ReadonlyMap<number, number>,
): SeedEvent[] {
  const record = async (clock: Clock, amount: number) => {
    const { paymentId } = await recordPayment(db, clock, {
      clientId: clientIds.get(payment.clientKey)!,
      receivedOn: payment.receivedOn,
      amount,
      method: payment.method,
      bankReference: payment.bankReference,
      note: payment.note,
      contractId: payment.contractKey === null ? null : contractIds.get(payment.contractKey)!,
      // The demo's duplicate entry is the clerk's mistake, confirmed past the warning.
      allowDuplicateReference: true,
    });
    return paymentId;
  };

  const entry = (on: string, rank: number, amount: number): SeedEvent => ({
    on,
    rank,
    write: async (clock) => void (await record(clock, amount)),
  });

  const correction = payment.correction;
  if (!correction) return [entry(payment.receivedOn, 2, payment.amount)];

  let mistakenId = 0;
  const mistakenEntry = (amount: number): SeedEvent => ({
    on: payment.receivedOn,
    rank: 2,
    write: async (clock) => void (mistakenId = await record(clock, amount)),
  });
  const reversal: SeedEvent = {
    on: correction.reversedOn,
    rank: 3,
    write: async (clock) =>
      void (await reversePayment(db, clock, { paymentId: mistakenId, reason: correction.reason })),
  };

  if (correction.kind === "duplicate") {
    return [entry(payment.receivedOn, 2, payment.amount), mistakenEntry(payment.amount), reversal];
  }
  return [
    mistakenEntry(correction.enteredAmount),
    reversal,
    entry(correction.reversedOn, 4, payment.amount),
  ];
}

/**
 * Makes a clock whose `nowIso` is an office-hours instant on `date`, so the audit
 * timestamps of demo records match their business dates. `today()` stays
 * the real clock's.
 */
function entryClock(clock: Clock, date: string, sequence: number): Clock {
  // 01:00 UTC is 09:00 in China; entries of one day are two minutes apart.
  const minutes = 60 + ((sequence * 2) % (8 * 60));
  const instant = new Date(Date.parse(`${date}T00:00:00Z`) + minutes * 60_000).toISOString();
  return { timeZone: clock.timeZone, today: () => clock.today(), nowIso: () => instant };
}

async function countRows(db: Db): Promise<Record<string, number>> {
  const count = async (table: "staff" | "client" | "contract" | "installment" | "payment" | "allocation") => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  };
  const reversed = await db
    .selectFrom("payment")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("reversed_at", "is not", null)
    .executeTakeFirstOrThrow();

  return {
    staff: await count("staff"),
    clients: await count("client"),
    contracts: await count("contract"),
    installments: await count("installment"),
    payments: await count("payment"),
    reversedPayments: Number(reversed.count),
    allocations: await count("allocation"),
  };
}
