import { afterEach, describe, expect, it, vi } from "vitest";

import {
  DEFAULT_TIME_ZONE,
  clockFromEnv,
  createClock,
  isValidTimeZone,
} from "../../server/clock";
import { dateInZone } from "../../server/domain/dates";

/** Builds a process environment with only the given variables set. */
function env(values: Record<string, string>): NodeJS.ProcessEnv {
  return { NODE_ENV: "test", ...values };
}

/** A source of "now" that always returns the same instant. */
function fixedNow(iso: string): () => Date {
  return () => new Date(iso);
}

describe("test process", () => {
  it("runs in UTC", () => {
    expect(new Date("2026-12-03T17:30:00Z").getTimezoneOffset()).toBe(0);
  });
});

describe("createClock", () => {
  it("uses Asia/Shanghai by default", () => {
    expect(createClock().timeZone).toBe(DEFAULT_TIME_ZONE);
    expect(DEFAULT_TIME_ZONE).toBe("Asia/Shanghai");
  });

  it("gives the Shanghai date at 01:30 China time", () => {
    const clock = createClock({ now: fixedNow("2026-12-03T17:30:00Z") });

    expect(clock.today()).toBe("2026-12-04");
  });

  it("gives the previous day one second before China midnight", () => {
    const clock = createClock({ now: fixedNow("2026-12-03T15:59:59Z") });

    expect(clock.today()).toBe("2026-12-03");
  });

  it("turns the day at China midnight", () => {
    const clock = createClock({ now: fixedNow("2026-12-03T16:00:00Z") });

    expect(clock.today()).toBe("2026-12-04");
  });

  it("keeps the Shanghai date until 07:59 China time", () => {
    const clock = createClock({ now: fixedNow("2026-12-03T23:59:00Z") });

    expect(clock.today()).toBe("2026-12-04");
  });

  it("follows another zone when given", () => {
    const clock = createClock({
      timeZone: "UTC",
      now: fixedNow("2026-12-03T17:30:00Z"),
    });

    expect(clock.today()).toBe("2026-12-03");
  });

  it("returns a fixed date whatever the instant", () => {
    const clock = createClock({
      fixedDate: "2026-05-01",
      now: fixedNow("2026-12-03T17:30:00Z"),
    });

    expect(clock.today()).toBe("2026-05-01");
  });

  it("reports the instant as ISO UTC", () => {
    const clock = createClock({ now: fixedNow("2026-12-03T17:30:00Z") });

    expect(clock.nowIso()).toBe("2026-12-03T17:30:00.000Z");
  });

  it("keeps real time in nowIso when the date is fixed", () => {
    const clock = createClock({
      fixedDate: "2026-05-01",
      now: fixedNow("2026-12-03T17:30:00Z"),
    });

    expect(clock.nowIso()).toBe("2026-12-03T17:30:00.000Z");
  });

  it("treats empty options as unset", () => {
    const clock = createClock({ timeZone: "", fixedDate: "" });

    expect(clock.timeZone).toBe(DEFAULT_TIME_ZONE);
  });

  it("rejects an unknown time zone", () => {
    expect(() => createClock({ timeZone: "Mars/Olympus" })).toThrow(
      /HUIKUAN_TZ/,
    );
  });

  it.each(["2026-02-30", "2026-1-5", "2026-13-01", "today"])(
    "rejects the fixed date %s",
    (fixedDate) => {
      expect(() => createClock({ fixedDate })).toThrow(/HUIKUAN_TODAY/);
    },
  );
});

describe("isValidTimeZone", () => {
  it("accepts an IANA zone", () => {
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
  });

  it("rejects an unknown zone", () => {
    expect(isValidTimeZone("Asia/Atlantis")).toBe(false);
  });
});

describe("clockFromEnv", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("fixes today from HUIKUAN_TODAY", () => {
    const clock = clockFromEnv(env({ HUIKUAN_TODAY: "2026-05-01" }));

    expect(clock.today()).toBe("2026-05-01");
  });

  it("sets the zone from HUIKUAN_TZ", () => {
    const clock = clockFromEnv(env({ HUIKUAN_TZ: "America/New_York" }));

    expect(clock.timeZone).toBe("America/New_York");
  });

  it("defaults to the Shanghai date of the real instant", () => {
    const before = dateInZone(new Date(), "Asia/Shanghai");
    const today = clockFromEnv(env({})).today();
    const after = dateInZone(new Date(), "Asia/Shanghai");

    expect([before, after]).toContain(today);
  });

  it("rejects an unknown HUIKUAN_TZ", () => {
    expect(() => clockFromEnv(env({ HUIKUAN_TZ: "Mars/Olympus" }))).toThrow(
      /HUIKUAN_TZ/,
    );
  });

  it("rejects an impossible HUIKUAN_TODAY", () => {
    expect(() => clockFromEnv(env({ HUIKUAN_TODAY: "2026-02-30" }))).toThrow(
      /HUIKUAN_TODAY/,
    );
  });

  it("reads process.env by default", () => {
    vi.stubEnv("HUIKUAN_TODAY", "2026-07-01");
    vi.stubEnv("HUIKUAN_TZ", "Asia/Tokyo");
    const clock = clockFromEnv();

    expect(clock.today()).toBe("2026-07-01");
    expect(clock.timeZone).toBe("Asia/Tokyo");
  });
});
