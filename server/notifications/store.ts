/**
 * Reading and writing the reminder settings: rules (in the setting table),
 * channels with their secrets, the holiday calendar and the send log.
 */
import type { Db } from "../../db";
import type { Clock } from "../clock";
import { notFound } from "../errors";
import { type CalendarDayKind, type HolidayCalendar, isCalendarDayKind } from "./calendar";
import type { ChannelName, EmailSecrets, EmailSettings, RobotSecrets } from "./channels";
import { DEFAULT_REMINDER_RULES, type ReminderRules } from "./rules";

export const REMINDER_RULES_KEY = "reminder_rules";

export async function getReminderRules(db: Db): Promise<ReminderRules> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", REMINDER_RULES_KEY).executeTakeFirst();
  if (!row) return { ...DEFAULT_REMINDER_RULES };
  return { ...DEFAULT_REMINDER_RULES, ...(JSON.parse(row.value) as Partial<ReminderRules>) };
}

export async function saveReminderRules(db: Db, clock: Clock, rules: ReminderRules): Promise<ReminderRules> {
  const value = JSON.stringify(rules);
  const updatedAt = clock.nowIso();
  await db
    .insertInto("setting")
    .values({ key: REMINDER_RULES_KEY, value, updated_at: updatedAt })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
  return rules;
}

export const EMPTY_EMAIL_SETTINGS: EmailSettings = {
  host: "",
  port: 465,
  tls: true,
  user: "",
  from: "",
  financeRecipients: [],
};

/** A channel with its secrets, for sending only; never returned by a procedure. */
export type StoredChannel =
  | { channel: "email"; enabled: boolean; config: EmailSettings; secrets: EmailSecrets }
  | { channel: "wecom"; enabled: boolean; config: Record<string, never>; secrets: RobotSecrets }
  | { channel: "dingtalk"; enabled: boolean; config: Record<string, never>; secrets: RobotSecrets };

export interface StoredChannels {
  email: Extract<StoredChannel, { channel: "email" }>;
  wecom: Extract<StoredChannel, { channel: "wecom" }>;
  dingtalk: Extract<StoredChannel, { channel: "dingtalk" }>;
}

export async function getStoredChannels(db: Db): Promise<StoredChannels> {
  const rows = await db.selectFrom("notification_channel").selectAll().execute();
  const byName = new Map(rows.map((row) => [row.channel, row]));
  const read = (name: ChannelName) => {
    const row = byName.get(name);
    return {
      enabled: row ? row.enabled === 1 : false,
      config: row ? (JSON.parse(row.config) as Record<string, unknown>) : {},
      secrets: row ? (JSON.parse(row.secrets) as Record<string, string>) : {},
    };
  };
  const email = read("email");
  const wecom = read("wecom");
  const dingtalk = read("dingtalk");
  return {
    email: {
      channel: "email",
      enabled: email.enabled,
      config: { ...EMPTY_EMAIL_SETTINGS, ...(email.config as Partial<EmailSettings>) },
      secrets: email.secrets,
    },
    wecom: { channel: "wecom", enabled: wecom.enabled, config: {}, secrets: wecom.secrets },
    dingtalk: { channel: "dingtalk", enabled: dingtalk.enabled, config: {}, secrets: dingtalk.secrets },
  };
}

/** Returns what pages see of the channels: settings, and only whether each secret is set. */
export async function channelOverview(db: Db) {
  const channels = await getStoredChannels(db);
  return {
    email: {
      enabled: channels.email.enabled,
      ...channels.email.config,
      smtpPasswordSet: Boolean(channels.email.secrets.smtpPassword),
    },
    wecom: { enabled: channels.wecom.enabled, webhookUrlSet: Boolean(channels.wecom.secrets.webhookUrl) },
    dingtalk: {
      enabled: channels.dingtalk.enabled,
      webhookUrlSet: Boolean(channels.dingtalk.secrets.webhookUrl),
      signingSecretSet: Boolean(channels.dingtalk.secrets.signingSecret),
    },
  };
}

/**
 * Saves a channel's settings. A secret given as an empty string keeps the
 * stored one, so pages never need to send a secret back.
 */
