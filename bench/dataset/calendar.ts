import { isOffDay } from "../../db/seed/demo-random";

/**
 * Dates as whole day numbers (days since 1970-01-01 UTC), because the
 * generator does date arithmetic millions of times; `dateText` turns them
 * back into `YYYY-MM-DD` from a table built once.
 */

const MS_PER_DAY = 86_400_000;

export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/** Precomputed date strings from FIRST_DAY on; covers 2020 to 2039. */
const FIRST_DAY = dayNumber("2020-01-01");
const DAY_COUNT = dayNumber("2040-01-01") - FIRST_DAY;
const DATE_TEXT: string[] = [];
const OFF_DAY: boolean[] = [];
for (let index = 0; index < DAY_COUNT; index++) {
  const text = new Date((FIRST_DAY + index) * MS_PER_DAY).toISOString().slice(0, 10);
  DATE_TEXT.push(text);
  OFF_DAY.push(isOffDay(text));
}

export function dateText(day: number): string {
  const text = DATE_TEXT[day - FIRST_DAY];
  if (text === undefined) throw new RangeError(`Day ${day} is outside 2020–2039`);
  return text;
}

/** Calendar month 1–12 of a day number. */
export function monthOfDay(day: number): number {
  return Number(dateText(day).slice(5, 7));
}

export function yearOfDay(day: number): number {
  return Number(dateText(day).slice(0, 4));
}

/** Whether the day is a weekend or public holiday (see isOffDay). */
export function isOffDayNumber(day: number): boolean {
  return OFF_DAY[day - FIRST_DAY] ?? false;
}

/** The day itself when it is a working day, else the next working day. */
export function nextWorkday(day: number): number {
  let result = day;
  while (isOffDayNumber(result)) result += 1;
  return result;
}
