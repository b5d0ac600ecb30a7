import type { EChartsCoreOption } from "echarts";

/** Basis points (1/10000) as a percentage with one decimal, e.g. 1234 → "12.3%". */
export function percentText(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(1)}%`;
}

/** Bars of revenue in yuan per client with a line of cumulative share on a second axis. */
export function valueChartOption(
  rows: readonly { clientName: string; revenue: number; cumulativeBasisPoints: number }[],
): EChartsCoreOption {
  return {
    grid: { left: 80, right: 60, top: 40, bottom: 90 },
    legend: { data: ["收入（元）", "累计占比"], top: 4 },
    xAxis: {
      type: "category",
      data: rows.map((row) => row.clientName),
      axisLabel: { rotate: 35, interval: 0, width: 110, overflow: "truncate" },
    },
    yAxis: [
      { type: "value", name: "元" },
      { type: "value", name: "累计占比", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    ],
    series: [
      { name: "收入（元）", type: "bar", data: rows.map((row) => row.revenue / 100), itemStyle: { color: "#2563eb" } },
      {
        name: "累计占比",
        type: "line",
        yAxisIndex: 1,
        data: rows.map((row) => row.cumulativeBasisPoints / 100),
        itemStyle: { color: "#d97706" },
        markLine: {
          silent: true,
          symbol: "none",
          label: { show: false },
          data: [{ yAxis: 80 }, { yAxis: 95 }],
          lineStyle: { type: "dashed" },
        },
      },
    ],
  };
}
