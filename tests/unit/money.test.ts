import { describe, expect, it } from "vitest";

import {
  MAX_FEN,
  fenToInput,
  formatYuan,
  formatYuanPlain,
  parseYuan,
  splitByPercent,
} from "../../server/domain/money";

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

describe("parseYuan", () => {
  it.each([
    ["1234.5", 123450],
    ["1234.56", 123456],
    ["1234", 123400],
    ["1,234.56", 123456],
    ["¥1,234.56", 123456],
    ["￥1,234.56", 123456],
    [" 12 ", 1200],
    ["0", 0],
    ["0.05", 5],
    ["0.07", 7],
    ["19.99", 1999],
    ["1.10", 110],
  ])("parses %s as %i fen", (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it("adds 0.1 and 0.2 yuan exactly", () => {
    const total = parseYuan("0.1")! + parseYuan("0.2")!;

    expect(total).toBe(30);
    expect(total).toBe(parseYuan("0.3"));
  });

  it("accepts the maximum amount", () => {
    expect(parseYuan("10000000000")).toBe(MAX_FEN);
  });

  it.each([
    ["1.234", "three decimals"],
    ["1.005", "three decimals ending in 5"],
    ["-1", "negative"],
    ["abc", "letters"],
    ["", "empty"],
    ["1e5", "exponent"],
    [".5", "no whole part"],
    ["1.", "trailing point"],
    ["10000000000.01", "one fen over the maximum"],
    ["99999999999", "eleven nines"],
    ["123456789012345", "fifteen digits"],
    ["NaN", "NaN"],
    ["Infinity", "Infinity"],
  ])("rejects %s (%s)", (text) => {
    expect(parseYuan(text)).toBeNull();
  });
});

describe("formatYuan", () => {
  it("formats zero", () => {
    expect(formatYuan(0)).toBe("¥0.00");
  });

  it("formats five fen", () => {
    expect(formatYuan(5)).toBe("¥0.05");
  });

  it("formats one yuan", () => {
    expect(formatYuan(100)).toBe("¥1.00");
  });

  it("puts the sign before the currency symbol", () => {
    expect(formatYuan(-5)).toBe("-¥0.05");
  });

  it("groups a negative amount", () => {
    expect(formatYuan(-123456)).toBe("-¥1,234.56");
  });

  it("groups thousands", () => {
    expect(formatYuan(123456789)).toBe("¥1,234,567.89");
  });

  it("formats the maximum amount", () => {
    expect(formatYuan(MAX_FEN)).toBe("¥10,000,000,000.00");
  });

  it("rejects a fractional fen", () => {
    expect(() => formatYuan(1.5)).toThrow(TypeError);
  });

  it("round-trips through parseYuan", () => {
    expect(parseYuan(formatYuan(123456789))).toBe(123456789);
  });
});

describe("formatYuanPlain", () => {
  it("omits the currency symbol", () => {
    expect(formatYuanPlain(123456)).toBe("1,234.56");
  });
});

describe("fenToInput", () => {
  it("writes yuan without grouping", () => {
    expect(fenToInput(123456789)).toBe("1234567.89");
  });

  it("pads single fen", () => {
    expect(fenToInput(5)).toBe("0.05");
  });
});

describe("splitByPercent", () => {
  it("splits a round total exactly", () => {
    expect(splitByPercent(100000, [30, 40, 30])).toEqual([30000, 40000, 30000]);
  });

  it("keeps a single fen whole", () => {
    const shares = splitByPercent(1, [30, 40, 30]);

    expect(sum(shares)).toBe(1);
    expect(shares.every((share) => share >= 0)).toBe(true);
  });

  it("gives the leftover fen of 100001 to the last share", () => {
    const shares = splitByPercent(100001, [30, 40, 30]);

    expect(shares).toEqual([30000, 40000, 30001]);
    expect(sum(shares)).toBe(100001);
  });

  it.each([2, 3, 7, 99, 101, 99999, 1234567, MAX_FEN - 1])(
    "sums exactly for %i fen",
    (total) => {
      expect(sum(splitByPercent(total, [30, 40, 30]))).toBe(total);
      expect(sum(splitByPercent(total, [33, 33, 34]))).toBe(total);
    },
  );

  it("rejects percentages not summing to 100", () => {
    expect(() => splitByPercent(100, [30, 40])).toThrow(RangeError);
  });

  it("rejects a fractional total", () => {
    expect(() => splitByPercent(100.5, [100])).toThrow(TypeError);
  });
});
