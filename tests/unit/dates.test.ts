import { describe, expect, it } from "vitest";

import {
  addDays,
  addMonths,
  dateInZone,
  daysBetween,
  formatChineseDate,
  isCalendarDate,
  startOfMonth,
} from "../../server/domain/dates";

describe("daysBetween", () => {
  it("counts the leap day in 2024", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
  });

  it("counts no leap day in 2023", () => {
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
  });

  it("is zero for the same date", () => {
    expect(daysBetween("2026-12-04", "2026-12-04")).toBe(0);
  });

  it("is negative when the end is earlier", () => {
    expect(daysBetween("2026-12-04", "2026-12-01")).toBe(-3);
  });

  it("crosses a year end", () => {
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
  });

  it("counts a whole leap year", () => {
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("counts a whole common year", () => {
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
  });

  it("rejects an impossible date", () => {
    expect(() => daysBetween("2026-02-30", "2026-03-01")).toThrow(RangeError);
  });
});

describe("addDays", () => {
  it("lands on the leap day in 2024", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("skips to March in 2023", () => {
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
  });

  it("crosses a month end", () => {
    expect(addDays("2026-04-30", 1)).toBe("2026-05-01");
  });

  it("crosses a year end", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("goes back with a negative count", () => {
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("rejects an impossible date", () => {
    expect(() => addDays("2026-13-01", 1)).toThrow(RangeError);
  });
});

describe("addMonths", () => {
  it("clamps January 31 to February 28", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
  });

  it("clamps January 31 to February 29 in a leap year", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
  });

  it("clamps May 31 to June 30", () => {
    expect(addMonths("2026-05-31", 1)).toBe("2026-06-30");
  });

  it("clamps going back from March 31", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
  });

  it("carries into the next year", () => {
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
  });

  it("keeps the day when it exists", () => {
    expect(addMonths("2026-01-15", 12)).toBe("2027-01-15");
  });

  it("moves the leap day to February 28 a year later", () => {
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
  });
});

describe("startOfMonth", () => {
  it("returns the first of the month", () => {
    expect(startOfMonth("2026-12-04")).toBe("2026-12-01");
  });
});

describe("isCalendarDate", () => {
  it.each([
    ["2026-02-30", "February 30"],
    ["2026-13-01", "month 13"],
    ["2026-00-10", "month 0"],
    ["2026-04-31", "April 31"],
    ["2026-1-5", "unpadded month and day"],
    ["", "empty text"],
    ["2025-02-29", "leap day of a common year"],
    ["1900-02-29", "leap day of 1900, a century year"],
    ["2026-12-04T00:00:00Z", "a timestamp"],
    [" 2026-12-04", "leading space"],
    ["2026/12/04", "slashes"],
  ])("rejects %s (%s)", (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it.each([
    ["2024-02-29", "leap day of 2024"],
    ["2000-02-29", "leap day of 2000, divisible by 400"],
    ["2026-12-31", "last day of a year"],
    ["2026-01-01", "first day of a year"],
  ])("accepts %s (%s)", (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });
});

describe("formatChineseDate", () => {
  it("writes month and day without leading zeros", () => {
    expect(formatChineseDate("2026-12-04")).toBe("2026年12月4日");
  });
});

describe("dateInZone", () => {
  it("gives the Shanghai date of a UTC evening", () => {
    expect(dateInZone(new Date("2026-12-03T17:30:00Z"), "Asia/Shanghai")).toBe(
      "2026-12-04",
    );
  });

  it("gives the UTC date of the same instant", () => {
    expect(dateInZone(new Date("2026-12-03T17:30:00Z"), "UTC")).toBe(
      "2026-12-03",
    );
  });
});
