import { describe, expect, it } from "vitest";

import { type OpenInstallment, allocate } from "../../server/domain/allocation";

function open(
  installmentId: number,
  contractId: number,
  dueDate: string,
  outstanding: number,
): OpenInstallment {
  return { installmentId, contractId, dueDate, outstanding };
}

describe("allocate", () => {
  it("pays the oldest due date first", () => {
    const plan = allocate(500, [
      open(1, 1, "2026-03-01", 400),
      open(2, 1, "2026-01-01", 300),
    ]);

    expect(plan.lines).toEqual([
      { installmentId: 2, amount: 300 },
      { installmentId: 1, amount: 200 },
    ]);
    expect(plan.unapplied).toBe(0);
  });

  it("breaks same-day ties by installment id", () => {
    const plan = allocate(150, [
      open(9, 2, "2026-01-01", 100),
      open(4, 1, "2026-01-01", 100),
    ]);

    expect(plan.lines).toEqual([
      { installmentId: 4, amount: 100 },
      { installmentId: 9, amount: 50 },
    ]);
  });

  it("serves the preferred contract before older installments", () => {
    const plan = allocate(
      250,
      [
        open(1, 1, "2026-01-01", 100),
        open(2, 2, "2026-06-01", 100),
        open(3, 2, "2026-05-01", 100),
      ],
      2,
    );

    expect(plan.lines).toEqual([
      { installmentId: 3, amount: 100 },
      { installmentId: 2, amount: 100 },
      { installmentId: 1, amount: 50 },
    ]);
  });

  it("falls back to oldest first when the preferred contract is settled", () => {
    const plan = allocate(100, [open(1, 1, "2026-01-01", 100)], 7);

    expect(plan.lines).toEqual([{ installmentId: 1, amount: 100 }]);
  });

  it("returns an overpayment as unapplied", () => {
    const plan = allocate(1000, [
      open(1, 1, "2026-01-01", 300),
      open(2, 1, "2026-02-01", 200),
    ]);

    expect(plan.lines).toEqual([
      { installmentId: 1, amount: 300 },
      { installmentId: 2, amount: 200 },
    ]);
    expect(plan.unapplied).toBe(500);
  });

  it("returns everything unapplied with nothing open", () => {
    const plan = allocate(1000, []);

    expect(plan.lines).toEqual([]);
    expect(plan.unapplied).toBe(1000);
  });

  it("applies nothing for a zero amount", () => {
    const plan = allocate(0, [open(1, 1, "2026-01-01", 300)]);

    expect(plan.lines).toEqual([]);
    expect(plan.unapplied).toBe(0);
  });

  it("settles everything with an exact payment", () => {
    const plan = allocate(500, [
      open(1, 1, "2026-01-01", 300),
      open(2, 1, "2026-02-01", 200),
    ]);

    expect(plan.lines).toEqual([
      { installmentId: 1, amount: 300 },
      { installmentId: 2, amount: 200 },
    ]);
    expect(plan.unapplied).toBe(0);
  });

  it("skips installments with nothing due", () => {
    const plan = allocate(100, [
      open(1, 1, "2026-01-01", 0),
      open(2, 1, "2026-02-01", 100),
    ]);

    expect(plan.lines).toEqual([{ installmentId: 2, amount: 100 }]);
  });

  it("leaves the input order untouched", () => {
    const input = [open(1, 1, "2026-03-01", 100), open(2, 1, "2026-01-01", 100)];
    allocate(150, input);

    expect(input.map((item) => item.installmentId)).toEqual([1, 2]);
  });

  it.each([0, 1, 299, 300, 301, 599, 600, 601, 10_000])(
    "never applies more than due or paid for %i fen",
    (amount) => {
      const installments = [
        open(1, 1, "2026-01-01", 300),
        open(2, 2, "2026-01-01", 200),
        open(3, 1, "2026-02-01", 100),
      ];
      const plan = allocate(amount, installments, 2);
      const applied = plan.lines.reduce((sum, line) => sum + line.amount, 0);

      expect(applied + plan.unapplied).toBe(amount);
      for (const line of plan.lines) {
        const installment = installments.find(
          (item) => item.installmentId === line.installmentId,
        )!;
        expect(line.amount).toBeGreaterThan(0);
        expect(line.amount).toBeLessThanOrEqual(installment.outstanding);
      }
    },
  );

  it("rejects a negative amount", () => {
    expect(() => allocate(-1, [])).toThrow(RangeError);
  });

  it("rejects a fractional amount", () => {
    expect(() => allocate(1.5, [])).toThrow(TypeError);
  });
});
