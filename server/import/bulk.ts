import type { Db } from "../../db";
import { allocate, type AllocationLine, type OpenInstallment } from "../domain/allocation";
import type { RecordPaymentInput } from "../services/payments";

/**
 * Bulk writer of a confirmed import, run after the row handlers have
 * validated every row. It inserts contracts, installments and payments with
 * multi-row inserts and computes the allocations (核销) in memory. The
 * result is the same as calling createContract for each contract in file
 * order (which applies the client's credit) and then recordPayment for each
 * payment in received order (which replays the client's later payments).
 * Allocation rows, reversed ones included, and installment.paid_amount come
 * out identical. Must run inside the caller's transaction.
 */

/** A contract of a row, inserted with its single installment (全款) when the import finishes. */
export interface PendingContract {
  row: number;
  clientId: number;
  contractNo: string;
  businessTypeId: number;
  title: string;
  signedOn: string;
  totalAmount: number;
  notes: string;
  dueDate: string;
  /** Set once inserted. */
  id: number | null;
}

/** A payment of a row, recorded after every row is read. */
export interface DeferredPayment {
  row: number;
  input: RecordPaymentInput;
  /** Contract of this import the payment names; its id replaces input.contractId once inserted. */
  contract: PendingContract | null;
  /** Import key to remember with the payment id. */
  key: string | null;
}

/**
 * Rows per multi-row insert. 500 rows of at most 13 columns stay well under
 * the bound-parameter limits of SQLite (32,766) and PostgreSQL (65,535).
 */
const CHUNK_ROWS = 500;

interface ModelInstallment {
  id: number;
  contractId: number;
  dueDate: string;
  amount: number;
  paid: number;
  /** False until the contract is created in the replay (createContract order). */
  exists: boolean;
}

interface ModelAllocation {
  /** Database id of an allocation that existed before the import; null for a new one. */
  id: number | null;
  paymentId: number;
  installmentId: number;
  amount: number;
  createdAt: string;
  reversedAt: string | null;
}

interface ModelPayment {
  id: number;
  receivedOn: string;
  amount: number;
  contractId: number | null;
  applied: number;
  live: ModelAllocation[];
}

interface ModelClient {
  installments: ModelInstallment[];
  /** Live payments in received order, then id order (livePayments' order). */
  payments: ModelPayment[];
}

function chunks<T>(items: readonly T[], size = CHUNK_ROWS): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * Inserts rows in chunks and returns their ids in row order.
 * NOTE: it maps returned ids to rows by sorting them ascending, because
 * neither SQLite nor PostgreSQL promises the order of RETURNING rows. Both
 * assign the ids of one multi-row insert in increasing VALUES order
 * (SQLite rowid max + 1, a PostgreSQL serial's sequence).
 */
async function insertWithIds<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<{ id: number }[]>): Promise<number[]> {
  const ids: number[] = [];
  for (const chunk of chunks(rows)) {
    const returned = (await insert(chunk)).map((row) => Number(row.id)).sort((a, b) => a - b);
    if (returned.length !== chunk.length) throw new Error(`Inserted ${chunk.length} rows but got ${returned.length} ids back`);
    ids.push(...returned);
  }
  return ids;
}

