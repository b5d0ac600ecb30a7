import fs from "node:fs";
import path from "node:path";

import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type Driver,
} from "kysely";
import { Migrator } from "kysely/migration";

import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

export type Db = Kysely<Database>;

/**
 * SQLite driver whose transactions take the write lock at BEGIN. A deferred
 * transaction that reads and then writes can fail with SQLITE_BUSY when
 * another process wrote in between; BEGIN IMMEDIATE makes it wait instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * Opens (creating if needed) an SQLite database file, or `:memory:`, with
 * WAL journaling, foreign keys enforced and a busy timeout.
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");

  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: sqlite }),
  });
}

/** Runs every pending migration; throws with the failing one's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`Database migration failed${name}: ${String(error)}`, {
      cause: error,
    });
  }
}

/** Database file from HUIKUAN_DB, or data/huikuan.db in the working folder. */
export function databaseFile(): string {
  return process.env.HUIKUAN_DB || path.join(process.cwd(), "data", "huikuan.db");
}

const globalForDb = globalThis as unknown as { huikuanDb?: Db };

/**
 * The process-wide database handle, cached on `globalThis` so that module
 * reloads in development do not open another connection.
 */
export function getDb(): Db {
  globalForDb.huikuanDb ??= openDatabase(databaseFile());
  return globalForDb.huikuanDb;
}
