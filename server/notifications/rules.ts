/**
 * Reminder rules and which of them an installment meets on a day. Pure
 * functions over business dates; the job reads the rules from settings.
 */
import { addDays, daysBetween } from "../domain/dates";

export interface ReminderRules {
  /** Whether the daily job sends anything. */
  enabled: boolean;
  /** Remind this many days before the due date; 0 for no early reminder. */
  daysBefore: number;
  onDueDate: boolean;
  /** Remind every this many days after the due date; 0 for no overdue reminder. */
  overdueEveryDays: number;
  /** Smallest outstanding amount (fen) worth a reminder. */
  minAmount: number;
  /** Time of day to send, 'HH:MM' on the wall clock of the business time zone. */
  sendAt: string;
  /** Send nothing on weekends and public holidays; the next working day covers the days skipped. */
  skipNonWorkingDays: boolean;
}

export const DEFAULT_REMINDER_RULES: ReminderRules = {
  enabled: true,
  daysBefore: 3,
  onDueDate: true,
  overdueEveryDays: 7,
  minAmount: 0,
  sendAt: "09:00",
  skipNonWorkingDays: true,
};

export type ReminderReason = "upcoming" | "due" | "overdue";

/**
 * Returns the reason to remind of an installment due on `dueDate` on any of the
 * days in `days`, or null. Overdue beats due beats upcoming when several
 * days match; `daysOverdue` is counted on the last day.
 */
export function reminderReason(dueDate: string, days: readonly string[], rules: ReminderRules): ReminderReason | null {
  let reason: ReminderReason | null = null;
  for (const day of days) {
    const late = daysBetween(dueDate, day);
    if (rules.overdueEveryDays > 0 && late > 0 && late % rules.overdueEveryDays === 0) return "overdue";
    if (rules.onDueDate && late === 0) reason = "due";
    if (reason === null && rules.daysBefore > 0 && late === -rules.daysBefore) reason = "upcoming";
  }
  return reason;
}

/** Maximum number of days one run covers, e.g. after a long holiday or an outage. */
export const MAX_WINDOW_DAYS = 14;

/**
 * Lists the days a run on `date` covers: the days after the last date
 * digests were built for, up to and including `date`, at most
 * MAX_WINDOW_DAYS of them. Without an earlier run, or when the run repeats
 * a day, it covers `date` alone.
 */
export function reminderWindow(date: string, lastDigestDate: string | null): string[] {
  if (lastDigestDate === null || lastDigestDate >= date) return [date];

  const span = Math.min(daysBetween(lastDigestDate, date), MAX_WINDOW_DAYS);
  return Array.from({ length: span }, (_, index) => addDays(date, index - span + 1));
}