async function insertContracts(db: Db, contracts: readonly PendingContract[], now: string): Promise<Map<number, number>> {
  const ids = await insertWithIds(contracts, (chunk) =>
    db
      .insertInto("contract")
      .values(
        chunk.map((contract) => ({
          client_id: contract.clientId,
          contract_no: contract.contractNo,
          business_type_id: contract.businessTypeId,
          title: contract.title,
          signed_on: contract.signedOn,
          service_start: null,
          service_end: null,
          total_amount: contract.totalAmount,
          media_cost: 0,
          production_cost: 0,
          notes: contract.notes,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning("id")
      .execute(),
  );
  contracts.forEach((contract, index) => (contract.id = ids[index]!));

  const installmentIds = await insertWithIds(contracts, (chunk) =>
    db
      .insertInto("installment")
      .values(chunk.map((contract) => ({ contract_id: contract.id!, client_id: contract.clientId, seq: 1, label: "全款", due_date: contract.dueDate, amount: contract.totalAmount })))
      .returning("id")
      .execute(),
  );
  return new Map(contracts.map((contract, index) => [contract.id!, installmentIds[index]!]));
}

/** Inserts the payments in received order (then row order), as recordPayment would, and sets their contract ids. */
async function insertPayments(db: Db, payments: DeferredPayment[], now: string): Promise<number[]> {
  payments.sort((a, b) => a.input.receivedOn.localeCompare(b.input.receivedOn) || a.row - b.row);
  for (const payment of payments) {
    if (payment.contract) payment.input.contractId = payment.contract.id;
  }
  return insertWithIds(payments, (chunk) =>
    db
      .insertInto("payment")
      .values(
        chunk.map(({ input }) => ({
          client_id: input.clientId,
          received_on: input.receivedOn,
          amount: input.amount,
          method: input.method,
          bank_reference: input.bankReference,
          note: input.note,
          contract_id: input.contractId,
          created_at: now,
          reversed_at: null,
          reversal_reason: null,
        })),
      )
      .returning("id")
      .execute(),
  );
}

/** Loads installments, live payments and their live allocations of the clients; `skipPayments` are left out. */
async function loadClients(db: Db, clientIds: readonly number[], skipPayments: ReadonlySet<number>): Promise<Map<number, ModelClient>> {
  const clients = new Map<number, ModelClient>(clientIds.map((id) => [id, { installments: [], payments: [] }]));
  const paymentsById = new Map<number, ModelPayment>();
  for (const chunk of chunks(clientIds)) {
    const installments = await db
      .selectFrom("installment as i")
      .innerJoin("contract as c", "c.id", "i.contract_id")
      .select(["i.id", "i.contract_id", "i.due_date", "i.amount", "i.paid_amount", "c.client_id"])
      .where("c.client_id", "in", chunk)
      .orderBy("i.id")
      .execute();
    for (const row of installments) {
      clients.get(row.client_id)!.installments.push({ id: row.id, contractId: row.contract_id, dueDate: row.due_date, amount: row.amount, paid: row.paid_amount, exists: true });
    }
    const payments = await db
      .selectFrom("payment")
      .select(["id", "client_id", "received_on", "amount", "contract_id"])
      .where("client_id", "in", chunk)
      .where("reversed_at", "is", null)
      .orderBy("received_on")
      .orderBy("id")
      .execute();
    for (const row of payments) {
      if (skipPayments.has(row.id)) continue;
      const payment: ModelPayment = { id: row.id, receivedOn: row.received_on, amount: row.amount, contractId: row.contract_id, applied: 0, live: [] };
      paymentsById.set(row.id, payment);
      clients.get(row.client_id)!.payments.push(payment);
    }
  }
  for (const chunk of chunks([...paymentsById.keys()])) {
    const allocations = await db
      .selectFrom("allocation")
      .select(["id", "payment_id", "installment_id", "amount", "created_at"])
      .where("payment_id", "in", chunk)
      .where("reversed_at", "is", null)
      .execute();
    for (const row of allocations) {
      const payment = paymentsById.get(row.payment_id)!;
      payment.live.push({ id: row.id, paymentId: row.payment_id, installmentId: row.installment_id, amount: row.amount, createdAt: row.created_at, reversedAt: null });
      payment.applied += row.amount;
    }
  }
  return clients;
}

/** In-memory replay of the allocation services over the loaded clients; collects every allocation it writes or reverses. */
class AllocationReplay {
  /** New allocations in the order the services would have inserted them. */
  readonly created: ModelAllocation[] = [];
  /** Allocations of before the import that the replay reversed. */
  readonly reversed: ModelAllocation[] = [];
  private readonly installmentsById = new Map<number, ModelInstallment>();

  constructor(
    private readonly clients: Map<number, ModelClient>,
    private readonly now: string,
  ) {
    for (const client of clients.values()) for (const installment of client.installments) this.installmentsById.set(installment.id, installment);
  }

  hide(installmentId: number): void {
    this.installmentsById.get(installmentId)!.exists = false;
  }

  private open(client: ModelClient): OpenInstallment[] {
    return client.installments
      .filter((item) => item.exists && item.paid < item.amount)
      .map((item) => ({ installmentId: item.id, contractId: item.contractId, dueDate: item.dueDate, outstanding: item.amount - item.paid }));
  }

  private write(payment: ModelPayment, lines: readonly AllocationLine[]): void {
    for (const line of lines) {
      const allocation: ModelAllocation = { id: null, paymentId: payment.id, installmentId: line.installmentId, amount: line.amount, createdAt: this.now, reversedAt: null };
      payment.live.push(allocation);
      payment.applied += line.amount;
      this.installmentsById.get(line.installmentId)!.paid += line.amount;
      this.created.push(allocation);
    }
  }

  /** Same as applyClientCredit after createContract: unapplied payments, oldest first, to open installments. */
  createContract(clientId: number, installmentId: number): void {
    this.installmentsById.get(installmentId)!.exists = true;
    const client = this.clients.get(clientId)!;
    const credit = client.payments.filter((payment) => payment.amount - payment.applied > 0);
    if (credit.length === 0) return;
    let open = this.open(client);
    for (const payment of credit) {
      if (open.length === 0) break;
      const plan = allocate(payment.amount - payment.applied, open);
      this.write(payment, plan.lines);
      open = reduceOpen(open, plan.lines);
    }
  }

  /**
   * Same as recordPayment: the payment joins the client's live payments, then replayAllocations from its date.
   * NOTE: each call collects and sorts all of the client's open installments, so one client with thousands of
   * open installments makes the import quadratic, and this loop is synchronous (a 30,000-row file of 5 clients
   * blocked the server process for minutes). Files of about 50 rows per client are linear.
   */
  recordPayment(clientId: number, payment: ModelPayment): void {
    const client = this.clients.get(clientId)!;
    let index = client.payments.length;
    while (index > 0 && comparePayments(client.payments[index - 1]!, payment) > 0) index -= 1;
    client.payments.splice(index, 0, payment);

    for (const later of client.payments) {
      if (later.receivedOn <= payment.receivedOn || later.applied === 0) continue;
      for (const allocation of later.live) {
        allocation.reversedAt = this.now;
        this.installmentsById.get(allocation.installmentId)!.paid -= allocation.amount;
        if (allocation.id !== null) this.reversed.push(allocation);
      }
      later.live = [];
      later.applied = 0;
    }

    let open = this.open(client);
    for (const queued of client.payments) {
      const unapplied = queued.amount - queued.applied;
      if (unapplied <= 0) continue;
      const plan = allocate(unapplied, open, queued.contractId);
      this.write(queued, plan.lines);
      open = reduceOpen(open, plan.lines);
    }
  }

  /** Installments whose paid amount changed, with the new amount. */
  changedInstallments(initial: ReadonlyMap<number, number>): Array<{ id: number; paid: number }> {
    const changed: Array<{ id: number; paid: number }> = [];
    for (const installment of this.installmentsById.values()) {
      if (installment.paid !== initial.get(installment.id)) changed.push({ id: installment.id, paid: installment.paid });
    }
    return changed;
  }
}

function comparePayments(a: ModelPayment, b: ModelPayment): number {
  return a.receivedOn.localeCompare(b.receivedOn) || a.id - b.id;
}

function reduceOpen(open: OpenInstallment[], lines: readonly AllocationLine[]): OpenInstallment[] {
  const paid = new Map(lines.map((line) => [line.installmentId, line.amount]));
  return open
    .map((item) => ({ ...item, outstanding: item.outstanding - (paid.get(item.installmentId) ?? 0) }))
    .filter((item) => item.outstanding > 0);
}

async function writeAllocations(db: Db, replay: AllocationReplay, initialPaid: ReadonlyMap<number, number>, now: string): Promise<void> {
  for (const chunk of chunks(replay.created)) {
    await db
      .insertInto("allocation")
      .values(chunk.map((item) => ({ payment_id: item.paymentId, installment_id: item.installmentId, amount: item.amount, created_at: item.createdAt, reversed_at: item.reversedAt })))
      .execute();
  }
  for (const chunk of chunks(replay.reversed.map((item) => item.id!))) {
    await db.updateTable("allocation").set({ reversed_at: now }).where("id", "in", chunk).execute();
  }
  for (const chunk of chunks(replay.changedInstallments(initialPaid), 200)) {
    await db
      .updateTable("installment")
      .set((eb) => {
        let amount = eb.case().when("id", "=", chunk[0]!.id).then(chunk[0]!.paid);
        for (const item of chunk.slice(1)) amount = amount.when("id", "=", item.id).then(item.paid);
        return { paid_amount: amount.else(eb.ref("paid_amount")).end() };
      })
      .where("id", "in", chunk.map((item) => item.id))
      .execute();
  }
}

/**
 * Writes the contracts and payments of an import and their allocations,
 * with the same result as createContract for each contract in file order
 * and then recordPayment for each payment in received order. Sorts
 * `payments` into received order and sets the contract ids they name.
 */
export async function writeInBulk(
  db: Db,
  now: string,
  contracts: readonly PendingContract[],
  payments: DeferredPayment[],
  importId: number | null,
): Promise<void> {
  const installmentOf = await insertContracts(db, contracts, now);
  const paymentIds = await insertPayments(db, payments, now);

  const clientIds = [...new Set([...contracts.map((item) => item.clientId), ...payments.map((item) => item.input.clientId)])];
  const clients = await loadClients(db, clientIds, new Set(paymentIds));
  const initialPaid = new Map<number, number>();
  for (const client of clients.values()) for (const installment of client.installments) initialPaid.set(installment.id, installment.paid);

  const replay = new AllocationReplay(clients, now);
  for (const contract of contracts) replay.hide(installmentOf.get(contract.id!)!);
  for (const contract of contracts) replay.createContract(contract.clientId, installmentOf.get(contract.id!)!);
  payments.forEach((payment, index) => {
    const { input } = payment;
    replay.recordPayment(input.clientId, { id: paymentIds[index]!, receivedOn: input.receivedOn, amount: input.amount, contractId: input.contractId, applied: 0, live: [] });
  });
  await writeAllocations(db, replay, initialPaid, now);

  if (importId === null) return;
  const keys = payments.flatMap((payment, index) => (payment.key === null ? [] : [{ entity: "payment", key: payment.key, record_id: paymentIds[index]!, import_id: importId }]));
  for (const chunk of chunks(keys)) await db.insertInto("import_key").values(chunk).execute();
}
