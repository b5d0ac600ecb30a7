import type { EChartsCoreOption } from "echarts";

const TYPE_COLORS = ["#2563eb", "#0d9488", "#d97706", "#7c3aed", "#db2777", "#64748b", "#65a30d"];

/** Formats a change in basis points as a signed percentage with one decimal, or "—" without a base. */
export function changeText(basisPoints: number | null): string {
  if (basisPoints === null) return "—";
  const sign = basisPoints > 0 ? "+" : "";
  return `${sign}${(basisPoints / 100).toFixed(1)}%`;
}

/**
 * Builds stacked bars of revenue in yuan per business type with a line of
 * the monthly total. Annotated months carry a pin labelled 注, and unusual
 * months a red dot on the line.
 */
export function trendChartOption(
  businessTypes: readonly { id: number; name: string }[],
  months: readonly {
    month: string;
    byBusinessType: Record<number, number>;
    total: number;
    unusual: readonly string[];
    note: string | null;
  }[],
): EChartsCoreOption {
  const axis = months.map((month) => month.month);
  return {
    grid: { left: 80, right: 24, top: 56, bottom: 56 },
    legend: { data: [...businessTypes.map((type) => type.name), "合计"], top: 4 },
    xAxis: { type: "category", data: axis, axisLabel: { rotate: months.length > 12 ? 45 : 0 } },
    yAxis: { type: "value", name: "元" },
    series: [
      ...businessTypes.map((type, index) => ({
        name: type.name,
        type: "bar",
        stack: "revenue",
        itemStyle: { color: TYPE_COLORS[index % TYPE_COLORS.length] },
        data: months.map((month) => (month.byBusinessType[type.id] ?? 0) / 100),
      })),
      {
        name: "合计",
        type: "line",
        itemStyle: { color: "#0f172a" },
        data: months.map((month) => ({
          value: month.total / 100,
          itemStyle: month.unusual.length > 0 ? { color: "#dc2626" } : undefined,
          symbolSize: month.unusual.length > 0 ? 9 : 5,
        })),
        markPoint: {
          symbol: "pin",
          symbolSize: 34,
          itemStyle: { color: "#f59e0b" },
          label: { formatter: "注", color: "#fff" },
          data: months
            .filter((month) => month.note !== null)
            .map((month) => ({ name: month.note ?? "", coord: [month.month, month.total / 100] })),
        },
      },
    ],
  };
}
