import path from "node:path";

import { type Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";

import { isPostgres, isPostgresUrl } from "./dialect/kind";
import { DEFAULT_POOL_SIZE, openPostgres } from "./dialect/postgres";
import { openSqlite } from "./dialect/sqlite";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

export type Db = Kysely<Database>;

export interface OpenOptions {
  /** PostgreSQL only: maximum connections of the pool. */
  poolSize?: number;
  /** PostgreSQL only: schema for unqualified table names (search_path). */
  schema?: string;
  /** PostgreSQL only: milliseconds an unused connection stays open. */
  idleTimeoutMillis?: number;
}

/**
 * Opens the database `target` names. A `postgres://` or `postgresql://` URL
 * opens a pool of connections to that PostgreSQL server. Anything else is an
 * SQLite file (created if needed) or `:memory:`.
 */
export function openDatabase(target: string, options: OpenOptions = {}): Db {
  if (isPostgresUrl(target)) return openPostgres<Database>(target, options);
  return openSqlite<Database>(target);
}

/** Runs every pending migration; throws with the failing one's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  // Unordered: a migration written on a parallel branch may land after a
  // later-numbered one already ran on a development database. Each
  // migration only adds its own tables and columns, so order between
  // branches does not matter.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    allowUnorderedMigrations: true,
    // Kysely looks for its migration table in every schema of a PostgreSQL
    // database, so name the current one to keep other schemas' tables apart.
    ...(isPostgres(db) ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`Database migration failed${name}: ${String(error)}`, {
      cause: error,
    });
  }
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error("PostgreSQL has no current schema: check search_path of the database user");
  return schema;
}

/**
 * The SQLite database file: DATABASE_URL when it is a file path, else
 * HUIKUAN_DB, else data/huikuan.db in the working folder.
 */
export function databaseFile(): string {
  const url = process.env.DATABASE_URL;
  if (url && !isPostgresUrl(url)) return url;
  return process.env.HUIKUAN_DB || path.join(process.cwd(), "data", "huikuan.db");
}

/** Returns the PostgreSQL URL in DATABASE_URL, or null when the app uses an SQLite file. */
export function postgresUrl(): string | null {
  const url = process.env.DATABASE_URL;
  return url && isPostgresUrl(url) ? url : null;
}

/** Returns what DATABASE_URL selects: the PostgreSQL URL, or else the SQLite file (see databaseFile). */
export function databaseTarget(): string {
  return postgresUrl() ?? databaseFile();
}

/** Names the configured database for logs: the SQLite file, or the PostgreSQL URL without its password. */
export function describeDatabase(): string {
  const url = postgresUrl();
  if (!url) return databaseFile();
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/** Pool size from HUIKUAN_DB_POOL_SIZE (1 to 100), for PostgreSQL. */
export function poolSizeFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env.HUIKUAN_DB_POOL_SIZE;
  if (!text) return DEFAULT_POOL_SIZE;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw new Error(`HUIKUAN_DB_POOL_SIZE must be an integer from 1 to 100, got ${JSON.stringify(text)}`);
  }
  return size;
}

const globalForDb = globalThis as unknown as { huikuanDb?: Db };

/**
 * The process-wide database handle (DATABASE_URL, see databaseFile), cached
 * on `globalThis` so that module reloads in development do not open another
 * connection or pool.
 */
export function getDb(): Db {
  const url = postgresUrl();
  globalForDb.huikuanDb ??= url ? openDatabase(url, { poolSize: poolSizeFromEnv() }) : openDatabase(databaseFile());
  return globalForDb.huikuanDb;
}
