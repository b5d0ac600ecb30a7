/**
 * The daily reminder job: builds the day's digests, records one send log
 * row per recipient, channel and digest, and delivers every row still due.
 *
 * A lease row keeps the job to one process at a time, and the send log's
 * unique key (run_date, recipient, channel, digest) means a second run on
 * the same day sends nothing that went out already.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

import type { Db } from "../../db";
import type { Clock } from "../clock";
import { addDays } from "../domain/dates";
import { logger } from "../logger";
import { isWorkingDay } from "./calendar";
import { type ChannelName, type OutgoingMessage } from "./channels";
import { DEFAULT_DELIVERY, type DeliveryOptions, type DeliveryOutcome, deliverRow } from "./delivery";
import { buildDigests, collectReminderItems, type Digest, renderMarkdown, renderText } from "./digest";
import { getReminderRules, getStoredChannels, loadCalendar, type StoredChannels } from "./store";
import { reminderWindow } from "./rules";

export const REMINDER_JOB = "reminders";

/** Failed sends are retried by the runs of this many days after their own. */
export const RETRY_DAYS = 7;

/** How long a lease lasts unless renewed; each delivered row renews it. */
const LEASE_MS = 15 * 60_000;

const ROBOT_RECIPIENT = "群机器人";

export interface ReminderJobOptions {
  /** Business date to run for; today by the clock when absent. */
  date?: string;
  /** Run even when the date already ran; the send log still keeps each message to one send. */
  force?: boolean;
  /** Name of this process in the lease. */
  holder?: string;
  delivery?: DeliveryOptions;
}

export type ReminderJobResult =
  | { status: "busy"; date: string }
  | { status: "already-ran"; date: string }
  | { status: "disabled"; date: string }
  | { status: "skipped"; date: string }
  | { status: "ran"; date: string; days: string[]; digests: number; created: number; sent: number; failed: number };

export function defaultHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Runs the reminder job for one business date. Returns "busy" when another
 * process holds the lease and "already-ran" when the date ran before
 * (unless forced). A failed send never throws; it is recorded on its row.
 */
export async function runReminderJob(db: Db, clock: Clock, options: ReminderJobOptions = {}): Promise<ReminderJobResult> {
  const date = options.date ?? clock.today();
  const holder = options.holder ?? defaultHolder();

  const lease = await takeLease(db, clock, holder, date, options.force ?? false);
  if (lease.status !== "taken") {
    logger.info({ job: REMINDER_JOB, date, holder, status: lease.status }, "reminder job not run");
    return { status: lease.status, date };
  }

  let lastDigestDate = lease.lastDigestDate;
  try {
    const result = await runLeased(db, clock, date, lease.lastDigestDate, holder, options.delivery ?? DEFAULT_DELIVERY);
    if (result.status === "ran") lastDigestDate = maxDate(lastDigestDate, date);
    logger.info({ job: REMINDER_JOB, holder, ...result }, "reminder job finished");
    await releaseLease(db, clock, holder, { lastRunDate: date, lastDigestDate });
    return result;
  } catch (error) {
    // The run is not recorded, so the next check runs the date again.
    await releaseLease(db, clock, holder, null);
    throw error;
  }
}

async function runLeased(
  db: Db,
  clock: Clock,
  date: string,
  lastDigestDate: string | null,
  holder: string,
  delivery: DeliveryOptions,
): Promise<ReminderJobResult> {
  const rules = await getReminderRules(db);
  if (!rules.enabled) return { status: "disabled", date };

  if (rules.skipNonWorkingDays) {
    const calendar = await loadCalendar(db, date, date);
    if (!isWorkingDay(date, calendar)) return { status: "skipped", date };
  }

  const days = reminderWindow(date, lastDigestDate);
  const items = await collectReminderItems(db, date, days, rules);
  const staff = await db.selectFrom("staff").select(["id", "name", "email"]).orderBy("id").execute();
  const digests = buildDigests(date, items, staff);
  const channels = await getStoredChannels(db);
  const created = await recordSends(db, clock, date, digests, staff, channels);

  const outcomes = await deliverPending(db, clock, date, channels, delivery, holder);
  return {
    status: "ran",
    date,
    days,
    digests: digests.length,
    created,
    sent: outcomes.filter((outcome) => outcome.ok).length,
    failed: outcomes.filter((outcome) => !outcome.ok).length,
  };
}

