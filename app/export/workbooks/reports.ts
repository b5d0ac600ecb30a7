import { formatChineseDate } from "../../../server/domain/dates";
import { SPEED_GRADE_RULE } from "../../../server/domain/speed";
import type { Cell, Column, Sheet } from "../../../server/export/sheet";
import { agingInput } from "../../reports/aging/params";
import { sortSpeedRows, SORTS, speedInput, speedOrder } from "../../reports/speed/params";
import { summaryParams } from "../../reports/summary/params";
import { sortSummaryRows, type SummaryTableRow } from "../../reports/summary/sorting";
import { fetchSummaryView, GROUPINGS } from "../../reports/summary/views";
import { valueInput } from "../../reports/value/params";
import { ExportRequestError, type ExportDefinition, filterLine, ratioFromBasisPoints, valueLine } from "./common";

export const agingExport: ExportDefinition = {
  kind: "账龄分析",
  slug: "aging",
  async build(caller, params) {
    const input = agingInput(params);
    const [report, staff, businessTypes] = await Promise.all([
      caller.aging.report(input),
      caller.settings.staff(),
      caller.settings.businessTypes(),
    ]);
    const columns: Column[] = [
      { header: "客户", type: "text" },
      { header: "业务员", type: "text" },
      ...report.buckets.map((bucket): Column => ({ header: bucket.label, type: "money" })),
      { header: "未收合计", type: "money" },
    ];
    const sheet: Sheet = {
      name: "账龄分析",
      columns,
      rows: report.clients.map((row) => [row.clientName, row.accountManagerName ?? null, ...row.amounts, row.outstanding]),
      totals: ["合计", null, ...report.totals, report.outstanding],
    };
    const shares: Sheet = {
      name: "各账龄段占比",
      columns: [
        { header: "账龄段", type: "text" },
        { header: "未收金额", type: "money" },
        { header: "占比", type: "percent" },
      ],
      rows: report.buckets.map((bucket, index) => {
        const amount = report.totals[index]!;
        return [bucket.label, amount, report.outstanding > 0 ? amount / report.outstanding : null];
      }),
      totals: ["合计", report.outstanding, report.outstanding > 0 ? 1 : null],
    };
    return {
      date: report.asOf,
      workbook: {
        title: "账龄分析",
        notes: [
          `截止日期：${formatChineseDate(report.asOf)}`,
          ...filterLine("业务员", staff, input.accountManagerId),
          ...filterLine("业务类型", businessTypes, input.businessTypeId),
          "账龄：截止日期当天每期应收的未收金额（只计截止日期前签约的合同和当天及以前收到、未冲销的回款），按逾期天数（截止日期 − 到期日，当天到期不算逾期）分段；分段可在系统设置中修改。",
        ],
        sheets: [sheet, shares],
      },
    };
  },
};

