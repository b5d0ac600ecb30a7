import type { Kysely, Transaction } from "kysely";

/**
 * Runs `work` in a transaction: the caller's when `db` already is one (a
 * mutation procedure opens one so its audit row commits with the change),
 * else a new one. Kysely does not nest transactions.
 */
export function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx: Transaction<DB>) => work(trx));
}
