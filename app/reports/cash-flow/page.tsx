import type { Metadata } from "next";

import { serverCaller } from "../../../server/context";
import { Chart } from "../../components/chart";
import { FILTER_INPUT, FilterField, FilterForm } from "../../components/filter-form";
import { Alert, Card, EmptyState, Money, PageHeader, Table, Td, Th } from "../../components/ui";
import { requireAccess } from "../../lib/auth";
import { load } from "../../lib/errors";
import { ExportLinks } from "../../export/export-links";
import { param, type SearchParams } from "../../lib/params";
import { changeText } from "../trend/chart-option";
import { cashFlowChartOption } from "./chart-option";
import { cashFlowInput } from "./params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "成本与现金流" };

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type Report = Awaited<ReturnType<Caller["costs"]["cashFlow"]>>;

export default async function CashFlowPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAccess("costs.cashFlow");
  const params = await searchParams;
  const from = param(params, "from");
  const to = param(params, "to");
  const caller = await serverCaller();
  const result = await load(() => caller.costs.cashFlow(cashFlowInput(params)));

  return (
    <>
      <PageHeader
        title="成本与现金流"
        subtitle={result.ok ? `${result.data.from} 至 ${result.data.to}，按收款月份与付款月份统计` : undefined}
        actions={<ExportLinks report="cash-flow" params={params} />}
      />
      <FilterForm resetHref="/reports/cash-flow">
        <FilterField label="开始月份">
          <input type="month" name="from" defaultValue={from ?? (result.ok ? result.data.from : "")} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="结束月份">
          <input type="month" name="to" defaultValue={to ?? (result.ok ? result.data.to : "")} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="背离阈值（百分点）">
          <input
            type="number"
            name="divergencePoints"
            min={0}
            max={1000}
            defaultValue={param(params, "divergencePoints") ?? "10"}
            className={`${FILTER_INPUT} w-24`}
          />
        </FilterField>
      </FilterForm>
      <ul className="mb-4 space-y-0.5 text-xs text-slate-500">
        <li>现金流入：当月收到且未冲销的回款；现金流出：当月支付且未作废的运营成本；没有记录的月份记为 0。</li>
      </ul>
      {result.ok ? <CashFlowSections report={result.data} /> : <Alert>{result.message}</Alert>}
    </>
  );
}

function CashFlowSections({ report }: { report: Report }) {
  const hasFigures = report.months.some((month) => month.cashIn > 0 || month.cashOut > 0);
  return (
    <>
      <DivergenceAlert report={report} />
      {hasFigures ? (
        <Card title="每月现金流入与流出（折线为累计净现金流）">
          <Chart option={cashFlowChartOption(report.months)} title="每月现金流入、流出柱状图与累计净现金流折线" height={340} />
        </Card>
      ) : (
        <Card>
          <EmptyState title="这段时间没有回款和运营成本">请调整开始和结束月份，或到“运营成本”页面登记成本。</EmptyState>
        </Card>
      )}
      <MonthTable report={report} />
      <div className="grid gap-5 lg:grid-cols-2">
        <CategoryCard report={report} />
        <ContractCostCard report={report} />
      </div>
    </>
  );
}