export const speedExport: ExportDefinition = {
  kind: "回款速度排名",
  slug: "payment-speed",
  async build(caller, params) {
    const input = speedInput(params);
    const order = speedOrder(params);
    const [report, staff, businessTypes] = await Promise.all([
      caller.speed.ranking(input),
      caller.settings.staff(),
      caller.settings.businessTypes(),
    ]);
    const rows = sortSpeedRows(report.ranked, order);
    const sheet: Sheet = {
      name: "回款速度排名",
      columns: [
        { header: "客户", type: "text" },
        { header: "业务员", type: "text" },
        { header: "评级", type: "text" },
        { header: SORTS.late.label, type: "days", decimals: 1 },
        { header: SORTS.onTime.label, type: "percent" },
        { header: SORTS.toPay.label, type: "days", decimals: 1 },
        { header: SORTS.overdue.label, type: "money" },
        { header: SORTS.due.label, type: "money" },
      ],
      rows: rows.map((row) => [
        row.clientName,
        row.accountManagerName ?? null,
        row.grade,
        row.weightedDaysLate,
        row.onTimePercent === null ? null : row.onTimePercent / 100,
        row.daysToPay,
        row.overdueNow,
        row.dueInPeriod,
      ]),
    };
    return {
      date: report.asOf,
      workbook: {
        title: "回款速度排名",
        notes: [
          `到期日 ${formatChineseDate(report.from)} 至 ${formatChineseDate(report.asOf)}，截至 ${formatChineseDate(report.asOf)}`,
          ...filterLine("业务员", staff, input.accountManagerId),
          ...filterLine("业务类型", businessTypes, input.businessTypeId),
          `排序：${SORTS[order.sort].label}${order.descending ? "从大到小" : "从小到大"}`,
          "范围：到期日在期间内（开始日期至截止日期）的分期；已付金额只计截止日期及以前收到、未冲销的回款；尚未到期的未收金额不计入。",
          "加权逾期天数：按金额加权的平均逾期天数——已付部分为收款日 − 到期日（到期日当天或之前付款计 0 天），截止日仍未付且已逾期的部分为截止日期 − 到期日。",
          "按时付款比例：到期日当天或之前付清的金额 ÷ 期内到期的全部金额。",
          "签约至付款天数：已付金额按金额加权的平均（收款日 − 合同签约日）天数。当前逾期金额：截止日期全部已逾期未收金额。",
          `评级：${SPEED_GRADE_RULE}。`,
        ],
        sheets: [sheet],
      },
    };
  },
};

export const valueExport: ExportDefinition = {
  kind: "客户价值排名",
  slug: "client-value",
  async build(caller, params) {
    const report = await caller.value.ranking(valueInput(params));
    // The procedure leaves costs null for roles that may not see them; the page hides those columns then.
    const seesCosts = report.totals.cost !== null;
    const columns: Column[] = [
      { header: "排名", type: "integer" },
      { header: "客户", type: "text" },
      { header: "分类", type: "text" },
      { header: "合同数", type: "integer" },
      { header: "收入", type: "money" },
      ...(seesCosts
        ? ([
            { header: "成本", type: "money" },
            { header: "毛利", type: "money" },
            { header: "毛利率", type: "percent" },
          ] satisfies Column[])
        : []),
      { header: "收入占比", type: "percent" },
      { header: "累计占比", type: "percent" },
    ];
    const costCells = (revenue: number, cost: number | null, profit: number | null): Cell[] =>
      seesCosts ? [cost, profit, profit === null || revenue === 0 ? null : profit / revenue] : [];
    const { totals } = report;
    const sheet: Sheet = {
      name: "客户价值排名",
      columns,
      rows: report.rows.map((row) => [
        row.revenueRank,
        row.clientName,
        `${row.paretoClass} 类`,
        row.contractCount,
        row.revenue,
        ...costCells(row.revenue, row.cost, row.grossProfit),
        ratioFromBasisPoints(row.shareBasisPoints),
        ratioFromBasisPoints(row.cumulativeBasisPoints),
      ]),
      totals: [
        null,
        "合计",
        null,
        totals.contractCount,
        totals.revenue,
        ...costCells(totals.revenue, totals.cost, totals.grossProfit),
        report.rows.length > 0 ? 1 : null,
        null,
      ],
    };
    return {
      date: report.to,
      workbook: {
        title: "客户价值排名",
        notes: [
          `签约日期 ${formatChineseDate(report.from)} 至 ${formatChineseDate(report.to)}`,
          "收入：期间内签约合同的合同总额之和；成本：这些合同的媒体采购成本与制作成本之和；毛利 = 收入 − 成本，毛利率 = 毛利 ÷ 收入。",
          "帕累托分类：按收入从高到低排序（收入相同按客户名称排序），排在某客户之前的累计收入占比低于 80% 的为 A 类，低于 95% 的为 B 类，其余为 C 类（跨过 80% 的客户仍为 A 类）。期间内没有签约合同的客户不列出。",
        ],
        sheets: [sheet],
      },
    };
  },
};

