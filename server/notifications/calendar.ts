/**
 * Working days under the Chinese public holiday calendar: Monday to Friday
 * unless the calendar marks the day a holiday, and Saturday or Sunday only
 * when the calendar marks it a make-up working day (调休上班).
 */

export type CalendarDayKind = "holiday" | "workday";

export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ["holiday", "workday"];

export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, string> = {
  holiday: "放假",
  workday: "调休上班",
};

/** The calendar's special days by date, 'YYYY-MM-DD'. */
export type HolidayCalendar = ReadonlyMap<string, CalendarDayKind>;

/** Day of the week of a calendar date, 0 for Sunday to 6 for Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  const kind = calendar.get(date);
  if (kind === "holiday") return false;
  if (kind === "workday") return true;

  const day = weekday(date);
  return day !== 0 && day !== 6;
}

export function isCalendarDayKind(value: unknown): value is CalendarDayKind {
  return value === "holiday" || value === "workday";
}
