import { type Kysely, PostgresAdapter } from "kysely";

/** Any Kysely instance, whatever its table types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;

/** The database systems the app runs on. */
export type DatabaseKind = "sqlite" | "postgres";

/** Returns whether `target` (a DATABASE_URL value) names a PostgreSQL server rather than an SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** Returns the system behind an open Kysely instance, read from its adapter. */
export function databaseKind(db: AnyKysely): DatabaseKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

export function isPostgres(db: AnyKysely): boolean {
  return databaseKind(db) === "postgres";
}
