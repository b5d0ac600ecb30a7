/**
 * Wall-clock time in the business time zone, for backup file names and the
 * daily schedule. Pure functions: every one takes the instant and the zone.
 */
import { addDays, dateInZone } from "../domain/dates";

/** A time of day on the wall clock, 24-hour. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** Calendar date and time of day as a wall clock in some zone shows them. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MS_PER_DAY = 86_400_000;
const TIME_OF_DAY_PATTERN = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Parses `HH:MM` (00:00 to 23:59; a one-digit hour is accepted), or returns null. */
export function parseTimeOfDay(value: string): TimeOfDay | null {
  const match = TIME_OF_DAY_PATTERN.exec(value.trim());
  if (!match) return null;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

export function formatTimeOfDay({ hour, minute }: TimeOfDay): string {
  return `${pad(hour)}:${pad(minute)}`;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((item) => item.type === type)?.value);

  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

/**
 * Formats an instant as `YYYYMMDD-HHmmss` on the wall clock of `timeZone`,
 * e.g. 2026-12-04T18:30:00Z in Asia/Shanghai is `20261205-023000`.
 */
export function formatTimestamp(instant: Date, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  const date = `${clock.year}${pad(clock.month)}${pad(clock.day)}`;
  return `${date}-${pad(clock.hour)}${pad(clock.minute)}${pad(clock.second)}`;
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * Converts a date (YYYY-MM-DD) and time of day on the wall clock of
 * `timeZone` to the instant it shows them. A time that occurs twice (clocks turned back) gives the first
 * occurrence. A time that does not occur (clocks turned forward) gives the
 * instant as far after the jump as the time was after its start, e.g. 02:30
 * on a day New York jumps from 02:00 to 03:00 gives 03:30.
 */
export function instantAt(date: string, time: TimeOfDay, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, time.hour, time.minute);

  // Zones change their offset at most once in a day, so the offsets a day
  // before and a day after bracket any change near the time.
  const offsetBefore = zoneOffsetMs(new Date(wallAsUtc - MS_PER_DAY), timeZone);
  const offsetAfter = zoneOffsetMs(new Date(wallAsUtc + MS_PER_DAY), timeZone);
  const matches = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].filter((candidate) => {
    const shown = wallClock(new Date(candidate), timeZone);
    return shown.day === day && shown.hour === time.hour && shown.minute === time.minute;
  });
  if (matches.length > 0) return new Date(Math.min(...matches));

  // In a gap, the offset before the jump moves the time past it.
  return new Date(wallAsUtc - offsetBefore);
}

/**
 * Returns the first instant strictly after `now` at which the wall clock of
 * `timeZone` shows `time`: today's run if it is still ahead, else
 * tomorrow's.
 */
export function nextBackupAt(now: Date, time: TimeOfDay, timeZone: string): Date {
  const today = dateInZone(now, timeZone);
  const todayRun = instantAt(today, time, timeZone);
  if (todayRun.getTime() > now.getTime()) return todayRun;

  return instantAt(addDays(today, 1), time, timeZone);
}

/**
 * Parses the `YYYYMMDD-HHmmss` of a backup name back into an instant,
 * reading it on the wall clock of `timeZone`. Returns null for an
 * impossible date or time.
 */
export function parseTimestamp(stamp: string, timeZone: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!match) return null;

  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;

  return new Date(instantAt(date, { hour, minute }, timeZone).getTime() + second * 1000);
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
