import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import { type CalendarDayKind, isWorkingDay } from "../../server/notifications/calendar";
import { signedDingtalkUrl } from "../../server/notifications/channels";
import { DEFAULT_REMINDER_RULES, reminderReason, reminderWindow } from "../../server/notifications/rules";
import { dueRunDate } from "../../server/notifications/scheduler";
import { splitMessage, utf8Bytes } from "../../server/notifications/split";
import { TokenBucket } from "../../server/notifications/token-bucket";

const calendar = new Map<string, CalendarDayKind>([
  ["2026-10-01", "holiday"],
  ["2026-10-05", "holiday"],
  ["2026-10-10", "workday"],
  ["2026-09-20", "workday"],
]);

describe("isWorkingDay", () => {
  it("counts a 调休 Saturday as a working day", () => {
    expect(isWorkingDay("2026-10-10", calendar)).toBe(true);
  });

  it("counts a 调休 Sunday as a working day", () => {
    expect(isWorkingDay("2026-09-20", calendar)).toBe(true);
  });

  it("counts a holiday weekday as a day off", () => {
    expect(isWorkingDay("2026-10-05", calendar)).toBe(false);
  });

  it("counts a plain Saturday and Sunday as days off", () => {
    expect(isWorkingDay("2026-12-05", calendar)).toBe(false);
    expect(isWorkingDay("2026-12-06", calendar)).toBe(false);
  });

  it("counts a plain weekday as a working day", () => {
    expect(isWorkingDay("2026-12-04", calendar)).toBe(true);
  });
});

describe("reminderReason", () => {
  const rules = { ...DEFAULT_REMINDER_RULES, daysBefore: 3, onDueDate: true, overdueEveryDays: 7 };

  it.each([
    ["2026-12-07", "upcoming"],
    ["2026-12-04", "due"],
    ["2026-11-27", "overdue"],
    ["2026-11-20", "overdue"],
    ["2026-11-29", null],
    ["2026-12-05", null],
  ] as const)("due %s gives %s on 2026-12-04", (dueDate, expected) => {
    expect(reminderReason(dueDate, ["2026-12-04"], rules)).toBe(expected);
  });

  it("meets a rule on any day of the window", () => {
    expect(reminderReason("2026-12-06", ["2026-12-05", "2026-12-06", "2026-12-07"], rules)).toBe("due");
  });

  it("sends nothing for rules turned off", () => {
    const off = { ...rules, daysBefore: 0, onDueDate: false, overdueEveryDays: 0 };

    expect(reminderReason("2026-12-04", ["2026-12-04"], off)).toBeNull();
    expect(reminderReason("2026-11-27", ["2026-12-04"], off)).toBeNull();
  });
});

describe("reminderWindow", () => {
  it("covers only the date on a first run", () => {
    expect(reminderWindow("2026-12-07", null)).toEqual(["2026-12-07"]);
  });

  it("covers a skipped weekend", () => {
    expect(reminderWindow("2026-12-07", "2026-12-04")).toEqual(["2026-12-05", "2026-12-06", "2026-12-07"]);
  });

  it("covers only the date on a repeated run", () => {
    expect(reminderWindow("2026-12-04", "2026-12-04")).toEqual(["2026-12-04"]);
  });

  it("covers at most 14 days", () => {
    const days = reminderWindow("2026-12-31", "2026-11-01");

    expect(days).toHaveLength(14);
    expect(days.at(-1)).toBe("2026-12-31");
  });
});

describe("splitMessage", () => {
  it("keeps a short message whole", () => {
    expect(splitMessage("回款提醒", 4096)).toEqual(["回款提醒"]);
  });

  it("splits at line ends within the byte limit", () => {
    const lines = Array.from({ length: 400 }, (_, index) => `- 客户${index}｜未收 ¥1,000.00`);
    const parts = splitMessage(lines.join("\n"), 4096);

    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(utf8Bytes(part)).toBeLessThanOrEqual(4096);
    expect(parts[0]!.startsWith(`（1/${parts.length}）\n`)).toBe(true);
    const rejoined = parts.map((part) => part.slice(part.indexOf("\n") + 1)).join("\n");
    expect(rejoined).toBe(lines.join("\n"));
  });

  it("splits a long line between characters", () => {
    const line = "款😀".repeat(1000);
    const parts = splitMessage(line, 2048);

    for (const part of parts) {
      expect(utf8Bytes(part)).toBeLessThanOrEqual(2048);
      expect(part.isWellFormed()).toBe(true);
      expect(part).not.toContain("\uFFFD");
    }
    expect(parts.map((part) => part.slice(part.indexOf("\n") + 1)).join("")).toBe(line);
  });
});

describe("signedDingtalkUrl", () => {
  it("adds the timestamp and the encoded HMAC-SHA256 sign", () => {
    const secret = "SECabc123";
    const url = new URL(signedDingtalkUrl("https://example.invalid/robot/send?access_token=t", secret, 1700000000000));
    const expected = createHmac("sha256", secret).update(`1700000000000\n${secret}`).digest("base64");

    expect(url.searchParams.get("access_token")).toBe("t");
    expect(url.searchParams.get("timestamp")).toBe("1700000000000");
    expect(url.searchParams.get("sign")).toBe(expected);
  });
});

describe("TokenBucket", () => {
  it("lets the capacity through at once, then paces", async () => {
    const bucket = new TokenBucket(2, 200);
    const started = Date.now();

    for (let index = 0; index < 4; index += 1) await bucket.take();

    // Two immediately, then one token every 100 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe("dueRunDate", () => {
  const zone = "Asia/Shanghai";

  it("is today once the send time passed", () => {
    const now = new Date("2026-12-04T01:30:00Z"); // 09:30 in Shanghai

    expect(dueRunDate(now, "2026-12-04", "09:00", zone, "2026-12-03")).toBe("2026-12-04");
  });

  it("is yesterday before the send time when yesterday did not run", () => {
    const now = new Date("2026-12-04T00:30:00Z"); // 08:30 in Shanghai

    expect(dueRunDate(now, "2026-12-04", "09:00", zone, "2026-12-01")).toBe("2026-12-03");
  });

  it("is nothing once the date ran", () => {
    const now = new Date("2026-12-04T01:30:00Z");

    expect(dueRunDate(now, "2026-12-04", "09:00", zone, "2026-12-04")).toBeNull();
  });

  it("reads the send time in the business zone, not UTC", () => {
    const now = new Date("2026-12-04T08:30:00Z"); // 16:30 in Shanghai

    expect(dueRunDate(now, "2026-12-04", "16:00", zone, "2026-12-03")).toBe("2026-12-04");
    expect(dueRunDate(now, "2026-12-04", "17:00", zone, "2026-12-03")).toBeNull();
  });
});
