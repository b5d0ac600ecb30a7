import { describe, expect, it } from "vitest";

import {
  DEFAULT_AGING_BOUNDS,
  DEFAULT_AGING_BUCKETS,
  agingBoundsProblem,
  bucketsFromBounds,
  ageAmounts,
  bucketIndex,
  daysOverdue,
} from "../../server/domain/aging";
import { addDays } from "../../server/domain/dates";

function bucketKey(days: number): string {
  return DEFAULT_AGING_BUCKETS[bucketIndex(days)]!.key;
}

describe("daysOverdue", () => {
  it("is zero when due today", () => {
    expect(daysOverdue("2026-12-04", "2026-12-04")).toBe(0);
  });

  it("is one when due yesterday", () => {
    expect(daysOverdue("2026-12-03", "2026-12-04")).toBe(1);
  });

  it("is zero when due in the future", () => {
    expect(daysOverdue("2026-12-20", "2026-12-04")).toBe(0);
  });

  it("counts the leap day", () => {
    expect(daysOverdue("2024-02-28", "2024-03-01")).toBe(2);
  });

  it("counts no leap day in a common year", () => {
    expect(daysOverdue("2023-02-28", "2023-03-01")).toBe(1);
  });
});

describe("bucketIndex", () => {
  it.each([
    [0, "current"],
    [1, "d1_30"],
    [30, "d1_30"],
    [31, "d31_60"],
    [60, "d31_60"],
    [61, "d61_90"],
    [90, "d61_90"],
    [91, "d91_180"],
    [180, "d91_180"],
    [181, "d181_365"],
    [365, "d181_365"],
    [366, "over365"],
    [10_000, "over365"],
  ])("puts %i days in %s", (days, key) => {
    expect(bucketKey(days)).toBe(key);
  });

  it("rejects negative days", () => {
    expect(() => bucketIndex(-1)).toThrow(RangeError);
  });

  it("has contiguous buckets", () => {
    DEFAULT_AGING_BUCKETS.slice(1).forEach((bucket, index) => {
      expect(bucket.minDays).toBe(DEFAULT_AGING_BUCKETS[index]!.maxDays! + 1);
    });
  });
});

describe("ageAmounts", () => {
  const asOf = "2026-12-04";

  it("sums to the input total", () => {
    const items = [0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 365, 366, 900].map(
      (days, index) => ({
        dueDate: addDays(asOf, -days),
        outstanding: 1000 + index,
      }),
    );
    items.push({ dueDate: addDays(asOf, 15), outstanding: 77 });
    const total = items.reduce((sum, item) => sum + item.outstanding, 0);

    const buckets = ageAmounts(items, asOf);

    expect(buckets.reduce((sum, amount) => sum + amount, 0)).toBe(total);
  });

  it("places each amount in its bucket", () => {
    const buckets = ageAmounts(
      [
        { dueDate: "2026-12-10", outstanding: 1 },
        { dueDate: "2026-12-04", outstanding: 2 },
        { dueDate: "2026-12-03", outstanding: 4 },
        { dueDate: "2026-11-03", outstanding: 8 },
        { dueDate: "2025-12-03", outstanding: 16 },
      ],
      asOf,
    );

    expect(buckets).toEqual([3, 4, 8, 0, 0, 0, 16]);
  });

  it("returns zeros for no items", () => {
    expect(ageAmounts([], asOf)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("bucketsFromBounds", () => {
  it("builds the default buckets from their bounds", () => {
    expect(bucketsFromBounds(DEFAULT_AGING_BOUNDS).map(({ label, minDays, maxDays }) => ({ label, minDays, maxDays }))).toEqual(
      DEFAULT_AGING_BUCKETS.map(({ label, minDays, maxDays }) => ({ label, minDays, maxDays })),
    );
  });

  it("covers every day count exactly once", () => {
    const buckets = bucketsFromBounds([7, 45]);
    expect(buckets.map((bucket) => bucket.label)).toEqual(["未到期", "1–7天", "8–45天", "45天以上"]);
    expect([0, 1, 7, 8, 45, 46, 1000].map((days) => bucketIndex(days, buckets))).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });

  it("rejects bounds that are not 1–10 strictly increasing positive integers", () => {
    expect(agingBoundsProblem([])).toContain("1 至 10");
    expect(agingBoundsProblem([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toContain("1 至 10");
    expect(agingBoundsProblem([0, 30])).toContain("正整数");
    expect(agingBoundsProblem([30, 1.5])).toContain("正整数");
    expect(agingBoundsProblem([30, 30])).toContain("逐个增大");
    expect(agingBoundsProblem([30, 60])).toBeNull();
    expect(() => bucketsFromBounds([60, 30])).toThrow(RangeError);
  });
});
