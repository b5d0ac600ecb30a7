import { addDays, daysBetween } from "../../server/domain/dates";

/**
 * Seeded pseudo-random numbers from mulberry32, a small 32-bit generator,
 * so the demo is the same on every run for the same seed and "today".
 * Math.random is never used.
 */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("Cannot pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Index drawn with probability proportional to its weight; -1 when all weights are 0. */
  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    if (total <= 0) return -1;

    let target = this.next() * total;
    for (let index = 0; index < weights.length; index++) {
      target -= weights[index]!;
      if (target < 0) return index;
    }
    return weights.length - 1;
  }

  /** Draws a string of `count` decimal digits, e.g. for a bank reference. */
  digits(count: number): string {
    let text = "";
    for (let index = 0; index < count; index++) text += String(this.int(0, 9));
    return text;
  }
}

/**
 * First day of the Spring Festival (春节, lunar new year) in the years the
 * demo is likely to cover. The public holiday runs from the eve to the
 * sixth day.
 */
const SPRING_FESTIVAL: Record<number, string> = {
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2027: "2027-02-06",
  2028: "2028-01-26",
  2029: "2029-02-13",
  2030: "2030-02-03",
};

/**
 * Tells whether `date` is a day off, when no contract is signed and no
 * payment made: weekends, New Year's Day, the first days of May and of
 * October, and the Spring Festival week.
 * NOTE: the Spring Festival is known only for 2024–2030, and the official
 * make-up working days on weekends are ignored.
 */
export function isOffDay(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (day === 0 || day === 6) return true;

  const monthDay = date.slice(5);
  if (monthDay === "01-01" || (monthDay >= "05-01" && monthDay <= "05-03")) return true;
  if (monthDay >= "10-01" && monthDay <= "10-07") return true;

  const festival = SPRING_FESTIVAL[Number(date.slice(0, 4))];
  if (!festival) return false;
  const offset = daysBetween(festival, date);
  return offset >= -1 && offset <= 6;
}

/**
 * Draws a working day in [from, to]. Falls back to any day in the range
 * when a few draws find no working day, e.g. a range that is one Sunday.
 */
export function pickWorkday(random: Random, from: string, to: string): string {
  const span = Math.max(0, daysBetween(from, to));
  let date = addDays(from, random.int(0, span));
  for (let attempt = 0; attempt < 8 && isOffDay(date); attempt++) {
    date = addDays(from, random.int(0, span));
  }
  return date;
}

/**
 * Moves a date off a weekend or holiday to the last working day before it.
 * When that is earlier than `notBefore`, it moves to the next working day
 * instead, and when that is later than `notAfter` too, the date stays.
 */
export function toWorkday(date: string, notBefore: string, notAfter: string): string {
  if (!isOffDay(date)) return date;

  let earlier = addDays(date, -1);
  while (earlier >= notBefore && isOffDay(earlier)) earlier = addDays(earlier, -1);
  if (earlier >= notBefore) return earlier;

  let later = addDays(date, 1);
  while (later <= notAfter && isOffDay(later)) later = addDays(later, 1);
  if (later <= notAfter) return later;
  return date;
}
