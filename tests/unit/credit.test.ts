import { describe, expect, it } from "vitest";

import { creditWarnings, describeRewardRule, isBlocked, rewardFor, rewardPoints } from "../../server/domain/credit";

const facts = {
  clientName: "甲方",
  creditLimit: null,
  outstanding: 0,
  newAmount: 0,
  longOverdue: 0,
  maxDaysOverdue: 0,
  blacklist: null,
};

describe("rewardFor", () => {
  it("rounds down to whole fen", () => {
    expect(rewardFor(33333, 50)).toBe(166);
    expect(rewardFor(199, 50)).toBe(0);
  });

  it("stays exact at the money limit", () => {
    // 10,000,000,000.00 yuan at 10%: 1e12 fen × 1000 exceeds 2^53 before the division.
    expect(rewardFor(1_000_000_000_000, 1000)).toBe(100_000_000_000);
    expect(rewardFor(999_999_999_999, 1000)).toBe(99_999_999_999);
  });
});

describe("rewardPoints", () => {
  it("counts whole yuan", () => {
    expect(rewardPoints(1299)).toBe(12);
    expect(rewardPoints(99)).toBe(0);
  });
});

describe("creditWarnings", () => {
  it("is empty for a client in good standing", () => {
    expect(creditWarnings(facts)).toEqual([]);
  });

  it("allows reaching the limit exactly", () => {
    expect(creditWarnings({ ...facts, creditLimit: 1000, outstanding: 600, newAmount: 400 })).toEqual([]);
  });

  it("lists every warning, blacklist first", () => {
    const warnings = creditWarnings({
      ...facts,
      creditLimit: 1000,
      outstanding: 600,
      newAmount: 401,
      longOverdue: 500,
      maxDaysOverdue: 120,
      blacklist: { reason: "恶意拖欠", decidedByName: "系统管理员", decidedOn: "2026-11-01" },
    });

    expect(warnings.map((warning) => warning.code)).toEqual(["blacklisted", "over_limit", "long_overdue"]);
    expect(warnings[2]!.message).toContain("最长已逾期 120 天");
    expect(isBlocked(warnings)).toBe(true);
  });

  it("blocks only for the blacklist", () => {
    expect(isBlocked(creditWarnings({ ...facts, longOverdue: 1, maxDaysOverdue: 91 }))).toBe(false);
  });
});

describe("describeRewardRule", () => {
  it("states the rate in percent", () => {
    const text = describeRewardRule({ enabled: true, basisPoints: 50, kind: "rebate", startsOn: "2026-01-01" });

    expect(text).toContain("0.50%");
    expect(text).toContain("2026-01-01");
  });

  it("says when the rule is off", () => {
    expect(describeRewardRule({ enabled: false, basisPoints: 50, kind: "points", startsOn: "2026-01-01" })).toBe("未启用按时回款奖励");
  });
});
