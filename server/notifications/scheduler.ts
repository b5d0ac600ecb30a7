/**
 * The daily reminders while the app runs. Once a minute, and once at start,
 * the scheduler checks whether a run is due: the latest send time passed
 * (today's, or else yesterday's) is after the last date the job ran for.
 * So a run missed while the app was down happens once at start, and a
 * changed send time applies from the next check. Times are on the wall
 * clock of the business time zone from the clock, not the server's zone.
 */
import { Cron } from "croner";

import { type Db, getDb } from "../../db";
import { type Clock, clockFromEnv } from "../clock";
import { addDays } from "../domain/dates";
import { logger } from "../logger";
import { instantAt, parseTimeOfDay } from "../backup/time";
import { type DeliveryOptions } from "./delivery";
import { defaultHolder, reminderJobState, type ReminderJobResult, runReminderJob } from "./job";
import { getReminderRules } from "./store";

export interface ReminderSchedulerOptions {
  db: Db;
  clock: Clock;
  holder?: string;
  delivery?: DeliveryOptions;
  /** Cron pattern of the checks; every minute by default. */
  checkPattern?: string;
}

export interface ReminderScheduler {
  /** Runs one check now; resolves with the job's result, or null when no run was due. */
  check(): Promise<ReminderJobResult | null>;
  /** Resolves when no check is running. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Returns the business date whose run is due at `now`: today once today's send
 * time has passed, else yesterday, but never a date before the job first
 * ran (a new database starts with today). Null when nothing is due yet.
 */
export function dueRunDate(now: Date, today: string, sendAt: string, timeZone: string, lastRunDate: string | null): string | null {
  const time = parseTimeOfDay(sendAt) ?? { hour: 9, minute: 0 };
  const latest = now >= instantAt(today, time, timeZone) ? today : addDays(today, -1);
  if (lastRunDate === null) return latest === today ? today : null;
  return latest > lastRunDate ? latest : null;
}

/** Starts the checks and runs the first one at once. Failures are logged; they never stop the app. */
export function scheduleReminders(options: ReminderSchedulerOptions): ReminderScheduler {
  const { db, clock } = options;
  const holder = options.holder ?? defaultHolder();
  let running: Promise<ReminderJobResult | null> | null = null;

  async function checkOnce(): Promise<ReminderJobResult | null> {
    const rules = await getReminderRules(db);
    if (!rules.enabled) return null;
    const state = await reminderJobState(db);
    const date = dueRunDate(new Date(clock.nowIso()), clock.today(), rules.sendAt, clock.timeZone, state.lastRunDate);
    if (date === null) return null;
    return runReminderJob(db, clock, { date, holder, delivery: options.delivery });
  }

  function check(): Promise<ReminderJobResult | null> {
    if (running) return running;
    running = checkOnce()
      .catch((error: unknown) => {
        logger.error({ err: error, holder }, "reminder check failed");
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const cron = new Cron(options.checkPattern ?? "* * * * *", { timezone: clock.timeZone, unref: true }, () => {
    void check();
  });
  void check();

  return {
    check,
    idle: async () => {
      while (running) await running;
    },
    stop() {
      cron.stop();
    },
  };
}

const globalForReminders = globalThis as unknown as { huikuanReminderScheduler?: ReminderScheduler };

/**
 * Starts the daily reminders on HUIKUAN_DB once per process: a second call
 * returns the first scheduler. Returns null, starting nothing, under Vitest,
 * when HUIKUAN_REMINDERS is `off`, or when the clock settings are invalid.
 */
export function startReminderScheduler(): ReminderScheduler | null {
  if (globalForReminders.huikuanReminderScheduler) return globalForReminders.huikuanReminderScheduler;
  if (process.env.NODE_ENV === "test" || process.env.VITEST) return null;
  if (process.env.HUIKUAN_REMINDERS?.trim().toLowerCase() === "off") {
    logger.info("scheduled reminders are off (HUIKUAN_REMINDERS=off)");
    return null;
  }

  let clock: Clock;
  try {
    clock = clockFromEnv();
  } catch (error) {
    logger.error({ err: error }, "scheduled reminders not started: invalid clock settings");
    return null;
  }
  const scheduler = scheduleReminders({ db: getDb(), clock });
  globalForReminders.huikuanReminderScheduler = scheduler;
  logger.info({ timeZone: clock.timeZone }, "reminder scheduler started");
  return scheduler;
}
