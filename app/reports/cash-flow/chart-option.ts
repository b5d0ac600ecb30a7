import type { EChartsCoreOption } from "echarts";

/** Bars of cash in and cash out per month in yuan, with a line of the cumulative net. */
export function cashFlowChartOption(
  months: readonly { month: string; cashIn: number; cashOut: number; cumulativeNet: number }[],
): EChartsCoreOption {
  return {
    grid: { left: 80, right: 24, top: 48, bottom: 56 },
    legend: { data: ["现金流入", "现金流出", "累计净现金流"], top: 4 },
    xAxis: { type: "category", data: months.map((month) => month.month), axisLabel: { rotate: months.length > 12 ? 45 : 0 } },
    yAxis: { type: "value", name: "元" },
    series: [
      { name: "现金流入", type: "bar", itemStyle: { color: "#0d9488" }, data: months.map((month) => month.cashIn / 100) },
      { name: "现金流出", type: "bar", itemStyle: { color: "#d97706" }, data: months.map((month) => month.cashOut / 100) },
      {
        name: "累计净现金流",
        type: "line",
        itemStyle: { color: "#0f172a" },
        data: months.map((month) => month.cumulativeNet / 100),
      },
    ],
  };
}
