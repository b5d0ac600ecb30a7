import fs from "node:fs";
import path from "node:path";

import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  SqliteDriver,
} from "kysely";

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
export function openSqlite<Database>(file: string): Kysely<Database> {
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