export async function saveChannel(
  db: Db,
  clock: Clock,
  channel: ChannelName,
  params: { enabled: boolean; config: object; secrets: Record<string, string> },
): Promise<void> {
  const current = await db
    .selectFrom("notification_channel")
    .select("secrets")
    .where("channel", "=", channel)
    .executeTakeFirst();
  const secrets: Record<string, string> = current ? (JSON.parse(current.secrets) as Record<string, string>) : {};
  for (const [key, value] of Object.entries(params.secrets)) {
    if (value !== "") secrets[key] = value;
  }
  const values = {
    enabled: params.enabled ? 1 : 0,
    config: JSON.stringify(params.config),
    secrets: JSON.stringify(secrets),
    updated_at: clock.nowIso(),
  };
  await db
    .insertInto("notification_channel")
    .values({ channel, ...values })
    .onConflict((oc) => oc.column("channel").doUpdateSet(values))
    .execute();
}

/** Reads the channel's row for the audit trail: settings, and only the names of the secrets that are set. */
export async function channelSnapshot(db: Db, channel: string): Promise<Record<string, unknown> | null> {
  const row = await db.selectFrom("notification_channel").selectAll().where("channel", "=", channel).executeTakeFirst();
  if (!row) return null;
  const secrets = JSON.parse(row.secrets) as Record<string, string>;
  return {
    channel: row.channel,
    enabled: row.enabled,
    config: JSON.parse(row.config) as unknown,
    secretsSet: Object.keys(secrets).filter((key) => Boolean(secrets[key])).sort(),
    updated_at: row.updated_at,
  };
}

export async function listHolidays(db: Db, year: number) {
  return db
    .selectFrom("holiday")
    .select(["date", "kind", "name", "updated_at as updatedAt"])
    .where("date", ">=", `${year}-01-01`)
    .where("date", "<=", `${year}-12-31`)
    .orderBy("date")
    .execute();
}

/** Years that have calendar days, newest first. */
export async function holidayYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom("holiday").select("date").execute();
  return [...new Set(rows.map((row) => Number(row.date.slice(0, 4))))].sort((a, b) => b - a);
}

/** Loads the calendar's days between two dates, inclusive. */
export async function loadCalendar(db: Db, from: string, to: string): Promise<HolidayCalendar> {
  const rows = await db
    .selectFrom("holiday")
    .select(["date", "kind"])
    .where("date", ">=", from)
    .where("date", "<=", to)
    .execute();
  const calendar = new Map<string, CalendarDayKind>();
  for (const row of rows) {
    if (isCalendarDayKind(row.kind)) calendar.set(row.date, row.kind);
  }
  return calendar;
}

export async function saveHoliday(db: Db, clock: Clock, day: { date: string; kind: CalendarDayKind; name: string }) {
  const values = { kind: day.kind, name: day.name, updated_at: clock.nowIso() };
  await db
    .insertInto("holiday")
    .values({ date: day.date, ...values })
    .onConflict((oc) => oc.column("date").doUpdateSet(values))
    .execute();
  return day;
}

export async function removeHoliday(db: Db, date: string) {
  const result = await db.deleteFrom("holiday").where("date", "=", date).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound("节假日安排", date);
  return { date };
}

export interface SendLogFilter {
  date: string | null;
  channel: ChannelName | null;
  status: "pending" | "sent" | "failed" | null;
  limit: number;
}

/** Send log rows, newest first, without the message bodies. */
export async function listSendLog(db: Db, filter: SendLogFilter) {
  let query = db
    .selectFrom("notification_send")
    .select([
      "id",
      "run_date as runDate",
      "recipient",
      "channel",
      "digest",
      "title",
      "status",
      "attempts",
      "last_error as lastError",
      "created_at as createdAt",
      "updated_at as updatedAt",
      "sent_at as sentAt",
    ])
    .orderBy("run_date", "desc")
    .orderBy("id", "desc")
    .limit(filter.limit);
  if (filter.date) query = query.where("run_date", "=", filter.date);
  if (filter.channel) query = query.where("channel", "=", filter.channel);
  if (filter.status) query = query.where("status", "=", filter.status);
  return query.execute();
}
