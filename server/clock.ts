import { dateInZone, isCalendarDate } from "./domain/dates";

/**
 * The one source of "today". Business dates are calendar dates in the
 * business time zone (HUIKUAN_TZ, Asia/Shanghai by default), whatever zone
 * the server runs in. HUIKUAN_TODAY fixes the date for demos and tests.
 */
export interface Clock {
  timeZone: string;
  /** Today's calendar date in the business time zone, YYYY-MM-DD. */
  today(): string;
  /** The current instant as ISO-8601 UTC, for audit timestamps. */
  nowIso(): string;
}

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface ClockOptions {
  timeZone?: string;
  /** A fixed business date; when set, today() always returns it. */
  fixedDate?: string;
  /** Source of the current instant, for tests. */
  now?: () => Date;
}

export function createClock(options: ClockOptions = {}): Clock {
  const timeZone = options.timeZone || DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    throw new Error(`Unknown time zone in HUIKUAN_TZ: ${timeZone}`);
  }
  const fixedDate = options.fixedDate || undefined;
  if (fixedDate !== undefined && !isCalendarDate(fixedDate)) {
    throw new Error(`HUIKUAN_TODAY must be a date as YYYY-MM-DD: ${fixedDate}`);
  }
  const now = options.now ?? (() => new Date());

  return {
    timeZone,
    today: () => fixedDate ?? dateInZone(now(), timeZone),
    nowIso: () => now().toISOString(),
  };
}

/** The clock configured by HUIKUAN_TZ and HUIKUAN_TODAY. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  return createClock({ timeZone: env.HUIKUAN_TZ, fixedDate: env.HUIKUAN_TODAY });
}
