import { type Kysely, sql } from "kysely";

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The official 2026 calendar of the State Council (国务院办公厅, notice of
 * 2025-11-04): every day off, weekends inside a break included, and the
 * weekend days worked in exchange (调休上班). Admins edit it on the
 * holiday settings page and add later years there.
 */
const CALENDAR_2026: readonly [date: string, kind: "holiday" | "workday", name: string][] = [
  ...range("2026-01-01", 3, "元旦"),
  ["2026-01-04", "workday", "元旦调休上班"],
  ["2026-02-14", "workday", "春节调休上班"],
  ...range("2026-02-15", 9, "春节"),
  ["2026-02-28", "workday", "春节调休上班"],
  ...range("2026-04-04", 3, "清明节"),
  ...range("2026-05-01", 5, "劳动节"),
  ["2026-05-09", "workday", "劳动节调休上班"],
  ...range("2026-06-19", 3, "端午节"),
  ["2026-09-20", "workday", "国庆节调休上班"],
  ...range("2026-09-25", 3, "中秋节"),
  ...range("2026-10-01", 7, "国庆节"),
  ["2026-10-10", "workday", "国庆节调休上班"],
];

function range(first: string, days: number, name: string): [string, "holiday", string][] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: days }, (_, index) => [
    new Date(start + index * 86_400_000).toISOString().slice(0, 10),
    "holiday",
    name,
  ]);
}

/**
 * Reminder notifications: staff e-mail addresses, the holiday calendar,
 * channel settings with their secrets, the send log and the lease that
 * keeps the daily job to one process.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("staff")
    .addColumn("email", "text", (column) => column.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("holiday")
    .addColumn("date", "text", (column) => column.primaryKey())
    .addColumn("kind", "text", (column) => column.notNull().check(sqlIn("kind", ["holiday", "workday"])))
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto("holiday")
    .values(CALENDAR_2026.map(([date, kind, name]) => ({ date, kind, name, updated_at: now })))
    .execute();

  await db.schema
    .createTable("notification_channel")
    .addColumn("channel", "text", (column) => column.primaryKey())
    .addColumn("enabled", "integer", (column) => column.notNull().defaultTo(0))
    .addColumn("config", "text", (column) => column.notNull().defaultTo("{}"))
    .addColumn("secrets", "text", (column) => column.notNull().defaultTo("{}"))
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();

  await db.schema
    .createTable("notification_send")
    .addColumn("id", "integer", (column) => column.primaryKey().autoIncrement())
    .addColumn("run_date", "text", (column) => column.notNull())
    .addColumn("recipient", "text", (column) => column.notNull())
    .addColumn("channel", "text", (column) => column.notNull())
    .addColumn("digest", "text", (column) => column.notNull())
    .addColumn("title", "text", (column) => column.notNull())
    .addColumn("body", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull().check(sqlIn("status", ["pending", "sent", "failed"])))
    .addColumn("attempts", "integer", (column) => column.notNull().defaultTo(0))
    .addColumn("parts_sent", "integer", (column) => column.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addColumn("sent_at", "text")
    .addUniqueConstraint("notification_send_once", ["run_date", "recipient", "channel", "digest"])
    .execute();
  await db.schema
    .createIndex("notification_send_status")
    .on("notification_send")
    .columns(["status", "run_date"])
    .execute();

  await db.schema
    .createTable("job_lease")
    .addColumn("name", "text", (column) => column.primaryKey())
    .addColumn("holder", "text")
    .addColumn("expires_at", "text")
    .addColumn("last_run_date", "text")
    .addColumn("last_digest_date", "text")
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.insertInto("job_lease").values({ name: "reminders", updated_at: now }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("job_lease").execute();
  await db.schema.dropTable("notification_send").execute();
  await db.schema.dropTable("notification_channel").execute();
  await db.schema.dropTable("holiday").execute();
  await db.schema.alterTable("staff").dropColumn("email").execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(", ")})`);
}
