import { describe, expect, it } from "vitest";

import { milestonePlan, singlePaymentPlan } from "../../server/domain/plans";

function amounts(plan: readonly { amount: number }[]): number[] {
  return plan.map((item) => item.amount);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

describe("singlePaymentPlan", () => {
  it("has one installment for the whole amount", () => {
    const plan = singlePaymentPlan(123457, "2026-01-31", 30);

    expect(plan).toHaveLength(1);
    expect(plan[0]!.amount).toBe(123457);
    expect(plan[0]!.label).toBe("全款");
  });

  it("falls due the term after signing", () => {
    const plan = singlePaymentPlan(100, "2026-01-31", 30);

    expect(plan[0]!.dueDate).toBe("2026-03-02");
  });

  it("falls due on signing with a zero term", () => {
    const plan = singlePaymentPlan(100, "2026-01-31", 0);

    expect(plan[0]!.dueDate).toBe("2026-01-31");
  });
});

describe("milestonePlan", () => {
  it("splits 30/40/30", () => {
    const plan = milestonePlan(1_000_000, "2026-03-01", "2026-04-01", "2026-06-30");

    expect(amounts(plan)).toEqual([300_000, 400_000, 300_000]);
  });

  it("labels the milestones", () => {
    const plan = milestonePlan(100, "2026-03-01", "2026-04-01", "2026-06-30");

    expect(plan.map((item) => item.label)).toEqual(["签约款", "上刊款", "结案款"]);
  });

  it.each([1, 2, 7, 100_001, 333_333, 999_999_999])(
    "sums an odd total of %i fen exactly",
    (total) => {
      const plan = milestonePlan(total, "2026-03-01", null, null);

      expect(sum(amounts(plan))).toBe(total);
    },
  );

  it("falls due on signing, going live and closing out", () => {
    const plan = milestonePlan(100, "2026-03-01", "2026-04-01", "2026-06-30");

    expect(plan.map((item) => item.dueDate)).toEqual([
      "2026-03-01",
      "2026-04-01",
      "2026-06-30",
    ]);
  });

  it("uses the signing date when the service start is missing", () => {
    const plan = milestonePlan(100, "2026-03-01", null, "2026-06-30");

    expect(plan[1]!.dueDate).toBe("2026-03-01");
    expect(plan[2]!.dueDate).toBe("2026-06-30");
  });

  it("uses the service start when the service end is missing", () => {
    const plan = milestonePlan(100, "2026-03-01", "2026-04-01", null);

    expect(plan[2]!.dueDate).toBe("2026-04-01");
  });

  it("uses the signing date for all with no service dates", () => {
    const plan = milestonePlan(100, "2026-03-01", null, null);

    expect(plan.map((item) => item.dueDate)).toEqual([
      "2026-03-01",
      "2026-03-01",
      "2026-03-01",
    ]);
  });
});
