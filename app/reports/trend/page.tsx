import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { serverCaller } from "../../../server/context";
import { Chart } from "../../components/chart";
import { FILTER_INPUT, FilterField, FilterForm } from "../../components/filter-form";
import { Alert, Card, EmptyState, Money, PageHeader, Table, Td, Th } from "../../components/ui";
import { requireAccess } from "../../lib/auth";
import { load } from "../../lib/errors";
import { ExportLinks } from "../../export/export-links";
import { param, type SearchParams } from "../../lib/params";
import { AnnotationForm } from "./annotation-form";
import { changeText, trendChartOption } from "./chart-option";
import { DrillDownCard } from "./drill-down";
import { drillDownMonth, trendInput } from "./params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "经营趋势" };

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type Report = Awaited<ReturnType<Caller["trend"]["report"]>>;
type DrillDownResult = Awaited<ReturnType<typeof load<Awaited<ReturnType<Caller["trend"]["drillDown"]>>>>>;

/** Search parameters of a trend view, kept in links and after saving a note. */
const VIEW_KEYS = ["from", "to", "thresholdPercent", "month"] as const;

const NOTICES = { saved: "已保存", cleared: "已清除" } as const;

export default async function TrendPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireAccess("trend.report");
  const params = await searchParams;
  const view = Object.fromEntries(VIEW_KEYS.map((key) => [key, param(params, key)])) as Partial<
    Record<(typeof VIEW_KEYS)[number], string>
  >;
  const caller = await serverCaller();
  const result = await load(() => caller.trend.report(trendInput(params)));
  const month = drillDownMonth(params);
  const drillDown = month ? await load(() => caller.trend.drillDown({ month })) : null;

  const query = new URLSearchParams();
  for (const key of VIEW_KEYS) if (view[key]) query.set(key, view[key]);
  const monthHref = (month: string) => {
    const search = new URLSearchParams(query);
    search.set("month", month);
    return `/reports/trend?${search.toString()}#drill-down`;
  };
  const notice = param(params, "notice");
  const noticeText = notice === "saved" || notice === "cleared" ? NOTICES[notice] : null;

  return (
    <>
      <PageHeader
        title="经营趋势"
        subtitle={result.ok ? `签约月份 ${result.data.from} 至 ${result.data.to}，按合同签约月份统计合同金额` : undefined}
        actions={<ExportLinks report="trend" params={params} />}
      />
      <FilterForm resetHref="/reports/trend">
        <FilterField label="开始月份">
          <input type="month" name="from" defaultValue={view.from ?? (result.ok ? result.data.from : "")} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="结束月份">
          <input type="month" name="to" defaultValue={view.to ?? (result.ok ? result.data.to : "")} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="异常阈值（%）">
          <input
            type="number"
            name="thresholdPercent"
            min={1}
            max={1000}
            defaultValue={view.thresholdPercent ?? "30"}
            className={`${FILTER_INPUT} w-24`}
          />
        </FilterField>
      </FilterForm>
      {noticeText ? (
        <Alert tone="success">
          {param(params, "noted")} 的备注{noticeText}。
        </Alert>
      ) : null}
      <ul className="mb-4 space-y-0.5 text-xs text-slate-500">
        <li>收入：按合同签约月份汇总的合同总额；没有签约的月份记为 0。环比比上月，同比比上年同月，基数为 0 时不计算（显示 —）。</li>
        <li>
          异常月份：同比变化的绝对值超过阈值，或与前 3 个月平均值相比变化的绝对值超过阈值（恰好等于阈值不算；基数为 0 不判定），在图中以红点、表中以“异常”标出。
        </li>
        <li>春节对比：每年 1 月与 2 月合并为一个期间，与上年同期比较，消除春节落在 1 月或 2 月的影响。</li>
      </ul>
      {result.ok ? (
        <TrendSections
          report={result.data}
          monthHref={monthHref}
          drillDown={drillDown}
          annotation={
            user.can("trend.saveAnnotation") ? (
              <AnnotationForm
                months={result.data.months.map((month) => month.month)}
                notes={Object.fromEntries(
                  result.data.months.flatMap((month) => (month.note === null ? [] : [[month.month, month.note]])),
                )}
                defaultMonth={view.month ?? param(params, "noted") ?? result.data.to}
                returnQuery={query.toString()}
              />
            ) : null
          }
        />
      ) : (
        <Alert>{result.message}</Alert>
      )}
    </>
  );
}

