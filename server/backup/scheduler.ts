/**
 * The daily backup while the app runs: one backup a day at HUIKUAN_BACKUP_AT
 * in the business time zone. At start, one more runs when the newest backup
 * is a day old or older, so a run missed while the app was down happens once.
 */
import { databaseFile, postgresUrl } from "../../db";
import { type Clock, clockFromEnv } from "../clock";
import { logger } from "../logger";
import { type BackupResult, backupDatabase } from "./backup";
import { backupPrefix, listBackups } from "./files";
import { type BackupSettings, backupSettingsFromEnv } from "./settings";
import { type TimeOfDay, formatTimeOfDay, nextBackupAt, parseTimestamp } from "./time";

const MS_PER_DAY = 86_400_000;

/**
 * Maximum single wait. The timer re-reads the clock at least this often, so
 * a changed system clock or a suspended machine shifts a run by an hour at
 * most.
 */
const MAX_WAIT_MS = 3_600_000;

export interface BackupSchedulerOptions {
  databaseFile: string;
  backupFolder: string;
  keep: number;
  dailyAt: TimeOfDay;
  clock: Clock;
  /** Takes one backup; tests replace it. */
  runBackup?: () => Promise<BackupResult>;
}

export interface BackupScheduler {
  /** When the next daily backup is due. */
  nextRunAt(): Date;
  /** Resolves when no backup is running. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Returns true when a backup is due at start: there is none yet, or the
 * newest was taken a day or more before `now`.
 */
export function isCatchUpDue(lastBackupAt: Date | null, now: Date): boolean {
  return lastBackupAt === null || now.getTime() - lastBackupAt.getTime() >= MS_PER_DAY;
}

/** When the newest backup of the database in the folder was taken, or null. */
export function lastBackupAt(folder: string, file: string, timeZone: string): Date | null {
  const backups = listBackups(folder, backupPrefix(file));
  for (const backup of backups.reverse()) {
    const takenAt = parseTimestamp(backup.timestamp, timeZone);
    if (takenAt) return takenAt;
  }
  return null;
}

/**
 * Starts the daily backups with the given settings and returns a handle.
 * Backups run one at a time, and a failed one is logged and never thrown,
 * so the app keeps running. The timers are unref'd: they never keep a
 * process alive.
 */
export function scheduleBackups(options: BackupSchedulerOptions): BackupScheduler {
  const { clock, dailyAt } = options;
  const now = () => new Date(clock.nowIso());
  const runBackup =
    options.runBackup ??
    (() =>
      backupDatabase({
        databaseFile: options.databaseFile,
        backupFolder: options.backupFolder,
        keep: options.keep,
        clock,
      }));

  let nextRun = nextBackupAt(now(), dailyAt, clock.timeZone);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;

  function run(reason: "catch-up" | "daily"): Promise<void> {
    if (running) {
      logger.warn({ reason }, "backup skipped: the previous backup is still running");
      return running;
    }
    logger.info({ reason, database: options.databaseFile }, "backup started");
    // Starting inside then() turns a synchronous throw into a logged failure too.
    running = Promise.resolve()
      .then(runBackup)
      .then((result) => logBackupResult(reason, result))
      .catch((error: unknown) => {
        logger.error({ err: error, reason, database: options.databaseFile }, "backup failed");
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function arm(): void {
    const wait = Math.min(Math.max(nextRun.getTime() - now().getTime(), 0), MAX_WAIT_MS);
    timer = setTimeout(onTimer, wait);
    timer.unref();
  }

  function onTimer(): void {
    if (stopped) return;

    const current = now();
    // A clock set back brings the next run nearer; it is never postponed.
    const fromNow = nextBackupAt(current, dailyAt, clock.timeZone);
    if (fromNow < nextRun) nextRun = fromNow;
    if (current < nextRun) {
      arm();
      return;
    }

    nextRun = nextBackupAt(current, dailyAt, clock.timeZone);
    arm();
    void run("daily");
  }

  if (catchUpDue(options)) void run("catch-up");
  arm();

  return {
    nextRunAt: () => nextRun,
    idle: async () => {
      while (running) await running;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function catchUpDue(options: BackupSchedulerOptions): boolean {
  try {
    const last = lastBackupAt(options.backupFolder, options.databaseFile, options.clock.timeZone);
    return isCatchUpDue(last, new Date(options.clock.nowIso()));
  } catch (error) {
    logger.error({ err: error, folder: options.backupFolder }, "backup folder could not be read");
    return true;
  }
}

function logBackupResult(reason: string, result: BackupResult): void {
  logger.info(
    {
      reason,
      file: result.file,
      bytes: result.bytes,
      durationMs: Math.round(result.durationMs),
      restarts: result.restarts,
      deleted: result.deleted.map((backup) => backup.name),
    },
    "backup finished",
  );
}

const globalForBackups = globalThis as unknown as { huikuanBackupScheduler?: BackupScheduler };

/**
 * Starts the daily backups of HUIKUAN_DB as the environment configures them,
 * once per process: a second call returns the first scheduler. Returns
 * null, starting nothing, under Vitest, on PostgreSQL, when HUIKUAN_BACKUP_AT is `off` or
 * when a setting is invalid (logged as an error, so the app still starts).
 */
export function startBackupScheduler(): BackupScheduler | null {
  if (globalForBackups.huikuanBackupScheduler) return globalForBackups.huikuanBackupScheduler;
  if (process.env.NODE_ENV === "test" || process.env.VITEST) return null;
  if (postgresUrl()) {
    logger.info("scheduled backups are off: DATABASE_URL is PostgreSQL, back it up with pg_dump");
    return null;
  }

  let settings: BackupSettings;
  let clock: Clock;
  try {
    settings = backupSettingsFromEnv();
    clock = clockFromEnv();
  } catch (error) {
    logger.error({ err: error }, "scheduled backups not started: invalid settings");
    return null;
  }
  if (!settings.dailyAt) {
    logger.info("scheduled backups are off (HUIKUAN_BACKUP_AT=off)");
    return null;
  }

  const scheduler = scheduleBackups({
    databaseFile: databaseFile(),
    backupFolder: settings.backupFolder,
    keep: settings.keep,
    dailyAt: settings.dailyAt,
    clock,
  });
  globalForBackups.huikuanBackupScheduler = scheduler;
  logger.info(
    {
      at: formatTimeOfDay(settings.dailyAt),
      timeZone: clock.timeZone,
      folder: settings.backupFolder,
      keep: settings.keep,
      nextRunAt: scheduler.nextRunAt().toISOString(),
    },
    "backup scheduler started",
  );
  return scheduler;
}
