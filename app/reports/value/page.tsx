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
import { percentText, valueChartOption } from "./chart-option";
import { valueInput } from "./params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "客户价值排名" };

type Report = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["value"]["ranking"]>>;

const CLASS_STYLES = {
  A: "bg-emerald-100 text-emerald-800",
  B: "bg-sky-100 text-sky-800",
  C: "bg-slate-100 text-slate-600",
} as const;

export default async function ValuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireAccess("value.ranking");
  const params = await searchParams;
  const query = { from: param(params, "from"), to: param(params, "to"), sortBy: param(params, "sortBy") };
  const caller = await serverCaller();
  const result = await load(() => caller.value.ranking(valueInput(params)));

  return (
    <>
      <PageHeader
        title="客户价值排名"
        subtitle={
          result.ok
            ? `签约日期 ${formatChineseDate(result.data.from)} 至 ${formatChineseDate(result.data.to)}`
            : undefined
        }
        actions={<ExportLinks report="value" params={params} />}
      />
      <FilterForm resetHref="/reports/value">
        <FilterField label="签约日期从">
          <input type="date" name="from" defaultValue={query.from ?? (result.ok ? result.data.from : "")} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="签约日期至">
          <input type="date" name="to" defaultValue={query.to ?? (result.ok ? result.data.to : "")} className={FILTER_INPUT} />
        </FilterField>
        {user.seesCosts ? (
          <FilterField label="排序">
            <select name="sortBy" defaultValue={query.sortBy ?? "revenue"} className={FILTER_INPUT}>
              <option value="revenue">按收入</option>
              <option value="profit">按毛利</option>
            </select>
          </FilterField>
        ) : null}
      </FilterForm>
      <ul className="mb-4 space-y-0.5 text-xs text-slate-500">
        <li>收入：期间内签约合同的合同总额之和；成本：这些合同的媒体采购成本与制作成本之和；毛利 = 收入 − 成本，毛利率 = 毛利 ÷ 收入。</li>
        <li>
          帕累托分类：按收入从高到低排序（收入相同按客户名称排序），排在某客户之前的累计收入占比低于 80% 的为 A 类，低于 95%
          的为 B 类，其余为 C 类（跨过 80% 的客户仍为 A 类）。期间内没有签约合同的客户不列出。
        </li>
      </ul>
      {result.ok ? <ValueReport report={result.data} seesCosts={user.seesCosts} /> : <Alert>{result.message}</Alert>}
    </>
  );
}

function ValueReport({ report, seesCosts }: { report: Report; seesCosts: boolean }) {
  if (report.rows.length === 0) {
    return (
      <Card>
        <EmptyState title="这段时间没有签约合同">请扩大签约日期范围，或到客户页面为客户新增合同。</EmptyState>
      </Card>
    );
  }
  const top = [...report.rows].sort((a, b) => a.revenueRank - b.revenueRank).slice(0, 20);
  const { totals } = report;
  return (
    <>
      <Card title={`收入前 ${top.length} 名客户与累计占比`}>
        <Chart option={valueChartOption(top)} title="客户收入柱状图与累计收入占比折线" height={340} />
      </Card>
      <Card title={`客户排名（共 ${report.rows.length} 家）`}>
        <Table>
          <thead>
            <tr>
              <Th numeric>排名</Th>
              <Th>客户</Th>
              <Th>分类</Th>
              <Th numeric>合同数</Th>
              <Th numeric>收入</Th>
              {seesCosts ? (
                <>
                  <Th numeric>成本</Th>
                  <Th numeric>毛利</Th>
                  <Th numeric>毛利率</Th>
                </>
              ) : null}
              <Th numeric>收入占比</Th>
              <Th numeric>累计占比</Th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.clientId}>
                <Td numeric>{row.revenueRank}</Td>
                <Td>
                  <Link href={`/clients/${row.clientId}`} className="text-brand-700 hover:underline">
                    {row.clientName}
                  </Link>
                </Td>
                <Td>
                  <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${CLASS_STYLES[row.paretoClass]}`}>
                    {row.paretoClass} 类
                  </span>
                </Td>
                <Td numeric>{row.contractCount}</Td>
                <Td numeric>
                  <Money fen={row.revenue} />
                </Td>
                {seesCosts ? <CostCells revenue={row.revenue} cost={row.cost} profit={row.grossProfit} /> : null}
                <Td numeric>{percentText(row.shareBasisPoints)}</Td>
                <Td numeric>{percentText(row.cumulativeBasisPoints)}</Td>
              </tr>
            ))}
          </tbody>
          <tfoot className="font-semibold">
            <tr>
              <Td />
              <Td>合计</Td>
              <Td />
              <Td numeric>{totals.contractCount}</Td>
              <Td numeric>
                <Money fen={totals.revenue} />
              </Td>
              {seesCosts ? <CostCells revenue={totals.revenue} cost={totals.cost} profit={totals.grossProfit} /> : null}
              <Td numeric>100.0%</Td>
              <Td />
            </tr>
          </tfoot>
        </Table>
      </Card>
    </>
  );
}

function CostCells({ revenue, cost, profit }: { revenue: number; cost: number | null; profit: number | null }) {
  return (
    <>
      <Td numeric>{cost === null ? "—" : <Money fen={cost} />}</Td>
      <Td numeric>{profit === null ? "—" : <Money fen={profit} tone={profit < 0 ? "danger" : undefined} />}</Td>
      <Td numeric>{profit === null || revenue === 0 ? "—" : percentText(Math.round((profit * 10000) / revenue))}</Td>
    </>
  );
}
