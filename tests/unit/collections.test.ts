import { describe, expect, it } from "vitest";

import { priorityInYuan, priorityKey, promiseStatus } from "../../server/domain/collections";

describe("promiseStatus", () => {
  const promise = { amount: 10000, promisedOn: "2026-12-10" };

  it.each([
    ["open before its date", 0, "2026-12-09", "open"],
    ["open on its date", 9999, "2026-12-10", "open"],
    ["broken the day after", 9999, "2026-12-11", "broken"],
    ["kept when covered exactly", 10000, "2026-12-05", "kept"],
    ["kept when overpaid", 20000, "2026-12-20", "kept"],
  ] as const)("is %s", (_case, paid, asOf, expected) => {
    expect(promiseStatus(promise, paid, asOf)).toBe(expected);
  });
});

describe("priorityKey", () => {
  const base = { overdue: 123456, oldestOverdueDueDate: "2026-11-04", asOf: "2026-12-04", brokenPromise: false, grade: "B" as const };

  it("multiplies yuan by days", () => {
    expect(priorityInYuan(priorityKey(base))).toBeCloseTo(1234.56 * 30, 6);
  });

  it("doubles for a broken promise", () => {
    expect(priorityKey({ ...base, brokenPromise: true })).toBe(priorityKey(base) * 2n);
  });

  it("adds half for grade D", () => {
    expect(priorityKey({ ...base, grade: "D" }) * 2n).toBe(priorityKey(base) * 3n);
  });

  it("is zero without overdue", () => {
    expect(priorityKey({ ...base, overdue: 0, oldestOverdueDueDate: null })).toBe(0n);
  });

  it("stays exact for large amounts", () => {
    const key = priorityKey({ ...base, overdue: 1_000_000_000_000, brokenPromise: true, grade: "D" });

    expect(key).toBe(1_000_000_000_000n * 30n * 2n * 3n);
  });
});
