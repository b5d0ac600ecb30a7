import * as echarts from "echarts";

/** Chart fonts: the system Chinese fonts the pages use. */
const FONT_FAMILY = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/**
 * Renders an Apache ECharts option to an SVG string on the server, so
 * charts show without client JavaScript and print as vectors. Animation is
 * off because the SVG is static.
 */
export function renderChartSvg(option: echarts.EChartsCoreOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