function TrendSections({
  report,
  monthHref,
  drillDown,
  annotation,
}: {
  report: Report;
  monthHref: (month: string) => string;
  drillDown: DrillDownResult | null;
  annotation: ReactNode;
}) {
  const hasRevenue = report.months.some((month) => month.total > 0);
  return (
    <>
      {hasRevenue ? (
        <Card title="每月收入（按业务类型堆叠，折线为合计）">
          <Chart option={trendChartOption(report.businessTypes, report.months)} title="每月收入按业务类型堆叠柱状图与合计折线" height={360} />
        </Card>
      ) : (
        <Card>
          <EmptyState title="这段时间没有签约合同">请调整开始和结束月份，或到客户页面为客户新增合同。</EmptyState>
        </Card>
      )}
      {drillDown ? (
        drillDown.ok ? (
          <DrillDownCard drillDown={drillDown.data} />
        ) : (
          <Alert>{drillDown.message}</Alert>
        )
      ) : null}
      <MonthTable report={report} monthHref={monthHref} />
      <div className="grid gap-5 lg:grid-cols-2">
        <PeriodCard report={report} />
        <SpringFestivalCard report={report} />
      </div>
      {annotation ? (
        <Card title="月份备注" className="no-print">
          {annotation}
        </Card>
      ) : null}
    </>
  );
}

function MonthTable({ report, monthHref }: { report: Report; monthHref: (month: string) => string }) {
  const sumOf = (typeId: number) => report.months.reduce((sum, month) => sum + (month.byBusinessType[typeId] ?? 0), 0);
  const total = report.months.reduce((sum, month) => sum + month.total, 0);
  return (
    <Card title={`每月明细（异常阈值 ${report.thresholdPercent}%）`}>
      <Table>
        <thead>
          <tr>
            <Th>月份</Th>
            {report.businessTypes.map((type) => (
              <Th key={type.id} numeric>
                {type.name}
              </Th>
            ))}
            <Th numeric>合计</Th>
            <Th numeric>环比</Th>
            <Th numeric>同比</Th>
            <Th numeric>较前3月均值</Th>
            <Th>异常</Th>
            <Th>备注</Th>
          </tr>
        </thead>
        <tbody>
          {report.months.map((month) => (
            <tr key={month.month} className={month.unusual.length > 0 ? "bg-red-50/60" : undefined}>
              <Td>
                <Link href={monthHref(month.month)} className="text-brand-700 hover:underline" title="查看同比变化来自哪些业务类型和客户">
                  {month.month}
                </Link>
              </Td>
              {report.businessTypes.map((type) => (
                <Td key={type.id} numeric>
                  <Money fen={month.byBusinessType[type.id] ?? 0} />
                </Td>
              ))}
              <Td numeric className="font-medium">
                <Money fen={month.total} />
              </Td>
              <Td numeric>{changeText(month.monthOnMonthBasisPoints)}</Td>
              <Td numeric>{changeText(month.yearOnYearBasisPoints)}</Td>
              <Td numeric>{changeText(month.trailingChangeBasisPoints)}</Td>
              <Td>
                {month.unusual.length > 0 ? (
                  <span className="text-xs font-semibold text-red-700">
                    异常（{month.unusual.map((reason) => (reason === "yoy" ? "同比" : "较前3月")).join("、")}）
                  </span>
                ) : null}
              </Td>
              <Td className="max-w-64 text-xs text-slate-600">{month.note}</Td>
            </tr>
          ))}
        </tbody>
        <tfoot className="font-semibold">
          <tr>
            <Td>合计</Td>
            {report.businessTypes.map((type) => (
              <Td key={type.id} numeric>
                <Money fen={sumOf(type.id)} />
              </Td>
            ))}
            <Td numeric>
              <Money fen={total} />
            </Td>
            <Td colSpan={5} />
          </tr>
        </tfoot>
      </Table>
    </Card>
  );
}

function PeriodCard({ report }: { report: Report }) {
  const rows = [...report.quarters, ...report.years];
  return (
    <Card title="季度与年度合计">
      <Table>
        <thead>
          <tr>
            <Th>期间</Th>
            <Th numeric>收入</Th>
            <Th>说明</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const fullLength = row.period.includes("Q") ? 3 : 12;
            return (
              <tr key={row.period}>
                <Td className={fullLength === 12 ? "font-semibold" : undefined}>
                  {row.period.includes("Q") ? row.period.replace("-Q", " 年第 ") + " 季度" : `${row.period} 年`}
                </Td>
                <Td numeric className={fullLength === 12 ? "font-semibold" : undefined}>
                  <Money fen={row.total} />
                </Td>
                <Td className="text-xs text-slate-500">
                  {row.monthCount < fullLength ? `仅含范围内 ${row.monthCount} 个月` : ""}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}

function SpringFestivalCard({ report }: { report: Report }) {
  return (
    <Card title="春节对比（1 月 + 2 月合并，同比）">
      {report.springFestival.length === 0 ? (
        <EmptyState title="范围内没有完整的 1–2 月">把开始月份设为某年 1 月或更早即可比较。</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>年份</Th>
              <Th numeric>本年 1–2 月</Th>
              <Th numeric>上年 1–2 月</Th>
              <Th numeric>同比</Th>
            </tr>
          </thead>
          <tbody>
            {report.springFestival.map((row) => (
              <tr key={row.year}>
                <Td>{row.year} 年</Td>
                <Td numeric>
                  <Money fen={row.total} />
                </Td>
                <Td numeric>
                  <Money fen={row.lastYearTotal} />
                </Td>
                <Td numeric>{changeText(row.changeBasisPoints)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
