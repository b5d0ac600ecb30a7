import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Driver,
  Kysely,
  PostgresDialect,
  type PostgresDialectConfig,
  PostgresDriver,
  type TransactionSettings,
} from "kysely";
import pg from "pg";

import { parseBigint, parseNumeric } from "./numbers";
import { CurrentSchemaIntrospector } from "./postgres-introspector";
import { PostgresSchemaPlugin } from "./postgres-schema";

/** Connections per process when HUIKUAN_DB_POOL_SIZE is unset. */
export const DEFAULT_POOL_SIZE = 10;

export interface PostgresOptions {
  /** Maximum open connections of the pool. */
  poolSize?: number;
  /** Schema for unqualified names (search_path); the server's default when unset. */
  schema?: string;
  /** Milliseconds an unused connection stays open. */
  idleTimeoutMillis?: number;
}

/**
 * Every transaction first takes a lock that one transaction per schema can
 * hold, the rule SQLite's `BEGIN IMMEDIATE` gives: one write transaction at a
 * time, while queries outside a transaction never wait. The payment path
 * reads the open installments and then allocates, and it was built for that
 * rule, so no write path needs its own `FOR UPDATE` analysis. Nothing is
 * retried either, so no procedure runs twice, as it could under SERIALIZABLE.
 * Without the lock the concurrency tests over-apply installments. Writes are
 * few and short here, so running them one at a time costs little.
 */
class WriterLockPostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(
      CompiledQuery.raw("select pg_advisory_xact_lock(hashtext('huikuan writer ' || current_schema()))"),
    );
  }
}

class WriterLockPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new WriterLockPostgresDriver(this.#config);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Type parsers of this pool only: BIGINT and NUMERIC become checked numbers;
 * every other type (text dates, better-auth's timestamptz as Date) keeps
 * node-postgres's parser.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID) return parseBigint;
    if (oid === NUMERIC_OID) return parseNumeric;
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
  },
} as pg.CustomTypesConfig;

/** Builds a Kysely instance over a pool of connections to the PostgreSQL server at `url`. */
export function openPostgres<Database>(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    idleTimeoutMillis: options.idleTimeoutMillis ?? 30_000,
    types,
    ...(options.schema ? { options: `-c search_path=${checkedSchemaName(options.schema)}` } : {}),
  });
  return new Kysely<Database>({
    dialect: new WriterLockPostgresDialect({ pool }),
    plugins: [new PostgresSchemaPlugin()],
  });
}

/** Returns `name` when it is a plain lower-case identifier, which needs no quoting in search_path. */
function checkedSchemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`Invalid PostgreSQL schema name ${JSON.stringify(name)}: use lower-case letters, digits and _`);
  }
  return name;
}

/** Quotes an SQL identifier (schema or table name) for PostgreSQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
