import { describe, expect, it } from "vitest";

import { valueChartOption } from "../../app/reports/value/chart-option";
import { trendChartOption } from "../../app/reports/trend/chart-option";
import { renderChartSvg } from "../../app/lib/charts";
import { isMonthKey, shiftMonth } from "../../server/services/analytics-trend";
import { paretoClass } from "../../server/services/analytics-value";

const SIZE = { width: 800, height: 300 };
const HOSTILE = "<script>alert(1)</script>";

describe("analytics charts", () => {
  it("escapes client names in the value chart", () => {
    const svg = renderChartSvg(
      valueChartOption([{ clientName: HOSTILE, revenue: 100, cumulativeBasisPoints: 10000 }]),
      SIZE,
    );
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
  });

  it("escapes business type names in the trend chart", () => {
    const months = [{ month: "2026-02", byBusinessType: { 1: 100 }, total: 100, unusual: ["yoy"], note: HOSTILE }];
    const svg = renderChartSvg(trendChartOption([{ id: 1, name: HOSTILE }], months), SIZE);
    expect(svg).not.toContain("<script>");
  });
});

describe("month keys", () => {
  it("accepts real months only", () => {
    expect(["2026-01", "2026-12", "1999-06"].every(isMonthKey)).toBe(true);
    expect(["2026-00", "2026-13", "2026-1", "2026-01-01", "0026-01", ""].some(isMonthKey)).toBe(false);
  });

  it("shifts across years", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-03", -12)).toBe("2025-03");
    expect(shiftMonth("2025-12", 1)).toBe("2026-01");
    expect(shiftMonth("2026-12", -23)).toBe("2025-01");
  });
});

describe("paretoClass", () => {
  it("keeps the client crossing 80% in A", () => {
    expect(paretoClass(79, 100)).toBe("A");
    expect(paretoClass(80, 100)).toBe("B");
    expect(paretoClass(94, 100)).toBe("B");
    expect(paretoClass(95, 100)).toBe("C");
  });
});
