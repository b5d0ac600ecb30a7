import { formatYuan } from "../../../server/domain/money";
import type { Cell, Column, Sheet } from "../../../server/export/sheet";
import { cashFlowInput } from "../../reports/cash-flow/params";
import { drillDownMonth, trendInput } from "../../reports/trend/params";
import { type Caller, type ExportDefinition, ratioFromBasisPoints } from "./common";

type TrendReport = Awaited<ReturnType<Caller["trend"]["report"]>>;
type DrillDown = Awaited<ReturnType<Caller["trend"]["drillDown"]>>;

const UNUSUAL_LABELS = { yoy: "同比", trailing: "较前3月" } as const;

export const trendExport: ExportDefinition = {
  kind: "经营趋势",
  slug: "revenue-trend",
  async build(caller, params) {
    const month = drillDownMonth(params);
    const [report, drillDown, clock] = await Promise.all([
      caller.trend.report(trendInput(params)),
      month === undefined ? null : caller.trend.drillDown({ month }),
      caller.settings.clock(),
    ]);
    const sheets = [trendMonthSheet(report), trendPeriodSheet(report), springFestivalSheet(report)];
    if (drillDown) sheets.push(...drillDownSheets(drillDown));

    return {
      date: clock.today,
      workbook: {
        title: "经营趋势",
        notes: [
          `签约月份 ${report.from} 至 ${report.to}，按合同签约月份统计合同金额；异常阈值 ${report.thresholdPercent}%`,
          ...(drillDown ? [`同比明细：${drillDown.month} 与 ${drillDown.lastYearMonth}`] : []),
          "收入：按合同签约月份汇总的合同总额；没有签约的月份记为 0。环比比上月，同比比上年同月，基数为 0 时不计算（留空）。",
          "异常月份：同比变化的绝对值超过阈值，或与前 3 个月平均值相比变化的绝对值超过阈值（恰好等于阈值不算；基数为 0 不判定）。",
          "春节对比：每年 1 月与 2 月合并为一个期间，与上年同期比较，消除春节落在 1 月或 2 月的影响。",
        ],
        sheets,
      },
    };
  },
};

function trendMonthSheet(report: TrendReport): Sheet {
  const columns: Column[] = [
    { header: "月份", type: "month" },
    ...report.businessTypes.map((type): Column => ({ header: type.name, type: "money" })),
    { header: "合计", type: "money" },
    { header: "环比", type: "percent" },
    { header: "同比", type: "percent" },
    { header: "较前3月均值", type: "percent" },
    { header: "异常", type: "text" },
    { header: "备注", type: "text", width: 40 },
  ];
  const sumOf = (typeId: number) => report.months.reduce((sum, month) => sum + (month.byBusinessType[typeId] ?? 0), 0);
  const total = report.months.reduce((sum, month) => sum + month.total, 0);

  return {
    name: "每月明细",
    columns,
    rows: report.months.map((month) => [
      month.month,
      ...report.businessTypes.map((type) => month.byBusinessType[type.id] ?? 0),
      month.total,
      ratioFromBasisPoints(month.monthOnMonthBasisPoints),
      ratioFromBasisPoints(month.yearOnYearBasisPoints),
      ratioFromBasisPoints(month.trailingChangeBasisPoints),
      month.unusual.length > 0 ? `异常（${month.unusual.map((reason) => UNUSUAL_LABELS[reason]).join("、")}）` : null,
      month.note,
    ]),
    totals: ["合计", ...report.businessTypes.map((type) => sumOf(type.id)), total, null, null, null, null, null],
    annotations: report.months.map((month) => month.note),
  };
}

function trendPeriodSheet(report: TrendReport): Sheet {
  return {
    name: "季度与年度合计",
    columns: [
      { header: "期间", type: "text" },
      { header: "收入", type: "money" },
      { header: "月数", type: "integer" },
      { header: "说明", type: "text" },
    ],
    rows: [...report.quarters, ...report.years].map((row) => {
      const quarter = row.period.includes("Q");
      const fullLength = quarter ? 3 : 12;
      return [
        quarter ? `${row.period.replace("-Q", " 年第 ")} 季度` : `${row.period} 年`,
        row.total,
        row.monthCount,
        row.monthCount < fullLength ? `仅含范围内 ${row.monthCount} 个月` : null,
      ];
    }),
  };
}

function springFestivalSheet(report: TrendReport): Sheet {
  return {
    name: "春节对比",
    columns: [
      { header: "年份", type: "integer" },
      { header: "本年 1–2 月", type: "money" },
      { header: "上年 1–2 月", type: "money" },
      { header: "同比", type: "percent" },
    ],
    rows: report.springFestival.map((row) => [
      Number(row.year),
      row.total,
      row.lastYearTotal,
      ratioFromBasisPoints(row.changeBasisPoints),
    ]),
  };
}

