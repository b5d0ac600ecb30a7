import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../../server/context";
import { formatChineseDate } from "../../../server/domain/dates";
import { Chart } from "../../components/chart";
import { FILTER_INPUT, FilterField, FilterForm } from "../../components/filter-form";
import { Alert, Card, EmptyState, Money, PageHeader, Table, Td, Th } from "../../components/ui";
import { requireAccess } from "../../lib/auth";
import { load } from "../../lib/errors";
import { ExportLinks } from "../../export/export-links";
import { param, type SearchParams } from "../../lib/params";
import { OptionSelect, optionName } from "../filter-options";
import { agingInput } from "./params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "账龄分析" };

type Report = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["aging"]["report"]>>;

/** Bucket colours from not yet due (green) to the oldest (dark red). */
const BUCKET_COLORS = ["#16a34a", "#facc15", "#f59e0b", "#f97316", "#ea580c", "#dc2626", "#991b1b", "#7f1d1d", "#581c1c", "#3f0f0f", "#2a0a0a", "#1a0505"];

/** Clients shown in the chart; the table lists every client. */
const CHART_CLIENTS = 15;

export default async function AgingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAccess("aging.report");
  const params = await searchParams;
  const query = {
    asOf: param(params, "asOf"),
    accountManagerId: param(params, "accountManagerId"),
    businessTypeId: param(params, "businessTypeId"),
  };
  const caller = await serverCaller();
  const [staff, businessTypes] = await Promise.all([caller.settings.staff(), caller.settings.businessTypes()]);
  const result = await load(() => caller.aging.report(agingInput(params)));
  const scope = [
    labelled("业务员", optionName(staff, query.accountManagerId)),
    labelled("业务类型", optionName(businessTypes, query.businessTypeId)),
  ].filter((part) => part !== undefined);

  return (
    <>
      <PageHeader
        title="账龄分析"
        subtitle={result.ok ? [`截至 ${formatChineseDate(result.data.asOf)}`, ...scope].join("　") : undefined}
        actions={<ExportLinks report="aging" params={params} />}
      />
      <FilterForm resetHref="/reports/aging">
        <FilterField label="截止日期">
          <input
            type="date"
            name="asOf"
            defaultValue={query.asOf ?? (result.ok ? result.data.asOf : undefined)}
            className={FILTER_INPUT}
          />
        </FilterField>
        <FilterField label="业务员">
          <OptionSelect name="accountManagerId" options={staff} value={query.accountManagerId} allLabel="全部业务员" />
        </FilterField>
        <FilterField label="业务类型">
          <OptionSelect name="businessTypeId" options={businessTypes} value={query.businessTypeId} allLabel="全部业务类型" />
        </FilterField>
      </FilterForm>
      <p className="mb-4 text-xs text-slate-500">
        账龄：截止日期当天每期应收的未收金额（只计截止日期前签约的合同和当天及以前收到、未冲销的回款），按逾期天数（截止日期 −
        到期日，当天到期不算逾期）分段；分段可在<Link href="/settings" className="text-brand-700 hover:underline">系统设置</Link>中修改。
      </p>
      {result.ok ? <AgingReport report={result.data} /> : <Alert>{result.message}</Alert>}
    </>
  );
}

function labelled(label: string, value: string | undefined) {
  return value === undefined ? undefined : `${label}：${value}`;
}

function AgingReport({ report }: { report: Report }) {
  if (report.clients.length === 0) {
    return (
      <Card>
        <EmptyState title={`截至 ${formatChineseDate(report.asOf)} 没有未收款项`}>
          所选范围内的客户都已付清。可以换一个截止日期或筛选条件，或到客户页面新增合同。
        </EmptyState>
      </Card>
    );
  }
  const top = report.clients.slice(0, CHART_CLIENTS);
  return (
    <>
      <Card title="各账龄段合计">
        <Chart
          title="各账龄段未收金额合计"
          height={260}
          option={{
            grid: { left: 90, right: 30, top: 20, bottom: 40 },
            xAxis: { type: "category", data: report.buckets.map((bucket) => bucket.label) },
            yAxis: { type: "value", name: "元" },
            series: [
              {
                type: "bar",
                data: report.totals.map((amount, index) => ({
                  value: amount / 100,
                  itemStyle: { color: BUCKET_COLORS[index % BUCKET_COLORS.length] },
                })),
              },
            ],
          }}
        />
      </Card>
      <Card title={`未收金额前 ${top.length} 名客户的账龄构成`}>
        <Chart
          title={`未收金额前 ${top.length} 名客户的账龄构成（堆叠）`}
          height={Math.max(200, top.length * 26 + 80)}
          option={{
            grid: { left: 170, right: 30, top: 36, bottom: 30 },
            legend: { top: 4, data: report.buckets.map((bucket) => bucket.label) },
            xAxis: { type: "value", name: "元" },
            yAxis: {
              type: "category",
              inverse: true,
              data: top.map((row) => row.clientName),
              axisLabel: { width: 150, overflow: "truncate" },
            },
            series: report.buckets.map((bucket, index) => ({
              name: bucket.label,
              type: "bar",
              stack: "aging",
              itemStyle: { color: BUCKET_COLORS[index % BUCKET_COLORS.length] },
              data: top.map((row) => row.amounts[index]! / 100),
            })),
          }}
        />
      </Card>
      <Card title={`按客户（${report.clients.length} 户）`}>
        <Table>
          <thead>
            <tr>
              <Th>客户</Th>
              <Th>业务员</Th>
              {report.buckets.map((bucket) => (
                <Th key={bucket.key} numeric>
                  {bucket.label}
                </Th>
              ))}
              <Th numeric>未收合计</Th>
            </tr>
          </thead>
          <tbody>
            {report.clients.map((row) => (
              <tr key={row.clientId}>
                <Td>
                  <Link href={`/clients/${row.clientId}`} className="text-brand-700 hover:underline">
                    {row.clientName}
                  </Link>
                </Td>
                <Td className="text-slate-600">{row.accountManagerName ?? "—"}</Td>
                {row.amounts.map((amount, index) => (
                  <Td key={report.buckets[index]!.key} numeric>
                    <Money fen={amount} tone={index > 0 ? "danger" : undefined} />
                  </Td>
                ))}
                <Td numeric className="font-medium">
                  <Money fen={row.outstanding} />
                </Td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <Td>合计</Td>
              <Td />
              {report.totals.map((amount, index) => (
                <Td key={report.buckets[index]!.key} numeric>
                  <Money fen={amount} />
                </Td>
              ))}
              <Td numeric>
                <Money fen={report.outstanding} />
              </Td>
            </tr>
            <tr className="text-xs text-slate-500">
              <Td>占比</Td>
              <Td />
              {report.totals.map((amount, index) => (
                <Td key={report.buckets[index]!.key} numeric>
                  {report.outstanding > 0 ? `${((amount * 100) / report.outstanding).toFixed(1)}%` : "—"}
                </Td>
              ))}
              <Td numeric>100%</Td>
            </tr>
          </tfoot>
        </Table>
      </Card>
    </>
  );
}
