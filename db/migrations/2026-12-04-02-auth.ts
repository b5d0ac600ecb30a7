import { type Kysely, PostgresAdapter, sql } from "kysely";

// The tables better-auth 1.7 reads and writes (server/auth.ts): users with
// the username and admin plugins' columns and our role and staffId, their
// sessions, their credential accounts (password hashes) and verification
// tokens. Names and types are what `getMigrations` of that configuration
// generates for SQLite; tests/integration/auth.test.ts fails if they drift.
// Frozen in time like every migration: no imports from the application.

/* eslint-disable @typescript-eslint/no-explicit-any */

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const date = postgres ? "timestamptz" : "date";
  const boolean = postgres ? "boolean" : "integer";

  await db.schema
    .createTable("user")
    .addColumn("id", "text", (c) => c.notNull().primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("emailVerified", boolean, (c) => c.notNull())
    .addColumn("image", "text")
    .addColumn("createdAt", date, (c) => c.notNull())
    .addColumn("updatedAt", date, (c) => c.notNull())
    .addColumn("username", "text", (c) => c.unique())
    .addColumn("displayUsername", "text")
    // admin, finance, account_manager or viewer (server/permissions.ts).
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("banned", boolean)
    .addColumn("banReason", "text")
    .addColumn("banExpires", date)
    // better-auth knows staffId only as a number; the key to staff is ours.
    .addColumn("staffId", "integer", (c) =>
      c.references("staff.id").onDelete("set null"),
    )
    .execute();
  // One sign-in per staff member.
  await db.schema
    .createIndex("user_staff_unique")
    .on("user")
    .column("staffId")
    .unique()
    .where(sql.ref("staffId"), "is not", null)
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.notNull().primaryKey())
    .addColumn("expiresAt", date, (c) => c.notNull())
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("createdAt", date, (c) => c.notNull())
    .addColumn("updatedAt", date, (c) => c.notNull())
    .addColumn("ipAddress", "text")
    .addColumn("userAgent", "text")
    .addColumn("userId", "text", (c) =>
      c.notNull().references("user.id").onDelete("cascade"),
    )
    .addColumn("impersonatedBy", "text")
    .execute();
  await db.schema
    .createIndex("session_userId_idx")
    .on("session")
    .column("userId")
    .execute();

  await db.schema
    .createTable("account")
    .addColumn("id", "text", (c) => c.notNull().primaryKey())
    .addColumn("accountId", "text", (c) => c.notNull())
    .addColumn("providerId", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) =>
      c.notNull().references("user.id").onDelete("cascade"),
    )
    .addColumn("accessToken", "text")
    .addColumn("refreshToken", "text")
    .addColumn("idToken", "text")
    .addColumn("accessTokenExpiresAt", date)
    .addColumn("refreshTokenExpiresAt", date)
    .addColumn("scope", "text")
    .addColumn("password", "text")
    .addColumn("createdAt", date, (c) => c.notNull())
    .addColumn("updatedAt", date, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("account_userId_idx")
    .on("account")
    .column("userId")
    .execute();

  await db.schema
    .createTable("verification")
    .addColumn("id", "text", (c) => c.notNull().primaryKey())
    .addColumn("identifier", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("expiresAt", date, (c) => c.notNull())
    .addColumn("createdAt", date, (c) => c.notNull())
    .addColumn("updatedAt", date, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("verification_identifier_idx")
    .on("verification")
    .column("identifier")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["verification", "account", "session", "user"]) {
    await db.schema.dropTable(table).execute();
  }
}