function drillDownSheets(drillDown: DrillDown): Sheet[] {
  const sheet = (name: string, header: string, entries: DrillDown["clients"]): Sheet => ({
    name,
    columns: [
      { header, type: "text" },
      { header: drillDown.month, type: "money" },
      { header: drillDown.lastYearMonth, type: "money" },
      { header: "变化", type: "money" },
    ],
    rows: entries.map((entry): Cell[] => [entry.name, entry.total, entry.lastYearTotal, entry.change]),
    totals: ["合计", drillDown.total, drillDown.lastYearTotal, drillDown.change],
    notes: drillDown.note ? [`备注：${drillDown.note}`] : [],
  });
  return [
    sheet(`${drillDown.month} 同比按业务类型`, "业务类型", drillDown.businessTypes),
    sheet(`${drillDown.month} 同比按客户`, "客户", drillDown.clients),
  ];
}

type CashFlowReport = Awaited<ReturnType<Caller["costs"]["cashFlow"]>>;

export const cashFlowExport: ExportDefinition = {
  kind: "成本与现金流",
  slug: "cash-flow",
  async build(caller, params) {
    const [report, clock] = await Promise.all([caller.costs.cashFlow(cashFlowInput(params)), caller.settings.clock()]);
    return {
      date: clock.today,
      workbook: {
        title: "成本与现金流",
        notes: [
          `${report.from} 至 ${report.to}，按收款月份与付款月份统计`,
          "现金流入：当月收到且未冲销的回款；现金流出：当月支付且未作废的运营成本；没有记录的月份记为 0。",
          `背离规则：对每个月，比较近 3 个月（含当月）与再往前 3 个月的成本增长率和签约收入增长率，成本增长率比收入增长率高出超过 ${report.divergencePoints} 个百分点时提示（任一前期为 0 时不判定）。`,
          ...(report.warnings.length === 0 ? ["没有成本增长快于收入增长的月份。"] : []),
        ],
        sheets: [cashFlowMonthSheet(report), categorySheet(report), contractCostSheet(report), warningSheet(report)],
      },
    };
  },
};

function cashFlowMonthSheet(report: CashFlowReport): Sheet {
  return {
    name: "每月现金流",
    columns: [
      { header: "月份", type: "month" },
      { header: "现金流入", type: "money" },
      { header: "现金流出", type: "money" },
      { header: "净现金流", type: "money" },
      { header: "累计净现金流", type: "money" },
    ],
    rows: report.months.map((month) => [month.month, month.cashIn, month.cashOut, month.net, month.cumulativeNet]),
    totals: ["合计", report.totals.cashIn, report.totals.cashOut, report.totals.net, null],
  };
}

function categorySheet(report: CashFlowReport): Sheet {
  const total = report.totals.cashOut;
  return {
    name: "现金流出按成本类别",
    columns: [
      { header: "类别", type: "text" },
      { header: "金额", type: "money" },
      { header: "占比", type: "percent" },
    ],
    rows: report.categories.map((category) => [category.name, category.total, total === 0 ? null : category.total / total]),
    totals: ["合计", total, null],
  };
}

function contractCostSheet(report: CashFlowReport): Sheet {
  const media = report.contractCosts.reduce((sum, row) => sum + row.mediaCost, 0);
  const production = report.contractCosts.reduce((sum, row) => sum + row.productionCost, 0);
  return {
    name: "合同成本按业务类型",
    columns: [
      { header: "业务类型", type: "text" },
      { header: "媒体采购成本", type: "money" },
      { header: "制作成本", type: "money" },
      { header: "合计", type: "money" },
    ],
    rows: report.contractCosts.map((row) => [row.name, row.mediaCost, row.productionCost, row.total]),
    totals: ["合计", media, production, media + production],
    notes: ["按合同签约月份统计。"],
  };
}

function warningSheet(report: CashFlowReport): Sheet {
  return {
    name: "成本增长背离提示",
    columns: [
      { header: "月份", type: "month" },
      { header: "近 3 个月", type: "text" },
      { header: "前 3 个月", type: "text" },
      { header: "成本增长率", type: "percent" },
      { header: "收入增长率", type: "percent" },
      { header: "增长最多的类别", type: "text", width: 50 },
    ],
    rows: report.warnings.map((warning) => [
      warning.month,
      `${warning.window.from} 至 ${warning.window.to}`,
      `${warning.previous.from} 至 ${warning.previous.to}`,
      ratioFromBasisPoints(warning.costGrowthBasisPoints),
      ratioFromBasisPoints(warning.revenueGrowthBasisPoints),
      warning.topCategories.map((category) => `${category.name}（+${formatYuan(category.growth)}）`).join("、") || null,
    ]),
  };
}