/** Inserts a pending row per recipient, enabled channel and digest; a row of the same key is left as it is. */
async function recordSends(
  db: Db,
  clock: Clock,
  date: string,
  digests: readonly Digest[],
  staff: readonly { id: number; email: string }[],
  channels: StoredChannels,
): Promise<number> {
  const now = clock.nowIso();
  const financeAddresses = channels.email.enabled ? await financeRecipients(db, channels) : [];
  let created = 0;

  const insert = async (recipient: string, channel: ChannelName, digest: Digest, message: OutgoingMessage) => {
    const result = await db
      .insertInto("notification_send")
      .values({
        run_date: date,
        recipient,
        channel,
        digest: digest.key,
        title: message.title,
        body: message.body,
        status: "pending",
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(["run_date", "recipient", "channel", "digest"]).doNothing())
      .executeTakeFirst();
    created += Number(result.numInsertedOrUpdatedRows ?? 0);
  };

  for (const digest of digests) {
    if (channels.email.enabled) {
      const email = digest.staffId === null ? financeAddresses : staffAddress(staff, digest.staffId);
      for (const address of email) await insert(address, "email", digest, { title: digest.title, body: renderText(digest) });
    }
    for (const channel of ["wecom", "dingtalk"] as const) {
      if (!channels[channel].enabled) continue;
      await insert(ROBOT_RECIPIENT, channel, digest, { title: digest.title, body: renderMarkdown(digest) });
    }
  }
  return created;
}

function staffAddress(staff: readonly { id: number; email: string }[], staffId: number): string[] {
  const email = staff.find((person) => person.id === staffId)?.email.trim() ?? "";
  if (!email) logger.info({ staffId }, "reminder e-mail skipped: the account manager has no e-mail address");
  return email ? [email] : [];
}

/** Returns the configured finance addresses, or else those of the active finance users. */
async function financeRecipients(db: Db, channels: StoredChannels): Promise<string[]> {
  if (channels.email.config.financeRecipients.length > 0) return channels.email.config.financeRecipients;
  const users = await db
    .selectFrom("user")
    .select("email")
    .where("role", "=", "finance")
    .where((eb) => eb.or([eb("banned", "is", null), eb("banned", "=", 0)]))
    .orderBy("email")
    .execute();
  return users.map((user) => user.email).filter(Boolean);
}

/** Delivers the rows of the last RETRY_DAYS days up to `date` that are not sent yet, oldest first. */
async function deliverPending(
  db: Db,
  clock: Clock,
  date: string,
  channels: StoredChannels,
  delivery: DeliveryOptions,
  holder: string,
): Promise<DeliveryOutcome[]> {
  const rows = await db
    .selectFrom("notification_send")
    .select(["id", "run_date", "recipient", "channel", "digest", "title", "body", "attempts", "parts_sent"])
    .where("status", "in", ["pending", "failed"])
    .where("run_date", ">=", addDays(date, -RETRY_DAYS))
    .where("run_date", "<=", date)
    .where("digest", "not like", "test:%")
    .orderBy("id")
    .execute();

  const outcomes: DeliveryOutcome[] = [];
  for (const row of rows) {
    if (!channels[row.channel as ChannelName]?.enabled) continue;
    outcomes.push(await deliverRow(db, clock, channels, row, delivery));
    await renewLease(db, clock, holder);
  }
  return outcomes;
}

type LeaseResult = { status: "taken"; lastDigestDate: string | null } | { status: "busy" | "already-ran" };

/**
 * Takes the job's lease when no live holder has it, in one transaction
 * with a conditional update, so that of two processes starting together
 * exactly one gets it.
 */
export async function takeLease(db: Db, clock: Clock, holder: string, date: string, force: boolean): Promise<LeaseResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("job_lease").selectAll().where("name", "=", REMINDER_JOB).executeTakeFirstOrThrow();
    if (!force && row.last_run_date !== null && row.last_run_date >= date) return { status: "already-ran" };

    const now = clock.nowIso();
    const result = await trx
      .updateTable("job_lease")
      .set({ holder, expires_at: new Date(Date.parse(now) + LEASE_MS).toISOString(), updated_at: now })
      .where("name", "=", REMINDER_JOB)
      .where((eb) => eb.or([eb("holder", "is", null), eb("expires_at", "<", now)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { status: "busy" };
    return { status: "taken", lastDigestDate: row.last_digest_date };
  });
}

async function renewLease(db: Db, clock: Clock, holder: string): Promise<void> {
  const now = clock.nowIso();
  await db
    .updateTable("job_lease")
    .set({ expires_at: new Date(Date.parse(now) + LEASE_MS).toISOString(), updated_at: now })
    .where("name", "=", REMINDER_JOB)
    .where("holder", "=", holder)
    .execute();
}

/** Gives the lease up, recording the dates run when `progress` is given; dates never move back. */
async function releaseLease(
  db: Db,
  clock: Clock,
  holder: string,
  progress: { lastRunDate: string; lastDigestDate: string | null } | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("job_lease").selectAll().where("name", "=", REMINDER_JOB).executeTakeFirstOrThrow();
    await trx
      .updateTable("job_lease")
      .set({
        holder: null,
        expires_at: null,
        updated_at: clock.nowIso(),
        ...(progress
          ? {
              last_run_date: maxDate(row.last_run_date, progress.lastRunDate),
              last_digest_date: maxDate(row.last_digest_date, progress.lastDigestDate),
            }
          : {}),
      })
      .where("name", "=", REMINDER_JOB)
      .where("holder", "=", holder)
      .execute();
  });
}

/** Reads the job's progress, for the scheduler and the settings page. */
export async function reminderJobState(db: Db) {
  const row = await db.selectFrom("job_lease").selectAll().where("name", "=", REMINDER_JOB).executeTakeFirstOrThrow();
  return {
    lastRunDate: row.last_run_date,
    lastDigestDate: row.last_digest_date,
    holder: row.holder,
    expiresAt: row.expires_at,
  };
}

function maxDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
