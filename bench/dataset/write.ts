import type SQLite from "better-sqlite3";

import { dateText } from "./calendar";
import type { ClientData } from "./plan";

/**
 * Prepared INSERT statements for every generated table. Rows carry their
 * ids, so nothing is read back while writing. Callers wrap batches of
 * clients in one transaction.
 */
export class DatasetWriter {
  readonly #contract: SQLite.Statement;
  readonly #installment: SQLite.Statement;
  readonly #payment: SQLite.Statement;
  readonly #allocation: SQLite.Statement;
  readonly #reversedAt = new Map<number, string>();

  constructor(sqlite: SQLite.Database) {
    this.#contract = sqlite.prepare(
      `insert into contract (id, client_id, contract_no, business_type_id, title, signed_on, service_start,
        service_end, total_amount, media_cost, production_cost, notes, created_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 1)`,
    );
    this.#installment = sqlite.prepare(
      `insert into installment (id, contract_id, client_id, seq, label, due_date, amount, paid_amount)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#payment = sqlite.prepare(
      `insert into payment (id, client_id, received_on, amount, method, bank_reference, note, contract_id,
        created_at, reversed_at, reversal_reason)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#allocation = sqlite.prepare(
      `insert into allocation (id, payment_id, installment_id, amount, created_at, reversed_at)
       values (?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Writes one client's contracts, installments, payments and allocations. */
  writeClient(data: ClientData): void {
    for (const contract of data.contracts) {
      const created = timestamp(contract.signedOn, 1);
      this.#contract.run(
        contract.id,
        contract.clientId,
        contract.contractNo,
        contract.businessTypeId,
        contract.title,
        dateText(contract.signedOn),
        dateText(contract.serviceStart),
        dateText(contract.serviceEnd),
        contract.totalAmount,
        contract.mediaCost,
        contract.productionCost,
        created,
        created,
      );
    }
    const clientOf = new Map(data.contracts.map((contract) => [contract.id, contract.clientId]));
    for (const installment of data.installments) {
      this.#installment.run(
        installment.id,
        installment.contractId,
        clientOf.get(installment.contractId),
        installment.seq,
        installment.label,
        dateText(installment.dueDay),
        installment.amount,
        installment.paidAmount,
      );
    }
    for (const payment of data.payments) {
      const reversedAt = payment.reversed ? timestamp(payment.receivedDay, 3) : null;
      if (reversedAt) this.#reversedAt.set(payment.id, reversedAt);
      this.#payment.run(
        payment.id,
        payment.clientId,
        dateText(payment.receivedDay),
        payment.amount,
        payment.method,
        payment.bankReference,
        payment.note,
        payment.contractId,
        timestamp(payment.receivedDay, 2),
        reversedAt,
        payment.reversed ? "重复登记，冲销" : null,
      );
    }
    for (const allocation of data.allocations) {
      this.#allocation.run(
        allocation.id,
        allocation.paymentId,
        allocation.installmentId,
        allocation.amount,
        timestamp(allocation.createdDay, 2),
        allocation.reversed ? (this.#reversedAt.get(allocation.paymentId) ?? timestamp(allocation.createdDay, 3)) : null,
      );
    }
    this.#reversedAt.clear();
  }
}

/** ISO timestamp of a business day at `hour` UTC (morning in China). */
export function timestamp(day: number, hour: number): string {
  return `${dateText(day)}T0${hour}:00:00.000Z`;
}

export interface IndexDefinition {
  name: string;
  sql: string;
}

/**
 * Drops the secondary indexes of the bulk-loaded tables and returns their
 * definitions, so they can be built once after the insert instead of
 * being updated row by row. Indexes behind UNIQUE constraints stay.
 */
export function dropSecondaryIndexes(sqlite: SQLite.Database, tables: readonly string[]): IndexDefinition[] {
  const placeholders = tables.map(() => "?").join(", ");
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_master
       where type = 'index' and sql is not null and tbl_name in (${placeholders})`,
    )
    .all(...tables) as IndexDefinition[];
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  return indexes;
}

export function createIndexes(sqlite: SQLite.Database, indexes: readonly IndexDefinition[]): void {
  for (const index of indexes) sqlite.exec(index.sql);
}