const NAME_HEADERS = { client: "客户", manager: "业务员", businessType: "业务类型" } as const;

export const summaryExport: ExportDefinition = {
  kind: "回款统计",
  slug: "collection-summary",
  async build(caller, params) {
    const { input, grouping, order } = summaryParams(params);
    if (grouping === null) {
      throw new ExportRequestError(`分组方式 "${String(params.groupBy)}" 无效，请选择按客户、按业务员或按业务类型`);
    }
    const [view, staff, businessTypes, clients] = await Promise.all([
      fetchSummaryView(caller, grouping, input, () => ""),
      caller.settings.staff(),
      caller.settings.businessTypes(),
      caller.clients.list({}),
    ]);
    const typeFiltered = Boolean(input.businessTypeId);
    const creditKnown = grouping !== "businessType" && !typeFiltered;
    const rows = sortSummaryRows(view.rows, order);

    const columns: Column[] = [
      { header: NAME_HEADERS[grouping], type: "text" },
      ...(grouping === "client" ? [{ header: "业务员", type: "text" } satisfies Column] : []),
      ...(grouping === "manager" ? [{ header: "客户数", type: "integer" } satisfies Column] : []),
      { header: "合同额", type: "money" },
      { header: "回款额", type: "money" },
      { header: "应收余额", type: "money" },
      { header: "逾期金额", type: "money" },
      { header: "预收款", type: "money" },
    ];
    const extraCells = (row: SummaryTableRow | null): Cell[] => {
      if (grouping === "client") return [row?.accountManagerName ?? null];
      if (grouping === "manager") return [row ? (row.clientCount ?? 0) : rows.reduce((sum, r) => sum + (r.clientCount ?? 0), 0)];
      return [];
    };
    const figures = (row: Omit<SummaryTableRow, "key" | "name">, credit: boolean): Cell[] => [
      row.contracted,
      row.received,
      row.outstanding,
      row.overdue,
      credit ? row.credit : null,
    ];
    const tableRows: Cell[][] = rows.map((row) => [row.name, ...extraCells(row), ...figures(row, creditKnown)]);
    if (view.unapplied) {
      const { name, received, credit } = view.unapplied;
      tableRows.push([name, ...extraCells(null).map(() => null), null, received, null, null, credit]);
    }
    const groupingLabel = GROUPINGS.find((option) => option.value === grouping)!.label;
    const period = view.from
      ? `${formatChineseDate(view.from)} 至 ${formatChineseDate(view.asOf)}`
      : `截至 ${formatChineseDate(view.asOf)}（全部期间）`;

    return {
      date: view.asOf,
      workbook: {
        title: "回款统计",
        notes: [
          `期间：${period}`,
          `分组：${groupingLabel}`,
          ...filterLine("业务员", staff, input.accountManagerId),
          ...filterLine("业务类型", businessTypes, input.businessTypeId),
          ...filterLine("客户", clients, input.clientId),
          `合同额：${view.from ? "期间内签订的合同金额" : "截止日期前签订的全部合同金额"}；回款额：${view.from ? "期间内收到" : "截止日期前收到"}的回款，已冲销的不计；应收余额、逾期金额、预收款为截止日期当天的余额。`,
          ...(grouping === "businessType" || typeFiltered
            ? [`按业务类型统计或筛选时，回款额是回款核销到该类型分期的金额；预收款不分业务类型${typeFiltered ? "，筛选时不显示" : "，尚未核销的回款单列为“未核销回款（预收款）”"}。`]
            : []),
          ...valueLine("说明", grouping === "manager" ? "按客户当前的业务员归集。" : null),
        ],
        sheets: [
          {
            name: `回款统计（${groupingLabel}）`,
            columns,
            rows: tableRows,
            totals: [
              `合计（${rows.length} ${grouping === "client" ? "家" : "项"}）`,
              ...extraCells(null),
              ...figures(view.totals, !typeFiltered),
            ],
          },
        ],
      },
    };
  },
};