function DivergenceAlert({ report }: { report: Report }) {
  const rule = `规则：对每个月，比较近 3 个月（含当月）与再往前 3 个月的成本增长率和签约收入增长率，成本增长率比收入增长率高出超过 ${report.divergencePoints} 个百分点时提示（任一前期为 0 时不判定）。`;
  if (report.warnings.length === 0) {
    return (
      <Alert tone="info">
        没有成本增长快于收入增长的月份。
        <span className="mt-1 block text-xs">{rule}</span>
      </Alert>
    );
  }
  return (
    <Alert tone="warning">
      <p className="font-semibold">成本增长快于收入增长：</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {report.warnings.map((warning) => (
          <li key={warning.month}>
            {warning.window.from} 至 {warning.window.to} 比 {warning.previous.from} 至 {warning.previous.to}：成本
            {changeText(warning.costGrowthBasisPoints)}，收入 {changeText(warning.revenueGrowthBasisPoints)}
            {warning.topCategories.length > 0 ? (
              <>
                ；增长最多的类别：
                {warning.topCategories.map((category, index) => (
                  <span key={category.categoryId}>
                    {index > 0 ? "、" : ""}
                    {category.name}（+<Money fen={category.growth} />）
                  </span>
                ))}
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <span className="mt-1 block text-xs">{rule}</span>
    </Alert>
  );
}

function MonthTable({ report }: { report: Report }) {
  return (
    <Card title="每月现金流">
      <Table>
        <thead>
          <tr>
            <Th>月份</Th>
            <Th numeric>现金流入</Th>
            <Th numeric>现金流出</Th>
            <Th numeric>净现金流</Th>
            <Th numeric>累计净现金流</Th>
          </tr>
        </thead>
        <tbody>
          {report.months.map((month) => (
            <tr key={month.month}>
              <Td>{month.month}</Td>
              <Td numeric>
                <Money fen={month.cashIn} />
              </Td>
              <Td numeric>
                <Money fen={month.cashOut} />
              </Td>
              <Td numeric>
                <Money fen={month.net} tone={month.net < 0 ? "danger" : undefined} />
              </Td>
              <Td numeric>
                <Money fen={month.cumulativeNet} tone={month.cumulativeNet < 0 ? "danger" : undefined} />
              </Td>
            </tr>
          ))}
        </tbody>
        <tfoot className="font-semibold">
          <tr>
            <Td>合计</Td>
            <Td numeric>
              <Money fen={report.totals.cashIn} />
            </Td>
            <Td numeric>
              <Money fen={report.totals.cashOut} />
            </Td>
            <Td numeric>
              <Money fen={report.totals.net} tone={report.totals.net < 0 ? "danger" : undefined} />
            </Td>
            <Td />
          </tr>
        </tfoot>
      </Table>
    </Card>
  );
}

function CategoryCard({ report }: { report: Report }) {
  return (
    <Card title="现金流出按成本类别">
      <Table>
        <thead>
          <tr>
            <Th>类别</Th>
            <Th numeric>金额</Th>
            <Th numeric>占比</Th>
          </tr>
        </thead>
        <tbody>
          {report.categories.map((category) => (
            <tr key={category.id}>
              <Td>{category.name}</Td>
              <Td numeric>
                <Money fen={category.total} tone={category.total === 0 ? "muted" : undefined} />
              </Td>
              <Td numeric>{share(category.total, report.totals.cashOut)}</Td>
            </tr>
          ))}
        </tbody>
        <tfoot className="font-semibold">
          <tr>
            <Td>合计</Td>
            <Td numeric>
              <Money fen={report.totals.cashOut} />
            </Td>
            <Td />
          </tr>
        </tfoot>
      </Table>
    </Card>
  );
}

function ContractCostCard({ report }: { report: Report }) {
  const media = report.contractCosts.reduce((sum, row) => sum + row.mediaCost, 0);
  const production = report.contractCosts.reduce((sum, row) => sum + row.productionCost, 0);
  return (
    <Card title="合同成本按业务类型（按签约月份）">
      {report.contractCosts.length === 0 ? (
        <EmptyState title="这段时间没有签约合同">合同的媒体采购成本和制作成本在合同页面填写。</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>业务类型</Th>
              <Th numeric>媒体采购成本</Th>
              <Th numeric>制作成本</Th>
              <Th numeric>合计</Th>
            </tr>
          </thead>
          <tbody>
            {report.contractCosts.map((row) => (
              <tr key={row.businessTypeId}>
                <Td>{row.name}</Td>
                <Td numeric>
                  <Money fen={row.mediaCost} />
                </Td>
                <Td numeric>
                  <Money fen={row.productionCost} />
                </Td>
                <Td numeric>
                  <Money fen={row.total} />
                </Td>
              </tr>
            ))}
          </tbody>
          <tfoot className="font-semibold">
            <tr>
              <Td>合计</Td>
              <Td numeric>
                <Money fen={media} />
              </Td>
              <Td numeric>
                <Money fen={production} />
              </Td>
              <Td numeric>
                <Money fen={media + production} />
              </Td>
            </tr>
          </tfoot>
        </Table>
      )}
    </Card>
  );
}

/** Share of `part` in `total` as a percentage with one decimal, from integers. */
function share(part: number, total: number): string {
  if (total === 0) return "—";
  const tenths = Math.floor((part * 1000 * 2 + total) / (total * 2));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
